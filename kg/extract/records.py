"""Small typed records the extractors yield (textacy-style)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Mention", "Fact", "Extraction"]


@dataclass(frozen=True)
class Mention:
    """An entity as it appears in the text: surface form, graph class, character offsets."""

    text: str
    cls: str  # graph class: Person, Organization, Place, Event, Product, Position
    start: int
    end: int


@dataclass(frozen=True)
class Fact:
    """One fact read from a sentence, with its provenance.

    ``obj`` is a :class:`Mention`, or a string for literal-valued relations
    (``said`` → the quote, ``date`` → an ISO date). ``modality`` is ``None``
    for asserted facts, ``"planned"`` for intentions (참석할 예정이다), ``"paraphrased"``
    for reported speech without quote marks (…했다고 밝혔다) and ``"unattributed"`` for a quote of an
    unnamed official given to their organisation (기상청 관계자는 "…"고 말했다).
    """

    subject: Mention
    relation: str
    obj: Mention | str
    sentence: str
    start: int
    end: int
    extractor: str
    confidence: float
    modality: str | None = None


@dataclass
class Extraction:
    """Everything read from one article."""

    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (full name, short name) stated in-text
