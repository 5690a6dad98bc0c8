"""Entity resolution: one node per entity across articles, aliases merged, persons merged only with context."""

from __future__ import annotations

import unicodedata

from kg.extract.records import Extraction, Fact, Mention
from kg.ingest import Article
from kg.resolve import resolve
from kg.resolve.iri import entity_iri
from kg.resolve.resolver import clean_name


def _person_article(aid: str, name: str, position: str | None = None, org: str | None = None,
                    event: str = "스타트업 간담회"):
    text = f"{name} {org or ''} {position or ''}이 {event}에 참석했다."
    person = Mention(name, "Person", 0, len(name))
    ev = Mention(event, "Event", 10, 10 + len(event))
    facts = [Fact(person, "attended", ev, text, 0, len(text), "test", 0.9)]
    mentions = [person, ev]
    if position:
        pos = Mention(position, "Position", 5, 5 + len(position))
        facts.append(Fact(person, "holdsPosition", pos, text, 0, len(text), "apposition", 0.9))
        mentions.append(pos)
    if org:
        o = Mention(org, "Organization", 3, 3 + len(org))
        facts.append(Fact(person, "memberOf", o, text, 0, len(text), "apposition", 0.85))
        mentions.append(o)
    return resolve(Article(id=aid, text=text), Extraction(mentions=mentions, facts=facts))


def _iri_of(res, label: str, cls: str = "Person") -> str:
    (iri,) = [n.iri for n in res.nodes.values() if n.label == label and n.cls == cls]
    return iri


def test_same_person_with_same_position_merges_across_articles():
    a = _person_article("a1", "이종호", "장관", "과학기술정보통신부")
    b = _person_article("b1", "이종호는", "장관", "과기정통부")
    assert _iri_of(a, "이종호") == _iri_of(b, "이종호")
    # the organisation is one node too, under its canonical name, the short form kept
    assert _iri_of(a, "과학기술정보통신부", "Organization") == _iri_of(b, "과학기술정보통신부", "Organization")
    org = next(n for n in b.nodes.values() if n.cls == "Organization")
    assert "과기정통부" in org.alt_labels


def test_same_person_with_same_organisation_and_no_position_merges():
    a = _person_article("a2", "김민수", org="삼성전자")
    b = _person_article("b2", "김민수", org="삼성전자")
    assert _iri_of(a, "김민수") == _iri_of(b, "김민수")


def test_same_name_different_context_does_not_merge():
    minister = _person_article("a3", "이종호", "장관", "과학기술정보통신부")
    reporter = _person_article("b3", "이종호", "기자", "테크데일리")
    assert _iri_of(minister, "이종호") != _iri_of(reporter, "이종호")
    other_org = _person_article("c3", "김민수", org="LG전자")
    assert _iri_of(other_org, "김민수") != _iri_of(_person_article("d3", "김민수", org="삼성전자"), "김민수")


def test_same_name_without_context_stays_in_its_article():
    a = _person_article("a4", "박지훈")
    b = _person_article("b4", "박지훈")
    assert _iri_of(a, "박지훈") != _iri_of(b, "박지훈")
    # ... and is stable for its article across runs
    assert _iri_of(a, "박지훈") == _iri_of(_person_article("a4", "박지훈"), "박지훈")


def test_type_must_agree():
    person = _person_article("a5", "한빛", "대표")
    org = resolve(Article(id="b5", text="한빛이 투자했다."),
                  Extraction(mentions=[Mention("한빛", "Organization", 0, 2)]))
    assert _iri_of(person, "한빛") != _iri_of(org, "한빛", "Organization")


def test_in_article_alias_and_gazetteer_merge():
    full = Mention("한국전자통신연구원", "Organization", 0, 9)
    short = Mention("ETRI는", "Organization", 20, 25)
    res = resolve(Article(id="a6", text="x"),
                  Extraction(mentions=[full, short], aliases=[("한국전자통신연구원", "ETRI")]))
    (node,) = res.nodes.values()
    assert node.label == "한국전자통신연구원" and "ETRI" in node.alt_labels
    # gazetteer: 과기정통부 in one article, 과학기술정보통신부 in another — one IRI
    a = resolve(Article(id="a7", text="x"), Extraction(mentions=[Mention("과기정통부는", "Organization", 0, 6)]))
    b = resolve(Article(id="b7", text="x"), Extraction(mentions=[Mention("과학기술정보통신부", "Organization", 0, 9)]))
    assert list(a.nodes) == list(b.nodes) == [entity_iri("Organization", "과학기술정보통신부")]


