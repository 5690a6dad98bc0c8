"""The shipped Korean NER model and the KLUE-style NER evaluation."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import kg.nlp.tokenizer  # noqa: F401  (registers kg.KiwiTokenizer.v1)
from kg.nlp.ner_eval import (
    KLUE_LABELS,
    bio_to_spans,
    evaluate_ner,
    format_ner_report,
    read_klue_ids,
    read_klue_ner,
)

REPO = Path(__file__).resolve().parents[1]
MODEL_DIR = REPO / "kg" / "nlp" / "model"
SHARED = REPO / ".." / "shared"
KLUE_TSV = SHARED / "data" / "klue" / "klue-ner-v1.1_dev-train-split.tsv"
HELDOUT_IDS = REPO / "training" / "heldout_ids.txt"

HEADER = (
    "## 토큰, 레이블 구분자 : \\t\n## 토큰 구분자 : \\n\n## 문장 구분자 : \\n\\n\n## 주석 : ##\n"
    "## 컬럼명 : CHAR\tNE_TAG\n"
)


def _block(sent_id: str, inline: str, tagged: list[tuple[str, str]]) -> str:
    lines = [f"## {sent_id}\t{inline}"] + [f"{c}\t{t}" for c, t in tagged]
    return "\n".join(lines) + "\n\n"


def _chars(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    tags = ["O"] * len(text)
    for s, e, lab in spans:
        tags[s] = f"B-{lab}"
        for i in range(s + 1, e):
            tags[i] = f"I-{lab}"
    return list(zip(text, tags, strict=True))


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL_DIR)


@pytest.fixture()
def tiny_tsv(tmp_path: Path) -> Path:
    s1 = "김철수는 서울에 갔다."
    g1 = [(0, 3, "PS"), (5, 7, "LC")]
    s2 = "3일 오후 회의"
    g2 = [(0, 2, "DT"), (3, 5, "TI")]
    body = HEADER
    body += _block("t_00000-wikitree", "<김철수:PS>는 <서울:LC>에 갔다.", _chars(s1, g1))
    body += _block("t_00001-nsmc", "<3일:DT> <오후:TI> 회의", _chars(s2, g2))
    path = tmp_path / "tiny.tsv"
    path.write_text(body, encoding="utf-8")
    return path


class FixedNER:
    """A stand-in pipeline: returns docs with given character-span entities."""

    def __init__(self, preds: dict[str, list[tuple[int, int, str]]]) -> None:
        self.blank = spacy.blank("xx")
        self.preds = preds

    def pipe(self, texts, batch_size: int = 0):
        for text in texts:
            doc = Doc(self.blank.vocab, words=list(text), spaces=[False] * len(text))  # 1 char = 1 token
            spans = [doc.char_span(s, e, label=lab) for s, e, lab in self.preds.get(text, [])]
            doc.ents = [s for s in spans if s is not None]
            yield doc


def test_read_klue_ner(tiny_tsv: Path) -> None:
    examples = read_klue_ner(tiny_tsv)
    assert examples == [
        ("김철수는 서울에 갔다.", [(0, 3, "PS"), (5, 7, "LC")]),
        ("3일 오후 회의", [(0, 2, "DT"), (3, 5, "TI")]),
    ]
    assert read_klue_ids(tiny_tsv) == ["t_00000-wikitree", "t_00001-nsmc"]


def test_bio_to_spans_edge_cases() -> None:
    assert bio_to_spans(["I-PS", "I-PS", "O", "B-LC", "B-LC", "I-OG"]) == [
        (0, 2, "PS"), (3, 4, "LC"), (4, 5, "LC"), (5, 6, "OG"),
    ]


def test_evaluate_ner_hand_computed(tiny_tsv: Path) -> None:
    # Gold: 4 entities (PS, LC, DT, TI).
    # Predicted: PS correct; LC with a wrong span "서울에" (1 FP + 1 miss);
    # DT correct; TI missed; an extra QT "회의" (1 FP); a non-KLUE label (ignored).
    preds = {
        "김철수는 서울에 갔다.": [(0, 3, "PERSON"), (5, 8, "LC")],
        "3일 오후 회의": [(0, 2, "DT"), (6, 8, "QT"), (3, 5, "POSITION")],
    }
    result = evaluate_ner(FixedNER(preds), tiny_tsv)
    # tp = 2 (PS, DT); predicted = 4 (PS, LC, DT, QT); gold = 4
    assert result["sentences"] == 2
    assert result["micro"] == {"p": 0.5, "r": 0.5, "f1": 0.5}
    per = result["per_label"]
    assert per["PS"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "support": 1}
    assert per["LC"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "support": 1}
    assert per["TI"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "support": 1}
    assert per["QT"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "support": 0}
    assert set(per) == set(KLUE_LABELS)
    report = format_ner_report(result)
    assert "micro" in report and "50.00" in report


def test_evaluate_ner_accepts_examples() -> None:
    examples = [("김철수는 서울에 갔다.", [(0, 3, "PS"), (5, 7, "LC")])]
    preds = {"김철수는 서울에 갔다.": [(0, 3, "PS"), (5, 7, "LC")]}
    result = evaluate_ner(FixedNER(preds), examples)
    assert result["micro"] == {"p": 1.0, "r": 1.0, "f1": 1.0}


def test_klue_view_and_graph_view() -> None:
    """The model's KLUE-style span (one place for a province + city) is kept in doc.spans["ner"]
    and scored by default; the graph rules split it into two places, scored with graph=True."""
    from kg.nlp import load_pipeline

    nlp = load_pipeline()
    text = "경북 영주시에서 축제가 열렸다."
    doc = nlp(text)
    klue = [(e.text, e.label_) for e in doc.spans["ner"]]
    graph = [(e.text, e.label_) for e in doc.ents]
    if ("경북 영주시", "LC") not in klue:
        pytest.skip(f"the model segments this sentence differently: {klue}")
    assert ("경북", "LC") in graph and ("영주시", "LC") in graph
    gold = [(text, [(0, 6, "LC")])]
    assert evaluate_ner(nlp, gold)["per_label"]["LC"]["r"] == 1.0
    assert evaluate_ner(nlp, gold, graph=True)["per_label"]["LC"]["r"] == 0.0


def test_shipped_model_loads(nlp) -> None:
    assert nlp.pipe_names[-1] == "ner"
    assert set(KLUE_LABELS) <= set(nlp.get_pipe("ner").labels)
    text = "문재인 대통령은 15일 청와대에서 김정은 위원장을 만났다."
    doc = nlp(text)
    assert doc.text == text
    assert any(ent.label_ == "PS" for ent in doc.ents)
    meta = nlp.meta
    assert meta["license"] == "CC BY-SA 4.0"
    assert any("KLUE" in s.get("name", "") for s in meta.get("sources", []))


def test_shipped_model_size() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size <= 40 * 1024 * 1024


@pytest.mark.skipif(not KLUE_TSV.exists(), reason="shared KLUE data not available")
def test_shipped_model_heldout_f1(nlp) -> None:
    wanted = set(HELDOUT_IDS.read_text(encoding="utf-8").split())
    examples = [
        ex for i, ex in zip(read_klue_ids(KLUE_TSV), read_klue_ner(KLUE_TSV), strict=True) if i in wanted
    ]
    assert len(examples) == len(wanted) == 400
    result = evaluate_ner(nlp, examples)
    assert result["micro"]["f1"] >= 0.70, format_ner_report(result)


def test_eval_ner_command(tiny_tsv: Path) -> None:
    """`kg eval ner FILE --json` runs the shipped pipeline and prints the KLUE metric as JSON."""
    import json

    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["eval", "ner", str(tiny_tsv), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report) >= {"micro", "per_label", "sentences"}
    assert report["sentences"] == 2 and 0.0 <= report["micro"]["f1"] <= 1.0
    table = CliRunner().invoke(app, ["eval", "ner", str(tiny_tsv)])
    assert table.exit_code == 0 and "PS" in table.output
    graph = CliRunner().invoke(app, ["eval", "ner", str(tiny_tsv), "--graph", "--json"])
    assert graph.exit_code == 0 and json.loads(graph.output)["sentences"] == 2
    missing = CliRunner().invoke(app, ["eval", "ner", str(tiny_tsv) + ".missing"])
    assert missing.exit_code == 1 and "no such file" in missing.output
