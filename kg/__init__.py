"""kg — knowledge graphs from Korean news.

Articles go in; entities, facts and their provenance come out as RDF in a
persistent SPARQL store, and as an interactive HTML graph::

    ingest → nlp → extract → resolve → rdf → store → query / viz

>>> import kg
>>> store = kg.EmbeddedStore()                      # in memory; pass a folder to persist
>>> art = kg.Article(id="demo", text="박서준 산업통상자원부 장관이 '스타트업 간담회'에 참석했다.")
>>> report = kg.build([art], store)
>>> report.articles, report.failures
(1, [])
>>> rows = kg.run_query(store, "SELECT ?who WHERE { ?p kg:attended ?e ; rdfs:label ?who }").rows()[1]
>>> [r[0].value for r in rows]
['박서준']

The public API is the names in ``__all__``; modules behind it are private.
Heavy parts (spaCy, Kiwi) load on first use, so ``import kg`` is cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BuildReport",
    "EmbeddedStore",
    "build",
    "errors",
    "extract",
    "format_result",
    "load_pipeline",
    "open_store",
    "read_inputs",
    "resolve",
    "run_query",
    "to_rdflib",
    "write_html",
]

_LAZY = {
    "Article": "kg.ingest",
    "read_inputs": "kg.ingest",
    "load_pipeline": "kg.nlp",
    "extract": "kg.extract",
    "resolve": "kg.resolve",
    "EmbeddedStore": "kg.store",
    "open_store": "kg.store",
    "run_query": "kg.query",
    "format_result": "kg.query",
    "write_html": "kg.viz",
    "build": "kg.builder",
    "BuildReport": "kg.builder",
    "to_rdflib": "kg.rdf.interop",
    "errors": "kg.errors",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    module = importlib.import_module(_LAZY[name])
    value = module if name == "errors" else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
