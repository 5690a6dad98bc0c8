"""The ``kg`` command line."""

from __future__ import annotations

import functools
import sys
import webbrowser
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Knowledge graphs from Korean news: build, query and explore.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure the NER model or the fact extractor against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DEFAULT_STORE = "output/store"
StoreOpt = Annotated[str, typer.Option("--store", "-s", help="Store folder (embedded Oxigraph) or http(s):// SPARQL endpoint.")]


def fails_cleanly(fn: Any) -> Any:
    """Turn a KgError into one human line on stderr and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            message = str(exc)
        except KeyboardInterrupt:
            message = "interrupted"
        # Raised outside the handler so the traceback (and the store it may
        # hold open) is released before the process goes on.
        err.print(f"[red]error:[/red] {message}", highlight=False, markup=True, soft_wrap=True)
        raise typer.Exit(130 if message == "interrupted" else 1)

    return wrapper


def open_store(location: str, read_only: bool = False) -> Any:
    from kg.store import open_store as _open

    return _open(location, read_only=read_only)


@app.command()
@fails_cleanly
def build(
    paths: Annotated[list[str], typer.Argument(
        help="Files (.txt .html .htm .jsonl), folders, http(s) URLs, or - for standard input.")],
    store: StoreOpt = DEFAULT_STORE,
    rdf: Annotated[str, typer.Option(help="RDF dump to write (.trig, .nq, .ttl).")] = "output/graph.trig",
    html: Annotated[str, typer.Option(help="HTML graph to write.")] = "output/graph.html",
    force: Annotated[bool, typer.Option(help="Re-extract articles whose text has not changed.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=0,
                                         help="Extraction processes on this machine (0: one per core).")] = 1,
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="SCHEDULER", help="Run the extraction on a Dask cluster (e.g. tcp://host:8786).")] = None,
) -> None:
    """Extract entities and facts from articles into the store, an RDF dump and an HTML graph.

    Inputs that fail (empty, binary, too large, malformed) are reported one line each; the rest are built and
    the exit code is 1. Articles whose text is unchanged since the last build are skipped.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.builder import build as run_build
    from kg.ingest import read_inputs
    from kg.viz import write_html

    items = list(read_inputs(paths))
    st = open_store(store)
    with Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("build", total=len(items))

        def tick(source: str, error: str | None) -> None:
            progress.advance(task)

        # The pipeline is loaded only when some article needs extracting (an unchanged re-run loads nothing).
        report = run_build(items, st, skip_unchanged=not force, on_article=tick, workers=workers, dask=dask)
    for source, reason in report.failures:
        err.print(f"[red]failed:[/red] {source}: {reason}", highlight=False)
    if rdf:
        st.dump(rdf)
    if html:
        write_html(st, html)
    out.print(
        f"articles: {report.articles} built, {report.skipped} unchanged, {len(report.failures)} failed · "
        f"entities: {report.entities} · facts: {report.facts} · "
        f"{report.seconds:.1f} s · {report.rate:.1f} articles/s",
        highlight=False,
    )
    written = ", ".join(p for p in (store, rdf, html) if p)
    out.print(f"wrote {written}", highlight=False)
    if report.failures:
        raise typer.Exit(1)


@app.command()
@fails_cleanly
def query(
    query: Annotated[str, typer.Argument(help="A SPARQL query, or a .rq file.")],
    store: StoreOpt = DEFAULT_STORE,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv, json, xml; turtle, trig or ntriples "
                                     "for CONSTRUCT/DESCRIBE.")] = "table",
    timeout: Annotated[float, typer.Option("--timeout", help="Give up after this many seconds.")] = 30.0,
    limit: Annotated[int, typer.Option("--limit", help="Keep at most this many rows (0: no cap); ORDER BY is kept.")]
    = 10_000,
) -> None:
    """Run a SPARQL query (kg:, rdf:, rdfs:, xsd:, owl:, skos:, schema:, prov:, kgid: predeclared)."""
    from kg.query import format_result, read_query, run_query
    from kg.query.sparql import FORMATS

    if fmt not in FORMATS:
        raise KgError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    text_query = read_query(query)
    st = open_store(store, read_only=True)
    result = run_query(st, text_query, timeout=timeout, limit=limit or None)
    text = format_result(result, fmt)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    if result.truncated:
        what = "triples" if result.kind == "graph" else "rows"
        err.print(f"[yellow]note:[/yellow] only the first {result.limit} {what} are shown (--limit); the answer has "
                  "more", highlight=False)


