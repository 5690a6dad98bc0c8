"""Rule component ``kg_entity_rules``: the entities KLUE-trained NER does not know.

KLUE tags persons, organisations, places, dates, times and quantities. News
graphs also need events, positions and products, and benefit from
high-precision organisation rules (company forms, ministry names, a
gazetteer). This component adds those spans to ``doc.ents``; where a rule
span overlaps a statistical one, the rule wins. It also re-segments entities
for the graph (a place chain becomes one node per place, a foreign name cut in
two is joined) and keeps the model's own spans in ``doc.spans["ner"]``.

Labels: ``PS`` person, ``OG`` organisation, ``LC`` place, ``EV`` event,
``CV`` position, ``AF`` product (KLUE/NIKL-style codes, see :mod:`kg.nlp.labels`).

>>> from kg.nlp import load_pipeline
>>> nlp = load_pipeline(ner=False)
>>> doc = nlp("이종호 과학기술정보통신부 장관이 '디지털 기업 간담회'에 참석했다.")
>>> [(e.text, e.label_) for e in doc.ents]
[('이종호', 'PS'), ('과학기술정보통신부', 'OG'), ('장관', 'CV'), ('디지털 기업 간담회', 'EV')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp.labels import normalise_label
from kg.nlp.lexicon import (
    AREA_WORDS,
    EVENT_HEADS,
    FACILITY_WORDS,
    KOREAN_SURNAMES,
    ORG_SUFFIXES,
    POSITION_WORDS,
    SETTLEMENT_WORDS,
    STATEMENT_WORDS,
    SURROUNDINGS,
    TIME_DETERMINERS,
    VENUE_HEADS,
    WITHHELD_NAME,
    ZONE_HEADS,
    gazetteer,
    word_list,
)

__all__ = ["EntityRules", "eojeols", "noun_core"]

NOUNISH = {"NNG", "NNP", "NNB", "SL", "SN", "SH", "XSN", "XPN", "XR", "W_SERIAL", "USER0"}
_JOINERS = {"·", "∙", "-", "&", "・"}
_QUOTES = {"'": "'", "‘": "’", '"': '"', "“": "”", "「": "」", "『": "』", "《": "》", "〈": "〉", "<": ">"}
# Brackets that Korean writing keeps for titles of works: <연개소문>, 《해신》, 〈광장〉.
_TITLE_BRACKETS = frozenset({"<", "《", "〈"})
_LAUNCH_CUES = ("출시", "시연", "선보", "공개")
# Verbs that only a work or a device is the object or subject of.
_RELEASE_CUES = ("출시", "발매", "개봉", "출간", "방영", "상영")
_GENERIC_OBJECTS = {"제품", "신제품", "서비스", "계획", "결과", "방안", "내용", "사실", "정보", "기술", "모델",
                    "OST", "DVD", "CD", "TV", "PC", "OS", "BGM", "VR", "AR", "AI"}
_DEMO_CUES = ("시연", "선보이", "선보", "출시", "공개", "전시", "소개", "발표")
# Nouns ending in an organisation suffix that are not organisations.
_NOT_ORG = {"일부", "내부", "외부", "전부", "세부", "간부", "상부", "하부", "본부", "지원", "인원", "회원", "차원",
            "병원", "공원", "대학", "학교", "센터", "정부", "기부", "여부", "초원", "자원", "연구원", "이사", "사업부", "무노조",
            "상단부", "하단부", "중앙부"}
# Places and common nouns that end like a party (당): 문화의마당, 예배당, 수당.
_NOT_ORG_ENDINGS = frozenset({"마당", "식당", "성당", "강당", "예배당", "회당", "사당", "수당", "담당", "해당", "상당"})
# Endings that make a common noun a title (감사원장, 선임보좌관, 청년특별위원).
_TITLE_SUFFIXES = frozenset({"위원장", "원장", "관장", "처장", "청장", "국장", "실장", "팀장", "소장", "단장", "부장",
                             "학부장", "집행장", "보좌관", "비서관", "수석", "대변인", "특보", "위원", "회장", "사장",
                             "총장", "의장", "감독", "대표", "장관", "차관", "총리", "대사",
                             # (a ministry's director-general: 전략기술개발관, 국제협력관)
                             "정책관", "기획관", "심의관", "조정관", "개발관", "협력관"})
# A title after a name glossed in Chinese characters: 부핑(步平) 근현대사 연구소장, 아베 신조(安倍晋三) 총리.
_GLOSSED_NAME_TITLE = re.compile(r"\s*(?:\S+\s+)?\S*(?:교수|소장|총리|주석|대표|회장|사장|장관|대사|위원|의원|감독|작가|기자|선수)")
# Words of a sentence about a game between teams.
_GAME_CUE = re.compile(r"경기|결승|리그|시즌|구단|꺾|이겼|이기고|패배|승리|격파|득점|우승")
# Common words that end like a title and are none (근현대사, 공사장, 백사장, 공소장).
_NOT_TITLES = ("현대사", "근대사", "고대사", "공사장", "백사장", "발사장", "공소장", "기소장", "고소장")
# Titles of a department's head, written onto the department's name: 보행자전거과장, 감염병관리팀장.
_DEPARTMENT_HEADS = frozenset({"과장", "국장", "팀장", "실장", "본부장", "센터장"})
# Endings of an office's or a department's name (도시계획국, 강남구청, 홍보팀).
_UNIT_ENDINGS = ("국", "과", "팀", "실", "단", "본부", "센터", "청", "처")
_ADMIN_UNITS = ("구", "동", "군", "읍", "면", "리")
# How the name of a city, province or smaller unit ends (수원시, 경기도, 팔달구).
_ADMIN_PLACE_ENDINGS = (*_ADMIN_UNITS, "시", "도")
# Offices a model may take for places: courts, police, city halls, ministries (…부), news agencies.
_OFFICE_ENDINGS = ("경찰서", "경찰청", "시청", "군청", "구청", "도청", "지방법원", "지법", "지검", "지원", "법원", "행정부",
                   "교육청", "통신", "위원회", "부")
# Parts of a region, which end like an office (…부) and are none: 경기 북부.
_DIRECTIONS = ("북부", "남부", "동부", "서부", "중부")
# Endings of roads and crossings, places whatever a model calls them: 한강대로, 경부고속도로, 마포대교.
_ROADS = ("대로", "고속도로", "순환로", "터널", "대교")
# Titles that name a body before them, a group or what one founded: 빅뱅 전 멤버, 위키백과 창립자.
_BODY_TITLES = frozenset({"멤버", "리더", "보컬", "창업자", "공동창업자", "설립자", "창립자", "창시자"})
# Words that begin the name of a public venue: 국가체육장, 시립미술관.
_PUBLIC = ("국가", "국립", "시립", "도립", "구립", "중앙", "국제", "종합", "시민")
# Words before a quoted title that make it a work (a Product): 영화 '엉클 분미'.
_WORKS = frozenset({"영화", "드라마", "작품", "앨범", "노래", "곡", "신곡", "싱글", "소설", "책", "도서", "시집", "게임",
                    "프로그램", "애니메이션", "만화", "웹툰", "시리즈", "예능", "뮤지컬", "연극", "다큐멘터리", "앱",
                    "애플리케이션", "서비스", "플랫폼", "브랜드"})
# Words for a kind of product written after its quoted name: '팝 타르츠' 제품.
_PRODUCT_KINDS = frozenset({"제품", "신제품", "상품", "서비스", "브랜드", "앨범", "음반", "게임", "앱", "애플리케이션", "차량", "차종",
                            "스마트폰", "과자", "음료", "라면", "의약품", "백신", "치료제"})
# Words for a kind of work or device that its name follows unquoted: 애니메이션 겨울왕국, 스마트폰 노바폰.
_GENRES = frozenset({"영화", "드라마", "애니메이션", "만화영화", "만화", "웹툰", "소설", "시집", "게임", "앨범", "음반",
                     "싱글", "신곡", "뮤지컬", "연극", "다큐멘터리", "예능", "시리즈", "스마트폰", "휴대폰", "태블릿",
                     "노트북", "게임기", "학습지", "발사체", "우주발사체", "로켓", "인공위성", "탐사선", "우주선",
                     "잠수함", "항공모함", "여객선", "여객기"})
# Titles of a local government's head or council written onto its place: 부산시장, 경기도지사, 강남구청장.
_LOCAL_TITLES = ("광역시장", "특별시장", "시장", "도지사", "지사", "군수", "구청장", "시의원", "도의원", "구의원", "군의원",
                 "교육감")
# Words for a body that its quoted name follows: 시민단체 '아시아평화와 역사교육 연대'.
_ORG_KINDS = frozenset({"단체", "시민단체", "환경단체", "인권단체", "노동단체", "종교단체", "사회단체", "모임", "기관",
                        "연구기관", "정당", "조직", "재단", "협회", "노조", "연합체", "협의체",
                        # (일간지 '더 선': a paper is its publisher)
                        "일간지", "신문", "신문사", "주간지", "잡지", "통신사", "방송사", "언론사"})
# Words for a company that a company's name follows: 스타트업 파도랩.
_COMPANY_WORDS = frozenset({"스타트업", "기업", "업체", "회사", "벤처", "벤처기업", "제조사", "게임사", "제약사", "통신사",
                            "유통사", "자회사", "계열사", "협력사", "운영사", "개발사", "포털", "취업포털", "언론사",
                            # and the groups and clubs named like them: 그룹 빅뱅, 클럽 버닝썬
                            "그룹", "밴드", "걸그룹", "보이그룹", "클럽", "방송사"})
# Heads of a document's name (정부조직 개편안, 08헌장) and the verbs that bring one out.
_DOCUMENT_HEADS = frozenset({"개편안", "개혁안", "개정안", "권고안", "조정안", "합의안", "계획안", "헌장", "선언문", "보고서",
                             "백서", "진술서", "통계", "결과", "채점결과", "명단", "지수", "순위", "포고령", "대책", "방안",
                             "계획", "추진계획", "마스터플랜", "가이드라인", "지침", "전망"})
_PUBLISH_CUES = ("발표", "공개", "제출", "권고", "내놓", "채택", "발의", "마련")
# Heads of the name of a law, a bill, a budget or a treaty (국가정보원법, 세월호 특별법, 2013년 예산안, 화학무기금지협약),
# the heads that name none without the word before them (특별법 제정, 예산안 처리), and words that end in 법 and name
# no law (해결방법, 사용법, 불법).
_LAW_HEADS = ("법", "법안", "결의안", "예산안", "협약", "조약", "시행령", "시행규칙")
_LAW_HEAD = re.compile("|".join(_LAW_HEADS))
_GENERIC_LAWS = frozenset({"특별법", "개정법", "관련법", "개정법안", "관련법안", "특별법안", "기본법", "모법", "현행법"})
_NOT_LAWS = ("방법", "수법", "기법", "요법", "화법", "문법", "불법", "편법", "위법", "합법", "적법", "탈법", "입법", "사법",
             "헌법", "어법", "용법", "비법", "마법", "해법", "필법", "작법", "사용법", "조리법", "요리법", "치료법", "계산법",
             "학습법", "공부법", "해결법", "표기법", "작성법", "활용법", "운동법", "대화법", "표현법", "위헌법", "등법",
             "지법", "고법")  # (courts: 서울중앙지법)
# Words for a vehicle or weapon that a model code names: F-15K 전투기, 전용기 Tu-154M.
_VEHICLES = frozenset({"전투기", "전폭기", "폭격기", "수송기", "헬기", "여객기", "항공기", "전용기", "미사일", "탄도미사일",
                       "자주포", "전차", "잠수함", "구축함", "호위함", "로켓", "발사체", "위성", "기종", "드론",
                       "소총", "권총", "산탄총", "기관총", "저격총", "돌격소총", "화기", "개인화기", "장갑차", "헬리콥터",
                       "정찰기", "무인기", "열차", "고속열차"})
_MODEL_CODE = re.compile(r"(?=.*\d)(?=.*[A-Za-z])[A-Za-z]{1,4}-?\d{1,4}[A-Za-z]{0,3}")
# Endings of the names of newspapers and magazines.
_PRESS = frozenset({"일보", "신문", "뉴스", "타임스", "저널", "통신", "한겨레", "포스트"})
# Heads of institution names written in several words (국제 올림픽 위원회, 대통령직 인수위원회).
_INSTITUTION_HEADS = frozenset({"위원회", "협회", "연맹", "재단", "협의회", "연합회", "조합", "학회", "공사", "공단",
                                "대사관", "영사관", "대표팀", "국가대표팀", "연구팀", "연구진", "사절단", "대표단", "선수단",
                                "조사단", "합창단", "교향악단", "경찰", "검찰", "육군", "해군", "공군", "해병대", "공연단",
                                "예술단", "방문단", "응원단", "봉사단", "취재단"})
# Heads that end an organisation's name, for its short forms (인수위원회 → 인수위).
_ORG_HEADS = frozenset({"위원회", "부", "처", "청", "당", "협회", "연맹", "재단", "공사", "공단", "은행", "연구원", "대학교"})
# Words that end a company's national or global branch name: 구글 코리아, 천지인터내셔널 트럭.
_BRANCH_WORDS = frozenset({"코리아", "재팬", "차이나", "인터내셔널", "글로벌"})
# Words for a natural feature or a region that follow its name as a word of their own: 모노 호수, 간토 지방.
_FEATURE_HEADS = frozenset({"호수", "강", "산", "산맥", "해협", "사막", "평야", "고원", "지방", "분지", "해안", "계곡",
                            "폭포", "화산", "운하"})
_PLACE_HEADS = frozenset({"공화국", "주", "현", "왕국", "연방", "섬", "제도", "반도", "자치구", "특별시", "광역시"})
# Heads of events that happen to places rather than being held there.
_INCIDENT_HEADS = frozenset({"사건", "사고", "포격", "침몰", "참사", "테러", "화재", "산불", "지진", "폭동", "학살", "파업",
                             "쿠데타", "전쟁"})
# Nouns that place a clause in time or setting and never begin a name: …이 참석한 가운데 포럼이 열렸다.
_NOT_IN_NAMES = frozenset({"가운데", "속", "중", "끝", "뒤", "후", "전", "이후", "이전", "직후", "직전", "당시", "무렵", "동안", "사이", "등",
                           "본래", "원래", "당초", "경", "께", "쯤"})
# Words that are titles only right after a person's name (주장 is also a claim, 고문 torture, 경위 the
# circumstances, 교사 incitement: 살인교사). (Not 의사: 안중근 의사 is a patriot, no doctor; nor a soldier's
# rank, which news writes after a bare surname: 윤 일병 is the person.)
_TITLES_AFTER_NAMES = frozenset({"주장", "부주장", "고문", "서기", "회계", "총무", "검사", "경위", "경감", "경정", "경사",
                                 "대장", "감사", "학생", "모델", "타자", "심판", "주심", "선생", "교사"})
# The rule label of a gazetteer class.
_GAZETTEER_LABEL = {"Place": "LC", "Organization": "OG", "Product": "AF"}
_FORCES = frozenset({"육군", "해군", "공군", "해병대", "경찰", "검찰"})
# A church takes the proper names before it as its name, like a force (성공회 교회), but no place
# (대한민국 교회 is no name; 백령도 중화동 교회 is a church in 백령도).
_NAMED_HEADS = _FORCES | {"교회"}
# Words for a country's government, which the country's name makes one organisation: 대한민국 정부.
_GOVERNMENT_WORDS = frozenset({"정부", "당국", "행정부", "내각", "정부군"})
_ORG_UNITS = frozenset({"위원회", "본부", "지부", "사무국", "사무처", "노조", "지도부", "연구소", "분과"})
# Words that qualify a title rather than name an organisation (전 국무총리, 대선 후보).
_TITLE_WORDS = {"전", "현", "신임", "당시", "대선", "총선", "전직", "현직", "공동", "초대", "상임", "수석", "선임", "차기",
                "명예", "부", "대리", "직무대행", "임시", "미", "한", "중", "일", "북", "남"}
_AWARD = re.compile(r"^(?:노벨\S*상|\S*(?:문학|평화|경제학|물리학|화학|생리의학|작품|감독|남우주연|여우주연|남우조연|여우조연|"
                    r"신인|공로|황금종려|각본|심사위원|최우수|인기|특별|음악|촬영|미술)상|[금은동]메달|MVP|최우수선수|"
                    # (a league's titles: 다승왕, 홈런왕, 신인왕)
                    r"(?:득점|도움|신인|다승|타점|타율|홈런|도루|세이브|홀드|탈삼진|출루율|장타율|최다안타|안타|구원)왕)$")
_COUNTRY_ABBREVIATIONS = {"미", "중", "일", "한", "북", "러", "영", "독", "불", "인", "日", "美", "中", "英"}
# Syllables that transliterated names use and Korean given names (almost) never do: 이방카, 도널드.
_FOREIGN_SYLLABLES = "르드스트크프브츠즈카쿠슈너야데테케페베뉴퓨맥잭존톰샤셰쇼핀렌틴릭닉"
_KOREAN_NAME = re.compile(f"^[{KOREAN_SURNAMES}][^{_FOREIGN_SYLLABLES}\\s]{{1,2}}$")
_PERSON = re.compile(r"^[가-힣]{2,4}$")
_SSI_NAME = re.compile(f"^[{KOREAN_SURNAMES}][가-힣]{{1,3}}$")  # (a name before 씨 may be unusual: 백도라지)
# After a name: an age in brackets (45), 씨/군/양/옹, or a word for a person (농민, 할머니 …).
_PERSON_CUE = re.compile(r"\s*\(\d{1,3}(?:세)?[,)]|(?:\s*(?:씨|군|양|옹|여사)|\s+(?:농민|주민|할머니|할아버지|어린이|학생|"
                         r"노동자|소년|소녀|청년))(?:[은는이가을를의와과도]|에게)?(?![가-힣])")
# Kiwi's score for a one-morpheme word it has in its dictionary is around -7 to -12; for a name it
# has never seen (김도윤, 권하린) around -22 to -28.
_UNKNOWN_SCORE = -18.0
_FAMOUS_SCORE = -10.0  # 오바마 -9.2, 트럼프 -9.5; a Korean name Kiwi knows, 김동훈 -12.9
_REGNAL = re.compile(r"^(?:[1-9]|1[0-9])세$")
_EDGE_MARKS = frozenset({"SSO", "SSC", "SS"})
# What separates two names of one list: a comma (with unnamed one-word items between) or 및/와/과.
_LIST_GAP = re.compile(r"\s*(?:[,·、]\s*(?:[^\s,·、]+\s*[,·、]\s*)*|및\s+|[와과]\s+)")
# Forms that end the names of sports clubs: 발렌시아 CF, 아스널 FC.
_CLUB_FORMS = frozenset({"FC", "CF", "SC", "AC", "AFC", "CD", "SV", "FK"})
# Relative forms of "be held": what follows them is an event.
_HELD = frozenset({"열린", "열리는", "열렸던", "개최된", "개최되는", "개최되었던", "개최됐던"})
# Any form of "be held" (finite ones too): the word before it with 에서 is where.
_HOLDING = re.compile(r"^(?:열린|열리는|열렸|개최된|개최되|개최됐|거행된|거행되|거행됐)")
# How a venue's own word ends (비상대책위원장실, 인천SK행복드림구장, 다빈치볼룸).
_VENUE_ENDINGS = VENUE_HEADS | frozenset({"실", "홀", "룸", "구장", "빌딩", "타워", "전당", "관"})
# Words for a room or hall inside a venue (대회의장, 브리핑룸, 영빈관) or an organisation's building (서울경찰청
# 청사), not a venue of its own (박물관).
_ROOMS = frozenset({"실", "룸", "홀", "회의장", "강당", "극장", "회견장", "연회장", "영빈관", "소통관", "춘추관", "별관",
                    "본관", "청사", "사옥"})
# Generic heads after which a place chain is one name (남아프리카 공화국, 베이징 국가체육장).
_CHAIN_HEADS = _PLACE_HEADS | VENUE_HEADS
# 태풍특보, 한파특보: a weather warning, not a special envoy (특보)
_WEATHER_WARNING = re.compile(r"(?:기상|태풍|한파|호우|폭염|대설|풍랑|강풍|건조|폭풍|해일|황사|지진|미세먼지)\s*특보$")
_COMPANY_FORM = re.compile(r"^(?:㈜|\(주\)|주식회사\s*)|(?:㈜|\(주\)|주식회사)$")


def eojeols(doc: Doc | Span) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` of the space-separated words (어절).

    >>> from kg.nlp import load_pipeline
    >>> doc = load_pipeline(ner=False)("장관이 간담회에 참석했다.")
    >>> [doc[s:e].text for s, e in eojeols(doc)]
    ['장관이', '간담회에', '참석했다.']
    """
    out: list[tuple[int, int]] = []
    start = None
    for tok in doc:
        # Brackets separate words too: 중앙선거관리위원회(위원장 김용덕); so does a quote mark that opens a
        # word (“핵안보정상회의와).
        if tok.is_space or tok.text in ("(", ")") or (start is None and tok.tag_ == "SSO"):
            if start is not None:
                out.append((start, tok.i))
                start = None
            continue
        if start is None:
            start = tok.i
        if tok.whitespace_:
            out.append((start, tok.i + 1))
            start = None
    if start is not None:
        out.append((start, len(doc) if isinstance(doc, Doc) else doc.end))
    return out


