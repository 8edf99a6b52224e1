"""Benchmark: the graph view's walk and layout of a 250-node neighbourhood on the
server, beside networkx's seeded spring layout of the same nodes, in the same run.

    .venv/bin/python bench/graph_layout.py [--claims 1000] [--runs 5]

Writes a synthetic franchise (bench/synth.py, seed 13), imports it into an
in-memory store, reads the graph around the default focus as the page does
(``graph_scope.default_focus``), then times ``graph_walk.around`` (the walk, the
words of the focus's edges and ``graph_layout.ego_layout``) on a fresh copy of that
graph each run, and, as the baseline, the same walk followed by
``networkx.spring_layout`` (what the view used before, without its spreading).
Prints the medians, the drawing's size in pixels at zoom 1 and how many nodes are
named.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.exchange import import_file  # noqa: E402
from graph.store import open_store  # noqa: E402
from webviz import create_app, graph_scope, graph_walk  # noqa: E402

NODES = 250


def _median(runs, work):
    """Return (median seconds, last result) of ``runs`` calls of ``work()``."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    """Run the benchmark and print its figures; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "franchise.jsonl"
        subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "--claims",
                        str(args.claims), "--seed", "13", "-o", str(path)],
                       check=True, capture_output=True)
        store = open_store("memory:")
        import_file(store, path, validate=False)
    canon = create_app(store).extensions["canon"]
    focus, graph = graph_scope.default_focus(canon, None, NODES, graph_walk.Filters())

    def ours():
        return graph_walk.around(graph.copy(), focus, NODES)

    def baseline():
        nodes, _truncated = graph_walk.neighbourhood(graph, focus, NODES)
        simple = nx.Graph(graph.subgraph(nodes))
        return nx.spring_layout(simple, seed=7)

    ours_time, found = _median(args.runs, ours)
    base_time, _placed = _median(args.runs, baseline)
    xs, ys = zip(*found.positions.values(), strict=True)
    print(f"{len(found.nodes)} nodes around {focus} ({args.claims} synthetic claims); "
          f"median of {args.runs}:")
    print(f"  walk + ego layout (ours)          {ours_time:.3f} s   drawing "
          f"{max(xs) - min(xs):.0f} x {max(ys) - min(ys):.0f} px, "
          f"{len(found.labelled)} named nodes")
    print(f"  walk + spring layout (baseline)   {base_time:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