def test_every_surface_form_is_kept_as_alt_label():
    ms = [Mention(t, "Organization", i, i + 3) for i, t in enumerate(["중기부는", "중소벤처기업부를", "중소기업청"])]
    (node,) = resolve(Article(id="a8", text="x"), Extraction(mentions=ms)).nodes.values()
    assert node.label == "중소벤처기업부"
    assert {"중기부", "중소기업청"} <= node.alt_labels


def test_particles_stripped_but_names_kept():
    assert clean_name("이종호는") == "이종호"
    assert clean_name("‘새벽AI’와") == "새벽AI"
    assert clean_name("삼성전자를") == "삼성전자"
    assert clean_name("서울에서") == "서울"
    # a final syllable that is part of the name is not a particle (은 needs a final consonant before it)
    assert clean_name("김지은") == "김지은"
    assert clean_name("박하은을") == "박하은"
    assert clean_name("경기도") == "경기도"
    # 은/과/로 end names far more often than they are left on one: 김정은, 위키백과, 카이로, 세종대로
    for name in ("김정은", "위키백과", "카이로", "세종대로", "피델 카스트로"):
        assert clean_name(name) == name


def test_nfd_input_resolves_to_the_same_node():
    nfd = unicodedata.normalize("NFD", "과학기술정보통신부")
    res = resolve(Article(id="a9", text="x"), Extraction(mentions=[Mention(nfd, "Organization", 0, 9)]))
    assert list(res.nodes) == [entity_iri("Organization", "과학기술정보통신부")]


def test_examples_share_nodes_across_articles(example_store):
    """In the built examples, an entity named by several articles is one node mentioned in each."""
    rows = list(example_store.query(
        "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e <https://w3id.org/kg/ontology#mentionedIn> ?a } "
        "GROUP BY ?e HAVING (COUNT(DISTINCT ?a) > 1)"))
    assert rows, "no entity is shared between example articles"
    # no two nodes of one class share a canonical label unless they are article-local persons/events
    dupes = list(example_store.query("""
        SELECT ?l ?c WHERE { ?x a ?c ; <http://www.w3.org/2000/01/rdf-schema#label> ?l .
                             ?y a ?c ; <http://www.w3.org/2000/01/rdf-schema#label> ?l .
          FILTER(?x != ?y && ?c NOT IN (<https://w3id.org/kg/ontology#Person>, <https://w3id.org/kg/ontology#Event>)) }"""))
    assert dupes == []


def test_two_mentions_of_one_node_give_one_fact():
    # 월드컵 twice in one sentence, both read as the object of the same predicate: one fact, not two.
    text = "서독은 월드컵에서 우승했고 월드컵 우승팀이 되었다."
    team = Mention("서독", "Organization", 0, 2)
    cup1, cup2 = Mention("월드컵", "Event", 4, 7), Mention("월드컵", "Event", 17, 20)
    facts = [Fact(team, "won", cup, text, 0, len(text), "test", 0.8) for cup in (cup1, cup2)]
    res = resolve(Article(id="w1", text=text), Extraction(mentions=[team, cup1, cup2], facts=facts))
    assert [(f.relation, f.obj) for f in res.facts] == [("won", _iri_of(res, "월드컵", "Event"))]


def test_a_slot_only_an_organisation_fills_decides_the_class():
    # The model calls 에코랩 a person three times, but 이나래 is a member of it: it is an organisation.
    text = "에코랩은 성장했다. 에코랩이 투자를 받았다. 에코랩 소식. 이나래 에코랩 대표가 말했다."
    people = [Mention("에코랩", "Person", i, i + 3) for i in (0, 11, 24)]
    org, ceo = Mention("에코랩", "Organization", 35, 38), Mention("이나래", "Person", 31, 34)
    fact = Fact(ceo, "memberOf", org, text, 31, 38, "apposition", 0.85)
    res = resolve(Article(id="e1", text=text), Extraction(mentions=[*people, org, ceo], facts=[fact]))
    assert {n.cls for n in res.nodes.values() if n.label == "에코랩"} == {"Organization"}


def _people(aid: str, *names: str):
    text = " ".join(names)
    mentions, pos = [], 0
    for name in names:
        mentions.append(Mention(name, "Person", pos, pos + len(name)))
        pos += len(name) + 1
    return resolve(Article(id=aid, text=text), Extraction(mentions=mentions, facts=[]))


def test_a_last_name_names_the_one_full_name_it_ends():
    res = _people("t1", "도널드 트럼프", "트럼프")
    assert [n.label for n in res.nodes.values()] == ["도널드 트럼프"]
    # two full names end so: the last name alone stays its own node
    res = _people("t2", "도널드 트럼프", "이방카 트럼프", "트럼프")
    assert sorted(n.label for n in res.nodes.values()) == ["도널드 트럼프", "이방카 트럼프", "트럼프"]


