"""Benchmark: what the drawn timeline adds to a character's and a work's page, beside
the rest of the same page, in the same run.

    .venv/bin/python bench/timeline.py [--claims 10000] [--pages 20] [--store PATH]

Ingests bench/synth.py's franchise of ``--claims`` claims into an in-memory store
(or opens ``--store``, a store already built, such as the demo data and the Game of
Thrones synopses), then, through the app's own test client, for ``--pages``
characters (those with the most claims) and every work: requests each page once to
warm its Story (read from the store once until it changes, as in a server), then
times the page's view three times and keeps the median. It prints, per kind of page,
the median and the worst time of the drawing alone (``webviz.timeline_svg``, from the
page's own Story) beside the whole page's view (``webviz.views``: the Story read from
the cache, the tables, the claims with their quotes, and the drawing), and the marks
and slots drawn.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synth import synthetic_franchise  # noqa: E402
from graph.rdf.terms import slug  # noqa: E402
from graph.store import open_store  # noqa: E402
from webviz import create_app, timeline_svg, views  # noqa: E402

RUNS = 3


def _median_time(call):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def measure(app, kind, names):
    """Return rows (name, drawing s, page s, marks, slots) for the pages of ``names``."""
    client = app.test_client()
    draw = {"character": timeline_svg.character_timeline, "work": timeline_svg.work_timeline}
    page = {"character": views.character, "work": views.work}
    rows = []
    for name in names:
        key = slug(name)
        assert client.get(f"/{kind}/{key}").status_code == 200, name
        with app.test_request_context(f"/{kind}/{key}"):
            ctx = views.entity_context(kind, key)
            drawing_time, drawing = _median_time(
                lambda ctx=ctx, name=name: draw[kind](ctx.story, name, ctx.sources))
            page_time, _view = _median_time(lambda ctx=ctx, key=key: page[kind](ctx, key))
        rows.append((name, drawing_time, page_time, len(drawing["marks"]),
                     len(drawing["ticks"])))
    return rows


def report(kind, rows):
    """Print the medians and worst cases of one kind of page."""
    if not rows:
        print(f"{kind}: none")
        return
    drawing = [row[1] * 1000 for row in rows]
    whole = [row[2] * 1000 for row in rows]
    worst = max(rows, key=lambda row: row[1])
    print(f"{kind} pages ({len(rows)}): drawing median {statistics.median(drawing):.1f} ms, "
          f"whole view median {statistics.median(whole):.1f} ms "
          f"(drawing {statistics.median(drawing) / statistics.median(whole):.0%}); "
          f"worst drawing {worst[1] * 1000:.1f} ms of {worst[2] * 1000:.1f} ms for "
          f"{worst[0]!r} ({worst[3]} marks, {worst[4]} slots)")


def main(argv=None):
    """Run the benchmark; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10000)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--store", help="a store already built (read as it is)")
    args = parser.parse_args(argv)
    if args.store:
        store = open_store(args.store)
        print(f"store: {args.store}")
    else:
        store = open_store("memory:")
        pairs, _homes = synthetic_franchise(args.claims)
        store.ingest(pairs)
        print(f"store: bench/synth.py franchise of {args.claims} claims, in memory")
    app = create_app(store, config={"TESTING": True})
    facts = store.facts()
    counts = {}
    for fact in facts:
        character = getattr(fact.claim, "character", None)
        if character:
            counts[character] = counts.get(character, 0) + 1
    characters = sorted(counts, key=lambda name: (-counts[name], name))[:args.pages]
    works = [work for work in store.names("work") if store.has_claims(work)]
    report("character", measure(app, "character", characters))
    report("work", measure(app, "work", works))
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
