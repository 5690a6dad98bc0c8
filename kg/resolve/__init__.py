"""Resolve: mentions to one node per entity, with stable IRIs."""

from kg.resolve.iri import article_iri, entity_iri, graph_iri
from kg.resolve.resolver import Node, ResolvedArticle, ResolvedFact, resolve

__all__ = ["Node", "ResolvedArticle", "ResolvedFact", "article_iri", "entity_iri", "graph_iri", "resolve"]
