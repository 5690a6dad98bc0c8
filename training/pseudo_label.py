"""Self-training: label unlabelled KLUE train sentences with a teacher model (silver data).

Usage: ``python training/pseudo_label.py TEACHER_DIR [--n 21008] [--out training/corpus/silver.spacy]``

Reads ``klue/klue-ner-v1.1_train_raw-sentences.tsv`` (the KLUE-NER *train* split without
labels, disjoint from the 4,000 labelled dev-split sentences), skips any sentence whose
text occurs in the labelled file, and writes the teacher's entities (with its labels).
With ``--jsonl training/corpus/raw.jsonl`` it labels the other raw sentences there instead
(UD Korean-GSD and Wikinews news text; the KLUE ones are left out).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

import kg.nlp.tokenizer  # noqa: E402,F401
from kg.nlp.ner_eval import read_klue_ner  # noqa: E402

RAW_FILE = "klue/klue-ner-v1.1_train_raw-sentences.tsv"
KLUE_FILE = "klue/klue-ner-v1.1_dev-train-split.tsv"
SEED = 20240601


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("teacher")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--n", type=int, default=0, help="number of sentences (0 = all)")
    ap.add_argument("--jsonl", type=Path, help="label these JSONL {'text'} sentences instead (minus KLUE's)")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "corpus" / "silver" / "silver.spacy")
    args = ap.parse_args()

    labelled = {text for text, _ in read_klue_ner(args.data / KLUE_FILE)}
    klue_raw = []
    with open(args.data / RAW_FILE, encoding="utf-8") as fh:
        for line in fh:
            _, _, sent = line.rstrip("\n").partition("\t")
            if sent.strip() and sent not in labelled:
                klue_raw.append(sent)
    texts = klue_raw
    if args.jsonl:
        # Other raw text (training/pretrain_text.py: UD Korean-GSD, Wikinews), minus the KLUE sentences.
        known = set(klue_raw) | labelled
        with open(args.jsonl, encoding="utf-8") as fh:
            texts = [t for line in fh if (t := json.loads(line)["text"]) not in known]
    random.Random(SEED).shuffle(texts)
    if args.n:
        texts = texts[: args.n]

    nlp = spacy.load(args.teacher)
    db = DocBin(store_user_data=False)
    t0 = time.perf_counter()
    n_ents = 0
    for doc in nlp.pipe(texts, batch_size=256):
        n_ents += len(doc.ents)
        db.add(doc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(args.out)
    print(f"{len(texts)} silver sentences, {n_ents} entities, {time.perf_counter() - t0:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
