"""One node per real-world entity: normalise names, merge aliases, mint IRIs.

Rules, in order:

1. Surface forms are cleaned: NFC, quotes and trailing particles stripped
   (이종호는 → 이종호).
2. Known aliases map to one canonical name: the shipped gazetteer
   (과기정통부 → 과학기술정보통신부) and short names the article itself
   states (``과학기술정보통신부(과기정통부)``).
3. Events: within one article, mentions sharing their head noun are one event
   (a news article tells one 간담회; 이번 간담회 is it), named after the
   longest name used; an event never named beyond its head stays article-local.
4. Persons: a name alone is not an identity. Same-name persons merge across
   articles only when they share a position or, lacking one, an organisation
   (이종호 장관 in two articles is one node; 이종호 with no context is local to
   its article).

>>> from kg.extract.records import Mention, Extraction
>>> from kg.ingest import Article
>>> m = Mention("과기정통부는", "Organization", 0, 5)
>>> res = resolve(Article(id="a", text="x"), Extraction(mentions=[m]))
>>> [n.label for n in res.nodes.values()]
['과학기술정보통신부']
>>> sorted(next(iter(res.nodes.values())).alt_labels)
['과기정통부']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from kg.extract.records import Extraction, Fact, Mention
from kg.ingest.article import Article
from kg.nlp.lexicon import EVENT_HEADS, KOREAN_SURNAMES, STATEMENT_WORDS, gazetteer_entries
from kg.resolve.iri import entity_iri

__all__ = ["Node", "ResolvedFact", "ResolvedArticle", "resolve", "clean_name"]

# Particles a name's span may still carry. Only forms that names do not end in: across the 510
# Wikinews articles, stripping 은/과/로 cut names far more often than particles (김정은, 위키백과,
# 카이로, 세종대로), so those stay (한국은행은 keeps its 은). The others go only where the syllable
# before them fits their form: 을/으로 after a final consonant (박하은을), 는/를/와 after a vowel.
_PARTICLES = re.compile(r"(?<=[가-힣A-Za-z0-9)'\"’”」』》〉])(?:에서는|에서|에게|께서|으로|는|을|를|와)$")
_AFTER_CONSONANT = {"을", "으로"}
_AFTER_VOWEL = {"는", "를", "와"}
# 팝 타르츠(Pop-Tarts), 사드(THAAD): a name glossed in brackets at its end (not 한빛(주), a company form).
_GLOSS = re.compile(r"\s*\((?!주\))([^()]*[A-Za-z가-힣][^()]*)\)$")
# 주식회사 에스알, (주)한빛전자, 한빛전자㈜: the legal form is no part of the name.
_COMPANY_FORM = re.compile(r"^(?:주식회사|\(주\)|㈜)\s*|\s*(?:주식회사|\(주\)|㈜)$")
_CONFUSABLE = frozenset({"Person", "Organization", "Place"})
_HOME_COUNTRY = frozenset({"대한민국", "한국", "남한", "우리나라"})  # where the news is written
_STATE_BODY_ENDINGS = ("부", "청", "처", "원", "경찰", "정부", "군", "의회", "대사관")
_QUOTES = "'\"‘’“”「」『』《》〈〉 "


@dataclass
class Node:
    iri: str
    cls: str
    label: str
    alt_labels: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class ResolvedFact:
    subject: str  # IRI
    relation: str
    obj: str  # IRI, or the literal's text when ``literal``
    literal: bool
    fact: Fact


@dataclass
class ResolvedArticle:
    article: Article
    nodes: dict[str, Node]
    facts: list[ResolvedFact]


def clean_name(text: str) -> str:
    """The name without quotes, extra spaces, a company form or a trailing particle.

    >>> clean_name("‘KIC실리콘밸리’에서")
    'KIC실리콘밸리'
    >>> clean_name("주식회사 에스알"), clean_name("(주)한빛전자"), clean_name("팝 타르츠(Pop-Tarts)")
    ('에스알', '한빛전자', '팝 타르츠')
    >>> clean_name("제14호 태풍 ‘덴빈")
    '제14호 태풍 덴빈'
    """
    text = unicodedata.normalize("NFC", text).strip(_QUOTES)
    text = re.sub(r"\s+", " ", text)
    # (제14호 태풍 ‘덴빈: a quote mark the name's span cut off from its pair is none of the name)
    for opening, closing in ("‘’", "“”"):
        if text.count(opening) != text.count(closing):
            text = re.sub(f"[{opening}{closing}]\\s*", "", text)
    # (a gloss in brackets at the end is another name, not part of this one: see ``gloss``)
    unglossed = _GLOSS.sub("", text)
    text = unglossed if len(unglossed) >= 2 else text
    bare = _COMPANY_FORM.sub("", text).strip()
    text = bare if len(bare) >= 2 else text
    match = _PARTICLES.search(text)
    if match is None or _keeps(text[: match.start()], match.group()):
        return text
    stripped = text[: match.start()].strip(_QUOTES)
    return stripped if len(stripped) >= 2 else text


def gloss(text: str) -> str | None:
    """The name a mention glosses itself with in brackets at its end.

    >>> gloss("팝 타르츠(Pop-Tarts)"), gloss("한빛전자")
    ('Pop-Tarts', None)
    """
    text = text.strip(_QUOTES)
    match = _GLOSS.search(text)
    return match.group(1).strip() if match and len(text[:match.start()].strip()) >= 2 else None


def _keeps(stem: str, particle: str) -> bool:
    """True when ``particle`` cannot follow ``stem`` in Korean, so it is part of the name.

    >>> clean_name("김지은"), clean_name("이종호는"), clean_name("박하은을"), clean_name("김정은"), clean_name("LG와")
    ('김지은', '이종호', '박하은', '김정은', 'LG')
    """
    last = stem[-1:]
    if not ("가" <= last <= "힣"):
        return False  # after Latin letters, digits, quotes: either form
    final = (ord(last) - 0xAC00) % 28  # 0: no final consonant, 8: ㄹ
    if particle in _AFTER_CONSONANT:
        return final == 0
    if particle in _AFTER_VOWEL:
        return final != 0
    return False


def _canonical_names() -> dict[str, tuple[str, str]]:
    return {alias: (canonical, cls) for canonical, cls, aliases in gazetteer_entries()
            for alias in (canonical, *aliases)}


# Relations whose subject or object can only be one of the confusable classes.
_SUBJECT_SLOT = {"holdsPosition": "Person", "memberOf": "Person", "visited": "Person", "met": "Person"}
_OBJECT_SLOT = {"memberOf": "Organization", "founded": "Organization", "met": "Person", "appointed": "Person",
                "acquired": "Organization", "invested": "Organization", "partneredWith": "Organization"}


def resolve(article: Article, extraction: Extraction) -> ResolvedArticle:
    """Map the article's mentions and facts onto graph nodes."""
    canonical = _canonical_names()
    local_alias = {clean_name(short): clean_name(full) for full, short in extraction.aliases}
    mentions = list(extraction.mentions)
    for f in extraction.facts:
        mentions.append(f.subject)
        if isinstance(f.obj, Mention):
            mentions.append(f.obj)

    # One name, one class in an article: the model may call 대한배터리 an organisation in one
    # sentence and a person in the next. The gazetteer decides, else the most frequent class
    # (ties go to Organization, the commonest confusion in news).
    # What something is located in is a place, though the same name is an organisation elsewhere: 국회에서
    # 열린 회의 (the building) and 국회는 … 통과시켰다 (the assembly) are two nodes.
    venues = {f.obj for f in extraction.facts
              if f.relation == "locatedIn" and isinstance(f.obj, Mention) and f.obj.cls in ("Organization", "Place")}
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.cls in _CONFUSABLE and m not in venues:
            votes.setdefault(local_alias.get(clean_name(m.text), clean_name(m.text)), Counter())[m.cls] += 1
    # A slot only one class can fill outweighs the model's votes: 이나래 에코셀 대표 (memberOf) makes
    # 에코셀 an organisation however often the model called it a person elsewhere.
    slotted: dict[str, set[str]] = {}
    for f in extraction.facts:
        for m, cls in ((f.subject, _SUBJECT_SLOT.get(f.relation)), (f.obj, _OBJECT_SLOT.get(f.relation))):
            if cls and isinstance(m, Mention) and m.cls == cls:
                slotted.setdefault(local_alias.get(clean_name(m.text), clean_name(m.text)), set()).add(cls)

    def class_of(name: str, cls: str) -> str:
        if cls not in _CONFUSABLE or name not in votes:
            return cls
        if name in canonical and canonical[name][1] in _CONFUSABLE:
            return canonical[name][1]
        if len(slotted.get(name, ())) == 1:
            return next(iter(slotted[name]))
        counts = votes[name]
        return max(counts, key=lambda c: (counts[c], c == "Organization"))

    # 트럼프 after 도널드 트럼프: a person's last word names them for the rest of the article, when
    # only one full name in it ends so.
    # So does the first word of a name written family name first (스가 장관 after 스가 요시히데), when it is
    # no Korean surname.
    full_names: dict[str, set[str]] = {}
    first_names: dict[str, set[str]] = {}
    for m in mentions:
        name = clean_name(m.text)
        if m.cls == "Person" and " " in name:
            full_names.setdefault(name.rsplit(" ", 1)[1], set()).add(name)
            first_names.setdefault(name.split(" ", 1)[0], set()).add(name)
    # (one letter only when it is no Korean surname: 쿡 of 팀 쿡, not 박 of 박 대통령)
    last_word = {last: next(iter(names)) for last, names in full_names.items()
                 if len(names) == 1 and (len(last) >= 2 or last not in KOREAN_SURNAMES)}
    last_word |= {first: next(iter(names)) for first, names in first_names.items()
                  if len(names) == 1 and len(first) >= 2 and first not in KOREAN_SURNAMES and first not in full_names}
    # 남 지사 after 남경필 경기도지사: a surname alone names the one person of the article it begins.
    by_surname: dict[str, set[str]] = {}
    for m in mentions:
        name = clean_name(m.text)
        if m.cls == "Person" and 2 <= len(name) <= 4 and " " not in name and name[0] in KOREAN_SURNAMES:
            by_surname.setdefault(name[0], set()).add(name)
    last_word |= {surname: next(iter(names)) for surname, names in by_surname.items() if len(names) == 1}

    # 미국 국무부, 대한민국 국회: an organisation written after its country keeps that form as a name too
    # (a reader searches for the whole); where the article writes one name after two countries (중국
    # 외교부, 대한민국 외교부) they are two organisations.
    text = article.read_text
    place_before = {m.end + 1: clean_name(m.text) for m in mentions if m.cls == "Place" and text[m.end:m.end + 1] == " "}
    qualifier = {m: place_before[m.start] for m in mentions if m.start in place_before and text[m.start:m.end] == m.text}
    countries: dict[str, set[str]] = {}
    for m, place in qualifier.items():
        countries.setdefault(clean_name(m.text), set()).add(place)
    # (조태영 외교부 대변인 … 중국 외교부는: a state body's name written bare before it is written after a
    # foreign country is the home country's body, another one)
    first_qualified: dict[str, int] = {}
    for m, place in qualifier.items():
        if place not in _HOME_COUNTRY:
            name = clean_name(m.text)
            first_qualified[name] = min(m.start, first_qualified.get(name, m.start))
    home_too = {clean_name(m.text) for m in mentions
                if m not in qualifier and m.start < first_qualified.get(clean_name(m.text), -1)
                and " " not in m.text and m.text.endswith(_STATE_BODY_ENDINGS)}

    def name_of(m: Mention) -> tuple[str, str]:
        name = clean_name(m.text)
        name = local_alias.get(name, name)
        cls = "Place" if m in venues else class_of(name, m.cls)
        if cls == "Organization" and m in qualifier and (len(countries.get(clean_name(m.text), ())) > 1 or (
                clean_name(m.text) in home_too and qualifier[m] not in _HOME_COUNTRY)):
            return f"{qualifier[m]} {name}", cls
        if cls == "Person" and name in last_word:
            return last_word[name], cls
        if name in canonical and canonical[name][1] == cls:
            return canonical[name][0], cls
        return name, cls

    event_dates: dict[str, str] = {}
    for f in extraction.facts:
        if f.relation == "date" and isinstance(f.obj, str):
            event_dates.setdefault(name_of(f.subject)[0], f.obj)
    events = _event_names(article, [name_of(m)[0] for m in mentions if m.cls == "Event"], event_dates)
    person_context = _person_context(extraction, name_of)

    nodes: dict[str, Node] = {}
    iri_of: dict[Mention, str] = {}
    for m in mentions:
        if m in iri_of:
            continue
        name, cls = name_of(m)
        if cls == "Event":
            label, key = events[name]
        elif cls == "Person":
            label = name
            context = person_context.get(name)
            key = f"{name}--{context}" if context else f"{name}--{article.id}"
        elif cls == "Product" and name in STATEMENT_WORDS:
            label, key = name, f"{name}--{article.id}"  # every article's 성명 is another statement
        else:
            label, key = name, name
        iri = entity_iri(cls, key)
        node = nodes.setdefault(iri, Node(iri, cls, label))
        surfaces = {clean_name(m.text), name}
        if glossed := gloss(m.text):
            surfaces.add(glossed)
        if cls == "Organization" and m in qualifier:
            surfaces.add(f"{qualifier[m]} {clean_name(m.text)}")
        for surface in surfaces:
            if surface != node.label:
                node.alt_labels.add(surface)
        iri_of[m] = iri

    facts = []
    seen: set[tuple[object, ...]] = set()
    for f in extraction.facts:
        literal = not isinstance(f.obj, Mention)
        obj = f.obj if literal else iri_of[f.obj]
        key = (iri_of[f.subject], f.relation, obj, f.start, f.end, f.modality)
        if (not literal and obj == iri_of[f.subject]) or key in seen:
            continue  # merged into one node: no self-loops, and one fact where two mentions became one
        seen.add(key)
        facts.append(ResolvedFact(iri_of[f.subject], f.relation, obj, literal, f))
    return ResolvedArticle(article, nodes, facts)


