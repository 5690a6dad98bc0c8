"""A remote SPARQL 1.1 endpoint behind the same interface as :class:`EmbeddedStore`.

``kg build --store http://host:7878`` writes each article with one SPARQL
Update request (``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }``),
which a SPARQL 1.1 server runs as one request — Oxigraph, Fuseki, GraphDB
and others apply an update request atomically — and queries through the
SPARQL 1.1 Protocol. Answers come back as SPARQL JSON results (or N-Triples
for CONSTRUCT/DESCRIBE) and are parsed with pyoxigraph, so callers get
the very types the embedded store returns (``QuerySolutions`` with
``.variables``, rows indexable by position or name, ``QueryBoolean``,
triples).

Endpoints. ``url`` may be

* a server root (``http://host:7878``): Oxigraph's layout, ``/query`` and
  ``/update``;
* a query endpoint ending in ``/query`` or ``/sparql``: updates go to the
  sibling ``/update`` (Fuseki: ``http://host:3030/ds/query``);
* anything else: queries and updates both go to ``url``
  (GraphDB's ``/repositories/x`` takes ``update_url=…/statements``).

``query_url`` and ``update_url`` override the guess.

Union of graphs. kg queries the union of all named graphs by default. On
``oxigraph serve --union-default-graph`` that is the server's default graph.
Any other endpoint is detected on the first query that finds data (one
named-graph triple is looked up in the default graph) and then queried with
the SPARQL Protocol's ``default-graph-uri``/``named-graph-uri`` parameters
listing every graph: the standard way to say "the default graph is the
merge of these graphs", which needs no rewriting of the query text.
``union="server"`` or ``union="dataset"`` skips the detection.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from kg.errors import QueryError, QueryTimeout, StoreError
from kg.resolve.iri import ENTITY_GRAPH
from kg.store.embedded import parse_rdf_file, remove_graph_update, replace_graph_update, sparql_insert_body, write_rdf

__all__ = ["RemoteStore"]

_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"


def _endpoints(url: str) -> tuple[str, str]:
    parts = urlsplit(url.rstrip("/"))
    path = parts.path
    if path in ("", "/"):
        base = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        return base + "/query", base + "/update"
    for tail in ("/query", "/sparql"):
        if path.endswith(tail):
            update = urlunsplit((parts.scheme, parts.netloc, path[: -len(tail)] + "/update", parts.query, ""))
            return url, update
    return url, url


class RemoteStore:
    """A SPARQL 1.1 endpoint (Protocol + Update) used like the embedded store."""

    def __init__(self, url: str, *, query_url: str | None = None, update_url: str | None = None,
                 timeout: float = 60.0, union: str | None = None, auth: Any = None,
                 client: httpx.Client | None = None) -> None:
        if not url.startswith(("http://", "https://")):
            raise StoreError(f"not an http(s) SPARQL endpoint: {url}")
        if union not in (None, "server", "dataset"):
            raise ValueError("union must be None (detect), 'server' or 'dataset'")
        self.url = url
        guessed_query, guessed_update = _endpoints(url)
        self.query_url = query_url or guessed_query
        self.update_url = update_url or guessed_update
        self._union = union
        self._client = client or httpx.Client(
            timeout=httpx.Timeout(timeout, connect=10.0), auth=auth, follow_redirects=True,
            headers={"User-Agent": "kg (https://w3id.org/kg)"})

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- HTTP ---------------------------------------------------------------
    def _post(self, url: str, *, content: str, headers: dict, what: str) -> httpx.Response:
        try:
            response = self._client.post(url, content=content.encode("utf8"), headers=headers)
        except httpx.TimeoutException as exc:
            raise (QueryTimeout if what == "query" else StoreError)(
                f"{what} at {url} timed out ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {exc}") from exc
        if response.status_code >= 400:
            detail = response.text.strip().splitlines()[0][:300] if response.text.strip() else response.reason_phrase
            error = QueryError if what == "query" and response.status_code == 400 else StoreError
            raise error(f"{what} at {url} failed: HTTP {response.status_code}: {detail}")
        return response

    def _update(self, update: str) -> None:
        self._post(self.update_url, content=update,
                   headers={"Content-Type": "application/sparql-update; charset=utf-8"}, what="update")

    def _raw_query(self, sparql: str, dataset: tuple[list[str], list[str]] | None = None) -> Any:
        headers = {"Accept": f"{_RESULTS_JSON}, {_NTRIPLES};q=0.9"}
        if dataset is None:
            response = self._post(self.query_url, content=sparql, what="query",
                                  headers={**headers, "Content-Type": "application/sparql-query; charset=utf-8"})
        else:
            default, named = dataset
            form = [("query", sparql)] + [("default-graph-uri", g) for g in default] + \
                [("named-graph-uri", g) for g in named]
            response = self._post(self.query_url, content=urlencode(form), what="query",
                                  headers={**headers, "Content-Type": "application/x-www-form-urlencoded"})
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if kind in (_RESULTS_JSON, "application/json"):
                return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
            if kind == "application/sparql-results+xml":
                return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.XML)
            if kind == "text/tab-separated-values":
                return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.TSV)
            rdf = ox.RdfFormat.from_media_type(kind) if kind else None
            if rdf is None:
                raise QueryError(f"the endpoint answered with an unexpected content type {kind!r}")
            return list(ox.parse(response.content, format=rdf))
        except SyntaxError as exc:
            raise QueryError(f"the endpoint's answer could not be parsed: {exc}") from exc

    def _scalar(self, sparql: str) -> Any:
        for row in self._raw_query(sparql):
            return row[0]
        return None

    # -- union of graphs -------------------------------------------------------
    def _union_mode(self) -> str:
        if self._union is None:
            probe = list(self._raw_query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1"))
            if not probe:
                return "server"  # nothing in named graphs yet: decide once there is
            s, p, o = probe[0][0], probe[0][1], probe[0][2]
            visible = bool(self._raw_query(f"ASK {{ {s} {p} {o} }}")) if not isinstance(s, ox.BlankNode) else True
            self._union = "server" if visible else "dataset"
        return self._union

    # -- writing ------------------------------------------------------------
    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Replace the named graph ``graph`` with ``quads`` in one SPARQL Update request."""
        update = replace_graph_update(graph, quads)
        try:
            self._update(update)
        except StoreError as exc:
            raise StoreError(f"writing graph {graph} failed: {exc}") from exc

    def remove_graph(self, graph: str) -> bool:
        """Drop one article's graph (and entities no other article mentions); False if it was not there."""
        g = ox.NamedNode(graph)
        if not bool(self._raw_query(f"ASK {{ GRAPH {g} {{ ?s ?p ?o }} }}")):
            return False
        self._update(remove_graph_update(graph))
        return True

    def load_file(self, path: str | Path, fmt: str | None = None) -> int:
        """Load an RDF file with one SPARQL Update request; malformed input sends nothing."""
        quads = parse_rdf_file(path, fmt)
        before = self.count_quads()
        body = sparql_insert_body(quads)
        if body:
            self._update(f"INSERT DATA {{\n{body}\n}}")
        return self.count_quads() - before

    def flush(self) -> None:
        """Nothing to do: the server persists each request."""

    # -- reading ------------------------------------------------------------
    def query(self, sparql: str, **kwargs: Any) -> Any:
        """Run SPARQL over the union of all graphs; pyoxigraph result types."""
        if kwargs:
            raise QueryError(f"options {sorted(kwargs)} are not supported on a remote endpoint")
        if self._union_mode() == "dataset":
            graphs = list(self._all_graphs())
            return self._raw_query(sparql, (graphs, graphs))
        return self._raw_query(sparql)

    def _all_graphs(self) -> Iterator[str]:
        for row in self._raw_query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            if isinstance(row[0], ox.NamedNode):
                yield row[0].value

    def graphs(self) -> Iterator[str]:
        """The IRIs of the articles' named graphs (not the shared entity graph)."""
        return (g for g in self._all_graphs() if g != ENTITY_GRAPH)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad: the named graphs' and, where the default graph is not their union, its own."""
        for row in self._raw_query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield ox.Quad(row[0], row[1], row[2], row[3])
        if self._union_mode() == "dataset":
            for row in self._raw_query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"):
                yield ox.Quad(row[0], row[1], row[2], ox.DefaultGraph())

    def count_quads(self) -> int:
        """Quads in named graphs, plus the default graph's own where it is not their union."""
        n = int(self._scalar("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").value)
        if self._union_mode() == "dataset":
            n += int(self._scalar("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").value)
        return n

    def dump(self, path: str | Path, fmt: str | None = None) -> None:
        """Write every quad to ``path`` atomically."""
        write_rdf(path, self.quads(), fmt)
