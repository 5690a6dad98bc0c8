"""Load and query synthetic kg-shaped graphs in Oxigraph (kg's store) and in rdflib's in-memory store.

    python benchmarks/store.py                       # 10k, 100k, 1M triples; rdflib up to 100k
    python benchmarks/store.py --sizes 10000 100000 --rdflib-max 100000

The data has the shape ``kg build`` writes: one named graph per article holding a
schema:NewsArticle, its entities' kg:mentionedIn, and one kg:Fact record per fact (rdf:subject/predicate/object, prov:wasDerivedFrom,
prov:wasAttributedTo, sentence, offsets, extractor, confidence); the entity layer (class,
@ko label, asserted relation triples, event dates) is kept once in the shared graph
https://w3id.org/kg/entities, as kg.rdf.model writes it. Entities are shared across
articles: people, organisations and places Zipf-distributed over a pool that grows with the
corpus (a few are in a large share of the articles, as in news); events and products are
specific (about one per two articles, each told by a handful). Oxigraph loads with ``bulk_extend`` into an
on-disk store and answers through ``use_default_graph_as_union`` as kg does; rdflib loads
into a ``Dataset(default_union=True)``. The same SPARQL runs on both and the answers are
compared (row counts).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import sys
import tempfile
import time

import pyoxigraph as ox

KG = "https://w3id.org/kg/ontology#"
ID = "https://w3id.org/kg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"

PREFIXES = f"""PREFIX kg: <{KG}>
PREFIX rdf: <{RDF}>
PREFIX rdfs: <{RDFS}>
PREFIX schema: <{SCHEMA}>
PREFIX prov: <{PROV}>
"""

QUERIES = {
    "attended (examples/queries/attended.rq)": """
SELECT DISTINCT ?who ?event ?date ?place WHERE {
  ?p kg:attended ?e . ?p rdfs:label ?who . ?e rdfs:label ?event .
  OPTIONAL { ?e kg:date ?date }
  OPTIONAL { ?e kg:locatedIn/rdfs:label ?place }
} ORDER BY ?event ?who LIMIT 1000""",
    "demos at minister events": """
SELECT DISTINCT ?minister ?event ?company ?product WHERE {
  { SELECT DISTINCT ?e ?minister ?article WHERE {
      ?m kg:holdsPosition ?pos ; kg:attended ?e ; rdfs:label ?minister .
      ?pos rdfs:label ?title FILTER(CONTAINS(?title, "장관"))
      GRAPH ?article { ?e kg:mentionedIn ?a } } }
  { SELECT DISTINCT ?article ?c ?p WHERE {
      GRAPH ?article { ?f rdf:predicate kg:demonstrated ; rdf:subject ?c ; rdf:object ?p } } }
  ?e rdfs:label ?event .
  ?c rdfs:label ?company .
  ?p rdfs:label ?product .
} ORDER BY ?event ?company LIMIT 1000""",
    "one entity's facts and sources": """
SELECT ?p ?o ?sentence ?headline WHERE {
  ?s rdfs:label "기업3"@ko .
  ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:sentence ?sentence ; prov:wasDerivedFrom ?a .
  ?a schema:headline ?headline .
} LIMIT 1000""",
    "facts by relation (kg stats)": """
SELECT ?p (COUNT(*) AS ?k) WHERE { ?f a kg:Fact ; rdf:predicate ?p } GROUP BY ?p ORDER BY DESC(?k)""",
}

# The same question without subqueries, for rdflib: its engine has no join reordering and evaluates
# the subqueries' cross product (minutes even at 10k). Row counts are compared, so both forms must agree.
RDFLIB_FORM = {
    "demos at minister events": """
