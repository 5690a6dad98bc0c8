"""rdflib interop: the store as an ``rdflib.Dataset`` for users who live in rdflib."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
import rdflib

__all__ = ["to_rdflib"]


def to_rdflib(store: Any) -> rdflib.Dataset:
    """Copy every quad of ``store`` into a new ``rdflib.Dataset`` (one graph per article).

    ``store`` is an :class:`~kg.store.EmbeddedStore`, a :class:`~kg.store.remote.RemoteStore`
    or a bare ``pyoxigraph.Store``. Literals keep their language tags and datatypes.
    Like kg's own stores, the dataset's default graph is the union of all graphs
    (``default_union=True``), so ``ds.query`` and ``ds.triples`` see every article.

    >>> from kg.store import EmbeddedStore
    >>> st = EmbeddedStore()
    >>> st.oxigraph.update('INSERT DATA { GRAPH <https://w3id.org/kg/graph/a> { <http://x/s> <http://x/p> "값"@ko } }')
    >>> ds = to_rdflib(st)
    >>> len(ds.graph(rdflib.URIRef("https://w3id.org/kg/graph/a")))
    1
    """
    if isinstance(store, ox.Store):
        quads = store.quads_for_pattern(None, None, None, None)
    elif hasattr(store, "quads"):
        quads = store.quads()
    else:
        quads = store.oxigraph.quads_for_pattern(None, None, None, None)
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    ds = rdflib.Dataset(default_union=True)  # as in kg: queries see the union of all graphs
    ds.parse(data=data.decode("utf8"), format="nquads")
    return ds
