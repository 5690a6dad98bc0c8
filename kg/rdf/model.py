"""Resolved articles as RDF quads: one named graph per article.

The entity layer — entities' class and canonical label, and the asserted
relation triples — is kept once in a shared graph
(``https://w3id.org/kg/entities``); what an article says (that an entity is
mentioned, under which other names, and a ``kg:Fact`` record for every fact)
stays in the article's graph. Oxigraph's union default graph is a multiset
(a triple stored in N graphs matches N times), so keeping the entity layer
once keeps joins from multiplying; the store removes shared triples with the
last article that supports them.

Each fact is asserted as a plain triple (``s kg:attended o``) so queries stay
simple, and described by a ``kg:Fact`` node (a reified statement) that says
where it came from, in PROV-O terms: ``prov:wasDerivedFrom`` the article
(a ``schema:NewsArticle``), ``prov:wasAttributedTo`` the rule or model (a
``prov:SoftwareAgent``), plus the sentence, character offsets and a
confidence. Facts with a modality (planned, paraphrased, unattributed) are described but not asserted.
The shapes every node and fact satisfy are in ``ontology/shapes.ttl``.
"""

from __future__ import annotations

import re

from pyoxigraph import Literal, NamedNode, Quad

from kg.resolve.iri import BASE, ENTITY_GRAPH, KG, agent_iri, article_iri, fact_iri, graph_iri
from kg.resolve.resolver import ResolvedArticle

__all__ = ["PREFIXES", "NS", "article_quads", "iri"]

NS = {
    "kg": KG,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "kgid": BASE + "id/",
}
PREFIXES = "".join(f"PREFIX {p}: <{u}>\n" for p, u in NS.items())


def iri(curie: str) -> NamedNode:
    """``iri("kg:attended")`` → the NamedNode."""
    prefix, local = curie.split(":", 1)
    return NamedNode(NS[prefix] + local)


_TYPE = iri("rdf:type")
_XSD_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date_literal(value: str) -> Literal:
    if _XSD_DATE.match(value):
        return Literal(value, datatype=iri("xsd:date"))
    if re.match(r"^\d{4}-\d{2}$", value):
        return Literal(value, datatype=iri("xsd:gYearMonth"))
    if re.match(r"^\d{4}$", value):
        return Literal(value, datatype=iri("xsd:gYear"))
    return Literal(value)


def article_quads(resolved: ResolvedArticle) -> list[Quad]:
    """Every quad of one article: in the article's named graph, except the entity and
    extractor descriptions (``a kg:Person ; rdfs:label "…"@ko``) and the asserted
    relation triples, which go to the shared
    :data:`~kg.resolve.iri.ENTITY_GRAPH` (the store removes them with the last article
    that mentions the entity). Alternative labels and ``kg:mentionedIn`` stay per article."""
    art = resolved.article
    g = NamedNode(graph_iri(art.id))
    a = NamedNode(article_iri(art.id))
    shared = NamedNode(ENTITY_GRAPH)
    quads: list[Quad] = []

    def add(s, p, o) -> None:
        quads.append(Quad(s, p, o, g))

    def describe(s, p, o) -> None:
        quads.append(Quad(s, p, o, shared))

    add(a, _TYPE, iri("schema:NewsArticle"))
    add(a, iri("schema:identifier"), Literal(art.id))
    add(a, iri("kg:contentHash"), Literal(art.content_hash))
    if art.title:
        add(a, iri("schema:headline"), Literal(art.title, language="ko"))
    if art.date:
        add(a, iri("schema:datePublished"), _date_literal(art.date[:10]))
    if art.url:
        add(a, iri("schema:url"), Literal(art.url, datatype=iri("xsd:anyURI")))
    if art.author:
        add(a, iri("schema:author"), Literal(art.author, language="ko"))
    if art.publisher:
        add(a, iri("schema:publisher"), Literal(art.publisher, language="ko"))
    if art.source:
        add(a, iri("kg:sourceFile"), Literal(art.source))

    for node in resolved.nodes.values():
        n = NamedNode(node.iri)
        describe(n, _TYPE, iri(f"kg:{node.cls}"))
        describe(n, iri("rdfs:label"), Literal(node.label, language="ko"))
        for alt in sorted(node.alt_labels):
            add(n, iri("skos:altLabel"), Literal(alt, language="ko"))
        add(n, iri("kg:mentionedIn"), a)

    for rf in resolved.facts:
        f = rf.fact
        s = NamedNode(rf.subject)
        if rf.relation == "date":
            p, o = iri("kg:date"), _date_literal(rf.obj)
        elif rf.literal:
            p, o = iri(f"kg:{rf.relation}"), Literal(rf.obj, language="ko")
        else:
            p, o = iri(f"kg:{rf.relation}"), NamedNode(rf.obj)
        if f.modality is None:
            describe(s, p, o)  # asserted once, in the shared graph; the kg:Fact below is per article
        fact = NamedNode(fact_iri(art.id, rf.subject, rf.relation, rf.obj, f.start, f.end, f.modality))
        add(fact, _TYPE, iri("kg:Fact"))
        add(fact, iri("rdf:subject"), s)
        add(fact, iri("rdf:predicate"), p)
        add(fact, iri("rdf:object"), o)
        add(fact, iri("prov:wasDerivedFrom"), a)
        add(fact, iri("kg:sentence"), Literal(f.sentence, language="ko"))
        add(fact, iri("kg:startChar"), Literal(str(f.start), datatype=iri("xsd:integer")))
        add(fact, iri("kg:endChar"), Literal(str(f.end), datatype=iri("xsd:integer")))
        add(fact, iri("kg:extractor"), Literal(f.extractor))
        agent = NamedNode(agent_iri(f.extractor))
        add(fact, iri("prov:wasAttributedTo"), agent)
        describe(agent, _TYPE, iri("prov:SoftwareAgent"))
        describe(agent, iri("rdfs:label"), Literal(f.extractor))
        add(fact, iri("kg:confidence"), Literal(f"{f.confidence:.2f}", datatype=iri("xsd:decimal")))
        if f.modality:
            add(fact, iri("kg:modality"), Literal(f.modality))
    return list(dict.fromkeys(quads))


