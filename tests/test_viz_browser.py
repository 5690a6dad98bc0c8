"""The HTML graph in a real headless Chromium: it draws, counts its nodes, and runs no injected script."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import chromium_path

from kg.viz import write_html

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
               "--no-first-run", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, headless=True, args=LAUNCH_ARGS)
        yield b
        b.close()


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("body[data-stable='1']", timeout=60_000)
    return page, requests, dialogs


def test_example_graph_draws_offline(browser, example_store, tmp_path):
    out = tmp_path / "graph.html"
    g = write_html(example_store, out)
    page, requests, _ = open_page(browser, out)
    assert page.evaluate("window.kgNodeCount") == g.number_of_nodes() > 10
    assert page.evaluate("window.kgNetwork.body.data.nodes.length") == g.number_of_nodes()
    assert all(url.startswith(("file:", "data:", "about:")) for url in requests), requests
    page.screenshot(path=str(tmp_path / "graph.png"))
    assert (tmp_path / "graph.png").stat().st_size > 10_000
    assert "55 / 55" in page.text_content("#status") or str(g.number_of_nodes()) in page.text_content("#status")


def test_search_filter_click_and_toggles(browser, example_store, tmp_path):
    out = tmp_path / "graph.html"
    g = write_html(example_store, out)
    page, _, _ = open_page(browser, out)
    n = g.number_of_nodes()
    ids = {d["iri"]: d["id"] for d in page.evaluate("window.kgData.nodes")}
    # search by label selects the entity
    page.fill("#search", "윤세라")
    (person,) = [x for x, d in g.nodes(data=True) if d["label"] == "윤세라"]
    assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [ids[person]]
    assert "1 found" in page.text_content("#status")
    page.fill("#search", "")
    # clicking a node highlights it and its neighbours
    xy = page.evaluate(f"window.kgNetwork.canvasToDOM(window.kgNetwork.getPosition({ids[person]}))")
    page.mouse.click(xy["x"], xy["y"] + 50)  # the canvas starts below the 50px bar
    neighbours = set(g.predecessors(person)) | set(g.successors(person)) | {person}
    assert set(page.evaluate("window.kgNetwork.getSelectedNodes()")) == {ids[x] for x in neighbours}
    # hovering shows the facts as text in the tooltip
    page.mouse.move(xy["x"] + 1, xy["y"] + 51)
    page.wait_for_selector("#tip", state="visible", timeout=5_000)
    assert page.text_content("#tip").startswith("윤세라")
    # the class filter hides a class and brings it back
    people = sum(1 for _, d in g.nodes(data=True) if d["cls"] == "Person")
    page.click("#legend span[data-class='Person']")
    assert page.evaluate("window.kgNetwork.body.data.nodes.length") == n - people
    page.click("#legend span[data-class='Person']")
    assert page.evaluate("window.kgNetwork.body.data.nodes.length") == n
    # English edge labels and community colours
    page.check("#english")
    labels = page.evaluate("window.kgNetwork.body.data.edges.get().map(function (e) { return e.label; })")
    assert "attended" in labels and "참석했다" not in labels
    page.check("#communities")
    colours = page.evaluate("window.kgNetwork.body.data.nodes.get().map(function (n) { return n.color; })")
    dim = "rgba(190,190,190,0.25)"  # the click's highlight still dims all but the neighbourhood
    assert colours.count(dim) == n - len(neighbours)
    assert set(colours) - {dim} <= set(d["cc"] for d in page.evaluate("window.kgData.nodes"))
    page.screenshot(path=str(tmp_path / "toggled.png"))
    assert (tmp_path / "toggled.png").stat().st_size > 10_000


def test_adversarial_labels_stay_text(browser, tmp_path):
    from pyoxigraph import Literal, NamedNode, Quad

    from kg.store import EmbeddedStore

    store = EmbeddedStore()
    evil = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", '" onmouseover="alert(3)',
            "<!--", "href=javascript:alert(4)"]
    g = NamedNode("https://w3id.org/kg/graph/evil")
    rdf_type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    quads = []
    for i, text in enumerate(evil):
        node = NamedNode(f"https://w3id.org/kg/id/person/evil{i}")
        quads += [Quad(node, rdf_type, NamedNode("https://w3id.org/kg/ontology#Person"), g),
                  Quad(node, label, Literal(text, language="ko"), g)]
    store.oxigraph.extend(quads)
    out = tmp_path / "evil.html"
    write_html(store, out)
    html = out.read_text("utf8")
    for text in evil[:3]:
        assert text not in html
    page, _, dialogs = open_page(browser, out)
    assert dialogs == []
    assert page.evaluate("window.kgNodeCount") == len(evil)
    assert page.locator("img[src=x]").count() == 0
