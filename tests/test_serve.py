"""`kg serve`: the SPARQL 1.1 Protocol endpoint, driven by SPARQLWrapper and httpx over loopback against a
real uvicorn server, and the query page in headless Chromium."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
import uvicorn

from kg.query.server import create_app, find_examples
from kg.store import EmbeddedStore
from tests.conftest import EXAMPLES, chromium_path

EVIL = "<img src=x onerror=\"document.title='pwned'\"></td><script>document.title='pwned'</script>"


@contextlib.contextmanager
def serving(app):
    """A real uvicorn server on a free loopback port, in a thread; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def endpoint(example_store):
    with serving(create_app(example_store, timeout=5, limit=1000)) as base:
        yield base


@pytest.fixture(scope="module")
def tiny():
    """A small in-memory store with Korean labels and hostile ones."""
    from kg.rdf.model import NS

    store = EmbeddedStore()
    store.oxigraph.update(
        "INSERT DATA { <https://w3id.org/kg/id/person/a> a kg:Person ; rdfs:label \"이종호\"@ko . "
        f"<https://w3id.org/kg/id/person/b> a kg:Person ; rdfs:label {json.dumps(EVIL)} . "
        "<https://w3id.org/kg/id/event/c> a kg:Event ; rdfs:label \"AI 포럼\" . "
        "<https://w3id.org/kg/id/person/a> kg:attended <https://w3id.org/kg/id/event/c> . }", prefixes=dict(NS))
    return store


def wrapper(base, query, fmt, method="GET"):
    from SPARQLWrapper import POST, SPARQLWrapper

    client = SPARQLWrapper(base + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method == "POST":
        client.setMethod(POST)
    return client.query()


def test_sparqlwrapper_select_json_get_and_post(endpoint):
    from SPARQLWrapper import JSON

    for method in ("GET", "POST"):
        data = wrapper(endpoint, (EXAMPLES / "queries" / "attended.rq").read_text("utf8"), JSON, method).convert()
        assert data["head"]["vars"] == ["who", "event", "date", "place"]
        assert data["results"]["bindings"], data
        assert all(b["who"]["type"] == "literal" for b in data["results"]["bindings"])


def test_sparqlwrapper_every_example_query(endpoint):
    from SPARQLWrapper import JSON

    for path in sorted((EXAMPLES / "queries").glob("*.rq")):
        data = wrapper(endpoint, path.read_text("utf8"), JSON).convert()
        assert "results" in data, path.name


def test_sparqlwrapper_xml_csv_tsv_ask_construct(endpoint):
    from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML

    q = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"
    xml = wrapper(endpoint, q, XML).convert()  # a minidom Document
    names = [n.firstChild.data for n in xml.getElementsByTagName("literal")]
    csv_rows = wrapper(endpoint, q, CSV).convert().decode("utf8").splitlines()
    tsv_rows = wrapper(endpoint, q, TSV).convert().decode("utf8").splitlines()
    assert names and csv_rows[0] == "name" and csv_rows[1:] == names
    assert tsv_rows[0] == "?name" and len(tsv_rows) == len(names) + 1
    assert wrapper(endpoint, "ASK { ?p a kg:Person }", JSON).convert()["boolean"] is True
    graph = wrapper(endpoint, "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a kg:Person ; rdfs:label ?n }", TURTLE)
    assert graph.response.headers["Content-Type"].startswith("text/turtle")
    import pyoxigraph as ox

    triples = list(ox.parse(graph.convert(), format=ox.RdfFormat.TURTLE))  # SPARQLWrapper hands over the bytes
    assert {t.object.value for t in triples} == set(names)


def test_protocol_post_bodies_and_negotiation(endpoint):
    q = "SELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n } LIMIT 2"
    with httpx.Client(base_url=endpoint, timeout=30) as client:
        direct = client.post("/sparql", content=q.encode(), headers={"Content-Type": "application/sparql-query",
                                                                    "Accept": "text/csv"})
        assert direct.status_code == 200 and direct.headers["content-type"].startswith("text/csv")
        xml = client.get("/sparql", params={"query": q},
                         headers={"Accept": "text/csv;q=0.2, application/sparql-results+xml"})
        assert xml.headers["content-type"].startswith("application/sparql-results+xml")
        nt = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?p a kg:Person }"},
                        headers={"Accept": "application/n-triples"})
        assert nt.headers["content-type"].startswith("application/n-triples") and nt.text.count(" .\n") >= 1
        trig = client.get("/sparql", params={"query": "DESCRIBE ?p WHERE { ?p a kg:Person } LIMIT 1"},
                          headers={"Accept": "application/trig"})
        assert trig.status_code == 200 and trig.headers["content-type"].startswith("application/trig")
        assert client.get("/sparql", params={"query": q}, headers={"Accept": "image/png"}).status_code == 406
        assert client.post("/sparql", content=q, headers={"Content-Type": "text/plain"}).status_code == 415
        assert client.get("/sparql").status_code == 400


