"""Ingest: files, folders, JSONL and HTML into :class:`Article` objects."""

from kg.ingest.article import Article, make_article_id
from kg.ingest.readers import read_inputs

__all__ = ["Article", "make_article_id", "read_inputs"]
