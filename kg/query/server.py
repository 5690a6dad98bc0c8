"""``kg serve``: a SPARQL 1.1 Protocol endpoint over the embedded store, with a small offline web page.

* ``/sparql`` — GET ``?query=``, POST form-encoded (``query=`` or ``update=``), POST
  ``application/sparql-query`` and ``application/sparql-update``. Answers by content negotiation
  (``Accept``, or a ``format``/``output`` parameter when Accept says nothing): SPARQL Results JSON,
  XML, CSV and TSV; Turtle, N-Triples, TriG and RDF/XML for CONSTRUCT and DESCRIBE.
* Read-only unless ``allow_update``: updates get 403. SERVICE (federated query) and LOAD make the
  server fetch from elsewhere and are refused always, found at the token level (:mod:`kg.query.safety`).
* Every query runs under a time limit (503 past it) and a row cap (the first rows are sent with an
  ``X-KG-Truncated`` header); requests are capped in size (413/414); at most ``max_running``
  evaluations run at once (pyoxigraph cannot stop one, so an abandoned evaluation keeps its slot
  until it finishes); CORS is open so browser tools can call the endpoint.
* ``/`` — a query page (examples, results as a table built with ``textContent``); ``/graph`` — the
  store's graph drawn by :func:`kg.viz.write_html`. Nothing is fetched from a CDN.
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from kg.errors import QueryError, QueryTimeout
from kg.query.safety import keywords, refused_keywords
from kg.query.sparql import DEFAULT_LIMIT, DEFAULT_TIMEOUT, QueryResult, format_result, run_query
from kg.rdf.model import NS

__all__ = ["create_app", "find_examples", "EXAMPLE_QUERIES", "MAX_REQUEST_BYTES", "negotiate"]

MAX_REQUEST_BYTES = 64 * 1024
STATIC = Path(__file__).with_name("static")
REPO_QUERIES = Path(__file__).resolve().parents[2] / "examples" / "queries"

# Used only when no examples folder is found (an installed kg without the repository).
EXAMPLE_QUERIES = {
    "classes": "# How many entities of each class?\n"
               "SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE {\n  ?x a ?class .\n"
               "  FILTER(STRSTARTS(STR(?class), STR(kg:)) && ?class != kg:Fact)\n}\nGROUP BY ?class\nORDER BY DESC(?n)\n",
    "attended": "# Who attended which event?\n"
                "SELECT DISTINCT ?who ?event WHERE {\n  ?p kg:attended ?e ; rdfs:label ?who .\n  ?e rdfs:label ?event .\n}\n"
                "ORDER BY ?event ?who\n",
    "fact_sources": "# The sentence behind each fact.\n"
                    "SELECT ?subject ?relation ?sentence WHERE {\n"
                    "  ?f a kg:Fact ; rdf:subject/rdfs:label ?subject ; rdf:predicate ?p ; kg:sentence ?sentence .\n"
                    "  BIND(STRAFTER(STR(?p), \"#\") AS ?relation)\n}\nLIMIT 50\n",
}

RESULT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle", "application/x-turtle": "turtle", "application/turtle": "turtle",
    "application/n-triples": "ntriples", "text/plain": "ntriples", "application/trig": "trig",
    "application/rdf+xml": "rdfxml",
}
MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
         "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ntriples": "application/n-triples",
         "trig": "application/trig", "rdfxml": "application/rdf+xml"}
_FORMAT_PARAM = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
                 "n-triples": "ntriples", "ntriples": "ntriples", "nt": "ntriples", "trig": "trig",
                 "rdfxml": "rdfxml", "rdf+xml": "rdfxml"}
_UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
_PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
             "frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")


class Refused(Exception):
    """An HTTP error answer: status and one line of text."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


def negotiate(accept: str | None, kind: str, fmt_param: str | None = None) -> str:
    """The format to answer in (json, xml, csv, tsv; turtle, ntriples, trig, rdfxml), from ``Accept``.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "select")
    'xml'
    >>> negotiate("*/*", "graph", "json"), negotiate(None, "ask")
    ('turtle', 'json')
    """
    table = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    default = "turtle" if kind == "graph" else "json"
    ranges: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept or "").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        if not media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            ranges.append((-q, i, media.lower()))
    specific = [m for _, _, m in sorted(ranges) if m not in ("*/*",)]
    for media in specific:
        if media in table:
            return table[media]
        if media.endswith("/*"):
            major = media[:-1]
            for candidate, fmt in table.items():
                if candidate.startswith(major):
                    return fmt
    param = _FORMAT_PARAM.get((fmt_param or "").lower())
    if param and param in table.values():
        return param
    if specific and not any(m == "*/*" for _, _, m in ranges):
        raise Refused(406, f"cannot answer in {accept}; ask for one of {', '.join(sorted(set(table)))}")
    return default


