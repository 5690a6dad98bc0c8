"""Score extracted facts against hand-written gold (``kg eval facts``).

Gold is JSON Lines, one object per article, joined to the articles by ``id``::

    {"id": "...", "date": "YYYY-MM-DD",
     "entities": [{"label", "type", "aliases"}],
     "facts": [{"s", "p", "o", "s_alt", "o_alt"}],
     "absent": [{"s", "p", "o", "why"}]}

A fact matches when the relation is equal and each side's label, or one of
its aliases, equals the extracted node's ``rdfs:label`` or a ``skos:altLabel``
after removing spaces and punctuation; for ``said`` the gold object is a
substring of the extracted quote. Only asserted facts count (planned ones are
not facts) and only relations of the vocabulary.

>>> norm("‘한-독 딥테크’ 간담회")
'한독딥테크간담회'
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError

__all__ = ["Predicted", "evaluate_facts", "format_fact_report", "norm", "predict", "read_gold", "RELATIONS"]

RELATIONS = (
    "attended", "organized", "demonstrated", "locatedIn", "holdsPosition", "memberOf", "founded", "said",
    "announced", "launched", "invested", "acquired", "partneredWith", "visited", "met", "supported",
    "appointed", "won",
)
_SYMMETRIC = {"partneredWith", "met"}
_STRIP = re.compile(r"[\s\W_]+", re.UNICODE)


def norm(text: str) -> str:
    """Label form used for matching: NFC, no spaces or punctuation, lower case."""
    return _STRIP.sub("", unicodedata.normalize("NFC", text)).lower()


@dataclass(frozen=True)
class Predicted:
    """One extracted fact with every name its two sides go by."""

    subject: frozenset[str]
    relation: str
    obj: frozenset[str]
    literal: str | None  # the quote, for said
    cls: tuple[str, str | None]
    sentence: str


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class _Result:
    overall: _Tally = field(default_factory=_Tally)
    per_relation: dict[str, _Tally] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    wrong: list[dict[str, Any]] = field(default_factory=list)
    absent_produced: list[dict[str, Any]] = field(default_factory=list)
    entities_found: int = 0
    entities_total: int = 0
    entities_missing: list[dict[str, Any]] = field(default_factory=list)
    articles: int = 0


def read_gold(path: str | Path) -> dict[str, dict[str, Any]]:
    """Gold records by article id."""
    gold: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(Path(path).read_text("utf8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}", f"malformed JSON ({exc.msg})") from exc
        gold[str(record["id"])] = record
    return gold


def predict(nlp: Any, article: Any, paraphrased: bool = False) -> tuple[list[Predicted], dict[str, set[str]]]:
    """The article's asserted facts (with ``paraphrased``, also reported speech without quote
    marks), and every extracted name → the classes it was given."""
    from kg.extract import extract
    from kg.resolve import resolve

    resolved = resolve(article, extract(nlp(article.read_text), article))
    counted = {None, "paraphrased"} if paraphrased else {None}
    names: dict[str, set[str]] = {}
    forms: dict[str, frozenset[str]] = {}
    for node in resolved.nodes.values():
        every = frozenset(norm(n) for n in (node.label, *node.alt_labels))
        forms[node.iri] = every
        for n in every:
            names.setdefault(n, set()).add(node.cls)
    out = []
    for rf in resolved.facts:
        if rf.relation not in RELATIONS or rf.fact.modality not in counted:
            continue
        obj = frozenset() if rf.literal else forms[rf.obj]
        cls = (resolved.nodes[rf.subject].cls, None if rf.literal else resolved.nodes[rf.obj].cls)
        out.append(Predicted(forms[rf.subject], rf.relation, obj, rf.obj if rf.literal else None, cls,
                             rf.fact.sentence))
    return list(dict.fromkeys(out)), names


def _side(label: str, alts: Iterable[str] | None) -> set[str]:
    return {norm(x) for x in (label, *(alts or ())) if x and norm(x)}


def _matches(gold: dict[str, Any], pred: Predicted) -> bool:
    relation = gold["p"].split(":")[-1]
    if relation != pred.relation:
        return False
    s, o = _side(gold["s"], gold.get("s_alt")), _side(gold["o"], gold.get("o_alt"))
    if relation == "said":
        quote = norm(pred.literal or "")
        return bool(s & pred.subject) and any(x in quote for x in o)
    if s & pred.subject and o & pred.obj:
        return True
    return relation in _SYMMETRIC and bool(o & pred.subject and s & pred.obj)


def evaluate_facts(nlp: Any, gold_path: str | Path, articles: Iterable[Any], paraphrased: bool = False) -> dict[str, Any]:
    """Precision, recall and F1 overall and per relation, misses, and absent facts produced.

    ``paraphrased=True`` counts reported speech without quote marks (…했다고 밝혔다) as ``said``,
    for gold written under that convention."""
    gold = read_gold(gold_path)
    result = _Result()
    for article in articles:
        record = gold.get(str(article.id))
        if record is None:
            continue
        if record.get("date") and not article.date:
            article.date = record["date"]
        result.articles += 1
        predicted, names = predict(nlp, article, paraphrased)
        used: set[int] = set()
        for g in record.get("facts", []):
            relation = g["p"].split(":")[-1]
            tally = result.per_relation.setdefault(relation, _Tally())
            hit = next((i for i, p in enumerate(predicted) if _matches(g, p)), None)
            if hit is None:
                tally.fn += 1
                result.overall.fn += 1
                result.misses.append({"article": article.id, **{k: g.get(k) for k in ("s", "p", "o")}})
            else:
                # Every prediction matching this gold fact is the same fact said again.
                used.update(i for i, p in enumerate(predicted) if _matches(g, p))
                tally.tp += 1
                result.overall.tp += 1
        for i, p in enumerate(predicted):
            if i in used:
                continue
            result.per_relation.setdefault(p.relation, _Tally()).fp += 1
            result.overall.fp += 1
            result.wrong.append({"article": article.id, "s": min(p.subject, default=""), "p": p.relation,
                                 "o": p.literal or min(p.obj, default=""), "sentence": p.sentence})
        for a in record.get("absent", []):
            if any(_matches(a, p) for p in predicted):
                result.absent_produced.append({"article": article.id, **a})
        for e in record.get("entities", []):
            result.entities_total += 1
            forms = _side(e["label"], e.get("aliases"))
            if any(e["type"] in names.get(n, ()) for n in forms):
                result.entities_found += 1
            else:  # with the classes the name did get, if any: a wrong class is not a missed name
                given = sorted(set().union(*(names.get(n, set()) for n in forms)))
                result.entities_missing.append({"article": article.id, "label": e["label"], "type": e["type"],
                                                "given": given})
    return {
        "articles": result.articles,
        "overall": result.overall.scores(),
        "per_relation": {k: v.scores() for k, v in sorted(result.per_relation.items())},
        "entities": {"found": result.entities_found, "total": result.entities_total,
                     "share": round(result.entities_found / result.entities_total, 4) if result.entities_total else 0.0,
                     "missing": result.entities_missing},
        "absent_produced": result.absent_produced,
        "misses": result.misses,
        "wrong": result.wrong,
    }


def format_fact_report(report: dict[str, Any], show: int = 30) -> str:
    """A readable text report of :func:`evaluate_facts`."""
    lines = [f"articles: {report['articles']}"]
    o = report["overall"]
    lines.append(f"{'relation':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    for name, s in [*report["per_relation"].items(), ("ALL", o)]:
        lines.append(f"{name:<16}{s['p']:>7.3f}{s['r']:>7.3f}{s['f1']:>7.3f}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}")
    e = report["entities"]
    lines.append(f"gold entities present with their class: {e['found']}/{e['total']} ({e['share']:.1%})")
    lines.append(f"absent facts produced: {len(report['absent_produced'])}")
    for a in report["absent_produced"]:
        lines.append(f"  ! {a['article']}: {a['s']} {a['p']} {a['o']} ({a.get('why', '')})")
    counts = Counter(m["p"] for m in report["misses"])
    lines.append(f"misses ({len(report['misses'])}; by relation: {dict(counts)}):")
    for m in report["misses"][:show]:
        lines.append(f"  - {m['article']}: {m['s']} {m['p']} {m['o']}")
    if len(report["misses"]) > show:
        lines.append(f"  … {len(report['misses']) - show} more (use --json)")
    missing = e.get("missing", [])
    if missing:
        lines.append(f"gold entities missing or with another class ({len(missing)}):")
        for m in missing[:show]:
            given = f" (given {', '.join(m['given'])})" if m["given"] else ""
            lines.append(f"  - {m['article']}: {m['label']} {m['type']}{given}")
        if len(missing) > show:
            lines.append(f"  … {len(missing) - show} more (use --json)")
    return "\n".join(lines)
