"""Facts from a parsed article: predicates, their particle-marked arguments, and news patterns.

Korean is head-final and marks roles with particles, so a predicate's
arguments are the entity phrases before it in its clause, and the particle
after each phrase says which role it fills: 이/가/께서 and 은/는 the
subject, 을/를 the object, 에서 the place, 에/에게 the goal, 와/과 (함께)
a companion. A predicate that ends in a relative ending (열린, 개최한)
fills its role with the noun phrase that follows.

>>> from kg.nlp import load_pipeline
>>> from kg.ingest import Article
>>> nlp = load_pipeline(ner=False)
>>> art = Article(id="t", text="이종호 과학기술정보통신부 장관이 18일 '디지털 기업 간담회'에 참석했다.", date="2022-09-19")
>>> ex = extract(nlp(art.read_text), art)
>>> sorted({(f.subject.text, f.relation, f.obj if isinstance(f.obj, str) else f.obj.text) for f in ex.facts})
[('디지털 기업 간담회', 'date', '2022-09-18'), ('이종호', 'attended', '디지털 기업 간담회'), ('이종호', 'holdsPosition', '장관'), ('이종호', 'memberOf', '과학기술정보통신부')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from kg.extract.dates import DATE_PATTERN, normalise_date
from kg.extract.records import Extraction, Fact, Mention
from kg.ingest.article import Article
from kg.nlp.labels import GRAPH_CLASS
from kg.nlp.lexicon import (
    AREA_WORDS,
    FACILITY_WORDS,
    SETTLEMENT_WORDS,
    TIME_DETERMINERS,
    VENUE_HEADS,
    gazetteer,
    word_list,
)

__all__ = ["extract", "predicate_lexicon", "Predicate"]

# Particle (first morpheme after the phrase) → role.
# A를 비롯해 B 등이: A is listed with B (the 을/를 belongs to 비롯하다)
_INCLUDING = re.compile(r"비롯(?:해|하여|한)")
_WITH_FAMILY = re.compile(r"(?:씨\s*)?(?:부부|일가|가족|부자|모녀|부녀|모자|형제|자매)\s*[,·]")
_ROLE_BY_PARTICLE = {
    "이": "subj", "가": "subj", "께서": "subj", "은": "topic", "는": "topic",
    "을": "obj", "를": "obj", "에서": "place", "에": "goal", "에게": "goal", "께": "goal", "한테": "goal",
    "와": "com", "과": "com", "하고": "com", "랑": "com", "이랑": "com", "의": "gen", "도": "also",
    "로": "dir", "으로": "dir",
}
# Words that may stand inside an apposition: 윤세라 전 한빛소프트 부사장.
# Parts of an event that news writes after its name: 제63회 칸 국제영화제 시상식.
_CEREMONIES = frozenset({"시상식", "개막식", "폐막식", "개회식", "폐회식", "결승전", "기념식", "본회의"})
_APPOSITION_FILLERS = {"전", "현", "前", "現", "신임", "초대", "당시", "겸", "소속",
                       # 성 김 주한 미국 대사: where an envoy is posted
                       "주한", "주미", "주일", "주중", "주러", "주유엔"}
_FORMER = re.compile(r"(?:^|\s)(?:전|前|당시)\s")
_NOT_HELD = ("였던", "이었던", "출신")
# (모스크바의 벨라루스 대사관: an organisation's post abroad or branch is where the genitive says)
_POSTS = ("대사관", "영사관", "대표부", "지사", "지점", "공장", "사무소", "분교", "캠퍼스")
_BYGONE = frozenset({"기존", "옛", "구", "이전", "과거", "당시"})
# Titles of those who serve another title-holder: 대통령 비서실장, 장관 정책보좌관, 대통령 특사.
_AIDES = ("비서관", "보좌관", "비서실장", "비서", "대변인", "특보", "특사", "수석", "안보실장", "경호실장")
# Nouns a relative clause modifies that keep the sentence's subject: 참석한 뒤, 참석할 예정, 참석한 자리.
_CLAUSE_NOUNS = {"예정", "계획", "방침", "것", "수", "뒤", "후", "때", "가운데", "중", "전", "바", "데", "만큼", "듯", "뜻",
                 "입장", "의사", "의지", "적", "동안", "사이", "이후", "직후", "이전", "길", "모습", "자리", "사실", "상태",
                 "경우", "만", "등", "채", "결과", "과정", "당시", "날", "해", "첫", "최초"}
# 도지사직을 상실했다, 부산시장에서 사퇴한, 대표직에서 물러났다: a post lost or left (not 물러나야 한다).
_LOST_POST = re.compile(r"([가-힣]{2,}?)(?:직을|직에서|직|에서)\s*(?:공식|전격|자진|끝내|결국)?\s*(?:(?:상실|사퇴|사임|해임|박탈|퇴임)(?:했|한|하였|됐|된|되었|당했|당한)|물러(?:났|난))")
# 제명된, 탈당한, 출당: a membership the sentence says has ended (or is disputed).
_LEFT = re.compile(r"제명|탈당|출당|퇴출|당적을 잃")
# Titles that say who founded the body they belong to (애플 공동창업자 스티브 워즈니악).
_FOUNDER_TITLES = ("창업자", "설립자", "창립자", "창시자")
# A title written onto its body's name: 대한의사협회장, 국제올림픽위원회 위원장 is two words.
_BODY_IN_TITLE = re.compile(r"([가-힣]{2,}(?:협회|위원회|연맹|재단|학회|연합회|협의회|공사|공단|조합|노조))(?:장|회장|이사장)")
_CANDIDATE = re.compile(r"\s*(?:[가-힣]{2,4}\s*)?후보")  # 후보, 대선 후보, 대통령 후보자
_NOT_HELD_AFTER = re.compile(r"\s*(?:의\s*)?(?:당선자|당선인|권한대행|내정자|후보|지명자)")  # (사무총장의 후보)
# Words after a name that stand for other people: 유가족, 변호인, 측 …
_SOMEONE_ELSE = {"측", "유가족", "가족", "유족", "변호인", "대리인", "법률대리인", "변호사", "측근", "부인", "아들", "딸",
                 "남편", "아내", "어머니", "아버지", "관계자", "지지자", "팬", "모임"}
_ADMIN_ENDINGS = ("시", "도", "군", "구", "주", "성", "현", "동")
# Endings of a district's name (삼성동, 양천구): where something happens is the venue after the district, not it.
_DISTRICT_ENDINGS = ("동", "구", "읍", "면", "리")
# Words for a gathering that a place before them does not name (국회 기자회견, 광화문 집회).
_GATHERINGS = frozenset({"기자회견", "회견", "기자간담회", "간담회", "집회", "촛불집회", "시위", "회의", "본회의",
                         "토론회", "공청회", "설명회", "행사", "기념식", "추모식", "궐기대회", "결의대회"})
# Endings of a place that has a government of its own to speak for it (인천시, 경기도, 강남구).
_GOVERNED = ("시", "도", "군", "구")
# Nouns and verbs of opening a site somewhere (…에 한국문화원을 개원했다).
_OPENINGS = ("개원", "개관", "개소", "개설", "개장", "설립", "설치", "오픈", "세웠", "세운", "세우")
# Bodies whose name is also their seat: 국회 기자회견 is held in the National Assembly.
_SITE_BODIES = frozenset({"국회", "청와대", "백악관", "크렘린", "국회의사당", "판문점"})
# Nouns of manner before a predicate noun: 국빈 방문, 공식 방문, 단독 회담.
_MANNER_NOUNS = {"국빈", "공식", "비공식", "단독", "긴급", "공동", "깜짝", "전격", "첫"}
_NOT_PLACES = {"지역", "남부", "북부", "동부", "서부", "일대", "인근", "현지", "전역", "중심"}
# A closing quote followed by a quotative ending: …"라고, "고, "며.
# (the ending is a word's end: "고마워요 마린" opens a quote, it does not report one)
_QUOTATIVE_AFTER = r"[”\"']\s*(?:이?라고|고|며|면서|라며|이라며)(?![가-힣])"
# (single quotes may stand inside double ones: "… '사람'으로 제한된다"고; a quote may close inside its
# last word: "…전해왔"다며)
_QUOTE = re.compile(r"(?:[“\"]([^”\"“\n]+)[”\"]|['‘]([^'‘’\"“”\n]{4,})['’])\s*(?:이?라고(?:도|는)?|고도?|며|면서|이?라며|이?라면서|[했한]다(?:며|고)?|다(?:며|고)(?:까지)?(?![가-힣])|"
                    r"이?라(?=\s+(?:전했|말했|밝혔|덧붙였|강조했|설명했|주장했|답했|지적했))"
                    # "…"라는 입장이다, "…"라는 입장을 밝혔다: a stance quoted
                    r"|이?라는(?=\s+(?:입장|견해|주장|의견)(?:이다|이었다|을|를|에))"
                    # "…"는 소감을 남겼다, '…'라는 발언을 했다, "…"는 비판을 했다: words left or made, quoted
                    r"|(?:이?라)?는(?=\s+(?:수상\s*)?(?:소감|말|발언|메시지|당부|각오|비판|비난|반박|경고)(?:을|를)\s+(?:남[기겼겨]|전[하했해]|밝[히혔혀]|[하했해]))"
                    # "…"라는 내용의 글을 올렸다, "…"라는 성명을 발표했다: what a statement says, quoted
                    r"|(?:이?라)?는(?=\s+(?:내용의\s+(?:[가-힣]+\s+)?[가-힣]+|성명서?|입장문|논평|담화문?|보도자료|서한)(?:을|를)\s))"
                    r"(?![가-힣])")
_OFFICIAL = re.compile(r"\s*관계자(?:들)?(?:은|는|이|가)(?![가-힣])")
# 버락 오바마 미국 제44대 대통령: an ordinal inside an apposition.
_ORDINAL = re.compile(r"^(?:제\s*)?\d+\s*(?:대|기|회)$|^제$")
_NAMEISH = {"NNG", "NNP", "SL", "SN", "SH", "MM", "XSN", "XPN"}
_WIN_VERBS = {"차지하다", "차지", "거머쥐다", "달성하다", "달성", "하다", "안다", "이루다"}
_QUOTE_CHARS = set("'\"‘’“”「」『』《》〈〉")
_SAID_VERBS = {"말하다", "밝히다", "전하다", "덧붙이다", "답하다", "말씀하다"}
# Nouns that say "said" with 하다: 말했다, 강조했다, 언급하며.
_SAID_NOUNS = {"말", "언급", "강조", "설명", "주장", "지적", "당부", "발언", "역설", "약속", "답변", "말씀", "토로",
               "비판", "평가", "논평", "반박", "해명", "경고", "시인", "부인", "분석", "전망"}
# Quotative endings of reported speech without quote marks: …했다고 밝혔다, …할 것이라며 비판했다.
_QUOTATIVE = {"다고", "라고", "다며", "라며", "냐고", "자고"}
_NEGATION = {"않", "못", "안", "없"}
_PERSON_PRONOUNS = frozenset({"그", "그녀"})
# Nouns of time, which as topics (오늘은, 현재는) name no one who acts.
_TIME_NOUNS = TIME_DETERMINERS | {"오늘", "어제", "내일", "현재", "당시", "최근", "이후", "앞서", "한편", "지난해",
                                  "그동안", "오전", "오후", "저녁", "밤", "새벽", "주말", "연말", "연초", "이전", "과거",
                                  "향후", "앞으로"}
# Words between a relative clause and its noun that are not that noun (이번, 참석한 가운데).
_SCENE_WORDS = TIME_DETERMINERS | {"가운데"}
# A date to come: 오는 9월, 다음달 17일, 내달, 내년, 다음 주.
_FUTURE_DATE = re.compile(r"(?:^|\s)(?:오는\s+\d|다음\s?달|내달|내년|다음\s?주)")
# Nouns after a predicate noun that make it an act done: 참석 후, 참석 직후, 참석차.
_AFTER_ACT = frozenset({"후", "뒤", "직후", "이후", "차"})
_LIGHT_VERBS = frozenset({"하다", "가지다", "갖다"})  # (and 진행, a noun before 하다)
_PLANNED = {"예정", "계획", "방침", "전망", "것"}
# Which object classes each relation accepts; None accepts any entity.
_OBJECT_CLASSES: dict[str, set[str] | None] = {
    "attended": {"Event"}, "organized": {"Event"}, "demonstrated": {"Product"},
    "founded": {"Organization"}, "announced": None, "launched": {"Product"},
    "invested": {"Organization"}, "acquired": {"Organization"}, "partneredWith": {"Organization"},
    "visited": {"Place", "Organization"}, "met": {"Person"}, "supported": {"Organization", "Event", "Person"},
    "appointed": {"Person"}, "won": {"Event", "Position", "Product"}, "holdsPosition": {"Position"},
}
_AGENTS = {"Person", "Organization"}
# Verbs of visiting that name the country: 방한 (to Korea), 방북, 방미, 방중, 방일, 방러.
_VISITS = {"방한": "대한민국", "방북": "북한", "방미": "미국", "방중": "중국", "방일": "일본", "방러": "러시아"}
# Relations whose object may stand as the topic before a subject that acts: 대회는 연맹이 주최했다.
_TOPIC_OBJECTS = {"organized": "Event", "supported": "Event", "founded": "Organization", "acquired": "Organization",
                  "attended": "Event"}
# Events one does not take part in by acting at them: elections, incidents, disasters, prizes, lawsuits, surveys.
_NOT_GATHERINGS = ("선거", "대선", "총선", "경선", "사건", "사고", "참사", "지진", "화재", "전쟁", "테러", "폭발",
                   "침몰", "태풍", "게이트", "사태", "상", "메달", "MVP", "왕", "소송", "조사")
_PASSIVE = {"열리다": "organized", "개최되다": "organized"}
# Verbs of taking a prize, where prizes are listed each with its winner.
_TAKING = {"오르다", "챙기다", "차지하다", "거머쥐다"}
# Who speaks at a gathering: 연사로 나선, 기조연설자로 나와, 연단에 올라, 무대에 오른.
_SPEAKER_CUE = re.compile(r"(?:연사|기조연설자|연설자|발언자|발제자|토론자|패널|사회자)(?:로|으로)\s*(?:나선|나섰|나서|나와|나온|참여)"
                          r"|(?:연단|무대|단상)에\s*(?:올라|오른|올랐|서서|선)"
                          # 발언에 나선, 마이크를 잡은, 대회사에서, 축사를 통해
                          r"|발언(?:에|을 하러)\s*나(?:선|섰|서)|마이크를\s*잡(?:은|았|고)"
                          r"|(?:대회사|개회사|개막사|기념사|환영사|격려사|축사|기조연설)(?:에서|를 통해|을 통해)")
# Verbs that only link a noun to another (…에 대한 발언, …을 위한 회의): no clause of their own.
_LINKING_VERBS = frozenset({"대하다", "관하다", "위하다", "의하다", "통하다", "따르다"})


@dataclass(frozen=True)
class Predicate:
    """A lexicon entry: the relation and the roles that carry its object, by preference."""

    relation: str
    object_roles: tuple[str, ...]
    object_classes: frozenset[str] | None = None  # narrower than the relation's: 성명을 내다, not 후보를 내다

    @property
    def allowed(self) -> Set[str] | None:
        """The classes its object may have: its own, else its relation's (None: any entity)."""
        return self.object_classes or _OBJECT_CLASSES.get(self.relation)


