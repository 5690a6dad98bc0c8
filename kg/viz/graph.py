"""Read the graph out of the store, analyse it with networkx, write the HTML page.

Three views: the whole graph, one entity's neighbourhood (``focus`` by
``rdfs:label`` or ``skos:altLabel``, ``hops`` steps in either direction), or
the triples of a CONSTRUCT query that link kg entities (their labels, classes
and source sentences are looked up in the store).

Analytics (networkx and numpy — no scipy): PageRank by a power iteration
sizes the nodes and decides which ``max_nodes`` are kept when a graph is too
big to show whole; Louvain communities give the page's "communities"
colouring and the layout of large graphs.  Positions are precomputed in
Python (:mod:`kg.viz.layout`) and the page draws with physics **off**, so
5,000 nodes are interactive in a few seconds instead of waiting for a
simulation to settle.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pyoxigraph as ox

from kg.errors import KgError
from kg.query.sparql import run_query
from kg.store.embedded import atomic_write

__all__ = ["store_to_networkx", "write_html", "build_view", "pagerank", "communities", "ontology_labels",
           "RELATION_LABELS", "DEFAULT_MAX_NODES"]

KG = "https://w3id.org/kg/ontology#"
DEFAULT_MAX_NODES = 2000

# Used only when the ontology cannot be read; the page takes its labels from ontology/kg.ttl.
RELATION_LABELS = {
    "attended": "참석", "organized": "개최", "demonstrated": "시연", "locatedIn": "위치", "holdsPosition": "직위",
    "memberOf": "소속", "founded": "설립", "announced": "발표", "launched": "출시", "invested": "투자",
    "acquired": "인수", "partneredWith": "협력", "visited": "방문", "met": "만남", "supported": "지원",
    "appointed": "임명", "won": "수상",
}

_NODES = """
SELECT ?n ?cls ?label WHERE { ?n a ?c ; rdfs:label ?label . FILTER(STRSTARTS(STR(?c), STR(kg:)) && ?c != kg:Fact)
  BIND(STRAFTER(STR(?c), STR(kg:)) AS ?cls) }"""
_ALT = "SELECT ?n ?alt WHERE { ?n skos:altLabel ?alt }"
_EDGES = """
SELECT DISTINCT ?s ?p ?o WHERE {
  ?s ?p ?o . FILTER(STRSTARTS(STR(?p), STR(kg:)) && isIRI(?o) && ?p != kg:mentionedIn) }"""
_FACTS = """
SELECT ?s ?p ?o ?sentence ?headline ?modality WHERE {
  ?f a kg:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?f kg:sentence ?sentence }
  OPTIONAL { ?f prov:wasDerivedFrom/schema:headline ?headline }
  OPTIONAL { ?f kg:modality ?modality } }"""


def _local(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


@functools.lru_cache(maxsize=1)
def ontology_labels() -> dict[str, dict[str, str]]:
    """``{"attended": {"ko": "참석했다", "en": "attended"}, "Person": {...}}`` from ontology/kg.ttl."""
    labels: dict[str, dict[str, str]] = {}
    try:
        try:
            ttl = resources.files("kg").joinpath("ontology", "kg.ttl").read_bytes()
        except (OSError, TypeError):  # e.g. kg imported as a namespace package by an editable install
            ttl = (Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl").read_bytes()
        triples = ox.parse(ttl, format=ox.RdfFormat.TURTLE)
        for t in triples:
            if (t.predicate.value == "http://www.w3.org/2000/01/rdf-schema#label"
                    and isinstance(t.subject, ox.NamedNode) and t.subject.value.startswith(KG)):
                labels.setdefault(t.subject.value[len(KG):], {})[t.object.language or "en"] = t.object.value
    except (OSError, SyntaxError, ValueError):  # pragma: no cover - a broken install still draws
        labels = {k: {"ko": v, "en": k} for k, v in RELATION_LABELS.items()}
    return labels


def label_of(name: str, lang: str = "ko") -> str:
    entry = ontology_labels().get(name, {})
    return entry.get(lang) or (RELATION_LABELS.get(name) if lang == "ko" else None) or name


def _text(term: Any) -> str:
    return term.value if isinstance(term, ox.Literal) else ""


def store_to_networkx(store: Any) -> nx.MultiDiGraph:
    """Entities as nodes (class, label, aliases, facts), relations as edges (with their sources).

    ``g.graph["evidence"]`` maps ``(subject, relation, object)`` to ``[(sentence, headline), …]``.
    """
    g = nx.MultiDiGraph()
    _, rows = run_query(store, _NODES).rows()
    for n, cls, label in rows:
        if n.value not in g:
            g.add_node(n.value, cls=cls.value, label=label.value, alts=[], facts=[])
    _, rows = run_query(store, _ALT).rows()
    for n, alt in rows:
        if n.value in g and alt.value != g.nodes[n.value]["label"]:
            g.nodes[n.value]["alts"].append(alt.value)
    evidence: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    _, rows = run_query(store, _FACTS).rows()
    for s, p, o, sentence, headline, modality in rows:
        rel = _local(p.value)
        src = (_text(sentence), _text(headline))
        if isinstance(o, ox.NamedNode):
            evidence.setdefault((s.value, rel, o.value), []).append(src)
        if s.value in g:
            g.nodes[s.value]["facts"].append((rel, "→", o.value if isinstance(o, ox.NamedNode) else o.value,
                                              *src, _text(modality)))
        if isinstance(o, ox.NamedNode) and o.value in g:
            g.nodes[o.value]["facts"].append((rel, "←", s.value, *src, _text(modality)))
    _, rows = run_query(store, _EDGES).rows()
    for s, p, o in rows:
        if s.value in g and o.value in g:
            rel = _local(p.value)
            g.add_edge(s.value, o.value, rel=rel, sources=evidence.get((s.value, rel, o.value), []))
    g.graph["evidence"] = evidence
    return g


# -- analytics ---------------------------------------------------------------
def _simple(g: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, weighted by the number of relations between two entities; no self-loops."""
    h = nx.Graph()
    h.add_nodes_from(g)
    for s, o in g.edges():
        if s != o:
            w = h.get_edge_data(s, o, {}).get("weight", 0)
            h.add_edge(s, o, weight=w + 1)
    return h


