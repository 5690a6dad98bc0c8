"""Extract: entity mentions and facts (with provenance) from a parsed article."""

from kg.extract.records import Extraction, Fact, Mention
from kg.extract.relations import extract

__all__ = ["Extraction", "Fact", "Mention", "extract"]
