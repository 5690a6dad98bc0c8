"""Every CLI command through its real code path (typer's runner and the installed console script)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli")
    result = runner.invoke(app, ["build", str(EXAMPLES / "articles"), "--store", str(out / "store"),
                                 "--rdf", str(out / "graph.trig"), "--html", str(out / "graph.html")])
    assert result.exit_code == 0, result.output
    assert "articles: 6 built" in result.output and "articles/s" in result.output
    return out


def test_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "query", "viz", "stats", "export", "import", "remove", "eval"):
        assert command in result.output


def test_build_writes_store_rdf_and_html(built):
    assert (built / "store").is_dir()
    assert (built / "graph.trig").read_text("utf8").count("kg:attended") >= 1
    assert "<html" in (built / "graph.html").read_text("utf8")


def test_rebuild_skips_unchanged_articles(built):
    result = runner.invoke(app, ["build", str(EXAMPLES / "articles"), "--store", str(built / "store"),
                                 "--rdf", "", "--html", ""])
    assert result.exit_code == 0, result.output
    assert "0 built, 6 unchanged" in result.output


def test_query_formats(built):
    store = str(built / "store")
    q = str(EXAMPLES / "queries" / "attended.rq")
    table = runner.invoke(app, ["query", q, "--store", store])
    assert table.exit_code == 0 and "박서준" in table.output
    as_json = json.loads(runner.invoke(app, ["query", q, "--store", store, "--format", "json"]).output)
    assert as_json["head"]["vars"] == ["who", "event", "date", "place"]
    assert any(b["who"]["value"] == "박서준" for b in as_json["results"]["bindings"])
    csv = runner.invoke(app, ["query", "SELECT ?l WHERE { ?x a kg:Person ; rdfs:label ?l }", "--store", store,
                              "-f", "csv"]).output
    assert csv.splitlines()[0] == "l" and "박서준" in csv
    tsv = runner.invoke(app, ["query", "SELECT ?l WHERE { ?x a kg:Person ; rdfs:label ?l }", "--store", store,
                              "-f", "tsv"]).output
    assert tsv.splitlines()[0] == "?l"


def test_query_syntax_error_is_one_line(built):
    result = runner.invoke(app, ["query", "SELEC ?x WHERE {", "--store", str(built / "store")])
    assert result.exit_code == 1
    assert "error:" in result.output and "Traceback" not in result.output


def test_stats_counts_classes_and_relations(built):
    result = runner.invoke(app, ["stats", "--store", str(built / "store")])
    assert result.exit_code == 0
    for word in ("Person", "Event", "attended", "demonstrated", "articles"):
        assert word in result.output


def test_viz_writes_page(built, tmp_path):
    out = tmp_path / "g.html"
    result = runner.invoke(app, ["viz", "--store", str(built / "store"), "--out", str(out)])
    assert result.exit_code == 0 and out.exists()
    assert "nodes" in result.output


def test_export_import_remove(built, tmp_path):
    store = str(built / "store")
    for suffix in ("trig", "nq", "ttl", "jsonld"):
        target = tmp_path / f"dump.{suffix}"
        assert runner.invoke(app, ["export", str(target), "--store", store]).exit_code == 0
        assert target.stat().st_size > 1000
    fresh = str(tmp_path / "fresh")
    result = runner.invoke(app, ["import", str(tmp_path / "dump.trig"), "--store", fresh])
    assert result.exit_code == 0 and "quads added" in result.output
    assert "박서준" in runner.invoke(app, ["query", str(EXAMPLES / "queries" / "attended.rq"), "--store", fresh]).output
    result = runner.invoke(app, ["remove", "example-esports", "--store", fresh])
    assert result.exit_code == 0, result.output
    left = runner.invoke(app, ["query", "SELECT ?e WHERE { ?e rdfs:label '아시아 e스포츠 선수권 대회'@ko }",
                               "--store", fresh, "-f", "csv"]).output
    assert left.splitlines() == ["e"]
    assert runner.invoke(app, ["remove", "no-such-article", "--store", fresh]).exit_code == 1


def test_import_of_malformed_rdf_changes_nothing(built, tmp_path):
    store = str(tmp_path / "s")
    runner.invoke(app, ["import", str(built / "graph.trig"), "--store", store])
    before = runner.invoke(app, ["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                                 "--store", store, "-f", "csv"]).output
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://x/a> <http://x/b> <http://x/c> .\n<http://x/a> <http://x/b> \"unterminated .\n")
    result = runner.invoke(app, ["import", str(bad), "--store", store])
    assert result.exit_code == 1 and "malformed RDF" in result.output
    after = runner.invoke(app, ["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                                "--store", store, "-f", "csv"])
    assert after.exit_code == 0, (after.output, after.exception)
    assert before == after.output


def test_a_broken_article_fails_alone(tmp_path):
    (tmp_path / "good.txt").write_text("박서준 산업통상자원부 장관이 간담회에 참석했다.", encoding="utf8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf8")
    (tmp_path / "binary.txt").write_bytes(b"\x1f\x8b\x08\x00binary")
    result = runner.invoke(app, ["build", str(tmp_path), "--store", str(tmp_path / "store"),
                                 "--rdf", str(tmp_path / "g.trig"), "--html", str(tmp_path / "g.html")])
    assert result.exit_code == 1
    assert "empty.txt: only whitespace" in result.output and "binary.txt: looks like gzip" in result.output
    assert "1 built" in result.output and "2 failed" in result.output


def test_console_script_and_store_lock(built, tmp_path):
    kg = shutil.which("kg") or pytest.skip("kg console script not installed")
    # The embedded store is single-writer: a second process gets StoreLocked as one line.
    from kg.store import EmbeddedStore

    holder = EmbeddedStore(tmp_path / "locked")
    try:
        proc = subprocess.run([kg, "build", str(EXAMPLES / "articles"), "--store", str(tmp_path / "locked")],
                              capture_output=True, text=True, timeout=120)
    finally:
        del holder
    assert proc.returncode == 1
    assert "in use by another kg process" in proc.stderr and "Traceback" not in proc.stderr
    version = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and "build" in version.stdout
