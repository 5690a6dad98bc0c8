"""Property-based: random bytes and random Korean text through the whole pipeline never crash untyped."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.builder import build, process_article
from kg.errors import KgError
from kg.ingest import Article, read_inputs
from kg.resolve import graph_iri
from kg.store import EmbeddedStore

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
PUNCT = st.sampled_from(list(" \n.,·…\"'“”()[]=0123456789-:") + ["기자", "승인 2022.09.19", "댓글", "[사진=", "장관이", "에서", "했다."])
KOREAN_TEXT = st.lists(st.one_of(HANGUL, PUNCT), max_size=300).map("".join)


def through_pipeline(nlp, items) -> None:
    """Every stage by hand (so an untyped exception surfaces), then build() on the same items."""
    store = EmbeddedStore()
    items = list(items)
    for item in items:
        assert isinstance(item, (Article, KgError)), item
        if isinstance(item, Article):
            try:
                quads, _ = process_article(nlp, item)
                store.replace_graph(graph_iri(item.id), quads)
            except KgError:
                pass
    report = build(items, EmbeddedStore(), nlp=nlp, skip_unchanged=False)
    assert report.articles + len(report.failures) == len(items)
    for _, reason in report.failures:  # build() turns untyped exceptions into "TypeName: …"; none may appear
        assert not reason.split(":", 1)[0].endswith(("Error", "Exception")), reason


@SETTINGS
@given(data=st.binary(max_size=2000), kind=st.sampled_from(["txt", "html", "jsonl"]))
def test_random_bytes(nlp, tmp_path_factory, data, kind):
    path = tmp_path_factory.mktemp("rand") / f"x.{kind}"
    path.write_bytes(data)
    through_pipeline(nlp, read_inputs([path]))


@SETTINGS
@given(text=KOREAN_TEXT, codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp949"]),
       wrap=st.sampled_from(["plain", "html", "jsonl"]))
def test_random_korean_text(nlp, text, codec, wrap):
    import json

    if wrap == "html":
        text = f"<html><head><script>var n = '{text[:20]}';</script></head><body><p>{text}</p></body></html>"
    elif wrap == "jsonl":
        text = json.dumps({"id": "r", "text": text}, ensure_ascii=False)
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:  # a syllable CP949 lacks: not a page anyone could have written
        data = text.encode("utf-8")
    through_pipeline(nlp, read_inputs(["-"], stdin=io.BytesIO(data)))
