"""kg.query: formats, row cap, time limit, syntax errors, the SERVICE/LOAD scanner and `kg query`."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError, QueryTimeout
from kg.query import format_result, run_query
from kg.query.safety import keywords, refused_keywords
from kg.store import EmbeddedStore

runner = CliRunner()
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "tsv": ox.QueryResultsFormat.TSV}
DATA = """INSERT DATA {
  <https://w3id.org/kg/id/person/a> a kg:Person ; rdfs:label "이종호"@ko ; kg:age 61 ; kg:note "tab\\there, \\"quoted\\", line\\nbreak" .
  <https://w3id.org/kg/id/person/b> a kg:Person ; rdfs:label "Kim </td><script>alert(1)</script> [bold]x" .
  <https://w3id.org/kg/id/org/c> a kg:Organization ; rdfs:label "과학기술정보통신부" ; kg:note "SERVICE <http://evil/> {}" .
  _:b1 rdfs:label "무명" .
}"""
PEOPLE = "SELECT ?p ?name ?age ?note WHERE { ?p rdfs:label ?name OPTIONAL { ?p kg:age ?age } OPTIONAL { ?p kg:note ?note } } ORDER BY ?name"


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    from kg.rdf.model import NS

    store = EmbeddedStore()
    store.oxigraph.update(DATA, prefixes=dict(NS))
    return store


@pytest.fixture(scope="module")
def slow_store():
    """200 triples: a three-way cross product is 8 million rows, seconds of work."""
    store = EmbeddedStore()
    store.oxigraph.extend([ox.Quad(ox.NamedNode(f"http://x/s{i}"), ox.NamedNode("http://x/p"), ox.Literal(str(i)),
                                   ox.DefaultGraph()) for i in range(200)])
    return store


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory):
    return make_disk_store(tmp_path_factory.mktemp("q") / "store")


def make_disk_store(path):
    """A small store on disk, closed again so that `kg query` (here or in a subprocess) can open it."""
    import gc

    from kg.rdf.model import NS

    store = EmbeddedStore(path)
    store.oxigraph.update(DATA, prefixes=dict(NS))
    store.oxigraph.extend([ox.Quad(ox.NamedNode(f"http://x/s{i}"), ox.NamedNode("http://x/p"), ox.Literal(str(i)),
                                   ox.DefaultGraph()) for i in range(200)])
    store.flush()
    del store
    gc.collect()
    return path


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_result_formats_round_trip_exactly(small, fmt):
    result = run_query(small, PEOPLE)
    expected = [[t for t in row] for row in result.rows()[1]]
    parsed = ox.parse_query_results(format_result(result, fmt).encode("utf8"), format=RESULT_FORMATS[fmt])
    variables = [v.value for v in parsed.variables]
    assert variables == ["p", "name", "age", "note"]
    got = [[s[v] for v in variables] for s in parsed]
    # Blank node labels are the parser's own; everything else comes back term for term.
    norm = lambda rows: [[None if isinstance(t, ox.BlankNode) else t for t in r] for r in rows]  # noqa: E731
    assert norm(got) == norm(expected) and len(got) == 4


def test_json_is_sparql_results_json(small):
    data = json.loads(format_result(run_query(small, PEOPLE), "json"))
    assert data["head"]["vars"] == ["p", "name", "age", "note"]
    first = data["results"]["bindings"][0]
    assert "age" not in first or first["age"]["datatype"].endswith("#integer")
    korean = [b for b in data["results"]["bindings"] if b["name"]["value"] == "이종호"][0]
    assert korean["name"] == {"type": "literal", "value": "이종호", "xml:lang": "ko"}
    assert korean["p"] == {"type": "uri", "value": "https://w3id.org/kg/id/person/a"}
    assert json.loads(format_result(run_query(small, "ASK { ?s kg:age 61 }"), "json")) == {"head": {}, "boolean": True}


def test_csv_quotes_and_crlf(small):
    text = format_result(run_query(small, "SELECT ?note WHERE { ?p kg:note ?note } ORDER BY ?note"), "csv")
    assert text.startswith("note\r\n")
    assert '"tab\there, ""quoted"", line\nbreak"' in text


def test_table_lines_up_korean(small):
    text = format_result(run_query(small, "SELECT ?p ?name WHERE { ?p rdfs:label ?name } ORDER BY ?name"), "table")
    lines = text.splitlines()
    assert lines[-1] == "4 rows"
    widths = {cell_len(line) for line in lines[:-1]}
    assert len(widths) == 1, text  # every border and row is as wide on a terminal
    assert "과학기술정보통신부" in text and "[bold]x" in text  # rich markup is shown, not applied


def test_graph_formats(small):
    result = run_query(small, "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a kg:Person ; rdfs:label ?n }")
    assert result.kind == "graph" and len(result) == 2
    for fmt, rdf_format in (("turtle", ox.RdfFormat.TURTLE), ("ntriples", ox.RdfFormat.N_TRIPLES),
                            ("trig", ox.RdfFormat.TRIG)):
        triples = list(ox.parse(format_result(result, fmt).encode("utf8"), format=rdf_format))
        assert len(triples) == 2
    with pytest.raises(QueryError, match="SELECT/ASK"):
        format_result(result, "csv")


def test_limit_keeps_order_and_says_truncated(small):
    result = run_query(small, "SELECT ?name WHERE { ?p rdfs:label ?name } ORDER BY DESC(?name)", limit=2)
    assert result.truncated and result.limit == 2
    names = [row[0].value for row in result.rows()[1]]
    full = [row[0].value for row in run_query(small, "SELECT ?name WHERE { ?p rdfs:label ?name } ORDER BY DESC(?name)").rows()[1]]
    assert names == full[:2]
    assert not run_query(small, PEOPLE, limit=4).truncated


def test_syntax_error_positions_are_the_users(small):
    with pytest.raises(QueryError) as info:
        run_query(small, "SELECT ?x WHERE {\n  ?x ?y\n}")
    message = str(info.value)
    assert message.startswith("SPARQL syntax error at line 3, column") and "\n" not in message
    with pytest.raises(QueryError, match=r"line 1, column"):
        run_query(small, "SELEC ?x WHERE { ?x ?y ?z }")


def test_user_prefix_overrides_the_predeclared_one(small):
    rows = run_query(small, "PREFIX kg: <http://other/>\nSELECT ?p WHERE { ?p a kg:Person }").rows()[1]
    assert rows == []


def test_timeout_raises_quickly(slow_store):
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="time limit of 0.2 s"):
        run_query(slow_store, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", timeout=0.2)
    assert time.monotonic() - started < 1.5


def test_streaming_query_stops_at_the_deadline(slow_store):
    import threading

    slots = threading.BoundedSemaphore(1)
    with pytest.raises(QueryTimeout):
        run_query(slow_store, "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", timeout=0.2, slots=slots)
    # The abandoned evaluation sees the stop flag at its next row and gives its slot back.
    assert slots.acquire(timeout=3)
    slots.release()


@pytest.mark.parametrize("query, found", [
    ('SELECT * WHERE { ?s rdfs:label "SERVICE <http://x/> { }" }', set()),
    ("SELECT * WHERE { ?s rdfs:label '''a ' SERVICE \" <x:y> {}''' }", set()),
    ('SELECT * WHERE { ?s rdfs:label "say \\"SERVICE\\" <x:y> {}" }', set()),
    ("SELECT * WHERE { ?s ?p <http://x/SERVICE> } # SERVICE <http://evil/> {}", set()),
    ("SELECT ?service WHERE { ?service ex:service ?x . ?x service:a _:SERVICE }", set()),
    ('SELECT * WHERE { ?s ?p "x"@service }', set()),
    ("SELECT * WHERE { SERVICE <http://evil/> { ?s ?p ?o } }", {"SERVICE"}),
    ("select * where { service silent <http://evil/> { ?s ?p ?o } }", {"SERVICE"}),
    ("SELECT * WHERE { ?s ?p ?o.SERVICE<http://evil/>{?s ?p ?o} }", {"SERVICE"}),
    ("SELECT * WHERE { ?s ?p 'x'.SERVICE ?svc {?s ?p ?o} }", {"SERVICE"}),
    ("SELECT * WHERE { ?s ?p ex:it\\'s . SERVICE <http://evil/> {} . ?a ?b ex:c\\' }", {"SERVICE"}),
    ("SELECT * WHERE { ?s ?p ex:a\\# . SERVICE <http://evil/> {} }", {"SERVICE"}),
    ("SELECT * WHERE { \\u0053ERVICE <http://evil/> { ?s ?p ?o } }", {"SERVICE"}),
    ("LOAD <http://evil/data.ttl>", {"LOAD"}),
    ("INSERT DATA { <x:a> <x:b> 'LOAD <http://evil/>' }", set()),
])
def test_refused_keywords(query, found):
    assert refused_keywords(query) == found


def test_keywords_only_sees_tokens():
    assert keywords("SELECT ?insert WHERE { ?insert ex:delete 'INSERT' }", {"INSERT", "DELETE"}) == set()


# -- the command -----------------------------------------------------------------


def test_cli_limit_and_formats(disk_store):
    store = str(disk_store)
    q = "SELECT ?o WHERE { ?s <http://x/p> ?o } ORDER BY DESC(xsd:integer(?o))"
    result = runner.invoke(app, ["query", q, "--store", store, "--format", "csv", "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["o", "199", "198", "197"]
    assert "only the first 3 rows" in result.stderr
    data = json.loads(runner.invoke(app, ["query", q, "--store", store, "-f", "json"]).stdout)
    assert len(data["results"]["bindings"]) == 200
    xml = runner.invoke(app, ["query", "ASK { ?s ?p ?o }", "--store", store, "-f", "xml"]).stdout
    assert "<boolean>true</boolean>" in xml
    nt = runner.invoke(app, ["query", "DESCRIBE <https://w3id.org/kg/id/person/a>", "--store", store, "-f", "ntriples"]).stdout
    assert '"이종호"@ko' in nt
    bad = runner.invoke(app, ["query", q, "--store", store, "-f", "yaml"])
    assert bad.exit_code == 1 and "unknown format" in bad.stderr


def test_cli_syntax_error_is_one_line(disk_store):
    result = runner.invoke(app, ["query", "SELECT ?x WHERE {\n ?x ?y }", "--store", str(disk_store)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "line 2, column" in lines[0], result.stderr


def test_cli_timeout_in_a_real_process(tmp_path):
    """The abandoned evaluation does not keep the process alive."""
    disk_store = make_disk_store(tmp_path / "store")
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }",
         "--store", str(disk_store), "--timeout", "0.5"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "time limit of 0.5 s" in proc.stderr and proc.stderr.count("\n") == 1
    assert time.monotonic() - started < 30
