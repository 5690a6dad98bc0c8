"""The rule component's entities on sentences written for the test, through the real pipeline
(Kiwi tokens + the shipped NER + ``kg_entity_rules``)."""

from __future__ import annotations

import pytest


def entities(nlp, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize(("text", "expected"), [
    # a foreign name the model finds one word of
    ("회의에는 마리아 쿠슈니크 유럽연합 집행위원이 참석했다.", {("마리아 쿠슈니크", "PS")}),
    # an institution's name in several words, a branch, a long compound between a person and a title
    ("이날 환영사는 다니엘 슈미트 세계 수영 연맹 위원장이 맡았다.", {("세계 수영 연맹", "OG")}),
    ("윤서진 노바텍 코리아 대표가 행사에 참석했다.", {("노바텍 코리아", "OG"), ("윤서진", "PS")}),
    ("박지훈 전국청년창업가연합모임 집행위원장이 발언했다.", {("전국청년창업가연합모임", "OG")}),
    # a foreign name of proper nouns only, before its title
    ("NASA의 에드 웨일러 차관보는 이 발견에 대해 말했다.", {("에드 웨일러", "PS"), ("차관보", "CV")}),
    ("협약식에는 이나래 에코셀 대표가 참석했다.", {("이나래", "PS"), ("에코셀", "OG")}),
    # a proper noun with an organisation's ending; an administrative unit by its ending
    ("한국관광공사는 전통시장 활성화를 지원했다.", {("한국관광공사", "OG")}),
    ("과천시에 위치한 공원에서 행사가 열렸다.", {("과천시", "LC")}),
    # a company named after a word for one; an organisation the model had cut into a person's name
    ("배터리 스타트업 누리셀이 협약을 체결했다.", {("누리셀", "OG")}),
    ("김도윤 새벽AI 대표는 이렇게 말했다.", {("김도윤", "PS"), ("새벽AI", "OG")}),
    # a name in quote marks before a country and a title
    ("정부는 ‘키르마’ 에티오피아 대통령에게 조전을 보냈다.", {("키르마", "PS"), ("대통령", "CV")}),
    # a name after a title in brackets
    ("서울시립미술관(관장 최유진)은 다음 달 특별전을 연다.", {("최유진", "PS"), ("관장", "CV")}),
    # a place ending in a generic head; ordinals and seasons inside an event's name
    ("남아프리카 공화국의 케이프타운에서 열린 제5회 하계 청소년 대회에서 한국이 우승했다.",
     {("남아프리카 공화국", "LC"), ("제5회 하계 청소년 대회", "EV")}),
    ("한빛재단은 창립 10주년 기념행사를 열었다.", {("창립 10주년 기념행사", "EV")}),
    # an appeal is heard, like a trial
    ("서울고법은 이날 김민수의 항소심에서 징역 2년을 선고했다.", {("항소심", "EV")}),
    # a venue right after its district; products listed before a launch verb
    ("한빛전자는 부산 해운대구 누리홀에서 신제품 발표회를 열었다.", {("누리홀", "LC")}),
    # a church by its ending
    ("누리제일교회는 예배를 강행했다.", {("누리제일교회", "OG")}),
    ("한빛시의료원은 환자를 받았다.", {("한빛시의료원", "OG")}),
    # a place whose name ends like a particle stays whole (not 오키나 + 와)
    ("태풍은 일본 오키나와 부근에 이르렀다.", {("오키나와", "LC")}),
    # known organisations whose names end in no organisation word: pollsters, abbreviations
    ("리얼미터와 한국갤럽의 조사에서 공수처 설치에 찬성하는 응답이 많았다.",
     {("리얼미터", "OG"), ("한국갤럽", "OG"), ("공수처", "OG")}),
    # a known city the model calls a person begins a festival's name
    ("그의 영화는 칸 영화제에서 상영됐다.", {("칸 영화제", "EV")}),
    # a club and a group the model reads as persons
    ("한화 이글스 정우람 선수와 레드벨벳이 시구했다.", {("한화 이글스", "OG"), ("정우람", "PS"), ("레드벨벳", "OG")}),
    # products the gazetteer knows (an online service is a product; its company is not)
    ("카카오는 카카오톡과 유튜브를 비교했다.", {("카카오", "OG"), ("카카오톡", "AF"), ("유튜브", "AF")}),
    ("배틀그라운드 대회가 부산에서 열렸다.", {("배틀그라운드 대회", "EV")}),
    # a clash and a stage of a season are events too
    ("두 나라의 국경 분쟁이 격화됐다.", {("국경 분쟁", "EV")}),
    ("누리시 선수단은 한국시리즈에 진출했다.", {("한국시리즈", "EV")}),
    # a name before 씨, though Kiwi knows the word as a common noun (백도라지 is a root); not a withheld one
    ("백남기 농민의 딸 백도라지 씨가 발언했다.", {("백도라지", "PS")}),
    # civic bodies and unions by their endings
    ("누리시민연대와 한빛노조는 집회를 열었다.", {("누리시민연대", "OG"), ("한빛노조", "OG")}),
    # titled works (after a word for one, after their maker, listed) and authorities
    ("드라마 '바다의 별'과 '새벽'이 방영되었다.", {("바다의 별", "AF"), ("새벽", "AF")}),
    ("김하늘 감독의 '푸른 밤'이 상을 받았다.", {("푸른 밤", "AF")}),
    ("방역당국은 조사를 마쳤다고 밝혔다.", {("방역당국", "OG")}),
    ("한빛전자는 그동안 노바폰, 노바탭, 노바워치 등 출시한 제품으로 인기를 끌었다.",
     {("노바폰", "AF"), ("노바탭", "AF"), ("노바워치", "AF")}),
    # works in title brackets and services by name; a regnal number; a country between name and title
    ("드라마 <바람의 나라>와 《별의 시간》이 방영되었다.", {("바람의 나라", "AF"), ("별의 시간", "AF")}),
    ("한빛의 음악 서비스 '누리송'은 차트를 없앴다.", {("누리송", "AF")}),
    ("이날 빌헬름 3세가 즉위했다.", {("빌헬름 3세", "PS")}),
    ("요하네스 베르크만 독일 총리는 회담을 제안했다.", {("요하네스 베르크만", "PS"), ("독일", "LC")}),
    # institutions named by a country and a head word (a 군 that is an army, not a county)
    ("가나 축구 국가대표팀은 버스로 이동하던 중이었다.", {("가나 축구 국가대표팀", "OG")}),
    ("이번 훈련은 조선민주주의인민공화국 해군의 포격을 계기로 실시되었다.", {("조선민주주의인민공화국 해군", "OG")}),
    # a bare venue word after a hospital is a part of its name
    ("발인은 서울 서대문구 한빛병원 장례식장에서 엄수됐다.", {("한빛병원 장례식장", "LC")}),
    # a name three bare-noun words before its title, a quote opening before it
    ('이에 대해 "명현석 누리대 항공학과 교수는 참여율 20%는 힘든 수준"이라고 평가했다.', {("명현석", "PS")}),
    # a proper noun with a model number written onto it is a product
    ("사용자들은 노바폰S3보다 누리폰5를 선택하겠다고 답했다.", {("노바폰S3", "AF"), ("누리폰5", "AF")}),
    # incidents are events; a known region before one stays a place
    ("지난달 강원도 고성 산불 사건으로 주민들이 대피했다.", {("강원도", "LC"), ("고성 산불 사건", "EV")}),
    # a company form written apart from the name; 등 is no part of an event
    ("보도에 따르면 주식회사 누리레일은 사고 원인을 조사한다고 밝혔다.", {("주식회사 누리레일", "OG")}),
    ("열차가 대량 지연되는 등 사고 여파가 이어졌다.", {("사고", "EV")}),
    # a common noun with an organisation's ending right before a title
    ("그는 이상만 정권의 제1대 문교부 장관을 지냈다.", {("문교부", "OG")}),
    # a quoted name called a work (…라는 영화)
    ("그는 '하늘정원'이라는 게임을 만들었다.", {("하늘정원", "AF")}),
    # stations, natural features and regions by their head word
    ("열차는 부산역을 출발해 서울 수서역으로 가던 중이었다.", {("부산역", "LC"), ("수서역", "LC")}),
    ("연구팀은 캘리포니아 주의 모노 호수에서 미생물을 발견했다.", {("모노 호수", "LC")}),
    # an organisation's former name after 당시, in brackets; bodies ending in 안전처, 연합
    ("허가는 누리과학부 (당시 한빛통신위원회)가 내줬다.", {("한빛통신위원회", "OG")}),
    ("누리식품안전처가 마스크 5부제를 폐지했다.", {("누리식품안전처", "OG")}),
    ("안전생활실천누리연합 등 시민단체와 함께 교육을 한다.", {("안전생활실천누리연합", "OG")}),
    # the common nouns a word begins with belong to the organisation the model found at its end
    ("중국 사회과학원의 왕리 연구원이 말했다.", {("사회과학원", "OG")}),
    # a place the model found at the start of a road's name is the road
    ("금연 거리인 강남대로를 관할하는 서초구는 단속을 늘렸다.", {("강남대로", "LC")}),
    # a city and a borrowed plural in a sentence about a game is a team (not a place in a place)
    ("부산 타이탄즈는 결승전에서 광주 이글스를 꺾었다.", {("부산 타이탄즈", "OG"), ("광주 이글스", "OG")}),
    # a quoted name after a word for a body, particles and all
    ("시민단체 '평화와 누리교육 연대'는 성명을 냈다.", {("평화와 누리교육 연대", "OG")}),
    ("영국 일간지 '누리 헤럴드'는 이를 보도했다.", {("누리 헤럴드", "OG")}),
    # a ceremony that disbands or launches is an event; an organisation's building where it happens is a place
    ("누리당은 누리당 선거대책위원회 해단식을 열었다.", {("누리당 선거대책위원회 해단식", "EV")}),
    ("회견은 서울 종로구 서울경찰청 청사에서 열렸다.", {("서울경찰청 청사", "LC")}),
    # a Nobel prize written in two words is one prize
    ("노벨위원회는 올해의 노벨 화학상 수상자를 발표했다.", {("노벨 화학상", "EV")}),
    # a company's model code is a product
    ("부상으로 한빛전자의 K7이 지급된다.", {("K7", "AF")}),
    # a surname with 모 for a withheld name is a person
    ("경찰은 최모(31)씨와 이웃 김모씨를 조사했다.", {("최모", "PS"), ("김모씨", "PS")}),
    # an office's or a department's name before a person and their title
    ("누리시 교통정책과 박서준 과장은 설명했다.", {("교통정책과", "OG"), ("박서준", "PS"), ("과장", "CV")}),
    # train services are products; a lawsuit and a survey are events
    ("파업으로 새마을호와 무궁화호 운행이 줄었다.", {("새마을호", "AF"), ("무궁화호", "AF")}),
    ("한빛전자는 특허소송에서 이겼고 설문조사도 했다.", {("한빛전자", "OG"), ("특허소송", "EV"), ("설문조사", "EV")}),
    # a room of an organisation's or a venue's, where something happens, is one place with it
    ("회의는 서울 국회 대회의장에서 열렸다.", {("서울", "LC"), ("국회 대회의장", "LC")}),
    # the head of a department named in the same word
    ("이원목 누리시 보행자전거과장은 대책을 발표했다.", {("보행자전거과장", "CV")}),
    # a state, whatever the model made of its name
    ("경찰은 파라 주에서 무장세력을 추적하고 있었다.", {("파라 주", "LC")}),
    ("미국 콜로라도 주 오로라의 극장에서 사건이 일어났다.", {("콜로라도 주", "LC")}),
    ("지진은 도호쿠 지방을 강타했다.", {("도호쿠 지방", "LC")}),
    # a known place written as one word wins over a piece of it; a one-letter city after its country;
    # an event name through a person span that runs into it
    ("지진은 조선민주주의인민공화국에서 10회로 가장 많이 발생하였다.", {("조선민주주의인민공화국", "LC")}),
    ("23일 오후 프랑스 칸에서 열린 제63회 칸 국제영화제 시상식에서 상을 받았다.",
     {("프랑스", "LC"), ("칸", "LC"), ("제63회 칸 국제영화제", "EV")}),
    ("정부는 후쿠시마 현을 포함한 8개 현의 수산물 수입을 금지했다.", {("후쿠시마 현", "LC")}),
    # a compound Kiwi reads with a genitive inside one written word (전국+의+사 for 전국의사)
    ("그는 여의도공원에서 열린 전국의사궐기대회에 참석했다.", {("전국의사궐기대회", "EV")}),
    # a name right after a word for its kind of work or device; a name a release verb follows
    ("누리전자의 스마트폰 노바폰은 인기를 끌었다.", {("노바폰", "AF")}),
    ("동시 타이틀 작품 몬스터워즈4G도 출시됐다.", {("몬스터워즈4G", "AF")}),
    # a bare year before an event's name belongs to it; games and motor shows are events
    ("2030 광주 아시안게임이 19일 개막했다.", {("2030 광주 아시안게임", "EV")}),
    # a newspaper in title brackets is its publisher; a portal named after the word for it is a company
    ("《누리일보》는 이 사실을 보도하였다.", {("누리일보", "OG")}),
    ("아르바이트 포털 알바누리는 설문 결과를 밝혔다.", {("알바누리", "OG")}),
    # a model code next to a word for a vehicle or weapon
    ("공군은 F-15K 전투기 2대를 출격시켰다.", {("F-15K", "AF")}),
    ("대통령 전용기 Tu-154M가 추락했다.", {("Tu-154M", "AF")}),
    # a long compound Kiwi keeps whole, with an organisation's ending
    ("홍콩 소재 인권민주주의정보센터는 “악수에 계엄령이 선포됐다”고 밝혔다.", {("인권민주주의정보센터", "OG")}),
    # a country the model took for a person still begins its team's name; a proper noun with 팀 is a team
    ("토고 대표팀은 대회에 참가했다.", {("토고 대표팀", "OG")}),
    ("한빛팀은 대회에 참가했다.", {("한빛팀", "OG")}),
    # a public venue is named with its city; the country before them stays a place of its own
    ("개막식은 중화인민공화국 베이징시 베이징 국가체육장에서 열렸다.",
     {("중화인민공화국", "LC"), ("베이징 국가체육장", "LC")}),
])
def test_rule_entities(nlp, text, expected):
    assert expected <= entities(nlp, text)


def test_known_countries_stay_places(nlp):
    got = entities(nlp, "나이지리아 정부는 회담 결과를 발표했고, 나이지리아는 협력을 약속했다.")
    assert ("나이지리아", "LC") in got and ("나이지리아", "OG") not in got


def test_korean_name_is_not_joined_with_the_next_word(nlp):
    got = entities(nlp, "김민준 한빛 대표가 참석했다.")
    assert ("김민준", "PS") in got and not any(t.startswith("김민준 ") for t, _ in got)
    # a given name ending like a district stays a person; a party before a name stays a party
    assert ("이영구", "LC") not in entities(nlp, "이영구는 이렇게 말했다.")
    assert {("자유한국당", "OG"), ("홍준표", "PS")} <= entities(nlp, "2위는 자유한국당 홍준표 후보가 차지했다.")


def test_two_names_reaching_for_one_word_do_not_overlap(nlp):
    # Both one-word names could take the free proper noun between them; the first one does.
    doc = nlp("아니스 셰이프 리비아 인민해방군 대변인은 이렇게 밝혔다.")
    spans = sorted((e.start, e.end) for e in doc.ents)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_brackets_and_hereafter_at_a_model_span_edge_are_trimmed(nlp):
    doc = nlp("책 <한빛의 바다> 출간 기념회가 열렸다.")
    assert not any(e.text[0] in "<>" or e.text[-1] in "<>" for e in (*doc.ents, *doc.spans["ner"]))
    doc = nlp("국제해양재단(이하 한빛재단)이 지원하는 연구팀이 새 미생물을 발견했다.")
    assert not any(e.text.startswith("이하") for e in (*doc.ents, *doc.spans["ner"]))
    # a Korean name's 2세 is an age or a generation, not a regnal number
    assert ("김철수 2세", "PS") not in entities(nlp, "김철수 2세가 태어났다.")


def test_names_of_one_list_share_a_class(nlp):
    # one name's form (…전자) decides the list; a known country in a list keeps its class
    got = entities(nlp, "협약에는 한빛전자, 누리텍, 대성, 하늘가 참여했다.")
    assert {label for text, label in got if text in ("한빛전자", "누리텍", "대성")} == {"OG"}
    got = entities(nlp, "금융위원회가 7개 카드사(KB국민, 농협, 롯데, 삼성, 신한, 하나, 현대)의 실적을 발표했다.")
    assert {label for text, label in got if text in ("KB국민", "농협", "롯데", "신한", "현대")} == {"OG"}
    assert ("미국", "LC") in entities(nlp, "한빛전자, 누리텍, 미국이 협약에 참여했다.")


def test_disease_names_are_no_entities(nlp):
    assert not any(t.startswith("코로나") for t, _ in entities(nlp, "코로나 사태로 인한 소상공인 붕괴를 막아야 한다."))


def test_a_name_with_a_person_cue_is_a_person_throughout(nlp):
    doc = nlp("작년 대회에서 물대포를 맞은 백남기 농민(69)이 별세하였다. 백남기 씨는 의식을 잃은 채 지냈다. "
              "병원 앞에서 백남기 농민과 가족이 울었다.")
    assert {e.label_ for e in doc.ents if e.text == "백남기"} == {"PS"}


def test_a_one_letter_noun_is_no_part_of_an_institution(nlp):
    got = entities(nlp, "그가 쓰러진 후 한빛대책위원회 등이 꾸려졌다.")
    assert not any(t.startswith("후 ") for t, _ in got)


def test_a_known_place_with_its_unit_is_no_person(nlp):
    # whatever the model says: run the rule component on a doc where 부산시 is a person
    from spacy.tokens import Span

    doc = nlp.make_doc("신진구 부산시 대외협력보좌관이 복귀했다.")
    city = next(t.i for t in doc if t.text == "부산시")
    doc.ents = [Span(doc, city, city + 1, label="PS")]
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert ("부산시", "LC") in {(e.text, e.label_) for e in doc.ents}


def test_a_withheld_name_before_ssi_is_a_person_of_the_story(nlp):
    assert [(e.text, e.label_) for e in nlp("서울에 사는 김모 씨는 귀가했다.").ents if e.label_ == "PS"] == [("김모", "PS")]


def test_a_person_where_something_happens_is_a_place_in_every_mention(nlp):
    # whatever the model says: 누리동 is a person in both sentences, but nobody happens "in" a person
    from spacy.tokens import Span

    doc = nlp.make_doc("누리동에서 사고가 났다. 누리동 상인들이 모였다. 김민수에게서 연락이 왔다.")
    ents = [Span(doc, t.i, t.i + 1, label="PS") for t in doc if t.text in ("누리동", "김민수")]
    doc.ents = ents
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    got = [(e.text, e.label_) for e in doc.ents if e.text in ("누리동", "김민수")]
    assert got == [("누리동", "LC"), ("누리동", "LC"), ("김민수", "PS")]


def test_the_places_of_a_model_chain_before_a_known_venue_stay_places(nlp):
    # whatever the model says: the whole chain is one place, and the gazetteer takes the venue at its end
    from spacy.tokens import Span

    doc = nlp.make_doc("행사는 경기도 고양시 킨텍스에서 열렸다.")
    start = next(t.i for t in doc if t.text == "경기도")
    end = next(t.i for t in doc if t.text == "킨텍스") + 1
    doc.ents = [Span(doc, start, end, label="LC")]
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert {("경기도", "LC"), ("고양시", "LC"), ("킨텍스", "LC")} <= {(e.text, e.label_) for e in doc.ents}


def test_a_model_span_ending_in_a_title_is_a_persons_whatever_its_label(nlp):
    # whatever the model says: the name, organisation and title read as one place
    from spacy.tokens import Span

    doc = nlp.make_doc("회의에는 안토니우 구테흐스 유엔 사무총장이 참석했다.")
    start = next(t.i for t in doc if t.text.startswith("안토니우"))
    end = next(t.i for t in doc if t.text == "사무총장") + 1
    doc.ents = [Span(doc, start, end, label="LC")]
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    assert {("안토니우 구테흐스", "PS"), ("유엔", "OG"), ("사무총장", "CV")} <= {(e.text, e.label_) for e in doc.ents}


def test_a_name_kiwi_does_not_know_before_an_organisation_and_title(nlp):
    # Kiwi calls 김도윤 a common noun and the model reads 새벽 in 새벽AI as a time of day; the name
    # found in the first sentence and the name-organisation-title order still give both entities
    doc = nlp('인공지능 스타트업 새벽AI가 3일 제품을 선보였다.\n김도윤 새벽AI 대표는 "음성비서를 만들겠다"고 말했다.')
    second = {(e.text, e.label_) for e in doc.ents if e.start_char > doc.text.index("\n")}
    assert {("김도윤", "PS"), ("새벽AI", "OG")} <= second
    # a common noun of the same shape is no name
    assert ("정치인", "PS") not in entities(nlp, "정치인 한빛전자 대표가 참석했다.")


def test_a_name_kiwi_calls_a_common_noun_before_a_title(nlp):
    # the rule component alone (no model spans): 주기선 is a word Kiwi has never seen
    doc = nlp.get_pipe("kg_entity_rules")(nlp.make_doc("주기선 상담소장은 이렇게 말했다."))
    assert ("주기선", "PS") in {(e.text, e.label_) for e in doc.ents}
    doc = nlp.get_pipe("kg_entity_rules")(nlp.make_doc("정치인 상담소장은 이렇게 말했다."))
    assert not any(e.label_ == "PS" for e in doc.ents)


def test_short_names_of_an_organisation_named_before(nlp):
    doc = nlp("공정거래위원회는 과징금을 부과했다. 공정위는 재발을 막겠다고 밝혔다.")
    assert ("공정위", "OG") in {(e.text, e.label_) for e in doc.ents}
    assert ("공정거래위원회", "공정위") in doc._.short_names
    # letters in order, but not ending in the head's first letter: no short name
    doc = nlp("반민족행위특별조사위원회는 해체되었다. 반민족행위는 처벌되지 않았다.")
    assert doc._.short_names == []


def test_words_ending_like_a_station_are_no_places(nlp):
    assert entities(nlp, "지역에서 구역을 나누고 영역을 정했다.") == set()


def test_nouns_that_only_end_like_a_party_or_district_are_no_organisations_or_places(nlp):
    found = entities(nlp, "시위대는 국회의사당 출입구와 본청 지하강당에 모였다.")
    assert ("국회의사당", "LC") in found
    assert ("출입구", "LC") not in found and ("지하강당", "OG") not in found


def test_a_maker_or_a_reader_is_no_work(nlp):
    assert ("김하늘", "PS") in entities(nlp, "그는 영화 김하늘 감독의 작품을 좋아한다.")
    assert ("김민수", "PS") in entities(nlp, "김민수는 출간된 책을 읽었다.")
    assert ("OST", "AF") not in entities(nlp, "그는 게임 OST를 오케스트라로 연주했다.")


def test_a_name_written_with_a_company_form_is_an_organisation_throughout(nlp):
    found = entities(nlp, "주식회사 누리레일은 사고를 조사했다. 누리레일은 승객을 대피시켰다.")
    assert ("누리레일", "OG") in found and ("누리레일", "PS") not in found


def test_a_work_found_once_is_a_work_in_its_other_mentions(nlp):
    found = entities(nlp, "카무라, 첫 주 관객 100만. 한빛픽처스의 애니메이션 카무라가 개봉했다.")
    assert ("카무라", "AF") in found and ("카무라", "PS") not in found
    # a weekday in brackets after a date is no product
    assert not {label for _, label in entities(nlp, "한빛전자는 17일(월) 신제품을 시연한다.") if label == "AF"}


def test_the_exercise_of_a_right_is_no_event(nlp):
    assert not {label for _, label in entities(nlp, "대통령은 거부권 행사를 검토했다.") if label == "EV"}


def test_a_known_organisation_inside_a_person_span_leaves_the_name(nlp):
    # the gazetteer knows 자유한국당; the model's one span over party and name leaves the name
    found = entities(nlp, "반면, 자유한국당 홍준표 후보는 785만2849표를 얻었다.")
    assert {("자유한국당", "OG"), ("홍준표", "PS")} <= found
    assert ("하마스", "OG") in entities(nlp, "팔레스타인 무장단체 하마스 간 교전이 재개됐다.")


def test_a_count_of_games_is_no_event(nlp):
    assert not {label for _, label in entities(nlp, "박하준은 통산 264경기에서 31승을 기록했다.") if label == "EV"}


def test_a_common_noun_names_no_person(nlp):
    text = "7월에도 항저우 샤오산 공항에서 비행체가 탐지돼 공항이 폐쇄되었다. 공항 당국은 조사에 나섰다."
    assert not {t for t, label in entities(nlp, text) if label == "PS"}
    # a name Kiwi reads as an unknown common noun, or cuts into single letters, stays a person
    assert ("김도윤", "PS") in entities(nlp, "김도윤 새벽AI 대표는 이렇게 말했다.")
    assert ("오민석", "PS") in entities(nlp, "개표 결과 새빛당의 오민석 후보가 당선됐다.")


def test_agencies_quoted_products_and_companies_after_a_country(nlp):
    got = entities(nlp, "한국 누리식품안전청은 미국 켈리오사의 ‘바삭 칩스(Crispy-Chips)’ 제품을 판매금지했다.")
    # an agency written in full (…안전청); a quoted name before 제품 is a product
    assert {("누리식품안전청", "OG"), ("바삭 칩스(Crispy-Chips)", "AF")} <= got
    # the model's 미국 켈리오사 loses the country to a rule and keeps the company; 미국 RSA사 likewise
    assert ("켈리오사", "OG") in got and ("미국", "LC") in got
    assert ("RSA사", "OG") in entities(nlp, "미국 RSA사의 정보가 유출됐다.")
    # the model's organisation running left of a rule's on a word boundary keeps its beginning
    assert ("롯데마트 사업본부", "OG") in entities(nlp, "롯데마트 사업본부가 과자를 수입했다.")


def test_a_name_mostly_a_person_is_one_everywhere_and_quoted_services_are_products(nlp):
    text = ("오거돈 전 부산시장이 사퇴했다. 오거돈은 펜션에 머물렀다. 경찰은 아직 오거돈을 소환하지 않았다. "
            "짐은 해운대구 오거돈의 저택으로 옮겼다.")
    assert {label for name, label in entities(nlp, text) if name == "오거돈"} == {"PS"}
    assert ("한빛 소프트웨어", "AF") in entities(nlp, "한빛은 '한빛 소프트웨어' 서비스를 종료한다고 밝혔다.")


def test_universities_vehicles_candidates_and_quoted_venues(nlp):
    assert ("컬럼비아 대학", "OG") in entities(nlp, "컬럼비아 대학과 미국 항공우주국(NASA)의 공동연구 결과다.")
    assert ("아리온호", "AF") in entities(nlp, "대한민국 첫 우주발사체 아리온호가 성공적으로 발사되었다.")
    got = entities(nlp, "공화당 대선 후보 도널드 트럼프가 계약을 맺었다.")
    assert ("공화당", "OG") in got and not any(label == "EV" for _, label in got)
    got = entities(nlp, "워싱턴에 있는 '누리 인터내셔널 호텔'의 정문에 낙서가 생겼다.")
    assert ("누리 인터내셔널 호텔", "LC") in got
    # a quoted office is no venue, quoted works are no corporation (공사)
    got = entities(nlp, "서울시는 '세종대왕 동상 보수 공사'를 시작했다.")
    assert not any(label == "OG" for _, label in got)
    assert not any(name == "http" for name, _ in entities(nlp, "자세한 정보는 http://ip.kisa.or.kr에서 얻을 수 있다."))


def test_withheld_names_clubs_and_dates_before_bu(nlp):
    got = entities(nlp, "도로명주소가 2014년 1월 1일부로 시행됐다. 택시기사 김 모씨는 어렵다고 했다.")
    assert not any(label in ("OG", "PS") for _, label in got)
    got = entities(nlp, "발렌시아 CF와 아스널 FC와의 친선 경기가 열렸다.")
    assert {("발렌시아 CF", "OG"), ("아스널 FC", "OG")} <= got


def test_a_word_after_an_opening_quote_and_short_compounds_with_a_company_ending(nlp):
    got = entities(nlp, "정부는 “누리안보정상회의와 한미 정상회담에서 밝혔다”고 분석했다.")
    assert ("누리안보정상회의", "EV") in got
    assert ("누리홀딩스", "OG") in entities(nlp, "변호사비 명목으로 누리홀딩스 회삿돈 2000만 원을 빼돌렸다.")


def test_governments_groups_clubs_and_courts(nlp):
    assert ("대한민국 정부", "OG") in entities(nlp, "대한민국 정부는 이번 발사를 규탄했다.")
    assert ("버닝썬", "OG") in entities(nlp, "클럽 버닝썬의 자금을 횡령했다.")
    assert ("한빛지법", "OG") in entities(nlp, "이사회 결정이 무효라며 한빛지법에 효력 정지를 구했다.")


def test_an_acronym_in_brackets_stays_inside_an_events_name(nlp):
    got = entities(nlp, "헤이그에서 열린 제17차 누리무기금지협약(NWC) 총회에서 선출되었다.")
    assert ("제17차 누리무기금지협약(NWC) 총회", "EV") in got


def test_settlements_by_their_kind_and_forces_after_adverbs(nlp):
    assert ("스비보드진", "LC") in entities(nlp, "폴란드의 한 작은 도시 스비보드진에 동상이 세워졌다.")
    got = entities(nlp, "당초 경찰은 민주노총의 집회를 허가했다.")
    assert ("경찰", "OG") in got and ("당초 경찰", "OG") not in got


def rules_on(nlp, text: str, model_spans: list[tuple[str, str]], klue: bool = False) -> set[tuple[str, str]]:
    """The rule component alone on ``text``, given what a model might have found (text, label): the
    rules must repair a model's slips whatever model ships. ``klue``: the KLUE view (``spans["ner"]``)."""
    doc = nlp.make_doc(text)
    spans, at = [], 0
    for part, label in model_spans:
        start = text.index(part, at)
        spans.append(doc.char_span(start, start + len(part), label=label))
        at = start + len(part)
    doc.ents = spans
    doc = nlp.get_pipe("kg_entity_rules")(doc)
    return {(e.text, e.label_) for e in (doc.spans["ner"] if klue else doc.ents)}


@pytest.mark.parametrize(("text", "model_spans", "expected"), [
    # a surname alone, cut from the rest of its word; a given name alone, cut from its surname
    ("박칼린은 뮤지컬 음악 감독이다.", [("박", "PS")], {("박칼린", "PS")}),
    ("다른 손님과 시비가 붙자 이를 유인석 전 대표에게 알렸다.", [("석", "PS")], {("유인석", "PS")}),
    # a group before a member's title, read as a person
    ("그룹 누리밴드 전 멤버 루카스가 말했다.", [("누리밴드", "PS"), ("멤버", "CV"), ("루카스", "PS")],
     {("누리밴드", "OG"), ("루카스", "PS")}),
    # a name Kiwi knows, read into the organisation before a title
    ("문형표 보건복지부 장관이 왔다.", [("문형표 보건복지부", "OG")], {("문형표", "PS"), ("보건복지부", "OG")}),
    # a one-letter country is a place, no organisation one is a member of
    ("트럼프 미 대통령이 말했다.", [("트럼프", "PS"), ("미", "OG")], {("미", "LC")}),
    # a number the model cut out of an event's name; a country whose name is two words
    ("트리니다드 토바고에서 열린 2010년 FIFA U-17 여자 월드컵에서 우승했다.",
     [("트리니다드 토바고", "LC"), ("17 여자", "QT")],
     {("트리니다드 토바고", "LC"), ("2010년 FIFA U-17 여자 월드컵", "EV")}),
    # an anniversary the model read as a date
    ("한빛재단은 창립 10주년 기념행사를 열었다.", [("창립 10주년", "DT")], {("창립 10주년 기념행사", "EV")}),
    # a company form the model took for a person
    ("모노리서치는 조사 결과를 발표했다.", [("모노리서치", "PS")], {("모노리서치", "OG")}),
    # a company read as a person before a title and a full name
    ("누리북 CEO 세라 밀러는 답하지 않았다.", [("누리북", "PS"), ("CEO", "CV"), ("세라 밀러", "PS")],
     {("누리북", "OG"), ("세라 밀러", "PS")}),
    # a name whose last word is one for a place or a news agency names no person
    ("승객들은 볼테르비아 국제공항으로 옮겨졌다고 누리스탄 통신이 전했다.",
     [("볼테르비아 국제공항", "PS"), ("누리스탄 통신", "PS")],
     {("볼테르비아 국제공항", "LC"), ("누리스탄 통신", "OG")}),
    # a ministry right after its country; not a part of a country
    ("러시아 외무부는 항의했고 아이티 북서부는 침수됐다.", [("러시아", "LC"), ("아이티", "LC")],
     {("외무부", "OG"), ("러시아", "LC")}),
    # a metropolitan district and a North Korean province are places
    ("주민들은 강동구와 황해북도를 오갔다.", [("강동구", "PS"), ("황해북도", "PS")], {("강동구", "LC"), ("황해북도", "LC")}),
])
def test_rules_repair_model_slips(nlp, text, model_spans, expected):
    assert expected <= rules_on(nlp, text, model_spans)


def test_a_weather_warning_is_no_position(nlp):
    got = entities(nlp, "전국 대부분 지방으로 태풍특보가 확대될 전망이다.")
    assert not any(label == "CV" for _, label in got)
    assert ("특보", "CV") in entities(nlp, "대통령 특보 김민수는 회의에 참석했다.")


def test_where_something_is_held_is_a_venue(nlp):
    assert ("국회 비상대책위원장실", "LC") in entities(nlp, "한나라당은 국회 비상대책위원장실에서 열린 비상대책위원회의에서 합의하였다.")
    assert ("인천SK행복드림구장", "LC") in entities(nlp, "1, 2차전은 인천SK행복드림구장에서 개최되었다.")
    # (a common noun is no venue's name)
    assert not any(label == "LC" for _, label in entities(nlp, "사고 현장에서 열린 추모식에 참석했다."))


def test_a_word_of_time_ends_what_was_held(nlp):
    got = entities(nlp, "최연혜 사장은 어제 국회에서 열린 새누리당 최고위원회의 직후 기자들과 만났다.")
    assert ("새누리당 최고위원회의", "EV") in got
    assert not any("기자들" in text for text, _ in got)


@pytest.mark.parametrize("text,name", [("김민수와 ㈜누리텔레콤 박준호 대표가 만났다.", "㈜누리텔레콤"),
                                       ("김민수와 (주)누리텔레콤 박준호 대표가 만났다.", "(주)누리텔레콤"),
                                       ("김민수와 누리텔레콤(주) 박준호 대표가 만났다.", "누리텔레콤(주)")])
def test_a_company_form_written_together_with_the_name(nlp, text, name):
    got = entities(nlp, text)
    assert (name, "OG") in got
    assert ("박준호", "PS") in got and ("대표", "CV") in got


def test_a_name_glossed_in_its_own_script_after_a_title(nlp):
    got = entities(nlp, "누리 학원의 학생회장인 미나세 하루카(水瀬 ハルカ), 부회장인 키리타니 소라(桐谷 ソラ)가 등장한다.")
    assert {("미나세 하루카", "PS"), ("키리타니 소라", "PS")} <= got
    # a place glossed after a word that is no title stays what it was
    assert not any(label == "PS" for _, label in entities(nlp, "수도인 도쿄(東京)에서 회의가 열렸다."))


def test_a_road_is_a_place(nlp):
    # (a model may read 한강대로 as a university's name, 세종대로 as a person)
    got = rules_on(nlp, "한강대로와 세종대로 일대에서 집회가 열렸다.", [("한강대로", "OG"), ("세종대로", "PS")])
    assert {("한강대로", "LC"), ("세종대로", "LC")} <= got


def test_a_known_name_in_two_words_is_one_entity(nlp):
    assert ("유엔 안보리", "OG") in entities(nlp, "북한의 미사일 발사는 유엔 안보리 결의를 위반한 것이다.")


def test_the_klue_view_settles_offices_and_places_by_their_words(nlp):
    got = rules_on(nlp, "A씨는 수원지법 평택지원에 신청을 냈고 나이지리아로 떠났다.",
                   [("수원지법 평택지원", "LC"), ("나이지리아", "PS")], klue=True)
    assert got == {("수원지법 평택지원", "OG"), ("나이지리아", "LC")}
    # a person's name that ends like an office, a region, an address stay as the model read them
    model = [("하지원", "PS"), ("경기 북부", "LC"), ("서초동 서울중앙지방법원", "LC")]
    assert rules_on(nlp, "하지원 씨는 경기 북부와 서초동 서울중앙지방법원에 갔다.", model, klue=True) == set(model)


def test_a_name_one_goes_by_and_the_real_name_in_brackets(nlp):
    got = entities(nlp, "가수 한별(본명 김한별·32)이 신곡을 발표했다.")
    assert {("한별", "PS"), ("김한별", "PS")} <= got
    assert not any(label == "AF" for _, label in got)


def test_a_list_of_places_read_as_one_name_is_split(nlp):
    assert {("청원군", "LC"), ("천안시", "LC"), ("연기군", "LC")} <= entities(nlp, "기능지구는 청원군·천안시·연기군으로 결정했다.")


def test_a_name_before_a_word_for_a_weapon_or_vehicle_is_a_product(nlp):
    got = entities(nlp, "그는 당시 AR-15 소총과 글록 권총을 소지하고 있었다.")
    assert {("AR-15", "AF"), ("글록", "AF")} <= got
    # (a country or a maker before the word names who has it, not the thing)
    got = entities(nlp, "북한 미사일 발사에 대응해 미국 전투기와 대한항공 여객기가 떴다.")
    assert not any(label == "AF" for _, label in got)


def test_a_quoted_name_spelt_out_in_latin_is_one_person(nlp):
    assert ("마이클 존 무어", "PS") in entities(nlp, "용의자는 ‘마이클 존 무어’(Michael John Moore, 40세)로 확인됐다.")


def test_a_known_name_of_several_words_is_found_however_kiwi_cuts_it(nlp):
    # (Kiwi reads 도이체 here as 도/JX + 이/MM + 체/NNB, and 벨레는 as 벨/MM + 레 + 는)
    assert ("도이체 벨레", "OG") in entities(nlp, "독일의 해외 송출 공영 방송 도이체 벨레는 지난달 기사를 보도했다.")


def test_a_one_word_office_is_an_organisation(nlp):
    got = entities(nlp, "부산중앙지법 형사합의 12-1부(부장 김도윤)는 피고인에게 징역 3년을 선고했다.")
    assert ("부산중앙지법", "OG") in got
    assert ("대전경찰청", "OG") in entities(nlp, "박하준 대전경찰청장은 대전경찰청이 단속에 나선다고 말했다.")
    assert ("한국면세뉴스", "OG") in entities(nlp, "한국면세뉴스에 따르면 서울 일대에서 벌레떼가 나타났다.")


def test_a_name_glossed_with_its_web_address_is_an_organisation(nlp):
    assert ("누리잡", "OG") in entities(nlp, "온라인 취업포털 누리잡(www.nurijob.co.kr)이 기업 519개사를 조사했다.")
    # (a common noun glossed so is no name)
    assert not any(t == "포털" for t, _ in entities(nlp, "자세한 내용은 포털(www.nuri.go.kr)에서 볼 수 있다."))


def test_a_named_typhoon_is_an_event(nlp):
    assert ("제12호 태풍 누리호", "EV") in entities(nlp, "한편 제12호 태풍 누리호는 어제 낮 남해안에 상륙했다.")
    assert ("태풍 '한빛'", "EV") in entities(nlp, "초강력 태풍 '한빛'이 25일 북상하고 있다.")
    # (what follows 태풍 as a common noun names none)
    assert not any(label == "EV" and "경보" in text for text, label in entities(nlp, "태풍 경보가 발령됐다."))


def test_a_named_law_bill_budget_or_treaty_is_a_product(nlp):
    assert ("청년창업지원법", "AF") in entities(nlp, "국회는 어제 청년창업지원법 개정안을 처리했다.")
    assert ("우주자원개발협약", "AF") in entities(nlp, "정부는 우주자원개발협약에 서명하기로 했다.")
    # a head that names no law alone takes the name or year before it
    assert ("누리호 특별법", "AF") in entities(nlp, "유가족들은 누리호 특별법 제정을 요구했다.")
    assert ("2031년 예산안", "AF") in entities(nlp, "여야는 2031년 예산안 처리에 합의했다.")
    assert ("청년창업지원법", "AF") in entities(nlp, "이는 청년창업지원법상의 절차를 어긴 것이다.")
    assert ("누리교통법시행령", "AF") in entities(nlp, "누리교통법시행령 개정으로 속도가 바뀐다.")
    # (not a place or an organisation written before it, nor a generic head or a method alone)
    got = entities(nlp, "스페인 저작권법이 바뀌자 야당은 특별법 제정을 촉구했고, 노인들은 스마트폰 사용법을 배웠다.")
    assert ("스페인", "LC") in got and ("저작권법", "AF") in got
    assert not any(label == "AF" and ("특별법" in text or "사용법" in text) for text, label in got)


def test_korean_cities_and_counties_are_places(nlp):
    got = entities(nlp, "폭우로 당진, 서천, 홍성 등 충남 서해안 시군에 피해가 컸다.")
    assert {("당진", "LC"), ("서천", "LC"), ("홍성", "LC")} <= got
    assert ("부천시", "LC") in entities(nlp, "부천시에 사는 김모씨가 신고했다.")
    # (a name that is also a common word is a place only with its unit: 예산 is a budget)
    assert not any(label == "LC" for _, label in entities(nlp, "정부는 예산 편성을 마쳤다."))
    # (and 한국군 is an army)
    assert ("한국군", "LC") not in entities(nlp, "한국군은 훈련을 마쳤다.")


def test_a_name_glossed_in_chinese_characters_is_the_person(nlp):
    got = entities(nlp, "회의에는 오가와 다쿠미(小川拓海) 도쿄대 교수와 왕리핑(王力平) 연구소장이 참석했다.")
    assert {("오가와 다쿠미", "PS"), ("왕리핑", "PS")} <= got
    assert not any(any("\u4e00" <= c <= "\u9fff" for c in text) for text, _ in got)
    # (a common word that ends like a title is none)
    assert not any(label == "CV" for _, label in entities(nlp, "인근 공사장과 백사장에서 근현대사 유물이 나왔다."))