def test_a_one_letter_last_name_joins_the_full_name_unless_it_is_a_korean_surname():
    from kg.extract.records import Extraction, Mention
    from kg.ingest import Article
    from kg.resolve import resolve

    text = "팀 쿡은 … 쿡이 … 박 대통령 … 이민호 박"
    mentions = [Mention("팀 쿡", "Person", 0, 4), Mention("쿡", "Person", 8, 9),
                Mention("이민호 박", "Person", 18, 23), Mention("박", "Person", 12, 13)]
    res = resolve(Article(id="a", text=text), Extraction(mentions=mentions))
    labels = sorted(n.label for n in res.nodes.values())
    assert "쿡" not in labels and "팀 쿡" in labels
    assert "박" in labels  # a Korean surname alone stays its own mention


def _mentions(text: str, *spans: tuple[str, str]) -> list[Mention]:
    out, pos = [], 0
    for name, cls in spans:
        start = text.index(name, pos)
        out.append(Mention(name, cls, start, start + len(name)))
        pos = start + len(name)
    return out


def test_an_organisation_after_a_country_keeps_that_name_and_two_countries_make_two():
    text = "미국 국무부는 성명을 냈다. 국무부는 우려를 표했다."
    res = resolve(Article(id="q1", text=text), Extraction(mentions=_mentions(
        text, ("미국", "Place"), ("국무부", "Organization"), ("국무부", "Organization"))))
    (node,) = [n for n in res.nodes.values() if n.cls == "Organization"]
    assert node.label == "국무부" and "미국 국무부" in node.alt_labels
    text = "중국 외교부 대변인은 반박했다. 대한민국 외교부는 항의했다."
    res = resolve(Article(id="q2", text=text), Extraction(mentions=_mentions(
        text, ("중국", "Place"), ("외교부", "Organization"), ("대한민국", "Place"), ("외교부", "Organization"))))
    assert {n.label for n in res.nodes.values() if n.cls == "Organization"} == {"중국 외교부", "대한민국 외교부"}


def test_where_an_event_was_held_is_a_place_and_the_body_an_organisation():
    text = "국회에서 열린 청문회가 끝났다. 국회는 법안을 통과시켰다."
    venue, hearing = Mention("국회", "Organization", 0, 2), Mention("청문회", "Event", 8, 11)
    body, bill = Mention("국회", "Organization", 18, 20), Mention("법안", "Product", 22, 24)
    facts = [Fact(hearing, "locatedIn", venue, text, 0, 17, "test", 0.8),
             Fact(body, "announced", bill, text, 18, len(text), "test", 0.8)]
    res = resolve(Article(id="v1", text=text), Extraction(mentions=[venue, hearing, body, bill], facts=facts))
    classes = {n.cls for n in res.nodes.values() if n.label == "국회"}
    assert classes == {"Place", "Organization"}
    (held,) = [f for f in res.facts if f.relation == "locatedIn"]
    assert res.nodes[held.obj].cls == "Place"


def test_a_real_name_in_brackets_is_the_same_person(nlp):
    from kg.extract import extract

    text = "그룹 누리 전 멤버 승리(본명 이승현·32)가 징역을 확정받았다. 이승현은 2020년 1월에 기소됐다."
    art = Article(id="r1", text=text, date="2022-05-26")
    people = [n for n in resolve(art, extract(nlp(text), art)).nodes.values() if n.cls == "Person"]
    assert [(n.label, n.alt_labels) for n in people] == [("승리", {"이승현"})]


def test_a_surname_alone_names_the_one_person_of_the_article_it_begins():
    text = "김도윤 지사가 사과했다. 김 지사의 아들은 박하준과 박서준을 만났다. 박 씨는 말이 없었다."
    mentions = [Mention("김도윤", "Person", 0, 3), Mention("김", "Person", 14, 15),
                Mention("박하준", "Person", 25, 28), Mention("박서준", "Person", 30, 33), Mention("박", "Person", 40, 41)]
    res = resolve(Article(id="s1", text=text), Extraction(mentions=mentions, facts=[]))
    people = sorted(n.label for n in res.nodes.values() if n.cls == "Person")
    # (박 begins two names: it stays a name of its own)
    assert people == ["김도윤", "박", "박서준", "박하준"]
    assert "김" in next(n for n in res.nodes.values() if n.label == "김도윤").alt_labels
