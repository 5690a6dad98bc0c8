"""Query: SPARQL with predeclared prefixes, result formatting."""

from kg.query.sparql import FORMATS, QueryResult, format_result, read_query, run_query

__all__ = ["FORMATS", "QueryResult", "format_result", "read_query", "run_query"]
