"""Build throughput: articles/s in one process, a process pool, and a Dask LocalCluster; the unchanged re-run.

Every configuration builds the same articles into a fresh in-memory store, in
one run of this script, and the time includes starting workers and loading
the pipeline in each (what a user waits for). Peak memory: the parent's
maximum RSS (``resource.getrusage``) and the workers' (``RUSAGE_CHILDREN``;
Dask workers report their own). The re-run builds the same inputs again into
the store of the one-process run: unchanged articles are skipped by content hash.

Usage::

    python benchmarks/build.py [--limit 100] [--repeat 1] [--workers 2] [--no-dask]
        [--data ../shared/data/news/kowikinews_articles.jsonl]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.builder import build  # noqa: E402
from kg.errors import InputError  # noqa: E402
from kg.ingest import Article, read_inputs  # noqa: E402
from kg.store import EmbeddedStore  # noqa: E402


def rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def load(data: Path, limit: int | None, repeat: int) -> list[Article]:
    base = [a for a in read_inputs([data]) if not isinstance(a, InputError)]
    if limit:
        base = base[:limit]
    out = []
    for r in range(repeat):  # repeated copies get their own ids and (one char more) their own hash
        for a in base:
            out.append(a if r == 0 else Article(id=f"{a.id}-r{r}", text=a.text + " " * r, title=a.title,
                                                date=a.date, url=a.url, source=a.source))
    return out


def run(name: str, articles: list[Article], reference: EmbeddedStore | None = None, **kwargs) -> dict:
    store = EmbeddedStore()
    t0 = time.perf_counter()
    report = build(articles, store, **kwargs)
    seconds = time.perf_counter() - t0
    row = {"config": name, "articles": report.articles, "failed": len(report.failures), "seconds": round(seconds, 2),
           "articles_per_s": round(report.articles / seconds, 2), "quads": store.count_quads(),
           "parent_peak_rss_mb": round(rss_mb(), 1), "children_peak_rss_mb": round(rss_mb(resource.RUSAGE_CHILDREN), 1)}
    if reference is not None:  # False only if the code changed under the run (an editable install) or a bug
        row["same_graph_as_1_process"] = set(store.quads()) == set(reference.quads())
    print(json.dumps(row, ensure_ascii=False), flush=True)
    return {"row": row, "store": store}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "news" / "kowikinews_articles.jsonl")
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the set (as new articles) this many times")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()

    articles = load(args.data, args.limit, args.repeat)
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars} chars, batch size {args.batch_size}", flush=True)
    rows = []

    single = run("1 process", articles, batch_size=args.batch_size)
    rows.append(single["row"])
    if args.workers > 1:
        rows.append(run(f"{args.workers} worker processes", articles, single["store"], workers=args.workers,
                        batch_size=args.batch_size)["row"])
    if not args.no_dask:
        from distributed import Client, LocalCluster

        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster, Client(cluster) as client:
            row = run(f"Dask LocalCluster {args.workers}×1", articles, single["store"], dask=client,
                      batch_size=args.batch_size)["row"]
            row["note"] = "cluster start-up not counted; worker pipeline loads are"
            mem = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            row["dask_worker_peak_rss_mb"] = [round(v, 1) for v in mem.values()]
            print(json.dumps({"dask_worker_peak_rss_mb": row["dask_worker_peak_rss_mb"]}), flush=True)
            rows.append(row)

    t0 = time.perf_counter()
    again = build(articles, single["store"], batch_size=args.batch_size)
    rerun = time.perf_counter() - t0
    assert again.articles == 0 and again.skipped == len(articles), (again.articles, again.skipped)
    first = single["row"]["seconds"]
    summary = {"rerun_unchanged_s": round(rerun, 3), "first_run_s": first, "rerun_speedup": round(first / rerun, 1)}
    print(json.dumps(summary), flush=True)
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, **summary}, ensure_ascii=False, indent=2), "utf8")


if __name__ == "__main__":
    main()