def test_cors_for_browser_tools(endpoint):
    with httpx.Client(base_url=endpoint, timeout=30) as client:
        pre = client.options("/sparql", headers={"Origin": "https://yasgui.example",
                                                 "Access-Control-Request-Method": "POST",
                                                 "Access-Control-Request-Headers": "content-type"})
        assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] in ("*", "https://yasgui.example")
        got = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example"})
        assert got.headers["access-control-allow-origin"] == "*"


def test_read_only_refuses_updates_load_and_service(endpoint):
    with httpx.Client(base_url=endpoint, timeout=30) as client:
        insert = "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
        as_update = client.post("/sparql", data={"update": insert})
        assert as_update.status_code == 403 and "read-only" in as_update.text
        assert client.post("/sparql", content=insert,
                           headers={"Content-Type": "application/sparql-update"}).status_code == 403
        as_query = client.post("/sparql", data={"query": insert})
        assert as_query.status_code == 403 and "update" in as_query.text
        assert client.post("/sparql", data={"query": "LOAD <http://127.0.0.1:1/x.ttl>"}).status_code == 403
        service = client.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"})
        assert service.status_code == 403 and "SERVICE" in service.text
        sneaky = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o .SERVICE<http://127.0.0.1:1/>{?s ?p ?o} }"})
        assert sneaky.status_code == 403
        # The word in a literal, an IRI or a comment is only text.
        harmless = client.get("/sparql", params={
            "query": "SELECT * WHERE { ?s rdfs:label ?l FILTER(?l = 'SERVICE <http://127.0.0.1:1/> {}') } # SERVICE"})
        assert harmless.status_code == 200, harmless.text
        unchanged = client.get("/sparql", params={"query": "ASK { <http://x/a> ?p ?o }"}).json()
        assert unchanged["boolean"] is False


def test_syntax_error_row_cap_timeout_and_size_cap():
    import pyoxigraph as ox

    slow = EmbeddedStore()
    slow.oxigraph.extend([ox.Quad(ox.NamedNode(f"http://x/s{i}"), ox.NamedNode("http://x/p"), ox.Literal(str(i)),
                                  ox.DefaultGraph()) for i in range(200)])
    with serving(create_app(slow, timeout=0.3, limit=50, max_request_bytes=4096)) as base, \
            httpx.Client(base_url=base, timeout=30) as client:
        bad = client.get("/sparql", params={"query": "SELECT ?x WHERE {\n ?x ?y }"})
        assert bad.status_code == 400 and "line 2, column" in bad.text and bad.text.count("\n") == 1
        capped = client.get("/sparql", params={"query": "SELECT ?o WHERE { ?s ?p ?o } ORDER BY DESC(?o)"},
                            headers={"Accept": "application/sparql-results+json"})
        assert capped.status_code == 200 and capped.headers["x-kg-truncated"] == "50"
        assert len(capped.json()["results"]["bindings"]) == 50
        started = time.monotonic()
        late = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"})
        assert late.status_code == 503 and "time limit" in late.text
        assert time.monotonic() - started < 3
        big = client.post("/sparql", content=b"SELECT * WHERE { ?s ?p ?o }" + b" " * 5000,
                          headers={"Content-Type": "application/sparql-query"})
        assert big.status_code == 413
        assert client.get("/sparql", params={"query": "ASK {}" + " " * 5000}).status_code == 414


