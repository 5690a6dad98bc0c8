"""Run SPARQL with the usual prefixes predeclared, under a time limit and a row cap, and format the answers.

>>> from kg.store.embedded import EmbeddedStore
>>> st = EmbeddedStore()
>>> st.oxigraph.update('INSERT DATA { <https://w3id.org/kg/id/person/a> <http://www.w3.org/2000/01/rdf-schema#label> "이종호"@ko }')
>>> res = run_query(st, "SELECT ?name WHERE { ?p rdfs:label ?name }")
>>> format_result(res, "csv").splitlines()
['name', '이종호']
>>> run_query(st, "SELECT ?x WHERE {\\n  ?x ?y }")
Traceback (most recent call last):
...
kg.errors.QueryError: SPARQL syntax error at line 2, column 10 (in '?x ?y }'): expected one of LATERAL, SERVICE, [_]

Answers are read into memory as they are produced: a SELECT stops after ``limit`` rows (ORDER BY is
untouched; ``QueryResult.truncated`` says so) and a query that runs past ``timeout`` seconds raises
:class:`kg.errors.QueryTimeout`. pyoxigraph cannot interrupt an evaluation, so the query runs in a daemon
thread that is abandoned at the deadline: it stops at the next answer it produces, or, inside a blocking
operator (ORDER BY, GROUP BY), when that finishes. Callers that serve many clients pass ``slots`` (a
semaphore) so that abandoned evaluations still count against a bound.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.errors import QueryError, QueryTimeout
from kg.rdf.model import NS, PREFIXES

__all__ = ["QueryResult", "run_query", "read_query", "format_result", "FORMATS", "RESULT_FORMATS",
           "GRAPH_FORMATS", "DEFAULT_TIMEOUT", "DEFAULT_LIMIT", "with_prefixes", "term_text"]

FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "trig", "ntriples")
RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "ntriples": ox.RdfFormat.N_TRIPLES}
DEFAULT_TIMEOUT = 30.0
DEFAULT_LIMIT = 10_000

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_POSITION = re.compile(r"error at (\d+):(\d+):?\s*")


class QueryResult:
    """The answer of one query, in memory: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).

    ``truncated`` is True when the answer had more than ``limit`` rows or triples and only the first
    ``limit`` are kept.
    """

    def __init__(self, kind: str, *, variables: list[str] | None = None, rows: list[list[Any]] | None = None,
                 boolean: bool | None = None, triples: list[ox.Triple] | None = None, truncated: bool = False,
                 limit: int | None = None, seconds: float = 0.0) -> None:
        self.kind = kind
        self.variables = variables or []
        self._rows = rows or []
        self.boolean = boolean
        self.triples = triples or []
        self.truncated = truncated
        self.limit = limit
        self.seconds = seconds

    @property
    def raw(self) -> Any:
        """The boolean (ASK), the triples (CONSTRUCT/DESCRIBE) or the rows (SELECT)."""
        return {"ask": self.boolean, "graph": self.triples}.get(self.kind, self._rows)

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "graph" else len(self._rows) if self.kind == "select" else 1

    def rows(self) -> tuple[list[str], list[list[Any]]]:
        """``(variables, rows)`` of a SELECT answer (terms, or None when unbound)."""
        if self.kind != "select":
            raise QueryError("this query does not return rows")
        return self.variables, self._rows


def read_query(text_or_path: str) -> str:
    """The query text: from a ``.rq`` file when it names one, else the argument itself."""
    path = Path(text_or_path)
    if text_or_path.endswith((".rq", ".sparql")) or (len(text_or_path) < 512 and "\n" not in text_or_path and path.is_file()):
        try:
            return path.read_text("utf8")
        except OSError as exc:
            raise QueryError(f"cannot read the query file {text_or_path}: {exc.strerror or exc}") from exc
    return text_or_path


def with_prefixes(query: str) -> str:
    """Prepend the predeclared prefixes unless the query declares each itself."""
    declared = set(re.findall(r"(?im)^\s*PREFIX\s+([A-Za-z][\w-]*)?:", query))
    missing = [line for line in PREFIXES.splitlines() if line.split()[1][:-1] not in declared]
    return "\n".join(missing) + "\n" + query


def _syntax_message(message: str, query: str, line_offset: int = 0) -> str:
    """One line: where (in the user's own text) and what pyoxigraph expected there."""
    message = message.removeprefix("SPARQL syntax error:").strip()
    found = _POSITION.search(message)
    if not found:
        return f"SPARQL syntax error: {' '.join(message.split())}"
    line, column = int(found.group(1)) - line_offset, int(found.group(2))
    rest = " ".join(message[found.end():].split())
    if len(rest) > 160:  # pyoxigraph may list every character class it would have accepted
        rest = rest[:157].rstrip() + "…"
    where = f"at line {line}, column {column}" if line >= 1 else "in the predeclared prefixes"
    lines = query.splitlines()
    if 1 <= line <= len(lines) and lines[line - 1].strip():
        near = lines[line - 1].strip()
        where += f" (in {near[:60] + ('…' if len(near) > 60 else '')!r})"
    return f"SPARQL syntax error {where}: {rest}" if rest else f"SPARQL syntax error {where}"


def _start(store: Any, query: str) -> Any:
    """Parse and start the query: pyoxigraph's lazy answer (QuerySolutions, QueryBoolean, QueryTriples)."""
    if hasattr(store, "oxigraph"):
        # The embedded store takes the prefixes as a parameter: positions stay the user's own.
        text, offset, kwargs = query, 0, {"prefixes": dict(NS)}
    else:
        text = with_prefixes(query)
        offset, kwargs = text.count("\n") - query.count("\n"), {}
    try:
        return store.query(text, **kwargs)
    except SyntaxError as exc:
        raise QueryError(_syntax_message(str(exc), query, offset)) from exc
    except QueryError as exc:
        if "syntax error" in str(exc).lower() or _POSITION.search(str(exc)):
            raise QueryError(_syntax_message(str(exc), query, offset)) from exc
        raise
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from exc


def _collect(raw: Any, limit: int | None, stop: threading.Event) -> QueryResult:
    """Read a lazy answer into memory, at most ``limit`` rows, giving up when ``stop`` is set."""
    try:
        if isinstance(raw, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(raw))
        if isinstance(raw, ox.QuerySolutions):
            variables = [v.value for v in raw.variables]
            rows: list[list[Any]] = []
            for solution in raw:
                if stop.is_set():
                    break
                if limit is not None and len(rows) >= limit:
                    return QueryResult("select", variables=variables, rows=rows, truncated=True, limit=limit)
                rows.append([solution[v] for v in variables])
            return QueryResult("select", variables=variables, rows=rows, limit=limit)
        triples: list[ox.Triple] = []
        for triple in raw:
            if stop.is_set():
                break
            if limit is not None and len(triples) >= limit:
                return QueryResult("graph", triples=triples, truncated=True, limit=limit)
            triples.append(triple)
        return QueryResult("graph", triples=triples, limit=limit)
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from exc


def run_query(store: Any, query: str, *, timeout: float | None = None, limit: int | None = None,
              slots: threading.Semaphore | None = None) -> QueryResult:
    """Run ``query`` (prefixes predeclared) on a store over the union of its graphs.

    ``timeout`` (seconds) raises :class:`QueryTimeout` when the answer is not complete in time; ``limit``
    keeps the first rows (or triples) and marks the result truncated. ``slots``, when given, is acquired
    for the whole evaluation, abandoned or not (within the timeout, else QueryTimeout).
    """
    if limit is not None and limit < 0:
        raise QueryError("the row limit must be 0 or more")
    started = time.monotonic()
    if timeout is None and slots is None:
        result = _collect(_start(store, query), limit, threading.Event())
        result.seconds = time.monotonic() - started
        return result
    if timeout is not None and timeout <= 0:
        raise QueryError("the timeout must be more than 0 seconds")
    deadline = None if timeout is None else started + timeout
    if slots is not None and not slots.acquire(timeout=timeout if timeout is not None else -1):
        raise QueryTimeout(f"too many queries are running; none finished within {timeout:g} s")
    stop, done = threading.Event(), threading.Event()
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["result"] = _collect(_start(store, query), limit, stop)
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc
        finally:
            done.set()
            if slots is not None:
                slots.release()

    threading.Thread(target=work, name="kg-query", daemon=True).start()
    if not done.wait(None if deadline is None else max(0.0, deadline - time.monotonic())):
        stop.set()
        raise QueryTimeout(f"the query ran past its time limit of {timeout:g} s")
    if "error" in box:
        raise box["error"]
    result = box["result"]
    result.seconds = time.monotonic() - started
    return result


# -- formatting ----------------------------------------------------------------


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Text of the answer in ``fmt``: table, csv, tsv, json (SPARQL 1.1 Results JSON), xml,
    or turtle/trig/ntriples for CONSTRUCT and DESCRIBE."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        if fmt not in GRAPH_FORMATS and fmt != "table":
            raise QueryError(f"format {fmt} is for SELECT/ASK answers; use turtle, trig or ntriples")
        rdf_format = GRAPH_FORMATS.get(fmt, ox.RdfFormat.TURTLE)
        kwargs = {"prefixes": dict(NS)} if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
        return ox.serialize(result.triples, format=rdf_format, **kwargs).decode("utf8")
    if fmt == "table":
        return ("yes" if result.boolean else "no") if result.kind == "ask" else _table(result)
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"format {fmt} is for CONSTRUCT/DESCRIBE answers; use table, csv, tsv, json or xml")
    return {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}[fmt](result)


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise QueryError(f"cannot write the term {term!r}")


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)})
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows()[1]]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False)


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
                f"</predicate><object>{_xml_term(term.object)}</object></triple>")
    raise QueryError(f"cannot write the term {term!r}")


