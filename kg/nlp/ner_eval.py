"""Entity-level NER evaluation in the KLUE-NER style.

A predicted entity counts as correct only when its character span *and* its
label equal a gold entity's (KLUE's entity-level metric). Only the six KLUE
labels are scored; predicted entities with other labels (``POSITION``,
``EVENT`` …) are ignored, and a few aliases are mapped (``PERSON`` → ``PS``).

>>> import spacy
>>> nlp = spacy.blank("xx")
>>> ruler = nlp.add_pipe("entity_ruler")
>>> ruler.add_patterns([{"label": "PS", "pattern": "김"}, {"label": "LC", "pattern": "씨"}])
>>> gold = [("김 씨 서울 갔다", [(0, 1, "PS"), (4, 6, "LC")])]
>>> result = evaluate_ner(nlp, gold)   # "씨" predicted as LC: 1 FP, "서울" missed
>>> result["micro"]
{'p': 0.5, 'r': 0.5, 'f1': 0.5}
>>> result["per_label"]["PS"]["support"], result["sentences"]
(1, 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kg.nlp.lexicon import word_list

__all__ = [
    "KLUE_LABELS",
    "LABEL_ALIASES",
    "read_klue_ner",
    "read_klue_ids",
    "evaluate_ner",
    "evaluate_spans",
    "format_ner_report",
]

KLUE_LABELS: tuple[str, ...] = ("PS", "LC", "OG", "DT", "TI", "QT")

# Other names a model might use for the KLUE classes.
LABEL_ALIASES: dict[str, str] = {
    "PER": "PS", "PERSON": "PS", "LOC": "LC", "LOCATION": "LC", "GPE": "LC",
    "ORG": "OG", "ORGANIZATION": "OG", "DATE": "DT", "TIME": "TI",
    "QUANTITY": "QT", "CARDINAL": "QT", "MONEY": "QT", "PERCENT": "QT",
}

Span3 = tuple[int, int, str]
Example = tuple[str, list[Span3]]


def read_klue_ner(path: str | Path) -> list[Example]:
    """Read a KLUE-NER ``.tsv`` (``## id\\tsentence`` + ``CHAR\\tBIO`` lines).

    Returns ``(text, [(start, end, label), ...])`` per sentence, with
    character offsets into ``text`` (end exclusive). The text is rebuilt from
    the character lines, so it never contains the inline ``<w:TAG>`` markup.
    Works for the konec 150-class files too (labels are then konec's).
    """
    examples: list[Example] = []
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if chars:
            examples.append(("".join(chars), bio_to_spans(tags)))
        chars.clear()
        tags.clear()

    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n").rstrip("\r")
            if line.startswith("##"):
                flush()
                continue
            if not line.strip() and "\t" not in line:
                flush()
                continue
            char, _, tag = line.rpartition("\t")
            if not _ and not char:  # malformed line without a tab
                continue
            chars.append(char if char else " ")
            tags.append(tag.strip() or "O")
    flush()
    return examples


def read_klue_ids(path: str | Path) -> list[str]:
    """Sentence ids of a KLUE-NER ``.tsv`` (``## <id>\\t...`` lines), parallel to :func:`read_klue_ner`."""
    ids = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("## ") and "\t" in line:
                head = line[3:].split("\t", 1)[0].strip()
                if head and " " not in head:  # skip the header "## 토큰, 레이블 구분자 : \t"
                    ids.append(head)
    return ids


def bio_to_spans(tags: Sequence[str]) -> list[Span3]:
    """Character BIO tags -> ``(start, end, label)`` spans (an ``I-`` with a new label starts a span)."""
    spans: list[Span3] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        continues = prefix == "I" and lab == label and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, lab
    return spans


def _klue_label(label: str) -> str | None:
    label = LABEL_ALIASES.get(label, label)
    return label if label in KLUE_LABELS else None


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def evaluate_spans(gold: Iterable[Iterable[Span3]], pred: Iterable[Iterable[Span3]]) -> dict[str, Any]:
    """Score predicted against gold character spans, sentence by sentence."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n = 0
    for g_spans, p_spans in zip(gold, pred, strict=True):
        n += 1
        g = {(s, e, lab) for s, e, raw in g_spans if (lab := _klue_label(raw))}
        p = {(s, e, lab) for s, e, raw in p_spans if (lab := _klue_label(raw))}
        for _, _, lab in g:
            n_gold[lab] += 1
        for _, _, lab in p:
            n_pred[lab] += 1
        for _, _, lab in g & p:
            tp[lab] += 1
    per_label = {
        lab: {**_prf(tp[lab], n_pred[lab], n_gold[lab]), "support": n_gold[lab]} for lab in KLUE_LABELS
    }
    micro = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return {"micro": micro, "per_label": per_label, "sentences": n}


def evaluate_ner(
    nlp: Any, path_or_examples: str | Path | Iterable[Example], batch_size: int = 256, graph: bool = False
) -> dict[str, Any]:
    """Run ``nlp`` over KLUE-NER sentences and score its entities (exact char span + label).

    ``path_or_examples`` is a KLUE ``.tsv`` path or ``(text, gold_spans)`` pairs. Scored are the
    statistical NER's spans (``doc.spans["ner"]``, kept by the rule component before it
    re-segments entities for the graph) where present, else ``doc.ents``; ``graph=True`` scores
    ``doc.ents``, the entities as the graph receives them. The statistical spans are written as KLUE writes
    them (:func:`klue_spans`).
    Returns ``{"micro": {"p","r","f1"}, "per_label": {LABEL: {"p","r","f1","support"}},
    "sentences": N}``.
    """
    if isinstance(path_or_examples, (str, Path)):
        examples = read_klue_ner(path_or_examples)
    else:
        examples = list(path_or_examples)
    texts = [text for text, _ in examples]
    preds = [
        [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents] if graph or "ner" not in doc.spans
        else klue_spans(doc.spans["ner"])
        for doc in nlp.pipe(texts, batch_size=batch_size)
    ]
    return evaluate_spans((spans for _, spans in examples), preds)


# Two or three countries written by one letter each (남북 회담, 한미 동맹): KLUE labels every letter an entity
# of its own, and Kiwi keeps the pair one token.
_COUNTRY_PAIRS = frozenset({"남북", "한미", "한일", "한중", "한러", "북미", "북중", "북일", "북러", "미중", "미일", "미러",
                            "중일", "중러", "한미일", "한중일", "남북미", "북미중"})


# Particles and nouns that Kiwi leaves glued to a name it does not know (정재영의, 리지씨, 홍해숙역): KLUE's
# person ends before them. (Not 이, 아, 만, 도 or 모, which end many names: 앤 해서웨이, 김연아, 호프만.)
_GLUED_AFTER_NAMES = ("의", "역", "씨", "랑", "가")


def klue_spans(ents: Iterable[Any]) -> list[Span3]:
    """Entity spans as KLUE writes them, by character: a pair of one-letter countries the model found as
    one entity is one entity per letter, a person's name ends before a particle Kiwi left on it, and a
    country's side or people (북측, 미국인) is the country.

    >>> import spacy
    >>> doc = spacy.blank("xx")("남북 정상 마츠다류헤이가 왔다")
    >>> klue_spans([doc.char_span(0, 2, label="OG"), doc.char_span(6, 13, label="PS")])
    [(0, 1, 'OG'), (1, 2, 'OG'), (6, 12, 'PS')]
    """
    out: list[Span3] = []
    for ent in ents:
        if ent.text in _COUNTRY_PAIRS:
            out += [(ent.start_char + k, ent.start_char + k + 1, ent.label_) for k in range(len(ent.text))]
        else:
            out.append((ent.start_char, ent.end_char - _klue_extra_letter(ent), ent.label_))
    return out


def _klue_extra_letter(ent: Any) -> int:
    """1 where the span's last letter is one KLUE leaves out of the entity, else 0."""
    last = ent[-1]
    glued = ent.label_ == "PS" and len(last.text) >= 3 and last.text.endswith(_GLUED_AFTER_NAMES) \
        and "+" not in last.tag_ and last.tag_[:2] in ("NN", "")
    # (북측 → 북, 미국인 → 미국: KLUE names the side and the nationality by the country alone)
    side = ent.text in ("북측", "남측")
    people = ent.label_ == "LC" and ent.text.endswith("인") and ent.text[:-1] in word_list("places")
    return int(glued or side or people)


def format_ner_report(result: dict[str, Any]) -> str:
    """A plain-text table of an :func:`evaluate_ner` result.

    >>> print(format_ner_report(evaluate_spans([[(0, 1, "PS")]], [[(0, 1, "PS")]])).splitlines()[2])
    PS      100.00  100.00  100.00        1
    """
    lines = [f"{'label':<6} {'P':>7} {'R':>7} {'F1':>7} {'support':>8}", "-" * 39]
    for lab, s in result["per_label"].items():
        p, r, f = s["p"] * 100, s["r"] * 100, s["f1"] * 100
        lines.append(f"{lab:<6} {p:7.2f} {r:7.2f} {f:7.2f} {s['support']:8d}")
    m = result["micro"]
    total = sum(s["support"] for s in result["per_label"].values())
    lines.append("-" * 39)
    lines.append(f"{'micro':<6} {m['p'] * 100:7.2f} {m['r'] * 100:7.2f} {m['f1'] * 100:7.2f} {total:8d}")
    lines.append(f"sentences: {result['sentences']}")
    return "\n".join(lines)
