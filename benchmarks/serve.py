"""Throughput and latency of `kg serve` on the bundled examples.

Builds examples/articles into a temporary store, starts `kg serve` on a free loopback port, then for each
example query drives THREADS concurrent clients for SECONDS (loopback only, bounded in count and time)
and prints requests per second and p50/p99 latency.

    python benchmarks/serve.py [--threads 8] [--seconds 5]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def drive(base: str, query: str, threads: int, seconds: float) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        mine: list[float] = []
        bad = 0
        with httpx.Client(base_url=base, timeout=60) as http:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                response = http.post("/sparql", data={"query": query},
                                     headers={"Accept": "application/sparql-results+json"})
                elapsed = time.perf_counter() - started
                if response.status_code == 200:
                    mine.append(elapsed)
                else:
                    bad += 1
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return latencies, errors[0]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=5.0, help="per query")
    parser.add_argument("--articles", default=str(ROOT / "examples" / "articles"))
    parser.add_argument("--queries", default=str(ROOT / "examples" / "queries"))
    args = parser.parse_args()
    threads = max(1, min(args.threads, 64))
    seconds = max(0.5, min(args.seconds, 60.0))

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        store = Path(tmp) / "store"
        subprocess.run([sys.executable, "-m", "kg", "build", args.articles, "--store", str(store), "--rdf", "",
                        "--html", ""], check=True, stdout=subprocess.DEVNULL)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--host", "127.0.0.1",
                                   "--port", str(port), "--queries", args.queries], stdout=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    httpx.get(base + "/examples.json", timeout=2).raise_for_status()
                    break
                except httpx.HTTPError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("kg serve did not start") from None
                    time.sleep(0.2)
            print(f"kg serve on {base}: {threads} clients x {seconds:g} s per query")
            print(f"{'query':<28} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
            for path in sorted(Path(args.queries).glob("*.rq")):
                latencies, errors = drive(base, path.read_text("utf8"), threads, seconds)
                rate = len(latencies) / seconds
                p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
                p99 = percentile(latencies, 0.99) * 1000
                print(f"{path.stem:<28} {len(latencies):>8} {rate:>8.1f} {p50:>8.1f} {p99:>8.1f} {errors:>6}")
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
