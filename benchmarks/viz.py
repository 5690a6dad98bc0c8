"""How long a graph page takes to draw: synthetic graphs of 500 and 5,000 nodes in headless Chromium.

    python benchmarks/viz.py [--sizes 500 5000] [--keep DIR]

Each graph is written into an in-memory store as kg would write it (entities with classes and
labels, relations, a kg:Fact with a sentence and a headline per relation), turned into a page
with ``kg.viz.write_html`` (``max_nodes`` off), and opened in headless Chromium; the time is
from navigation to ``body[data-stable='1']`` (the first complete drawing, interactive).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from kg.store import EmbeddedStore
from kg.viz import write_html

KG = "https://w3id.org/kg/ontology#"
ID = "https://w3id.org/kg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CLASSES = ["Person", "Organization", "Place", "Event", "Product", "Position"]
RELATIONS = ["attended", "organized", "demonstrated", "locatedIn", "memberOf", "partneredWith", "met", "supported"]
SYLLABLES = "가나다라마바사아자차카타파하김이박최정강조윤장임한오서신권황안송류홍"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run"]


def synthetic_store(n: int, seed: int = 1) -> EmbeddedStore:
    """``n`` entities in articles of about 8, about two relations per entity, a few hubs shared by many articles."""
    rng = random.Random(seed)
    store = EmbeddedStore()
    nodes = [NamedNode(f"{ID}e/{i}") for i in range(n)]
    hubs = nodes[: max(5, n // 100)]
    quads = []
    g = NamedNode(f"{ID}graph/synthetic")
    for i, node in enumerate(nodes):
        label = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 6))) + str(i)
        quads += [Quad(node, NamedNode(RDF + "type"), NamedNode(KG + rng.choice(CLASSES)), g),
                  Quad(node, NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal(label, language="ko"), g)]
    facts = 0
    for start in range(0, n, 8):
        article = NamedNode(f"{ID}article/{start}")
        quads.append(Quad(article, NamedNode("https://schema.org/headline"), Literal(f"기사 {start} 제목", language="ko"), g))
        members = nodes[start:start + 8] + [rng.choice(hubs)]
        for _ in range(len(members) * 2 - 2):
            a, b = rng.sample(members, 2)
            p = NamedNode(KG + rng.choice(RELATIONS))
            fact = NamedNode(f"{ID}fact/{facts}")
            facts += 1
            quads += [Quad(a, p, b, g), Quad(fact, NamedNode(RDF + "type"), NamedNode(KG + "Fact"), g),
                      Quad(fact, NamedNode(RDF + "subject"), a, g), Quad(fact, NamedNode(RDF + "predicate"), p, g),
                      Quad(fact, NamedNode(RDF + "object"), b, g),
                      Quad(fact, NamedNode(KG + "sentence"), Literal(f"문장 {facts}: 두 개체가 만났다.", language="ko"), g),
                      Quad(fact, NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), article, g)]
    store.oxigraph.extend(quads)
    return store


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    ap.add_argument("--keep", help="keep the pages and screenshots in this folder")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    folder = Path(args.keep or tempfile.mkdtemp(prefix="kg-viz-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, headless=True, args=LAUNCH_ARGS)
        for n in args.sizes:
            store = synthetic_store(n)
            t0 = time.perf_counter()
            out = folder / f"graph_{n}.html"
            g = write_html(store, out, f"synthetic {n}", max_nodes=None)
            build = time.perf_counter() - t0
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t0 = time.perf_counter()
            page.goto(out.resolve().as_uri())
            page.wait_for_selector("body[data-stable='1']", timeout=120_000)
            stable = time.perf_counter() - t0
            # interactive: a search answers
            t0 = time.perf_counter()
            page.fill("#search", g.nodes[next(iter(g))]["label"])
            page.evaluate("window.kgNetwork.getSelectedNodes().length")
            search = time.perf_counter() - t0
            if args.keep:
                page.screenshot(path=str(folder / f"graph_{n}.png"))
            page.close()
            print(f"{n:>6} nodes {g.number_of_edges():>6} edges  page {out.stat().st_size / 1e6:5.1f} MB  "
                  f"python {build:5.2f} s  browser to stable drawing {stable:5.2f} s  search {search:4.2f} s",
                  flush=True)
        browser.close()
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
