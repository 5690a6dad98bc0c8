"""Scale: a process pool on one machine, a Dask cluster beyond it, and skipping unchanged articles."""

from __future__ import annotations

import gc

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

import kg.builder
from kg.builder import build, build_on_dask, worker_info
from kg.cli import app
from kg.ingest import Article, read_inputs
from kg.store import EmbeddedStore

runner = CliRunner()


def articles(n: int | None = None) -> list[Article]:
    items = [a for a in read_inputs([EXAMPLES / "articles"]) if isinstance(a, Article)]
    return items[:n] if n else items


def test_cli_workers_pool_gives_the_same_graph(tmp_path, example_store):
    d = tmp_path / "in"
    d.mkdir()
    for path in (EXAMPLES / "articles").iterdir():
        (d / path.name).write_bytes(path.read_bytes())
    (d / "empty.txt").write_text("")
    result = runner.invoke(app, ["build", str(d), "--workers", "2", "--store", str(tmp_path / "s"),
                                 "--rdf", str(tmp_path / "g.nq"), "--html", ""])
    assert result.exit_code == 1, result.output  # empty.txt failed, the rest built
    assert [line for line in result.output.splitlines() if line.startswith("failed:")] == [
        f"failed: {d / 'empty.txt'}: empty input"]
    del result
    gc.collect()
    import pyoxigraph as ox

    def strip(quads):  # the source paths differ (another folder): compare everything else
        return {q for q in quads if not q.predicate.value.endswith(("#hadPrimarySource", "#sourceFile"))}

    pooled = set(ox.parse(path=str(tmp_path / "g.nq"), format=ox.RdfFormat.N_QUADS))
    assert pooled and strip(pooled) == strip(example_store.quads())


def test_dask_local_cluster_builds_and_loads_the_pipeline_once_per_worker(nlp):
    distributed = pytest.importorskip("distributed")
    arts = articles(4)
    local = EmbeddedStore()
    build(arts, local, nlp=nlp)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        store = EmbeddedStore()
        report = build_on_dask(arts, store, client, batch_size=1)
        assert report.failures == [] and report.articles == 4 and report.backend == "dask"
        assert set(store.quads()) == set(local.quads())
        again = build_on_dask(arts + [Article(id="new", text="장관이 19일 간담회에 참석했다.")], store,
                              cluster.scheduler_address, batch_size=1)  # by address, as `kg build --dask` does
        assert (again.articles, again.skipped) == (1, 4)
        loads = client.run(worker_info)
        assert len(loads) == 2 and all(n <= 1 for _, n in loads.values()), loads


def test_unchanged_articles_are_skipped_without_loading_the_pipeline(nlp, monkeypatch):
    arts = articles(3)
    store = EmbeddedStore()
    first = build(arts, store, nlp=nlp)
    assert first.articles == 3

    def no_pipeline(*a, **k):
        raise AssertionError("the pipeline must not load when nothing changed")

    monkeypatch.setattr(kg.builder, "worker_pipeline", no_pipeline)
    again = build(articles(3), store)
    assert (again.articles, again.skipped, again.failures) == (0, 3, [])
    monkeypatch.undo()
    changed = articles(3)
    changed[0].text += "\n장관이 20일 회의에 참석했다."
    third = build(changed, store, nlp=nlp)
    assert (third.articles, third.skipped) == (1, 2)
