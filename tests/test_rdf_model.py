"""The RDF model: the ontology covers what the code emits, built graphs satisfy the SHACL shapes, rdflib interop."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf.interop import to_rdflib
from kg.rdf.model import NS

ROOT = Path(__file__).resolve().parents[1]
KG = rdflib.Namespace(NS["kg"])
SCHEMA = rdflib.Namespace(NS["schema"])
PROV = rdflib.Namespace(NS["prov"])
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
VOCABULARY = ["Person", "Organization", "Place", "Event", "Product", "Position", "attended", "organized",
              "demonstrated", "locatedIn", "holdsPosition", "memberOf", "founded", "said", "announced", "launched",
              "invested", "acquired", "partneredWith", "visited", "met", "supported", "appointed", "won"]


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")


@pytest.fixture(scope="module")
def dataset(example_store) -> rdflib.Dataset:
    return to_rdflib(example_store)


def _union(ds: rdflib.Dataset) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _validate(data: rdflib.Graph, shapes: rdflib.Graph) -> tuple[bool, str]:
    from pyshacl import validate

    conforms, _, text = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True,
                                 advanced=True)
    return conforms, text


def test_every_fixed_name_is_in_the_ontology_with_labels(ontology):
    for name in VOCABULARY:
        term = KG[name]
        kind = OWL.Class if name[0].isupper() else None
        assert (term, RDF.type, kind) in ontology if kind else any(ontology.triples((term, RDF.type, None))), name
        langs = {lbl.language for lbl in ontology.objects(term, RDFS.label)}
        assert {"ko", "en"} <= langs, name
        assert any(ontology.objects(term, RDFS.comment)), name
        if name[0].islower():
            assert any(ontology.objects(term, RDFS.domain)), name


def test_schema_org_and_prov_alignment(ontology):
    for ours, theirs in (("Person", "Person"), ("Organization", "Organization"), ("Place", "Place"),
                         ("Event", "Event"), ("Product", "Product")):
        assert (KG[ours], RDFS.subClassOf, SCHEMA[theirs]) in ontology
    assert (KG.Fact, RDFS.subClassOf, PROV.Entity) in ontology
    assert (SCHEMA.NewsArticle, RDFS.subClassOf, PROV.Entity) in ontology
    assert (KG.mentionedIn, RDFS.subPropertyOf, PROV.wasDerivedFrom) in ontology


def test_every_term_the_code_emits_is_declared(ontology, dataset):
    """Every kg: predicate and class in a built graph (kg:modality included) is declared with ko/en labels."""
    used = {t for s, p, o, _ in dataset.quads((None, None, None, None)) for t in (p, o if p == RDF.type else None)
            if t is not None and str(t).startswith(NS["kg"])}
    used |= {KG.modality, KG.sourceFile, KG.date, KG.contentHash}
    for term in used:
        assert any(ontology.triples((term, RDF.type, None))), f"{term} is not declared in ontology/kg.ttl"
        assert {lbl.language for lbl in ontology.objects(term, RDFS.label)} >= {"ko", "en"}, term
    for term in (SCHEMA.headline, SCHEMA.datePublished, SCHEMA.author, SCHEMA.publisher, SCHEMA.url,
                 SCHEMA.identifier, SCHEMA.NewsArticle):
        assert any(ontology.triples((term, RDF.type, None))), term


def test_ontology_parses_in_oxigraph_too():
    triples = list(ox.parse(path=str(ROOT / "ontology" / "kg.ttl"), format=ox.RdfFormat.TURTLE))
    assert len(triples) > 200
    list(ox.parse(path=str(ROOT / "ontology" / "shapes.ttl"), format=ox.RdfFormat.TURTLE))


def test_built_graph_conforms_to_shapes(dataset, shapes):
    conforms, text = _validate(_union(dataset), shapes)
    assert conforms, text


def test_every_article_graph_conforms_with_the_entity_descriptions(dataset, shapes):
    """An article's graph plus the shared entity graph is a complete, valid graph on its own."""
    from kg.resolve.iri import ENTITY_GRAPH

    graphs = [g for g in dataset.graphs() if str(g.identifier).startswith("https://w3id.org/kg/graph/")]
    assert len(graphs) == 6
    shared = dataset.graph(rdflib.URIRef(ENTITY_GRAPH))
    for g in graphs:
        data = rdflib.Graph()
        for t in g:
            data.add(t)
        for t in shared:
            if t[0] in set(g.subjects()) | set(g.objects()):
                data.add(t)
        conforms, text = _validate(data, shapes)
        assert conforms, (g.identifier, text)


