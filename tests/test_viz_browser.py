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
