"""RDF: the graph model (quads per article) and namespaces."""

from kg.rdf.model import NS, PREFIXES, article_quads

__all__ = ["NS", "PREFIXES", "article_quads"]
