"""Read the graph out of the store, lay it out with networkx, write the HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg.query.sparql import run_query
from kg.store.embedded import atomic_write
from kg.viz.html import CLASS_COLOURS, render_page

__all__ = ["store_to_networkx", "write_html", "RELATION_LABELS"]

# Korean edge labels (English with the page's toggle); from the ontology's labels.
RELATION_LABELS = {
    "attended": "참석", "organized": "개최", "demonstrated": "시연", "locatedIn": "위치", "holdsPosition": "직위",
    "memberOf": "소속", "founded": "설립", "announced": "발표", "launched": "출시", "invested": "투자",
    "acquired": "인수", "partneredWith": "협력", "visited": "방문", "met": "만남", "supported": "지원",
    "appointed": "임명", "won": "수상",
}

_NODES = """
SELECT ?n ?cls ?label WHERE { ?n a ?c ; rdfs:label ?label . FILTER(STRSTARTS(STR(?c), STR(kg:)) && ?c != kg:Fact)
  BIND(STRAFTER(STR(?c), STR(kg:)) AS ?cls) }"""
_EDGES = """
SELECT ?s ?rel ?o (SAMPLE(?sentence) AS ?evidence) (SAMPLE(?headline) AS ?article) WHERE {
  ?s ?p ?o . FILTER(STRSTARTS(STR(?p), STR(kg:)) && isIRI(?o) && ?p != kg:mentionedIn)
  BIND(STRAFTER(STR(?p), STR(kg:)) AS ?rel)
  OPTIONAL { ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:sentence ?sentence .
             OPTIONAL { ?f prov:wasDerivedFrom/schema:headline ?headline } }
} GROUP BY ?s ?rel ?o"""


def store_to_networkx(store: Any) -> nx.MultiDiGraph:
    """Entities as nodes (class, label), relations as edges (with a sample source sentence)."""
    g = nx.MultiDiGraph()
    _, rows = run_query(store, _NODES).rows()
    for n, cls, label in rows:
        g.add_node(n.value, cls=cls.value, label=label.value)
    _, rows = run_query(store, _EDGES).rows()
    for s, rel, o, evidence, article in rows:
        if s.value in g and o.value in g:
            g.add_edge(s.value, o.value, rel=rel.value,
                       evidence=evidence.value if isinstance(evidence, ox.Literal) else "",
                       article=article.value if isinstance(article, ox.Literal) else "")
    return g


def write_html(store: Any, path: str | Path, title: str = "kg graph") -> nx.MultiDiGraph:
    """Write the store's graph as an interactive HTML page, atomically."""
    g = store_to_networkx(store)
    rank = nx.degree_centrality(nx.DiGraph(g)) if g.number_of_nodes() else {}
    top = max(rank.values(), default=1.0) or 1.0
    nodes = [
        {"id": n, "label": d["label"], "group": d["cls"], "color": CLASS_COLOURS.get(d["cls"], "#bab0ac"),
         "value": 10 + 30 * rank.get(n, 0) / top, "tooltip": f"{d['label']} ({d['cls']})"}
        for n, d in g.nodes(data=True)
    ]
    edges = [
        {"id": i, "from": s, "to": o, "label": RELATION_LABELS.get(d["rel"], d["rel"]), "label_en": d["rel"],
         "arrows": "to", "tooltip": "\n".join(x for x in (d["rel"], d["evidence"], d["article"]) if x)}
        for i, (s, o, d) in enumerate(g.edges(data=True))
    ]
    options = {
        "nodes": {"shape": "dot", "font": {"size": 14}},
        "edges": {"font": {"size": 11, "align": "middle"}, "smooth": False, "color": {"color": "#999"}},
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120},
    }
    html = render_page(nodes, edges, options, title)
    atomic_write(path, lambda fh: fh.write(html.encode("utf8")))
    return g