@app.command()
@fails_cleanly
def serve(
    store: StoreOpt = DEFAULT_STORE,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_update: Annotated[bool, typer.Option("--allow-update", help="Accept SPARQL UPDATE (never LOAD or SERVICE).")]
    = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Time limit of each query, in seconds.")] = 30.0,
    limit: Annotated[int, typer.Option("--limit", help="Row cap of each answer.")] = 10_000,
    queries: Annotated[str | None, typer.Option("--queries", help="Folder of example .rq queries for the page "
                                                "(default: examples/queries when present).")] = None,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint at /sparql, with a query page at / and the graph at /graph."""
    import uvicorn

    from kg.query.server import create_app

    if timeout <= 0 or limit <= 0:
        raise KgError("--timeout and --limit must be more than 0")
    st = open_store(store, read_only=not allow_update)
    app_ = create_app(st, allow_update=allow_update, timeout=timeout, limit=limit, queries=queries)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]note:[/yellow] listening on {host}: anyone who can reach it can query the store",
                  highlight=False)
    out.print(f"kg: serving {store} at http://{host}:{port}/ (SPARQL endpoint: /sparql"
              f"{', updates allowed' if allow_update else ', read-only'}); Ctrl+C stops", highlight=False)
    uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command()
@fails_cleanly
def viz(
    store: StoreOpt = DEFAULT_STORE,
    focus: Annotated[str | None, typer.Option(help="Draw only this entity's neighbourhood (rdfs:label or skos:altLabel).")]
    = None,
    hops: Annotated[int, typer.Option(min=0, help="With --focus: how many steps out from the entity.")] = 1,
    query_file: Annotated[str | None, typer.Option("--query", "-q", help="Draw a CONSTRUCT query's result (.rq file or text).")]
    = None,
    max_nodes: Annotated[int, typer.Option(min=1, help="Keep the top N nodes by PageRank (the page says so).")] = 2000,
    out_file: Annotated[str, typer.Option("--out", "-o", help="HTML file to write.")] = "output/graph.html",
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in a browser.")] = False,
) -> None:
    """Write the graph (whole, one entity's neighbourhood, or a CONSTRUCT result) as an interactive offline HTML page."""
    from kg.query import read_query
    from kg.viz import write_html

    text = read_query(query_file) if query_file else None
    g = write_html(open_store(store, read_only=True), out_file, focus=focus, hops=hops, query=text, max_nodes=max_nodes)
    total = g.graph.get("total_nodes", g.number_of_nodes())
    cut = f" (top {g.number_of_nodes()} of {total} by PageRank)" if total > g.number_of_nodes() else ""
    out.print(f"wrote {out_file}: {g.number_of_nodes()} nodes{cut}, {g.number_of_edges()} edges", highlight=False)
    if open_browser:
        webbrowser.open(Path(out_file).resolve().as_uri())


@app.command()
@fails_cleanly
def stats(store: StoreOpt = DEFAULT_STORE) -> None:
    """Count articles, entities by class and facts by relation."""
    from rich.table import Table

    from kg.store import graph_stats

    counts = graph_stats(open_store(store, read_only=True))
    for title, rows in counts.items():
        table = Table(title, "count", title_justify="left")
        for name, n in rows:
            table.add_row(name, str(n))
        out.print(table)


@app.command("export")
@fails_cleanly
def export(
    file: Annotated[str, typer.Argument(help="File to write.")],
    store: StoreOpt = DEFAULT_STORE,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="trig, nquads, jsonld (keep the graphs); turtle, ntriples, rdfxml (their union). "
                               "Default: from the suffix.")] = None,
) -> None:
    """Write the whole store to an RDF file (atomically: an existing file is replaced only when all is written)."""
    open_store(store, read_only=True).dump(file, fmt)
    out.print(f"wrote {file}", highlight=False)


@app.command("import")
@fails_cleanly
def import_(
    file: Annotated[str, typer.Argument(help="RDF file (.trig .nq .ttl .nt .jsonld).")],
    store: StoreOpt = DEFAULT_STORE,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="trig, nquads, turtle, ntriples, rdfxml, jsonld, if the suffix does not say.")] = None,
) -> None:
    """Load an RDF file into the store in one transaction (malformed input changes nothing)."""
    added = open_store(store).load_file(file, fmt)
    out.print(f"imported {file}: {added} quads added", highlight=False)


@app.command()
@fails_cleanly
def remove(
    article: Annotated[str, typer.Argument(help="Article id or URL.")],
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Delete one article: its graph, its facts, and the entities no other article mentions."""
    from kg.store import remove_article

    if not remove_article(open_store(store), article):
        raise KgError(f"no article {article!r} in {store}")
    out.print(f"removed {article}", highlight=False)


@eval_app.command("ner")
@fails_cleanly
def eval_ner(
    file: Annotated[str, typer.Argument(help="KLUE-NER format file (char<TAB>BIO-tag lines).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    graph: Annotated[bool, typer.Option(
        "--graph", help="Score the entities after the graph rules (which split 경북 영주시-style chains).")] = False,
) -> None:
    """Entity-level precision, recall and F1 of the shipped NER per KLUE label."""
    import json

    from kg.nlp import load_pipeline
    from kg.nlp.ner_eval import evaluate_ner, format_ner_report

    if not Path(file).is_file():
        raise KgError(f"{file}: no such file")
    result = evaluate_ner(load_pipeline(), file, graph=graph)
    sys.stdout.write((json.dumps(result, ensure_ascii=False, indent=2) if as_json else format_ner_report(result)) + "\n")


@eval_app.command("facts")
@fails_cleanly
def eval_facts(
    gold: Annotated[str, typer.Argument(help="Gold facts, JSON Lines (id, date, entities, facts, absent).")],
    articles: Annotated[list[str], typer.Option("--articles", "-a", help="Articles (JSONL, files or folders).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a report.")] = False,
    paraphrased: Annotated[bool, typer.Option(
        "--paraphrased", help="Count reported speech without quote marks (…했다고 밝혔다) as said.")] = False,
) -> None:
    """Precision, recall and F1 of extracted facts against gold, overall and per relation, with the misses."""
    import json

    from kg.errors import InputError
    from kg.extract.evaluate import evaluate_facts, format_fact_report
    from kg.ingest import read_inputs
    from kg.nlp import load_pipeline

    if not Path(gold).is_file():
        raise KgError(f"{gold}: no such file")
    items = [a for a in read_inputs(articles) if not isinstance(a, InputError)]
    report = evaluate_facts(load_pipeline(), gold, items, paraphrased=paraphrased)
    if report["articles"] == 0:
        raise KgError("no article of the gold file is among the --articles inputs (ids must match)")
    sys.stdout.write((json.dumps(report, ensure_ascii=False, indent=2) if as_json else format_fact_report(report)) + "\n")


def main() -> None:  # pragma: no cover - console entry point
    app()