def find_examples(folder: str | Path | None = None) -> list[dict[str, str]]:
    """Example queries: ``*.rq`` in ``folder``, else ``examples/queries`` here or in the repository,
    else the few built in. Each has a name, a title (its first comment line) and the query."""
    candidates = [Path(folder)] if folder else [Path.cwd() / "examples" / "queries", REPO_QUERIES]
    for candidate in candidates:
        files = sorted(candidate.glob("*.rq")) if candidate.is_dir() else []
        if files:
            return [_example(f.stem, f.read_text("utf8")) for f in files]
    return [_example(name, text) for name, text in EXAMPLE_QUERIES.items()]


def _example(name: str, text: str) -> dict[str, str]:
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    title = first.lstrip("#").strip() if first.startswith("#") else name
    return {"name": name, "title": title, "query": text}


class Endpoint:
    """The state behind the app: the store, the limits and the cached graph page."""

    def __init__(self, store: Any, *, allow_update: bool, timeout: float, limit: int, max_request_bytes: int,
                 max_running: int, examples: list[dict[str, str]]) -> None:
        self.store = store
        self.allow_update = allow_update
        self.timeout = timeout
        self.limit = limit
        self.max_request_bytes = max_request_bytes
        self.slots = threading.BoundedSemaphore(max_running)
        self.examples = examples
        self.generation = 0
        self._graph_page: tuple[int, str] | None = None
        self._graph_lock = threading.Lock()
        self._update_lock = threading.Lock()

    # -- queries ---------------------------------------------------------------
    def answer(self, query: str, accept: str | None, fmt_param: str | None) -> Response:
        found = refused_keywords(query)
        if found:
            raise Refused(403, f"{' and '.join(sorted(found))} is refused by this endpoint: it does not fetch "
                               "from other servers")
        try:
            result = run_query(self.store, query, timeout=self.timeout, limit=self.limit, slots=self.slots)
        except QueryTimeout as exc:
            raise Refused(503, str(exc), {"Retry-After": "5"}) from exc
        except QueryError as exc:
            if keywords(query, _UPDATE_WORDS) and "syntax error" in str(exc):
                raise Refused(403 if not self.allow_update else 400,
                              "this looks like an update, which the query parameter cannot carry"
                              + ("; the endpoint is read-only" if not self.allow_update else
                                 "; send it as update= or application/sparql-update") + f" ({exc})") from exc
            raise Refused(400, str(exc)) from exc
        fmt = negotiate(accept, result.kind, fmt_param)
        body = _serialize(result, fmt)
        headers = {"X-KG-Seconds": f"{result.seconds:.4f}"}
        if result.truncated:
            headers["X-KG-Truncated"] = str(result.limit)
        return Response(body, media_type=f"{MEDIA[fmt]}; charset=utf-8", headers=headers)

    def update(self, update: str) -> Response:
        if not self.allow_update:
            raise Refused(403, "updates are refused: this endpoint is read-only (start it with kg serve --allow-update)")
        found = refused_keywords(update)
        if found:
            raise Refused(403, f"{' and '.join(sorted(found))} is refused by this endpoint: it does not fetch "
                               "from other servers")
        target = getattr(self.store, "oxigraph", None)
        try:
            with self._update_lock:
                if target is not None:
                    target.update(update, prefixes=dict(NS))
                else:
                    self.store._update(update)  # pragma: no cover - remote stores
                self.generation += 1
        except SyntaxError as exc:
            from kg.query.sparql import _syntax_message

            raise Refused(400, _syntax_message(str(exc), update)) from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise Refused(400, f"update failed: {exc}") from exc
        return Response(status_code=204)

    # -- the graph page --------------------------------------------------------
    def graph_page(self) -> str:
        with self._graph_lock:
            if self._graph_page is None or self._graph_page[0] != self.generation:
                from kg.viz import write_html

                generation = self.generation
                with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
                    path = Path(tmp) / "graph.html"
                    write_html(self.store, path)
                    self._graph_page = (generation, path.read_text("utf8"))
            return self._graph_page[1]


def _serialize(result: QueryResult, fmt: str) -> str | bytes:
    if fmt == "rdfxml":
        return ox.serialize(result.triples, format=ox.RdfFormat.RDF_XML)
    return format_result(result, fmt)


