"""Find the SPARQL keywords a public endpoint refuses (SERVICE, LOAD) at the token level.

A substring search would refuse a label that says "SERVICE" and miss ``\\u0053ERVICE``; this scanner
first decodes codepoint escapes (SPARQL allows them anywhere), then blanks out what cannot hold a
keyword — string literals (all four quote forms, with their escapes), IRIs, comments and backslash
escapes in prefixed names — and only then looks for the keyword standing as a token of its own: not
part of a variable (``?service``), a prefixed name (``ex:service``, ``service:x``), a blank node label,
a language tag or a longer word. When in doubt it reports the keyword: refusing a strange but harmless
query is better than running a federated one.

>>> keywords("SELECT * WHERE { ?s rdfs:label 'SERVICE <http://x/> {}' }")
set()
>>> keywords("SELECT * WHERE { ?s ?p ?o .SERVICE<http://x/>{ ?s ?p ?o } }")
{'SERVICE'}
>>> keywords("SELECT ?service WHERE { ?service ex:service ?x } # SERVICE <http://x/>")
set()
"""

from __future__ import annotations

import re

__all__ = ["keywords", "refused_keywords", "REFUSED"]

REFUSED = frozenset({"SERVICE", "LOAD"})

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_BLANK = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|$)'  # long strings (an unterminated one runs to the end)
    r"|'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)"
    r'|"(?:[^"\\\r\n]|\\.)*(?:"|$)'
    r"|'(?:[^'\\\r\n]|\\.)*(?:'|$)"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"  # IRIs (a comparison like ?a < ?b has spaces, so it is left alone)
    r"|\\."  # an escape in a prefixed name (ex:a\#b, ex:it\'s) is part of that name
    r"|\#[^\r\n]*",  # comments
    re.S,
)


def _decode(match: re.Match) -> str:
    try:
        return chr(int(match.group(1) or match.group(2), 16))
    except (ValueError, OverflowError):
        return "_"


def keywords(query: str, wanted: frozenset[str] | set[str] = REFUSED) -> set[str]:
    """The keywords of ``wanted`` that appear as tokens in ``query`` (upper case)."""
    text = _CODEPOINT.sub(_decode, query)

    def blank(match: re.Match) -> str:
        token = match.group(0)
        return "_" if token.startswith("\\") else " "

    text = _BLANK.sub(blank, text)
    found = set()
    for word in wanted:
        # Not glued to a name: no word character, ?, $, :, @, - or _ before it, and no word character,
        # : or - after it.
        pattern = rf"(?<![\w?$:@\-]){re.escape(word)}(?![\w:\-])"
        if re.search(pattern, text, re.IGNORECASE):
            found.add(word.upper())
    return found


def refused_keywords(query: str) -> set[str]:
    """SERVICE or LOAD where they would make the server fetch from elsewhere."""
    return keywords(query, REFUSED)
