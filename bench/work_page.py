"""Benchmark: what the work page's cast season by season costs, beside what the page
already pays to read the work's claims, and beside the cast it showed before, in
the same run.

    .venv/bin/python bench/work_page.py [--sizes 10000,100000] [--runs 5]

For each size, a synthetic franchise (bench/synth.py: works of up to 25,000 claims
with seasons, recasts, appearances and events) is bulk-loaded into an on-disk store
in a temporary folder. For its first work, timed warm (median of ``--runs``):

- read: the Story of the work's claims (``story_about(works=...)``), which the page
  reads once per store state and spoiler cut and keeps (webviz/state.py);
- before: the cast the page built before (``cast`` and a filter per season);
- cast by season: ``cast_by_season``, seasons stated and inferred, recasts;
- page: ``GET /work/<slug>`` through the app, its Story already kept.

Every number is the time of one call, in ms, after a garbage collection; the load
average is printed beside.
"""

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from bench import synth  # noqa: E402
from graph.continuity.casting import cast, cast_by_season  # noqa: E402
from graph.continuity.scope import story_about  # noqa: E402
from graph.rdf.terms import slug  # noqa: E402
from graph.store import open_store  # noqa: E402
from webviz import create_app  # noqa: E402


def _median_ms(call, runs):
    """Return (median ms, last result) of ``runs`` calls of ``call``."""
    times, result = [], None
    for _ in range(runs):
        # A collection of the whole heap (the store's Story is millions of objects at
        # 100k claims) falls on whichever call allocates next: collect before, not during.
        gc.collect()
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def _before(story, work):
    """The cast the work page built before: every member, filtered per season."""
    members = cast(story, work)
    return {season: [m for m in members if season in m.seasons]
            for season in story.seasons(work)}


def measure(size, runs, folder):
    """Return a dict of the timings (ms) and counts for a franchise of ``size`` claims."""
    facts, nquads = folder / f"f{size}.jsonl", folder / f"f{size}.nq"
    summary = synth.write(size, synth.SEED, facts, nquads)
    raw = ox.Store(str(folder / f"s{size}"))
    raw.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    del raw
    work = summary["works"][0]["work"]
    with open_store(str(folder / f"s{size}")) as store:
        read, story = _median_ms(lambda: story_about(store, works=(work,)), runs)
        before, _ = _median_ms(lambda: _before(story, work), runs)
        now, found = _median_ms(lambda: cast_by_season(story, work), runs)
        client = create_app(store, config={"TESTING": True}).test_client()
        url = f"/work/{slug(work)}"
        assert client.get(url).status_code == 200
        page, _ = _median_ms(lambda: client.get(url), runs)
    rows = sum(len(roles) for roles in found.seasons.values())
    return {"size": size, "work": work, "claims": len(story.claims), "rows": rows,
            "inferred": sum(r.inferred for roles in found.seasons.values() for r in roles),
            "recasts": len(found.recasts), "read": read, "before": before, "now": now,
            "page": page}


def main(argv=None):
    """Run the benchmark and print one line per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores)")
    print("claims | work's claims | cast rows (inferred, recasts) | read the work's Story"
          " | before: cast + filter | cast_by_season | page, Story kept")
    with tempfile.TemporaryDirectory(prefix="canon-work-page-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            r = measure(size, args.runs, Path(tmp))
            print(f"{r['size']:,} | {r['claims']:,} ({r['work']}) | {r['rows']:,} "
                  f"({r['inferred']:,}, {r['recasts']:,}) | {r['read']:.0f} ms | "
                  f"{r['before']:.1f} ms | {r['now']:.1f} ms | {r['page']:.0f} ms")
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores)")


if __name__ == "__main__":
    main()
