"""The graph as one self-contained HTML page (vis-network, shipped with pyvis, inlined).

pyvis builds the node and edge records (``pyvis.network.Network``); the page
is our own template, because pyvis's pulls Bootstrap from a CDN and puts
titles into the page as HTML.

Every string that came from an article reaches the page only as JSON data
that the page's own script sets as *text* — never as HTML — and the JSON is
escaped so that ``</script>`` or ``<!--`` in a label cannot end the script.

>>> import json
>>> safe_json({"label": "</script><img src=x onerror=alert(1)>"})
'{"label":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
"""

from __future__ import annotations

import html as _html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from kg.viz.graph import label_of
from kg.viz.layout import layout_positions

__all__ = ["CLASS_COLOURS", "COMMUNITY_COLOURS", "safe_json", "render_page", "render_graph", "vis_network_js"]

CLASS_COLOURS = {
    "Person": "#e15759", "Organization": "#4e79a7", "Place": "#59a14f", "Event": "#f28e2b",
    "Product": "#b07aa1", "Position": "#9c755f", "Entity": "#bab0ac",
}
COMMUNITY_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                     "#bcbd22", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d"]
OTHER_COMMUNITY = "#c7c7c7"
BIG = 1500  # from this many nodes the page hides edge labels until zoomed in, and edges while dragging
MAX_FACTS_IN_TIP = 6


