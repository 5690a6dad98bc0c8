"""The whole flow on the bundled examples: facts land in the real store and answer queries."""

from __future__ import annotations

from conftest import EXAMPLES

from kg.query import format_result, read_query, run_query


def answer(store, name):
    variables, rows = run_query(store, read_query(str(EXAMPLES / "queries" / name))).rows()
    return [{v: (t.value if t is not None else None) for v, t in zip(variables, row)} for row in rows]


def test_minister_attended_the_meeting(example_store):
    rows = answer(example_store, "attended.rq")
    assert {"who": "박서준", "event": "한-독 딥테크 스타트업 간담회"}.items() <= next(
        r for r in rows if r["who"] == "박서준").items()


def test_each_startup_demonstrated_its_product(example_store):
    pairs = {(r["company"], r["product"]) for r in answer(example_store, "demonstrated.rq")}
    assert {("누리로봇", "물류로봇"), ("에코셀", "차세대배터리"), ("하늘드론", "농업용드론")} <= pairs


def test_the_event_has_its_date_organisers_and_place(example_store):
    rows = [r for r in answer(example_store, "events_timeline.rq") if r["event"] == "한-독 딥테크 스타트업 간담회"]
    assert rows and rows[0]["date"] == "2024-05-13"
    assert set(rows[0]["organizers"].split(", ")) == {"산업통상자원부", "중소벤처기업부"}


def test_positions_and_memberships(example_store):
    rows = {r["person"]: r for r in answer(example_store, "positions.rq")}
    assert "장관" in rows["박서준"]["positions"]
    assert "산업통상자원부" in rows["박서준"]["organizations"]


def test_the_headline_question(example_store):
    rows = answer(example_store, "demos_at_minister_events.rq")
    assert {(r["minister"], r["company"], r["product"]) for r in rows} >= {("박서준", "에코셀", "차세대배터리")}


def test_every_example_query_runs_and_says_what_it_answers(example_store):
    queries = sorted((EXAMPLES / "queries").glob("*.rq"))
    assert len(queries) >= 5
    for path in queries:
        assert path.read_text("utf8").startswith("# "), f"{path.name} must start with a comment line"
        text = format_result(run_query(example_store, read_query(str(path))), "json")
        assert '"results"' in text


def test_negated_attendance_is_not_a_fact(example_store):
    # 03_battery_partnership.txt: 최강민 사장은 … 협약식에 참석하지 않은 박서준 … 장관에게
    rows = answer(example_store, "attended.rq")
    assert not any(r["who"] == "박서준" and r["event"] == "협약식" for r in rows)


def test_every_fact_has_provenance(example_store):
    missing = run_query(example_store, """
        SELECT (COUNT(?f) AS ?n) WHERE { ?f a kg:Fact .
          FILTER NOT EXISTS { ?f kg:sentence ?s ; kg:startChar ?a ; kg:endChar ?b ; kg:extractor ?x ;
                                 kg:confidence ?c ; prov:wasDerivedFrom ?art } }""").rows()[1]
    assert int(missing[0][0].value) == 0
