"""The embedded, persistent Oxigraph store (the default): nothing to start.

Each article lives in its own named graph and is written in one transaction
(a single SPARQL update that drops the old graph and inserts the new one),
so a failure leaves the store as it was and re-ingesting replaces.

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

__all__ = ["EmbeddedStore", "RDF_FORMATS", "atomic_write"]

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
    name = fmt or _SUFFIX_FORMAT.get(Path(path).suffix.lower())
    if not name or RDF_FORMATS.get(name) is None:
        raise StoreError(f"unknown RDF format for {path}: use one of {', '.join(k for k, v in RDF_FORMATS.items() if v)}")
    return RDF_FORMATS[name]


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
        """Atomically replace the named graph ``graph`` with ``quads``."""
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        update = f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}"
        try:
            self._store.update(update)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"writing graph {graph} failed, store unchanged: {exc}") from exc

    def remove_graph(self, graph: str) -> bool:
        """Drop one named graph; False if it was not there."""
        node = ox.NamedNode(graph)
        if not self._store.contains_named_graph(node):
            return False
        self._store.update(f"DROP GRAPH <{graph}>")
        return True

    def load_file(self, path: str | Path, fmt: str | None = None) -> int:
        """Load an RDF file in one transaction; malformed input leaves the store unchanged."""
        rdf_format = format_for(path, fmt)
        before = self.count_quads()
        try:
            # Parse fully first so a syntax error halfway adds nothing.
            quads = list(ox.parse(path=str(path), format=rdf_format))
        except SyntaxError as exc:
            raise RdfSyntaxError(f"{path}: malformed RDF: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"cannot read {path}: {exc}") from exc
        if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.RDF_XML):
            quads = [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads]
        self._store.extend(quads)
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
        for g in self._store.named_graphs():
            yield g.value

    def count_quads(self) -> int:
        return len(self._store)

    def dump(self, path: str | Path, fmt: str | None = None) -> None:
        """Write every quad to ``path`` atomically (format from the suffix or ``fmt``)."""
        rdf_format = format_for(path, fmt)
        prefixes = {"kg": "https://w3id.org/kg/ontology#", "kgid": "https://w3id.org/kg/id/",
                    "schema": "https://schema.org/", "prov": "http://www.w3.org/ns/prov#",
                    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
                    "xsd": "http://www.w3.org/2001/XMLSchema#"}
        if rdf_format.supports_datasets:
            quads = self._store.quads_for_pattern(None, None, None, None)
        else:
            # A triple format gets the union of all graphs.
            quads = (ox.Triple(q.subject, q.predicate, q.object)
                     for q in dict.fromkeys(self._store.quads_for_pattern(None, None, None, None)))
        kwargs = {"prefixes": prefixes} if rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE) else {}

        def write(fh: Any) -> None:
            ox.serialize(quads, fh, rdf_format, **kwargs)

        atomic_write(path, write)