SELECT DISTINCT ?minister ?event ?company ?product WHERE {
  ?m kg:holdsPosition ?pos ; kg:attended ?e ; rdfs:label ?minister .
  ?pos rdfs:label ?title FILTER(CONTAINS(?title, "장관"))
  ?e rdfs:label ?event ; kg:mentionedIn ?article .
  ?f rdf:subject ?c ; rdf:predicate kg:demonstrated ; rdf:object ?p ; prov:wasDerivedFrom ?article .
  ?c rdfs:label ?company .
  ?p rdfs:label ?product .
} ORDER BY ?event ?company LIMIT 1000""",
}

RELATIONS = [  # (relation, subject class, object class)
    ("attended", "Person", "Event"), ("attended", "Organization", "Event"), ("organized", "Organization", "Event"),
    ("demonstrated", "Organization", "Product"), ("holdsPosition", "Person", "Position"),
    ("memberOf", "Person", "Organization"), ("locatedIn", "Event", "Place"), ("partneredWith", "Organization",
                                                                             "Organization"),
    ("launched", "Organization", "Product"), ("visited", "Person", "Place"),
]
POSITIONS = ["장관", "차관", "대표", "기자", "감독", "회장", "의원"]
NAMES = {"Person": "인물", "Organization": "기업", "Event": "행사", "Product": "제품", "Place": "장소"}


def synthetic_quads(n_triples: int, seed: int = 7) -> list[ox.Quad]:
    """About ``n_triples`` quads shaped like kg's, in article graphs of ~120 quads each."""
    rnd = random.Random(seed)
    # People, organisations, places: a pool that grows with the corpus, Zipf (s=1) over ranks, so a
    # few of them (대한민국, 삼성전자, a minister) are in a large share of the articles. Events and
    # products are specific: one for about every two articles, each told by a handful of them.
    size = max(200, n_triples // 400)
    cum = list(itertools.accumulate(1.0 / r for r in range(1, size + 1)))
    specific = max(200, n_triples // 240)
    nn, lit = ox.NamedNode, ox.Literal
    t_type, t_label, t_ment = nn(RDF + "type"), nn(RDFS + "label"), nn(KG + "mentionedIn")
    integer, decimal = nn(XSD + "integer"), nn(XSD + "decimal")
    p = {k: nn(KG + k) for k in ("sentence", "startChar", "endChar", "extractor", "confidence", "contentHash",
                                 "date")}
    rs, rp, ro = nn(RDF + "subject"), nn(RDF + "predicate"), nn(RDF + "object")
    derived, attributed = nn(PROV + "wasDerivedFrom"), nn(PROV + "wasAttributedTo")
    agents = [nn(f"https://w3id.org/kg/agent/rule{i}") for i in range(8)]
    shared = nn("https://w3id.org/kg/entities")
    quads: list[ox.Quad] = [ox.Quad(ag, t_type, nn(PROV + "SoftwareAgent"), shared) for ag in agents]
    described: set = set()
    article_no = 0

    def entity(cls: str) -> tuple[ox.NamedNode, str]:
        if cls == "Position":
            name = rnd.choice(POSITIONS)
        else:
            if cls in ("Event", "Product"):
                k = rnd.randrange(specific)
            else:
                k = bisect.bisect_left(cum, rnd.random() * cum[-1])
            name = f"{NAMES[cls]}{k}"
        return nn(f"{ID}{cls.lower()}/{name}"), name

    while len(quads) < n_triples:
        article_no += 1
        g = nn(f"https://w3id.org/kg/graph/a{article_no}")
        a = nn(f"https://w3id.org/kg/article/a{article_no}")
        q = lambda s, pr, o, g=g: quads.append(ox.Quad(s, pr, o, g))  # noqa: E731
        q(a, t_type, nn(SCHEMA + "NewsArticle"))
        q(a, nn(SCHEMA + "identifier"), lit(f"a{article_no}"))
        q(a, p["contentHash"], lit(f"{article_no:064x}"))
        q(a, nn(SCHEMA + "headline"), lit(f"기사 {article_no} 제목", language="ko"))
        q(a, nn(SCHEMA + "datePublished"), lit(f"2024-{1 + article_no % 12:02d}-{1 + article_no % 28:02d}",
                                               datatype=nn(XSD + "date")))
        seen: set = set()
        for i in range(8):  # 8 facts per article
            rel, scls, ocls = rnd.choice(RELATIONS)
            s, sname = entity(scls)
            if rel == "holdsPosition":  # a person holds one position, whatever the article
                oname = POSITIONS[int(sname[2:]) % len(POSITIONS)]
                o = nn(f"{ID}position/{oname}")
            else:
                o, oname = entity(ocls)
            for node, cls, name in ((s, scls, sname), (o, ocls, oname)):
                if node not in described:  # class and label: once, in the shared entity graph
                    described.add(node)
                    quads.append(ox.Quad(node, t_type, nn(KG + cls), shared))
                    quads.append(ox.Quad(node, t_label, lit(name, language="ko"), shared))
                if node not in seen:
                    seen.add(node)
                    q(node, t_ment, a)
            asserted = (s, nn(KG + rel), o)  # asserted once, in the shared graph
            if asserted not in described:
                described.add(asserted)
                quads.append(ox.Quad(*asserted, shared))
            f = nn(f"https://w3id.org/kg/fact/{article_no:x}-{i}")
            q(f, t_type, nn(KG + "Fact"))
            q(f, rs, s)
            q(f, rp, nn(KG + rel))
            q(f, ro, o)
            q(f, derived, a)
            q(f, attributed, agents[i % len(agents)])
            q(f, p["sentence"], lit(f"{sname}이 {oname}와 관련해 {rel} 했다고 밝혔다.", language="ko"))
            q(f, p["startChar"], lit(str(i * 40), datatype=integer))
            q(f, p["endChar"], lit(str(i * 40 + 30), datatype=integer))
            q(f, p["extractor"], lit(f"predicate:{rel}"))
            q(f, p["confidence"], lit("0.80", datatype=decimal))
            if ocls == "Event" and (o, p["date"]) not in described:
                described.add((o, p["date"]))
                quads.append(ox.Quad(o, p["date"], lit(f"2024-06-{1 + article_no % 28:02d}", datatype=nn(XSD + "date")),
                                     shared))
    return quads[:n_triples] if len(quads) > n_triples * 1.05 else quads


def _time(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def bench_oxigraph(quads: list[ox.Quad]) -> tuple[float, dict[str, tuple[float, int]]]:
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as path:
        store = ox.Store(path)
        load, _ = _time(lambda: (store.bulk_extend(quads), store.flush()))
        times = {}
        for name, text in QUERIES.items():
            list(store.query(PREFIXES + text, use_default_graph_as_union=True))  # warm the caches once
            runs = []
            for _ in range(3):
                t, rows = _time(lambda text=text: list(store.query(PREFIXES + text, use_default_graph_as_union=True)))
                runs.append(t)
            times[name] = (min(runs), len(rows))
    return load, times


def bench_rdflib(quads: list[ox.Quad], query_budget_s: float) -> tuple[float, dict[str, tuple[float, int]]]:
    import rdflib

    def term(t):
        if isinstance(t, ox.NamedNode):
            return rdflib.URIRef(t.value)
        return rdflib.Literal(t.value, lang=t.language, datatype=None if t.language else rdflib.URIRef(t.datatype.value))

    ds = rdflib.Dataset(default_union=True)

    def load():
        by_graph: dict = {}
        for q in quads:
            by_graph.setdefault(q.graph_name.value, []).append((term(q.subject), term(q.predicate), term(q.object)))
        for g, triples in by_graph.items():
            graph = ds.graph(rdflib.URIRef(g))
            graph.addN((s, p, o, graph) for s, p, o in triples)

    load_s, _ = _time(load)
    times = {}
    for name, text in QUERIES.items():
        text = RDFLIB_FORM.get(name, text)
        t, rows = _time(lambda text=text: list(ds.query(PREFIXES + text)))
        times[name] = (t, len(rows))
        if t > query_budget_s:
            print(f"    (rdflib: '{name}' took {t:.1f} s)", flush=True)
    return load_s, times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--rdflib-max", type=int, default=100_000,
                    help="largest size rdflib is run at (rdflib at 1M takes minutes to load and query)")
    args = ap.parse_args(argv)
    print(f"pyoxigraph {ox.__version__} · python {sys.version.split()[0]}")
    failures = []
    for n in args.sizes:
        gen_s, quads = _time(lambda n=n: synthetic_quads(n))
        print(f"\n== {len(quads):,} quads ({gen_s:.1f} s to generate) ==", flush=True)
        ox_load, ox_q = bench_oxigraph(quads)
        rate = len(quads) / ox_load
        print(f"  oxigraph load: {ox_load:7.2f} s  ({rate:,.0f} triples/s)", flush=True)
        if n >= 1_000_000 and rate < 100_000:
            failures.append(f"load {rate:,.0f} triples/s < 100k/s at {n:,}")
        rd = None
        if n <= args.rdflib_max:
            rd = bench_rdflib(quads, query_budget_s=30)
            print(f"  rdflib   load: {rd[0]:7.2f} s  ({len(quads) / rd[0]:,.0f} triples/s) · "
                  f"oxigraph is {rd[0] / ox_load:.1f}x faster", flush=True)
        else:
            print(f"  rdflib: skipped at {len(quads):,} (over --rdflib-max={args.rdflib_max:,}; "
                  "its load and the join-heavy queries take minutes there)")
        for name, (t, k) in ox_q.items():
            line = f"  {name:<40} oxigraph {t * 1000:9.1f} ms ({k} rows)"
            if rd is not None:
                rt, rk = rd[1][name]
                line += f" · rdflib {rt * 1000:10.1f} ms ({rk} rows) · ratio {rt / t if t else float('inf'):6.1f}x"
                if rk != k:
                    line += "  ROW COUNTS DIFFER"
                    failures.append(f"{name}: {k} vs {rk} rows at {n:,}")
            print(line, flush=True)
            if n >= 1_000_000 and t >= 1.0:
                failures.append(f"{name}: {t:.2f} s at {n:,}")
        del quads
    print("\ntargets (1M: every query < 1 s, load >= 100k triples/s):", "met" if not failures else "MISSED")
    for f in failures:
        print("  -", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
