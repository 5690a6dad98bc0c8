"""The whole flow for a batch: ingest → nlp → extract → resolve → rdf → store.

One article is one transaction: a failure anywhere leaves the store as it was
for that article, is reported as one line, and the batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError, KgError
from kg.extract import extract
from kg.ingest import Article, read_inputs
from kg.rdf import article_quads
from kg.resolve import graph_iri, resolve

__all__ = ["BuildReport", "build", "process_article"]


@dataclass
class BuildReport:
    """What a build did: counts, failures (source, reason), time."""

    articles: int = 0
    skipped: int = 0
    entities: int = 0
    facts: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def process_article(nlp: Any, article: Article, doc: Any = None) -> tuple[list, Any]:
    """Quads (and the resolved article) for one article; ``doc`` if already parsed."""
    doc = doc if doc is not None else nlp(article.text)
    resolved = resolve(article, extract(doc, article))
    return article_quads(resolved), resolved


def _stored_hash(store: Any, article: Article) -> str | None:
    res = store.query(
        f"SELECT ?h WHERE {{ GRAPH <{graph_iri(article.id)}> {{ ?a <https://w3id.org/kg/ontology#contentHash> ?h }} }}"
    )
    for row in res:
        return row[0].value
    return None


def build(
    inputs: Iterable[str | Path | Article | InputError],
    store: Any,
    *,
    nlp: Any = None,
    skip_unchanged: bool = True,
    on_article: Callable[[str, str | None], None] | None = None,
    batch_size: int = 16,
) -> BuildReport:
    """Extract every input into ``store``.

    ``inputs`` are paths (files, folders) or ready :class:`Article` objects.
    ``on_article(source, error_or_None)`` is called after each article
    (progress bars hook in here).
    """
    from kg.nlp import load_pipeline

    nlp = nlp or load_pipeline()
    report = BuildReport()
    started = time.perf_counter()
    seen_hashes: dict[str, str] = {}

    def fail(source: str, reason: str) -> None:
        report.failures.append((source, reason))
        if on_article:
            on_article(source, reason)

    items = _expand(inputs)
    batch: list[Article] = []

    def flush() -> None:
        texts = [a.text for a in batch]
        try:
            docs = list(nlp.pipe(texts, batch_size=batch_size))
        except Exception:  # noqa: BLE001 — fall back to one at a time to isolate the bad article
            docs = [None] * len(batch)
        for article, doc in zip(batch, docs):
            source = article.source or article.id
            try:
                quads, resolved = process_article(nlp, article, doc)
                store.replace_graph(graph_iri(article.id), quads)
            except KgError as exc:
                fail(source, str(exc))
                continue
            except Exception as exc:  # noqa: BLE001 — one broken article never kills the batch
                fail(source, f"{type(exc).__name__}: {exc}")
                continue
            report.articles += 1
            report.entities += len(resolved.nodes)
            report.facts += len(resolved.facts)
            if on_article:
                on_article(source, None)
        batch.clear()

    for item in items:
        if isinstance(item, InputError):
            fail(item.source, item.reason)
            continue
        article = item
        digest = article.content_hash
        if digest in seen_hashes:
            fail(article.source or article.id, f"duplicate of {seen_hashes[digest]}; skipped")
            continue
        seen_hashes[digest] = article.source or article.id
        if skip_unchanged and _stored_hash(store, article) == digest:
            report.skipped += 1
            if on_article:
                on_article(article.source or article.id, None)
            continue
        batch.append(article)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    store.flush()
    report.seconds = time.perf_counter() - started
    return report


def _expand(inputs: Iterable[Any]) -> Iterable[Article | InputError]:
    for item in inputs:
        if isinstance(item, (Article, InputError)):
            yield item
        else:
            yield from read_inputs([item])
