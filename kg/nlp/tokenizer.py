"""A spaCy tokenizer for Korean built on Kiwi (kiwipiepy).

Tokens are Kiwi morphemes, so particles and endings (는, 에서, 했다 …) are
tokens of their own and later stages can read roles off them. The text is
never changed: ``doc.text == text`` for every input. Where Kiwi's morphemes
overlap (했다 = 하+었+다, 간담회엔 = 간담회+에+ㄴ) or have no surface
(the copula in 결실”이라고), they are merged into one token that keeps the
whole analysis in ``token._.morphs``.

Registered as ``kg.KiwiTokenizer.v1`` so it can be named in a spaCy
``config.cfg`` and used by ``spacy train``:

>>> import spacy
>>> nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "kg.KiwiTokenizer.v1"}}})
>>> doc = nlp("장관이 간담회에 참석했다.")
>>> [t.text for t in doc]
['장관', '이', '간담회', '에', '참석', '했', '다', '.']
>>> [t.tag_ for t in doc][4:7]
['NNG', 'XSV+EP', 'EF']
>>> doc[5].lemma_, doc[5]._.morphs
('하다', ['하/XSV', '었/EP'])
>>> doc.text == "장관이 간담회에 참석했다."
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

__all__ = ["KiwiTokenizer", "create_kiwi_tokenizer", "UPOS_BY_TAG"]

if not Token.has_extension("morphs"):
    Token.set_extension("morphs", default=None)

# Sejong/Kiwi tag -> Universal POS. Endings and particles are function words.
UPOS_BY_TAG: dict[str, str] = {
    "NNG": "NOUN", "NNP": "PROPN", "NNB": "NOUN", "NR": "NUM", "NP": "PRON",
    "VV": "VERB", "VA": "ADJ", "VX": "AUX", "VCP": "AUX", "VCN": "ADJ",
    "MM": "DET", "MAG": "ADV", "MAJ": "CCONJ", "IC": "INTJ",
    "JKS": "ADP", "JKC": "ADP", "JKG": "ADP", "JKO": "ADP", "JKB": "ADP",
    "JKV": "ADP", "JKQ": "ADP", "JX": "ADP", "JC": "CCONJ",
    "EP": "PART", "EF": "PART", "EC": "SCONJ", "ETN": "PART", "ETM": "PART",
    "XPN": "X", "XSN": "NOUN", "XSV": "VERB", "XSA": "ADJ", "XSM": "ADJ", "XR": "NOUN",
    "SF": "PUNCT", "SP": "PUNCT", "SS": "PUNCT", "SSO": "PUNCT", "SSC": "PUNCT",
    "SE": "PUNCT", "SO": "PUNCT", "SW": "SYM", "SL": "X", "SH": "X", "SN": "NUM",
    "SB": "X", "UN": "X", "W_URL": "X", "W_EMAIL": "X", "W_HASHTAG": "X",
    "W_MENTION": "X", "W_SERIAL": "NUM", "W_EMOJI": "SYM", "Z_CODA": "PART", "Z_SIOT": "PART",
    "USER0": "PROPN",
}
_VERBAL = ("VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA")
_SPACE = re.compile(r"\s+")


@cache
def _tag_base(tag: str) -> str:
    # Kiwi marks irregular conjugation as VV-I / VV-R; the base tag is enough.
    return tag.split("-", 1)[0]


class KiwiTokenizer:
    """Callable ``str -> Doc`` that segments Korean text into Kiwi morphemes.

    ``user_words`` are added to Kiwi's dictionary as proper nouns (or with
    the tag given as ``(word, tag)``) so names the graph knows stay whole.
    """

    def __init__(
        self,
        vocab: Vocab,
        user_words: Iterable[str | tuple[str, str]] = (),
        model_type: str | None = None,
    ) -> None:
        self.vocab = vocab
        self.model_type = model_type
        self.user_words: list[tuple[str, str]] = []
        self._kiwi: Any = None
        self.add_words(user_words)

    # Kiwi objects are not picklable; nlp.pipe(n_process=N) pickles the
    # pipeline, so rebuild from settings on the other side.
    def __reduce__(self) -> tuple[Any, ...]:
        return (KiwiTokenizer, (self.vocab, list(self.user_words), self.model_type))

    @property
    def kiwi(self) -> Any:
        """The underlying ``kiwipiepy.Kiwi`` (built on first use)."""
        if self._kiwi is None:
            from kiwipiepy import Kiwi

            kwargs = {"model_type": self.model_type} if self.model_type else {}
            self._kiwi = Kiwi(**kwargs)
            for word, tag in self.user_words:
                self._kiwi.add_user_word(word, tag, 0.0)
        return self._kiwi

    def add_words(self, words: Iterable[str | tuple[str, str]]) -> None:
        """Add names to the user dictionary (kept whole by Kiwi from now on)."""
        for item in words:
            word, tag = (item, "NNP") if isinstance(item, str) else item
            word = _SPACE.sub("", word)
            if not word or (word, tag) in self.user_words:
                continue
            self.user_words.append((word, tag))
            if self._kiwi is not None:
                self._kiwi.add_user_word(word, tag, 0.0)

    def __call__(self, text: str) -> Doc:
        return self._make_doc(text, self.kiwi.tokenize(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        texts = list(texts)
        # Kiwi's batch API analyses many texts in one native call.
        for text, morphs in zip(texts, self.kiwi.tokenize(texts)):
            yield self._make_doc(text, morphs)

    def _make_doc(self, text: str, morphs: list[Any]) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        tags: list[str] = []
        pos_tags: list[str] = []
        lemmas: list[str] = []
        sent_starts: list[bool] = []
        analyses: dict[int, list[str]] = {}
        previous_sent = None

        def gap(piece_text: str) -> None:
            _add_gap(piece_text, words, spaces, tags, pos_tags, lemmas, sent_starts)

        pos = 0
        for start, end, group in _group_morphemes(morphs, len(text)):
            if start > pos:
                gap(text[pos:start])
            bases = [_tag_base(m.tag) for m in group]
            analyses[len(words)] = [f"{m.form}/{b}" for m, b in zip(group, bases)]
            words.append(text[start:end])
            spaces.append(False)
            tags.append("+".join(bases))
            pos_tags.append(UPOS_BY_TAG.get(bases[0], "X"))
            verbal = next((m for m, b in zip(group, bases) if b in _VERBAL), None)
            # Kiwi gives 하 for the derivational suffix; verbs are cited with 다.
            lemmas.append(verbal.lemma if verbal is not None and verbal.lemma.endswith("다")
                          else verbal.lemma + "다" if verbal is not None else group[0].form)
            sent = group[0].sent_position
            sent_starts.append(len(words) == 1 or sent != previous_sent)
            previous_sent = sent
            pos = end
        if pos < len(text):
            gap(text[pos:])
        if sent_starts:
            sent_starts[0] = True
        # Everything goes to the constructor: setting is_sent_start token by token is
        # quadratic in spaCy (each assignment rescans the sentence).
        doc = Doc(self.vocab, words=words, spaces=spaces, tags=tags, pos=pos_tags, lemmas=lemmas,
                  sent_starts=sent_starts)
        for i, analysis in analyses.items():
            doc[i]._.morphs = analysis
        return doc

    # -- serialisation (nlp.to_disk / from_disk) ---------------------------
    def _settings(self) -> dict[str, Any]:
        return {"user_words": [list(w) for w in self.user_words], "model_type": self.model_type}

    def _load_settings(self, data: dict[str, Any]) -> None:
        self.model_type = data.get("model_type")
        self._kiwi = None
        self.user_words = []
        self.add_words(tuple(w) for w in data.get("user_words", []))

    def to_bytes(self, **kwargs: Any) -> bytes:
        return json.dumps(self._settings(), ensure_ascii=False).encode("utf8")

    def from_bytes(self, data: bytes, **kwargs: Any) -> KiwiTokenizer:
        self._load_settings(json.loads(data))
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "kiwi.json").write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, **kwargs: Any) -> KiwiTokenizer:
        return self.from_bytes((Path(path) / "kiwi.json").read_bytes())


def _group_morphemes(morphs: list[Any], text_len: int) -> list[tuple[int, int, list[Any]]]:
    """Merge morphemes whose character spans overlap; empty ones join a neighbour.

    Returns ``(start, end, morphemes)`` groups, in order and non-overlapping.
    """
    groups: list[tuple[int, int, list[Any]]] = []
    pending: list[Any] = []  # empty morphemes before the first group
    for m in morphs:
        start, end = m.start, min(m.start + m.len, text_len)
        if end <= start:
            # No surface (e.g. the copula 이 in ”이라고): keep it with its predecessor.
            if groups:
                groups[-1][2].append(m)
            else:
                pending.append(m)
        elif groups and start < groups[-1][1]:
            g_start, g_end, members = groups[-1]
            groups[-1] = (min(g_start, start), max(g_end, end), members + [m])
        else:
            groups.append((start, end, pending + [m]))
            pending = []
    return groups


def _add_gap(
    gap: str,
    words: list[str],
    spaces: list[bool],
    tags: list[str],
    pos_tags: list[str],
    lemmas: list[str],
    sent_starts: list[bool],
) -> None:
    """Text Kiwi left uncovered: one trailing space, whitespace tokens, or symbols."""
    if gap == " " and words and not spaces[-1]:
        spaces[-1] = True
        return
    if gap.startswith(" ") and words and not spaces[-1]:
        spaces[-1] = True
        gap = gap[1:]
    for piece in re.findall(r"\s+|\S+", gap):
        space = piece.isspace()
        words.append(piece)
        spaces.append(False)
        tags.append("_SP" if space else "SW")
        pos_tags.append("SPACE" if space else "SYM")
        lemmas.append(piece)
        sent_starts.append(False)


@spacy.registry.tokenizers("kg.KiwiTokenizer.v1")
def create_kiwi_tokenizer(user_words: list[str] | None = None, model_type: str | None = None) -> Any:
    """spaCy registry entry: ``[nlp.tokenizer] @tokenizers = "kg.KiwiTokenizer.v1"``."""

    def make(nlp: Any) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab, user_words or (), model_type)

    return make