def noun_core(doc: Doc, start: int, end: int) -> int:
    """End index of the run of noun-like tokens that begins the word ``doc[start:end]``."""
    tags, texts = _tags_and_texts(doc)
    i = start
    while i < end:
        if tags[i] in NOUNISH:
            i += 1
        elif texts[i] in _JOINERS and i + 1 < end and tags[i + 1] in NOUNISH and i > start:
            i += 1
        elif texts[i] == "의" and i + 1 < end and tags[i + 1] in NOUNISH and i > start:
            # Within one written word a genitive is Kiwi misreading a compound: 전국의사궐기대회.
            i += 1
        elif tags[i].endswith("+VCP") and tags[i].split("+")[0] in NOUNISH:
            return i + 1  # 대표다: a noun with the copula contracted onto it ends the core
        else:
            break
    return i


def _span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` without making a Span: the rules read words' texts millions of times a corpus."""
    cached = doc.user_data.get("kg.bounds")
    if cached is None or len(cached[1]) != len(doc):
        cached = doc.user_data["kg.bounds"] = (doc.text, [t.idx for t in doc], [t.idx + len(t) for t in doc])
    text, starts, ends = cached
    start, end = max(start, 0), min(end, len(ends))
    return text[starts[start]:ends[end - 1]] if start < end else ""


def _tags_and_texts(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's tag and text as plain lists, made once per document (a Token object is made on
    each ``doc[i]``; the rules look at tokens hundreds of thousands of times per corpus)."""
    cached = doc.user_data.get("kg.tags")
    if cached is None or len(cached[0]) != len(doc):
        cached = doc.user_data["kg.tags"] = ([t.tag_ for t in doc], [t.text for t in doc])
    return cached


if not Doc.has_extension("short_names"):
    Doc.set_extension("short_names", default=[])


class EntityRules:
    """Adds EV, CV, OG, LC, AF and fallback PS spans by rule."""

    def __init__(self, nlp: Language, name: str = "kg_entity_rules", overwrite: bool = True) -> None:
        self.name = name
        self.overwrite = overwrite
        self._tokenizer = nlp.tokenizer
        self._analyses: dict[str, tuple[str, float] | None] = {}  # Kiwi's reading per word: names recur

    def _one_morpheme(self, text: str) -> tuple[str, float] | None:
        """Kiwi's tag and score for ``text`` read alone, if it reads it as one morpheme."""
        kiwi = getattr(self._tokenizer, "kiwi", None)
        if kiwi is None:
            return None
        if text not in self._analyses:
            if len(self._analyses) > 100_000:  # a long-running server: bounded memory
                self._analyses.clear()
            morphs, _ = kiwi.analyze(text, top_n=1)[0]
            self._analyses[text] = (morphs[0].tag, morphs[0].score) if len(morphs) == 1 else None
        return self._analyses[text]

    def _common_noun_person(self, ent: Span) -> bool:
        """공항, 허리케인 as a person: one common noun in Kiwi's dictionary names no one (a name Kiwi does
        not know, 김도윤 read as a common noun, scores low and stays)."""
        # (오+민+석: a name Kiwi cuts into single letters is no word of its dictionary)
        # (소라(ソラ): a word glossed in a foreign script is that script's name, whatever Kiwi knows; so is
        # one whose real name follows, 승리(본명 이승현))
        doc = ent.doc
        return ent.label_ == "PS" and all(t.tag_ in ("NNG", "XSN") and len(t.text) >= 2 for t in ent) \
            and not any(self._unknown_word(t.text) for t in ent) and not _glossed(doc, ent.end) \
            and _span_text(doc, ent.end, ent.end + 2).replace(" ", "") != "(본명" \
            and not (ent.end < len(doc) and doc[ent.end].text == "씨" and doc[ent.end - 1].whitespace_)  # 백도라지 씨

    def _common_word(self, text: str) -> bool:
        """Whether Kiwi's dictionary knows ``text`` as one common noun (정권, 국민; not 베를린)."""
        reading = self._one_morpheme(text)
        return reading is not None and reading[0] == "NNG" and reading[1] >= _UNKNOWN_SCORE

    def _not_a_word(self, text: str) -> bool:
        """Whether Kiwi's dictionary has no one word ``text`` (로마오 reads as 로마+이+오, 아칵포 scores low)."""
        reading = self._one_morpheme(text)
        return reading is None or reading[1] < _UNKNOWN_SCORE

    def _unknown_word(self, text: str) -> bool:
        """Whether Kiwi's dictionary lacks ``text`` (an unseen name, not 정치인): its morpheme scores low.
        (서구을, 중구갑 are electoral districts, not names.)"""
        if text.endswith(("을", "를", "갑")):
            return False
        reading = self._one_morpheme(text)
        return reading is not None and reading[1] < _UNKNOWN_SCORE

    def _foreign_name(self, first: str, last: str) -> bool:
        """Whether ``first last`` reads as a well-known foreign name (버락 오바마, not 넥센 장정석): both
        proper nouns of Kiwi's dictionary, the last one among those its corpus saw most."""
        given, family = self._one_morpheme(first), self._one_morpheme(last)
        return given is not None and family is not None and given[0] == family[0] == "NNP" \
            and given[1] >= _UNKNOWN_SCORE and family[1] >= _FAMOUS_SCORE

    def _given_name(self, given: str, name: str) -> bool:
        """Whether ``given`` before ``name`` is a foreign given name (조 바이든, 버락 오바마; not 민변 이종훈,
        미국 오바마)."""
        if _looks_like_org(given) or given in word_list("places") or given in gazetteer():
            return False
        return self._foreign_name(given, name) or not (_KOREAN_NAME.match(name) or _KOREAN_NAME.match(given))

    def _electoral_district(self, text: str) -> bool:
        """관악갑, 부천병: a place Kiwi knows as a proper noun, then 갑/을/병 (a constituency, no name)."""
        reading = self._one_morpheme(text[:-1]) if len(text) >= 3 and text[-1] in "갑을병" else None
        return reading is not None and reading[0] == "NNP" and reading[1] >= _UNKNOWN_SCORE

    def __call__(self, doc: Doc) -> Doc:
        # The model's spans follow KLUE's conventions (경북 영주시 is one place); the rules below
        # re-segment them for the graph (two places). ``kg eval ner`` scores the former.
        not_names = word_list("not_names")
        # A model trained with konec's extra labels names them POSITION, EVENT, PRODUCT: ours are CV, EV, AF.
        ents = [e if normalise_label(e.label_) == e.label_ else Span(doc, e.start, e.end, normalise_label(e.label_))
                for e in doc.ents]
        doc.ents = [_whole_word_org(e) for e in map(_without_edge_marks, ents) if e is not None
                    and e.text not in not_names and not self._common_noun_person(e)]
        doc.spans["ner"] = [_klue_class(e) for e in doc.ents]
        words = eojeols(doc)
        spans: list[Span] = []
        spans += self._quoted(doc)
        spans += self._events(doc, words)
        spans += self._held_events(doc, words)
        spans += self._held_venues(doc, words)
        spans += self._orgs_and_positions(doc, words)
        spans += _known_phrases(doc, words)
        spans += _stage_names(doc, words)
        spans += self._local_titles(doc, words)
        spans += self._institutions(doc, words)
        spans += _offices(doc, words)
        spans += _ministries_after_countries(doc, words)
        spans += _typhoons(doc, words)
        spans += _sites(doc, words)
        spans += _laws(doc, words)
        spans += self._described_companies(doc, words)
        spans += self._described_places(doc, words)
        spans += self._called_ssi(doc, words)
        spans += _withheld_names(doc)
        spans += self._products(doc, words)
        spans += self._works_by_genre(doc, words)
        spans += self._documents(doc, words)
        spans += self._model_codes(doc, words)
        spans += self._launched_objects(doc, words)
        spans += self._persons(doc, words, spans)
        # 롯데마트 사업본부: where the model's organisation runs further left than a rule's with the same
        # end, on a word boundary, the model found the beginning of the name — unless what it adds is a
        # place or an organisation of its own (대한민국 기상청, 부산고등법원 형사2부 are two nodes each).
        by_end = {e.end: e for e in doc.ents if e.label_ == "OG"}
        spans = [by_end[s.end] if s.label_ == "OG" and s.end in by_end and by_end[s.end].start < s.start
                 and doc[s.start - 1].whitespace_ and not any(
                     w in word_list("places") or _looks_like_org(w) or w in gazetteer()
                     for w in doc[by_end[s.end].start:s.start].text.split()) else s for s in spans]
        ruled = filter_spans(spans)
        taken = {i for s in ruled for i in range(s.start, s.end)}
        title_ends = {s.end for s in ruled if s.label_ == "CV"}
        statistical = [part for e in doc.ents for part in _outside(e, taken, title_ends)]
        if not self.overwrite:
            ruled = [s for s in ruled if not any(s.start < e.end and e.start < s.end for e in doc.ents)]
            statistical = list(doc.ents)
        ents = _split_places(_join_names(sorted(filter_spans(ruled + statistical), key=lambda s: s.start),
                                         self._given_name), self._common_word)
        ents = self._hanja_glossed_names(doc, words, _foreign_full_names(doc, words, ents))
        ents = _teams(doc, words, _places_by_heads(doc, words, _places_by_form(doc, words, _orgs_after_countries(
            _persons_by_last_word(ents)))))
        ents = _rooms_of_named_venues(doc, words, ents)
        ents = _titles_after_names(doc, words, ents)
        ents = _acting_titles(doc, words, _orgs_before_titles(_orgs_in_titles(doc, words, _join_units(ents))))
        ents = _same_name_same_entity(doc, words, _cued_persons(doc, _lists_share_a_class(ents)))
        ents = _names_before_org_titles(doc, words, _orgs_right_before_titles(doc, words, ents), self._unknown_word)
        ents = _units_before_holders(doc, words, ents)
        ents = _short_names(doc, words, _whole_word_surnames(doc, words, _surnames_before_titles(doc, words, ents)))
        doc._.short_names = doc._.short_names + _named_with_kinds(doc, words, ents) + _airports_without_places(ents)
        # Each step keeps spans apart; should two ever meet, the longer wins rather than the article failing.
        # (the steps may leave a piece of a model span: 공항 of 항저우 샤오산 공항 is no person either)
        doc.ents = [e for e in filter_spans(ents) if not self._common_noun_person(e)
                    and not (e.label_ == "CV" and _WEATHER_WARNING.search(e.text))]
        for key in ("kg.tags", "kg.bounds"):  # (caches of this call, not data to ship with the doc)
            doc.user_data.pop(key, None)
        return doc

    def _hanja_glossed_names(self, doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
        """부핑(步平), 오비나타 스미오(大日方純夫): a Chinese or Japanese name glossed in Chinese characters is
        the person, not the characters the model may have found alone. The name is the word before the
        bracket, and the word before that where it is no common noun (학자 부핑(步平) is one word's name)."""
        found: list[Span] = []
        for n, (start, end) in enumerate(words):
            # (the word touches the bracket; the gloss is two to five characters, a name's, and a person's
            # since the model or a title after it says so)
            if end + 3 >= len(doc) or doc[end].text != "(" or doc[end - 1].whitespace_ or doc[end + 2].text != ")" \
                    or not re.fullmatch(r"[\u4e00-\u9fff]{2,5}", doc[end + 1].text):
                continue
            titled = _GLOSSED_NAME_TITLE.match(_span_text(doc, end + 3, end + 7)) is not None
            # (남조류(藍藻類): a thing's name, though the model took the characters for a person's)
            named = doc[end + 1].ent_type_ == "PS" and all(t.tag_ == "NNP" for t in doc[start:end])
            if not (titled or named) or noun_core(doc, start, end) != end \
                    or any(t.ent_type_ not in ("", "PS") for t in doc[start:end]):
                continue
            begin = start
            if n > 0 and words[n - 1][1] == start and doc[start - 1].whitespace_:
                p_start, p_end = words[n - 1]
                prev = _span_text(doc, p_start, p_end)
                if noun_core(doc, p_start, p_end) == p_end and all(t.ent_type_ in ("", "PS") for t in doc[p_start:p_end]) \
                        and len(prev) <= 6 and prev not in POSITION_WORDS and not self._common_word(prev) \
                        and all(t.tag_ in ("NNP", "NNG") for t in doc[p_start:p_end]):
                    begin = p_start
            found.append(Span(doc, begin, end, label="PS"))
        # (what the model found in the name or in its gloss — the bracket, the characters, the bracket — goes)
        return _overriding(ents, found, reach=3)

    # -- rules --------------------------------------------------------------
    def _quoted(self, doc: Doc) -> Iterator[Span]:
        """'실리콘밸리 디지털 기업 간담회' → EV; ‘KIC실리콘밸리’에서 → LC."""
        stack: list[tuple[str, int]] = []
        work_end = -1  # where the last quoted work ended: 드라마 '해신'과 '연개소문'
        for tok in doc:
            closing = stack and _QUOTES.get(stack[-1][0]) == tok.text
            if closing:
                opener, begin = stack.pop()
                if tok.i - begin < 1 or tok.i - begin > 15:
                    continue
                inner = doc[begin:tok.i]
                if not inner.text.strip() or any(t.tag_ in ("EF", "EC") for t in inner):
                    continue
                # '서울 AI 포럼 2024': a trailing year or number does not hide the head.
                named = [t for t in inner if not (t.tag_ == "SN" or t.is_space)]
                last = named[-1].text if named else ""
                after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                if any(last.endswith(h) for h in EVENT_HEADS):
                    yield Span(doc, begin, tok.i, label="EV")
                elif begin >= 2 and doc[begin - 2].text in _COMPANY_WORDS | _ORG_KINDS and doc[begin - 2].whitespace_ \
                        and len(inner.text) <= 30:
                    # 시민단체 '아시아평화와 역사교육 연대', 업체 '누리셀': what a word for a body names is one
                    yield Span(doc, begin, tok.i, label="OG")
                elif len(inner.text) <= 30 and (opener in _TITLE_BRACKETS or _names_a_work(doc, begin - 1, work_end)
                                                or _called_a_work(doc, tok.i + 1)):
                    # 영화 '엉클 분미', 감독의 '비우티풀', 드라마 '해신'과 '연개소문': a titled work —
                    # 《한겨레21》, <자유일보>: a newspaper or magazine is its publisher.
                    work_end = tok.i
                    press = gazetteer().get(inner.text) == "Organization" or _ends_with(inner.text.rstrip("0123456789"), _PRESS)
                    yield Span(doc, begin, tok.i, label="OG" if press else "AF")
                elif len(inner.text) <= 20 and all(t.tag_ in NOUNISH or t.is_space for t in inner):
                    # '트럼프 인터내셔널 호텔', '법무·검찰 개혁 위원회' (not '자진신고센터', an office, or '… 보수 공사', works)
                    if " " in inner.text.strip() and _ends_with(inner.text, VENUE_HEADS - {"센터"}):
                        yield Span(doc, begin, tok.i, label="LC")
                    elif " " in inner.text.strip() and _ends_with(inner.text, _INSTITUTION_HEADS - {"공사"}):
                        yield Span(doc, begin, tok.i, label="OG")
                    elif after is not None and after.text in ("에서", "에서는", "에선"):
                        label = _GAZETTEER_LABEL.get(gazetteer().get(inner.text, "Place"), "LC")
                        yield Span(doc, begin, tok.i, label=label)
                    elif after is not None and after.text in ("을", "를") and _has_demo_cue(tok.sent):
                        # 예인선 '파도원'을 시연했다: a quoted name shown or launched is a product.
                        yield Span(doc, begin, tok.i, label="AF")
                    elif any(t.ent_type_ == "PS" for t in inner) and _latin_name_gloss(doc, tok.i + 1):
                        # ‘제임스 이건 홈즈’(James Eagan Holmes): a person the model began, spelt out in Latin.
                        yield Span(doc, begin, tok.i, label="PS")
            elif tok.text in _QUOTES and len(stack) < 3:
                stack.append((tok.text, tok.i + 1))

    def _events(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """A noun phrase ending in an event head: 디지털 유니콘·스타트업 간담회."""
        persons = [e for e in doc.ents if e.label_ == "PS"]  # (doc.ents builds its spans anew on each call)
        for n, (start, end) in enumerate(words):
            core_end = noun_core(doc, start, end)
            # On the text, not the last token: Kiwi cuts 기자회견 into 기자 + 회견.
            if core_end == start or not _ends_with(_span_text(doc, start, core_end), EVENT_HEADS):
                continue
            if core_end - start >= 2 and doc[core_end - 2].tag_ == "SN":
                continue  # 264경기, 3회의: a count of events, not one
            if _span_text(doc, start, core_end) == "경기" and core_end == end and n + 1 < len(words) \
                    and re.fullmatch(r"[가-힣]{1,4}[시군]", doc[words[n + 1][0]:noun_core(doc, *words[n + 1])].text):
                continue  # 경기 고양시: the province, not a game
            if core_end == end and n + 1 < len(words) \
                    and doc[words[n + 1][0]:noun_core(doc, *words[n + 1])].text in ("후보", "후보자"):
                continue  # 대선 후보: the election qualifies a candidate's title
            if doc[start].text in TIME_DETERMINERS:
                start += 1
            # 공권력 행사, 거부권 행사: 행사 is the exercise of a right there, not an event.
            if _span_text(doc, start, core_end) == "행사" and n > 0 and doc[words[n - 1][0]:words[n - 1][1]].text.endswith(("권", "력", "권한")):
                continue
            begin = start
            # (칸 국제|영화제: a model span that runs into the event's own word names no one)
            crossing = {i for e in persons if e.start < start < e.end for i in range(e.start, e.end)}
            # Extend left over preceding bare-noun words of the same sentence — and over an acronym in
            # brackets (제17차 화학무기금지협약(CWC) 총회).
            glosses = set()
            head = _span_text(doc, start, core_end)  # (start may have moved past a word of time)
            for p_start, p_end in reversed(words[max(0, n - 4):n]):
                if begin > 0 and doc[begin - 1].tag_ == "SSO" and doc[begin - 1].text not in "(":
                    break  # '디지털 기업 간담회': an opening quote mark begins the name
                if 0 < p_start and p_end < len(doc) and doc[p_start - 1].text == "(" and doc[p_end].text == ")" \
                        and all(t.tag_ == "SL" for t in doc[p_start:p_end]) and p_end + 1 == begin:
                    glosses |= {p_start - 1, p_end}
                    begin = p_start
                    continue
                word = _span_text(doc, p_start, p_end)
                if noun_core(doc, p_start, p_end) != p_end or doc[p_start].text in TIME_DETERMINERS \
                        or word in _NOT_IN_NAMES or (p_end - p_start == 1 and doc[p_start].tag_ == "NNB"):
                    break  # (감은 채 집회에: a bound noun ends the clause before the event)
                # A year belongs to the name (2010년 FIFA 월드컵); other dates do not…
                # …and so do an ordinal, an anniversary and a season (제24회 동계 올림픽, 10주년 기념행사).
                year = re.fullmatch(r"\d{4}년?|제?\s*\d+\s*(?:회|대|차|주년)|[동하춘추]계", word) is not None
                # A title belongs to an election's name (미국 대통령 선거), not to other events.
                election = doc[core_end - 1].text in ("선거", "대선", "총선", "선출", "취임식")
                # (연평도 포격, 강릉 투하사건: an incident's place stays a place of its own)
                incident = _ends_with(head, _INCIDENT_HEADS)
                # (기자 회견, 기자 간담회: the press is part of the event's name, not a title)
                # (관악갑 후보 토론회, 수석비서관 회의: those who meet name the meeting — when no one's name
                # stands before them, as in 김민수 장관 회의 참석)
                press = word == "기자" and head in ("회견", "간담회", "설명회") \
                    or word in ("후보", "후보자") and head.endswith("토론회") \
                    or head in ("회의", "간담회") and p_end == start and (
                        p_start == 0 or doc[p_start - 1].ent_type_ != "PS")
                # (a model's number that begins inside a word, U-17 여자 월드컵, is part of the name)
                if (doc[p_end - 1].text in POSITION_WORDS and not election and not press) or (
                        doc[p_start].ent_type_ in ("PS", "DT", "QT", "TI") and not year and p_start not in crossing
                        # (칸 영화제, 배틀그라운드 대회 with 칸 or 배틀그라운드 a person: a known name is none)
                        and word not in word_list("places") and word not in gazetteer()
                        and not (doc[p_start].ent_type_ == "QT" and doc[p_start].ent_iob_ == "I")
                        and not _in_anniversary(doc, p_start)) or (
                        incident and word in word_list("places")):
                    break
                if any(t.is_sent_start or "\n" in t.text or (t.text in "()" and t.i not in glosses)
                       for t in doc[p_start + 1:begin + 1]):
                    break
                begin = p_start
            # T24 소셜 페스티벌 행사: a generic 행사 after a named event is not part of the name.
            if core_end - begin > 1 and doc[core_end - 1].text in ("행사", "대회") and \
                    _ends_with(_span_text(doc, begin, core_end - 1).rstrip(), EVENT_HEADS):
                core_end -= 1
            if begin < core_end:
                yield Span(doc, begin, core_end, label="EV")
        # Prizes are what one wins (노벨문학상, 감독상; 노벨 화학상 in two words).
        for n, (start, end) in enumerate(words):
            core_end = noun_core(doc, start, end)
            if core_end > start and _AWARD.match(_span_text(doc, start, core_end)):
                yield Span(doc, start, core_end, label="EV")
            elif _span_text(doc, start, end) == "노벨" and n + 1 < len(words) and re.fullmatch(
                    r"\S+상", doc[words[n + 1][0]:(prize_end := noun_core(doc, *words[n + 1]))].text):
                yield Span(doc, start, prize_end, label="EV")

    def _held_events(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """라스베이거스에서 열린 CES 2023에: what is held is an event, whatever its name ends in."""
        for n, (start, end) in enumerate(words[:-1]):
            # (경기가 열리는 잠실에서: with a subject of its own the clause names where, not what)
            if _span_text(doc, start, end) not in _HELD or (n > 0 and doc[words[n - 1][1] - 1].tag_ == "JKS"):
                continue
            # The noun phrase after the verb, up to the word that carries its particle.
            begin, m = words[n + 1][0], n + 1
            while m < len(words) and noun_core(doc, *words[m]) == words[m][1] and m - n < 4:
                m += 1
            # (열린 최고위원회의 직후 기자들과: a word of time ends the event before it, which the head rule reads)
            if m == len(words) or any(_span_text(doc, a, noun_core(doc, a, b)) in _NOT_IN_NAMES for a, b in words[n + 1:m + 1]):
                continue
            core_end = noun_core(doc, *words[m])
            if core_end == words[m][1] or not doc[core_end].tag_.startswith("J"):
                continue  # (개최된 한국철도 · KR 국정감사: a phrase that does not end in a particle is not read)
            name = doc[begin:core_end]
            # Only a name (Latin letters or a proper noun) not told by its head: 열린 회의 is the head rule's.
            if core_end > begin and any(t.tag_ in ("SL", "NNP") for t in name) \
                    and not any(t.ent_type_ in ("PS", "DT", "TI") for t in name) \
                    and not _ends_with(name.text, EVENT_HEADS) and name.text not in word_list("places"):
                yield Span(doc, begin, core_end, label="EV")

    def _held_venues(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """인천SK행복드림구장에서 개최되었다, 비상대책위원장실에서 열린: the word before 에서 and a verb of
        holding is where it was held — a name of its own, not a common noun of Kiwi's dictionary (현장)."""
        for n, (start, end) in enumerate(words[:-1]):
            core_end = noun_core(doc, start, end)
            if core_end == start or _span_text(doc, core_end, end) != "에서" \
                    or not _HOLDING.match(doc[words[n + 1][0]:words[n + 1][1]].text):
                continue
            name = doc[start:core_end]
            # (a model's place or organisation inside the word is replaced by the whole word: 인천SK행복드림|구장)
            if any(t.ent_type_ not in ("", "LC", "OG") for t in name) or all(t.ent_type_ == "LC" for t in name) \
                    or _ends_with(name.text, EVENT_HEADS) \
                    or len(name.text) < 3 or name.text in word_list("places") or _looks_like_org(name.text) \
                    or not re.fullmatch(r"[가-힣A-Za-z0-9]+", name.text) or self._common_word(name.text):
                continue
            # (a venue's word ends like one, or is a name Kiwi does not know: not 국제사회, 비유럽지역)
            if _ends_with(name.text, _VENUE_ENDINGS) or (
                    core_end - start == 1 and self._unknown_word(name.text)):
                yield Span(doc, start, core_end, label="LC")

    def _orgs_and_positions(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        known = gazetteer()
        for n, (start, end) in enumerate(words):
            # ((주)누리텔레콤: the words leave the brackets out, 주 stands alone)
            bracketed = _span_text(doc, start, end) == "주" and _span_text(doc, max(0, start - 1), end + 1) == "(주)"
            if bracketed and start >= 2 and not doc[start - 2].whitespace_:
                if n > 0 and words[n - 1][1] == start - 1 and noun_core(doc, *words[n - 1]) == start - 1:
                    yield Span(doc, words[n - 1][0], end + 1, label="OG")  # 한빛전자(주): the form after the name
                continue
            if (bracketed or doc[start].text in ("주식회사", "(", "㈜") and _span_text(doc, start, end) in ("주식회사", "(주)", "㈜")) \
                    and n + 1 < len(words):
                # 주식회사 에스알(SR)은: the company form and the name are one organisation.
                name_end = noun_core(doc, *words[n + 1])
                if name_end > words[n + 1][0]:
                    yield Span(doc, start - 1 if bracketed else start, name_end, label="OG")
                continue
            form = 3 if _span_text(doc, start, start + 3) == "(주)" else 1 if doc[start].text in ("주식회사", "㈜") else 0
            if form and start + form < end:
                # ㈜누리텔레콤: the form written together with the name
                name_end = noun_core(doc, start + form, end)
                if name_end > start + form:
                    yield Span(doc, start, name_end, label="OG")
                continue
            if doc[start].text in ("[", "<", "《") and start + 1 < end:
                start += 1
            core_end = noun_core(doc, start, end)
            if core_end == start:
                continue
            # 과학기술정보통신부 장관 / 최아름기자 / IAEA 사무총장: a position word ends the core;
            # common nouns before it belong to the title (사무총장, 국무총리), names do not.
            verb = core_end < len(doc) and doc[core_end].tag_.startswith("XSV")  # 주장했다, 대표하다
            # (대법관: Kiwi may cut a title word into a prefix and a noun, 대 + 법관)
            whole = not verb and _span_text(doc, start, core_end) in POSITION_WORDS
            # 대회의장 is a room — but 국회의장, a title of the list, is no 회의장
            verb = verb or not whole and _ends_with(_span_text(doc, start, core_end), VENUE_HEADS)
            if whole or not verb and doc[core_end - 1].text in POSITION_WORDS or not verb and (
                    core_end - start >= 1 and _ends_with(_span_text(doc, start, core_end), _TITLE_SUFFIXES)
                    and doc[core_end - 1].tag_ == "NNG" and not doc[core_end - 1].text.endswith(_NOT_TITLES)):
                title_start = start if whole else core_end - 1
                # (제2차관, 조사2본부장: a number written into the title is part of it)
                while title_start > start and (doc[title_start - 1].tag_ in ("NNG", "SN") or doc[title_start - 1].text == "제"):
                    title_start -= 1
                # (보행자전거과장: the head of a department named in the same word — not of an organisation)
                if title_start > start and doc[core_end - 1].text in _DEPARTMENT_HEADS \
                        and not _org_word(_span_text(doc, start, title_start)) and _span_text(doc, start, title_start) not in known:
                    title_start = start
                if len(_span_text(doc, title_start, core_end)) == 1:
                    title_start = start  # 대한의사협회장: the title names its organisation
                # 외교통상부장관: a known organisation written together with the title.
                for cut in range(title_start + 1, core_end):
                    head = _span_text(doc, title_start, cut)
                    if _span_text(doc, cut, core_end) in POSITION_WORDS and (known.get(head) == "Organization"
                                                                    or head.endswith(("부", "처", "청", "위원회"))):
                        title_start = cut
                        break
                yield Span(doc, title_start, core_end, label="CV")
                core_end = title_start
                if core_end == start:
                    continue
            core = doc[start:core_end]
            text = core.text
            if text in known:
                yield Span(doc, start, core_end, label=_GAZETTEER_LABEL[known[text]])
            elif _COMPANY_FORM.search(text) or (
                _org_word(text) and not re.match(r"\d+[년월일]", text)  # (2014년 1월 1일부로: from a date)
                # one token only if Kiwi knows it as a proper noun the model left alone (한국관광공사, not
                # 정부) or kept a long compound whole (인권민주주의정보센터, six letters or more)
                and (len(core) >= 2 or (core[0].tag_ == "NNP" and len(text) >= 4 and not core[0].ent_type_)
                     or (core[0].tag_ == "NNG" and not core[0].ent_type_
                         and (len(text) >= 6 or (len(text) >= 4 and self._unknown_word(text)))))
                and not _ends_with(text, EVENT_HEADS)
            ):
                yield Span(doc, start, core_end, label="OG")
            elif len(core) == 1 and core[0].tag_ == "NNP" and core[0].ent_type_ in ("", "PS") and 3 <= len(text) <= 5 \
                    and text[-1] in "시군읍면구동" and not _KOREAN_NAME.match(text):
                # 과천시, 삼지연군, 면목동: an administrative unit by its ending (the model may call it a
                # person; a Korean name such as 이영구 stays one)
                yield Span(doc, start, core_end, label="LC")

    def _institutions(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """국제 올림픽 위원회, 러시아 올림픽 위원회, 대통령직 인수위원회: an institution's name takes
        the bare nouns before its head word (a place included, 토고 대표팀 whatever the model called 토고), up
        to three words; a proper noun written with 팀 is a team (한빛팀)."""
        places = word_list("places")
        for n, (start, end) in enumerate(words):
            core_end = noun_core(doc, start, end)
            previous = doc[words[n - 1][0]:words[n - 1][1]] if n > 0 else None
            if previous is not None and previous.text in places and _span_text(doc, start, core_end) in _GOVERNMENT_WORDS:
                yield Span(doc, previous.start, core_end, label="OG")  # 대한민국 정부, 북한 당국
                continue
            if core_end - start >= 2 and doc[core_end - 1].text == "팀" and doc[core_end - 1].tag_ == "NNG" \
                    and all(t.tag_ in ("NNP", "SL") for t in doc[start:core_end - 1]):
                yield Span(doc, start, core_end, label="OG")
                continue
            # 컬럼비아 대학, 세인트 앤드루스 대학교: a university written as a word of its own takes a
            # foreign name the model called a person, but not a place (노르웨이 오슬로 대학 is in Norway).
            head = _span_text(doc, start, core_end)
            university = head in ("대학", "대학교")
            # (당초 경찰은, 이후 검찰에: only a proper name begins a force's name — 대한민국 해군)
            force = head in _NAMED_HEADS
            if core_end == start or not (university or force or _ends_with(head, _INSTITUTION_HEADS)):
                continue
            begin = start
            for p_start, p_end in reversed(words[max(0, n - 3):n]):
                first = doc[p_start]
                word = _span_text(doc, p_start, p_end)
                person = first.ent_type_ == "PS" and not (university and not _KOREAN_NAME.match(word))
                # (쓰러진 후 백남기대책위원회: a one-letter noun such as 후 or 전 is no part of a name)
                if noun_core(doc, p_start, p_end) != p_end or first.text in TIME_DETERMINERS or first.text in ("이하", "당시") or \
                        (p_end - p_start == 1 and len(first.text) == 1 and first.tag_ == "NNG") or \
                        (university and word in places) or \
                        (head == "교회" and (word in places or first.ent_type_ == "LC")) or \
                        ((university or force) and first.tag_ not in ("NNP", "SL")) or \
                        ((person or first.ent_type_ in ("DT", "QT", "TI")) and word not in places) or \
                        doc[p_end - 1].text in POSITION_WORDS or \
                        any(t.is_sent_start or "\n" in t.text for t in doc[p_start + 1:begin + 1]):
                    break
                begin = p_start
            # (세종대왕 동상 보수 공사: 공사 as a word of its own after a common noun is building work)
            if begin < start and not (_span_text(doc, start, core_end) == "공사" and doc[start - 1].tag_ not in ("NNP", "SL")):
                yield Span(doc, begin, core_end, label="OG")

    def _described_companies(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """해양기술 스타트업 파도랩이, 인공지능 스타트업 새벽AI가: the name right after a word for a
        company is a company (a proper noun or Latin letters in it, a particle after it)."""
        for (start, end), (n_start, n_end) in zip(words, words[1:]):
            if noun_core(doc, start, end) != end or doc[end - 1].text not in _COMPANY_WORDS:
                continue
            core_end = noun_core(doc, n_start, n_end)
            core = doc[n_start:core_end]
            if core_end > n_start and core_end < n_end and doc[core_end].tag_.startswith("J") \
                    and any(t.tag_ in ("NNP", "SL") for t in core) \
                    and not (any(t.ent_type_ == "PS" for t in core) and _KOREAN_NAME.match(core.text)) \
                    and core.text not in word_list("places"):
                yield Span(doc, n_start, core_end, label="OG")

    def _called_ssi(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """백도라지 씨가, 박은미 씨는: a word shaped like a Korean name right before 씨 is a person's name,
        whatever Kiwi made of it (도라지 is a root; a withheld name, 김모 씨, is ``_withheld_names``')."""
        for (start, end), (n_start, n_end) in zip(words, words[1:]):
            if doc[n_start].text != "씨" or noun_core(doc, n_start, n_end) != n_start + 1 \
                    or noun_core(doc, start, end) != end or any(t.ent_type_ or not t.tag_.startswith("NN")
                                                                for t in doc[start:end]):
                continue
            text = _span_text(doc, start, end)
            if _SSI_NAME.match(text) and not text.endswith("모") and text not in word_list("places") \
                    and text not in gazetteer():
                yield Span(doc, start, end, label="PS")

    def _described_places(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """작은 도시 스비보드진에: a name Kiwi does not know right after a word for a settlement is a place."""
        for (start, end), (n_start, n_end) in zip(words, words[1:]):
            if _span_text(doc, start, end) not in SETTLEMENT_WORDS:
                continue
            core_end = noun_core(doc, n_start, n_end)
            core = doc[n_start:core_end]
            if core_end > n_start and (core_end == n_end or doc[core_end].tag_.startswith("J")) and len(core) == 1 \
                    and (core[0].tag_ == "NNP" or self._unknown_word(core.text)) and core.text not in gazetteer():
                yield Span(doc, n_start, core_end, label="LC")

    def _local_titles(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """오거돈 부산시장, 경기도지사, 강남구청장: a known place (or a person's name before it) and the
        title of its local government in one word are one position, as news names it (시장 alone is a
        market: 와룡시장)."""
        places = word_list("places")
        persons = {e.end for e in doc.ents if e.label_ == "PS"}
        for start, end in words:
            core_end = noun_core(doc, start, end)
            text = _span_text(doc, start, core_end)
            title = next((t for t in _LOCAL_TITLES if text.endswith(t)), None)
            if title is None or " " in text or len(text) - len(title) < 2:
                continue
            place = text[:-len(title)]
            known = any(p in places for p in (place, place + "시", place + "도", re.sub(r"(특별시|광역시|[시도군구])$", "", place)))
            # (after a name, a place Kiwi knows as a proper noun: 성남시장, not 나스닥 주식시장)
            proper = (self._one_morpheme(place) or ("",))[0] == "NNP"
            if known or (proper and (start in persons or start - 1 in persons)):
                yield Span(doc, start, core_end, label="CV")

    def _works_by_genre(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """애니메이션 겨울왕국, 애니메이션 시리즈인 사쿠라 트릭: a name right after a word for its kind of
        work or device is a product, whatever the model (which knows no works) called it."""
        starts = {e.start: e for e in doc.ents}
        for (start, end), (n_start, n_end) in zip(words, words[1:]):
            core_end = noun_core(doc, start, end)
            if _span_text(doc, start, core_end) not in _GENRES or _span_text(doc, core_end, end) not in ("", "인"):
                continue
            ent = starts.get(n_start)
            if ent is not None and ent.label_ in ("PS", "OG", "LC"):
                after = doc[ent.end] if ent.end < len(doc) else None
                # 영화 봉준호 감독: a maker named before a title is no work
                if after is not None and after.text not in POSITION_WORDS and ent.text not in word_list("places"):
                    yield Span(doc, ent.start, ent.end, label="AF")
                continue
            name_end = noun_core(doc, n_start, n_end)
            name = doc[n_start:name_end]
            if name_end > n_start and not any(t.ent_type_ for t in name) and any(
                    t.tag_ in ("NNP", "SL") or (t.tag_ == "NNG" and self._unknown_word(t.text)) for t in name) \
                    and (name_end == n_end or doc[name_end].tag_.startswith("J")) \
                    and name.text not in gazetteer() and name.text not in word_list("places") \
                    and name.text not in _GENERIC_OBJECTS \
                    and doc[name_end - 1].text not in POSITION_WORDS:
                yield Span(doc, n_start, name_end, label="AF")

    def _documents(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """정부조직 개편안을 발표했다, 권력 기관 개혁안을 발표했다: a named document brought out is a
        product (one generic word, 개정안을, names none); so is a statement issued (성명을 냈다)."""
        for n, (start, end) in enumerate(words):
            core_end = noun_core(doc, start, end)
            if core_end == start or core_end >= end or doc[core_end].text not in ("을", "를") or n + 1 >= len(words):
                continue
            verb = doc[words[n + 1][0]]
            # 성명을 내고, 대국민사과문을 발표했다: a statement issued is one, whatever words come before it.
            if _span_text(doc, start, core_end) in STATEMENT_WORDS and (verb.text.startswith(_PUBLISH_CUES) or verb.lemma_ == "내다"):
                yield Span(doc, start, core_end, label="AF")
                continue
            if not verb.text.startswith(_PUBLISH_CUES) or not _ends_with(_span_text(doc, start, core_end), _DOCUMENT_HEADS):
                continue
            begin = start
            for p_start, p_end in reversed(words[max(0, n - 3):n]):
                # (정부조직 개편안: an entity inside a word of the name; not 문재인 정부 as words of their own)
                named = [t.ent_type_ for t in doc[p_start:p_end]]
                if noun_core(doc, p_start, p_end) != p_end or all(named):
                    break
                begin = p_start
            if begin < start or any(t.tag_ in ("SN", "SL", "NNP") for t in doc[start:core_end]):
                yield Span(doc, begin, core_end, label="AF")

    def _model_codes(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """F-15K 전투기, 대통령 전용기 Tu-154M: a model code next to a word for a vehicle or weapon."""
        ends = [noun_core(doc, s, e) for s, e in words]
        cores = [_span_text(doc, s, end) for (s, _), end in zip(words, ends)]
        for n, (start, _) in enumerate(words):
            # (기아자동차의 K9: so is a model code of a company's)
            if _MODEL_CODE.fullmatch(cores[n]) and (
                    (n + 1 < len(words) and cores[n + 1] in _VEHICLES) or (n > 0 and cores[n - 1] in _VEHICLES)
                    or (n > 0 and doc[start - 1].text == "의" and (
                        doc[start - 2].ent_type_ == "OG" or _looks_like_org(cores[n - 1])))):
                yield Span(doc, start, ends[n], label="AF")
            # 글록 권총, 프로톤-M 로켓, 나로호 발사체: a proper name right before the word for its kind — not a
            # country's or a maker's (북한 미사일, 보잉 여객기 name who has it).
            elif n + 1 < len(words) and cores[n + 1] in _VEHICLES and ends[n] == words[n][1] \
                    and all(t.tag_ in ("NNP", "SL", "SN", "SO") for t in doc[start:ends[n]]) \
                    and doc[start].tag_ in ("NNP", "SL") and cores[n] not in word_list("places") \
                    and cores[n] not in gazetteer() and not _looks_like_org(cores[n]) \
                    and not cores[n].endswith("선"):  # (경전선 열차: a railway line's train)
                yield Span(doc, start, ends[n], label="AF")

    def _launched_objects(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """현대자동차가 LF쏘나타를 출시했다: the named object of a launch or demo verb is a product; so
        is a name whose own word the release verb follows (몬스터헌터4G도 출시됐다, 겨울왕국이 개봉했다)."""
        for n, (start, end) in enumerate(words):
            core_end = noun_core(doc, start, end)
            after = end  # where the particle's word ends
            if core_end == end and end < len(doc) and doc[end].text == "(":
                # 7세대 쏘나타(프로젝트명 LF)를 출시했다: a gloss in brackets stands between name and particle
                close = next((t.i for t in doc[end:min(len(doc), end + 10)] if t.text == ")"), None)
                if close is not None and close + 1 < len(doc) and doc[close + 1].text in ("을", "를"):
                    core_end, after = close + 1, close + 2
            if core_end == start or core_end >= after:
                continue
            verb = doc[after:min(len(doc), after + 3)]
            particle = doc[core_end].text
            # Only a work or a device is released; what the model called a person or an organisation
            # right before such a verb is one it does not know (KLUE has no label for works).
            released = n + 1 < len(words) and _releases(doc, *words[n + 1], subject=particle not in ("을", "를")) \
                and particle in ("을", "를", "이", "가", "은", "는", "도")
            if not released and (particle not in ("을", "를") or not any(t.text.startswith(_LAUNCH_CUES) for t in verb)):
                continue
            # 대형 트럭 '프로스타' / 7세대 쏘나타: names carry a proper noun or Latin letters.
            core = doc[start:min(core_end, end)]
            if core.text in _GENERIC_OBJECTS or not any(t.tag_ in ("NNP", "SL") for t in core) \
                    or any(t.ent_type_ not in ("", "PS", "OG", "LC", "QT") if released else t.ent_type_ for t in core) \
                    or core.text in word_list("places"):
                continue
            yield Span(doc, start, core.end, label="AF")
        yield from self._launched_lists_and_subjects(doc, words)

    def _launched_lists_and_subjects(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """아이맥, 맥북, 아이팟 등 출시한 제품 (a list before a launch verb) and 아이폰4가 … 출시됐다
        (the subject of a passive launch): named things launched are products."""
        for n, (start, end) in enumerate(words):
            text = _span_text(doc, start, end)
            if text == "등" and n + 1 < len(words) and doc[words[n + 1][0]].text.startswith(_LAUNCH_CUES):
                for m in range(n - 1, max(-1, n - 12), -1):
                    s, e = words[m]
                    core_end = noun_core(doc, s, e)
                    listed = m == n - 1 or doc[e - 1].text == ","  # 아이맥, 맥북, … 아이패드 등
                    if core_end == s or not listed or not any(t.tag_ in ("NNP", "SL") for t in doc[s:core_end]):
                        break
                    yield Span(doc, s, core_end, label="AF")
        for sent in doc.sents:
            launch = [t for t in sent if t.text.startswith("출시") and t.i + 1 < sent.end
                      and t.nbor().lemma_ in ("되다", "되")]
            if not launch:
                continue
            for tok in sent:
                if tok.i >= launch[0].i or tok.text not in ("이", "가") or tok.tag_ != "JKS":
                    continue
                begin = max((s for s, _ in words if s <= tok.i), default=tok.i)  # the word 이/가 ends
                core_end = noun_core(doc, begin, tok.i + 1)
                core = doc[begin:core_end]
                if core_end == tok.i and any(t.tag_ in ("NNP", "SL") for t in core) \
                        and core.text not in _GENERIC_OBJECTS and not any(t.ent_type_ in ("PS", "OG") for t in core):
                    yield Span(doc, begin, core_end, label="AF")

    def _products(self, doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
        """회사(제품) lists in a demo or launch sentence: 베어로보틱스(서빙로봇)."""
        for sent in doc.sents:
            if not _has_demo_cue(sent):
                continue
            for tok in sent:
                if tok.text != "(" or tok.i == sent.start or tok.whitespace_:
                    continue
                close = next((t.i for t in doc[tok.i + 1:min(sent.end, tok.i + 12)] if t.text == ")"), None)
                if close is None or close == tok.i + 1:
                    continue
                name_start = tok.i
                while name_start > sent.start and doc[name_start - 1].tag_ in NOUNISH and not doc[name_start - 1].whitespace_:
                    name_start -= 1
                inner = doc[tok.i + 1:close]
                if name_start == tok.i or not any(t.tag_ in ("NNG", "NNP", "SL") for t in inner):
                    continue
                # 미래창조과학부(장관 최양희): a title and a name in brackets, not a product; 17일(월): a weekday.
                if inner.text in "월화수목금토일" or inner[0].text in POSITION_WORDS or _ends_with(inner[0].text, _TITLE_SUFFIXES):
                    continue
                # 쏘나타(프로젝트명 LF), 과학기술정보통신부(이하 과기정통부): another name, not a product.
                if inner.text.replace(" ", "").startswith(("프로젝트명", "코드명", "모델명", "약칭", "이하", "영문명", "본명")):
                    continue
                yield Span(doc, name_start, tok.i, label="OG")
                yield Span(doc, tok.i + 1, close, label="AF")
        # 아이폰4, 갤럭시S3, 노트7: a proper noun with a model number written onto it.
        not_names = word_list("not_names")
        for start, end in words:
            if end - start < 2 or doc[start].tag_ not in ("NNP", "NNG") or doc[start + 1].tag_ not in ("SN", "SL"):
                continue
            core_end = noun_core(doc, start, end)
            core = doc[start:core_end]
            # (a common noun only if Kiwi does not know it: 누리폰5, not 시즌2)
            if len(core) >= 2 and re.fullmatch(r"[가-힣]{2,}", core[0].text) and (core[0].tag_ == "NNP" or (
                    core[0].tag_ == "NNG" and self._unknown_word(core[0].text))) \
                    and all(t.tag_ in ("SN", "SL") for t in core[1:]) and core[-1].tag_ == "SN" \
                    and core.text not in not_names and core[0].ent_type_ not in ("DT", "QT"):
                yield Span(doc, start, core_end, label="AF")

    def _persons(self, doc: Doc, words: list[tuple[int, int]], found: list[Span]) -> Iterator[Span]:
        """A Hangul proper noun right before a position: 이종호 (…부) 장관, 최아름 기자; a Korean
        name after a title in brackets: 국립경주박물관(관장 이영훈)."""
        positions = {s.start for s in found if s.label_ == "CV"}
        persons = [e for e in doc.ents if e.label_ == "PS"]
        for title in found:
            i = title.end
            if title.label_ == "CV" and title.start > 0 and doc[title.start - 1].text == "(" \
                    and i + 1 < len(doc) and doc[i + 1].text == ")" and _KOREAN_NAME.match(doc[i].text):
                yield Span(doc, i, i + 1, label="PS")
        for n, (start, end) in enumerate(words):
            if doc[start].text in _QUOTES and start + 1 < end:
                start += 1  # "문현철 초당대 … 교수는: a quote may open before the name
            # (‘기르마’ 에티오피아 대통령: a name in quote marks, whatever Kiwi made of it)
            quoted = 0 < start < end - 1 and doc[end - 1].text == _QUOTES.get(doc[start - 1].text)
            end = end - 1 if quoted else end
            # (김도윤/NNG: Kiwi calls a name it has never seen a common noun)
            if doc[start].tag_ != "NNP" and not (doc[start].tag_ == "NNG" and _KOREAN_NAME.match(doc[start].text)
                                                and len(doc[start].text) == 3 and self._unknown_word(doc[start].text)) \
                    and not (quoted and self._not_a_word(_span_text(doc, start, end))):
                continue
            # Kiwi may cut an unknown name (박/서/준): take the word's bare-noun core.
            core_end = noun_core(doc, start, end)
            if core_end - 1 in positions:  # 최아름기자: the position in the same word
                core_end -= 1
                if _PERSON.match(_span_text(doc, start, core_end)):
                    yield Span(doc, start, core_end, label="PS")
                continue
            name = _span_text(doc, start, core_end)
            if core_end != end or not _PERSON.match(name) or name in gazetteer() or name in word_list("places"):
                continue
            if doc[start].ent_type_ == "OG" and _org_word(name):
                continue  # 민주당 후보: an organisation the model found, named like one, is the candidate's party
            if self._electoral_district(name):
                continue  # 관악갑 후보
            # 이종호 [과학기술정보통신부] 장관, 문현철 [초당대 군사학과] 교수: bare nouns up to the position
            # (two words, or three when the next is no name word: 마리아 쿠슈니크 … is a foreign name).
            # (연세대 [지구시스템과학과] 교수: a name shaped like a university's is too far from the title)
            reach = 4 if n + 1 < len(words) and _name_word(doc, *words[n + 1]) is None \
                and _KOREAN_NAME.match(name) and not name.endswith("대") else 3
            # (버락 오바마 민주당 후보: the model's person may begin with a given name before this word)
            # (not 민변 이종훈: a Korean name is one word; 마리아 쿠슈니크 is joined later)
            model = next((e for e in persons if e.start < start and e.end == core_end
                          and all(t.tag_ == "NNP" for t in e) and self._given_name(_span_text(doc, e.start, start).strip(), name)),
                         None)
            for s, e in words[n + 1:n + reach]:
                if s in positions or (e - 1) in positions:
                    yield Span(doc, model.start if model is not None else start, core_end, label="PS")
                    break
                if noun_core(doc, s, e) != e:
                    break
        yield from _foreign_names_by_titles(doc, words, [s for s in found if s.label_ == "CV"], self._not_a_word)


def _short_names(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """인수위 after 대통령직 인수위원회, 공정위 after 공정거래위원회, 민주당 after 더불어민주당: a word made
    of letters of an organisation named earlier, in order, ending in the first letter of its head
    (위원회, 부, 당 …), is that organisation. The pairs go to ``doc._.short_names`` for the resolver."""
    orgs: list[tuple[int, str, str]] = []  # (end, name, letters of the name before its head + head's first)
    for e in ents:
        name = re.sub(r"[^가-힣]", "", e.text)
        head = max((h for h in _ORG_HEADS if name.endswith(h) and len(name) > len(h)), key=len, default=None)
        if e.label_ == "OG" and head is not None:
            orgs.append((e.end, e.text, name[: -len(head)] + head[0]))
    if not orgs:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    named = {(e.start, e.end) for e in ents if e.label_ == "OG"}  # found already: only the alias is news
    added, pairs = [], []
    for start, end in words:
        core_end = noun_core(doc, start, end)
        text = _span_text(doc, start, core_end)
        if not 3 <= len(text) <= 6 or not re.fullmatch(r"[가-힣]+", text) or text in POSITION_WORDS or (
                (start, core_end) not in named and any(i in taken for i in range(start, core_end))):
            continue
        # (반민족행위 in 반민족행위특별조사위원회 ends in the 위 of 행위, not of 위원회)
        full = next((name for org_end, name, letters in orgs if org_end <= start and name != text
                     and text[-1] == letters[-1] and _in_order(text[:-1], letters[:-1])
                     and (text not in letters[:-1] or letters.endswith(text))), None)
        if full is not None:
            if (start, core_end) not in named:
                added.append(Span(doc, start, core_end, label="OG"))
            pairs.append((full, text))
    doc._.short_names = pairs
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _named_with_kinds(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[tuple[str, str]]:
    """헬파이어 미사일, C-17 수송기: a product's name with the word for its kind after it is a name of it too —
    (full name, short name) pairs for the resolver."""
    word_end = dict(words)
    kinds = {e.end: doc[e.end:noun_core(doc, e.end, word_end[e.end])].text for e in ents
             if e.label_ == "AF" and e.end in word_end and doc[e.end - 1].whitespace_}
    return [(f"{e.text} {kinds[e.end]}", e.text) for e in ents if e.label_ == "AF" and kinds.get(e.end) in _VEHICLES]


def _airports_without_places(ents: list[Span]) -> list[tuple[str, str]]:
    """러시아 도모데도보 국제공항, 토론토 피어슨 국제공항: an airport is named with and without the place it
    serves — (full name, short name) pairs for the resolver."""
    places = word_list("places")
    pairs = []
    for e in ents:
        first, _, rest = e.text.partition(" ")
        if e.label_ == "LC" and " " in rest and first in places and rest.rsplit(" ", 1)[1] in _AIRPORTS:
            pairs.append((e.text, rest))
    return pairs


def _in_anniversary(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is in a model date that names an anniversary (창립 10주년 기념행사)."""
    return doc[i].ent_type_ == "DT" and any(e.start <= i < e.end and re.search(r"\d+\s*주년$", e.text)
                                            for e in doc.ents)


def _whole_word_surnames(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """박|칼린은 read as the person 박: a surname alone that a word's nouns go on from is the whole name;
    so is a word of three letters, a surname first, that the person's span ends (유인|석)."""
    ends = {start: end for start, end in words}
    word_of = {i: (start, end) for start, end in words for i in range(start, end)}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for ent in ents:
        # 유인|석 read as the person 석: Kiwi cut a name it took for common nouns; the word is the name.
        start, end = word_of.get(ent.start, (ent.start, ent.start))
        core_end = noun_core(doc, start, end) if end > start else start
        if ent.label_ == "PS" and start < ent.start and ent.end <= core_end \
                and not any(i in taken for i in range(start, ent.start)) \
                and _KOREAN_NAME.match(_span_text(doc, start, core_end)) and len(_span_text(doc, start, core_end)) == 3:
            ent = Span(doc, start, core_end, label="PS")
        end = ends.get(ent.start)
        if ent.label_ == "PS" and len(ent) == 1 and ent.text in KOREAN_SURNAMES and end is not None and end > ent.end:
            core = ent.end
            while core < end and doc[core].tag_.split("+")[0] in ("NNP", "NNG") and core not in taken:
                core += 1
            if 2 <= len(_span_text(doc, ent.start, core)) <= 4:
                ent = Span(doc, ent.start, core, label="PS")
        out.append(ent)
    return out


def _surnames_before_titles(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """정 실장은 after 정의용 안보실장: a surname written alone right before a title, that begins the name
    of a person named earlier, is that person (the model may miss a surname that is also a word)."""
    named_before = {}
    for e in ents:
        if e.label_ == "PS" and _KOREAN_NAME.match(e.text):
            named_before.setdefault(e.text[0], e.start)
    if not named_before:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    titles = {e.start for e in ents if e.label_ == "CV"}
    added = [Span(doc, start, end, label="PS") for (start, end), (nxt, _) in zip(words, words[1:])
             if end - start == 1 and nxt in titles and start not in taken and doc[start].tag_ in ("NNP", "NNG")
             and named_before.get(doc[start].text, len(doc)) < start]
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _in_order(letters: str, name: str) -> bool:
    """Whether ``letters`` occur in ``name`` in order (과기정통 in 과학기술정보통신)."""
    rest = iter(name)
    return all(ch in rest for ch in letters)


def _cued_persons(doc: Doc, ents: list[Span]) -> list[Span]:
    """백남기 농민(69), 김영애 씨: a Korean name followed by an age in brackets, 씨 or a word for a
    person is a person — and so is every other mention of that name in the article, whatever the
    model called it there."""
    cued: set[str] = set()
    text = doc.text  # (built anew on every access)
    for ent in ents:
        if ent.label_ not in ("PS", "OG", "LC") or not _KOREAN_NAME.match(ent.text):
            continue
        after = text[ent.end_char:ent.end_char + 12]
        if _PERSON_CUE.match(after):
            cued.add(ent.text)
    if not cued:
        return ents
    return [Span(doc, e.start, e.end, label="PS") if e.text in cued and e.label_ in ("OG", "LC") else e for e in ents]


def _lists_share_a_class(ents: list[Span]) -> list[Span]:
    """8개 카드사(KB국민, 농협, 롯데, 비씨, 삼성, 신한 …): the names of one list are of one kind; where
    a name's form tells the class (…전자, a known country), or more than half of three or more listed
    names have one, the rest take it."""
    out = list(ents)
    run: list[int] = []
    for i in range(len(out) + 1):
        joined = i < len(out) and run and out[i].label_ in ("PS", "OG", "LC") and \
            _LIST_GAP.fullmatch(out[i].doc[out[run[-1]].end:out[i].start].text) is not None
        if joined:
            run.append(i)
            continue
        if len(run) >= 3:
            # A name whose form tells its class (…전자, a known country) keeps it and decides the list's.
            # (천안시 read as a place stays one: …시 names a city as well as its government)
            formed = {j: "LC" if out[j].text in word_list("places") or (
                          out[j].label_ == "LC" and _ADMIN_PLACE.fullmatch(out[j].text)) else "OG" for j in run
                      if out[j].text in word_list("places") or _looks_like_org(out[j].text)}
            label, count = Counter(out[j].label_ for j in run).most_common(1)[0]
            if len(set(formed.values())) == 1:
                label, count = next(iter(formed.values())), len(run)
            if count * 2 > len(run):
                for j in run:
                    if out[j].label_ != label and j not in formed:
                        out[j] = Span(out[j].doc, out[j].start, out[j].end, label=label)
        run = [i] if i < len(out) and out[i].label_ in ("PS", "OG", "LC") else []
    return out


def _same_name_same_entity(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """대한배터리는 … 투자했다: a name found as an entity anywhere in the article is that entity
    wherever it stands as a word of its own (the model misses it in one sentence, not in another).
    The label is the one the name gets most often — a work or product (애니메이션 겨울왕국) also when
    only as often, as the model knows no works — and a name the article writes with a company form
    (주식회사 에스알) is an organisation in every mention, whatever the model called the bare name."""
    companies = {_COMPANY_FORM.sub("", e.text).strip() for e in ents if e.label_ == "OG" and _COMPANY_FORM.search(e.text)}
    labels: dict[str, Counter[str]] = {}
    for e in ents:
        if e.label_ in ("PS", "OG", "LC", "AF") and len(e.text) >= 2 and "\n" not in e.text:
            labels.setdefault(e.text, Counter())[e.label_] += 1
    if not labels and not companies:
        return ents
    label_of = {text: max(counts, key=lambda label: (counts[label], label == "AF")) for text, counts in labels.items()}
    label_of.update((name, "OG") for name in companies)
    # (해운대구 오거돈의 저택: a name the article gives a person more than twice as often as anything else
    # is that person there too — unless it is a known place or shaped like an organisation)
    person = {text for text, counts in labels.items() if counts["PS"] >= 2 and counts["PS"] > 2 * (counts.total() - counts["PS"])
              and text not in word_list("places") and text not in gazetteer() and not _looks_like_org(text)}
    ents = [Span(doc, e.start, e.end, label=label_of[e.text]) if e.text in label_of and e.label_ != label_of[e.text]
            and (label_of[e.text] == "AF" or e.text in companies or e.text in person) and e.label_ in ("PS", "LC", "OG")
            else e for e in ents]
    # (새벽AI with 새벽 read as a time of day: a time or number inside the name gives way to it)
    inside = [e for e in ents if e.label_ in ("DT", "TI", "QT")]
    taken = {i for e in ents if e not in inside for i in range(e.start, e.end)}
    added, dropped = [], []
    for start, end in words:
        core_end = noun_core(doc, start, end)
        text = _span_text(doc, start, core_end)
        if text in label_of and not any(i in taken for i in range(start, core_end)) \
                and (core_end == end or doc[core_end].tag_.startswith("J")):
            parts = [e for e in inside if start <= e.start and e.end <= core_end]
            if any(start < e.end and e.start < core_end for e in inside if e not in parts):
                continue
            dropped += parts
            added.append(Span(doc, start, core_end, label=label_of[text]))
    if not added:
        return ents
    return sorted([e for e in ents if e not in dropped] + added, key=lambda e: e.start)


def _name_word(doc: Doc, start: int, end: int, unknown_word: Callable[[str], bool] | None = None) -> int | None:
    """End of the word's core if it is one of a name's words: proper nouns only, 2–6 Hangul
    letters, not a known organisation, place or title. With ``unknown_word``, a common noun Kiwi's
    dictionary does not know counts too (로마오, 아칵포: Kiwi calls unseen names common nouns)."""
    core_end = noun_core(doc, start, end)
    text = _span_text(doc, start, core_end)
    proper = all(t.tag_ == "NNP" for t in doc[start:core_end]) or (
        unknown_word is not None and core_end - start == 1 and doc[start].tag_ == "NNG" and unknown_word(text))
    if core_end > start and proper \
            and re.fullmatch(r"[가-힣]{2,6}", text) and text not in gazetteer() \
            and text not in word_list("places") and text not in POSITION_WORDS:
        return core_end
    return None


def _foreign_names_by_titles(doc: Doc, words: list[tuple[int, int]], titles: list[Span],
                             unknown_word: Callable[[str], bool] | None = None) -> Iterator[Span]:
    """에드 웨일러 차관보, 미드필더 알라이시스 로마오는: two or three words of proper nouns only,
    written right before a title or right after one, are a (foreign) person's name."""
    index = {start: n for n, (start, _) in enumerate(words)}
    ends = {end: n for n, (_, end) in enumerate(words)}

    def name_word(n: int, whole: bool) -> bool:
        core_end = _name_word(doc, *words[n], unknown_word)
        return core_end is not None and (core_end == words[n][1] or not whole)

    for title in titles:
        # before: NAME NAME TITLE (the title its own word)
        n = ends.get(title.start) if title.start > 0 and doc[title.start - 1].whitespace_ else None
        run: list[int] = []
        while n is not None and n >= 0 and len(run) < 3 and name_word(n, whole=True):
            run.insert(0, n)
            n = n - 1 if n > 0 and doc[words[n][0] - 1].whitespace_ else None
        # (버락 오바마 민주당 후보: a word named like an organisation, before the title, is the person's body)
        while run and _looks_like_org(doc[words[run[-1]][0]:words[run[-1]][1]].text):
            run.pop()
        # (이나래 에코셀 대표: a Korean name is one word; the next names the organisation)
        if len(run) >= 2 and not _KOREAN_NAME.match(doc[words[run[0]][0]:words[run[0]][1]].text):
            yield Span(doc, words[run[0]][0], words[run[-1]][1], label="PS")
        # after: TITLE NAME NAME와/는/, — the last word may carry its particle
        n = index.get(title.end) if doc[title.end - 1].whitespace_ else None
        run = []
        while n is not None and n < len(words) and len(run) < 3 and name_word(n, whole=False):
            run.append(n)
            start, end = words[n]
            if noun_core(doc, start, end) != end:
                break
            n += 1
        if len(run) >= 2 and noun_core(doc, *words[run[-1]]) != words[run[-1]][1]:
            last_start, last_end = words[run[-1]]
            yield Span(doc, words[run[0]][0], noun_core(doc, last_start, last_end), label="PS")
        # 학생회장인 아마쿠사 시노(天草 シノ): after "TITLE인", Hangul words glossed in a foreign script
        # are the name written in that script, whatever Kiwi made of the words.
        if title.end + 1 < len(doc) and doc[title.end].text == "인" and doc[title.end].tag_.startswith("VCP") \
                and doc[title.end].whitespace_:
            n = index.get(title.end + 1)
            for last in range(n, min(n + 2, len(words) - 1)) if n is not None else ():
                begin, end = words[n][0], words[last][1]
                text = _span_text(doc, begin, end)
                if not re.fullmatch(r"[가-힣]{1,6}(?: [가-힣]{1,6})?", text) or text in word_list("places") \
                        or text in gazetteer():
                    break
                if _glossed(doc, end):
                    yield Span(doc, begin, end, label="PS")
                    break


def _stage_names(doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
    """승리(본명 이승현·32): the name a person goes by, and the real name given in brackets, are a person's."""
    ends = {end: start for start, end in words}
    for tok in doc[1:-2]:
        if tok.text != "(" or doc[tok.i + 1].text != "본명" or tok.i not in ends:
            continue
        start = ends[tok.i]
        if noun_core(doc, start, tok.i) == tok.i and re.fullmatch(r"[가-힣A-Za-z ]{1,12}", _span_text(doc, start, tok.i)):
            yield Span(doc, start, tok.i, label="PS")
        real_end = next((t.i for t in doc[tok.i + 2:tok.i + 8] if t.tag_ in ("SP", "SSC", "SN")), None)
        if real_end is not None and real_end > tok.i + 2 and _KOREAN_NAME.match(_span_text(doc, tok.i + 2, real_end)):
            yield Span(doc, tok.i + 2, real_end, label="PS")


def _withheld_names(doc: Doc) -> Iterator[Span]:
    """의사 김모씨, 남모 씨, 오모(29)씨: a surname with 모 for the name withheld is still one person of
    the story."""
    if not any(text.endswith("모") for text in _tags_and_texts(doc)[1]):
        return
    for m in WITHHELD_NAME.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), label="PS")
        if span is not None and m.group(1) in KOREAN_SURNAMES:
            yield span


def _known_phrases(doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
    """유엔 안보리, 대한민국 국회: a name of the gazetteer written in two or three words."""
    known = gazetteer()
    firsts = _first_words_of_known_phrases()
    for n in range(len(words) - 1):
        if doc[words[n][0]:words[n][1]].text not in firsts:
            continue  # (most words begin no name of several words: look no further)
        for k in (1, 2):
            if n + k >= len(words):
                break
            # On the text, as Kiwi may cut a foreign name into anything (도이체 = 도/JX + 이/MM + 체/NNB);
            # the last word up to its particle (벨레는).
            start, end = words[n + k]
            ends = [j for j in range(end, start, -1) if all(t.tag_.startswith(_AFTER_NAME) for t in doc[j:end])]
            j = next((j for j in ends if doc[words[n][0]:j].text in known), None)
            if j is not None:
                yield Span(doc, words[n][0], j, label=_GAZETTEER_LABEL[known[doc[words[n][0]:j].text]])


def _words_matching(doc: Doc, words: list[tuple[int, int]], pattern: re.Pattern[str]) -> list[int]:
    """Indexes of the words ``pattern`` occurs in, in order: a rule that needs a word ending looks only at
    those (most words hold none)."""
    firsts = [doc[start].idx for start, _ in words]
    return [n for n in sorted({bisect_right(firsts, m.start()) - 1 for m in pattern.finditer(doc.text)}) if n >= 0]


_AFTER_NAME = ("J", "VCP", "E", "S")  # what may follow a name in its word: particles, the copula, endings, marks


@cache
def _first_words_of_known_phrases() -> frozenset[str]:
    return frozenset(name.split(" ", 1)[0] for name in gazetteer() if " " in name)


# Endings of a public office's or a newspaper's one-word name (서울중앙지법, 서울경찰청, 세브란스병원,
# 한국면세뉴스) — not 지원 (support), 시청 (watching) or a bare 법원.
_OFFICE_WORD_ENDINGS = ("경찰서", "경찰청", "지방법원", "고등법원", "지법", "고법", "지검", "고검", "교육청", "병원",
                        "구청", "군청", "도청", "뉴스", "일보", "신문", "통신")
_OFFICE_ENDING = re.compile("|".join(_OFFICE_WORD_ENDINGS))


def _offices(doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
    """서울중앙지법, 한국면세뉴스: a word that a proper noun begins and an office's or a newspaper's ending
    ends names that office or paper."""
    orgs = [e for e in doc.ents if e.label_ == "OG"]
    for n in _words_matching(doc, words, _OFFICE_ENDING):
        start, end = words[n]
        core_end = noun_core(doc, start, end)
        text = _span_text(doc, start, core_end)
        ending = next((e for e in _OFFICE_WORD_ENDINGS if text.endswith(e)), None)
        # (where the model's organisation ends with the word it found it; a longer span of the model's
        # — 서울중앙지법 형사합의 25-1부 — is cut around the office)
        if ending is None or len(text) - len(ending) < 2 or doc[start].tag_ != "NNP" \
                or any(e.start <= start and e.end == core_end for e in orgs):
            continue
        yield Span(doc, start, core_end, label="OG")


def _ministries_after_countries(doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
    """러시아 외무부는, 중국 상무부가: a word for a ministry (…부, one common noun of three letters or more)
    right after a known country is that country's ministry."""
    places = word_list("places")
    tags, texts = _tags_and_texts(doc)
    for (p_start, p_end), (start, end) in zip(words, words[1:]):
        text = texts[start]
        # (not a part of the country: 아이티 북서부, 수도권 서북부)
        if len(text) >= 3 and text.endswith("부") and tags[start] == "NNG" and text not in _NOT_ORG \
                and not set(text[:-1]) <= set("동서남북중") and noun_core(doc, start, end) == start + 1 \
                and noun_core(doc, p_start, p_end) == p_end and _span_text(doc, p_start, p_end) in places:
            yield Span(doc, start, start + 1, label="OG")


def _typhoons(doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
    """제15호 태풍 볼라벤, 태풍 '덴빈': a typhoon with its name (and number) is an event."""
    if "태풍" not in doc.text:
        return
    texts = [_span_text(doc, s, e) for s, e in words]
    for n in range(len(words) - 1):
        if texts[n] != "태풍":  # (the word itself, no particle: 태풍의 영향 names none)
            continue
        start, end = words[n + 1]
        if not doc[words[n][1] - 1].whitespace_ or start - words[n][1] > 1:
            continue  # (3개의 태풍(덴빈, 볼라벤): a list of them, not one named)
        # 태풍 '덴빈'이, 태풍 ‘산바(SANBA)’가 (the word begins after its opening quote)
        opening = doc[start - 1].text if doc[start - 1].text in _QUOTES and start - 1 >= words[n][1] else None
        if opening is not None:
            close = next((t.i for t in doc[start:start + 8] if t.text == _QUOTES[opening]), None)
            name_end = close + 1 if close is not None else None
        else:
            name_end = noun_core(doc, start, end)
            # (a proper noun: not 태풍 경보, 태풍 발령)
            if name_end == start or not all(t.tag_ in ("NNP", "SL") for t in doc[start:name_end]):
                name_end = None
        if name_end is None or not re.search(r"[가-힣A-Za-z]{2,}", _span_text(doc, start, name_end)):
            continue
        begin = words[n][0]
        # (제15호 태풍, 제 11호 태풍: the typhoon's number)
        if n >= 1 and re.fullmatch(r"제?\d+호", texts[n - 1]):
            begin = words[n - 1][0]
            if n >= 2 and texts[n - 2] == "제" and texts[n - 1][0].isdigit():
                begin = words[n - 2][0]
        yield Span(doc, begin, name_end, label="EV")


def _laws(doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
    """국가정보원법, 화학무기금지협약, 세월호 특별법, 2013년 예산안: a law, a bill, a budget or a treaty named is
    a product. A head that names none alone (특별법, 예산안) takes the word before it (a name, a year, a compound
    noun); a name that is no entity of its own (세월호) before any such head is part of it."""
    tags, texts = _tags_and_texts(doc)
    for n in _words_matching(doc, words, _LAW_HEAD):
        start, end = words[n]
        core_end = noun_core(doc, start, end)
        if core_end - start > 1 and texts[core_end - 1] == "상" and tags[core_end - 1] == "XSN":
            core_end -= 1  # (대외무역법상의: under the law)
        name = _span_text(doc, start, core_end)
        head = next((h for h in _LAW_HEADS if name.endswith(h)), None)
        if head is None or name == "법" or name.endswith(_NOT_LAWS) or doc[start].ent_type_ in ("PS", "DT"):
            continue
        generic = name in _GENERIC_LAWS or len(name) - len(head) < 2
        begin = start
        if n > 0 and words[n - 1][1] == start and doc[start - 1].whitespace_:
            p_start, p_end = words[n - 1]
            before = range(p_start, p_end)
            noun_word = noun_core(doc, p_start, p_end) == p_end and not any(
                doc[i].ent_type_ in ("PS", "LC", "OG", "CV", "TI", "QT") for i in before)  # (not 스페인 of 스페인 저작권법)
            named = any(tags[i] in ("NNP", "SL") for i in before)
            year = re.fullmatch(r"\d{4}년도?", _span_text(doc, p_start, p_end)) is not None
            if noun_word and (named or year or (generic and len(name) >= 3 and p_end - p_start >= 2)):
                begin = p_start
        if generic and begin == start:
            continue
        yield Span(doc, begin, core_end, label="AF")


def _sites(doc: Doc, words: list[tuple[int, int]]) -> Iterator[Span]:
    """사람인(www.saramin.co.kr)이: a name glossed with its web address is the organisation that runs it
    (on the text: Kiwi reads 사람인 as 사람 + 이다)."""
    for start, end in words:
        if end + 1 < len(doc) and doc[end].text == "(" and doc[end + 1].text.lower() in ("www", "http", "https") \
                and re.fullmatch(r"[가-힣A-Za-z0-9]{2,}", _span_text(doc, start, end)) \
                and not (end - start == 1 and doc[start].tag_ == "NNG"):  # (포털(www…), 사이트(www…))
            yield Span(doc, start, end, label="OG")


def _latin_name_gloss(doc: Doc, i: int) -> bool:
    """True when brackets at token ``i`` open with two or more capitalised Latin words: (James Eagan Holmes, 24세)."""
    if i >= len(doc) or doc[i].text != "(":
        return False
    words = []
    for t in doc[i + 1:i + 8]:
        if t.tag_ != "SL":
            break
        words.append(t.text)
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _glossed(doc: Doc, i: int) -> bool:
    """True when brackets at token ``i`` hold only Chinese or Japanese script: 시노(天草 シノ)."""
    if i >= len(doc) or doc[i].text != "(":
        return False
    close = next((t.i for t in doc[i + 1:i + 8] if t.text == ")"), None)
    inner = doc[i + 1:close] if close is not None else None
    return bool(inner) and all(t.tag_ in ("SH", "SW") or t.is_space for t in inner) \
        and any(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", t.text) for t in inner)


def _outside(ent: Span, taken: set[int], title_ends: set[int] = frozenset()) -> list[Span]:
    """The model span, unless a rule span takes part of it — then only a person's name the rule left
    whole: 홍준표 of 자유한국당 홍준표, 제임스 코미 of 제임스 코미 연방수사국."""
    free = [i for i in range(ent.start, ent.end) if i not in taken]
    if len(free) == len(ent):
        return [ent]
    doc = ent.doc
    # (the free tokens are one run; what follows uses its ends)
    if not free or free != list(range(free[0], free[-1] + 1)):
        return []
    if ent.end in title_ends and ent.label_ in ("LC", "OG"):
        # 안토니우 구테흐스 유엔 사무총장 as one place: a span that ends in a title is a person's, whatever
        # the model called it (a place or a body ends in no title).
        ent = Span(doc, ent.start, ent.end, label="PS")
    if ent.label_ == "OG":
        # 미국 캘로그사, 미국 NK뉴스: after the place a rule took, the rest of the model's organisation is
        # one if it is whole words shaped like one (a company's 사, Latin letters, an organisation's
        # ending) — not 애너하임 of 미국 애너하임.
        rest = doc[free[0]:ent.end].text
        if free[-1] + 1 == ent.end and free[0] > ent.start and doc[free[0] - 1].whitespace_ \
                and doc[ent.start:free[0]].text.strip() in word_list("places") \
                and (rest.endswith("사") and doc[free[0]].tag_ in ("NNP", "SL") or any(doc[i].tag_ == "SL" for i in free)
                     or _looks_like_org(rest)):
            return [Span(doc, free[0], ent.end, label="OG")]
        return []
    if ent.label_ == "LC":
        # 경기도 고양시 킨텍스 with 킨텍스 a rule's: the places before it are still places (split below).
        part = doc[ent.start:free[-1] + 1]
        if free[0] == ent.start and doc[free[-1]].whitespace_ and all(
                w in word_list("places") or (len(w) >= 3 and w.endswith(("시", "도", "군", "구", "주", "현")))
                for w in part.text.split()):
            return [Span(doc, part.start, part.end, label="LC")]
        return []
    if ent.label_ != "PS":
        return []
    part = _without_edge_marks(Span(doc, free[0], free[-1] + 1, label="PS"))
    if part is None or not (part.start == ent.start or doc[part.start - 1].whitespace_):
        return []
    korean = part.end == ent.end and _KOREAN_NAME.fullmatch(part.text) is not None  # (not 용산 of 용산 대통령실)
    foreign = part.start == ent.start and " " in part.text and all(t.tag_ in ("NNP", "SL") or t.is_space for t in part)
    return [part] if korean or foreign else []


def _klue_class(ent: Span) -> Span:
    """The model's span with the KLUE class its words settle: 서울중앙지법, 경기 남양주경찰서, 국방부 named
    a place are offices, organisations to KLUE (unless an address goes before: 서초동 서울중앙지방법원;
    a name such as 하지원 is a person's); a known country or city named a person is a place. (The graph's
    entities follow rules of their own: there an office is also where things happen.)"""
    text = ent.text
    if ent.label_ in ("LC", "PS") and text.endswith(_OFFICE_ENDINGS) and not text.endswith(_DIRECTIONS) \
            and not _KOREAN_NAME.match(text) and not re.search(r"\S동 ", text) and " 경찰서" not in text:
        return Span(ent.doc, ent.start, ent.end, label="OG")
    if ent.label_ == "PS" and text in word_list("places"):
        return Span(ent.doc, ent.start, ent.end, label="LC")
    # 텍사스 레인저스, 피츠버그 파이어리츠: a city and a name in a plural borrowed from English is a team
    city, _, name = text.partition(" ")
    if ent.label_ in ("LC", "PS") and " " not in name and len(name) >= 3 and name.endswith(("스", "즈", "츠")) \
            and city in word_list("places"):
        return Span(ent.doc, ent.start, ent.end, label="OG")
    return ent


def _without_edge_marks(ent: Span) -> Span | None:
    """<연개소문 → 연개소문, (이하 한빛재단) → 한빛재단: quote marks and brackets at a model span's
    edge, and the 이하 ("hereafter") that introduces a short name or the 당시 ("then") before a former
    one, are not part of the name."""
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].tag_ in _EDGE_MARKS or ent.doc[start].text in ("이하", "당시")
                           or ent.doc[start].is_space):
        start += 1
    while end > start and (ent.doc[end - 1].tag_ in _EDGE_MARKS or ent.doc[end - 1].tag_ in ("SF", "SP")):
        end -= 1  # (and a full stop or comma: 100만.)
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(ent.doc, start, end, label=ent.label_) if start < end else None


def _whole_word_org(ent: Span) -> Span:
    """사회 + [과학원] → 사회과학원: an organisation the model found the end of a word of takes the common
    nouns the word begins with."""
    doc, start = ent.doc, ent.start
    if ent.label_ != "OG" or not _org_word(ent.text):  # (not 동시 + 유엔, 다음 + 주 팀)
        return ent
    while start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].tag_ == "NNG" and not doc[start - 1].is_space:
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label="OG")


def _join_names(ents: list[Span], given_name: Callable[[str, str], bool] | None = None) -> list[Span]:
    """도널드 + 트럼프 → 도널드 트럼프: person spans one space apart are one name; so are a name
    and its regnal number (엘리자베스 2세)."""
    out: list[Span] = []
    for ent in _split_person_org(ents, given_name):
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "PS" and ent.label_ == "QT" and _REGNAL.match(ent.text) \
                and ent.start == prev.end and prev[-1].whitespace_ and not _KOREAN_NAME.match(prev.text):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="PS")
            continue
        if ent.label_ in ("LC", "OG") and " " in ent.text and _REGNAL.match(ent.text.rsplit(" ", 1)[1]):
            ent = Span(ent.doc, ent.start, ent.end, label="PS")  # 빌헬름 3세 is no place
        if ent.label_ == "OG" and ent.text in _COUNTRY_ABBREVIATIONS:
            ent = Span(ent.doc, ent.start, ent.end, label="LC")  # 트럼프 미 대통령: a country, no member's body
        # A one-letter last word is a country (트럼프 미 대통령), not part of the name.
        if ent.label_ == "PS" and " " in ent.text and ent.text.rsplit(" ", 1)[1] in _COUNTRY_ABBREVIATIONS \
                and len(ent) > 1:
            ent = Span(ent.doc, ent.start, ent.end - 1, label="PS")
        # 밋 롬니, 잭 로어: a one-letter proper noun of its own, no Korean surname, before a person's
        # name is the given name the model left out; 반 히데유키: a surname before a foreign given name
        # of three letters or more is the family name.
        doc = ent.doc
        if ent.label_ == "PS" and ent.start >= 1 and doc[ent.start - 1].whitespace_ and doc[ent.start - 1].tag_ == "NNP" \
                and re.fullmatch(r"[가-힣]", doc[ent.start - 1].text) and (
                    doc[ent.start - 1].text not in KOREAN_SURNAMES or re.fullmatch(r"[가-힣]{3,}", ent.text)) \
                and (ent.start == 1 or doc[ent.start - 2].whitespace_ or doc[ent.start - 2].is_punct or doc[ent.start - 2].is_space) \
                and not (out and out[-1].end == ent.start - 1):
            ent = Span(doc, ent.start - 1, ent.end, label="PS")
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == ent.label_ == "PS" and ent.start == prev.end \
                and prev[-1].whitespace_ == " " and len(prev.text) + len(ent.text) <= 12 \
                and not _looks_like_org(ent.text) and not _KOREAN_NAME.match(prev.text) \
                and all(len(w) >= 2 for w in (prev.text + " " + ent.text).split()):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="PS")
        else:
            out.append(ent)
    return out


def _foreign_full_names(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """제라드 쿠슈너, 조셉 바이든(Joseph Biden): the model often finds one word of a foreign name.
    A word of proper nouns only, right beside a one-word non-Korean person name and named
    nothing else, is the rest of that name."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    starts = {s: (s, e) for s, e in words}
    ends = {e: (s, e) for s, e in words}

    def name_part(start: int, end: int) -> bool:
        core_end = _name_word(doc, start, end)
        return core_end is not None and not any(i in taken for i in range(start, core_end)) \
            and all(t.tag_.startswith("J") for t in doc[core_end:end])

    out: list[Span] = []
    for ent in ents:
        # (a name of two words may have a third: 알레한드로 곤잘레스 이냐리투)
        if ent.label_ == "PS" and ent.text.count(" ") <= 1 and ent.start in starts and ent.end in ends and all(
                noun_core(doc, a, b) == b and _name_word(doc, a, b) is not None for a, b in eojeols(ent)):
            start, end = ent.start, ent.end
            foreign = not _KOREAN_NAME.match(ent.text.split()[0])
            left = ends.get(start)
            if foreign and left is not None and doc[start - 1].whitespace_ and noun_core(doc, *left) == left[1] \
                    and name_part(*left):
                start = left[0]
            right = starts.get(end)
            # 조셉 바이든(Joseph Biden): the Latin spelling after it marks the whole as one name.
            spelled = right is not None and right[1] + 1 < len(doc) and doc[right[1]].text == "(" \
                and doc[right[1] + 1].tag_ == "SL"
            # (모건 슬레인: a two-letter name may look Korean; a word after it that cannot be Korean tells)
            foreign_after = right is not None and len(ent.text) == 2 and re.fullmatch(
                f"[^{KOREAN_SURNAMES}][가-힣]{{1,3}}", doc[right[0]:noun_core(doc, *right)].text) is not None
            if right is not None and (foreign or spelled or foreign_after) and doc[end - 1].whitespace_ \
                    and name_part(*right):
                end = noun_core(doc, *right)
            if out and start < out[-1].end:  # the word went to the name before (아니스 셰이프 리비아)
                start = ent.start
            ent = Span(doc, start, end, label="PS")
            taken.update(range(start, end))
        out.append(ent)
    return out


_PLACE_AFTER = SURROUNDINGS | {"에서", "등지", "앞바다", "상공"}


def _overriding(ents: list[Span], found: list[Span], reach: int = 0) -> list[Span]:
    """``ents`` with the spans ``found`` in place of those they overlap (or that lie within ``reach`` tokens
    after them), in order."""
    if not found:
        return ents
    kept = [e for e in ents if not any(e.start < f.end + reach and f.start < e.end for f in found)]
    return sorted(kept + found, key=lambda e: e.start)


def _rooms_of_named_venues(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """국회 대회의장에서, 청와대 영빈관에서, 세종문화회관 대극장에서: a word for a room or hall after an
    organisation or venue is one place with it, where something happens (not after a city: 서울 올림픽공원 is
    a place in a place)."""
    found = []
    by_end = {e.end: e for e in ents}
    for (start, end), (_, prev_end) in zip(words[1:], words):
        owner = by_end.get(prev_end)
        if owner is None or owner.label_ not in ("OG", "LC"):
            continue
        core_end = noun_core(doc, start, end)
        room = _span_text(doc, start, core_end)
        if len(room) < 2 \
                or not _span_text(doc, core_end, end).startswith("에서") or not _ends_with(room, _ROOMS) \
                or room.endswith("화장실") or any(e.start < core_end and start < e.end and e.label_ != "LC" for e in ents) \
                or owner.text in _known_places() or owner.text.endswith(_ADMIN_PLACE_ENDINGS):
            continue
        found.append(Span(doc, owner.start, core_end, label="LC"))
    return _overriding(ents, found)


@cache
def _known_places() -> frozenset[str]:
    """Countries, regions and cities (places.txt) and Korea's cities and counties."""
    return word_list("places") | word_list("korean_municipalities")


def _places_by_form(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """Places the model missed, by their form: 서울 서대문구, 양천구 신월동 (an administrative
    unit right after a place) and venues where something happens (신촌세브란스병원 장례식장에서)."""
    places = _known_places()
    # 이태원에서, 고척돔에서, 훈춘 인근: a person takes 에게서, never 에서, and has no surroundings — a
    # "person" there is a place, in every mention. (공항 of 항저우 샤오산 공항에서 is a piece of a name: a
    # common noun alone is not; 질본에서 밝혔다: an organisation the article names elsewhere takes 에서 too.)
    placed = {e.text for e in ents if e.label_ in ("PS", "LC") and e.end < len(doc) and doc[e.end].text in _PLACE_AFTER
              and any(t.tag_ != "NNG" for t in e)}
    placed -= {e.text for e in ents if e.label_ not in ("PS", "LC")}
    # A known place the model called a person or an organisation (에티오피아 PS, 나이지리아 OG)
    # is a place: a country keeps one node and class whatever it does in the sentence.
    # (부산시, 경기도 called a person: a known place with its unit is no person either)
    # (세종대로, 올림픽대로, 경부고속도로: a road is a place, though 한강대로 reads like a university's name)
    ents = [Span(doc, e.start, e.end, label="LC") if e.label_ in ("PS", "OG") and e.text in places
            or e.label_ == "PS" and e.text[-1:] in ("시", "도", "군", "구") and e.text[:-1] in places
            or e.label_ in ("PS", "OG") and len(e.text) >= 4 and e.text.endswith(_ROADS)
            or e.label_ == "PS" and e.text in placed else e
            for e in ents]
    # 강남 + 대로 → 강남대로: a place the model found at the start of a road's name is the road.
    ents = [Span(doc, e.start, e.end + 1, label="LC") if e.label_ == "LC" and e.end < len(doc)
            and not doc[e.end - 1].whitespace_ and doc[e.end].text in _ROADS else e for e in ents]
    # 조선민주주의인민공화국 with only 인민 found: a known place written as a word replaces what lies inside it.
    inside = []
    for start, end in words:
        core_end = noun_core(doc, start, end)
        if core_end - start > 1 and _span_text(doc, start, core_end) in places:
            inside += [e for e in ents if start <= e.start and e.end <= core_end and (e.start, e.end) != (start, core_end)]
    if inside:
        ents = [e for e in ents if e not in inside]
    taken = {i for e in ents for i in range(e.start, e.end)}
    ends = {e.end: e for e in ents}
    added: list[Span] = []
    for start, end in words:
        core_end = noun_core(doc, start, end)
        if core_end == start or any(i in taken for i in range(start, core_end)):
            continue
        text = _span_text(doc, start, core_end)
        prev = ends.get(start) or (ends.get(start - 1) if start > 0 and doc[start - 1].is_space else None)
        after = doc[core_end].text if core_end < end else ""
        if core_end == end and end + 1 < len(doc) and doc[end].text in AREA_WORDS:
            after = doc[end + 1].text  # 세종대로 일대에서, 대한문 앞에서
        unit = 2 <= len(text) <= 6 and text.endswith(_ADMIN_UNITS) and prev is not None and prev.label_ == "LC" \
            and not (core_end - start == 1 and doc[start].tag_ == "NNG")  # 출입구, 입구: common nouns
        known = text in places or (text[-1] == "시" and text[:-1] in places)  # (당진시; not 한국군, an army)
        venue = _ends_with(text, VENUE_HEADS) and after in ("에서", "에서는", "에", "의")
        # 서울 삼성동 코엑스에서, 부산 벡스코에서: a name right after a place, where something happens.
        venue = venue or (prev is not None and prev.label_ == "LC" and after in ("에서", "에서는")
                          and all(t.tag_ in ("NNP", "SL") for t in doc[start:core_end]))
        if unit or venue or known:
            span = Span(doc, start, core_end, label="LC")
            bare = text in VENUE_HEADS or (text[:2] in _PUBLIC and text[2:] in VENUE_HEADS)  # (국제공항)
            if venue and bare and prev is not None and prev.end >= start - 1 and (
                    prev.label_ == "LC" or prev.text.endswith(("병원", "대학교", "학교"))):
                # 신촌세브란스병원 장례식장에서, 샌프란시스코 국제공항에: a bare venue word is a part of the place
                # before it.
                span = Span(doc, prev.start, core_end, label="LC")
                ents = [e for e in ents if e is not prev]
                added = [e for e in added if e is not prev]
            added.append(span)
            ends[core_end] = span
    return sorted(ents + added, key=lambda e: e.start)


_AIRPORTS = frozenset({"공항", "국제공항"})
# Words that end a place's name written apart from it (셰레메티예보 국제공항, 오산 공군기지) — never a person's.
_PLACE_LAST_WORDS = VENUE_HEADS | FACILITY_WORDS


def _persons_by_last_word(ents: list[Span]) -> list[Span]:
    """리아노보스티 통신, 셰레메티예보 국제공항 as persons: a name's last word says what it names (Korean
    names are head-final), and a person's name never ends in a word for a place or a newspaper."""
    def relabel(ent: Span) -> str | None:
        words = ent.text.split()
        if ent.label_ != "PS" or len(words) < 2:
            return None
        if words[-1] in _PLACE_LAST_WORDS:
            return "LC"
        if words[-1] in _PRESS or words[-1] in _INSTITUTION_HEADS:
            return "OG"
        return None
    return [Span(ent.doc, ent.start, ent.end, label=label) if (label := relabel(ent)) else ent for ent in ents]


def _orgs_after_countries(ents: list[Span]) -> list[Span]:
    """대한민국 방송통신심의위원회, 대한민국 기상청 as one organisation: the country before the name is a place of
    its own, which the extractor says the organisation is in (the resolver keeps the whole as a name too)."""
    places = word_list("places")
    out = []
    for ent in ents:
        first = ent[0]
        if ent.label_ == "OG" and len(ent) >= 2 and first.whitespace_ and first.text in places \
                and _looks_like_org(ent[1:].text) and " " not in ent[1:].text:
            out += [Span(ent.doc, ent.start, ent.start + 1, label="LC"), Span(ent.doc, ent.start + 1, ent.end, label="OG")]
        else:
            out.append(ent)
    return out


def _teams(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """서울 드래곤즈, 타이베이 타이거스, 보스턴 레드삭스: a city and a name in a plural borrowed from English
    (…즈, …스) is a team, not a place in a place — in a sentence about a game (not 삼성동 코엑스, 미국 NK뉴스)."""
    if not _GAME_CUE.search(doc.text):
        return ents
    places = word_list("places")
    by_start = {e.start: e for e in ents}
    found: list[Span] = []
    for (c_start, c_end), (start, end) in zip(words, words[1:]):
        city = by_start.get(c_start)
        core_end = noun_core(doc, start, end)
        name = _span_text(doc, start, core_end)
        if city is None or city.label_ != "LC" or city.end != c_end or core_end - start != 1 \
                or len(name) < 3 or not name.endswith(("즈", "스")) or name in places \
                or doc[start].ent_type_ not in ("", "LC", "PS", "OG") or doc[start].tag_ not in ("NNP", "NNG") \
                or name in gazetteer() or not _GAME_CUE.search(doc[start].sent.text):
            continue
        found.append(Span(doc, c_start, core_end, label="OG"))
    return _overriding(ents, found)


def _places_by_heads(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """부산역, 수서역 (a proper noun and 역: a station); 모노 호수, 나일 강, 간토 지방, 콜로라도 주 (a proper noun
    and a word for a natural feature, a region or a state): places, whatever the model called the name."""
    tags, texts = _tags_and_texts(doc)
    found: list[Span] = []
    for n, (start, end) in enumerate(words):
        core_end = noun_core(doc, start, end)
        if core_end == start:
            continue
        last = texts[core_end - 1]
        proper = all(tags[i] == "NNP" for i in range(start, core_end - 1))
        station = proper and ((last == "역" and core_end - start >= 2) or (
            core_end - start == 1 and tags[start] == "NNP" and len(last) >= 3 and last.endswith("역")))
        # 대덕연구개발특구, 신동지구: a word that a place begins and a word for a zone ends is that zone.
        zone = core_end - start >= 2 and doc[start].ent_type_ == "LC" and _span_text(doc, start, core_end).endswith(ZONE_HEADS)
        if station or zone:
            found.append(Span(doc, start, core_end, label="LC"))
        elif proper and core_end == end and tags[core_end - 1] == "NNP" and n + 1 < len(words):
            h_start, h_end = words[n + 1]
            # 콜로라도 주, 파라 주: a state (not 카카오 주, shares of a company)
            state = texts[h_start] == "주" and doc[start].ent_type_ != "OG" and _span_text(doc, start, core_end) not in gazetteer()
            if (texts[h_start] in _FEATURE_HEADS or state) and noun_core(doc, h_start, h_end) == h_start + 1:
                found.append(Span(doc, start, h_start + 1, label="LC"))
    # (the rule's span wins over the model's name inside it: 나일 as a person)
    return _overriding(ents, found)


def _titles_after_names(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """아데바요르 주장은, 김민수 경위는, 박하준 고문이: a word that is a title only after a person's
    name (elsewhere 주장 is a claim, 고문 torture, 경위 the circumstances) is that person's title there."""
    starts = {start: end for start, end in words}
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for e in ents:
        end = starts.get(e.end)
        if e.label_ != "PS" or end is None or not doc[e.end - 1].whitespace_:
            continue
        core_end = noun_core(doc, e.end, end)
        if _span_text(doc, e.end, core_end) in _TITLES_AFTER_NAMES and not any(i in taken for i in range(e.end, core_end)) \
                and (core_end == end or doc[core_end].tag_.startswith(("J", "SF", "SP"))):
            added.append(Span(doc, e.end, core_end, label="CV"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _acting_titles(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """대통령 권한대행, 사장 직무대행: one who acts for the holder holds a post of that name."""
    starts = {start: end for start, end in words}
    out = []
    for e in ents:
        end = starts.get(e.end)
        core_end = noun_core(doc, e.end, end) if e.label_ == "CV" and end is not None else e.end
        if doc[e.end - 1].whitespace_ and _span_text(doc, e.end, core_end) in ("권한대행", "직무대행"):
            e = Span(doc, e.start, core_end, label="CV")
        out.append(e)
    return out


def _orgs_before_titles(ents: list[Span]) -> list[Span]:
    """코레일 사장 최연혜, 이나래 에코셀 대표: between a Korean name and a title, or before a title
    that a Korean name follows, stands an organisation, whatever the model called it."""
    out = list(ents)
    for i in range(len(out) - 2):
        a, b, c = out[i], out[i + 1], out[i + 2]
        if not (b.start - a.end <= 1 and c.start - b.end <= 1):
            continue
        # (트럼프 대통령은 김정은 위원장과: a particle ends the phrase, the next name is another's)
        if any(t.tag_.startswith("J") and t.tag_ != "JKG" for t in a.doc[a.end:c.start] if not b.start <= t.i < b.end):
            continue
        # (빅뱅 전 멤버 승리, 위키백과 창립자 지미 웨일스: a member's or founder's title names a body before
        # it, whatever the name after it; 페이스북 CEO 셰릴 샌드버그: so does any title before a full name)
        if a.label_ == "PS" and b.label_ == "CV" and c.label_ == "PS" and not _KOREAN_NAME.match(a.text) \
                and (_KOREAN_NAME.match(c.text) or b.text in _BODY_TITLES or " " in c.text):
            out[i] = Span(a.doc, a.start, a.end, label="OG")
        elif a.label_ == b.label_ == "PS" and c.label_ == "CV" and _KOREAN_NAME.match(a.text) \
                and " " not in b.text and not _KOREAN_NAME.match(b.text):
            out[i + 1] = Span(b.doc, b.start, b.end, label="OG")
    return out


def _orgs_right_before_titles(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """문교부 장관, 초당대 교수: a word with an organisation's ending (or a university's 대) right
    before a title names where the title is held, even a common noun the model and the rules above let
    pass (a single three-letter word is otherwise too ambiguous to call an organisation)."""
    titles = {e.start for e in ents if e.label_ == "CV"}
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for (start, end), (nxt, _) in zip(words, words[1:]):
        if nxt not in titles or noun_core(doc, start, end) != end or any(i in taken for i in range(start, end)):
            continue
        text = _span_text(doc, start, end)
        if len(text) <= 10 and re.fullmatch(r"[가-힣]+", text) and (_org_word(text) or (
                len(text) >= 3 and text.endswith("대") and text not in _NOT_ORG)):
            added.append(Span(doc, start, end, label="OG"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _names_before_org_titles(doc: Doc, words: list[tuple[int, int]], ents: list[Span],
                             unknown_word: Callable[[str], bool]) -> list[Span]:
    """김도윤 새벽AI 대표: a word of three Hangul letters shaped like a Korean name — unknown to Kiwi's
    dictionary (Kiwi calls such names common nouns), cut by it, or one of its proper nouns — standing before
    an organisation and its title (also inside the model's organisation span: 문형표 보건복지부 장관) is the
    title holder; 정치인 한빛전자 대표 is not."""
    index = {start: n for n, (start, _) in enumerate(words)}

    def name_word(start: int, end: int) -> bool:
        text = _span_text(doc, start, end)
        return len(text) == 3 and _KOREAN_NAME.match(text) is not None and bool(doc[end - 1].whitespace_) \
            and text not in gazetteer() and all(t.tag_ in ("NNG", "NNP") for t in doc[start:end]) \
            and (unknown_word(text) or end - start > 1 or (  # (Kiwi cuts a name it does not know…
                doc[start].tag_ == "NNP" and text not in word_list("places")  # …or knows it: 문형표)
                and not text.endswith(_ADMIN_PLACE_ENDINGS)))

    def before_title(k: int) -> bool:
        """Whether a title follows ents[k] — right after it, or after an acronym in brackets
        (서남표 한국과학기술원(KAIST) 총장)."""
        org = ents[k]
        gap_end = org.end
        if gap_end < len(doc) and doc[gap_end].text == "(":
            close = next((t.i for t in doc[gap_end:min(len(doc), gap_end + 5)] if t.text == ")"), None)
            gap_end = close + 1 if close is not None else gap_end
        title = next((e for e in ents[k + 1:] if e.start >= gap_end), None)
        return title is not None and title.label_ == "CV" and title.start - gap_end <= 1

    # 서남표 한국과학기술원 총장 read as one organisation: its first word is the title holder.
    out: list[Span] = []
    for k, org in enumerate(ents):
        n = index.get(org.start)
        if org.label_ == "OG" and before_title(k) and n is not None \
                and words[n][1] < org.end and name_word(*words[n]) \
                and _looks_like_org(rest := doc[words[n + 1][0]:org.end].text) \
                and rest not in _BRANCH_WORDS:  # (노바텍 코리아 is one name)
            out += [Span(doc, org.start, words[n][1], label="PS"), Span(doc, words[n + 1][0], org.end, label="OG")]
        else:
            out.append(org)
    ents = out
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for k, org in enumerate(ents):
        n = index.get(org.start)
        if org.label_ != "OG" or not before_title(k) or not n:
            continue
        start, end = words[n - 1]
        if not any(i in taken for i in range(start, end)) and name_word(start, end):
            added.append(Span(doc, start, end, label="PS"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _units_before_holders(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """도시계획국 김병하 단장, 강남구청 박하준 과장: a word ending like an office or a department right
    before a person and their title is where they hold it (alone, 도시계획국 is too common a noun to call
    an organisation)."""
    starts = {e.start: e for e in ents}
    org_ends = {e.end for e in ents if e.label_ == "OG"}
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for (start, end), (nxt, _) in zip(words, words[1:]):
        person = starts.get(nxt)
        # (연세대 지구시스템과학과 홍태경 교수: the department of a named organisation)
        if person is None or person.label_ != "PS" or start in org_ends:
            continue
        title = starts.get(person.end)
        text = _span_text(doc, start, end)
        if title is None or title.label_ != "CV" \
                or any(i in taken for i in range(start, end)) or noun_core(doc, start, end) != end \
                or not re.fullmatch(r"[가-힣]{3,10}", text) or text in _known_places() or text in _NOT_ORG \
                or not (_org_word(text) or text.endswith(_UNIT_ENDINGS)):
            continue
        added.append(Span(doc, start, end, label="OG"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _orgs_in_titles(doc: Doc, words: list[tuple[int, int]], ents: list[Span]) -> list[Span]:
    """하지원 에코맘 코리아 대표: the unknown name between a person and their title is
    where they hold it — an organisation."""
    added: list[Span] = []
    # what the spans so far cover (the model's own labels may have been cut away: 김도윤 새벽|AI)
    taken = {i for e in ents for i in range(e.start, e.end)}
    for left, right in zip(ents, ents[1:]):
        if left.label_ != "PS" or right.label_ != "CV":
            continue
        inner = doc[left.end:right.start]
        names = [t for t in inner if not t.is_space]
        if not names or len(inner.text.split()) > 2 or inner.text.strip() in _TITLE_WORDS:
            continue
        # (a long common-noun compound is a name too: 정현호 전국대학총학생회모임 집행장)
        named = any(t.tag_ in ("NNP", "SL") for t in names) or (" " not in inner.text.strip()
                                                               and len(inner.text.strip()) >= 5)
        if not all(t.tag_ in ("NNP", "NNG", "SL", "SN") and t.i not in taken for t in names) \
                or any(t.text in _TITLE_WORDS for t in names):
            continue
        first = inner.text.split()[0]
        if named:
            added.append(Span(doc, names[0].i, names[-1].i + 1, label="OG"))
        elif len(inner.text.split()) == 2 and len(first) >= 3 and first.endswith(("대", "대학", "대학교")):
            # 문현철 초당대 군사학과 교수: a university and its department; the university is the organisation.
            end = next(t.i for t in names if t.whitespace_) + 1
            added.append(Span(doc, names[0].i, end, label="OG"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _join_units(ents: list[Span]) -> list[Span]:
    """대한의사협회 비상대책위원회, 구글 코리아: an organisation and its unit or branch, one space
    apart, are one name."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        unit = _ends_with(ent.text, _ORG_UNITS) and prev is not None and prev.label_ == "OG"
        branch = ent.text in _BRANCH_WORDS and prev is not None and prev.label_ in ("OG", "PS")
        if prev is not None and ent.label_ == "OG" and ent.start == prev.end and prev[-1].whitespace_ \
                and (unit or branch):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="OG")
            continue
        doc, start = ent.doc, ent.start
        if ent.text in _BRANCH_WORDS and start > 0 and doc[start - 1].whitespace_:
            # 에코맘 코리아: the unnamed bare-noun word before a branch word is the company.
            start -= 1
            while start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].tag_ in NOUNISH:
                start -= 1
            word = doc[start:ent.start]
            if not (start == 0 or doc[start - 1].whitespace_) or (prev is not None and start < prev.end) \
                    or not all(t.tag_ in NOUNISH for t in word):
                start = ent.start
        out.append(Span(doc, start, ent.end, label="OG") if start < ent.start else ent)
    return out


def _looks_like_org(text: str) -> bool:
    return gazetteer().get(text) == "Organization" or _org_word(text)


def _org_word(text: str) -> bool:
    """Ends like an organisation's name (…협회, …당, …부) and is not one of the nouns that only look so."""
    return len(text) >= 3 and text not in _NOT_ORG and _ends_with(text, ORG_SUFFIXES) \
        and not _ends_with(text, _NOT_ORG_ENDINGS)


def _split_person_org(ents: list[Span], given_name: Callable[[str, str], bool] | None = None) -> Iterator[Span]:
    """황우여 새누리당 → 황우여 (PS), 새누리당 (OG): a person span that runs into an organisation
    or a place. A Korean name is one word (surname + given name), so what follows it is not
    part of it; a foreign name may be several words, but not a known organisation or place."""
    places = word_list("places")
    for ent in ents:
        if ent.label_ == "PS" and re.fullmatch(r"[가-힣]", ent.text) and ent.end < len(ent.doc) \
                and ent.doc[ent.end].text.startswith("모"):
            continue  # 김 모씨: a name withheld names no one (김 후보자 refers to one named before)
        if ent.label_ == "PS" and " " in ent.text and ent.text.rsplit(" ", 1)[1] in _CLUB_FORMS:
            yield Span(ent.doc, ent.start, ent.end, label="OG")  # 발렌시아 CF is a football club
            continue
        # 새누리당, 하버드대 (a university's short name) are no persons.
        if ent.label_ == "PS" and " " not in ent.text and (_looks_like_org(ent.text) or (
                ent.text.endswith("대") and len(ent.text) >= 3 and not _KOREAN_NAME.match(ent.text))):
            yield Span(ent.doc, ent.start, ent.end, label="OG")
            continue
        # (키리타니 소라(桐谷 ソラ): a name glossed in its own script is whole, 소라 is no Korean name;
        # so is ‘마이클 존 무어’(Michael John Moore), spelt out in Latin letters)
        after = ent.end + 1 if ent.end < len(ent.doc) and ent.doc[ent.end].text in _QUOTES.values() else ent.end
        words = eojeols(ent) if ent.label_ == "PS" and not _glossed(ent.doc, ent.end) \
            and not _latin_name_gloss(ent.doc, after) else []
        if len(words) > 1:
            doc = ent.doc
            first = doc[words[0][0]:words[0][1]].text
            last = doc[words[-1][0]:words[-1][1]]
            if _KOREAN_NAME.match(first):
                yield Span(doc, ent.start, words[0][1], label="PS")
                rest = doc[words[1][0]:ent.end]
                if _looks_like_org(rest.text):
                    yield Span(doc, rest.start, rest.end, label="OG")
                continue
            # (버락 오바마: a foreign name may end in a word shaped like a Korean one)
            foreign = given_name is not None and len(words) == 2 and given_name(first, last.text)
            if _KOREAN_NAME.match(last.text) and not foreign:
                # 자유한국당 홍준표, 키커 이정은: what precedes a Korean name is not part of it.
                rest = doc[ent.start:words[-2][1]]
                if _looks_like_org(rest.text):
                    yield Span(doc, rest.start, rest.end, label="OG")
                yield Span(doc, last.start, last.end, label="PS")
                continue
            if _looks_like_org(last.text) or last.text in places:
                yield Span(doc, ent.start, words[-2][1], label="PS")
                yield Span(doc, last.start, last.end, label="OG" if last.text not in places else "LC")
                continue
        yield ent


def _split_places(ents: list[Span], common_noun: Callable[[str], bool] = lambda _: False) -> list[Span]:
    """독일 베를린 → 독일, 베를린: each place its own node (the extractor links them) — but
    남아프리카 공화국, 아이오와 주, 천안문 광장 are one name ending in a generic head, and a common noun
    of Kiwi's dictionary after a place is no place (김영삼 정권, 대한민국 국민: ``common_noun``)."""
    out: list[Span] = []
    taken = {i for e in ents for i in range(e.start, e.end)}
    for ent in ents:
        doc = ent.doc
        # 청원군·천안시·연기군 read as one name: a list of places, each its own.
        parts = _dotted_places(ent)
        if parts:
            out += parts
            continue
        head = ent.end if ent.label_ in ("LC", "OG") and doc[ent.end - 1].whitespace_ else None
        if head is not None and head < len(doc) and doc[head].text in _PLACE_HEADS and head not in taken:
            ent = Span(doc, ent.start, head + 1, label="LC")  # 남아프리카 + 공화국
        elif ent.label_ == "OG" and " " in ent.text and not _ends_with(ent.text, _INSTITUTION_HEADS) and (
                ent.text.rsplit(" ", 1)[1] in _PLACE_HEADS or all(
                w in word_list("places") or w.endswith(_ADMIN_PLACE_ENDINGS) for w in ent.text.split())):
            ent = Span(doc, ent.start, ent.end, label="LC")  # 아이오와 주, 부산 해운대구 are no organisations
        words = eojeols(ent) if ent.label_ == "LC" else []
        after_known = bool(words) and ent.doc[words[0][0]:words[0][1]].text in word_list("places")
        last = ent.doc[words[-1][0]:words[-1][1]].text if words else ""
        if len(words) > 1 and last not in _CHAIN_HEADS and last not in word_list("places") \
                and not last.endswith(_ADMIN_UNITS) and common_noun(last):
            words = words[:-1]
            ent = Span(doc, ent.start, words[-1][1], label="LC")
            last = ent.doc[words[-1][0]:words[-1][1]].text
        if len(words) > 1 and last.rsplit(" ", 1)[-1] in _AIRPORTS:
            words = [(words[0][0], words[-1][1])]  # (토론토 피어슨 국제공항: an airport is named with its city)
        if len(words) > 1 and last.startswith(_PUBLIC) and _ends_with(last, VENUE_HEADS):
            # (베이징 국가체육장, 서울 시립미술관: a public venue is named with its city)
            words = [*words[:-2], (words[-2][0], words[-1][1])]
            last = ""
        if len(words) > 1 and last not in _CHAIN_HEADS and ent.text not in word_list("places") \
                and all(_place_word(ent.doc, a, b, after_known) for a, b in words):
            out += [Span(ent.doc, a, b, label="LC") for a, b in words]
        else:
            out.append(ent)
    return out


_ADMIN_PLACE = re.compile(r"[가-힣]+[시군구도]")


def _dotted_places(ent: Span) -> list[Span]:
    """The places of a span that is a list joined by ``·`` of known places or administrative units, else []."""
    cuts = [t.i for t in ent if t.text == "·"]
    if not cuts or ent.label_ not in ("LC", "OG"):
        return []
    bounds = zip([ent.start, *(c + 1 for c in cuts)], [*cuts, ent.end])
    parts = [Span(ent.doc, a, b, label="LC") for a, b in bounds if a < b]
    known = word_list("places")
    if len(parts) != len(cuts) + 1 or not all(
            p.text in known or (len(p.text) >= 2 and _ADMIN_PLACE.fullmatch(p.text)) for p in parts):
        return []
    return parts


def _place_word(doc: Doc, start: int, end: int, after_known: bool) -> bool:
    """Whether a word of a place chain names a place of its own: a bare noun of two letters or more, or
    of one proper-noun letter after a known country (프랑스 칸) that is no surname or direction."""
    if noun_core(doc, start, end) != end:
        return False
    text = _span_text(doc, start, end)
    return len(text) >= 2 or (after_known and doc[start].tag_ == "NNP" and text not in KOREAN_SURNAMES + "남북동서")


def _releases(doc: Doc, start: int, end: int, subject: bool) -> bool:
    """Whether the word ``doc[start:end]`` is a release verb ending its clause (출시했다, 발매되면서, not
    출간된 책): for a subject, a passive (출시됐다) or 개봉, which a film does itself (영화가 개봉했다)."""
    tags, texts = _tags_and_texts(doc)
    if not texts[start].startswith(_RELEASE_CUES) or "ETM" in tags[end - 1]:
        return False
    return not subject or texts[start].startswith("개봉") or any(texts[i].startswith(("되", "됐", "돼")) for i in range(start + 1, end))


def _names_a_work(doc: Doc, quote: int, work_end: int) -> bool:
    """Whether the quote mark at ``quote`` opens the title of a work: after a word for one
    (영화, 드라마 …), after its maker (감독의, 작가의), or listed after another title."""
    before = [t for t in doc[max(0, quote - 3):quote] if not t.is_space]
    if not before:
        return False
    last = before[-1]
    if last.text in _WORKS:
        return True
    if last.text == "의" and len(before) > 1 and before[-2].text in ("감독", "작가", "가수", "저자", "작곡가"):
        return True
    # 'A'과 'B', 'A', 'B': the list goes on
    return work_end >= 0 and quote - work_end <= 3 and all(
        t.text in (",", "와", "과", "및") or t.text in _QUOTES.values() for t in doc[work_end:quote])


def _called_a_work(doc: Doc, i: int) -> bool:
    """Whether the words from ``i`` on read (이)라는 + a word for a work: '피의 다이아몬드'라는 영화 —
    or a word for a kind of product right after the quote: '팝 타르츠' 제품을."""
    if i < len(doc) and doc[i].text in _PRODUCT_KINDS:
        return True
    if i < len(doc) and doc[i].tag_ == "VCP":
        i += 1
    return i + 1 < len(doc) and doc[i].text in ("라는", "이라는") and doc[i + 1].text in _WORKS


def _has_demo_cue(sent: Span) -> bool:
    return any(t.lemma_.startswith(_DEMO_CUES) or t.text.startswith(_DEMO_CUES) for t in sent)


def _ends_with(text: str, words: frozenset[str]) -> bool:
    # Look the text's endings up rather than trying every word: this runs for every word of every article.
    return any(text[-n:] in words for n in _lengths(words) if n <= len(text))


@cache
def _lengths(words: frozenset[str]) -> tuple[int, ...]:
    return tuple(sorted({len(w) for w in words}))


@Language.factory("kg_entity_rules", default_config={"overwrite": True})
def make_entity_rules(nlp: Language, name: str, overwrite: bool) -> EntityRules:
    return EntityRules(nlp, name, overwrite)
