"""The real article the project started from (copyrighted: read from ../shared, never copied)."""

from __future__ import annotations

import pytest
from conftest import SEED, need_shared

from kg.builder import build
from kg.query import run_query
from kg.store import EmbeddedStore


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, nlp):
    need_shared(SEED)
    store = EmbeddedStore(tmp_path_factory.mktemp("seed") / "store")
    report = build([SEED], store, nlp=nlp)
    assert report.failures == [] and report.articles == 1
    return store


def pairs(store, relation):
    q = f"SELECT ?s ?o WHERE {{ ?a kg:{relation} ?b . ?a rdfs:label ?s . OPTIONAL {{ ?b rdfs:label ?l }} BIND(COALESCE(?l, STR(?b)) AS ?o) }}"
    return {(s.value, o.value) for s, o in run_query(store, q).rows()[1]}


def test_minister_attended_the_meeting(seed_store):
    attended = pairs(seed_store, "attended")
    assert any(who == "이종호" and "간담회" in event for who, event in attended)


def test_four_startups_demonstrated_their_products(seed_store):
    assert {("베어로보틱스", "서빙로봇"), ("4D리플레이", "스포츠영상제작"), ("스트라티오", "AI의약품검사"),
            ("원더풀플랫폼", "돌봄로봇")} <= pairs(seed_store, "demonstrated")


def test_positions_membership_organisers_venue_date_quote(seed_store):
    assert ("이종호", "장관") in pairs(seed_store, "holdsPosition")
    assert ("이종호", "과학기술정보통신부") in pairs(seed_store, "memberOf")
    organisers = {s for s, _ in pairs(seed_store, "organized")}
    assert {"과학기술정보통신부", "중소벤처기업부"} <= organisers
    assert any(place == "KIC실리콘밸리" for _, place in pairs(seed_store, "locatedIn"))
    assert any(date == "2022-09-18" for _, date in pairs(seed_store, "date"))
    assert any(who == "이종호" and "결실" in quote for who, quote in pairs(seed_store, "said"))


def test_boilerplate_is_not_in_the_graph(seed_store):
    labels = {row[0].value for row in run_query(seed_store, "SELECT ?l WHERE { ?x rdfs:label ?l }").rows()[1]}
    assert not any("댓글" in label or "등록번호" in label for label in labels)
    meta = run_query(seed_store, "SELECT ?d ?au WHERE { ?a schema:datePublished ?d ; schema:author ?au }").rows()[1]
    assert [(d.value, au.value) for d, au in meta] == [("2022-09-19", "최아름")]
