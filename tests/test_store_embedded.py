"""The embedded store: one transaction per article, idempotent re-ingest, clean removal, atomic export/import."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from conftest import EXAMPLES

from kg.errors import RdfSyntaxError, StoreError, StoreLocked
from kg.ingest import Article
from kg.resolve.iri import ENTITY_GRAPH, graph_iri
from kg.store import EmbeddedStore, remove_article
from kg.store import embedded as embedded_mod

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def _all(store) -> set:
    return set(store.quads())


def _labels(store) -> set[str]:
    return {r[0].value for r in store.query(f"SELECT DISTINCT ?l WHERE {{ ?e <{LABEL}> ?l }}")}


@pytest.fixture()
def copy_of_examples(example_store, tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    store.oxigraph.bulk_extend(list(example_store.quads()))
    return store


def test_reingesting_replaces_and_is_idempotent(copy_of_examples, nlp):
    from kg.builder import build

    before = _all(copy_of_examples)
    report = build([EXAMPLES / "articles"], copy_of_examples, nlp=nlp, skip_unchanged=False)
    assert report.articles == 6 and report.failures == []
    assert _all(copy_of_examples) == before
    # a changed article replaces its graph: nothing of the old version is left
    art = Article(id="example-esports", text="박서준 산업통상자원부 장관이 '스타트업 간담회'에 참석했다.")
    build([art], copy_of_examples, nlp=nlp)
    g = ox.NamedNode(graph_iri("example-esports"))
    in_graph = list(copy_of_examples.oxigraph.quads_for_pattern(None, None, None, g))
    assert any(q.object == ox.Literal("박서준 산업통상자원부 장관이 '스타트업 간담회'에 참석했다.", language="ko")
               for q in in_graph)
    assert "아시아 e스포츠 선수권 대회" not in _labels(copy_of_examples)


def test_remove_deletes_only_what_no_other_article_mentions(tmp_path, nlp):
    from kg.builder import build

    store = EmbeddedStore(tmp_path / "s")
    a = Article(id="a", text="박서준 산업통상자원부 장관이 '스타트업 간담회'에 참석했다. 새벽AI는 누리보이스를 시연했다.")
    b = Article(id="b", text="박서준 산업통상자원부 장관이 '배터리 포럼'에 참석했다.")
    assert build([a, b], store, nlp=nlp).failures == []
    labels = _labels(store)
    assert {"박서준", "산업통상자원부", "스타트업 간담회", "배터리 포럼"} <= labels
    assert remove_article(store, "a")
    after = _labels(store)
    assert {"박서준", "산업통상자원부", "배터리 포럼"} <= after  # shared with b, or b's own
    assert "스타트업 간담회" not in after and "누리보이스" not in after  # only a mentioned them
    leftovers = [q for q in store.quads() if "스타트업" in str(q.subject) or "누리보이스" in str(q.subject)]
    assert leftovers == []
    assert not remove_article(store, "a")
    assert remove_article(store, "b")
    # nothing of either article is left, not even shared entity descriptions
    assert [q for q in store.quads() if not (q.graph_name == ox.NamedNode(ENTITY_GRAPH)
                                             and str(q.subject).startswith("<https://w3id.org/kg/agent/"))] == []


def test_remove_by_url(tmp_path, nlp):
    from kg.builder import build

    store = EmbeddedStore(tmp_path / "s")
    art = Article(id="u1", text="박서준 장관이 간담회에 참석했다.", url="https://news.example/a?id=1&x=\"2\"")
    build([art], store, nlp=nlp)
    assert remove_article(store, "https://news.example/a?id=1&x=\"2\"")
    assert graph_iri("u1") not in set(store.graphs())


def test_a_failing_write_leaves_the_store_exactly_as_before(copy_of_examples):
    before = _all(copy_of_examples)
    g = graph_iri("02_ai_forum")
    good = ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o"), ox.NamedNode(g))
    triple_term = ox.Triple(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b"), ox.NamedNode("http://x/c"))
    bad = ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b"), triple_term, ox.NamedNode(g))
    with pytest.raises(StoreError, match="store unchanged"):
        copy_of_examples.replace_graph(g, [good, bad])
    with pytest.raises(StoreError, match="invalid quad"):
        copy_of_examples.replace_graph(g, [good, "not a quad"])
    assert _all(copy_of_examples) == before


def test_a_failing_build_article_leaves_its_old_graph(copy_of_examples, nlp, monkeypatch):
    import importlib

    build_mod = importlib.import_module("kg.builder")

    before = _all(copy_of_examples)

    def broken(resolved):
        raise ValueError("boom")

    monkeypatch.setattr(build_mod, "article_quads", broken)
    report = build_mod.build([EXAMPLES / "articles"], copy_of_examples, nlp=nlp, skip_unchanged=False)
    assert len(report.failures) == 6
    assert _all(copy_of_examples) == before


def test_second_writer_gets_store_locked(tmp_path):
    first = EmbeddedStore(tmp_path / "locked")
    with pytest.raises(StoreLocked, match="in use by another kg process"):
        EmbeddedStore(tmp_path / "locked")
    del first


@pytest.mark.parametrize("fmt,suffix", [("trig", "trig"), ("nquads", "nq"), ("turtle", "ttl"), ("jsonld", "jsonld"),
                                        ("ntriples", "nt")])
def test_export_then_import_round_trips(example_store, tmp_path, fmt, suffix):
    path = tmp_path / f"dump.{suffix}"
    example_store.dump(path, fmt)
    fresh = EmbeddedStore(tmp_path / "fresh")
    added = fresh.load_file(path, fmt)
    if fmt in ("trig", "nquads", "jsonld"):
        assert _all(fresh) == _all(example_store) and added == example_store.count_quads()
    else:  # a triple format holds the union of the graphs
        union = {(q.subject, q.predicate, q.object) for q in example_store.quads()}
        assert {(q.subject, q.predicate, q.object) for q in fresh.quads()} == union
    assert not list(tmp_path.glob(".dump*"))  # no temporary file left


def test_a_failing_export_leaves_the_old_file(example_store, tmp_path, monkeypatch):
    path = tmp_path / "graph.trig"
    path.write_text("old content\n")

    def half_then_fail(quads, output, fmt, **kwargs):
        output.write(b"<http://x/a> <http://x/b> ")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(embedded_mod.ox, "serialize", half_then_fail)
    with pytest.raises(StoreError, match="No space left"):
        example_store.dump(path)
    assert path.read_text() == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.trig"]


def test_export_to_unknown_format_is_a_clear_error(example_store, tmp_path):
    with pytest.raises(StoreError, match="unknown RDF format"):
        example_store.dump(tmp_path / "x.unknown")
    (tmp_path / "a-file").write_text("")
    with pytest.raises(StoreError, match="cannot write"):
        example_store.dump(tmp_path / "a-file" / "x.trig")


def test_malformed_import_changes_nothing(copy_of_examples, tmp_path):
    before = _all(copy_of_examples)
    for name, text in (("bad.trig", "<http://x/g> { <http://x/a> <http://x/b> <http://x/c> .\n<http://x/a> <http://x/b> "),
                       ("bad.nq", "<http://x/a> <http://x/b> <http://x/c> .\n<not an iri> <http://x/b> <http://x/c> .\n"),
                       ("bad.jsonld", '{"@id": "http://x/a", "http://x/b": [')):
        path = tmp_path / name
        path.write_text(text)
        with pytest.raises(RdfSyntaxError, match="malformed RDF"):
            copy_of_examples.load_file(path)
    with pytest.raises(StoreError, match="cannot read"):
        copy_of_examples.load_file(tmp_path / "absent.trig")
    assert _all(copy_of_examples) == before


def test_entity_descriptions_are_stored_once(example_store):
    """Class and label of an entity live once in the shared graph, not once per article."""
    rows = list(example_store.query(
        f"SELECT ?e (COUNT(*) AS ?n) WHERE {{ ?e <{LABEL}> ?l }} GROUP BY ?e HAVING (COUNT(*) > 1)"))
    assert rows == []
    assert ENTITY_GRAPH not in set(example_store.graphs())  # graphs() lists the articles'
    assert example_store.oxigraph.contains_named_graph(ox.NamedNode(ENTITY_GRAPH))