def safe_json(data: Any) -> str:
    """JSON that is also safe inside an HTML ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def vis_network_js() -> str:
    """The vis-network library that pyvis ships, for inlining (no CDN)."""
    lib = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
    return lib.joinpath("vis-network.min.js").read_text("utf8")


def render_page(nodes: list[dict], edges: list[dict], options: dict, title: str = "kg graph",
                extra: dict | None = None) -> str:
    """The whole page: data, legend, search box, class filter, tooltips as text."""
    template = Path(__file__).with_name("page.html").read_text("utf8")
    legend = (extra or {}).get("legend") or {
        cls: {"colour": colour, "ko": label_of(cls), "en": label_of(cls, "en"), "count": 0}
        for cls, colour in CLASS_COLOURS.items() if any(n.get("cls", n.get("group")) == cls for n in nodes)}
    data = {"nodes": nodes, "edges": edges, "options": options, "legend": legend, **(extra or {})}
    data["legend"] = legend
    js = vis_network_js()
    if "</script" in js.lower():  # pragma: no cover - the library must not be able to end its element
        raise ValueError("vis-network.min.js contains </script>")
    replacements = {
        "/*VIS_JS*/": js,
        "/*DATA*/": safe_json(data),
        "<!--TITLE-->": _html.escape(title, quote=True),
    }
    # One pass over the template: nothing inserted is searched for markers again.
    return re.sub(r"/\*VIS_JS\*/|/\*DATA\*/|<!--TITLE-->", lambda m: replacements[m.group(0)], template)


def _label_width(text: str, size: float = 14.0) -> float:
    """Rough width in pixels of a label: Hangul and CJK are square, Latin about half."""
    return sum(size if ord(ch) >= 0x1100 else size * 0.55 for ch in text)


def _source_lines(sources: list[tuple[str, str]], limit: int = 2) -> list[str]:
    lines = []
    for sentence, headline in sources[:limit]:
        if sentence:
            lines.append(f"  「{sentence.strip()}」")
        if headline:
            lines.append(f"  — {headline.strip()}")
    if len(sources) > limit:
        lines.append(f"  (+{len(sources) - limit} more sources)")
    return lines


def _node_tip(g: nx.MultiDiGraph, n: str, d: dict) -> str:
    cls = d["cls"]
    lines = [f"{d['label']} · {label_of(cls)} ({cls})"]
    if d.get("alts"):
        lines.append("또는 / aka: " + ", ".join(d["alts"][:6]))
    facts = d.get("facts", [])
    if facts:
        lines.append("")
    for rel, arrow, other, sentence, headline, modality in facts[:MAX_FACTS_IN_TIP]:
        other_label = g.nodes[other]["label"] if other in g else (other if not other.startswith("http") else "…")
        verb = label_of(rel)
        line = f"{verb} → {other_label}" if arrow == "→" else f"{other_label} → {verb}"
        lines.append(line + (f" [{modality}]" if modality else ""))
        lines += _source_lines([(sentence, headline)])
    if len(facts) > MAX_FACTS_IN_TIP:
        lines.append(f"… +{len(facts) - MAX_FACTS_IN_TIP} facts")
    return "\n".join(lines)


def render_graph(g: nx.MultiDiGraph, title: str = "kg graph") -> str:
    """Page for a graph from :func:`kg.viz.graph.build_view` (nodes carry cls, label, rank, community)."""
    from pyvis.edge import Edge
    from pyvis.network import Network

    nodes = list(g)
    index = {n: i for i, n in enumerate(nodes)}
    pairs: dict[tuple[int, int], list[dict]] = {}
    for s, o, d in g.edges(data=True):
        pairs.setdefault((index[s], index[o]), []).append(d)
    undirected = sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b})
    members: list[list[int]] = []
    for n in nodes:
        ci = g.nodes[n].get("community", 0)
        while len(members) <= ci:
            members.append([])
        members[ci].append(index[n])
    widths = [_label_width(g.nodes[n]["label"]) for n in nodes]
    pos = layout_positions(len(nodes), undirected, [m for m in members if m], widths=widths)

    rank = [g.nodes[n].get("rank", 0.0) for n in nodes]
    top = max(rank, default=1.0) or 1.0
    big = len(nodes) >= BIG
    net = Network(directed=True)  # pyvis: node and edge records in vis-network's format
    for i, n in enumerate(nodes):
        d = g.nodes[n]
        ci = d.get("community", 0)
        net.add_node(
            i, label=d["label"], shape="dot", color=CLASS_COLOURS.get(d["cls"], CLASS_COLOURS["Entity"]),
            cls=d["cls"], value=round(1 + 99 * (rank[i] / top) ** 0.75, 2),
            x=round(float(pos[i, 0]), 1), y=round(float(pos[i, 1]), 1),
            cc=COMMUNITY_COLOURS[ci] if ci < len(COMMUNITY_COLOURS) else OTHER_COMMUNITY, cm=ci,
            tip=_node_tip(g, n, d), find=" ".join([d["label"], *d.get("alts", [])]).casefold(), iri=n)
    for eid, ((a, b), ds) in enumerate(pairs.items()):
        rels = list(dict.fromkeys(d["rel"] for d in ds))
        ko = " · ".join(label_of(r) for r in rels)
        en = " · ".join(label_of(r, "en") for r in rels)
        tip = [f"{g.nodes[nodes[a]]['label']} → {ko} ({en}) → {g.nodes[nodes[b]]['label']}"]
        for d in ds:
            if len(ds) > 1:
                tip.append(f"{label_of(d['rel'])}:")
            tip += _source_lines(d.get("sources", []), 3)
        # pyvis's add_edge checks every edge against every node (quadratic); its Edge record is the same.
        net.edges.append(Edge(a, b, True, id=eid, label=ko, lk=ko, le=en, tip="\n".join(tip)).options)

    legend = {}
    for cls, colour in CLASS_COLOURS.items():
        count = sum(1 for n in nodes if g.nodes[n]["cls"] == cls)
        if count:
            legend[cls] = {"colour": colour, "ko": label_of(cls), "en": label_of(cls, "en"), "count": count}
    total = g.graph.get("total_nodes", len(nodes))
    note = ""
    if total > len(nodes):
        note = (f"상위 {len(nodes):,}개 노드만 표시 (전체 {total:,}, PageRank 순) · "
                f"showing the top {len(nodes):,} of {total:,} nodes by PageRank")
    options = {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {"enabled": False},
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 14, "face": "NanumGothic, 'Noto Sans CJK KR', sans-serif", "color": "#222",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"min": 7, "max": 30,
                        "label": {"enabled": True, "min": 13, "max": 20, "drawThreshold": 9 if big else 5,
                                  "maxVisible": 40}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "color": {"color": "#b5b5b5", "highlight": "#333333", "hover": "#666666", "inherit": False},
            "font": {"size": 10 if big else 12, "color": "#555", "strokeWidth": 3, "strokeColor": "#ffffff",
                     "align": "middle", "face": "NanumGothic, sans-serif"},
            "smooth": False,
            "width": 0.8,
            "selectionWidth": 1.5,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
    }
    extra = {
        "legend": legend,
        "note": note,
        "total": total,
        "communities": len([m for m in members if m]),
        "big": big,
        "edgeLabelScale": 0.9 if big else 0,
        "focus": [index[n] for n in g.graph.get("focus_nodes", []) if n in index],
    }
    return render_page(net.nodes, net.edges, options, title, extra)
