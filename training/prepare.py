"""Convert the shared KLUE-NER / konec TSVs into spaCy DocBin corpora.

Splits (fixed, by sentence id; ``random.Random(SEED)`` shuffle of the sorted ids
of each source, ``nsmc`` then ``wikitree``):

* ``heldout`` — 10% of each source (400 sentences): never trained on and never
  used for model selection; the numbers in ``benchmarks/ner_heldout.md``.
* ``dev``     — 5% of each source (200 sentences): spaCy's dev set (checkpoint
  selection, ``model-best``).
* ``train``   — the remaining 3,400 sentences.

Gold character spans are mapped onto Kiwi tokens with ``doc.char_span(...,
alignment_mode="expand")``; spans whose boundaries fall inside a token are
counted and reported (they can never be predicted exactly at character level).

``--extra-labels`` adds coarse labels from the konec 150-class annotation where
KLUE has ``O`` (CV_POSITION → POSITION, EV_* → EVENT, AF*/TMI_* → PRODUCT);
``--raw N`` adds ``raw.spacy`` with N unlabelled sentences for self-training.

Usage: ``python training/prepare.py [--data ../shared/data] [--out training/corpus]``
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kg.nlp.tokenizer  # noqa: E402,F401  (registers kg.KiwiTokenizer.v1)
from kg.nlp.ner_eval import read_klue_ids as read_ids  # noqa: E402
from kg.nlp.ner_eval import read_klue_ner  # noqa: E402

SEED = 20240601
HELDOUT_SHARE = 0.10
DEV_SHARE = 0.05
KLUE_FILE = "klue/klue-ner-v1.1_dev-train-split.tsv"
KONEC_FILE = "klue/konec-150-dev-train-split.tsv"
RAW_FILE = "klue/klue-ner-v1.1_train_raw-sentences.tsv"


def split_ids(ids: list[str]) -> dict[str, str]:
    """id -> 'heldout' | 'dev' | 'train' (stratified by source suffix, seeded)."""
    rng = random.Random(SEED)
    by_source: dict[str, list[str]] = {}
    for i in ids:
        by_source.setdefault(i.rsplit("-", 1)[-1], []).append(i)
    assign = {}
    for source in sorted(by_source):
        group = sorted(by_source[source])
        rng.shuffle(group)
        n_held = round(len(group) * HELDOUT_SHARE)
        n_dev = round(len(group) * DEV_SHARE)
        for k, i in enumerate(group):
            assign[i] = "heldout" if k < n_held else "dev" if k < n_held + n_dev else "train"
    return assign


def konec_extra(label: str) -> str | None:
    if label == "CV_POSITION":
        return "POSITION"
    if label.startswith("EV_"):
        return "EVENT"
    # Works, devices, vehicles, weapons, software and services; not buildings, roads or monuments.
    if label.startswith(("AF", "TMI_")) and label not in ("AF_BUILDING", "AF_ROAD", "AF_CULTURAL_ASSET"):
        return "PRODUCT"
    return None


def make_nlp():
    return spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "kg.KiwiTokenizer.v1"}}})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "corpus")
    ap.add_argument("--extra-labels", action="store_true", help="add POSITION/EVENT/PRODUCT from konec")
    ap.add_argument("--raw", type=int, default=0, help="also write raw.spacy with N unlabelled sentences")
    args = ap.parse_args()

    klue_path = args.data / KLUE_FILE
    ids = read_ids(klue_path)
    examples = read_klue_ner(klue_path)
    assert len(ids) == len(examples), (len(ids), len(examples))
    konec = None
    if args.extra_labels:
        konec_path = args.data / KONEC_FILE
        assert read_ids(konec_path) == ids
        konec = read_klue_ner(konec_path)
    assign = split_ids(ids)

    nlp = make_nlp()
    bins = {name: DocBin(store_user_data=False) for name in ("train", "dev", "heldout")}
    stats: Counter[str] = Counter()
    misaligned: list[dict[str, str]] = []
    texts = [t for t, _ in examples]
    for k, (doc, (text, spans)) in enumerate(zip(nlp.tokenizer.pipe(texts), examples, strict=True)):
        assert doc.text == text
        ents = []
        for start, end, label in spans:
            stats["gold"] += 1
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None:
                stats["dropped"] += 1
                continue
            if (span.start_char, span.end_char) != (start, end):
                stats["inexact"] += 1
                stats[f"inexact_{label}"] += 1
                if len(misaligned) < 200:
                    misaligned.append({"gold": text[start:end], "span": span.text, "label": label,
                                       "tokens": " | ".join(t.text for t in span)})
            ents.append(span)
        if konec is not None:
            ktext, kspans = konec[k]
            if ktext == text:
                taken = set()
                for e in ents:
                    taken.update(range(e.start_char, e.end_char))
                for start, end, label in kspans:
                    extra = konec_extra(label)
                    if extra and not taken.intersection(range(start, end)):
                        span = doc.char_span(start, end, label=extra, alignment_mode="expand")
                        if span is not None and not any(
                            span.start < e.end and e.start < span.end for e in ents
                        ):
                            ents.append(span)
                            stats[f"extra_{extra}"] += 1
        ents = sorted(ents, key=lambda s: s.start)
        # resolve rare overlaps created by "expand" (two gold spans in one token)
        clean = []
        for e in ents:
            if clean and e.start < clean[-1].end:
                stats["overlap_dropped"] += 1
                continue
            clean.append(e)
        doc.set_ents(clean, default="outside")
        bins[assign[ids[k]]].add(doc)

    args.out.mkdir(parents=True, exist_ok=True)
    for name, db in bins.items():
        db.to_disk(args.out / f"{name}.spacy")
        stats[f"docs_{name}"] = len(db)
    held = "\n".join(sorted(i for i in ids if assign[i] == "heldout")) + "\n"
    (args.out / "heldout_ids.txt").write_text(held, encoding="utf-8")
    dev_ids = "\n".join(sorted(i for i in ids if assign[i] == "dev")) + "\n"
    (args.out / "dev_ids.txt").write_text(dev_ids, encoding="utf-8")
    committed = ROOT / "training" / "heldout_ids.txt"  # versioned copy, used by tests/benchmarks
    if committed.exists() and committed.read_text(encoding="utf-8") != held:
        raise SystemExit(f"held-out split differs from {committed}; refusing to continue")
    committed.write_text(held, encoding="utf-8")
    (args.out / "misaligned.json").write_text(json.dumps(misaligned, ensure_ascii=False, indent=1))

    if args.raw:
        seen = set(texts)
        raw_texts = []
        with open(args.data / RAW_FILE, encoding="utf-8") as fh:
            for line in fh:
                _, _, sent = line.rstrip("\n").partition("\t")
                if sent and sent not in seen:
                    raw_texts.append(sent)
        random.Random(SEED).shuffle(raw_texts)
        db = DocBin(store_user_data=False)
        for doc in nlp.tokenizer.pipe(raw_texts[: args.raw]):
            db.add(doc)
        db.to_disk(args.out / "raw.spacy")
        stats["docs_raw"] = len(db)

    print(json.dumps(dict(sorted(stats.items())), indent=1))


if __name__ == "__main__":
    main()
