"""The counts stats reports follow the embedded store's writes: after every kind of
write (new graphs in a transaction or through the bulk loader, a graph added to
across batches, a replaced graph, a forgotten one, an RDF file bulk-loaded) the
counts kept are those a full count gives, in memory, in the store's folder for the
next process, and after another program wrote the store."""

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.exchange import export, import_file
from graph.extract.pipeline import extract_articles
from graph.rdf import terms as t
from graph.sources import find_articles, read_article
from graph.store import open_store
from graph.store.backend import BULK_MIN, KEPT_COUNTS
from graph.store.counts import count_all

WORKS = ("Harbour Lights", "Salt Road")


def _fact(i, doc):
    work = WORKS[i % 2]
    kinds = [
        {"kind": "portrayal", "actor": f"Actor {i % 7}", "character": f"Person {i % 11}",
         "work": work, "seasons": [1 + i % 3]},
        {"kind": "event", "character": f"Person {i % 11}", "event": "death", "work": work,
         "season": 1 + i % 3, "episode": 1 + i % 5},
        {"kind": "crew", "person": f"Maker {i % 5}", "role": "director", "work": work},
    ]
    quote = f"line {i} of {doc}"
    return {**kinds[i % 3], "source": {"doc": doc, "start": 0, "end": len(quote),
                                       "quote": quote}, "confidence": 0.8}


def _facts_file(path, docs, per_doc, prefix="doc"):
    """Write a FACTS file of ``docs`` articles whose people, characters and works
    recur across articles (so forgetting one article leaves most of them)."""
    lines = [_fact(d * per_doc + i, f"{prefix}-{d}.txt")
             for d in range(docs) for i in range(per_doc)]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def _ingest(store, folder):
    articles = [read_article(p) for p in find_articles([folder])]
    store.ingest(zip(articles, extract_articles(articles), strict=True))


def _assert_kept(store):
    """The counts the store gives without counting are those a full count gives, and
    an on-disk store has them in its folder (with the state of its files then,
    which RocksDB's work in the background may have changed since)."""
    backend = store.backend
    assert backend._counts is not None, "the write left the counts unknown"
    full = count_all(backend)
    assert backend.counts() == full
    if backend.path is not None:
        kept = json.loads((Path(backend.path) / KEPT_COUNTS).read_text(encoding="utf-8"))
        assert kept["counts"] == full
    return full


@pytest.mark.parametrize("on_disk", [True, False], ids=["disk", "memory"])
def test_counts_follow_every_kind_of_write(franchise, tmp_path, on_disk):
    """Each write brings the counts to what a full count gives: new articles, a FACTS
    file in batches of 30 quads (graphs added to across batches), the same file
    again (replacing), an edited article, forgotten articles, a bulk-loaded batch."""
    location = str(tmp_path / "store") if on_disk else "memory:"
    with open_store(location) as store:
        _ingest(store, franchise)
        first = _assert_kept(store)
        assert first["quads"] > 0 and first["types"][t.ENTITY_CLASSES["article"]] == 3
        facts = _facts_file(tmp_path / "bible.jsonl", docs=4, per_doc=9)
        import_file(store, facts, validate=False, batch_quads=30)
        _assert_kept(store)
        import_file(store, _facts_file(facts, docs=3, per_doc=5), validate=False,
                    batch_quads=30)
        _assert_kept(store)
        path = franchise / "lantern-street.txt"
        path.write_text(path.read_text().replace("Joy Adebayo", "Nia Holt"), encoding="utf-8")
        _ingest(store, franchise)
        _assert_kept(store)
        assert store.forget("doc-1.txt")
        _assert_kept(store)
        big = _facts_file(tmp_path / "big.jsonl", docs=60, per_doc=30, prefix="big")
        import_file(store, big, validate=False)
        assert count_all(store.backend)["quads"] - first["quads"] > BULK_MIN
        _assert_kept(store)
        for article in store.articles():
            store.forget(article["doc"])
        assert _assert_kept(store) == count_all(open_store("memory:").backend)
        _ingest(store, franchise)
        last = _assert_kept(store)
    if on_disk:
        with open_store(location, read_only=True) as reader:
            assert reader.backend._counts == last


