"""rdflib interop: the store as an ``rdflib.Dataset`` for users who live in rdflib."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
import rdflib

__all__ = ["to_rdflib"]


def to_rdflib(store: Any) -> rdflib.Dataset:
    """Copy every quad of ``store`` into a new ``rdflib.Dataset`` (one graph per article).

    >>> from kg.store import EmbeddedStore
    >>> st = EmbeddedStore()
    >>> st.oxigraph.update('INSERT DATA { GRAPH <https://w3id.org/kg/graph/a> { <http://x/s> <http://x/p> "값"@ko } }')
    >>> ds = to_rdflib(st)
    >>> len(ds.graph(rdflib.URIRef("https://w3id.org/kg/graph/a")))
    1
    """
    data = ox.serialize(store.oxigraph.quads_for_pattern(None, None, None, None), format=ox.RdfFormat.N_QUADS)
    ds = rdflib.Dataset()
    ds.parse(data=data.decode("utf8"), format="nquads")
    return ds
