"""Benchmark: store speed, on disk beside in memory, in the same run.

    .venv/bin/python bench/ingest.py [FOLDER ...]

Reads and extracts the articles (default: data/articles and, when present,
../shared's Game of Thrones synopses; bench/extraction.py measures extraction),
then prints quads/s written to the on-disk store beside the in-memory one (new
articles, then every article replaced through staging graphs: ``--force``), the
time to read every fact back, and the time of an unchanged re-ingest.
"""

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.extract.pipeline import extract_articles  # noqa: E402
from graph.sources import find_articles, read_article  # noqa: E402
from graph.store import open_store  # noqa: E402


def _timed(func):
    start = time.perf_counter()
    value = func()
    return value, time.perf_counter() - start


def main(folders):
    """Print the figures; return nothing."""
    articles = [read_article(p) for p in find_articles(folders)]
    words = sum(len(a.text.split()) for a in articles)
    extracted = extract_articles(articles)
    facts = sum(len(f) for f in extracted)
    print(f"articles: {len(articles)} ({words / len(articles):.0f} words on average), "
          f"facts: {facts}")
    pairs = list(zip(articles, extracted, strict=True))
    with tempfile.TemporaryDirectory() as folder:
        for name, location in (("disk", str(Path(folder) / "store")), ("memory", "memory:")):
            with open_store(location) as store:
                _, write = _timed(lambda s=store: s.ingest(pairs))
                quads = store.stats()["quads"]
                read, read_time = _timed(store.facts)
                _, again = _timed(lambda s=store: s.ingest(pairs))
                _, replace = _timed(lambda s=store: s.ingest(pairs, force=True))
            print(f"store {name:<6} write {quads / write:9.0f} quads/s ({quads} quads, "
                  f"{write:.2f} s)   replace all {quads / replace:9.0f} quads/s   "
                  f"read {len(read)} facts in {read_time:.2f} s   "
                  f"unchanged re-ingest {again:.2f} s")


if __name__ == "__main__":
    default = [ROOT / "data" / "articles"]
    got = ROOT.parent / "shared" / "realdata" / "got" / "articles"
    if got.is_dir():
        default.append(got)
    else:
        print(f"({got} is absent: measuring data/articles only)")
    main([Path(p) for p in sys.argv[1:]] or default)
