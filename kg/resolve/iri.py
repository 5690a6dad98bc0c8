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

__all__ = ["BASE", "KG", "entity_iri", "article_iri", "graph_iri", "fact_iri", "agent_iri", "slug", "ENTITY_GRAPH"]

BASE = "https://w3id.org/kg/"
KG = BASE + "ontology#"

_SPACES = re.compile(r"\s+")


def _readable(ch: str) -> bool:
    """Kept as is: ASCII letters, digits and ``-._~``; non-ASCII letters and digits that IRIs allow."""
    if ch.isascii():
        return ch.isalnum() or ch in "-._~"
    cp = ord(ch)
    if 0xD800 <= cp <= 0xF8FF or 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFF) >= 0xFFFE or cp >= 0xF0000:
        return False  # surrogates, private use, non-characters: not ucschar (RFC 3987)
    return unicodedata.category(ch)[0] in "LN"


def slug(text: str) -> str:
    """The IRI-safe form of a name: NFC, whitespace runs as ``_``, letters and digits kept
    (Hangul stays readable), everything else percent-encoded as UTF-8.

    >>> slug("SK 하이닉스/반도체 <R&D>")
    'SK_하이닉스%2F반도체_%3CR%26D%3E'
    """
    text = unicodedata.normalize("NFC", text).strip()
    text = _SPACES.sub("_", text)
    out = []
    for i, ch in enumerate(text):
        if ch == "." and (i == 0 or i == len(text) - 1):
            out.append("%2E")  # no "." / ".." path segments, no local name ending in a dot
        elif _readable(ch):
            out.append(ch)
        else:
            out.append(quote(ch.encode("utf8", "surrogatepass"), safe=""))
    return "".join(out) or "_"


def entity_iri(cls: str, key: str) -> str:
    """IRI of an entity of graph class ``cls`` identified by ``key`` (its canonical name)."""
    return f"{BASE}id/{cls.lower()}/{slug(key)}"


def article_iri(article_id: str) -> str:
    return f"{BASE}article/{slug(article_id)}"


ENTITY_GRAPH = BASE + "entities"
"""The one shared graph that describes entities (class, canonical label) and extractors.

Those triples are a function of the IRI, so every article would write the same
ones; kept once here, a query over the union of graphs does not see each of
them once per article that mentions the entity (Oxigraph's union default graph
is a multiset: a triple in N graphs matches N times, which multiplies joins).
"""


def graph_iri(article_id: str) -> str:
    """The named graph that holds one article's facts."""
    return f"{BASE}graph/{slug(article_id)}"


def agent_iri(extractor: str) -> str:
    """The ``prov:SoftwareAgent`` for one extractor (rule or model) name."""
    return f"{BASE}agent/{slug(extractor)}"


def fact_iri(*parts: object) -> str:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf8")).hexdigest()[:20]
    return f"{BASE}fact/{digest}"
