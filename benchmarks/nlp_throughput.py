"""Throughput: raw Kiwi tokenisation vs the full spaCy pipeline (Kiwi tokenizer + NER + entity rules).

Runs both on the same news texts in one process and prints chars/s and the ratio
pipeline / raw Kiwi (target >= 0.60), then the time of each component.

Usage::

    python benchmarks/nlp_throughput.py [--model kg/nlp/model] [--batch-size 64] [--repeat 3]
        [--data ../shared/data/news/kowikinews_articles.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.nlp import load_pipeline  # noqa: E402


def load_texts(path: Path) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            if text.strip():
                texts.append(text)
    return texts


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(ROOT / "kg" / "nlp" / "model"))
    ap.add_argument("--data", type=Path,
                    default=ROOT.parent / "shared" / "data" / "news" / "kowikinews_articles.jsonl")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    texts = load_texts(args.data)
    n_chars = sum(len(t) for t in texts)
    nlp = load_pipeline(model=args.model)  # the pipeline `kg build` runs, rules included
    kiwi = nlp.tokenizer.kiwi  # the same Kiwi instance (and settings) the pipeline uses
    kiwi.tokenize(texts[:5])  # warm-up (model load)
    list(nlp.pipe(texts[:5]))

    t_kiwi = best_of(args.repeat, lambda: [kiwi.tokenize(t) for t in texts])
    t_pipe = best_of(args.repeat, lambda: list(nlp.pipe(texts, batch_size=args.batch_size)))
    with nlp.select_pipes(disable=nlp.pipe_names):
        t_tok = best_of(args.repeat, lambda: list(nlp.pipe(texts, batch_size=args.batch_size)))

    kiwi_cps, pipe_cps, tok_cps = n_chars / t_kiwi, n_chars / t_pipe, n_chars / t_tok
    print(f"texts: {len(texts)}  chars: {n_chars}  model: {args.model}  batch_size: {args.batch_size}")
    print(f"raw kiwi.tokenize        : {kiwi_cps:12,.0f} chars/s  ({t_kiwi:.2f} s)")
    print(f"spaCy tokenizer only     : {tok_cps:12,.0f} chars/s  ({t_tok:.2f} s)")
    print(f"full pipeline            : {pipe_cps:12,.0f} chars/s  ({t_pipe:.2f} s)")
    print(f"ratio pipeline / raw kiwi: {pipe_cps / kiwi_cps:.2f}  (target >= 0.60)")
    docs = [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=args.batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        took = time.perf_counter() - t0
        print(f"  {name:<16} {took:6.2f} s  ({took / t_kiwi:.2f}× raw kiwi)")


if __name__ == "__main__":
    main()
