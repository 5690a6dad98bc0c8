"""Load the shipped Korean pipeline: Kiwi tokenizer → NER (if shipped) → entity rules."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

import kg.nlp.entity_rules  # noqa: F401  (registers the kg_entity_rules factory)
import kg.nlp.tokenizer  # noqa: F401  (registers kg.KiwiTokenizer.v1)
from kg.errors import NlpError
from kg.nlp.lexicon import gazetteer

__all__ = ["load_pipeline", "shipped_model_path"]

_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "kg.KiwiTokenizer.v1"}}}


def shipped_model_path() -> Path | None:
    """Where the trained NER model lives inside the package, if it was shipped."""
    path = Path(str(resources.files("kg.nlp").joinpath("model")))
    return path if (path / "meta.json").exists() else None


@cache
def _load(ner: bool, model: str | None) -> Language:
    path = Path(model) if model else (shipped_model_path() if ner else None)
    try:
        if path is not None:
            nlp = spacy.load(path, exclude=["kg_entity_rules"])
        else:
            nlp = spacy.blank("ko", config=_TOKENIZER)
    except (OSError, ValueError) as exc:
        raise NlpError(f"cannot load the NLP model at {path}: {exc}") from exc
    # Names the graph knows stay whole words in Kiwi's analysis.
    nlp.tokenizer.add_words(n for n in gazetteer() if " " not in n and not n.isascii())
    if "kg_entity_rules" not in nlp.pipe_names:
        nlp.add_pipe("kg_entity_rules")
    return nlp


def load_pipeline(ner: bool = True, model: str | Path | None = None) -> Language:
    """The Korean pipeline, loaded once per process.

    ``ner=False`` skips the statistical NER (rules only); ``model`` loads a
    pipeline saved elsewhere instead of the shipped one.
    """
    return _load(ner, str(model) if model else None)
