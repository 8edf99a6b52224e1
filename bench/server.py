"""Benchmark: the store on a local oxigraph server over HTTP, beside the embedded
on-disk store, in the same run.

    .venv/bin/python bench/server.py [COPIES]
    .venv/bin/python bench/server.py --claims 10000 [100000 ...]

Extracts data/articles once, then writes COPIES copies of its graphs (each copy
under other article names, default 40) to each store, one ingest call (one
update request on the server) per copy, and prints quads/s written new, quads/s
replaced (``--force``), the median time of one read with a bound value
(``Store.article``: one request on the server), the time of ``stats`` and the
rate of reading every quad back (what ``export`` reads). The
server is ``oxigraph serve --union-default-graph`` started on 127.0.0.1 over a
temporary folder, and Virtuoso open source when ``virtuoso-t`` is installed;
each shares this machine's cores with the client. Rates count the quads the
embedded store holds after the writes (Virtuoso's stats add its system graphs).

With ``--claims``, it imports bench/synth.py's franchise of that many claims
(``import_file``, no validation) into the embedded store and into the oxigraph
server, at the backend's own batch size and at others, and prints quads/s each.
"""

import contextlib
import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from sparql_server import OxigraphServer, VirtuosoServer  # noqa: E402

from bench import synth  # noqa: E402
from graph.exchange import import_file  # noqa: E402
from graph.extract.pipeline import extract_articles  # noqa: E402
from graph.sources import find_articles, read_article  # noqa: E402
from graph.store import open_store  # noqa: E402


def _timed(func):
    start = time.perf_counter()
    value = func()
    return value, time.perf_counter() - start


def _copies(pairs, count):
    """Return ``count`` batches of (article, facts), each under its own article names."""
    return [[(dataclasses.replace(article, doc=f"copy{k}/{article.doc}"), facts)
             for article, facts in pairs] for k in range(count)]


def _measure(location, batches):
    """Return (quads, write s, replace s, one bound read s, stats s, every quad read
    back s) for one store."""
    with open_store(location) as store:
        _, write = _timed(lambda: [store.ingest(batch) for batch in batches])
        counts, stats = _timed(store.stats)
        _, replace = _timed(lambda: [store.ingest(batch, force=True) for batch in batches])
        docs = [article.doc for batch in batches for article, _ in batch][:200]
        reads = sorted(_timed(lambda d=doc: store.article(d))[1] for doc in docs)
        _, export = _timed(lambda: sum(1 for _ in store.quads()))
    return counts["quads"], write, replace, reads[len(reads) // 2], stats, export


def main(copies):
    """Print the figures; return nothing."""
    articles = [read_article(p) for p in find_articles([ROOT / "data" / "articles"])]
    pairs = list(zip(articles, extract_articles(articles), strict=True))
    batches = _copies(pairs, copies)
    print(f"{copies} copies of {len(articles)} articles, "
          f"{sum(len(f) for _, f in pairs) * copies} facts; one ingest call per copy")
    with tempfile.TemporaryDirectory() as folder, contextlib.ExitStack() as servers:
        oxigraph = servers.enter_context(OxigraphServer(Path(folder) / "oxigraph"))
        targets = [("embedded (disk)", str(Path(folder) / "store")),
                   ("oxigraph server", oxigraph.url)]
        if shutil.which("virtuoso-t"):
            virtuoso = servers.enter_context(VirtuosoServer(Path(folder) / "virtuoso"))
            targets.append(("virtuoso", virtuoso.url))
        else:
            print("(virtuoso-t is not installed: Virtuoso not measured)")
        quads = None
        for name, location in targets:
            stored, write, replace, read, stats, export = _measure(location, batches)
            quads = quads or stored
            print(f"{name:<16} write {quads / write:7.0f} quads/s ({quads} quads, "
                  f"{write:.2f} s)   replace {quads / replace:7.0f} quads/s   "
                  f"one article read {read * 1000:.1f} ms   stats {stats:.2f} s   "
                  f"read every quad {quads / export:7.0f} quads/s")

def import_rates(claims, batches=(None, 25_000, 500_000)):
    """Print the quads/s of importing a synthetic franchise of ``claims`` claims into
    the embedded store and the oxigraph server, at each batch size (None: the
    backend's own); return nothing."""
    with tempfile.TemporaryDirectory() as folder:
        facts = Path(folder) / "franchise.jsonl"
        summary = synth.write(claims, synth.SEED, facts)
        print(f"{claims} claims asked: {summary['facts']} facts in {summary['articles']} "
              f"articles")
        for batch in batches:
            for name in ("embedded (disk)", "oxigraph server"):
                with contextlib.ExitStack() as stack:
                    location = str(Path(folder) / f"store-{batch}")
                    if name != "embedded (disk)":
                        location = stack.enter_context(
                            OxigraphServer(Path(folder) / f"server-{batch}")).url
                    with open_store(location) as store:
                        _, seconds = _timed(lambda s=store, b=batch: import_file(
                            s, facts, validate=False, batch_quads=b))
                        quads = store.stats()["quads"]
                        size = batch or store.batch_quads
                print(f"{name:<16} batches of {size:>7} quads: {quads / seconds:7.0f} quads/s "
                      f"({quads} quads, {seconds:.1f} s)", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--claims"]:
        for size in sys.argv[2:]:
            import_rates(int(size))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
