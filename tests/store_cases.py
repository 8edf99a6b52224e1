"""The stores the comparison tests build (a part of the store read against the whole
of it): articles read and extracted, FACTS files imported, and apps over them."""

import json
from pathlib import Path

from graph.exchange import import_file
from graph.extract.pipeline import extract_articles
from graph.sources import find_articles, read_article
from graph.store import open_store
from webviz.app import create_app

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
# The demo articles and the franchise file.
DEMO = [ROOT / "data" / "articles", ROOT / "data" / "franchises"]
# (article folders, FACTS JSON Lines files, spoiler cuts to compare at)
STORES = {
    "demo": (DEMO, [], [None, "Jessica Jones S1E3"]),
    "fixtures": ([DATA / "ask", DATA / "franchise"],
                 [DATA / "ask" / "facts.jsonl", DATA / "status" / "harbour.jsonl",
                  DATA / "continuity" / "recast.jsonl"],
                 [None, "Brackwater S2E1"]),
}


def own_docs(path, folder):
    """Return a copy of the FACTS file ``path``, written in ``folder``, whose articles
    are named after the file: the made-up cases reuse article names, and importing
    an article again replaces it."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    for line in lines:
        line["source"]["doc"] = f"{path.stem}-{line['source']['doc']}"
    target = folder / f"{path.parent.name}-{path.name}"
    target.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return target


def fill(store, folders, facts=(), renamed_in=None):
    """Return ``store`` with the articles of ``folders`` ingested and the FACTS files
    ``facts`` imported; with ``renamed_in`` (a folder), each file's articles are
    first named after it (``own_docs``)."""
    articles = [read_article(p) for p in find_articles(folders)]
    store.ingest(zip(articles, extract_articles(articles), strict=True))
    for path in facts:
        import_file(store, own_docs(path, renamed_in) if renamed_in else path, "facts")
    return store


def app_case(name, folder):
    """Yield (app, cuts): the app over an on-disk store in ``folder`` of the
    ``STORES`` entry ``name``, and the spoiler cuts to compare at."""
    folders, facts, cuts = STORES[name]
    with open_store(folder / "store") as store:
        yield create_app(fill(store, folders, facts), config={"TESTING": True}), cuts


def on_server(store):
    """Return True when ``store`` is a SPARQL server (each read an HTTP round trip)."""
    return str(store.location).startswith("http")