def pagerank(g: nx.Graph, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 200) -> dict[Any, float]:
    """PageRank of an undirected weighted graph by power iteration (numpy; networkx's needs scipy).

    >>> r = pagerank(nx.star_graph(3))
    >>> max(r, key=r.get), round(sum(r.values()), 6)
    (0, 1.0)
    """
    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    src, dst, w = [], [], []
    for a, b, d in g.edges(data=True):
        for x, y in ((a, b), (b, a)) if a != b else ((a, b),):
            src.append(index[x]), dst.append(index[y]), w.append(float(d.get("weight", 1.0)))
    src_a, dst_a, w_a = np.array(src, dtype=int), np.array(dst, dtype=int), np.array(w)
    out = np.bincount(src_a, weights=w_a, minlength=n)
    dangling = out == 0
    share = w_a / np.where(out[src_a] > 0, out[src_a], 1) if len(w_a) else w_a
    r = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = np.bincount(dst_a, weights=r[src_a] * share, minlength=n) if len(w_a) else np.zeros(n)
        new = alpha * (new + r[dangling].sum() / n) + (1 - alpha) / n
        done = np.abs(new - r).sum() < tol * n
        r = new
        if done:
            break
    r /= r.sum()
    return {v: float(r[i]) for i, v in enumerate(nodes)}


def communities(g: nx.Graph, seed: int = 0) -> list[list[Any]]:
    """Louvain communities, biggest first (each sorted, for stable colours)."""
    if g.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(g, weight="weight", seed=seed)
    return sorted((sorted(c, key=str) for c in found), key=lambda c: (-len(c), str(c[0])))


# -- the three views ---------------------------------------------------------
def find_entities(g: nx.MultiDiGraph, label: str) -> list[str]:
    """Entities whose rdfs:label or skos:altLabel is ``label`` (case and spacing ignored)."""
    want = " ".join(label.split()).casefold()
    return [n for n, d in g.nodes(data=True)
            if any(" ".join(x.split()).casefold() == want for x in [d["label"], *d["alts"]])]