def to_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML."""
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>'
    if result.kind == "ask":
        return head + f"</head>\n<boolean>{'true' if result.boolean else 'false'}</boolean>\n</sparql>\n"
    parts = [head, *(f"<variable name={quoteattr(v)}/>" for v in result.variables), "</head>\n<results>\n"]
    for row in result.rows()[1]:
        parts.append("<result>")
        parts.extend(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                     for v, t in zip(result.variables, row) if t is not None)
        parts.append("</result>\n")
    parts.append("</results>\n</sparql>\n")
    return "".join(parts)


def _csv_value(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return _nt(term)


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV (values only, CRLF line ends)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    writer.writerow(result.variables)
    writer.writerows([_csv_value(t) for t in row] for row in result.rows()[1])
    return buf.getvalue()


def _nt(term: Any) -> str:
    """A term in N-Triples syntax, with the escapes TSV needs (no raw tab or line break)."""
    if isinstance(term, ox.Literal):
        value = (term.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                 .replace("\r", "\\r").replace("\t", "\\t"))
        if term.language:
            return f'"{value}"@{term.language}'
        if term.datatype.value != _XSD_STRING:
            return f'"{value}"^^<{term.datatype.value}>'
        return f'"{value}"'
    if isinstance(term, ox.Triple):
        return f"<< {_nt(term.subject)} {_nt(term.predicate)} {_nt(term.object)} >>"
    return str(term)


def to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV (terms in N-Triples syntax)."""
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join("" if t is None else _nt(t) for t in row) for row in result.rows()[1]]
    return "\n".join(lines) + "\n"


def term_text(term: Any) -> str:
    """A term as a person reads it: the literal's value, the IRI's readable tail."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return _short_iri(term.value)
    return str(term)


def _short_iri(value: str) -> str:
    from urllib.parse import unquote

    for prefix, base in NS.items():
        if value.startswith(base):
            return f"{prefix}:{unquote(value[len(base):])}"
    return value


def _table(result: QueryResult) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    variables, rows = result.rows()
    table = Table(show_lines=False)
    for v in variables:
        table.add_column(Text(v))
    for row in rows:
        table.add_row(*(Text(term_text(t)) for t in row))  # Text: no markup
    out = io.StringIO()
    # rich measures East Asian wide characters as two cells, so Korean columns line up.
    Console(file=out, width=200, force_terminal=False, no_color=True).print(table)
    return out.getvalue().rstrip() + f"\n{len(rows)} row{'s' if len(rows) != 1 else ''}"