def _event_names(article: Article, names: list[str], dates: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Event name → (label, IRI key).

    Within one article, named events with the same head noun are one event when
    they share a date or one name contains the other (a caption and the body
    naming one 간담회 differently); a bare head (간담회, 이번 행사) is the
    article's most-named event with that head.
    """
    by_head: dict[str, list[str]] = {}
    for name in names:
        core = re.sub(r"[\s\d]+$", "", name)  # 서울 AI 포럼 2024
        head = max((h for h in EVENT_HEADS if core.endswith(h)), key=len, default=name)
        by_head.setdefault(head, []).append(name)
    out: dict[str, tuple[str, str]] = {}
    for head, group in by_head.items():
        clusters: list[list[str]] = []
        for name in dict.fromkeys(n for n in group if n != head):
            home = next((c for c in clusters if any(_same_event(name, other, dates) for other in c)), None)
            if home is None:
                clusters.append([name])
            else:
                home.append(name)
        for cluster in clusters:
            # The name used most often (headlines paraphrase), then the longest.
            label = max(cluster, key=lambda n: (group.count(n), len(n)))
            for n in cluster:
                out[n] = (label, label)
        if head in group:
            if clusters:
                main = max(clusters, key=lambda c: sum(group.count(n) for n in c))
                out[head] = out[main[0]]
            else:
                out[head] = (head, f"{head}--{article.id}")
    return out


def _same_event(a: str, b: str, dates: dict[str, str]) -> bool:
    if a in dates and b in dates:
        return dates[a] == dates[b]
    squeeze = re.compile(r"[\s\W]+")
    a2, b2 = squeeze.sub("", a), squeeze.sub("", b)
    return a2 in b2 or b2 in a2


def _person_context(extraction: Extraction, name_of) -> dict[str, str]:
    """Person name → the position (else organisation) the article gives them."""
    positions: dict[str, str] = {}
    orgs: dict[str, str] = {}
    for f in extraction.facts:
        if f.subject.cls != "Person" or isinstance(f.obj, str):
            continue
        if f.relation == "holdsPosition":
            positions.setdefault(name_of(f.subject)[0], name_of(f.obj)[0])
        elif f.relation == "memberOf":
            orgs.setdefault(name_of(f.subject)[0], name_of(f.obj)[0])
    return {**orgs, **positions}