def test_shapes_catch_broken_facts_and_entities(dataset, shapes):
    data = _union(dataset)
    fact = next(data.subjects(RDF.type, KG.Fact))
    data.set((fact, KG.confidence, rdflib.Literal("1.5", datatype=rdflib.XSD.decimal)))
    conforms, text = _validate(data, shapes)
    assert not conforms and "confidence" in text

    data = _union(dataset)
    data.remove((fact, KG.sentence, None))
    assert not _validate(data, shapes)[0]

    data = _union(dataset)
    person = next(data.subjects(RDF.type, KG.Person))
    data.add((person, RDF.type, KG.Place))  # two classes of ours
    assert not _validate(data, shapes)[0]

    data = _union(dataset)
    data.remove((person, RDFS.label, None))
    data.add((person, RDFS.label, rdflib.Literal("Lee", lang="en")))  # no Korean label
    assert not _validate(data, shapes)[0]

    data = _union(dataset)
    data.remove((person, KG.mentionedIn, None))
    assert not _validate(data, shapes)[0]

    data = _union(dataset)
    article = next(data.subjects(RDF.type, SCHEMA.NewsArticle))
    data.remove((article, KG.contentHash, None))
    assert not _validate(data, shapes)[0]


def test_each_article_is_a_news_article_with_provenance(example_store):
    rows = list(example_store.query("""
        SELECT ?a ?id ?hash ?headline ?date WHERE {
          GRAPH ?g { ?a a <https://schema.org/NewsArticle> ; <https://schema.org/identifier> ?id ;
                        <https://w3id.org/kg/ontology#contentHash> ?hash ; <https://schema.org/headline> ?headline ;
                        <https://schema.org/datePublished> ?date } }"""))
    assert len(rows) == 6
    # every fact is in the graph of the article it was derived from, attributed to an extractor
    stray = list(example_store.query("""
        SELECT ?f WHERE { GRAPH ?g { ?f a <https://w3id.org/kg/ontology#Fact> .
          FILTER NOT EXISTS { ?f <http://www.w3.org/ns/prov#wasDerivedFrom> ?a . ?a a <https://schema.org/NewsArticle> }
          FILTER NOT EXISTS { ?f <http://www.w3.org/ns/prov#wasAttributedTo> ?agent } } }"""))
    assert stray == []


def test_union_of_graphs_is_the_default(example_store):
    """Queries without GRAPH see every article's graph (use_default_graph_as_union)."""
    union = int(next(iter(example_store.query(
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }")))[0].value)
    assert union == 6
    assert len([g for g in example_store.graphs() if "/kg/graph/" in g]) == 6
    # the raw default graph is empty: everything lives in named graphs
    assert len(list(example_store.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == 0


def test_to_rdflib_keeps_every_quad_and_graph(example_store, dataset):
    import kg

    assert len(set(dataset.quads((None, None, None, None)))) == example_store.count_quads()
    assert {str(g.identifier) for g in dataset.graphs() if "/kg/graph/" in str(g.identifier)} == set(example_store.graphs())
    labels = {o for o in dataset.objects(None, RDFS.label) if isinstance(o, rdflib.Literal) and o.language == "ko"}
    assert any(str(lbl) == "박서준" for lbl in labels)
    # the top-level convenience function is the same
    assert len(kg.to_rdflib(example_store)) == len(dataset)
    res = dataset.query("PREFIX kg: <https://w3id.org/kg/ontology#> SELECT ?p WHERE { ?p kg:attended ?e }")
    assert len(res) >= 1
