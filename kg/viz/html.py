"""The graph as one self-contained HTML page (vis-network, shipped with pyvis, inlined).

Every string that came from an article reaches the page only as JSON data
that the page's own script sets as *text* — never as HTML — and the JSON is
escaped so that ``</script>`` or ``<!--`` in a label cannot end the script.

>>> import json
>>> safe_json({"label": "</script><img src=x onerror=alert(1)>"})
'{"label": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["CLASS_COLOURS", "safe_json", "render_page", "vis_network_js"]

CLASS_COLOURS = {
    "Person": "#e15759", "Organization": "#4e79a7", "Place": "#59a14f", "Event": "#f28e2b",
    "Product": "#b07aa1", "Position": "#9c755f", "Entity": "#bab0ac",
}


def safe_json(data: Any) -> str:
    """JSON that is also safe inside an HTML ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False)
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def vis_network_js() -> str:
    """The vis-network library that pyvis ships, for inlining (no CDN)."""
    lib = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
    return lib.joinpath("vis-network.min.js").read_text("utf8")


def render_page(nodes: list[dict], edges: list[dict], options: dict, title: str = "kg graph") -> str:
    """The whole page: data, legend, search box, class filter, tooltips as text."""
    template = Path(__file__).with_name("page.html").read_text("utf8")
    legend = {cls: colour for cls, colour in CLASS_COLOURS.items() if any(n["group"] == cls for n in nodes)}
    replacements = {
        "/*VIS_JS*/": vis_network_js(),
        "/*DATA*/": safe_json({"nodes": nodes, "edges": edges, "options": options, "legend": legend}),
        "<!--TITLE-->": title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
    }
    for marker, value in replacements.items():
        # The library and the data go in once; the title wherever it is marked.
        template = template.replace(marker, value, -1 if marker == "<!--TITLE-->" else 1)
    return template