@cache
def predicate_lexicon() -> dict[str, Predicate]:
    """Korean predicate → :class:`Predicate`, from ``data/predicates.tsv``.

    >>> predicate_lexicon()["참석"]
    Predicate(relation='attended', object_roles=('goal', 'obj'), object_classes=None)
    """
    out = {}
    text = resources.files("kg.extract").joinpath("data", "predicates.tsv").read_text("utf8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, relation, roles, classes, *_ = line.split("\t") + ["", ""]
        out[word.strip()] = Predicate(relation.strip(), tuple(r for r in roles.strip().split(",") if r),
                                      frozenset(c for c in classes.strip().split(",") if c) or None)
    return out


@dataclass
class _Phrase:
    """Consecutive entity mentions read as one argument (이종호 과기정통부 장관이)."""

    mentions: list[Mention]
    role: str | None
    start_tok: int
    end_tok: int  # token after the particle
    referent: Mention | None = None
    companions: list[Mention] = field(default_factory=list)


def extract(doc: Doc, article: Article) -> Extraction:
    """Read every fact of the article ``doc`` (parsed by :func:`kg.nlp.load_pipeline`)."""
    out = Extraction()
    offset_ents = [e for e in doc.ents if e.label_ in GRAPH_CLASS]
    out.mentions = [_mention(e) for e in offset_ents]
    people_by_position: dict[str, Mention] = {}
    people: list[Mention] = []
    earlier: list[tuple[Span, list[_Phrase]]] = []
    last_speaker: Mention | None = None  # for 그는 "…"라고 말했다
    # 그는 2010년 노벨평화상을 수상하였다: 그/그녀 stand for the last person the article spoke of as a subject.
    last_person: Mention | None = None
    sentences_since_person = 0
    # A headline names who and what the article is about, but in telegraphic words (애플의 CEO 스티브 잡스
    # 사퇴, 문재인 대통령 당선) whose facts the body tells properly: its mentions count, its facts do not.
    read = article.read_text
    headline_end = len(read) - len(article.text) if doc.text == read else 0
    for sent in doc.sents:
        if sent.start_char < headline_end:
            continue
        phrases = _phrases(doc, sent)
        if last_person is not None and sentences_since_person <= 2:
            phrases = sorted(phrases + _pronoun_phrases(doc, sent, last_person), key=lambda p: p.start_tok)
        out.facts += list(_apposition(sent, phrases, people_by_position))
        people += [m for ph in phrases for m in ph.mentions if m.cls == "Person" and len(m.text) > 1]
        _resolve_short_mentions(doc, phrases, people_by_position, people)
        out.facts += list(_predicates(doc, sent, phrases, article))
        out.facts += list(_product_lists(sent, phrases))
        quoted = list(_quotes(doc, sent, phrases, earlier, last_speaker)) or list(_indirect_speech(doc, sent, phrases))
        out.facts += quoted
        subjects = [p.referent for p in phrases if p.role in ("subj", "topic") and p.referent is not None
                    and p.referent.cls == "Person"]
        if quoted or subjects:
            last_speaker = quoted[-1].subject if quoted else subjects[-1]
        elif (quote := _QUOTE.search(sent.text)) and _unnamed_topic(doc, sent, sent.start_char + quote.start()):
            last_speaker = None  # (관계자는 "…"고 말했다: someone unnamed spoke; 이어 "…" goes on with them)
        # (그는 after a quote is its speaker, not a subject of a clause inside the sentence)
        if quoted and quoted[-1].subject.cls == "Person" and quoted[-1].modality is None:
            subjects.append(quoted[-1].subject)
        last_person, sentences_since_person = (subjects[-1], 0) if subjects else (last_person, sentences_since_person + 1)
        earlier = [*earlier[-5:], (sent, phrases)]
        out.facts += list(_places(doc, sent, phrases))
        out.facts += list(_wins(doc, sent, phrases))
        out.facts += list(_prizes_received(doc, sent, phrases))
        out.facts += list(_elected(doc, sent, phrases))
        out.facts += list(_became(doc, sent, phrases))
        out.facts += list(_noun_predicates(doc, sent, phrases))
        out.facts += list(_at_events(doc, sent, phrases))
        out.facts += list(_speakers(doc, sent, phrases, earlier))
        out.facts += list(_award_winners(doc, sent, phrases))
        out.facts += list(_award_topics(doc, sent, phrases))
        out.facts += list(_awards_in_turn(doc, sent, phrases))
        out.facts += list(_bracketed_heads(doc, sent))
        out.facts += list(_copula_appositions(doc, sent))
    out.facts += list(_byline(article))
    out.aliases = list(_inline_aliases(doc))
    out.facts = _dedupe(_future_events(_without_lost_posts(doc, out.facts), article))
    out.facts += list(_founders(out.facts))
    return out


def _founders(facts: list[Fact]) -> Iterable[Fact]:
    """애플 공동창업자 스티브 워즈니악, 위키백과 창립자 지미 웨일스: a founder's title with the organisation
    it belongs to says who founded it."""
    titled = {(f.subject, f.sentence) for f in facts if f.relation == "holdsPosition" and isinstance(f.obj, Mention)
              and f.obj.text.endswith(_FOUNDER_TITLES) and f.modality is None}
    for f in facts:
        if f.relation == "memberOf" and (f.subject, f.sentence) in titled and f.modality is None:
            yield Fact(f.subject, "founded", f.obj, f.sentence, f.start, f.end, "founder-title", 0.7)


def _without_lost_posts(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """이광재 강원도지사에게 … 도지사직을 상실했다: a post the article says was lost or left, or calls the
    holder's former one, is not held, wherever else the article names it with its holder."""
    text = _text(doc)
    lost = tuple(m.group(1) for m in _LOST_POST.finditer(text))
    # (강신명 전 경찰청장 … 강신명 경찰청장을 비롯한: a post the article first calls former is not held
    # where it is later named bare — the bare title names his post at the time)
    return [f for f in facts if not (f.relation == "holdsPosition" and isinstance(f.obj, Mention) and (
        lost and f.obj.text.endswith(lost) or f"{f.subject.text} 전 {f.obj.text}" in text))]


def _future_events(facts: list[Fact], article: Article) -> list[Fact]:
    """2024년 하계 올림픽은 프랑스에서 열리는데 (an article of 2022): an event named with a year after the
    article's has not happened — whatever is told of it is planned."""
    year = int(article.date[:4]) if article.date and article.date[:4].isdigit() else None
    if year is None:
        return facts

    def later(m: Mention | str) -> bool:
        return isinstance(m, Mention) and m.cls == "Event" and any(
            int(y) > year for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", m.text))

    return [replace(f, modality="planned") if f.modality is None and f.relation != "date"
            and (later(f.subject) or later(f.obj)) else f for f in facts]


def _byline(article: Article) -> Iterable[Fact]:
    """최아름 기자 (the byline) → the reporter, a 기자 of the publisher."""
    name = re.sub(r"\s*(?:기자|특파원|객원기자)?[\s·,|/]*$", "", (article.author or "").strip())
    if not re.fullmatch(r"[가-힣]{2,4}", name):
        return
    sentence = f"{name} 기자" + (f" ({article.publisher})" if article.publisher else "")
    reporter = Mention(name, "Person", 0, 0)
    yield Fact(reporter, "holdsPosition", Mention("기자", "Position", 0, 0), sentence, 0, 0, "byline", 0.9)
    publisher = (article.publisher or "").strip()
    if publisher and not publisher.startswith(("http", "www")):
        yield Fact(reporter, "memberOf", Mention(publisher, "Organization", 0, 0), sentence, 0, 0, "byline", 0.85)


# -- phrases ---------------------------------------------------------------
def _mention(ent: Span) -> Mention:
    text = ent.text.strip().strip("".join(_QUOTE_CHARS)).strip()
    return Mention(text=text, cls=GRAPH_CLASS[ent.label_], start=ent.start_char, end=ent.end_char)


def _phrases(doc: Doc, sent: Span) -> list[_Phrase]:
    ents = [e for e in doc.ents if e.label_ in GRAPH_CLASS and sent.start <= e.start < sent.end]
    # 박하준(한빛당·서울 강남갑) 의원은: a bracket after a name is an aside (phrases of its own); the
    # name goes on to its title.
    # 한국과학기술원(KAIST) 총장: so is an organisation's acronym before a title.
    asides: set[int] = set()
    with_aside: set[int] = set()  # where the mentions end that an aside follows
    for n, e in enumerate(ents):
        # (교육과학기술부(이하 교과부) 장관: so is a short name the text gives for it)
        inside = [x for x in _bracket_after(doc, e, ents) if e.label_ == "PS" or (
            e.label_ == "OG" and x.label_ == "OG"
            and any(t.label_ == "CV" and t.start == x.end + 1 for t in ents[n + 1:n + 3]))]
        if inside:
            asides.update(id(x) for x in inside)
            with_aside.add(e.end)
    phrases = _group(doc, [e for e in ents if id(e) not in asides], with_aside) \
        + _group(doc, [e for e in ents if id(e) in asides], with_aside)
    phrases.sort(key=lambda p: p.start_tok)
    _share_list_roles(doc, phrases)
    return phrases


def _pronoun_phrases(doc: Doc, sent: Span, person: Mention) -> list[_Phrase]:
    """그는, 그녀가, 그도 as subjects standing for ``person`` (the mention keeps the pronoun's offsets)."""
    out = []
    # Only a pronoun with no person and no quote before it in the sentence (하지만 … 인정받아 그는): after
    # one (…“…”며 그가 …, 김 씨를 만난 그는) it may stand for someone inside the sentence.
    for tok in sent:
        if tok.ent_type_ == "PS" or tok.text in _QUOTE_CHARS:
            break
        if tok.tag_ == "NP" and tok.text in _PERSON_PRONOUNS:
            role, end = _particle(doc, tok.i + 1)
            if role in ("subj", "topic", "also"):
                mention = Mention(person.text, person.cls, tok.idx, tok.idx + len(tok.text))
                out.append(_Phrase([mention], role, tok.i, end, mention))
    return out


def _group(doc: Doc, ents: list[Span], with_aside: set[int] = frozenset()) -> list[_Phrase]:
    """Consecutive mentions as phrases, each closed by its particle (``with_aside``: where mentions
    end that a bracketed aside follows)."""
    phrases: list[_Phrase] = []
    current: list[Span] = []
    for ent in ents:
        if current and not _adjacent(doc, current[-1], ent):
            phrases.append(_close(doc, current))
            current = []
        current.append(ent)
        role, _ = _particle(doc, ent.end)
        aside = (ent.label_ == "PS" and ent.end < len(doc) and doc[ent.end].text == "(") or ent.end in with_aside
        if role is not None or (_ends_word_with_nonentity(doc, ent) and not aside):
            phrases.append(_close(doc, current))
            current = []
    if current:
        phrases.append(_close(doc, current))
    return phrases


def _bracket_after(doc: Doc, ent: Span, ents: list[Span]) -> list[Span]:
    """The mentions inside a bracket right after ``ent`` (박하준(한빛당) → 한빛당)."""
    if ent.end >= len(doc) or doc[ent.end].text != "(":
        return []
    close = next((t.i for t in doc[ent.end:min(len(doc), ent.end + 15)] if t.text == ")"), None)
    return [] if close is None else [x for x in ents if ent.end < x.start and x.end <= close]


def _share_list_roles(doc: Doc, phrases: list[_Phrase]) -> None:
    """A, B, C 등이 참석했다, A를 비롯해 B 등이 참석했다: the listed phrases take the role of the last one."""
    for i in range(len(phrases) - 2, -1, -1):
        ph = phrases[i]
        # (올리버 하트(68, 영국)와 벵트 홀름스트룀을: the phrases inside an aside are not next in the list)
        nxt = next((p for p in phrases[i + 1:] if p.start_tok >= ph.end_tok), None)
        if nxt is None:
            continue
        between = doc[ph.end_tok:nxt.start_tok].text.strip()
        # (MVP와 득점왕을 차지했다: two objects; 와 before a subject is left to the co-agent rules)
        # (데이비드 베컴 부부, 조스 스톤 등이: a word for the family with the name stays in the list)
        listed = (between in (",", "·", "및", "、") or _WITH_FAMILY.fullmatch(between) is not None) if ph.role is None else (
            ph.role == "obj" and _INCLUDING.fullmatch(between) is not None) or (
            ph.role == "com" and nxt.role == "obj" and not between)
        # (정현호 전국대학총학생회모임 집행장, 하지원 … 대표 등이: the phrases' persons are listed.)
        if listed and nxt.role is not None and ph.referent is not None and ph.referent.cls == nxt.referent.cls:
            ph.role = nxt.role
    # 윤석열 대통령을 비롯해 여야 대표들이 참석했다: the named one takes the role of the unnamed group it heads.
    for ph in phrases:
        word_end = ph.end_tok
        while word_end < len(doc) and not doc[word_end].whitespace_ and not doc[word_end].is_space:
            word_end += 1
        if ph.role == "obj" and _INCLUDING.fullmatch(doc[ph.end_tok:word_end + 1].text.strip()):
            ph.role = _unnamed_group_role(doc, word_end + 1, phrases) or ph.role


def _unnamed_group_role(doc: Doc, i: int, phrases: list[_Phrase]) -> str | None:
    """The particle's role of the unnamed noun phrase at ``i`` (여야 대표들이 → subj), if one is there."""
    # (정부 관계자들이: a name without a particle may modify the group's head.)
    inner = {t for p in phrases if p.role is None for t in range(p.start_tok, p.end_tok)}
    starts = {p.start_tok for p in phrases}
    for tok in doc[i:min(len(doc), i + 8)]:
        if tok.i in inner:
            continue
        if tok.i in starts or tok.is_sent_start:
            return None  # a named phrase: the list rule above reads it
        if tok.tag_.startswith("J"):
            return _ROLE_BY_PARTICLE.get(tok.text) if tok.tag_ in ("JKS", "JX") else None
        if not (tok.is_space or tok.tag_ in ("NNG", "NNB", "XSN", "NNP", "SN", "NR", "MM")):  # (조합원 3천여 명이)
            return None
    return None


def _adjacent(doc: Doc, left: Span, right: Span) -> bool:
    """Only spaces (or a closing quote) between two mentions: they belong together."""
    between = doc[left.end:right.start]
    # 애플의 CEO(최고경영자) 스티브 잡스: a bracketed gloss does not break the apposition.
    if between.text.startswith("(") and ")" in between.text:
        between = doc[left.end + next(i for i, t in enumerate(between) if t.text == ")") + 1:right.start]
    # 박영선 새정연 원내대표: unlisted names may stand between a person and their title;
    # 초당대 군사학과 교수: a department between an organisation and a title.
    # 연세대 지구시스템과학과 홍태경 교수: a department between an organisation and its member's name.
    if left.label_ == "OG" and right.label_ == "PS" and len(between) > 0 and " " not in between.text.strip() \
            and all(t.tag_ == "NNG" and t.ent_iob_ == "O" for t in between) \
            and between.text.strip().endswith(("과", "학부", "연구소", "연구실", "센터", "본부", "팀")):
        return True
    if (left.label_ == "PS" and right.label_ in ("CV", "OG") or left.label_ == "OG" and right.label_ == "CV") \
            and 0 < len(between) <= 6 and all(t.is_space or (t.tag_ in _NAMEISH and t.ent_iob_ == "O") for t in between) \
            and sum(1 for t in between if t.whitespace_) <= (2 if left.label_ == "PS" else 1):
        return True
    return all(t.is_space or t.text in _QUOTE_CHARS or t.text in _APPOSITION_FILLERS or _ORDINAL.match(t.text)
               or (t.tag_ in ("SN", "XPN", "NNB") and _ORDINAL.match(between.text.strip()))
               for t in between) and (
        len(between) > 0 or bool(doc[left.end - 1].whitespace_) or left.label_ != right.label_
    )


def _ends_word_with_nonentity(doc: Doc, ent: Span) -> bool:
    nxt = ent.end
    return nxt < len(doc) and not doc[nxt - 1].whitespace_ and not doc[nxt].is_space and \
        doc[nxt].text not in _QUOTE_CHARS and doc[nxt].ent_iob_ != "B"


def _particle(doc: Doc, i: int) -> tuple[str | None, int]:
    """Role of the particle after token ``i`` (skipping a closing quote or bracket, one space)."""
    skipped_space = False
    if i < len(doc) and doc[i].text == "(":
        # 중앙선거관리위원회(위원장 김용덕)는: the particle comes after the bracket.
        close = next((t.i for t in doc[i:min(len(doc), i + 20)] if t.text == ")"), None)
        if close is not None:
            i = close + 1
    while i < len(doc) and (doc[i].text in _QUOTE_CHARS or doc[i].text == ")" or (doc[i].is_space and not skipped_space)):
        skipped_space = skipped_space or doc[i].is_space
        i += 1
    if i < len(doc) and doc[i].text == "등":
        # A, B 등이 / A, B 등 동료 배우들이 / A, B 등 민주노총 산하 조직은: the list's particle comes
        # after its head noun.
        j = i + 1
        while j < len(doc) and j - i <= 8 and (doc[j].is_space or doc[j].tag_ in ("NNG", "NNP", "XSN", "NNB", "SN")
                                               or doc[j].text == "들"
                                               # (A 등 각국의 유명인사들이: a genitive inside the head noun phrase)
                                               or (doc[j].tag_ == "JKG" and j > i + 1 and bool(doc[j].whitespace_))):
            j += 1
        if j < len(doc) and doc[j].tag_.startswith("J"):
            i = j
    elif i < len(doc) and doc[i].text == "외":
        # 볼슈노프 외 2명이: the name heads a count of others, whose particle it takes ("서울 외 지역에서" does not).
        j = i + 1
        while j < len(doc) and (doc[j].is_space or doc[j].tag_ == "SN"):
            j += 1
        if j > i + 1 and doc[j - 1].tag_ == "SN" and j + 1 < len(doc) and doc[j].tag_ == "NNB" \
                and doc[j + 1].tag_.startswith("J"):
            i = j + 1
    elif i < len(doc) and doc[i].text == "들" and i + 1 < len(doc) and doc[i + 1].tag_.startswith("J"):
        i += 1  # 기업들이
    elif i < len(doc) and doc[i].text in AREA_WORDS and i + 1 < len(doc) \
            and doc[i + 1].text in ("에서", "에"):
        i += 1  # 세종대로 일대에서 열렸다, 국회의사당 앞에서: where the area around the place is, the place is
    if i >= len(doc) or not doc[i].tag_.startswith("J"):
        return None, i
    morph = (doc[i]._.morphs or [doc[i].text + "/J"])[0].split("/")[0]
    role = _ROLE_BY_PARTICLE.get(morph, _ROLE_BY_PARTICLE.get(doc[i].text))
    j = i + 1
    while j < len(doc) and doc[j].tag_.startswith("J"):
        j += 1
    # 와 함께: a companion.
    if role == "com" or (j < len(doc) and doc[j].text == "함께"):
        role = "com"
    return role, j


def _after_title(doc: Doc, i: int, role: str | None, end: int) -> tuple[str | None, int]:
    """안철수 대선 후보자는: a name followed by title words we do not list takes their particle."""
    words = 0
    while i < len(doc) and words <= 2:
        tok = doc[i]
        if tok.is_space or (i > 0 and doc[i - 1].whitespace_ and tok.i != i):
            i += 1
            continue
        if tok.tag_.startswith("J"):
            return _particle(doc, i)
        # Unlisted titles and organisations (새정연 원내대표) may stand between the name and its particle;
        # a word for someone else (최희석씨 유가족 법률대리인은) makes the phrase theirs, not the name's.
        if tok.tag_ not in _NAMEISH | {"NNB"} or (tok.ent_iob_ != "O" and tok.ent_type_ != "CV") \
                or tok.text in _SOMEONE_ELSE:
            break
        if tok.whitespace_:
            words += 1
        i += 1
    return role, end


def _after_event(doc: Doc, i: int, end: int) -> tuple[str | None, int]:
    """베이징 올림픽 남자 500m에 출전했다: the part of an event (a class, a distance) between it and
    an 에/에서 leaves that role to the event — not a predicate or a time (대회 개최를, 경기 전에); a
    generic word for it any role (T24 소셜 페스티벌 행사가 개최되었다)."""
    words, start = 0, i
    while i < len(doc) and words <= 2:
        tok = doc[i]
        if tok.tag_.startswith("J"):
            role, j = _particle(doc, i)
            generic = doc[start:i].text.strip() in ("행사", "대회")
            # (금메달 5개를 땄다: a count of the prize)
            counted = i - start >= 2 and doc[i - 1].tag_ == "NNB" and doc[i - 1].text != "위" and doc[i - 2].tag_ == "SN"
            return (role, j) if role in ("goal", "place") or generic or counted else (None, end)
        if tok.tag_ not in ("NNG", "SN", "SL", "NNB") or tok.ent_type_ not in ("", "QT") or tok.text in _CLAUSE_NOUNS \
                or tok.text in predicate_lexicon() or (i + 1 < len(doc) and doc[i + 1].tag_.startswith("XS")):
            break
        words += bool(tok.whitespace_)
        i += 1
    return None, end


def _close(doc: Doc, ents: list[Span]) -> _Phrase:
    role, end = _particle(doc, ents[-1].end)
    # Inside brackets (중앙선거관리위원회(위원장 김용덕)는) the particle belongs to what precedes them.
    if any(t.text == "(" for t in doc[max(0, ents[0].start - 3):ents[0].start]) and ")" in doc[ents[-1].end:end].text:
        role = None
    direct = role is not None  # the particle right after the last mention
    # (충남과 경기, 서울 등 16개 시도 행정부지사가: the places name whose officials; the officials act)
    if role is not None and ents[-1].label_ == "LC" and any(t.ent_type_ == "CV" for t in doc[ents[-1].end:end]):
        role = None
    # (문재인 정부 권력 기관 개혁안을: after an organisation come the words of an unnamed noun, not titles)
    if role is None and any(e.label_ == "PS" for e in ents) and ents[-1].label_ != "OG":
        role, end = _after_title(doc, ents[-1].end, role, end)
    elif role is None and ents[-1].label_ == "EV":
        role, end = _after_event(doc, ents[-1].end, end)
    elif role is None and ents[-1].label_ == "OG" and end < len(doc) and doc[end].text == "측":
        role, end = _particle(doc, end + 1)  # 코레일 측은: an organisation's side is the organisation
    mentions = [_mention(e) for e in ents]
    person = next((m for m in mentions if m.cls == "Person"), None)
    # (문재인 정부 권력 기관 개혁안을: a work or event that takes the particle heads the phrase; the names
    # before modify it — not in 안철수 대선 후보자는, where a title after the event does)
    referent = mentions[-1] if direct and mentions[-1].cls in ("Product", "Event") else person or mentions[-1]
    if mentions[-1].cls == "Organization" and role is not None and not any(m.cls == "Position" for m in mentions):
        referent = mentions[-1]  # 최희석 추모모임은: the organisation heads the phrase, the name modifies it
    if len(mentions) > 1 and referent is mentions[-1] and mentions[-2].cls == "Event" == referent.cls \
            and referent.text in _CEREMONIES and " " in mentions[-2].text:
        referent = mentions[-2]  # 제63회 칸 국제영화제 시상식에서: the named event, not its ceremony
    return _Phrase(mentions, role, ents[0].start, end, referent)


def _apposition(sent: Span, phrases: list[_Phrase], people_by_position: dict[str, Mention]) -> Iterable[Fact]:
    """이종호 과학기술정보통신부 장관 → holdsPosition 장관, memberOf 과학기술정보통신부."""
    ended = bool(_LEFT.search(sent.text))  # 제명된 …: no membership from this sentence
    owners: dict[int, Mention] = {}  # phrase → the organisation in the genitive before it
    for ph in phrases:
        person = next((m for m in ph.mentions if m.cls == "Person"), None)
        if person is None or len(person.text) < 2:  # a bare surname (윤 대표) is resolved later
            continue
        doc = sent.doc
        # 전 국무총리, 대통령 당선자, 대통령 권한대행, COO였던: not a position held now.
        after = _text(doc)[ph.mentions[-1].end:ph.mentions[-1].end + 6]
        former = bool(_FORMER.search(doc[ph.start_tok:ph.end_tok].text)) or after.lstrip().startswith(_NOT_HELD)
        # 조 바이든 민주당 후보: a party's candidate is one of its members (the candidacy is no post held)
        candidate = _CANDIDATE.match(_text(doc), ph.mentions[-1].end) is not None
        for n, m in enumerate(ph.mentions):
            if m.cls == "Position":
                people_by_position[m.text] = person
                # (천영우 대통령 외교안보수석비서관: a title right before an aide's only says whose aide)
                qualifier = n + 1 < len(ph.mentions) and ph.mentions[n + 1].cls == "Position" \
                    and _text(doc)[m.end:ph.mentions[n + 1].start] == " " and ph.mentions[n + 1].text.endswith(_AIDES)
                if not former and not qualifier and not _NOT_HELD_AFTER.match(_text(doc)[m.end:m.end + 8]):
                    yield _fact(person, "holdsPosition", m, sent, person, m, "apposition", 0.9)
                    # 대한의사협회장, 한국무역협회장: the title names its body
                    body = _BODY_IN_TITLE.fullmatch(m.text)
                    if body and not ended and not any(x.cls == "Organization" for x in ph.mentions):
                        # (한국|안전전문가협회장: a place written onto it is part of the body's name)
                        start = next((x.start for x in ph.mentions if x.cls == "Place" and x.end == m.start), m.start)
                        org = Mention(_text(doc)[start:m.start] + body.group(1), "Organization", start,
                                      m.start + len(body.group(1)))
                        yield _fact(person, "memberOf", org, sent, person, m, "title-body", 0.7)
            elif m.cls == "Organization" and not former and not ended and (
                    any(x.cls == "Position" for x in ph.mentions) or m.end <= person.start or candidate):
                yield _fact(person, "memberOf", m, sent, person, m, "apposition", 0.8)
        if former:
            continue
        # 김철수 의원(더불어민주당): the organisation in brackets right after the person and title.
        # (whatever the model called it: the slot makes it an organisation, 오민석 의원(새빛당))
        nxt = next((p for p in phrases if p.start_tok > ph.start_tok), None)
        org = nxt.mentions[0] if nxt is not None else None
        if org is not None and not ended and org.cls in ("Organization", "Place") \
                and any(m.cls == "Position" for m in ph.mentions) \
                and _text(doc)[ph.mentions[-1].end:org.start] == "(" and _text(doc)[org.end:org.end + 1] == ")":
            org = Mention(org.text, "Organization", org.start, org.end)
            yield _fact(person, "memberOf", org, sent, person, org, "bracket-apposition", 0.75)
        # 더불어민주당의 문재인 후보 / 애플의 CEO 스티브 잡스: the organisation in the genitive.
        # (토고 대표팀의 중앙 수비수 세르제 아칵포: a plain noun may qualify the title)
        # (the whole phrase, not the short form in brackets inside it: 한국과학기술원(KAIST)의)
        prev = max((p for p in phrases if p.end_tok <= ph.start_tok), key=lambda p: (p.end_tok, -p.start_tok),
                   default=None)
        gap = doc[prev.end_tok:ph.start_tok] if prev is not None else None
        adjacent = gap is not None and (not len(gap) or len(gap) <= 2 and ph.mentions[0].cls == "Position"
                                        and all(t.tag_ == "NNG" for t in gap))
        # 한빛기획 소속(의) 배우 박하준: the organisation the person belongs to, before the title.
        affiliated = gap is not None and gap.text.replace(" ", "") in ("소속", "소속의") \
            and ph.mentions[0].cls == "Position"
        owner = None
        if prev is not None and affiliated and not ended and prev.referent is not None \
                and prev.referent.cls == "Organization" and len(prev.mentions) == 1:
            owner = prev.referent
        elif prev is not None and adjacent and not ended:
            if prev.role == "gen" and prev.referent is not None and prev.referent.cls == "Organization" \
                    and len(prev.mentions) == 1:
                owner = prev.referent
            elif prev.role == "com" and not any(m.cls == "Organization" for m in ph.mentions):
                owner = owners.get(id(prev))  # …의 수비수 A와 골키퍼 B: the genitive reaches over the list
        if owner is not None:
            owners[id(ph)] = owner
            yield _fact(person, "memberOf", owner, sent, owner, person, "genitive-apposition", 0.75)


def _resolve_short_mentions(doc: Doc, phrases: list[_Phrase], people_by_position: dict[str, Mention],
                            people: list[Mention]) -> None:
    """이 장관은 / 노 회장은 / 윤 대표 → the person the article named in full before."""
    for ph in phrases:
        ref = ph.referent
        if ref is None:
            continue
        surname = ref.text if ref.cls == "Person" and len(ref.text) == 1 else None
        if ref.cls == "Position":
            before = doc.char_span(ref.start - 2, ref.start, alignment_mode="expand") if ref.start >= 2 else None
            if before is not None and re.fullmatch(r"[가-힣] ", before.text):
                surname = before.text[0]
            elif ref.text in people_by_position:
                ph.referent = people_by_position[ref.text]
                continue
        if surname is None:
            continue
        # A surname with a title names the person introduced in full: by that title, else the only match.
        position = next((m.text for m in ph.mentions if m.cls == "Position"), None)
        titled = people_by_position.get(position) if position else None
        if titled is not None and titled.text.startswith(surname):
            ph.referent = titled
            continue
        named = {p.text: p for p in people if p.text.startswith(surname) and len(p.text) > 1}
        if len(named) == 1:
            ph.referent = next(iter(named.values()))


# -- predicates ------------------------------------------------------------
def _predicate_at(doc: Doc, tok: Token) -> tuple[str, Predicate, bool] | None:
    """``(lemma, entry, passive)`` if ``tok`` heads a lexicon predicate."""
    lexicon = predicate_lexicon()
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.tag_ in ("NNG", "NNP") and tok.text in lexicon:
        if nxt is not None and nxt.tag_.startswith("XSV"):
            passive = nxt.lemma_ == "되다"
            return tok.text, lexicon[tok.text], passive
        # Headline style: "간담회 개최", or a noun predicate closing a clause.
        if nxt is None or nxt.tag_ in ("SF", "SP", "SE") or nxt.is_space or "\n" in tok.whitespace_:
            return tok.text, lexicon[tok.text], False
        # 정상회담을 가졌다, 면담을 했다: the noun carries the meaning, the light verb after it only the tense.
        verb = next((t for t in doc[tok.i + 2:tok.i + 4] if not t.is_space), None)
        if nxt.text in ("을", "를") and nxt.whitespace_ and verb is not None and (verb.lemma_ in _LIGHT_VERBS or verb.text == "진행"):
            return tok.text, lexicon[tok.text], False
        return None
    if tok.pos_ in ("VERB", "ADJ") or tok.tag_.startswith(("VV", "VA")):
        lemma = tok.lemma_
        if lemma in _PASSIVE:
            return lemma, Predicate(_PASSIVE[lemma], ("obj",)), True
        if lemma in lexicon:
            return lemma, lexicon[lemma], False
    return None


def _predicate_word_end(doc: Doc, tok: Token) -> int:
    i = tok.i
    while i + 1 < len(doc) and not doc[i].whitespace_ and not doc[i + 1].is_space:
        i += 1
    return i + 1


def _polarity(doc: Doc, tok: Token, sent_end: int) -> str | None:
    """'negated', 'planned' or None, from the words after the predicate."""
    end = min(sent_end, _predicate_word_end(doc, tok) + 3)
    window = doc[tok.i + 1:end]
    morphs = [m for t in window for m in (t._.morphs or [t.text])]
    forms = [m.split("/")[0] for m in morphs]
    # (참가하지 말아야 한다: 말다 after -지 forbids it)
    if any(f in _NEGATION for f in forms) or any(t.text in ("안", "못") for t in doc[max(0, tok.i - 1):tok.i]) \
            or "말/VX" in morphs:
        return "negated"
    # 참가해야 한다: an obligation, not a fact (recorded like an intention)
    if any(f in ("어야", "아야") for f in forms[:3]):
        return "planned"
    # 참석하겠다고, 출시한다고 밝혔다: a will, or the present tense reported, tells what is to come.
    own = [m for t in doc[tok.i:_predicate_word_end(doc, tok)] for m in (t._.morphs or ())]
    if "겠/EP" in own or (any(m in ("ᆫ다고/EC", "는다고/EC") for m in own) and not any(m.endswith("/EP") for m in own)):
        return "planned"
    # 열 계획이다, 참석할 것이다, 참석하는 것으로 알려졌다 — but 참석한 것으로 알려졌다 reports a past act.
    adnominal = [m.split("/")[0] for m in own + morphs[:4] if m.endswith("/ETM")]
    if "기로" in forms or (adnominal and adnominal[0] not in ("ᆫ", "은") and any(f in _PLANNED for f in forms)):
        if any(f in ("예정", "계획", "방침", "기로") for f in forms) or "것" in forms:
            return "planned"
    return None


def _predicates(doc: Doc, sent: Span, phrases: list[_Phrase], article: Article) -> Iterable[Fact]:
    clause_start = sent.start
    # Arguments used up inside a relative clause (과기정통부가 주최한 포럼에 …) are not
    # the subject of the predicates that follow.
    consumed: set[int] = set()
    speech = _speech_ranges(doc, sent)
    for tok in sent:
        # ('의료제도 바로 세우기 궐기대회'를 열고: a verb inside a name is no predicate of the sentence)
        found = None if tok.ent_type_ and tok.tag_.startswith(("VV", "VA")) else _predicate_at(doc, tok)
        if found is None:
            continue
        lemma, pred, passive = found
        word_end = _predicate_word_end(doc, tok)
        modality = _polarity(doc, tok, sent.end)
        last = next((t for t in reversed(doc[tok.i:word_end]) if not t.is_punct), tok)
        if modality is None and last.tag_.endswith("EC") and _sentence_modality(doc, sent) \
                and not any(m.endswith("/EP") and m[0] in "았었였" for t in doc[tok.i:word_end] for m in (t._.morphs or ())):
            # …에 참석해 축사를 할 계획이다: a clause joined to an intention is intended too
            # (but not 열렸으며, … 열 계획이다: what was done is done).
            modality = "planned"
        if modality is None and _FUTURE_DATE.search(doc[clause_start:tok.i].text):
            # 메르켈은 다음달 17일 총리로 취임한다: the present tense with a date to come is a plan.
            modality = "planned"
        relative = any("ETM" in t.tag_ for t in doc[tok.i:word_end]) and word_end < sent.end
        local = [p for p in phrases if clause_start <= p.start_tok and p.end_tok <= tok.i + 1]
        # The noun a relative clause modifies; it must head its phrase (take the particle):
        # in 방문한 대한민국 문화공연단 the head is 문화공연단, not 대한민국.
        following = next((p for p in phrases if p.start_tok >= word_end and p.start_tok - word_end <= 2
                          # (발표할 때 “러시아는: a noun between is what the clause modifies; but
                          # 참석한 가운데 포럼이 열렸다)
                          and not any(t.tag_ in ("NNG", "NNB") and t.text not in _SCENE_WORDS
                                      for t in doc[word_end:p.start_tok])
                          and (p.role is not None or (passive and p.referent is not None
                                                      and p.referent.cls == "Event"))), None)
        if passive and relative and following is not None and following.role == "gen":
            # 아디스아바바에서 거행되는 멜레스 제나위 총리의 장례식: what is held comes after the genitive.
            after = [p for p in phrases if p.start_tok >= following.end_tok]
            if after and after[0].start_tok - following.end_tok <= 1 and after[0].referent is not None \
                    and after[0].referent.cls == "Event":
                following = after[0]
        available = [p for p in phrases if id(p) not in consumed]
        # The words of a quote are no arguments of the verb that reports it, and the reverse.
        quote = _quote_at(tok.idx, speech)
        local = [p for p in local if _quote_at(doc[p.start_tok].idx, speech) == quote]
        available = [p for p in available if _quote_at(doc[p.start_tok].idx, speech) == quote]
        yield from _facts_for(doc, sent, tok, pred, passive, relative, local, following, available,
                              modality, article, clause_start)
        if relative:
            # A passive relative (…에서 열린) takes no subject from before it; an active one
            # (…가 주최한) takes its 이/가 subject, while a topic (은/는) scopes over the sentence.
            consumed.update(id(p) for p in local if p.role not in (("subj", "topic") if passive else ("topic",))
                            and not _topicalised(doc, p))
        clause_start = word_end


def _facts_for(doc, sent, tok, pred, passive, relative, local, following, phrases, modality, article, clause_start):
    by_role: dict[str, list[_Phrase]] = {}
    for ph in local:
        by_role.setdefault(ph.role or "none", []).append(ph)
    # The object: a relative clause's head noun, else the role the lexicon names.
    objects: list[Mention] = []
    # 나이지리아를 방문한 공연단, 월드컵에서 우승한 서독: with its object inside, a relative clause
    # modifies its subject — the noun that follows, which may be no entity at all.
    # (…에 참석할 예정이다: a relative clause before a plain noun keeps the sentence's subject.)
    # (방한한 양제츠: a verb that names its own object modifies its subject)
    relative_subject = relative and not passive and (bool(by_role.get("obj")) or following is not None and (any(
        by_role.get(role) for role in pred.object_roles) or tok.text in _VISITS))
    # 파업에 참여한 조합원을: the clause modifies a noun naming no one, who is its subject — not the
    # sentence's topic (a noun of time or intention does not count: 참석한 뒤, 참석할 예정이다).
    unnamed_subject = relative and not passive and not relative_subject and _modifies_unnamed(doc, tok, sent) \
        and any(by_role.get(role) for role in pred.object_roles)
    if relative and following is not None and not passive and not relative_subject:
        objects = [following.referent]
    if not objects and not passive:
        for role in pred.object_roles:
            # (…고세균을 배양하는 데 성공했다고 발표했다: an object inside the report is not the report's)
            objects = [ph.referent for ph in by_role.get(role, []) if not _reported_between(doc, ph.end_tok, tok.i)]
            if objects:
                break
    if not objects and not passive and pred.relation == "attended":
        # 신차 발표회에서는 … 대사가 참석하여: the event one attends at is the event attended.
        objects = [ph.referent for ph in by_role.get("place", []) if ph.referent and ph.referent.cls == "Event"]
    if not objects and not passive and not relative:
        # 남자 시상식에는 금메달을 획득한 볼슈노프가 참여했다: a topicalised argument (에는, 에서는) scopes
        # over the clauses after it, as a topic subject does.
        objects = [ph.referent for ph in phrases if ph.end_tok <= clause_start and ph.role in pred.object_roles
                   and _topicalised(doc, ph)][-1:]
    allowed = pred.allowed
    topic_object = False
    if not objects and not passive and pred.relation in _TOPIC_OBJECTS and by_role.get("subj"):
        # 대회는 아시아e스포츠연맹이 주최했다, 한빛전자는 김민수가 설립했다: what was done as the topic,
        # who did it as the subject.
        # (회의는 김 장관이 주재했으며 이 차관이 참석했다: a topic with a subject after it scopes over
        # the clauses that follow; not 회의는 … 논의하는 회의로, … 장관이 참여해, which describes it)
        topic = next((p for p in reversed(phrases) if p.end_tok <= clause_start and p.role == "topic"), None)
        scoping = [topic] if topic is not None and any(
            p.role == "subj" and topic.end_tok <= p.start_tok < clause_start for p in phrases) else []
        topics = by_role.get("topic") or scoping
        objects = [ph.referent for ph in topics if ph.referent is not None
                   and ph.referent.cls == _TOPIC_OBJECTS[pred.relation]
                   and not any(t.tag_ == "JKB" and t.text in ("로", "으로") for t in doc[ph.end_tok:tok.i])]
        topic_object = bool(objects)
    if not objects and not passive and relative and pred.relation == "founded" and by_role.get("subj"):
        # 에코셀은 2019년 이나래 대표가 설립한 회사로: the noun the clause modifies is what the topic is
        objects = [p.referent for p in phrases if p.role == "topic" and p.end_tok <= tok.i
                   and _described_as(doc, tok, sent)][:1]
    objects = [r for o in objects if o is not None and (r := _retyped(doc, o, allowed)) is not None]
    if not objects and tok.text in _VISITS:
        # 방한한 양제츠 국무위원: the country is in the verb (the mention stands where the verb does)
        objects = [Mention(_VISITS[tok.text], "Place", tok.idx, tok.idx + len(tok.text))]

    # The subject: in this clause, else the nearest topic/subject earlier in the sentence.
    subjects = [ph.referent for ph in by_role.get("subj", []) + ([] if topic_object else by_role.get("topic", []))]
    if not subjects:  # 박세리 장관도 포럼에 참석했다
        subjects = [ph.referent for ph in by_role.get("also", [])]
    if relative_subject:
        subjects = [following.referent] if following is not None else []
    elif unnamed_subject or _unnamed_subject(doc, clause_start, tok.i, local):
        subjects = []
    elif not subjects:
        earlier = [p for p in phrases if p.end_tok <= clause_start and p.role in ("subj", "topic")]
        subjects = [earlier[-1].referent] if earlier else []
    if pred.relation not in ("partneredWith", "met"):
        # A companion is a co-agent only as "B와 함께" or coordinated subjects "A와 B가";
        # "A와 B의 공연" coordinates nouns inside one phrase.
        subjects += [ph.referent for ph in by_role.get("com", []) if _co_agent(doc, ph, local)]
    # A country wins a cup or sends a delegation: places act as agents there.
    agents = _AGENTS | {"Place"} if pred.relation in ("won", "attended") else _AGENTS
    if pred.relation == "holdsPosition":
        agents = {"Person"}
    subjects = [s for s in subjects if s is not None and s.cls in agents]

    if not passive and pred.relation == "appointed" and modality is None:
        # 김철수 부사장을 신임 대표이사로 선임했다: whom it names takes the title it gives (a nominee,
        # 국무총리 후보자로, does not: the particle is not the title's).
        titles = [ph.referent for ph in by_role.get("dir", []) if ph.referent is not None
                  and ph.referent.cls == "Position"]
        for person in objects if titles else ():
            if person.cls == "Person":
                yield _fact(person, "holdsPosition", titles[-1], sent, person, tok, f"predicate:{tok.lemma_}", 0.75)
    if passive and pred.relation == "appointed" and modality != "negated":
        # 청년특별위원으로 박칼린이 임명되었다: whom the passive names holds the title it gives.
        titles = [ph for role in ("dir", "goal") for ph in by_role.get(role, [])
                  if ph.referent is not None and ph.referent.cls == "Position"]
        for ph in by_role.get("subj", []) + by_role.get("topic", []):
            if ph.referent is not None and ph.referent.cls == "Person" and titles:
                t = titles[-1].referent
                yield _fact(ph.referent, "holdsPosition", t, sent, t, tok, f"predicate:{tok.lemma_}", 0.75, modality)
    if passive and pred.relation in ("launched", "announced", "demonstrated") and modality != "negated":
        # 애플의 아이폰4가 출시됐다: what the passive names is the object; whose it is, the agent.
        for ph in by_role.get("subj", []) + by_role.get("topic", []):
            owner = next((p for p in local if p.end_tok == ph.start_tok and p.role == "gen"), None)
            thing = _retyped(doc, ph.referent, allowed) if ph.referent is not None else None
            if owner is not None and thing is not None and owner.referent is not None \
                    and owner.referent.cls == "Organization":
                yield _fact(owner.referent, pred.relation, thing, sent, owner.referent, tok,
                            f"passive:{tok.lemma_}", 0.7, modality)
    event = None
    if passive:
        # 미국 실리콘밸리에서 열린 '간담회': the event is the noun the clause modifies.
        target = following if relative else next(iter(by_role.get("subj", []) + by_role.get("topic", [])), None)
        if target is None and not relative:
            # '전권회의'는 … 대표단이 참가하여 … 벡스코에서 개최된다: the sentence's topic is what is held.
            target = next((p for p in reversed(phrases) if p.end_tok <= clause_start and p.role == "topic"), None)
        event = target.referent if target and target.referent and target.referent.cls == "Event" else None
        subjects = [s for s in subjects if s is not event]
    elif pred.relation in ("organized", "attended") and objects:
        event = objects[0]

    if modality != "negated":
        for s in subjects:
            for o in objects:
                if s != o:
                    yield _fact(s, pred.relation, o, sent, s, tok, f"predicate:{tok.lemma_}", 0.8, modality)
        if pred.relation == "holdsPosition" and relative and following is not None and not objects \
                and following.referent is not None and following.referent.cls == "Person":
            # 한빛전자에 근무하는 김철수 연구원: who works there is the noun the clause modifies.
            for ph in by_role.get("goal", []) + by_role.get("place", []):
                if ph.referent is not None and ph.referent.cls == "Organization":
                    yield _fact(following.referent, "memberOf", ph.referent, sent, ph.referent, tok,
                                f"predicate:{tok.lemma_}", 0.7, modality)
        if pred.relation == "holdsPosition":
            # 한국예술원 뮤지컬학부 학부장으로 재직 (the organisation named with the title, not its
            # unit), 삼성전자에서 연구원으로 근무 (where the work is done).
            held = [p for role in pred.object_roles for p in by_role.get(role, []) if p.referent in objects]
            orgs = [m for ph in held for m in ph.mentions if m.cls == "Organization"][:1] or [
                ph.referent for ph in by_role.get("place", []) if ph.referent and ph.referent.cls == "Organization"]
            for s in subjects if objects and orgs else ():
                yield _fact(s, "memberOf", orgs[0], sent, s, tok, f"predicate:{tok.lemma_}", 0.75, modality)
        for ph in by_role.get("com", []):
            if pred.relation in ("partneredWith", "met") and ph.referent is not None:
                for s in subjects:
                    if s is not ph.referent and ph.referent.cls in (allowed or _AGENTS):
                        yield _fact(s, pred.relation, ph.referent, sent, s, tok,
                                    f"predicate:{tok.lemma_}", 0.75, modality)
    # A planned event has its date and place too: recorded with the plan's modality, not asserted.
    if event is not None and modality in (None, "planned"):
        for ph in by_role.get("place", []):
            # 보성에서 농사를 지어온 백씨는 … 참여하였다: a place inside a relative clause that modifies the
            # subject is not where the event was.
            if not relative and any("ETM" in t.tag_ and any(p.start_tok - t.i in (1, 2) and p.role in ("subj", "topic")
                                                         for p in local) for t in doc[ph.end_tok:tok.i]):
                continue
            # (외교부에서 토론회를 개최한다: an organisation with 에서 is the agent where the clause has no other)
            venues = ("Place", "Organization") if passive or by_role.get("subj") or by_role.get("topic") else ("Place",)
            # (국방부에서는 … 훈련을 진행하였다: an organisation as a topic is whose act it is, not a venue)
            if ph.referent is not None and ph.referent.cls in venues \
                    and not (ph.referent.cls == "Organization" and _topicalised(doc, ph)):
                yield _fact(event, "locatedIn", ph.referent, sent, ph.referent, event, "event-place", 0.8, modality)
        date = _clause_date(doc, clause_start, tok.i, article.date)
        if date:
            yield _fact(event, "date", date, sent, event, tok, "event-date", 0.8, modality)


def _reported_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a quotative ending (…했다고, …한다며) closes a reported clause between two tokens."""
    return any(m.endswith("/EC") and m.split("/")[0].lstrip("ᆫ는") in _QUOTATIVE
               for t in doc[start:end] for m in t._.morphs or ())


def _topicalised(doc: Doc, ph: _Phrase) -> bool:
    """An argument other than the subject marked as a topic too: 시상식에는, 발표회에서는."""
    return ph.role not in (None, "subj", "topic") and doc[ph.end_tok - 1].tag_ == "JX" \
        and doc[ph.end_tok - 1].text in ("는", "은")


def _retyped(doc: Doc, mention: Mention, allowed: Set[str] | None) -> Mention | None:
    """The mention if its class fits the slot, else the same name as the class the article gives it
    elsewhere (에코셀에 200억원을 투자했다, with 에코셀 an organisation two sentences before), else None."""
    if allowed is None or mention.cls in allowed:
        return mention
    elsewhere = {GRAPH_CLASS[e.label_] for e in doc.ents if e.text == mention.text and e.label_ in GRAPH_CLASS}
    fits = sorted(elsewhere & allowed)
    return Mention(mention.text, fits[0], mention.start, mention.end) if fits else None


def _co_agent(doc: Doc, ph: _Phrase, local: list[_Phrase]) -> bool:
    if ph.end_tok < len(doc) and doc[ph.end_tok].text == "함께":
        return True
    after = [p for p in local if p.start_tok >= ph.end_tok]
    # (미국의 오바마 대통령과 중국의 후진타오 주석이: a genitive before the next subject belongs to it)
    while len(after) > 1 and after[0].role == "gen" and after[1].start_tok - after[0].end_tok <= 1:
        after = after[1:]
    if not after or after[0].start_tok - ph.end_tok > 3:
        # (이명박 대통령과 국무위원들이 참석했다: the companion is listed with an unnamed subject)
        return _unnamed_group_role(doc, ph.end_tok, local) in ("subj", "topic", "also")
    # (김철수 대표와 이영희 의원도 참석했다)
    return after[0].role in ("subj", "topic", "also")


def _sentence_modality(doc: Doc, sent: Span) -> str | None:
    """'planned' when the sentence ends in an intention (…할 예정이다, …기로 했다)."""
    tail = [t for t in sent if not t.is_punct and not t.is_space][-6:]
    forms = [m.split("/")[0] for t in tail for m in (t._.morphs or [t.text])]
    if "기로" in forms or any(f in ("예정", "계획", "방침") for f in forms):
        return "planned"
    return None


def _clause_date(doc: Doc, start: int, end: int, article_date: str | None) -> str | None:
    text = doc[start:end].text
    m = DATE_PATTERN.search(text)
    return normalise_date(m.group(0), article_date) if m else None


# -- news patterns ------------------------------------------------------------
def _product_lists(sent: Span, phrases: list[_Phrase]) -> Iterable[Fact]:
    """베어로보틱스(서빙로봇), 4D리플레이(스포츠영상제작) … 시연 → demonstrated."""
    lemmas = {t.lemma_ for t in sent} | {t.text for t in sent}
    relation = "launched" if "출시" in lemmas else "demonstrated" if lemmas & {"시연", "선보이다", "전시", "공개", "소개"} else None
    if relation is None:
        return
    mentions = [m for ph in phrases for m in ph.mentions]
    for org, product in zip(mentions, mentions[1:]):
        if org.cls == "Organization" and product.cls == "Product" and product.start - org.end <= 1:
            yield _fact(org, relation, product, sent, org, product, "company(product)-list", 0.75)


_PRONOUNS = _PERSON_PRONOUNS | {"그들"}
_CONTINUING = {"이어", "아울러", "그러면서", "또", "또한", "이어서", "덧붙여"}
_OPENING_QUOTES = "“\"'‘"


def _quotes(doc: Doc, sent: Span, phrases: list[_Phrase], earlier: list[tuple[Span, list[_Phrase]]],
            last_speaker: Mention | None) -> Iterable[Fact]:
    """… “인용”이라고/고/며 말했다 → said; a sentence's quoted segments are one statement.

    A quote may open sentences before the one that reports it (Kiwi splits a quote of several
    sentences); the speaker is a subject, topic, 도-phrase or organisation 에서(는) before the
    quote, else — for 그는 or a sentence that goes on (이어 "…"고 말했다) — the person last
    quoted or named as a subject."""
    # A quote closed by a quotative ending (…"라고, "고, "며) is reported speech whatever the verb
    # (말했다, 밝혔다, 맹비난했다, 시인했다); the speaker comes before the verb.
    said = _said_verb(doc, sent) or sent[-1]
    extractor = "quote"
    window, window_phrases = sent, phrases
    # A quote closed here but opened sentences before: take those in (at most three).
    for prev, prev_phrases in reversed(earlier[-3:]):
        if not _unbalanced(_text(doc)[window.start_char:sent.end_char]):
            break
        window, window_phrases = doc[prev.start:sent.end], prev_phrases + window_phrases
    # Only quotes closed in this sentence: those closed before were reported with their own sentence.
    quotes = [m for m in _QUOTE.finditer(_text(doc)[window.start_char:sent.end_char])
              if window.start_char + m.end() > sent.start_char]
    if not quotes:
        return
    inside = [(window.start_char + m.start(), window.start_char + m.end()) for m in quotes]
    # The speaker: before the first quote (or the verb), never one inside a quote.
    # (where the phrase stands, not its referent: "박 대통령이…" inside a quote refers to a name said earlier)
    # (인천시가 "…"고 설명했다, 서울시에서는 "…"고 강조했다: a city or province speaks for its government)
    candidates = [p for p in window_phrases if p.referent is not None and (p.referent.cls in _AGENTS or (
                  p.referent.cls == "Place" and p.referent.text.endswith(_GOVERNED)))
                  and doc[p.start_tok].idx < said.idx and not any(a <= doc[p.start_tok].idx < b for a, b in inside)]
    speaking = [p for p in candidates if p.role in ("subj", "topic", "also")] or [
        p for p in candidates if p.role == "place" and p.referent.cls in ("Organization", "Place")]  # 리얼미터에서는
    if speaking:
        before = [p for p in speaking if doc[p.start_tok].idx < inside[0][0]]
        chosen = (before or speaking)[-1]
        # (스가 장관은 박 대통령이 … 표시한 데 대해 "…"는 비판을 했다: a subject whose verb ends before the
        # quote — in a clause that modifies a noun — is not who speaks; the topic before it is)
        if chosen.role == "subj" and any(t.tag_.startswith(("VV", "XSV", "VX")) and "ETM" in t.tag_
                                         and t.idx < inside[0][0] for t in doc[chosen.end_tok:said.i]):
            chosen = next((p for p in reversed(before) if p.role == "topic"), chosen)
        # (유가족들은 "…"며 … 박근혜 대통령은 "…"고 말했다: a speaker named between quotes said those after)
        later = [n for n, (a, _) in enumerate(inside) if a > doc[chosen.start_tok].idx]
        if not before and later:
            quotes, inside = quotes[later[0]:], inside[later[0]:]
            before = [chosen]
        # ("…"고 최유진 대변인은 말했다: a speaker after the quote stands in the clause that reports it,
        # not past the verb — 93%는 ‘위험하다’고 답했으나 일본인은 …)
        if not before and any(t.idx >= inside[0][1] and ("EC" in t.tag_ or "EF" in t.tag_)
                              for t in doc[doc[chosen.start_tok].sent.start:chosen.start_tok]):
            return
        opening = next((t.i for t in window if t.idx >= inside[0][0]), window.end)
        # (한국갤럽이 … 조사에서 국민의 56%가 "…"고 답했다: the speaker is not named. Not before a quote
        # that is a noun phrase, which says what the subject is: 보고서가 "선별적 기록"이라고 비난했다.)
        utterance = (quotes[0].group(1) or quotes[0].group(2)).rstrip(" .!?…").endswith(("다", "요", "까", "죠"))
        if utterance and chosen.end_tok <= opening \
                and _unnamed_subject(doc, chosen.end_tok, opening, window_phrases, counts=True):
            return
        speaker = chosen.referent
        # (A는 "…"고 밝혔고, B도 "…"고 말했다: a speaker named between two quotes said those after)
        turns = [(n, p.referent) for n in range(1, len(inside)) for p in window_phrases
                 if p.role in ("subj", "topic", "also") and p.referent is not None and p.referent.cls in _AGENTS
                 and inside[n - 1][1] <= doc[p.start_tok].idx < inside[n][0] and p.referent != speaker]
        if turns:
            n, other = turns[0]
            yield from _quotes_of(speaker, quotes[:n], inside[:n], sent, extractor)
            speaker, quotes, inside = other, quotes[n:], inside[n:]
    elif (official := _official(doc, window_phrases, inside)) is not None:
        speaker, extractor = official, "official-quote"
    else:
        first = next((t for t in window if not t.is_space and t.text not in _OPENING_QUOTES), None)
        if first is None or not (first.text in _PRONOUNS or first.text in _CONTINUING) or last_speaker is None:
            return
        # 또 어떤 사람들은 "…"고 주장한다: a topic that names no one is still someone else.
        if _unnamed_topic(doc, sent, inside[0][0]):
            return
        speaker = last_speaker
    yield from _quotes_of(speaker, quotes, inside, sent, extractor)


def _quotes_of(speaker: Mention, quotes: list[re.Match[str]], inside: list[tuple[int, int]], sent: Span,
               extractor: str) -> Iterable[Fact]:
    """One ``said`` fact: the speaker's quotes of the sentence, joined."""
    literal = " … ".join(" ".join((m.group(1) or m.group(2)).split()) for m in quotes)
    # (an official's: gold annotators disagree whether the organisation said it — recorded, not asserted)
    official = extractor != "quote"
    yield Fact(speaker, "said", literal, sent.text.strip(), inside[0][0], inside[-1][1], extractor,
               0.6 if official else 0.85, "unattributed" if official else None)


def _official(doc: Doc, phrases: list[_Phrase], inside: list[tuple[int, int]]) -> Mention | None:
    """기상청 관계자는 "…"고 말했다: an unnamed official speaks for the organisation named with them —
    unless a person is named outside the quotes (대통령실 관계자는 윤 대통령이 "…"라고 말했다고 전했다:
    the official relays another's words). The fact is kept ``unattributed``: no one named said it."""
    outside = [p for p in phrases if not any(a <= doc[p.start_tok].idx < b for a, b in inside)]
    if any(m.cls == "Person" for p in outside for m in p.mentions):
        return None
    for p in outside:
        org = p.referent
        if org is not None and org.cls == "Organization" and org.end < inside[0][0] \
                and _OFFICIAL.match(_text(doc), org.end):
            return org
    return None


def _indirect_speech(doc: Doc, sent: Span, phrases: list[_Phrase]) -> Iterable[Fact]:
    """기상청은 … 지진이 총 42회 발생하였다고 밝혔다: reported speech without quote marks, kept with
    ``modality="paraphrased"``. The speaker is the sentence's first agent subject or topic; what
    they said runs from there to the quotative ending."""
    said = _said_verb(doc, sent, ("XSV", "JKO"))  # 밝혔다, 강조했다, 논평을 냈다
    if said is None:
        return
    ending = next((t for t in reversed(doc[max(sent.start, said.i - 3):said.i]) if t.text in _QUOTATIVE), None)
    if ending is None or doc[ending.i - 1].text in _QUOTE_CHARS:
        return
    speech = _speech_ranges(doc, sent)  # (a name inside quote marks is no speaker of the report)
    speaker = next((p for p in phrases if p.role in ("subj", "topic", "also") and p.referent is not None
                    and p.referent.cls in _AGENTS and p.end_tok < ending.i
                    and _quote_at(doc[p.start_tok].idx, speech) is None), None)
    if speaker is None or speaker.end_tok >= len(doc):
        return
    # 일각에서는 벤투 감독이 교체되어야 한다고 말한다: the unnamed topic speaks, of the named subject.
    if speaker.role == "subj" and _unnamed_topic(doc, sent, doc[speaker.start_tok].idx):
        return
    start = doc[speaker.end_tok].idx
    literal = " ".join((_text(doc)[start:ending.idx] + ending.text[:-1]).split())
    # “…”이므로 “…”를 취하겠다고 밝혔다: words in double quotes inside the report are the speaker's own —
    # when they have grammar of their own (particles, endings); a quoted name (“… 기념 행사”) is no speech.
    quoted = [(a, b) for a, b in _speech_ranges(doc, sent) if start <= a and b <= ending.idx
              and len(_text(doc)[a + 1:b - 1].strip()) >= 10
              and any(t.tag_[:1] in ("J", "E") or "+E" in t.tag_
                      for t in doc.char_span(a + 1, b - 1, alignment_mode="expand") or ())]
    for a, b in quoted:
        yield Fact(speaker.referent, "said", _text(doc)[a + 1:b - 1].strip(), sent.text.strip(), a, b,
                   "quote-in-report", 0.7)
    if len(literal) >= 4 and not quoted:
        # The reporter's paraphrase, not the speaker's words: recorded, not asserted as a quote.
        yield Fact(speaker.referent, "said", literal, sent.text.strip(), start, ending.idx + len(ending.text),
                   "indirect-speech", 0.6, "paraphrased")


def _speech_ranges(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """Character ranges of the sentence's double-quoted speech of two words or more ("…", “…”)."""
    text = _text(doc)[sent.start_char:sent.end_char]
    return [(sent.start_char + m.start(), sent.start_char + m.end())
            for m in re.finditer(r"[\"“][^\"“”\n]*\s[^\"“”\n]*[\"”]", text)]


def _quote_at(offset: int, speech: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quote of ``speech`` that the character ``offset`` stands in, if any."""
    return next((r for r in speech if r[0] <= offset < r[1]), None)


def _described_as(doc: Doc, tok: Token, sent: Span) -> bool:
    """Whether the relative clause of ``tok`` modifies a common noun that the sentence then says its
    topic is: …가 설립한 회사로, …가 세운 인터넷 백과사전이다."""
    i = _predicate_word_end(doc, tok)
    head = next((t for t in doc[i:min(sent.end, i + 4)] if not t.tag_.startswith("NN")), None)
    return _modifies_unnamed(doc, tok, sent) and head is not None and (
        "VCP" in head.tag_ or head.text in ("로", "으로"))


def _modifies_unnamed(doc: Doc, tok: Token, sent: Span) -> bool:
    """Whether the relative clause of the predicate ``tok`` modifies a common noun that is no entity
    and no noun of time, manner or intention (조합원, not 뒤, 예정, 자리)."""
    i = _predicate_word_end(doc, tok)
    while i < sent.end and doc[i].is_space:
        i += 1
    return i < sent.end and doc[i].tag_ == "NNG" and not doc[i].ent_type_ and doc[i].text not in _CLAUSE_NOUNS


def _unnamed_subject(doc: Doc, start: int, pred: int, local: list[_Phrase], counts: bool = False) -> bool:
    """소방방재청은 … 국민들이 참여하였고: a subject that is no entity (이/가 after a common noun) right
    in the predicate's clause — no verb between — is whose act it is, not the topic before it.
    ``counts``: a number counts as no entity too (국민의 56%가 "…"고 답했다)."""
    named = {i for p in local for i in range(p.start_tok, p.end_tok)}
    agents = {i for p in local if p.role in ("subj", "topic") for i in range(p.start_tok, p.end_tok)}
    # (윤석열 대통령을 비롯해 여야 대표들이: the unnamed group a name heads is that name's)
    if _INCLUDING.search(doc[start:pred].text):
        return False
    for t in reversed(doc[start:pred]):
        if t.tag_.startswith(("VV", "VA", "VX", "XSV", "XSA", "EC", "ETM")) or t.is_sent_start or t.i in agents:
            return False  # (a verb ends the clause; a named subject nearer the predicate is its own)
        if t.tag_ == "JKS" and t.i not in named and t.i > 0 and (
                (doc[t.i - 1].tag_ in ("NNG", "XSN") and not doc[t.i - 1].ent_type_)
                or (counts and doc[t.i - 1].ent_type_ == "QT")):
            return True
        # 김민수 감독이 이끄는 대표팀은 아시안컵에 참가했다: so is a topic that names no one after a name
        # (not a time: 오늘은, 현재는)
        if t.tag_ == "JX" and t.text in ("은", "는") and t.i not in named and t.i > 0 \
                and doc[t.i - 1].tag_ in ("NNG", "XSN") and not doc[t.i - 1].ent_type_ \
                and doc[t.i - 1].text not in _TIME_NOUNS and any(p.end_tok <= t.i for p in local):
            return True
    return False


def _unnamed_topic(doc: Doc, sent: Span, before: int) -> bool:
    """Whether a topic that is no entity (관계자는, 사람들은, 일각에서는) stands in ``sent`` before the
    character offset ``before``. (A topic only: 이/가 also marks the subject of a clause inside.)"""
    return any(t.tag_ == "JX" and t.text in ("은", "는") and t.idx < before and not doc[t.i - 1].ent_type_
               and doc[t.i - 1].tag_ in ("NNG", "NNP", "NNB", "XSN", "JKB") for t in sent if t.i > sent.start)


def _said_verb(doc: Doc, sent: Span, noun_followers: tuple[str, ...] = ("XSV",)) -> Token | None:
    """The sentence's verb of saying: 말하다, 밝히다 …, or a noun of saying before 하다 (강조했다) — not one
    that modifies a noun (사퇴를 주장하던 한상대 총장은 "…"고 말했다)."""
    return next((t for t in sent if (t.lemma_ in _SAID_VERBS or (
        t.text in _SAID_NOUNS and t.i + 1 < len(doc) and doc[t.i + 1].tag_.startswith(noun_followers)))
        and not any("ETM" in w.tag_ for w in doc[t.i:_predicate_word_end(doc, t)])), None)


def _unbalanced(text: str) -> bool:
    """A closing quote comes before any opening one: the quote began in an earlier sentence."""
    closing = re.search(_QUOTATIVE_AFTER, text)
    return closing is not None and not re.search(r"[“\"'‘]", text[:closing.start()])


def _bracketed_heads(doc: Doc, sent: Span) -> Iterable[Fact]:
    """국립경주박물관(관장 이영훈), 미래창조과학부(장관 최양희): the head named in brackets;
    올리버 하트(68, 영국, 하버드대 교수), 데이비드 모건(David Morgan, 하버드대 교수, 72): a person's
    title in brackets."""
    ents = [e for e in doc.ents if sent.start <= e.start < sent.end]
    for i, person in enumerate(ents):
        if person.label_ != "PS" or person.end >= sent.end or doc[person.end].text != "(":
            continue
        close = next((t.i for t in doc[person.end:min(sent.end, person.end + 20)] if t.text == ")"), None)
        inside = [e for e in ents[i + 1:] if close is not None and e.end <= close]
        # (데이비드 사울레스(David J. Thouless, 워싱턴대 명예교수, 82): an age may follow the title)
        while inside and inside[-1].label_ == "QT" and doc[inside[-1].start - 1].text == ",":
            inside.pop()
        end = inside[-1].end if inside else None
        if inside and inside[-1].label_ == "CV" and doc[end].text in (")", ",") \
                and not _FORMER.search(doc[person.end:end].text):
            p, t = _mention(person), _mention(inside[-1])
            yield _fact(p, "holdsPosition", t, sent, p, t, "bracketed-title", 0.8)
            if len(inside) > 1 and inside[-2].label_ == "OG" and inside[-1].start - inside[-2].end <= 1:
                o = _mention(inside[-2])
                yield _fact(p, "memberOf", o, sent, p, t, "bracketed-title", 0.75)
    for i, person in enumerate(ents):
        # 박하준(한빛당) 의원, 박하준(한빛당·서울 강남갑) 의원: the party in the aside, the title after it.
        inside = _bracket_after(doc, person, ents) if person.label_ == "PS" else []
        after = ents[i + len(inside) + 1] if inside and i + len(inside) + 1 < len(ents) else None
        if inside and inside[0].label_ == "OG" and after is not None and after.label_ == "CV" \
                and doc[inside[-1].end:after.start].text.strip().startswith(")") \
                and len(doc[inside[-1].end:after.start].text.strip()) <= 10:
            p, o = _mention(person), _mention(inside[0])
            yield _fact(p, "memberOf", o, sent, p, _mention(after), "bracketed-party", 0.75)
    for org, title, person in zip(ents, ents[1:], ents[2:]):
        if org.label_ == "OG" and title.label_ == "CV" and person.label_ == "PS" \
                and doc[org.end:title.start].text.strip() == "(" and doc[person.end:person.end + 1].text == ")":
            p, t, o = _mention(person), _mention(title), _mention(org)
            yield _fact(p, "holdsPosition", t, sent, o, p, "bracketed-head", 0.85)
            yield _fact(p, "memberOf", o, sent, o, p, "bracketed-head", 0.85)


def _noun_predicates(doc: Doc, sent: Span, phrases: list[_Phrase]) -> Iterable[Fact]:
    """경상북도 방문을 마치고 / 시상식 참석 후 / 월드컵 우승을 차지했다: an entity right before a
    predicate noun is its object; the subject is the sentence's subject or topic."""
    lexicon = predicate_lexicon()
    speech = _speech_ranges(doc, sent)
    for ph in phrases:
        ref = ph.referent
        if ref is None or ph.role is not None or ph.end_tok >= sent.end:
            continue
        nxt = doc[ph.end_tok]
        if nxt.is_space and nxt.i + 1 < sent.end:
            nxt = doc[nxt.i + 1]
        # 국빈방문, 공식 방문: a manner noun before the predicate noun, in one word or two
        if nxt.text in _MANNER_NOUNS and nxt.i + 1 < sent.end:
            nxt = doc[nxt.i + 1] if not doc[nxt.i + 1].is_space or nxt.i + 2 >= sent.end else doc[nxt.i + 2]
        pred = lexicon.get(nxt.text)
        if pred is None or pred.relation in ("partneredWith", "met"):
            continue
        if any(t.tag_.startswith("J") for t in doc[ph.end_tok - 1:nxt.i]):
            continue  # NASA)가 지원하는: a particle between makes the entity an argument, not the object
        after = doc[nxt.i + 1:nxt.i + 3]
        # a headline ends in the predicate noun: 문재인 대통령, 유엔총회 참석
        headline = not after or after[0].is_space or "\n" in nxt.whitespace_ or after[0].tag_ == "SF"
        # (시상식 참석 후, 정상회의 참석차: a noun of time or purpose after it)
        if not (headline or after[0].tag_.startswith("XSV") or after[0].text in _AFTER_ACT or (
                after[0].text in ("을", "를") and len(after) > 1 and after[1].pos_ in ("VERB", "NOUN"))):
            continue
        allowed = pred.allowed
        if allowed is not None and ref.cls not in allowed or _polarity(doc, nxt, sent.end) == "negated":
            continue
        agents = _AGENTS | {"Place"} if pred.relation in ("won", "attended") else _AGENTS
        # (inside a quote, the speaker's words: heads from the same quote, or from outside any)
        quote = _quote_at(doc[ph.start_tok].idx, speech)
        heads = [p.referent for p in phrases if p.role in ("subj", "topic", "also") and p.referent is not None
                 and p.referent.cls in agents and p.referent is not ref
                 and _quote_at(doc[p.start_tok].idx, speech) == quote]
        first = phrases[0]
        if not heads and first is not ph and first.role is None and first.end_tok < sent.end \
                and doc[first.end_tok].text == "," and first.referent is not None and first.referent.cls in agents:
            heads = [first.referent]  # a headline: 문재인 대통령, 유엔총회 참석
        owner = next((p for p in phrases if p.role == "gen" and p.end_tok <= ph.start_tok <= p.end_tok + 1), None)
        if owner is not None and owner.referent is not None and owner.referent.cls == "Person" \
                and pred.relation in ("visited", "attended"):
            heads = [owner.referent]  # 이명박 대통령의 에티오피아 국빈방문: whose visit it is
        before = [h for h in heads if h.start < ref.start]
        subject = (before[-1] if before else heads[0]) if heads else None
        if subject is not None:
            # 유럽 방문을 마칠 예정이다: intended, unless the noun is itself the verb (방문했다).
            intended = _sentence_modality(doc, sent) and not headline and not after[0].tag_.startswith("XSV")
            modality = "planned" if intended else None
            yield _fact(subject, pred.relation, ref, sent, subject, nxt, f"noun-predicate:{nxt.text}", 0.7, modality)


def _clause_verb(doc: Doc, start: int, end: int, quote: tuple[int, int] | None,
                 speech: list[tuple[int, int]]) -> Token | None:
    """The first verb after ``start`` that an argument there belongs to: not one inside another quote
    (회의에서 "…하겠다"라고 말했다), not one of a reported clause (…하기로 했다며 이같이 밝혔다), not a
    verb that only links a noun (…에 대한, …을 위한)."""
    i = start
    for t in doc[start:end]:
        if t.i < i or not (t.tag_.startswith(("VV", "XSV", "VA")) or "+VCP" in t.tag_) \
                or _quote_at(t.idx, speech) != quote or t.lemma_ in _LINKING_VERBS:
            continue
        clause_end = next((u.i + 1 for u in doc[t.i:end] if any(m.endswith(("/EC", "/EF")) for m in u._.morphs or ())),
                          end)
        # (…"라며, "…"고 말했다고 보도했다: saying is an act at the event, whoever reports it)
        said = t.lemma_ in _SAID_VERBS or t.i > 0 and doc[t.i - 1].text in _SAID_NOUNS and t.tag_.startswith("XSV")
        if _reported_between(doc, t.i, clause_end) and not said:
            i = clause_end
            continue
        return t
    return None


def _at_events(doc: Doc, sent: Span, phrases: list[_Phrase]) -> Iterable[Fact]:
    """이재용은 국회 청문회에서 이렇게 말했다, 한나라당은 비상대책위원회의에서 합의하였다: who acts at
    an event took part in it — the sentence's agent, when the verb the event phrase belongs to ends the
    clause (not 청문회에서 한 발언, a noun's modifier) and is neither negated nor the event's own
    (회의에서 열린, 선거에서 당선된, 사고에서 숨진: elections and incidents are no gatherings)."""
    speech = _speech_ranges(doc, sent)
    for n, ph in enumerate(phrases):
        event = ph.referent
        # (a plain 에서: not the topic 에서는, which sets the scene for the whole sentence)
        if ph.role != "place" or event is None or event.cls != "Event" or event.text.endswith(_NOT_GATHERINGS) \
                or "에서" not in doc[ph.start_tok:ph.end_tok].text or _topicalised(doc, ph) \
                or doc[ph.end_tok - 1].text == "도":  # (어느 나라의 훈련에서도: any such event, not one)
            continue
        quote = _quote_at(doc[ph.start_tok].idx, speech)
        verb = _clause_verb(doc, ph.end_tok, sent.end, quote, speech)
        if verb is not None and _polarity(doc, verb, sent.end) == "negated":
            # (회의에서 언급은 하지 않은 채 "…"고 말했다: a side clause negated, the sentence's verb not —
            # but 포럼에서 발표하지 않았다 puts no one there)
            verb = _clause_verb(doc, _predicate_word_end(doc, verb), sent.end, quote, speech)
        polarity = _polarity(doc, verb, sent.end) if verb is not None else None
        if verb is None or polarity == "negated":
            continue
        word_end = _predicate_word_end(doc, verb)
        if any("ETM" in t.tag_ for t in doc[verb.i:word_end]) or verb.lemma_ in ("열리다", "개최되다", "열다"):
            continue
        # (회의에서 한민구 장관은 "…"고 말했다: a subject after it is the clause's own — none, if it names no one)
        after = [p for p in phrases[n + 1:] if p.role in ("subj", "topic") and p.start_tok < verb.i
                 and _quote_at(doc[p.start_tok].idx, speech) == quote]
        own = next((t for t in doc[after[0].end_tok:verb.i] if t.tag_.startswith(("VV", "XSV"))
                    and _quote_at(t.idx, speech) == quote), None) if after else None
        if after and (after[0].referent is None or after[0].referent.cls not in _AGENTS or (
                own is not None and any("ETM" in t.tag_ for t in doc[own.i:_predicate_word_end(doc, own)]))):
            continue  # (…재판에서 기소된 인원을 정부가 기소한: the subject of a relative clause of its own)
        agents = after[:1] or [p for p in phrases[:n] if p.role in ("subj", "topic") and p.referent is not None
                               and p.referent.cls in _AGENTS] or [
            p for p in phrases[n + 1:] if p.role in ("subj", "topic") and p.start_tok < verb.i
            and p.referent is not None and p.referent.cls in _AGENTS]
        # (외교통상부는 대한민국이 … 총회에서 선출되었다고 밝혔다: a subject between the agent and the event
        # owns the clause; a place there acts in no gathering)
        if agents and agents[-1].end_tok <= ph.start_tok and any(
                p.role == "subj" and agents[-1].end_tok <= p.start_tok < ph.start_tok for p in phrases):
            continue
        if agents:
            who = agents[-1].referent if agents[-1].end_tok <= ph.start_tok else agents[0].referent
            yield _fact(who, "attended", event, sent, who, event, "acts-at-event", 0.6, polarity)


def _speakers(doc: Doc, sent: Span, phrases: list[_Phrase], earlier: list[tuple[Span, list[_Phrase]]]) -> Iterable[Fact]:
    """연사로 나선 김민수 위원장은 "…"고 외쳤다, 박하준 교수는 연단에 올라 …, 발언에 나선, 대회사에서: a speaker at a gathering
    attended it — the gathering named in the sentence, else the last one the four sentences before name
    (``earlier`` ends with this sentence)."""
    if _SPEAKER_CUE.search(sent.text) is None or _sentence_modality(doc, sent) == "planned":
        return
    speakers = [p.referent for p in phrases if p.role in ("subj", "topic", "also") and p.referent is not None
                and p.referent.cls == "Person"]  # (A, B, C가 차례로 연단에 올랐다: a list shares its role)
    events = [m for _, before in earlier[-5:] for p in before for m in p.mentions
              if m.cls == "Event" and not m.text.endswith(_NOT_GATHERINGS)]
    for speaker in speakers if events else ():
        yield _fact(speaker, "attended", events[-1], sent, speaker, events[-1], "speaker-at-event", 0.6)


def _award_winners(doc: Doc, sent: Span, phrases: list[_Phrase]) -> Iterable[Fact]:
    """노벨문학상 수상자로 밥 딜런을 선정, 김민수, 박하준과 이서연을 누리문학상 수상자로 선정, 이서연이 누리문학상
    수상자로 선정됐다: the persons chosen as a prize's winners won it."""
    for ph in phrases:
        if ph.referent is None or ph.referent.cls != "Event" or ph.end_tok + 2 >= sent.end:
            continue
        words = doc[ph.end_tok:ph.end_tok + 3]
        if not any(t.text.startswith("수상자") for t in words):
            continue
        chosen_passive = any(t.lemma_ in ("선정되다", "선정", "뽑히다") and (t.lemma_ != "선정" or (
            t.i + 1 < len(doc) and doc[t.i + 1].lemma_ == "되다")) for t in sent)
        for other in phrases:
            if (other.role == "obj" or (chosen_passive and other.role in ("subj", "topic") and other.start_tok < ph.start_tok)) \
                    and other.referent is not None and other.referent.cls in ("Person", "Organization"):
                yield _fact(other.referent, "won", ph.referent, sent, ph.referent, other.referent, "award-winner", 0.75)


def _award_topics(doc: Doc, sent: Span, phrases: list[_Phrase]) -> Iterable[Fact]:
    """여우주연상은 … 줄리엣 비노쉬에게 돌아갔다, 남우주연상은 … X와 Y가 공동 수상했다: a prize as
    the topic, and who it went to."""
    n = next((n for n, p in enumerate(phrases) if p.role == "topic" and _is_award(p.referent)), None)
    if n is None:
        return
    # (MVP와 득점왕은: the prizes listed before it went to the same winner)
    awards = [phrases[n].referent]
    while n > 0 and phrases[n - 1].role == "com" and _is_award(phrases[n - 1].referent):
        n -= 1
        awards.append(phrases[n].referent)
    verb = next((t for t in sent if t.lemma_ in ("돌아가다", "받다") or t.text in ("수상", "차지")), None)
    if verb is None or _polarity(doc, verb, sent.end) is not None:
        return
    roles = ("goal",) if verb.lemma_ == "돌아가다" else ("subj", "com")
    for ph in phrases:
        if ph.role in roles and ph.referent is not None and ph.referent.cls in _AGENTS and ph.start_tok < verb.i:
            for award in awards:
                yield _fact(ph.referent, "won", award, sent, award, ph.referent, "award-topic", 0.7)


def _awards_in_turn(doc: Doc, sent: Span, phrases: list[_Phrase]) -> Iterable[Fact]:
    """신인상에는 강백호가, MVP에는 김재환이 올랐다; 정우람이 세이브왕, 오현택이 홀드왕을 챙겼다: prizes
    listed each with its winner — after a prize in 에(는), before one that is taken."""
    verb = next((t for t in sent if t.lemma_ in _TAKING or (
        t.text == "수상" and t.i + 1 < sent.end and doc[t.i + 1].tag_.startswith("XSV"))), None)
    awards = [n for n, p in enumerate(phrases) if _is_award(p.referent)]
    if verb is None or not awards or _polarity(doc, verb, sent.end) is not None:
        return
    for k, n in enumerate(awards):
        if phrases[n].role == "goal":
            between = phrases[n + 1:awards[k + 1] if k + 1 < len(awards) else len(phrases)]
        else:
            between = phrases[awards[k - 1] + 1 if k else 0:n][::-1]
        winner = next((p.referent for p in between if p.role in ("subj", "topic", "also") and p.referent is not None
                       and p.referent.cls in _AGENTS and p.start_tok < verb.i), None)
        if winner is not None:
            award = phrases[n].referent
            yield _fact(winner, "won", award, sent, winner, award, "awards-in-turn", 0.7)


def _is_award(mention: Mention | None) -> bool:
    """여우주연상, 득점왕, MVP: an event mention named like a prize."""
    return mention is not None and mention.cls == "Event" and (
        mention.text.endswith(("상", "왕")) or mention.text == "MVP")


def _copula_appositions(doc: Doc, sent: Span) -> Iterable[Fact]:
    """하마스의 지도자인 예히야 신와르, 백악관 보좌관인 이방카 트럼프: "X의 Y인 Z" names Z's title;
    박하준은 한빛전자의 대표다: so does "Z는 X의 Y(이)다"."""
    ents = [e for e in doc.ents if sent.start <= e.start < sent.end]
    for i, title in enumerate(ents):
        if title.label_ != "CV" or title.end >= sent.end:
            continue
        nxt = doc[title.end]
        people: list[Span] = []
        if "VCP" in nxt.tag_ and "ETM" in nxt.tag_:  # …인 Z
            people = _listed_people(doc, ents[i + 1:], title.end + 1)
            person = people[0] if people else None
        elif "VCP" in nxt.tag_ or "VCP" in doc[title.end - 1].tag_:  # Z는 … Y다 / Y이다 / Y이며
            person = next((e for e in reversed(ents[:i]) if e.label_ == "PS" and e.end < len(doc)
                           and doc[e.end].text in ("은", "는", "이", "가") and doc[e.end].tag_ in ("JX", "JKS")), None)
            # (대표였다: a title held before; 첫 번째 여성 대통령이다: a place in history, not a post held now)
            if "EP" in nxt.tag_ or (title.end + 1 < sent.end and "EP" in doc[title.end + 1].tag_) \
                    or re.search(r"번째|최초|첫|마지막|역대", _text(doc)[max(0, title.start_char - 12):title.start_char]):
                person = None
        else:
            continue
        if person is None:
            continue
        org = ents[i - 1] if i > 0 else None
        between = doc[org.end:title.start].text.strip() if org is not None else "-"
        for named in people or [person]:
            p, t = _mention(named), _mention(title)
            yield _fact(p, "holdsPosition", t, sent, t, p, "copula-apposition", 0.8)
            if org is not None and org.label_ == "OG" and between in ("", "의", "소속", "소속의"):
                yield _fact(p, "memberOf", _mention(org), sent, _mention(org), p, "copula-apposition", 0.75)


def _listed_people(doc: Doc, ents: list[Span], start: int) -> list[Span]:
    """The persons named from token ``start`` on: one, or a list joined by 와/과 or commas, each
    perhaps after a country in the genitive (주연배우인 스페인의 하에베르 바르뎀과 이탈리아의 엘리오 게르마노)."""
    people: list[Span] = []
    at = start
    for n, e in enumerate(ents):
        gap = doc[at:e.start].text.strip()
        if e.label_ == "LC" and gap in ("", ",", "와", "과") and e.end < len(doc) and doc[e.end].text == "의":
            at = e.end + 1
            continue
        # (위원장인 법학자 크리스토프 사 펠링: a common noun may stand before the first name)
        first = gap == "" or (e.start - at == 1 and doc[at].tag_ == "NNG")
        if e.label_ != "PS" or not (first if not people else gap in ("", ",", "와", "과")):
            break
        after = ents[n + 1] if n + 1 < len(ents) else None
        if people and after is not None and after.start == e.end and after.label_ in ("CV", "OG"):
            break  # (…인 이방카 트럼프와 제라드 쿠슈너 백악관 선임보좌관: the next has a title of his own)
        people.append(e)
        at = e.end
    return people


def _wins(doc: Doc, sent: Span, phrases: list[_Phrase]) -> Iterable[Fact]:
    """스페인이 … FIFA 월드컵 우승을 차지했다: an event or award right before 우승/수상/당선."""
    for ph in phrases:
        ref = ph.referent
        if ref is None or ref.cls not in ("Event", "Product", "Position") or ph.role is not None:
            continue
        nxt = doc[ph.end_tok] if ph.end_tok < len(doc) else None
        while nxt is not None and nxt.is_space:
            nxt = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        if nxt is None or nxt.text not in ("우승", "수상", "당선", "제패", "금메달"):
            continue
        # It must be the predicate (우승했다, 우승을 차지했다), not a noun phrase (대선 당선이 확실시).
        after = doc[nxt.i + 1:nxt.i + 3]
        if not after or not (after[0].tag_.startswith("XSV") or (
                after[0].text in ("을", "를") and len(after) > 1 and after[1].lemma_ in _WIN_VERBS)):
            continue
        if _polarity(doc, nxt, sent.end) == "negated":
            continue
        winner = _winner_before(phrases, ph)
        if winner is not None:
            yield _fact(winner, "won", ref, sent, winner, nxt, "won-noun", 0.75)


def _winner_before(phrases: list[_Phrase], ph: _Phrase) -> Mention | None:
    """The last subject or topic before ``ph`` that can win: a person, a body or a country."""
    return next((p.referent for p in reversed(phrases) if p.role in ("subj", "topic") and p.end_tok <= ph.start_tok
                 and p.referent is not None and p.referent.cls in ("Person", "Organization", "Place")), None)


def _prizes_received(doc: Doc, sent: Span, phrases: list[_Phrase]) -> Iterable[Fact]:
    """송강호는 칸 영화제에서 남우주연상을 받았다: a prize received was won (받다 alone is no win —
    조사를 받았다, 재판을 받았다 — so the object must be named like a prize)."""
    for ph in phrases:
        if ph.role != "obj" or not (_is_award(ph.referent) or (
                ph.referent is not None and ph.referent.text.endswith(("메달", "트로피", "훈장")))):
            continue
        verb = next((t for t in doc[ph.end_tok:min(sent.end, ph.end_tok + 2)] if not t.is_space), None)
        if verb is None or verb.lemma_ not in ("받다", "수여받다") or _polarity(doc, verb, sent.end) is not None:
            continue
        winner = _winner_before(phrases, ph)
        if winner is not None:
            yield _fact(winner, "won", ph.referent, sent, winner, ph.referent, "prize-received", 0.75)


def _elected(doc: Doc, sent: Span, phrases: list[_Phrase]) -> Iterable[Fact]:
    """19대 대통령 선거 개표 결과 … 문재인 후보가 당선되었다: who is elected wins the sentence's election."""
    elected = next((t for t in sent if t.text == "당선" and t.i + 1 < sent.end and t.nbor().tag_.startswith("XSV")
                    and _polarity(doc, t, sent.end) is None), None)
    elections = [ph.referent for ph in phrases if ph.referent is not None and ph.referent.cls == "Event"
                 and ph.referent.text.endswith(("선거", "대선", "총선", "경선"))]
    if elected is None or len(elections) != 1:
        return
    for ph in phrases:
        if ph.role in ("subj", "topic") and ph.referent is not None and ph.referent.cls == "Person" \
                and ph.end_tok <= elected.i:
            yield _fact(ph.referent, "won", elections[0], sent, ph.referent, elected, "elected", 0.75)


def _became(doc: Doc, sent: Span, phrases: list[_Phrase]) -> Iterable[Fact]:
    """팀 쿡이 애플의 새로운 CEO가 되었다: who becomes a title holds it, in the organisation named with it."""
    for n, ph in enumerate(phrases):
        title = ph.referent
        if title is None or title.cls != "Position" or ph.role != "subj" or ph.end_tok >= sent.end:
            continue
        verb = doc[ph.end_tok]
        if verb.lemma_ != "되다" or _polarity(doc, verb, sent.end) is not None:
            continue
        people = [p.referent for p in phrases[:n] if p.role in ("subj", "topic") and p.referent is not None
                  and p.referent.cls == "Person"]
        if not people:
            continue
        person = people[-1]
        yield _fact(person, "holdsPosition", title, sent, person, title, "became", 0.75)
        owner = phrases[n - 1] if n > 0 else None
        if owner is not None and owner.role == "gen" and owner.referent is not None \
                and owner.referent.cls == "Organization" and owner.end_tok >= ph.start_tok - 2:
            yield _fact(person, "memberOf", owner.referent, sent, person, owner.referent, "became", 0.7)


def _nests_in(inner: str, outer: str, containers: frozenset[str]) -> bool:
    """Whether the place ``inner``, written right after ``outer``, is told to lie in it — an address is a chain
    of places (서울 삼성동, 경기도 수원시 팔달구) — and is not a venue, a vague area, a region named by its
    direction (중국 북부지방, 남남서쪽) or a movement the model took for a 동 (광주 민주화운동)."""
    return (len(inner) >= 2 or inner in containers) and not outer.startswith(inner) \
        and inner not in _NOT_PLACES and not inner.endswith(("지방", "쪽", "운동", "활동", "폭동", "소동")) \
        and not any(inner.endswith(v) for v in VENUE_HEADS)


def _places(doc: Doc, sent: Span, phrases: list[_Phrase]) -> Iterable[Fact]:
    """프랑스 칸, 남아프리카 공화국의 요하네스버그, 신월동에 있는 신원초등학교 → locatedIn.

    A bare chain gives a fact when a known country, region or city (or an administrative unit) holds a
    place that is no venue: every annotator of our blind sets counts an address's chain (대한민국 경기도
    과천시, 서울 동작구 흑석동), though the development set's does not."""
    # (경기 is also "a game", so it is not in the list of places; before a city it is the province)
    containers = word_list("places") | {"경기"}
    text = _text(doc)
    for ph in phrases:
        for m in ph.mentions:
            # 국회 기자회견, 광화문 집회: a place before a bare word for a gathering is where it is held
            # (not in 베이징 올림픽, 미국 대선, where the place is part of the name)
            where, _, head = m.text.rpartition(" ")
            if m.cls == "Event" and head in _GATHERINGS and " " not in where and (
                    where in containers or gazetteer().get(where) == "Place" or where in _SITE_BODIES):
                site = Mention(where, "Place", m.start, m.start + len(where))
                yield _fact(m, "locatedIn", site, sent, site, m, "event-site", 0.65)
            # 샌프란시스코 국제공항, 항저우 샤오산 공항: a facility named after the city it serves lies in it
            first, _, rest = m.text.partition(" ")
            # (not 말레이시아 쿠알라룸푸르 공항, a chain the model read as one name)
            if m.cls == "Place" and first in containers and rest.rpartition(" ")[2] in FACILITY_WORDS \
                    and rest.partition(" ")[0] not in containers:
                city = Mention(first, "Place", m.start, m.start + len(first))
                yield _fact(m, "locatedIn", city, sent, city, m, "facility-city", 0.65)
        for outer, inner in zip(ph.mentions, ph.mentions[1:]):
            # A known country, region or city (or an administrative unit) written right before a place or an
            # organisation holds it.
            if outer.cls != "Place" or inner.start - outer.end > 1 \
                    or not (outer.text in containers or outer.text.endswith(_ADMIN_ENDINGS)):
                continue
            # 프랑스 칸, 경기도 시흥시: a place.
            if inner.cls == "Place":
                # 강원 삼척·영월·동해: so is each place of a list that the first begins.
                listed = [inner]
                for m in sorted((m for p in phrases for m in p.mentions if m.start >= inner.end), key=lambda m: m.start):
                    # (only ·: 연기군 전체와, 청원군, 공주시 — a comma may go on with the first place's peers)
                    if m.cls != "Place" or text[listed[-1].end:m.start].strip() != "·":
                        break
                    listed.append(m)
                for place in listed:
                    if _nests_in(place.text, outer.text, containers):
                        yield _fact(place, "locatedIn", outer, sent, outer, place, "place-nesting", 0.7)
            # 노르웨이 오슬로대학, 일본 기상청, 서울 광진경찰서: an organisation. Most annotators of our blind
            # sets since test6, given no rule on it, recorded this; our earlier gold sets do not.
            elif inner.cls == "Organization":
                yield _fact(inner, "locatedIn", outer, sent, outer, inner, "institution-place", 0.7)
    for ph, nxt in zip(phrases, [*phrases[1:], None]):
        located = nxt is not None and 0 < len(doc[ph.end_tok:nxt.start_tok]) <= 3 and \
            doc[ph.end_tok].lemma_ in ("있다", "위치하다", "위치", "소재")
        # 서울 삼성동 코엑스에서 (열린), 서울특별시 삼청동에 위치한: where something is, told by its
        # district right before it.
        chain = [m for m in ph.mentions if m.cls == "Place"]
        if (ph.role == "place" or (ph.role == "goal" and located)) and len(chain) >= 2 \
                and chain[-1] is ph.mentions[-1] and chain[-2] is ph.mentions[-2] \
                and chain[-1].text not in containers | VENUE_HEADS \
                and not chain[-1].text.endswith((*_DISTRICT_ENDINGS, "지방")):
            # (대한배터리 본사, 병원 장례식장: a bare venue noun belongs to the name before it.)
            yield _fact(chain[-1], "locatedIn", chain[-2], sent, chain[-2], chain[-1], "venue-district", 0.7)
        if nxt is None:
            break
        # 남아프리카 공화국의 요하네스버그: a place in the genitive holds the next place or event.
        # A known place after it only where something happens (요하네스버그에서), not in 중국의 대만에 대한.
        # (폴란드의 한 작은 도시 스비보드진: a word for a settlement may stand between)
        between = doc[ph.end_tok:nxt.start_tok].text.split()
        described = 0 < len(between) <= 4 and between[-1] in SETTLEMENT_WORDS
        # (보령, 서산, 당진 등의: places listed before one genitive hold none of each other;
        # 기존 평남의 강서: what a place held once, it may not hold now)
        bygone = ph.start_tok > sent.start and doc[ph.start_tok - 1].text in _BYGONE
        if ph.role == "gen" and not bygone and doc[ph.end_tok - 1].text == "의" and ph.referent is not None and ph.referent.cls == "Place" \
                and nxt.referent is not None and (nxt.referent.cls in ("Place", "Event") or (
                    nxt.referent.cls == "Organization" and nxt.referent.text.endswith(_POSTS))) \
                and (nxt.start_tok - ph.end_tok <= 1 or described) \
                and (nxt.referent.text not in containers or nxt.role == "place"):
            yield _fact(nxt.referent, "locatedIn", ph.referent, sent, ph.referent, nxt.referent, "genitive-place", 0.7)
            continue
        where = ph.referent
        # (아르소나에 위치한 미 영사관: where something is located is a place, whatever the model called it)
        if ph.role == "goal" and located and where is not None and where.cls == "Organization" \
                and where.text.rsplit(" ", 1)[-1] not in _NOT_PLACES:
            where = Mention(where.text, "Place", where.start, where.end)
        if ph.role != "goal" or where is None or where.cls != "Place":
            continue
        if located and nxt.referent is not None and nxt.referent.cls in ("Place", "Organization", "Event"):
            yield _fact(nxt.referent, "locatedIn", where, sent, where, nxt.referent, "located-at", 0.8)
        # 나이지리아에 한국문화원을 개원했다: what is opened somewhere is there.
        elif nxt.role == "obj" and nxt.referent is not None and nxt.referent.cls in ("Place", "Organization") \
                and nxt.end_tok < sent.end and doc[nxt.end_tok].text.startswith(_OPENINGS) \
                and _polarity(doc, doc[nxt.end_tok], sent.end) is None:
            yield _fact(nxt.referent, "locatedIn", where, sent, where, nxt.referent, "opened-at", 0.7)


def _inline_aliases(doc: Doc) -> Iterable[tuple[str, str]]:
    """과학기술정보통신부(과기정통부), 국제해양재단(이하 해양재단): the text states a short name; the
    entity rules found others by their letters (인수위 after 대통령직 인수위원회); 승리(본명 이승현)
    gives a person's real name."""
    yield from doc._.short_names
    # 김모씨 … 김씨는: the surname stands for the one person of the article whose name it withholds
    withheld: dict[str, set[str]] = {}
    for e in doc.ents:
        if e.label_ == "PS" and re.fullmatch(r"[가-힣]모(?:\s?씨)?", e.text):
            withheld.setdefault(e.text[0], set()).add(e.text)
    for surname, names in withheld.items():
        if len({n.replace(" ", "") for n in names}) == 1:
            yield from ((name, short) for name in names for short in (surname, surname + "씨"))
    # 승리(본명 이승현): the real name stands for the person the article calls by the other
    for m in re.finditer(r"([가-힣A-Za-z]{1,12})\(본명\s*([가-힣]{2,4})[·,)]", _text(doc)):
        yield m.group(1), m.group(2)
    for m in re.finditer(r"([가-힣A-Za-z0-9·]{3,30})\((?:이하\s*)?([가-힣A-Za-z0-9·]{2,15})\)", _text(doc)):
        full, short = m.groups()
        ent = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        inner = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if ent is None or inner is None or any(t.ent_type_ == "AF" for t in inner):
            continue  # 회사(제품), not a short name
        if any(e.label_ in ("OG", "LC") and e.start <= ent.start < e.end for e in doc.ents) \
                and len(short) < len(full) and not short.isdigit():
            yield full, short


def _text(doc: Doc) -> str:
    """The article's text, built once: ``Doc.text`` joins every token again on each access."""
    if "kg.text" not in doc.user_data:
        doc.user_data["kg.text"] = doc.text
    return doc.user_data["kg.text"]


def _fact(subject, relation, obj, sent: Span, a, b, extractor: str, confidence: float, modality=None) -> Fact:
    starts = [x.start if isinstance(x, Mention) else x.idx for x in (a, b)]
    ends = [x.end if isinstance(x, Mention) else x.idx + len(x.text) for x in (a, b)]
    return Fact(subject, relation, obj, sent.text.strip(), min(starts), max(ends), extractor, confidence, modality)


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple] = set()
    out = []
    for f in facts:
        key = (f.subject, f.relation, f.obj, f.modality)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
