"""The whole flow for a batch: ingest → nlp → extract → resolve → rdf → store.

One article is one transaction: a failure anywhere leaves the store as it was
for that article, is reported as one line, and the batch goes on.

Three ways to run the extraction, one way to write:

* in this process (``workers=1``, the default);
* a process pool on this machine (``workers=N``): each worker loads the NLP
  pipeline once (pool initializer) and returns every article's quads as an
  N-Quads string;
* a Dask cluster (``dask="tcp://scheduler:8786"`` or a ``distributed.Client``):
  each Dask worker process loads the pipeline once (a module-level cache) and
  partitions come back as N-Quads.

Only the calling process writes the store (``store.replace_graph``), so the
embedded store needs no locking and a remote SPARQL endpoint works the same.
Articles whose text is unchanged since the last build are skipped (content hash).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError, KgError, NlpError
from kg.extract import extract
from kg.ingest import Article, read_inputs
from kg.rdf import article_quads
from kg.resolve import graph_iri, resolve

__all__ = ["BuildReport", "build", "build_on_dask", "process_article", "extract_nquads", "worker_pipeline"]

_CONTENT_HASH = "https://w3id.org/kg/ontology#contentHash"


@dataclass
class BuildReport:
    """What a build did: counts, failures (source, reason), time."""

    articles: int = 0
    skipped: int = 0
    entities: int = 0
    facts: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1
    backend: str = "local"

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


@dataclass
class _Result:
    """One article's outcome, as it travels back from a worker (picklable, small)."""

    graph: str
    source: str
    nquads: bytes | None = None
    quads: list | None = None
    entities: int = 0
    facts: int = 0
    error: str | None = None


def process_article(nlp: Any, article: Article, doc: Any = None) -> tuple[list, Any]:
    """Quads (and the resolved article) for one article; ``doc`` if already parsed."""
    doc = doc if doc is not None else nlp(article.read_text)
    resolved = resolve(article, extract(doc, article))
    return article_quads(resolved), resolved


def _extract_batch(nlp: Any, articles: list[Article], *, serialise: bool, batch_size: int = 16) -> list[_Result]:
    """Run the pipeline on ``articles``; an article that fails becomes a result with ``error``."""
    try:
        docs: list[Any] = list(nlp.pipe([a.read_text for a in articles], batch_size=batch_size))
    except Exception:  # noqa: BLE001 — fall back to one at a time to isolate the bad article
        docs = [None] * len(articles)
    results = []
    for article, doc in zip(articles, docs):
        res = _Result(graph=graph_iri(article.id), source=article.source or article.id)
        try:
            quads, resolved = process_article(nlp, article, doc)
            if serialise:
                import pyoxigraph as ox

                res.nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
            else:
                res.quads = quads
            res.entities, res.facts = len(resolved.nodes), len(resolved.facts)
        except KgError as exc:
            res.error = str(exc)
        except Exception as exc:  # noqa: BLE001 — one broken article never kills the batch
            res.error = f"{type(exc).__name__}: {exc}"
        results.append(res)
    return results


# -- worker side -------------------------------------------------------------
_PIPELINE: dict[str, Any] = {}
_LOADS: list[int] = []  # pids that loaded the pipeline in this process (tests check it is one load)


def worker_pipeline(model: str | None = None) -> Any:
    """The NLP pipeline of this process, loaded on first use and cached for the life of the process."""
    key = model or ""
    if key not in _PIPELINE:
        from kg.nlp import load_pipeline

        try:
            _PIPELINE[key] = load_pipeline(model=model) if model else load_pipeline()
        except KgError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise NlpError(f"cannot load the NLP pipeline in worker {os.getpid()}: {exc}") from exc
        _LOADS.append(os.getpid())
    return _PIPELINE[key]


def _init_worker(model: str | None) -> None:
    # Worker processes should not each start a thread per core: the pool is the parallelism.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    worker_pipeline(model)


def extract_nquads(articles: list[Article], model: str | None = None) -> list[_Result]:
    """Worker entry point (process pool and Dask): the articles' quads as N-Quads bytes."""
    return _extract_batch(worker_pipeline(model), articles, serialise=True)


def worker_info(_: Any = None) -> tuple[int, int]:
    """``(pid, pipeline loads in this process)`` — lets tests check that each worker loads once."""
    return os.getpid(), len(_LOADS)


# -- the build ---------------------------------------------------------------
def _stored_hashes(store: Any) -> dict[str, str]:
    """Graph IRI → content hash of every article in the store (one query)."""
    try:
        rows = store.query(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?a <{_CONTENT_HASH}> ?h }} }}")
        return {row[0].value: row[1].value for row in rows}
    except KgError:
        return {}


