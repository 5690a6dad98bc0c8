"""The embedded, persistent Oxigraph store (the default): nothing to start.

Each article lives in its own named graph and is written in one transaction
(a single SPARQL update that drops the old graph and inserts the new one),
so a failure leaves the store as it was and re-ingesting replaces. The entity
layer (classes, labels, asserted relations) is shared by all articles in the
graph ``https://w3id.org/kg/entities``; the same update removes from it what
only the replaced (or removed) article supported.

>>> import tempfile
>>> from pyoxigraph import NamedNode, Quad, Literal
>>> st = EmbeddedStore(tempfile.mkdtemp())
>>> g = "https://w3id.org/kg/graph/a1"
>>> st.replace_graph(g, [Quad(NamedNode("http://x/s"), NamedNode("http://x/p"), Literal("o"), NamedNode(g))])
>>> st.count_quads()
1
>>> st.replace_graph(g, [])
>>> st.count_quads()
0
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, RdfSyntaxError, StoreError, StoreLocked
from kg.resolve.iri import ENTITY_GRAPH

__all__ = ["EmbeddedStore", "RDF_FORMATS", "atomic_write", "format_for", "parse_rdf_file", "write_rdf", "sparql_insert_body",
           "replace_graph_update", "remove_graph_update"]

RDF_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": getattr(ox.RdfFormat, "JSON_LD", None),
}
_SUFFIX_FORMAT = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "ntriples", ".rdf": "rdfxml",
                  ".jsonld": "jsonld", ".json": "jsonld"}


def atomic_write(path: str | Path, write: Any) -> None:
    """Call ``write(file)`` on a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        # mkstemp makes the file private; give it the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def format_for(path: str | Path, fmt: str | None = None) -> ox.RdfFormat:
    """The RDF format named by ``fmt`` (trig, nquads, turtle, ntriples, rdfxml, jsonld) or by the suffix."""
    name = fmt.lower().replace("-", "") if fmt else _SUFFIX_FORMAT.get(Path(path).suffix.lower())
    name = {"nq": "nquads", "ttl": "turtle", "nt": "ntriples", "xml": "rdfxml", "json": "jsonld"}.get(name, name)
    if not name or RDF_FORMATS.get(name) is None:
        raise StoreError(f"unknown RDF format for {path}: use one of {', '.join(k for k, v in RDF_FORMATS.items() if v)}")
    return RDF_FORMATS[name]


PREFIXES_OUT = {"kg": "https://w3id.org/kg/ontology#", "kgid": "https://w3id.org/kg/id/",
                "schema": "https://schema.org/", "prov": "http://www.w3.org/ns/prov#",
                "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
                "xsd": "http://www.w3.org/2001/XMLSchema#"}


def parse_rdf_file(path: str | Path, fmt: str | None = None) -> list[ox.Quad]:
    """Every quad of an RDF file, parsed completely before anything is written.

    Triple formats (Turtle, N-Triples, RDF/XML) land in the default graph.
    Raises :class:`RdfSyntaxError` for malformed input and :class:`StoreError`
    when the file cannot be read.
    """
    rdf_format = format_for(path, fmt)
    try:
        quads = list(ox.parse(path=str(path), format=rdf_format))
    except (SyntaxError, ValueError) as exc:
        raise RdfSyntaxError(f"{path}: malformed RDF: {exc}") from exc
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not rdf_format.supports_datasets:
        quads = [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads]
    return quads


def write_rdf(path: str | Path, quads: Iterable[ox.Quad], fmt: str | None = None) -> None:
    """Serialise ``quads`` to ``path`` atomically (temporary file, then rename).

    A dataset format (TriG, N-Quads, JSON-LD) keeps the named graphs; a triple
    format (Turtle, N-Triples, RDF/XML) gets the union of all graphs. If
    anything fails, the old file (if any) is left as it was.
    """
    rdf_format = format_for(path, fmt)
    if not rdf_format.supports_datasets:
        quads = (ox.Triple(q.subject, q.predicate, q.object) for q in dict.fromkeys(quads))
    kwargs = {"prefixes": PREFIXES_OUT} if rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE) else {}

    def write(fh: Any) -> None:
        ox.serialize(quads, fh, rdf_format, **kwargs)

    try:
        atomic_write(path, write)
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc


def sparql_insert_body(quads: Iterable[ox.Quad]) -> str:
    """``GRAPH <g> { s p o . }`` blocks for INSERT DATA (default-graph quads outside any GRAPH)."""
    by_graph: dict[Any, list[str]] = {}
    for q in quads:
        if not isinstance(q, ox.Quad):
            raise StoreError(f"not a quad: {q!r}")
        by_graph.setdefault(q.graph_name, []).append(f"{q.subject} {q.predicate} {q.object} .")
    parts = []
    for g, lines in by_graph.items():
        body = "\n".join(lines)
        parts.append(body if isinstance(g, ox.DefaultGraph) else f"GRAPH {g} {{\n{body}\n}}")
    return "\n".join(parts)


_MENTIONED_IN = "<https://w3id.org/kg/ontology#mentionedIn>"


_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_MODALITY = "<https://w3id.org/kg/ontology#modality>"


