"""Store: the embedded Oxigraph store (default) behind one small interface."""

from __future__ import annotations

from typing import Any

from kg.resolve.iri import graph_iri
from kg.store.embedded import EmbeddedStore, atomic_write

__all__ = ["EmbeddedStore", "RemoteStore", "atomic_write", "open_store", "graph_stats", "remove_article"]


def __getattr__(name: str) -> Any:
    if name == "RemoteStore":  # imported lazily: httpx is only needed for remote stores
        from kg.store.remote import RemoteStore

        return RemoteStore
    raise AttributeError(name)


def open_store(location: str, read_only: bool = False) -> Any:
    """The store at ``location``: a folder (embedded Oxigraph) or an http(s) SPARQL endpoint."""
    if location.startswith(("http://", "https://")):
        from kg.store.remote import RemoteStore

        return RemoteStore(location)
    return EmbeddedStore(location, read_only=read_only)


def remove_article(store: Any, article: str) -> bool:
    """Remove an article's graph, found by its id or URL."""
    rows = list(store.query(
        "SELECT ?id WHERE { ?a a <https://schema.org/NewsArticle> ; <https://schema.org/identifier> ?id . "
        "OPTIONAL { ?a <https://schema.org/url> ?u } "
        f"FILTER(?id = {_literal(article)} || STR(?u) = {_literal(article)}) }}"
    ))
    ids = {row[0].value for row in rows} or {article}
    return any([store.remove_graph(graph_iri(i)) for i in ids])


def graph_stats(store: Any) -> dict[str, list[tuple[str, int]]]:
    """Counts for ``kg stats``: articles, entities by class, facts by relation."""
    kg = "https://w3id.org/kg/ontology#"
    classes = store.query(
        f"SELECT ?c (COUNT(DISTINCT ?n) AS ?k) WHERE {{ ?n a ?c FILTER(STRSTARTS(STR(?c), '{kg}') && ?c != <{kg}Fact>) }}"
        " GROUP BY ?c ORDER BY DESC(?k)")
    relations = store.query(
        f"SELECT ?p (COUNT(*) AS ?k) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o "
        f"FILTER(STRSTARTS(STR(?p), '{kg}') && ?p NOT IN (<{kg}mentionedIn>, <{kg}sentence>, <{kg}startChar>, "
        f"<{kg}endChar>, <{kg}extractor>, <{kg}confidence>, <{kg}modality>, <{kg}contentHash>, <{kg}sourceFile>)) }} }}"
        " GROUP BY ?p ORDER BY DESC(?k)")
    articles = store.query("SELECT (COUNT(DISTINCT ?a) AS ?k) WHERE { ?a a <https://schema.org/NewsArticle> }")
    facts = store.query(f"SELECT (COUNT(DISTINCT ?f) AS ?k) WHERE {{ ?f a <{kg}Fact> }}")
    short = lambda t: t.value.split("#")[-1]  # noqa: E731
    return {
        "totals": [("articles", int(next(iter(articles))[0].value)), ("fact records", int(next(iter(facts))[0].value))],
        "class": [(short(r[0]), int(r[1].value)) for r in classes],
        "relation": [(short(r[0]), int(r[1].value)) for r in relations],
    }


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
