"""Static morpheme vectors for the NER's tok2vec, taken from Kiwi's own language model.

Usage: ``python training/kiwi_vectors.py [--out training/corpus/kiwi_vectors] [--dim 64]``

kiwipiepy's CoNg model (``kiwipiepy_model``, already a dependency) embeds ~70k morphemes —
20k of them proper nouns: people, places, companies — learnt from a corpus far larger than
anything in ``../shared``. Kiwi exposes the embeddings only through cosine similarities, so
each morpheme is described by its similarity to ``--anchors`` fixed anchor morphemes (a linear
image of its unit embedding) and the table is reduced to ``--dim`` principal components. The
vectors are keyed by the morpheme's form (the token text our tokenizer gives); a form with
several tags or senses keeps its most frequent one (Kiwi numbers morphemes by frequency).

Train with them: ``python training/build_model.py --self-train -1 --kiwi-vectors`` (session 6's experiment,
``training/README.md``; the shipped model has no static vectors).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def embedded_morphemes(kiwi) -> list[tuple[int, str]]:
    """``(id, form)`` of every morpheme that has an embedding, first id per form."""
    probe = kiwi.tokenize("미국")[0].id
    ids: list[tuple[int, str]] = []
    seen: set[str] = set()
    i = 0
    while True:
        try:
            form = kiwi.morpheme(i).form
            similarity = kiwi.morpheme_similarity(i, probe)
        except (ValueError, IndexError):
            break
        if math.isnan(similarity):
            break  # ids are ordered: the embedded ones come first
        if form and not form.isspace() and form not in seen:
            seen.add(form)
            ids.append((i, form))
        i += 1
    return ids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "corpus" / "kiwi_vectors")
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--anchors", type=int, default=384)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    import spacy
    from kiwipiepy import Kiwi

    import kg.nlp.tokenizer  # noqa: F401  (registers kg.KiwiTokenizer.v1)

    kiwi = Kiwi()
    morphemes = embedded_morphemes(kiwi)
    anchors = [i for i, _ in random.Random(args.seed).sample(morphemes[100:], args.anchors)]
    similarity = kiwi.morpheme_similarity
    table = np.array([[similarity(i, a) for a in anchors] for i, _ in morphemes], dtype="float32")
    table -= table.mean(axis=0)
    _, singular, components = np.linalg.svd(table, full_matrices=False)
    vectors = table @ components[: args.dim].T
    vectors /= vectors.std()  # unit scale, like the hash embeddings beside them
    kept = (singular[: args.dim] ** 2).sum() / (singular**2).sum()
    print(f"{len(morphemes)} morphemes, {args.anchors} anchors -> {args.dim} dims ({kept:.0%} of the variance)")

    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "kg.KiwiTokenizer.v1"}}})
    nlp.vocab.vectors = spacy.vectors.Vectors(
        strings=nlp.vocab.strings, data=vectors.astype("float32"), keys=[nlp.vocab.strings.add(f) for _, f in morphemes]
    )
    nlp.vocab.vectors.name = "kiwi_cong_pca"
    nlp.to_disk(args.out)
    print(f"vectors -> {args.out} ({vectors.nbytes / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
