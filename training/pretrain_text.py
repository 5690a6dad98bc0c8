"""Raw Korean text for ``spacy pretrain`` (tok2vec pre-training): one JSON line per sentence.

Usage: ``python training/pretrain_text.py [--data ../shared/data] [--out training/corpus/raw.jsonl]
[--leave-out-gold]``

Sources: the 21,008 unlabelled KLUE-NER *train* sentences, the sentences of the UD Korean-GSD
train treebank and the lines of the 510 Wikinews articles. The 4,000 labelled sentences (which
hold our held-out split) are left out, so pre-training never sees held-out text.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.nlp.ner_eval import read_klue_ner  # noqa: E402


def sentences(data: Path):
    with open(data / "klue" / "klue-ner-v1.1_train_raw-sentences.tsv", encoding="utf-8") as fh:
        for line in fh:
            _, _, text = line.rstrip("\n").partition("\t")
            yield text
    with open(data / "ud" / "ko_gsd-ud-train.conllu", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# text = "):
                yield line[len("# text = "):].rstrip("\n")
    with open(data / "news" / "kowikinews_articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            yield from (record.get("title") or "", *(record.get("text") or "").splitlines())


def gold_lines(data: Path) -> set[str]:
    """The title and lines of every Wikinews article that a gold file of ``benchmarks/gold`` annotates."""
    ids = {json.loads(line)["id"] for path in (ROOT / "benchmarks" / "gold").glob("news*.jsonl")
           for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    lines: set[str] = set()
    with open(data / "news" / "kowikinews_articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in ids:
                lines.update(x.strip() for x in (record.get("title") or "", *(record.get("text") or "").splitlines()))
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "corpus" / "raw.jsonl")
    ap.add_argument("--leave-out-gold", action="store_true",
                    help="leave out the lines of the Wikinews articles in benchmarks/gold/*.jsonl")
    args = ap.parse_args()
    labelled = {text for text, _ in read_klue_ner(args.data / "klue" / "klue-ner-v1.1_dev-train-split.tsv")}
    if args.leave_out_gold:  # so that fact scores on those articles stay out-of-sample
        labelled |= gold_lines(args.data)
    seen: set[str] = set()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        for text in sentences(args.data):
            text = text.strip()
            if len(text) < 5 or text in labelled or text in seen:
                continue
            seen.add(text)
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    print(f"{len(seen)} sentences -> {args.out}")


if __name__ == "__main__":
    main()
