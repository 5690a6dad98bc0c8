"""Run SPARQL with the usual prefixes predeclared and format the answers.

>>> from kg.store.embedded import EmbeddedStore
>>> st = EmbeddedStore()
>>> st.oxigraph.update('INSERT DATA { <https://w3id.org/kg/id/person/a> <http://www.w3.org/2000/01/rdf-schema#label> "이종호"@ko }')
>>> res = run_query(st, "SELECT ?name WHERE { ?p rdfs:label ?name }")
>>> format_result(res, "csv").splitlines()
['name', '이종호']
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.model import PREFIXES

__all__ = ["QueryResult", "run_query", "read_query", "format_result", "FORMATS"]

FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "trig", "ntriples")
_RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                   "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
_GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "ntriples": ox.RdfFormat.N_TRIPLES}


class QueryResult:
    """The answer of one query: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    @property
    def kind(self) -> str:
        if isinstance(self.raw, ox.QuerySolutions):
            return "select"
        if isinstance(self.raw, ox.QueryBoolean):
            return "ask"
        return "graph"

    def rows(self) -> tuple[list[str], list[list[Any]]]:
        """``(variables, rows)`` of a SELECT answer (terms, or None when unbound)."""
        if self.kind != "select":
            raise QueryError("this query does not return rows")
        variables = [v.value for v in self.raw.variables]
        return variables, [[sol[v] for v in variables] for sol in self.raw]


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


def run_query(store: Any, query: str) -> QueryResult:
    """Run ``query`` (prefixes predeclared) on a store over the union of its graphs."""
    return QueryResult(store.query(with_prefixes(query)))


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Text of the answer in ``fmt``: table, csv, tsv, json (SPARQL 1.1 Results JSON), xml,
    or turtle/trig/ntriples for CONSTRUCT and DESCRIBE."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        rdf_format = _GRAPH_FORMATS.get(fmt, ox.RdfFormat.TURTLE)
        return ox.serialize(result.raw, format=rdf_format).decode("utf8")
    if result.kind == "ask" and fmt == "table":
        return "yes" if bool(result.raw) else "no"
    if fmt == "table":
        return _table(result)
    if fmt not in _RESULT_FORMATS:
        raise QueryError(f"format {fmt} is for CONSTRUCT/DESCRIBE answers; use table, csv, tsv, json or xml")
    buf = io.BytesIO()
    result.raw.serialize(buf, _RESULT_FORMATS[fmt])
    return buf.getvalue().decode("utf8")


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

    from kg.rdf.model import NS

    for prefix, base in NS.items():
        if value.startswith(base):
            return f"{prefix}:{unquote(value[len(base):])}"
    return value


def _table(result: QueryResult) -> str:
    from rich.console import Console
    from rich.table import Table

    variables, rows = result.rows()
    table = Table(*variables, show_lines=False)
    for row in rows:
        table.add_row(*(term_text(t) for t in row))
    out = io.StringIO()
    Console(file=out, width=200, force_terminal=False, no_color=True).print(table)
    return out.getvalue().rstrip() + f"\n{len(rows)} row{'s' if len(rows) != 1 else ''}"


