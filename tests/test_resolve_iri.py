"""Minted IRIs are stable and valid: pyoxigraph accepts them and they survive every serialisation."""

from __future__ import annotations

import unicodedata

import pyoxigraph as ox
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.resolve.iri import agent_iri, article_iri, entity_iri, fact_iri, graph_iri, slug

CLASSES = ["Person", "Organization", "Place", "Event", "Product", "Position"]
FORBIDDEN = set(' <>"{}|\\^`') | {chr(c) for c in range(0x21)} | {"\x7f"}

names = st.one_of(
    st.text(min_size=0, max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3) | st.sampled_from(list(" ()·<>\"'{}|^`\\%/#?&=")),
            max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
)


def _round_trips(iris: list[str]) -> None:
    g = ox.NamedNode("https://w3id.org/kg/graph/t")
    quads = [ox.Quad(ox.NamedNode(i), ox.NamedNode("https://w3id.org/kg/ontology#p"), ox.NamedNode(i), g)
             for i in iris]
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    for fmt, items in ((ox.RdfFormat.N_QUADS, quads), (ox.RdfFormat.TRIG, quads), (ox.RdfFormat.TURTLE, triples),
                       (ox.RdfFormat.N_TRIPLES, triples)):
        prefixes = {"kgid": "https://w3id.org/kg/id/"} if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE) else {}
        data = ox.serialize(items, format=fmt, **({"prefixes": prefixes} if prefixes else {}))
        back = list(ox.parse(data, format=fmt))
        assert {str(t.subject) for t in back} == {str(t.subject) for t in items}, fmt
        # rdflib parses what Oxigraph wrote and reads back the same IRIs
        rd = rdflib.Dataset() if fmt.supports_datasets else rdflib.Graph()
        rd.parse(data=data.decode("utf8"), format={"N-Quads": "nquads", "TriG": "trig", "Turtle": "turtle",
                                                  "N-Triples": "nt"}[fmt.name])
        subjects = {str(t[0]) for t in (rd.quads((None, None, None, None)) if fmt.supports_datasets else rd)}
        assert subjects == {q.subject.value for q in quads}, fmt
    # and rdflib's own serialisations parse back in Oxigraph
    ds = rdflib.Dataset()
    for i in iris:
        ds.graph(rdflib.URIRef(g.value)).add((rdflib.URIRef(i), rdflib.URIRef("https://w3id.org/kg/ontology#p"),
                                              rdflib.URIRef(i)))
    for rfmt, ofmt in (("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)):
        back = list(ox.parse(ds.serialize(format=rfmt), format=ofmt))
        assert {q.subject.value for q in back} == set(iris), rfmt


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cls=st.sampled_from(CLASSES), name=names)
def test_minted_iris_are_valid_and_round_trip(cls, name):
    iris = [entity_iri(cls, name), article_iri(name), graph_iri(name), agent_iri(name), fact_iri(name, cls)]
    for i in iris:
        ox.NamedNode(i)  # accepted by pyoxigraph (raises ValueError otherwise)
        assert not (set(i) & FORBIDDEN), i
        assert i.startswith("https://w3id.org/kg/")
    _round_trips(iris)


@settings(max_examples=200, deadline=None)
@given(cls=st.sampled_from(CLASSES), name=names)
def test_nfc_and_nfd_give_one_iri(cls, name):
    nfd, nfc = unicodedata.normalize("NFD", name), unicodedata.normalize("NFC", name)
    assert entity_iri(cls, nfd) == entity_iri(cls, nfc) == entity_iri(cls, name)
    assert entity_iri(cls, name) == entity_iri(cls, name)  # deterministic


def test_examples():
    assert entity_iri("Organization", "과학기술정보통신부") == "https://w3id.org/kg/id/organization/과학기술정보통신부"
    assert entity_iri("Person", unicodedata.normalize("NFD", "이종호")) == "https://w3id.org/kg/id/person/이종호"
    assert slug("  서울 AI\t포럼  2024 ") == "서울_AI_포럼_2024"
    assert slug("") == slug("   ") == "_"
    assert "%" in slug("a/b") and "/" not in slug("a/b")
    assert entity_iri("Person", "이종호") != entity_iri("Organization", "이종호")


def test_built_graph_iris_round_trip(example_store):
    iris = sorted({t.value for q in example_store.quads() for t in (q.subject, q.object, q.graph_name)
                   if isinstance(t, ox.NamedNode)})
    assert any("/id/person/" in i for i in iris)
    _round_trips(iris)
