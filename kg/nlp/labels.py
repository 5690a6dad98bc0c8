"""Entity labels of the NLP pipeline and the graph classes they become.

>>> GRAPH_CLASS["PS"], GRAPH_CLASS["EV"]
('Person', 'Event')
>>> "DT" in GRAPH_CLASS
False
"""

from __future__ import annotations

__all__ = ["GRAPH_CLASS", "LITERAL_LABELS", "KLUE_LABELS", "normalise_label"]

# Labels that become nodes. PS/OG/LC come from KLUE; EV/CV/AF from NIKL (konec)
# tags or from kg_entity_rules.
GRAPH_CLASS = {
    "PS": "Person",
    "OG": "Organization",
    "LC": "Place",
    "EV": "Event",
    "CV": "Position",
    "AF": "Product",
}
# Dates, times and quantities are literals on facts, not nodes.
LITERAL_LABELS = {"DT", "TI", "QT"}
KLUE_LABELS = ("PS", "LC", "OG", "DT", "TI", "QT")

_ALIASES = {
    "PER": "PS", "PERSON": "PS", "ORG": "OG", "LOC": "LC", "GPE": "LC", "EVENT": "EV",
    "POSITION": "CV", "PRODUCT": "AF", "DATE": "DT", "TIME": "TI", "QUANTITY": "QT",
}


def normalise_label(label: str) -> str:
    """Map a model's label name onto ours (``PERSON`` → ``PS``)."""
    return _ALIASES.get(label, label)