def test_a_bulk_loaded_file_is_counted_by_the_import(tmp_path):
    """An RDF file loaded whole by pyoxigraph's loader is counted once, by the import,
    so that the next process reads the counts."""
    with open_store(tmp_path / "source") as source:
        import_file(source, _facts_file(tmp_path / "bible.jsonl", docs=5, per_doc=8),
                    validate=False)
        export(source, tmp_path / "all.nq", "nquads")
        expected = count_all(source.backend)
    with open_store(tmp_path / "store") as store:
        import_file(store, tmp_path / "all.nq", validate=False)
        assert _assert_kept(store) == expected
    with open_store(tmp_path / "store", read_only=True) as reader:
        assert reader.backend._counts == expected


def test_the_next_process_reads_the_kept_counts(franchise, tmp_path):
    """What a writer kept is what a read-only opening and the next writer start from;
    the counts are those of the store, not recounted (a doctored count in the file
    is believed, which shows it is read)."""
    location = tmp_path / "store"
    with open_store(location) as store:
        _ingest(store, franchise)
        stats = store.stats()
    with open_store(location, read_only=True) as reader:
        assert reader.stats() == stats
    kept_path = location / KEPT_COUNTS
    kept = json.loads(kept_path.read_text(encoding="utf-8"))
    kept["counts"]["quads"] += 1000
    kept_path.write_text(json.dumps(kept), encoding="utf-8")
    with open_store(location, read_only=True) as reader:
        assert reader.stats()["quads"] == stats["quads"] + 1000
    # Counts of another shape (another version of canon kept them) are counted again.
    kept_path.write_text(json.dumps({"state": kept["state"], "counts": stats}), encoding="utf-8")
    with open_store(location, read_only=True) as reader:
        assert reader.backend._counts is None
        assert reader.stats() == stats


def test_another_programs_write_is_counted_again(franchise, tmp_path):
    """A write by a program that does not keep the counts (pyoxigraph itself) changes
    the files: the next opening counts the store as it is, and keeps that."""
    location = tmp_path / "store"
    with open_store(location) as store:
        _ingest(store, franchise)
        before = store.stats()
    raw = ox.Store(str(location))
    raw.add(ox.Quad(ox.NamedNode(t.ID + "person/extra"), ox.NamedNode(t.RDF_TYPE),
                    ox.NamedNode(t.ENTITY_CLASSES["person"]), ox.NamedNode(t.ID + "graph/x")))
    raw.flush()
    del raw
    with open_store(location, read_only=True) as reader:
        after = reader.stats()
        assert after["entities"]["person"] == before["entities"]["person"] + 1
        assert after["quads"] == before["quads"] + 1
    with open_store(location) as store:
        assert store.backend._counts is not None
        assert store.stats() == after


def test_a_folder_that_cannot_keep_the_counts_fails_nothing(franchise, tmp_path):
    """Where the counts file cannot be written (here a folder stands in its way) every
    command still works and counts right; nothing is kept."""
    location = tmp_path / "store"
    with open_store(location) as store:
        _ingest(store, franchise)
        expected = count_all(store.backend)
    (location / KEPT_COUNTS).unlink()
    (location / KEPT_COUNTS).mkdir()
    with open_store(location, read_only=True) as reader:
        assert reader.backend.counts() == expected
    with open_store(location) as store:
        assert store.backend.counts() == expected
        store.forget(store.articles()[0]["doc"])
        assert store.backend.counts() == count_all(store.backend)
    assert (location / KEPT_COUNTS).is_dir()
    assert not [p for p in location.iterdir() if p.name.endswith(".part")]
