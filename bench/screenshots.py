"""The README's screenshots: the main pages of the web view over the demo articles,
taken in Debian's headless Chromium at 1280x900.

    .venv/bin/python bench/screenshots.py [--out webviz/screenshots] [--only graph]

Ingests data/articles and data/franchises into an in-memory store, serves
``webviz.create_app`` on 127.0.0.1 from a thread, and saves one PNG per page
(home, search, character, timeline, graph, work, article, continuity, ask, add,
data) into ``--out``, printing each file with its size (``--only STEM``, repeatable:
just those pages). A page that is still a placeholder is reported and left out.
Needs /usr/bin/chromium and /usr/bin/chromedriver.
"""

import argparse
import logging
import re
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.extract.pipeline import extract_articles  # noqa: E402
from graph.sources import find_articles, read_article  # noqa: E402
from graph.store import open_store  # noqa: E402
from webviz.local import (  # noqa: E402
    CHROMEDRIVER,
    CHROMIUM,
    chromium_options,
    serve_in_thread,
    start_chromium,
)

SIZE = (1280, 900)
# Seconds a page may take to load, or the graph to draw.
PATIENCE = 15


def pages(article):
    """Return (file stem, app path) for each page to photograph; ``article`` is the
    document shown on the article page."""
    return [
        ("home", "/"),
        ("search", "/search?q=Jessica"),
        ("character", "/character/kilgrave"),
        ("timeline", "/character/jessica-jones?until=" + quote_plus("Jessica Jones S2")
         + "#drawn-timeline"),
        ("graph", "/graph?focus=character/kilgrave"),
        ("work", "/work/jessica-jones"),
        ("article", f"/article/{article}"),
        ("continuity", "/continuity"),
        ("ask", "/ask?q=" + quote_plus("Who plays Kilgrave in season 2?")),
        ("add", "/add"),
        ("data", "/data"),
    ]


def demo_store():
    """Return an in-memory store holding the demo articles and franchise files."""
    folders = [ROOT / "data" / "articles", ROOT / "data" / "franchises"]
    articles = [read_article(path) for path in find_articles(folders)]
    store = open_store("memory:")
    store.ingest(zip(articles, extract_articles(articles), strict=True))
    return store


def richest_article(store):
    """Return the document with the most extracted facts (the most highlighted spans)."""
    counts = {}
    for fact in store.facts():
        counts[fact.evidence.doc] = counts.get(fact.evidence.doc, 0) + 1
    return max(sorted(counts), key=counts.get)


def start_browser(profile):
    """Return a headless Chromium whose viewport is exactly SIZE."""
    driver = start_chromium(chromium_options(profile, ("--hide-scrollbars",)))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": SIZE[0], "height": SIZE[1], "deviceScaleFactor": 1, "mobile": False})
    driver.set_page_load_timeout(PATIENCE)
    return driver


def wait_for(driver, script, timeout=PATIENCE):
    """Return True once ``script`` returns something truthy, False after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if driver.execute_script(script):
            return True
        time.sleep(0.1)
    return False


def photograph(driver, base, shots, out):
    """Save a PNG per (stem, path) of ``shots`` into ``out``; return the paths saved."""
    saved = []
    for stem, path in shots:
        driver.get(base + path)
        wait_for(driver, "return document.readyState === 'complete'")
        if "Not built yet" in driver.title or re.match(r"[45]\d\d ", driver.title):
            print(f"skipped {stem}: {path} shows {driver.title!r}", file=sys.stderr)
            continue
        if path.startswith("/graph") and not wait_for(
                driver, "return document.body.dataset.graphReady === '1'"):
            print(f"warning: {path} never set data-graph-ready", file=sys.stderr)
        target = out / f"{stem}.png"
        driver.save_screenshot(str(target))
        saved.append(target)
        print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}"
              f"  {path}  {target.stat().st_size // 1024} KB")
    return saved


def main():
    """Take the screenshots; return the exit status (1 when a page was left out)."""
    from webviz import create_app

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "webviz" / "screenshots")
    parser.add_argument("--only", action="append", metavar="STEM",
                        help="take only this page's screenshot (graph, work...); repeatable")
    args = parser.parse_args()
    for needed in (CHROMIUM, CHROMEDRIVER):
        if not Path(needed).exists():
            sys.exit(f"{needed} is missing: apt-get install chromium chromium-driver")
    args.out.mkdir(parents=True, exist_ok=True)
    # One line per request would bury the list of files written.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    store = demo_store()
    shots = [(stem, path) for stem, path in pages(richest_article(store))
             if not args.only or stem in args.only]
    if not shots:
        sys.exit(f"--only {' '.join(args.only)}: no such page; use one of "
                 f"{', '.join(stem for stem, _ in pages('x'))}")
    base, stop = serve_in_thread(create_app(store))
    with tempfile.TemporaryDirectory() as profile:
        driver = start_browser(profile)
        try:
            saved = photograph(driver, base, shots, args.out)
        finally:
            driver.quit()
            stop()
    return 0 if len(saved) == len(shots) else 1


if __name__ == "__main__":
    sys.exit(main())
