"""Benchmark: the server's memory when heavy SPARQL queries arrive at once, with the
worker cap at its default beside a cap as large as the burst (what the server did
before it had one: a worker per query).

    .venv/bin/python bench/burst.py [--queries 8] [--caps 2,8] [--timeout 5]

Starts ``canon serve`` over bench/load.py's store for each cap ($CANON_WORKERS),
sends ``--queries`` copies of a query that sorts every pair of quads (its worker
grows until the time or memory limit stops it) at once, and prints the answers by
status, the server's peak RSS and the peak PSS of the server with its workers (each
page shared by the fork counted once), sampled every 0.2 s.
"""

import argparse
import asyncio
import os
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load import (  # noqa: E402
    articles,
    command,
    free_port,
    get,
    serving,
    store_of,
)

SORTED_PAIRS = "SELECT ?a ?b ?c WHERE { ?a ?x ?b . ?c ?y ?d } ORDER BY ?a ?c ?b"


async def _burst(port, count):
    """Return the statuses of ``count`` heavy queries sent at once."""
    path = f"/sparql?{urlencode({'query': SORTED_PAIRS})}"
    answers = await asyncio.gather(*(get(None, port, path, "sparql") for _ in range(count)))
    for _, connection in answers:
        if connection is not None:
            connection[1].close()
    return [status for status, _ in answers]


def _measure(store, cap, count, timeout):
    """Return (statuses by count, peak RSS MB of the server, peak PSS MB of it with
    its workers)."""
    port = free_port()
    argv, env = command("canon serve", store, port)
    env["CANON_WORKERS"] = str(cap)
    env["CANON_SPARQL_TIMEOUT"] = str(timeout)
    with serving(argv, env, port) as (_up, peak):
        statuses = asyncio.run(_burst(port, count))
        peak.finish()
    return Counter(statuses), peak.own, peak.total


def main(argv=None):
    """Print the figures; return nothing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=8)
    parser.add_argument("--caps", default="2,8", help="comma-separated worker caps")
    parser.add_argument("--timeout", type=float, default=5.0,
                        help="SPARQL_TIMEOUT: long enough for the workers to reach their "
                             "memory limit on a busy machine")
    args = parser.parse_args(argv)
    store = store_of(articles()[0])
    print(f"{args.queries} heavy queries at once, SPARQL_TIMEOUT {args.timeout:g} s "
          f"(load average {os.getloadavg()[0]:.2f}):")
    for cap in map(int, args.caps.split(",")):
        statuses, own, total = _measure(store, cap, args.queries, args.timeout)
        answers = ", ".join(f"{n} x {status}" for status, n in sorted(statuses.items(), key=str))
        print(f"  WORKERS={cap}: answers {answers}; peak RSS {own:.0f} MB (server), peak "
              f"PSS {total:.0f} MB with its workers")


if __name__ == "__main__":
    main()