def create_app(store: Any, *, allow_update: bool = False, timeout: float = DEFAULT_TIMEOUT, limit: int = DEFAULT_LIMIT,
               max_request_bytes: int = MAX_REQUEST_BYTES, max_running: int | None = None,
               queries: str | Path | None = None) -> FastAPI:
    """The FastAPI app serving ``store`` (see the module's docstring)."""
    endpoint = Endpoint(store, allow_update=allow_update, timeout=timeout, limit=limit,
                        max_request_bytes=max_request_bytes, max_running=max_running or max(2, os.cpu_count() or 2),
                        examples=find_examples(queries))
    app = FastAPI(title="kg SPARQL endpoint", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.endpoint = endpoint
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                       allow_headers=["*"], expose_headers=["X-KG-Truncated", "X-KG-Seconds"], max_age=600)

    @app.middleware("http")
    async def nosniff(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    async def read_body(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > endpoint.max_request_bytes:
            raise Refused(413, f"the request is larger than {endpoint.max_request_bytes} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > endpoint.max_request_bytes:
                raise Refused(413, f"the request is larger than {endpoint.max_request_bytes} bytes")
        return bytes(body)

    def one(params: dict[str, list[str]], name: str) -> str | None:
        values = params.get(name)
        if not values:
            return None
        if len(values) > 1:
            raise Refused(400, f"give one {name} parameter, not {len(values)}")
        return values[0]

    async def handle(request: Request) -> Response:
        try:
            params = parse_qs(request.url.query, keep_blank_values=True)
            if len(request.url.query) > endpoint.max_request_bytes:
                raise Refused(414, f"the query string is longer than {endpoint.max_request_bytes} bytes")
            query = update = None
            if request.method == "POST":
                ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
                body = await read_body(request)
                try:
                    text = body.decode("utf8")
                except UnicodeDecodeError as exc:
                    raise Refused(400, "the request body is not UTF-8") from exc
                if ctype == "application/x-www-form-urlencoded":
                    params.update(parse_qs(text, keep_blank_values=True))
                    query, update = one(params, "query"), one(params, "update")
                elif ctype == "application/sparql-query":
                    query = text
                elif ctype == "application/sparql-update":
                    update = text
                else:
                    raise Refused(415, "send application/x-www-form-urlencoded, application/sparql-query or "
                                       "application/sparql-update")
            else:
                query, update = one(params, "query"), one(params, "update")
                if update is not None:
                    raise Refused(405 if endpoint.allow_update else 403,
                                  "updates are sent with POST" if endpoint.allow_update else
                                  "updates are refused: this endpoint is read-only")
            if params.get("default-graph-uri") or params.get("named-graph-uri"):
                raise Refused(400, "default-graph-uri and named-graph-uri are not supported; use FROM or GRAPH "
                                   "in the query (the default graph is the union of all graphs)")
            if (query is None) == (update is None):
                raise Refused(400, "give exactly one of the query and update parameters")
            if update is not None:
                return await run_in_threadpool(endpoint.update, update)
            # Clients repeat these (SPARQLWrapper sends format=csv&format=text/csv): the first known one counts.
            fmt_param = next((v for name in ("format", "output", "results") for v in params.get(name, [])
                              if v.lower() in _FORMAT_PARAM), None)
            return await run_in_threadpool(endpoint.answer, query, request.headers.get("accept"), fmt_param)
        except Refused as exc:
            return PlainTextResponse(str(exc) + "\n", status_code=exc.status, headers=exc.headers)

    app.add_api_route("/sparql", handle, methods=["GET", "POST"], include_in_schema=False)

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        html = (STATIC / "index.html").read_text("utf8")
        return HTMLResponse(html, headers={"Content-Security-Policy": _PAGE_CSP, "Cache-Control": "no-cache"})

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        files = {"app.js": "text/javascript", "style.css": "text/css"}
        if name not in files:
            return PlainTextResponse("not found\n", status_code=404)
        return Response((STATIC / name).read_bytes(), media_type=f"{files[name]}; charset=utf-8",
                        headers={"Cache-Control": "no-cache"})

    @app.get("/examples.json", include_in_schema=False)
    def examples() -> Response:
        return JSONResponse({"examples": endpoint.examples, "readOnly": not endpoint.allow_update,
                             "timeout": endpoint.timeout, "limit": endpoint.limit})

    @app.get("/graph", include_in_schema=False)
    def graph() -> Response:
        return HTMLResponse(endpoint.graph_page(), headers={"Cache-Control": "no-cache"})

    return app
