"""Benchmark: how soon the graph view draws a 250-node neighbourhood in headless
Chromium, beside pyvis's default physics drawing the same data, in the same run.

    .venv/bin/python bench/webview.py [--runs 5] [--characters 160]

Builds a synthetic franchise (one work in four seasons; characters with actors,
appearances and deaths at another character's hand, read in articles of 40 facts),
ingests it into an in-memory store, serves the app on 127.0.0.1 from a thread and
opens /graph in Debian's headless Chromium through the system chromedriver. The
time is the page's own ``performance.now()`` at the first drawing of the canvas
(``window.canonGraphReadyAt``): from the start of navigation, including the request,
the page, vis-network and the drawing. Each mode is loaded once to warm the caches
(that first load is printed too: it includes laying the graph out on the server),
then ``--runs`` times; the median is printed. The baseline is the same page and data
with ``?physics=default``: no positions from the server and pyvis's default options
(physics on, 1000 stabilisation iterations before the first drawing).
"""

import argparse
import hashlib
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.model.facts import Appearance, Event, Evidence, Fact, Portrayal, Season  # noqa: E402
from graph.sources import Article  # noqa: E402
from graph.store import open_store  # noqa: E402
from webviz import create_app  # noqa: E402
from webviz.local import chromium_options, serve_in_thread, start_chromium  # noqa: E402

WORK = "Saga Meridian"
SEASONS = 4
FACTS_PER_ARTICLE = 40
NODES = 250
TARGET = 1.0
# A stabilisation that never ends must not hang the benchmark.
PATIENCE = 180
SYLLABLES = ("ka", "lo", "ren", "vi", "dar", "mo", "sel", "tha", "bri", "gor", "na", "ys")


def _name(index, shift=0):
    """Return a unique two-word name for ``index`` (below 12**4)."""
    s = [SYLLABLES[(index // 12**k + shift) % 12] for k in range(4)]
    return f"{(s[0] + s[1]).capitalize()} {(s[2] + s[3] + 'en').capitalize()}"


def _claims(characters):
    """Return (claim, quote) pairs of a franchise of ``characters`` characters."""
    out = [(Season(WORK, s, 10), f"{WORK} season {s} has ten episodes.")
           for s in range(1, SEASONS + 1)]
    for i in range(characters):
        name, actor = _name(i), _name(i, 5)
        first = 1 + i % SEASONS
        out.append((Portrayal(actor, name, WORK, tuple(range(first, SEASONS + 1))),
                    f"{actor} plays {name}."))
        out.append((Appearance(name, WORK, first, "physical"), f"{name} appears."))
        if i % 2:
            killer = _name((i * 7 + 3) % characters)
            out.append((Event(name, "death", WORK, first, 1 + i % 10, agent=killer),
                        f"{killer} kills {name}."))
    return out


def _store(characters):
    """Return an in-memory store holding the synthetic franchise, one article per
    FACTS_PER_ARTICLE facts, each quote at its offsets in the article text."""
    claims = _claims(characters)
    pairs = []
    for start in range(0, len(claims), FACTS_PER_ARTICLE):
        doc = f"synthetic-{start // FACTS_PER_ARTICLE}.txt"
        facts, text, offset = [], [], 0
        for claim, quote in claims[start:start + FACTS_PER_ARTICLE]:
            facts.append(Fact(claim, Evidence(doc, offset, offset + len(quote), quote,
                                              rule="synthetic", confidence=0.9)))
            text.append(quote)
            offset += len(quote) + 1
        body = " ".join(text)
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        pairs.append((Article(doc, doc, "txt", body, 0, digest, title=doc), facts))
    store = open_store("memory:")
    store.ingest(pairs)
    return store


def _driver(profile):
    """Return a headless Chromium driven by the system chromedriver."""
    driver = start_chromium(chromium_options(profile, ("--window-size=1280,900",)))
    driver.set_page_load_timeout(PATIENCE)
    driver.set_script_timeout(PATIENCE)
    return driver


def _first_drawing(driver, url):
    """Return (seconds from navigation start to the first drawing, nodes drawn)."""
    driver.get(url)
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        ready = driver.execute_script(
            "return document.body.dataset.graphReady === '1'"
            " ? [window.canonGraphReadyAt, window.canonGraph.nodeIds().length] : null")
        if ready:
            return ready[0] / 1000, ready[1]
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not draw within {PATIENCE} s")


def _measure(driver, url, runs):
    """Return (median seconds, every run's seconds, nodes drawn, first load's seconds):
    the first load warms the caches (the server's layout, the browser's scripts) and
    is not in the median."""
    first, _ = _first_drawing(driver, url)
    times, nodes = [], 0
    for _ in range(runs):
        seconds, nodes = _first_drawing(driver, url)
        times.append(seconds)
    return statistics.median(times), times, nodes, first


def main(argv=None):
    """Print the figures; return nothing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="page loads per mode (median)")
    parser.add_argument("--characters", type=int, default=160,
                        help="characters of the synthetic franchise")
    args = parser.parse_args(argv)
    store = _store(args.characters)
    config = {"GRAPH_NODE_LIMIT": NODES, "GRAPH_FIRST_NODES": NODES}
    # A second app for the figures, so that the browser's first load finds no layout cached.
    with create_app(store, config=config).test_client() as client:
        start = time.perf_counter()
        data = client.get("/api/graph").get_json()
        server = time.perf_counter() - start
    print(f"synthetic franchise: {args.characters} characters, {len(store.facts())} facts; "
          f"neighbourhood of {len(data['nodes'])} nodes and {len(data['edges'])} edges "
          f"around {data['focus']} (server, first request: {server:.2f} s)")
    if len(data["nodes"]) < NODES:
        raise SystemExit(f"the neighbourhood has {len(data['nodes'])} nodes, not {NODES}: "
                         "give more --characters")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    base, stop = serve_in_thread(create_app(store, config=config))
    with tempfile.TemporaryDirectory() as profile:
        driver = _driver(profile)
        try:
            ours = _measure(driver, f"{base}/graph", args.runs)
            baseline = _measure(driver, f"{base}/graph?physics=default", args.runs)
        finally:
            driver.quit()
            stop()
    print(f"headless Chromium, navigation start to first drawing, median of {args.runs} loads:")
    for label, (median, times, nodes, first) in (
            ("server positions, physics off", ours),
            ("pyvis default physics (baseline)", baseline)):
        runs = " ".join(f"{t:.2f}" for t in times)
        print(f"  {label:<34} {median:7.2f} s   ({nodes} nodes; runs: {runs}; "
              f"first load {first:.2f})")
    verdict = "met" if ours[0] < TARGET else "missed"
    print(f"  baseline / ours: {baseline[0] / ours[0]:.1f}x; target {TARGET:.0f} s {verdict}")


if __name__ == "__main__":
    main()
