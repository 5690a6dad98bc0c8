"""Stable, valid IRIs for entities, articles, graphs and facts.

The same name gives the same IRI in every run (NFC and NFD spellings too);
Hangul stays readable (IRIs allow it); spaces and the characters IRIs forbid
are replaced or percent-encoded.

>>> entity_iri("Organization", "과학기술정보통신부")
'https://w3id.org/kg/id/organization/과학기술정보통신부'
>>> entity_iri("Event", "디지털 <유니콘> 간담회")
'https://w3id.org/kg/id/event/디지털_%3C유니콘%3E_간담회'
>>> import unicodedata
>>> entity_iri("Person", unicodedata.normalize("NFD", "이종호")) == entity_iri("Person", "이종호")
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

__all__ = ["BASE", "KG", "entity_iri", "article_iri", "graph_iri", "fact_iri", "slug"]

BASE = "https://w3id.org/kg/"
KG = BASE + "ontology#"

_SPACES = re.compile(r"\s+")


def slug(text: str) -> str:
    """The IRI-safe form of a name."""
    text = unicodedata.normalize("NFC", text).strip()
    text = _SPACES.sub("_", text)
    out = []
    for ch in text:
        if ch.isalnum() or ch in "-._~" or ("\uac00" <= ch <= "\ud7a3"):
            out.append(ch)
        else:
            out.append(quote(ch, safe=""))
    return "".join(out) or "_"


def entity_iri(cls: str, key: str) -> str:
    """IRI of an entity of graph class ``cls`` identified by ``key`` (its canonical name)."""
    return f"{BASE}id/{cls.lower()}/{slug(key)}"


def article_iri(article_id: str) -> str:
    return f"{BASE}article/{slug(article_id)}"


def graph_iri(article_id: str) -> str:
    """The named graph that holds one article's facts."""
    return f"{BASE}graph/{slug(article_id)}"


def fact_iri(*parts: object) -> str:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf8")).hexdigest()[:20]
    return f"{BASE}fact/{digest}"