def build(
    inputs: Iterable[str | Path | Article | InputError],
    store: Any,
    *,
    nlp: Any = None,
    skip_unchanged: bool = True,
    on_article: Callable[[str, str | None], None] | None = None,
    batch_size: int = 16,
    workers: int = 1,
    dask: Any = None,
    model: str | None = None,
) -> BuildReport:
    """Extract every input into ``store``.

    ``inputs`` are paths (files, folders), URLs, ``-`` or ready :class:`Article`
    objects. ``on_article(source, error_or_None)`` is called after each input
    (progress bars hook in here). ``workers`` > 1 runs the extraction in a pool
    of processes (0: one per core); ``dask`` (a scheduler address or a
    ``distributed.Client``) runs it on a Dask cluster. Either way only this
    process writes the store.
    """
    if workers is not None and workers <= 0:
        workers = os.cpu_count() or 1
    report = BuildReport(workers=workers, backend="dask" if dask is not None else
                         ("processes" if workers > 1 else "local"))
    started = time.perf_counter()
    stored = _stored_hashes(store) if skip_unchanged else {}
    seen_hashes: dict[str, str] = {}
    seen_graphs: dict[str, str] = {}

    def fail(source: str, reason: str) -> None:
        report.failures.append((source, reason))
        if on_article:
            on_article(source, reason)

    def todo() -> Iterator[Article]:
        for item in _expand(inputs):
            if isinstance(item, InputError):
                fail(item.source, item.reason)
                continue
            article, source = item, item.source or item.id
            digest = article.content_hash
            if digest in seen_hashes:
                fail(source, f"duplicate of {seen_hashes[digest]}; skipped")
                continue
            graph = graph_iri(article.id)
            if graph in seen_graphs:
                fail(source, f"article id {article.id!r} is already used by {seen_graphs[graph]}; skipped")
                continue
            seen_hashes[digest] = seen_graphs[graph] = source
            if skip_unchanged and stored.get(graph) == digest:
                report.skipped += 1
                if on_article:
                    on_article(source, None)
                continue
            yield article

    def write(res: _Result) -> None:
        if res.error is None:
            try:
                quads = res.quads if res.quads is not None else _parse_nquads(res.nquads or b"")
                store.replace_graph(res.graph, quads)
            except KgError as exc:
                res.error = str(exc)
            except Exception as exc:  # noqa: BLE001
                res.error = f"{type(exc).__name__}: {exc}"
        if res.error is not None:
            fail(res.source, res.error)
            return
        report.articles += 1
        report.entities += res.entities
        report.facts += res.facts
        if on_article:
            on_article(res.source, None)

    chunks = _chunks(todo(), batch_size)
    if dask is not None:
        _run_dask(chunks, write, dask, model)
    elif workers > 1:
        _run_pool(chunks, write, workers, model)
    else:
        local: list[Any] = [nlp]
        for chunk in chunks:
            if local[0] is None:  # loaded only when there is something to extract
                local[0] = worker_pipeline(model)
            for res in _extract_batch(local[0], chunk, serialise=False, batch_size=batch_size):
                write(res)
    store.flush()
    report.seconds = time.perf_counter() - started
    return report


def build_on_dask(inputs: Iterable[Any], store: Any, scheduler: Any, **kwargs: Any) -> BuildReport:
    """:func:`build` with the extraction on a Dask cluster (``scheduler``: an address or a ``Client``)."""
    return build(inputs, store, dask=scheduler, **kwargs)


def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parse_nquads(data: bytes) -> list:
    import pyoxigraph as ox

    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))


def _run_pool(chunks: Iterator[list[Article]], write: Callable[[_Result], None], workers: int,
              model: str | None) -> None:
    """A process pool; at most ``2 × workers`` chunks in flight, so memory stays flat for any input size."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: the parent may hold Kiwi/BLAS threads and an open store.
    ctx = multiprocessing.get_context("spawn")
    pending: set[Any] = set()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                 initargs=(model,)) as pool:
            for chunk in chunks:
                pending.add(pool.submit(extract_nquads, chunk, model))
                if len(pending) >= 2 * workers:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        for res in fut.result():
                            write(res)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    for res in fut.result():
                        write(res)
    except BrokenProcessPool as exc:
        raise NlpError(f"a worker process died (out of memory, or the NLP pipeline failed to load): {exc}") from exc


def _run_dask(chunks: Iterator[list[Article]], write: Callable[[_Result], None], scheduler: Any,
              model: str | None) -> None:
    """Submit chunks to a Dask cluster, a bounded number in flight; write results as they come back."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise KgError("--dask needs the dask extra: pip install 'kg[dask]'") from exc
    own = not isinstance(scheduler, Client)
    try:
        client = Client(scheduler, timeout="20s") if own else scheduler
    except (OSError, TimeoutError, ValueError) as exc:
        raise KgError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = 2 * n_workers
        flight = as_completed()
        for chunk in chunks:
            flight.add(client.submit(extract_nquads, chunk, model, pure=False))
            while flight.count() >= window:
                _drain_one(flight, write)
        while flight.count():
            _drain_one(flight, write)
    finally:
        if own:
            client.close()


def _drain_one(flight: Any, write: Callable[[_Result], None]) -> None:
    fut = next(flight)
    try:
        results = fut.result()
    except KgError:
        raise
    except Exception as exc:  # noqa: BLE001 — a lost worker, a killed task
        raise NlpError(f"a Dask task failed: {type(exc).__name__}: {exc}") from exc
    finally:
        fut.release()
    for res in results:
        write(res)


def _expand(inputs: Iterable[Any]) -> Iterable[Article | InputError]:
    for item in inputs:
        if isinstance(item, (Article, InputError)):
            yield item
        else:
            yield from read_inputs([item])
