"""Mention replacement: gold training sentences with their person names swapped for foreign ones.

Usage: ``python training/augment_names.py [--data ../shared/data] [--out training/corpus/names.spacy]``

KLUE-NER's persons are mostly Korean (김철수: one word, surname first); news also names
foreign people in transliteration, often in two or three words (제라드 쿠슈너, 알레한드로
곤잘레스 이냐리투), which the model trained on KLUE alone tends to cut or miss. Each training
sentence (never a held-out or dev one) with a person name of two or more characters gets one
copy with every such name replaced by a random transliterated foreign name; the other entities
keep their labels and shift with the text.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from prepare import KLUE_FILE, make_nlp, split_ids  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from kg.nlp.ner_eval import read_klue_ids, read_klue_ner  # noqa: E402

FIRST = ("존 마이클 데이비드 제임스 로버트 윌리엄 리처드 토머스 조지 폴 마크 스티븐 앤드루 피터 에드워드 찰스 "
         "다니엘 마리아 안나 엘리자베스 제니퍼 사라 에밀리 올리비아 소피 줄리엣 클로에 알렉산드르 세르게이 "
         "드미트리 블라디미르 이반 니콜라이 안드레이 에마뉘엘 피에르 프랑수아 앙투안 한스 카를 프리드리히 "
         "볼프강 후안 카를로스 호세 페드로 파블로 무함마드 아흐메드 하산 오마르 마르코 루카 조반니 안토니오 "
         "세르지오 디에고 하비에르 라파엘 빅토르 올라프 닐스 에릭 라르스 아미르 베냐민 압바스 제라드").split()
LAST = ("스미스 존슨 브라운 윌리엄스 밀러 데이비스 윌슨 앤더슨 테일러 무어 잭슨 마틴 톰슨 화이트 해리스 "
        "클라크 워커 슈미트 뮐러 슈나이더 피셔 베버 마이어 바그너 베커 호프만 마르탱 베르나르 뒤부아 모로 "
        "가르시아 로드리게스 마르티네스 로페스 곤살레스 페레스 산체스 라미레스 이바노프 페트로프 스미르노프 "
        "쿠즈네초프 포포프 노바크 코발스키 로시 루소 페라리 에스포지토 비앙키 얀센 안데르센 닐센 요한손 "
        "칼손 쿠슈너 네타냐후 키아로스타미 트레티코프 아데바요르 순들링 볼슈노프").split()
SEED = 20241124


def foreign_name(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return rng.choice(LAST)
    if roll < 0.9:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "corpus" / "names.spacy")
    args = ap.parse_args()
    path = args.data / KLUE_FILE
    ids, examples = read_klue_ids(path), read_klue_ner(path)
    assign = split_ids(ids)
    rng = random.Random(SEED)
    texts, all_spans = [], []
    for sid, (text, spans) in zip(ids, examples, strict=True):
        if assign[sid] != "train" or not any(lab == "PS" and e - s >= 2 for s, e, lab in spans):
            continue
        out, new_spans, shift, last = [], [], 0, 0
        for s, e, lab in sorted(spans):
            out.append(text[last:s])
            piece = foreign_name(rng) if lab == "PS" and e - s >= 2 else text[s:e]
            new_spans.append((s + shift, s + shift + len(piece), lab))
            shift += len(piece) - (e - s)
            out.append(piece)
            last = e
        out.append(text[last:])
        texts.append("".join(out))
        all_spans.append(new_spans)
    nlp = make_nlp()
    db = DocBin(store_user_data=False)
    for doc, spans in zip(nlp.tokenizer.pipe(texts), all_spans, strict=True):
        ents = []
        for s, e, lab in spans:
            span = doc.char_span(s, e, label=lab, alignment_mode="expand")
            if span is not None and not (ents and span.start < ents[-1].end):
                ents.append(span)
        doc.set_ents(ents, default="outside")
        db.add(doc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(args.out)
    print(f"{len(db)} sentences with foreign names -> {args.out}")


if __name__ == "__main__":
    main()
