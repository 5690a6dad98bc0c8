"""Rebuild the shipped NER model (kg/nlp/model) from the shared KLUE data, in one command.

    python training/build_model.py [--data ../shared/data] [--max-steps N] [--threads 2]

Steps: prepare.py (DocBins + fixed held-out split) -> ``spacy train training/config.cfg``
-> copy ``model-best`` to ``kg/nlp/model`` -> write meta.json (name, licence, sources)
-> score on the held-out split (prints the table of benchmarks/ner_heldout.md).
Extra ``spacy train`` overrides can follow ``--``, e.g. ``-- --training.max_steps 3000``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "kg" / "nlp" / "model"

META = {
    "lang": "ko",
    "name": "kg_ner_klue",
    "version": "0.1.0",
    "description": (
        "Korean named-entity recogniser for the kg package: spaCy tok2vec (CNN) + transition-based NER "
        "over Kiwi morpheme tokens (kg.KiwiTokenizer.v1). Labels: KLUE-NER PS LC OG DT TI QT. "
        "Trained on 3,400 sentences of the KLUE-NER v1.1 dev set (see training/README.md); "
        "load with `import kg.nlp.tokenizer; spacy.load(path)`."
    ),
    "author": "kg project",
    "license": "CC BY-SA 4.0",
    "sources": [
        {
            "name": "KLUE-NER v1.1 (KLUE benchmark)",
            "url": "https://github.com/KLUE-benchmark/KLUE",
            "license": "CC BY-SA 4.0",
            "author": "Park et al. 2021, KLUE: Korean Language Understanding Evaluation, arXiv:2105.09680",
        },
    ],
}
KIWI_SOURCE = {
    "name": "Kiwi CoNg morpheme embeddings (kiwipiepy_model), as 64-d static vectors (training/kiwi_vectors.py)",
    "url": "https://github.com/bab2min/kiwipiepy",
    "license": "Apache-2.0",
    "author": "Minchul Lee and the Kiwi contributors",
}
KONEC_SOURCE = {
    "name": "konec (konne-prep) 150-class re-annotation of KLUE-NER",
    "url": "https://github.com/korean-named-entity/konne-prep",
    "license": "CC BY-SA 4.0",
    "author": "Yunam Cheong, Yongsook Song, Hyun-Jo You 2022, konne: A Korean Nested Named Entity Corpus",
}


def run(cmd: list[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)


def write_meta(model_dir: Path, extra_labels: bool, train_seconds: float, self_train: bool = False) -> None:
    path = model_dir / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta.update(json.loads(json.dumps(META)))
    if extra_labels:
        meta["sources"].append(KONEC_SOURCE)
        meta["description"] += (
            " Extra labels POSITION/EVENT/PRODUCT come from konec (CV_POSITION, EV_*, AF*/TMI_*)."
        )
    if self_train:
        meta["description"] += (
            " Self-trained: a gold-only teacher labelled the 21,008 unlabelled KLUE-NER train sentences; "
            "the shipped model was trained on gold x2 + that silver data."
        )
    if meta.get("vectors", {}).get("vectors"):
        meta["sources"].append(KIWI_SOURCE)
        meta["description"] += (
            " Static vectors: Kiwi's own morpheme embeddings (its CoNg language model), reduced to 64 dimensions."
        )
    meta["training_seconds"] = round(train_seconds)
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--extra-labels", action="store_true", help="also learn POSITION/EVENT/PRODUCT (konec)")
    ap.add_argument("--threads", default="2")
    ap.add_argument("--output", type=Path, default=ROOT / "training" / "output" / "build")
    ap.add_argument("--self-train", type=int, default=0, metavar="N",
                    help="train a teacher, pseudo-label N unlabelled KLUE train sentences (0 = off, "
                         "-1 = all 21k), train the shipped model on gold x2 + silver")
    ap.add_argument("--teacher-steps", type=int, default=2600)
    ap.add_argument("--model-dir", type=Path, default=MODEL_DIR, help="where to put the model")
    ap.add_argument("--corpus", type=Path, default=ROOT / "training" / "corpus", help="where the prepared data goes")
    ap.add_argument("--kiwi-vectors", action="store_true",
                    help="add static vectors from Kiwi's morpheme embeddings (training/kiwi_vectors.py; session 6's "
                         "experiment, not the shipped recipe)")
    ap.add_argument("overrides", nargs="*", help="spacy train overrides, after --")
    args = ap.parse_args()

    env = {**os.environ, "OMP_NUM_THREADS": args.threads, "OPENBLAS_NUM_THREADS": args.threads}
    t0 = time.time()
    corpus = args.corpus
    prep = [sys.executable, "training/prepare.py", "--data", str(args.data), "--out", str(corpus)]
    if args.extra_labels:
        prep.append("--extra-labels")
    run(prep, env)
    train = [sys.executable, "-m", "spacy", "train", "training/config.cfg", "--code", "kg/nlp/tokenizer.py",
             "--paths.dev", str(corpus / "dev.spacy")]
    if args.kiwi_vectors:
        run([sys.executable, "training/kiwi_vectors.py", "--out", str(corpus / "kiwi_vectors")], env)
        # (a smaller NORM table keeps the model under 40 MB beside the 17 MB of vectors)
        train += ["--paths.vectors", str(corpus / "kiwi_vectors"),
                  "--components.tok2vec.model.embed.include_static_vectors", "true",
                  "--components.tok2vec.model.embed.rows", "[10000,5000,10000,1000,500]"]
    t1 = time.time()
    if args.self_train:
        teacher = args.output.parent / (args.output.name + "-teacher")
        run([*train, "--output", str(teacher), "--paths.train", str(corpus / "train.spacy"),
             "--training.max_steps", str(args.teacher_steps)], env)
        mixed = args.output.parent / (args.output.name + "-mixed")  # gold x2 + silver
        if mixed.exists():
            shutil.rmtree(mixed)
        mixed.mkdir(parents=True)
        n = "0" if args.self_train < 0 else str(args.self_train)
        run([sys.executable, "training/pseudo_label.py", str(teacher / "model-best"),
             "--data", str(args.data), "--n", n, "--out", str(mixed / "silver.spacy")], env)
        shutil.copy(corpus / "train.spacy", mixed / "gold-a.spacy")  # gold counted twice
        shutil.copy(corpus / "train.spacy", mixed / "gold-b.spacy")
        run([*train, "--output", str(args.output), "--paths.train", str(mixed), *args.overrides], env)
    else:
        run([*train, "--output", str(args.output), "--paths.train", str(corpus / "train.spacy"), *args.overrides], env)
    t2 = time.time()

    model_dir = args.model_dir
    if model_dir.exists():
        shutil.rmtree(model_dir)
    shutil.copytree(args.output / "model-best", model_dir)
    write_meta(model_dir, args.extra_labels, t2 - t1, bool(args.self_train))
    size = sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file())
    print(f"model copied to {model_dir} ({size / 1e6:.1f} MB)")
    run([sys.executable, "training/evaluate.py", str(model_dir), "--data", str(args.data)], env)
    print(f"prepare {t1 - t0:.0f} s, train {t2 - t1:.0f} s, total {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
