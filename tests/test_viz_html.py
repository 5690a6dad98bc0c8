"""The HTML graph without a browser: parsed, checked for CDNs and injected markup; the views pick the right nodes."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.store import EmbeddedStore
from kg.viz import write_html
from kg.viz.graph import build_view, ontology_labels, pagerank

KG = "https://w3id.org/kg/ontology#"
ID = "https://w3id.org/kg/id/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
EVIL = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", '"href" onmouseover="alert(3)',
        "<!--", "href=javascript:alert(4)", "\u2028</SCRIPT >"]


class Page(HTMLParser):
    """Every element with its attributes, and the text of every script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def page_data(html: str) -> dict:
    script = parse(html).scripts[-1]
    text = re.search(r"var data = (\{.*?\});\n", script, re.S).group(1)
    return json.loads(text)


def evil_store() -> EmbeddedStore:
    """Entities, aliases, relations, sentences and a headline that all try to inject markup."""
    store = EmbeddedStore()
    g = NamedNode("https://w3id.org/kg/graph/evil")
    article = NamedNode(ID + "article/evil")
    quads = [Quad(article, NamedNode("https://schema.org/headline"), Literal(EVIL[1], language="ko"), g)]
    people = [NamedNode(f"{ID}person/evil{i}") for i in range(len(EVIL))]
    for node, text in zip(people, EVIL):
        quads += [Quad(node, RDF_TYPE, NamedNode(KG + "Person"), g), Quad(node, RDFS_LABEL, Literal(text, language="ko"), g),
                  Quad(node, ALT, Literal(text + " alias", language="ko"), g)]
    for i, (a, b) in enumerate(zip(people, people[1:])):
        quads.append(Quad(a, NamedNode(KG + "met"), b, g))
        fact = NamedNode(f"{ID}fact/evil{i}")
        quads += [Quad(fact, RDF_TYPE, NamedNode(KG + "Fact"), g),
                  Quad(fact, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"), a, g),
                  Quad(fact, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"), NamedNode(KG + "met"), g),
                  Quad(fact, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#object"), b, g),
                  Quad(fact, NamedNode(KG + "sentence"), Literal(EVIL[0] + EVIL[2], language="ko"), g),
                  Quad(fact, NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), article, g)]
    store.oxigraph.extend(quads)
    return store


def test_page_is_offline_and_injects_nothing(tmp_path):
    out = tmp_path / "evil.html"
    write_html(evil_store(), out, title='<b onclick="x()">제목</b>')
    html = out.read_text("utf8")
    page = parse(html)
    # no CDN: nothing is loaded from anywhere
    for tag, attrs in page.tags:
        for name in ("src", "href"):
            assert not attrs.get(name), (tag, attrs)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    # only our two scripts, no event handlers, no elements from the labels
    assert [t for t, _ in page.tags].count("script") == 2
    assert all(not name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert not any(t in ("img", "b", "iframe", "a") for t, _ in page.tags)
    for text in EVIL[:3]:
        assert text not in html
    assert "</script" not in page.scripts[-1].lower() and "<!--" not in page.scripts[-1]
    assert '<meta charset="utf-8">' in html
    # the strings are still there, as data
    data = page_data(html)
    assert sorted(n["label"] for n in data["nodes"]) == sorted(EVIL)
    assert any(EVIL[0] in e["tip"] and EVIL[1] in e["tip"] for e in data["edges"])


def test_whole_graph_classes_labels_and_legend(example_store, tmp_path):
    out = tmp_path / "g.html"
    g = write_html(example_store, out)
    data = page_data(out.read_text("utf8"))
    assert len(data["nodes"]) == g.number_of_nodes() > 10
    assert {n["iri"] for n in data["nodes"]} == set(g)
    assert set(data["legend"]) == {d["cls"] for _, d in g.nodes(data=True)}
    assert data["legend"]["Person"]["ko"] == "인물"
    # Korean edge labels from the ontology, English alongside
    onto = ontology_labels()
    assert onto["attended"] == {"ko": "참석했다", "en": "attended"}
    labels = {e["lk"]: e["le"] for e in data["edges"]}
    assert labels.get("참석했다") == "attended"
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is False
    assert data["note"] == ""
    # tooltips carry the source sentence and the headline
    assert any("「" in e["tip"] and "—" in e["tip"] for e in data["edges"])


def test_focus_hops(example_store, tmp_path):
    g = build_view(example_store)
    (person,) = [n for n, d in g.nodes(data=True) if d["label"] == "윤세라"]
    one = set(g.predecessors(person)) | set(g.successors(person)) | {person}
    focused = build_view(example_store, focus="윤세라", hops=1)
    assert set(focused) == one
    two = set(build_view(example_store, focus="윤세라", hops=2))
    assert one < two
    assert set(build_view(example_store, focus="윤세라", hops=0)) == {person}
    # by skos:altLabel too, and the focused page says which node is the focus
    (alias_owner,) = [n for n, d in g.nodes(data=True) if "간담회" in d["alts"]]
    assert alias_owner in set(build_view(example_store, focus="간담회", hops=1))
    out = tmp_path / "f.html"
    write_html(example_store, out, focus="윤세라", hops=1)
    data = page_data(out.read_text("utf8"))
    assert {n["iri"] for n in data["nodes"]} == one
    assert [data["nodes"][i]["iri"] for i in data["focus"]] == [person]


def test_focus_unknown_label_says_so(example_store):
    from kg.errors import KgError

    with pytest.raises(KgError, match="no entity labelled"):
        build_view(example_store, focus="없는 사람")


def test_construct_query_subgraph(example_store):
    g = build_view(example_store)
    q = "CONSTRUCT { ?p kg:attended ?e } WHERE { ?p kg:attended ?e }"
    expected = {n for s, o, d in g.edges(data=True) if d["rel"] == "attended" for n in (s, o)}
    view = build_view(example_store, query=q)
    assert set(view) == expected and expected
    assert {d["rel"] for *_, d in view.edges(data=True)} == {"attended"}
    assert all(view.nodes[n]["label"] == g.nodes[n]["label"] for n in view)
    from kg.errors import KgError

    with pytest.raises(KgError, match="CONSTRUCT"):
        build_view(example_store, query="SELECT * WHERE { ?s ?p ?o }")


def test_max_nodes_keeps_the_top_by_pagerank(example_store, tmp_path):
    g = build_view(example_store, max_nodes=None)
    rank = {n: g.nodes[n]["rank"] for n in g}
    cut = build_view(example_store, max_nodes=8)
    assert cut.number_of_nodes() == 8 and cut.graph["total_nodes"] == g.number_of_nodes()
    assert min(rank[n] for n in cut) >= sorted(rank.values(), reverse=True)[7]
    out = tmp_path / "m.html"
    write_html(example_store, out, max_nodes=8)
    data = page_data(out.read_text("utf8"))
    assert len(data["nodes"]) == 8
    assert f"top 8 of {g.number_of_nodes()}" in data["note"]


def test_pagerank_without_scipy():
    import networkx as nx

    r = pagerank(nx.path_graph(5))
    assert abs(sum(r.values()) - 1) < 1e-9 and r[2] > r[0]


def test_cli_viz(example_store, tmp_path):
    import gc

    from typer.testing import CliRunner

    from kg.cli import app

    store = tmp_path / "store"  # a copy: the fixture's store is held open (and locked) by this process
    copy = EmbeddedStore(store)
    copy.oxigraph.extend(list(example_store.oxigraph.quads_for_pattern(None, None, None, None)))
    copy.flush()
    del copy
    gc.collect()
    rq = tmp_path / "c.rq"
    rq.write_text("CONSTRUCT { ?a kg:holdsPosition ?b } WHERE { ?a kg:holdsPosition ?b }", "utf8")
    runner = CliRunner()
    for args in (["--focus", "윤세라", "--hops", "2"], ["--query", str(rq)], ["--max-nodes", "5"]):
        out = tmp_path / "v.html"
        res = runner.invoke(app, ["viz", "--store", str(store), "--out", str(out), *args])
        assert res.exit_code == 0, res.output
        assert out.exists() and "wrote" in res.output
    assert "top 5 of" in res.output
    res = runner.invoke(app, ["viz", "--store", str(store), "--out", str(out), "--focus", "아무도없음"])
    assert res.exit_code == 1
