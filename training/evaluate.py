"""Score a trained pipeline on our held-out KLUE sentences (KLUE metric: exact char span + label).

Usage: ``python training/evaluate.py [MODEL_DIR] [--data ../shared/data] [--ids IDS_FILE] [--json]``

The held-out ids are listed in ``training/heldout_ids.txt`` (written by prepare.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

import kg.nlp.tokenizer  # noqa: E402,F401
from kg.nlp.ner_eval import evaluate_ner, format_ner_report, read_klue_ids, read_klue_ner  # noqa: E402

KLUE_FILE = "klue/klue-ner-v1.1_dev-train-split.tsv"


def heldout_examples(data: Path, ids_file: Path = ROOT / "training" / "heldout_ids.txt"):
    """(text, spans) of the held-out sentences, in file order."""
    wanted = set(ids_file.read_text(encoding="utf-8").split())
    path = data / KLUE_FILE
    return [ex for i, ex in zip(read_klue_ids(path), read_klue_ner(path), strict=True) if i in wanted]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", nargs="?", default=str(ROOT / "kg" / "nlp" / "model"))
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--ids", type=Path, default=ROOT / "training" / "heldout_ids.txt",
                    help="sentence ids to score (default: the held-out split)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    examples = heldout_examples(args.data, args.ids)
    t0 = time.perf_counter()
    result = evaluate_ner(nlp, examples)
    result["seconds"] = round(time.perf_counter() - t0, 2)
    print(json.dumps(result, indent=1) if args.json else format_ner_report(result))


if __name__ == "__main__":
    main()