def test_allow_update_opt_in():
    store = EmbeddedStore()
    with serving(create_app(store, allow_update=True)) as base, httpx.Client(base_url=base, timeout=30) as client:
        done = client.post("/sparql", data={"update": "INSERT DATA { kgid:x rdfs:label \"새 항목\" }"})
        assert done.status_code == 204, done.text
        rows = client.get("/sparql", params={"query": "SELECT ?l WHERE { kgid:x rdfs:label ?l }"}).json()
        assert rows["results"]["bindings"][0]["l"]["value"] == "새 항목"
        load = client.post("/sparql", data={"update": "LOAD <http://127.0.0.1:1/data.ttl>"})
        assert load.status_code == 403 and "LOAD" in load.text
        assert client.get("/sparql", params={"update": "CLEAR ALL"}).status_code == 405


def test_examples_from_folder_or_built_in(tmp_path):
    assert {e["name"] for e in find_examples(EXAMPLES / "queries")} >= {"attended", "organisations_together"}
    (tmp_path / "mine.rq").write_text("# Mine.\nASK {}\n", "utf8")
    assert find_examples(tmp_path) == [{"name": "mine", "title": "Mine.", "query": "# Mine.\nASK {}\n"}]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert len(find_examples(empty)) >= 2  # the built-in few


def test_kg_serve_command(tmp_path):
    """`kg serve` as a user starts it, queried with SPARQLWrapper."""
    import gc

    from SPARQLWrapper import JSON

    from kg.rdf.model import NS

    path = tmp_path / "store"
    store = EmbeddedStore(path)
    store.oxigraph.update("INSERT DATA { kgid:a rdfs:label \"서울\" }", prefixes=dict(NS))
    store.flush()
    del store
    gc.collect()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                httpx.get(base + "/examples.json", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.communicate()
                time.sleep(0.2)
        data = wrapper(base, "SELECT ?l WHERE { ?x rdfs:label ?l }", JSON).convert()
        assert data["results"]["bindings"][0]["l"]["value"] == "서울"
    finally:
        proc.terminate()
        proc.wait(10)


def test_page_runs_a_query_in_chromium(tiny):
    import re

    from playwright.sync_api import expect, sync_playwright

    executable = chromium_path()
    with serving(create_app(tiny, queries=EXAMPLES / "queries")) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run"])
        try:
            page = browser.new_page()
            outside: list[str] = []
            page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(base + "/")
            # (The page's CSP forbids eval, so the waits here use locators, not JavaScript strings.)
            expect(page.locator("#examples option")).to_have_count(len(list((EXAMPLES / "queries").glob("*.rq"))) + 1)
            # An example fills the box; run it and see its rows.
            page.select_option("#examples", "attended")
            assert "kg:attended" in page.input_value("#query")
            page.click("#run")
            page.wait_for_selector("#results tbody tr")
            cells = page.locator("#results tbody td").all_text_contents()
            assert "이종호" in cells and "AI 포럼" in cells
            # Type a query of one's own (Ctrl+Enter runs it): hostile labels are shown as text, never run.
            page.fill("#query", "SELECT ?p ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name")
            page.click("#query")
            page.keyboard.press("Control+Enter")
            expect(page.locator("#status")).to_have_text(re.compile(r"^2 rows"))
            cells = page.locator("#results tbody td").all_text_contents()
            assert EVIL in cells and "kgid:person/a" in cells
            assert page.locator("#results img, #results script").count() == 0
            assert page.title() != "pwned"
            # An error is one line in the status, not a table.
            page.fill("#query", "SELEC nothing")
            page.click("#run")
            expect(page.locator("#status")).to_have_class("error")
            assert "syntax error" in page.text_content("#status")
            # The graph view of the same store, offline.
            page.goto(base + "/graph")
            page.wait_for_load_state("load")
            assert "이종호" in page.content()
            assert outside == [] and errors == []
        finally:
            browser.close()
