"""The Kiwi tokenizer: lossless, morpheme-level, serialisable, multi-process."""

from __future__ import annotations

import pickle

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.nlp.tokenizer  # noqa: F401
from kg.nlp.tokenizer import KiwiTokenizer

CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "kg.KiwiTokenizer.v1"}}}
NLP = spacy.blank("ko", config=CONFIG)

korean = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # Hangul syllables
        st.characters(min_codepoint=0x3131, max_codepoint=0x318E),  # compatibility jamo
        st.sampled_from(list(" \n\t.,!?'\"“”‘’()[]·∙-~%0123456789abcXYZ㈜😀\u3000")),
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(korean)
def test_round_trip_on_arbitrary_text(text):
    doc = NLP(text)
    assert doc.text == text
    assert all(t.text for t in doc)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_round_trip_on_any_unicode(text):
    assert NLP(text).text == text


def test_contractions_become_one_token_with_their_analysis():
    doc = NLP("간담회엔 장관이 참석했다.")
    by_text = {t.text: t for t in doc}
    assert by_text["엔"]._.morphs[0] == "에/JKB" and len(by_text["엔"]._.morphs) == 2
    assert by_text["했"].tag_ == "XSV+EP"
    assert by_text["했"].lemma_ == "하다"
    assert by_text["참석"].pos_ == "NOUN"


def test_sentences_come_from_kiwi():
    doc = NLP("첫 문장이다. 두 번째 문장이다.")
    assert [s.text for s in doc.sents] == ["첫 문장이다.", "두 번째 문장이다."]


def test_user_dictionary_keeps_names_whole():
    tokenizer = KiwiTokenizer(NLP.vocab)
    assert "4D리플레이" not in [t.text for t in tokenizer("4D리플레이가 시연했다")]
    tokenizer.add_words(["4D리플레이"])
    assert "4D리플레이" in [t.text for t in tokenizer("4D리플레이가 시연했다")]


def test_serialises_with_the_pipeline(tmp_path):
    nlp = spacy.blank("ko", config=CONFIG)
    nlp.tokenizer.add_words(["과기정통부"])
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert "과기정통부" in [t.text for t in loaded("과기정통부는 밝혔다")]
    again = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert again.user_words == nlp.tokenizer.user_words


def test_multiprocess_pipe_matches_single_process():
    texts = ["장관이 간담회에 참석했다.", "회사가 제품을 시연했다.", "서울에서 포럼이 열렸다."] * 3
    single = [[t.text for t in d] for d in NLP.pipe(texts)]
    multi = [[t.text for t in d] for d in NLP.pipe(texts, n_process=2, batch_size=2)]
    assert multi == single
