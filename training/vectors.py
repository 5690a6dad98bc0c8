"""Static subword vectors (floret) for the NER's tok2vec, from raw Korean text.

Usage: ``python training/vectors.py [--raw training/corpus/raw.jsonl] [--out training/vectors]``

Tokenises the raw sentences that ``training/pretrain_text.py`` collects (never the labelled
KLUE sentences, so never held-out text) with our Kiwi tokenizer, trains floret skip-gram vectors on
the token texts — floret hashes each token *and* its syllable n-grams into one small table, so
tokens never seen in training still get a vector — and converts them with ``spacy init vectors
--mode floret`` (on our tokenizer). Train with them: ``--paths.vectors training/vectors
--components.tok2vec.model.embed.include_static_vectors true``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", type=Path, default=ROOT / "training" / "corpus" / "raw.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "vectors")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--bucket", type=int, default=20000, help="rows of the hashed table (size = bucket x dim x 4 B)")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    import floret
    import spacy
    from spacy.training.initialize import convert_vectors

    import kg.nlp.tokenizer  # noqa: F401  (registers kg.KiwiTokenizer.v1)

    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "kg.KiwiTokenizer.v1"}}})
    work = ROOT / "training" / "corpus"
    tokens_file = work / "vectors_tokens.txt"
    with open(args.raw, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    with open(tokens_file, "w", encoding="utf-8") as out:
        for doc in nlp.pipe(texts, batch_size=500):
            out.write(" ".join(t.text for t in doc if not t.is_space) + "\n")
    print(f"{len(texts)} sentences tokenised -> {tokens_file}", flush=True)

    # Syllable n-grams of 1-3 (Hangul syllables carry a lot; "<" and ">" mark token edges).
    model = floret.train_unsupervised(
        str(tokens_file), model="skipgram", mode="floret", hashCount=2, bucket=args.bucket,
        minn=1, maxn=3, minCount=2, dim=args.dim, epoch=args.epochs, thread=args.threads,
    )
    vec_file = work / "vectors.floret"
    model.save_floret_vectors(str(vec_file))
    # What `spacy init vectors --mode floret` does, on our tokenizer (spaCy's own "ko" needs MeCab).
    convert_vectors(nlp, vec_file, truncate=0, prune=-1, mode="floret")
    nlp.to_disk(args.out)
    print(f"vectors -> {args.out}")


if __name__ == "__main__":
    main()
