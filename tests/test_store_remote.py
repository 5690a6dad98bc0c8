"""RemoteStore against a real ``oxigraph serve`` (the binary of the ``oxigraph`` PyPI package)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from conftest import EXAMPLES

from kg.errors import QueryError, RdfSyntaxError, StoreError
from kg.query import run_query
from kg.store import graph_stats, remove_article
from kg.store.remote import RemoteStore, _endpoints


def _oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        pytest.skip("the oxigraph server binary (PyPI package `oxigraph`) is not installed")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(tmp_path_factory, *flags: str):
    binary = _oxigraph_binary()
    location = tmp_path_factory.mktemp("oxigraph-server")
    port = _free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", *flags],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(url + "/query", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"oxigraph serve did not start: {proc.stderr.read().decode(errors='replace')}")
        time.sleep(0.1)
    return proc, url


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``oxigraph serve --union-default-graph`` on a free port."""
    proc, url = _serve(tmp_path_factory, "--union-default-graph")
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def plain_server(tmp_path_factory):
    """``oxigraph serve`` without union: a generic endpoint whose default graph is its own."""
    proc, url = _serve(tmp_path_factory)
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def remote_examples(server, nlp):
    from kg.builder import build

    store = RemoteStore(server)
    report = build([EXAMPLES / "articles"], store, nlp=nlp)
    assert report.failures == [] and report.articles == 6
    return store


def _answers(store, name: str) -> list[tuple]:
    from kg.query import read_query

    _, rows = run_query(store, read_query(str(EXAMPLES / "queries" / name))).rows()
    return [tuple(None if t is None else str(t) for t in row) for row in rows]


@pytest.mark.parametrize("name", ["attended.rq", "demonstrated.rq", "demos_at_minister_events.rq", "positions.rq"])
def test_remote_answers_equal_embedded(remote_examples, example_store, name):
    remote = _answers(remote_examples, name)
    assert remote, name
    assert remote == _answers(example_store, name)


def test_remote_holds_the_same_quads(remote_examples, example_store):
    assert remote_examples.count_quads() == example_store.count_quads()
    assert set(remote_examples.graphs()) == set(example_store.graphs())
    assert set(remote_examples.quads()) == set(example_store.quads())


def test_remote_results_look_like_pyoxigraph(remote_examples):
    res = remote_examples.query("SELECT ?l WHERE { ?x a <https://w3id.org/kg/ontology#Person> ; "
                                "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l LIMIT 3")
    assert isinstance(res, ox.QuerySolutions)
    assert [v.value for v in res.variables] == ["l"]
    rows = list(res)
    assert rows and rows[0][0].language == "ko" and rows[0]["l"] == rows[0][0]
    assert bool(remote_examples.query("ASK { ?s a <https://schema.org/NewsArticle> }")) is True
    triples = remote_examples.query("CONSTRUCT { ?a a <https://schema.org/NewsArticle> } "
                                    "WHERE { ?a a <https://schema.org/NewsArticle> }")
    assert len(list(triples)) == 6
    assert graph_stats(remote_examples)["totals"][0] == ("articles", 6)


def test_rebuild_skips_and_reingest_replaces(remote_examples, nlp):
    from kg.builder import build

    before = set(remote_examples.quads())
    assert build([EXAMPLES / "articles"], remote_examples, nlp=nlp).skipped == 6
    assert build([EXAMPLES / "articles"], remote_examples, nlp=nlp, skip_unchanged=False).articles == 6
    assert set(remote_examples.quads()) == before


def test_remote_errors_are_clean(remote_examples, server):
    with pytest.raises(QueryError):
        remote_examples.query("SELEC ?x WHERE {")
    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore(f"http://127.0.0.1:{_free_port()}", timeout=2).count_quads()
    before = remote_examples.count_quads()
    bad = ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b"),
                  ox.Triple(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b"), ox.NamedNode("http://x/c")))
    g = next(iter(remote_examples.graphs()))
    with pytest.raises(StoreError):
        remote_examples.replace_graph(g, [bad])
    assert remote_examples.count_quads() == before


def test_remote_remove_dump_and_load(remote_examples, server, tmp_path):
    dump = tmp_path / "remote.nq"
    remote_examples.dump(dump)
    other = RemoteStore(server.rstrip("/") + "/query")  # query endpoint given: update is /update
    assert other.update_url.endswith("/update")
    assert remove_article(other, "example-esports")
    assert not remove_article(other, "example-esports")
    assert "https://w3id.org/kg/graph/example-esports" not in set(other.graphs())
    assert other.load_file(dump) > 0
    assert "https://w3id.org/kg/graph/example-esports" in set(other.graphs())
    bad = tmp_path / "bad.nq"
    bad.write_text('<http://x/a> <http://x/b> "unterminated .\n')
    n = other.count_quads()
    with pytest.raises(RdfSyntaxError):
        other.load_file(bad)
    assert other.count_quads() == n


def test_generic_endpoint_gets_the_union_through_the_protocol(plain_server, example_store, tmp_path):
    store = RemoteStore(plain_server)
    example_store.dump(tmp_path / "examples.trig")
    assert store.load_file(tmp_path / "examples.trig") == example_store.count_quads()
    # Without --union-default-graph the server's default graph is empty; kg still sees every graph.
    assert not bool(httpx.post(plain_server + "/query", content="ASK { ?s ?p ?o }",
                               headers={"Content-Type": "application/sparql-query",
                                        "Accept": "application/sparql-results+json"}).json()["boolean"])
    assert _answers(store, "attended.rq") == _answers(example_store, "attended.rq")
    assert store._union == "dataset"
    assert store.count_quads() == example_store.count_quads()


def test_endpoint_guessing():
    assert _endpoints("http://h:7878") == ("http://h:7878/query", "http://h:7878/update")
    assert _endpoints("http://h:3030/ds/query") == ("http://h:3030/ds/query", "http://h:3030/ds/update")
    assert _endpoints("http://h/sparql") == ("http://h/sparql", "http://h/update")
    assert _endpoints("http://h/repositories/x") == ("http://h/repositories/x", "http://h/repositories/x")


def test_open_store_and_cli_accept_urls(remote_examples, server):
    from typer.testing import CliRunner

    from kg.cli import app
    from kg.store import open_store

    assert isinstance(open_store(server), RemoteStore)
    result = CliRunner().invoke(app, ["query", str(EXAMPLES / "queries" / "attended.rq"), "--store", server])
    assert result.exit_code == 0, result.output
    assert "박서준" in result.output
    result = CliRunner().invoke(app, ["stats", "--store", server])
    assert result.exit_code == 0 and "attended" in result.output