def focus_nodes(g: nx.MultiDiGraph, label: str, hops: int) -> set[str]:
    """The entities within ``hops`` steps (either direction) of the entity named ``label``."""
    start = find_entities(g, label)
    if not start:
        want = label.casefold()
        near = sorted({d["label"] for _, d in g.nodes(data=True)
                       if want in d["label"].casefold() or any(want in a.casefold() for a in d["alts"])})[:8]
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise KgError(f"no entity labelled {label!r} in the store{hint}")
    lengths = nx.multi_source_dijkstra_path_length(g.to_undirected(as_view=True), start, cutoff=max(hops, 0))
    return set(lengths)


def construct_graph(store: Any, full: nx.MultiDiGraph, query: str) -> nx.MultiDiGraph:
    """The CONSTRUCT (or DESCRIBE) answer's triples among kg entities, with labels from the store."""
    result = run_query(store, query)
    if result.kind != "graph":
        raise KgError("--query needs a CONSTRUCT or DESCRIBE query (it returned "
                      f"{'rows' if result.kind == 'select' else 'a boolean'})")
    g = nx.MultiDiGraph(evidence=full.graph.get("evidence", {}))
    seen = set()
    for t in result.raw:
        s, p, o = t.subject, t.predicate, t.object
        if not isinstance(s, ox.NamedNode) or s.value not in full:
            continue
        g.add_node(s.value, **full.nodes[s.value])
        if isinstance(o, ox.NamedNode) and o.value in full:
            g.add_node(o.value, **full.nodes[o.value])
            rel = _local(p.value)
            if (s.value, rel, o.value) not in seen and rel not in ("type", "mentionedIn"):
                seen.add((s.value, rel, o.value))
                g.add_edge(s.value, o.value, rel=rel, sources=g.graph["evidence"].get((s.value, rel, o.value), []))
    return g


def build_view(store: Any, *, focus: str | None = None, hops: int = 1, query: str | None = None,
               max_nodes: int | None = DEFAULT_MAX_NODES) -> nx.MultiDiGraph:
    """The graph to draw, annotated: ``rank`` and ``community`` on nodes; ``total_nodes``, ``mode`` on the graph."""
    full = store_to_networkx(store)
    if query is not None:
        g = construct_graph(store, full, query)
        mode = "query"
    else:
        g = full
        mode = "whole"
    keep_always: set[str] = set()
    if focus:
        nodes = focus_nodes(g, focus, hops)
        keep_always = set(find_entities(g, focus))
        g = g.subgraph(nodes).copy()
        mode = "focus"
    simple = _simple(g)
    rank = pagerank(simple)
    total = g.number_of_nodes()
    if max_nodes is not None and max_nodes >= 0 and total > max_nodes:
        ordered = sorted(g, key=lambda n: (n not in keep_always, -rank[n], n))
        g = g.subgraph(ordered[:max_nodes]).copy()
        simple = simple.subgraph(g).copy()
    for n in g:
        g.nodes[n]["rank"] = rank[n]
    for ci, members in enumerate(communities(simple)):
        for n in members:
            g.nodes[n]["community"] = ci
    g.graph.update(total_nodes=total, mode=mode, focus=focus, hops=hops, max_nodes=max_nodes,
                   focus_nodes=sorted(keep_always))
    return g


def write_html(store: Any, path: str | Path, title: str | None = None, *, focus: str | None = None, hops: int = 1,
               query: str | None = None, max_nodes: int | None = DEFAULT_MAX_NODES) -> nx.MultiDiGraph:
    """Write the (whole, focused or queried) graph as an interactive offline HTML page, atomically.

    Returns the graph that was drawn (after ``max_nodes``); ``g.graph["total_nodes"]`` is the count before.
    """
    from kg.viz.html import render_graph

    g = build_view(store, focus=focus, hops=hops, query=query, max_nodes=max_nodes)
    if title is None:
        title = {"focus": f"{focus} · {hops}단계 이웃", "query": "CONSTRUCT 결과"}.get(g.graph["mode"], "kg 지식 그래프")
    html = render_graph(g, title)
    atomic_write(path, lambda fh: fh.write(html.encode("utf8")))
    return g