def _orphans_update(g: ox.NamedNode) -> str:
    """Delete from the shared graph what only graph ``g`` supports: the descriptions of
    entities no other graph mentions, and asserted relations no other graph's
    (asserted, modality-free) kg:Fact states."""
    facts = (f"?f <{_RDF}subject> ?s ; <{_RDF}predicate> ?p ; <{_RDF}object> ?o")
    others = (f"?f2 <{_RDF}subject> ?s ; <{_RDF}predicate> ?p ; <{_RDF}object> ?o")
    return (f"DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ?ep ?eo }} }} WHERE {{\n"
            f"  {{ SELECT DISTINCT ?e WHERE {{ GRAPH {g} {{ ?e {_MENTIONED_IN} ?a }}\n"
            f"    FILTER NOT EXISTS {{ GRAPH ?other {{ ?e {_MENTIONED_IN} ?b }} FILTER(?other != {g}) }} }} }}\n"
            f"  GRAPH <{ENTITY_GRAPH}> {{ ?e ?ep ?eo }} }} ;\n"
            f"DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{\n"
            f"  {{ SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH {g} {{ {facts} FILTER NOT EXISTS {{ ?f {_MODALITY} ?m }} }}\n"
            f"    FILTER NOT EXISTS {{ GRAPH ?other {{ {others} FILTER NOT EXISTS {{ ?f2 {_MODALITY} ?m2 }} }}"
            f" FILTER(?other != {g}) }} }} }}\n"
            f"  GRAPH <{ENTITY_GRAPH}> {{ ?s ?p ?o }} }}")


def replace_graph_update(graph: str, quads: Iterable[ox.Quad]) -> str:
    """One SPARQL update that replaces article graph ``graph`` with ``quads``.

    Quads addressed to the shared entity graph are added there; every other quad goes
    into ``graph``. Entities the old version of the graph was the last to mention lose
    their shared description first. Raises :class:`StoreError` for something not a quad.
    """
    g = ox.NamedNode(graph)
    shared = ox.NamedNode(ENTITY_GRAPH)
    try:
        body = sparql_insert_body(q if q.graph_name == shared else ox.Quad(q.subject, q.predicate, q.object, g)
                                  for q in quads)
    except (AttributeError, TypeError, ValueError) as exc:
        raise StoreError(f"writing graph {graph} failed, store unchanged: invalid quad: {exc}") from exc
    update = f"{_orphans_update(g)} ;\nDROP SILENT GRAPH {g}"
    return f"{update} ;\nINSERT DATA {{\n{body}\n}}" if body else update


def remove_graph_update(graph: str) -> str:
    """One SPARQL update that drops article graph ``graph`` and the entities only it mentioned."""
    g = ox.NamedNode(graph)
    return f"{_orphans_update(g)} ;\nDROP GRAPH {g}"


class EmbeddedStore:
    """A persistent pyoxigraph store in a folder (``output/store`` by default)."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            else:
                # RocksDB's read-only mode breaks while a writer compacts, so readers
                # open normally too; ``read_only`` only refuses to create a store.
                if read_only and not (self.path / "CURRENT").exists():
                    raise StoreError(f"no store at {self.path}: run `kg build` first or pass --store")
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as exc:
            if "lock" in str(exc).lower():
                raise StoreLocked(f"the store {self.path} is in use by another kg process; wait for it to finish") from exc
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store``."""
        return self._store

    # -- writing ------------------------------------------------------------
    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Atomically replace the named graph ``graph`` with ``quads`` (one SPARQL update, one transaction).

        Quads for the shared entity graph are merged there, every other quad goes into
        ``graph``. If the update fails (an invalid term, a full disk), the store is unchanged.
        """
        update = replace_graph_update(graph, quads)
        try:
            self._store.update(update)
        except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
            raise StoreError(f"writing graph {graph} failed, store unchanged: {exc}") from exc

    def remove_graph(self, graph: str) -> bool:
        """Drop one article's graph (and entities no other article mentions); False if it was not there."""
        node = ox.NamedNode(graph)
        if not self._store.contains_named_graph(node):
            return False
        try:
            self._store.update(remove_graph_update(graph))
        except (OSError, SyntaxError, ValueError, RuntimeError) as exc:
            raise StoreError(f"removing graph {graph} failed, store unchanged: {exc}") from exc
        return True

    def load_file(self, path: str | Path, fmt: str | None = None) -> int:
        """Load an RDF file in one transaction; malformed input leaves the store unchanged.

        Returns the number of quads that were new to the store.
        """
        quads = parse_rdf_file(path, fmt)  # parse fully first: a syntax error halfway adds nothing
        before = self.count_quads()
        try:
            self._store.extend(quads)  # one transaction
        except (OSError, RuntimeError, ValueError) as exc:
            raise StoreError(f"loading {path} failed, store unchanged: {exc}") from exc
        return self.count_quads() - before

    def flush(self) -> None:
        self._store.flush()

    # -- reading ------------------------------------------------------------
    def query(self, sparql: str, **kwargs: Any) -> Any:
        """Run SPARQL over the union of all graphs (the default graph)."""
        try:
            return self._store.query(sparql, use_default_graph_as_union=True, **kwargs)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise QueryError(f"query failed: {exc}") from exc

    def graphs(self) -> Iterator[str]:
        """The IRIs of the articles' named graphs (not the shared entity graph)."""
        for g in self._store.named_graphs():
            if g.value != ENTITY_GRAPH:
                yield g.value

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store, named graphs and default graph."""
        return self._store.quads_for_pattern(None, None, None, None)

    def count_quads(self) -> int:
        return len(self._store)

    def dump(self, path: str | Path, fmt: str | None = None) -> None:
        """Write every quad to ``path`` atomically (format from the suffix or ``fmt``)."""
        write_rdf(path, self.quads(), fmt)
