"""The store: persistence, idempotent re-ingest, replace, forget, one claim per
meaning, atomic writes, content-derived IRIs; on the embedded store and on a real
oxigraph server (tests marked ``backends`` run on both)."""

from pathlib import Path

import pytest

from graph.errors import StoreError
from graph.extract.pipeline import extract_articles
from graph.sources import find_articles, read_article
from graph.store import open_store
from graph.store.backend import KEPT_COUNTS

pytestmark = pytest.mark.backends


def _ingest(store, folder, force=False):
    articles = [read_article(p) for p in find_articles([folder])]
    return store.ingest(zip(articles, extract_articles(articles), strict=True), force=force)


def _quads(store):
    return sorted(str(q) for q in store.quads())


def test_persists_across_processes(franchise, store_location, canon):
    """What one process ingests, a new process reads back from disk or the server."""
    done = canon("ingest", franchise, "--store", store_location)
    assert done.returncode == 0, done.stderr
    listed = canon("facts", "--about", "tomas reed", "--json", "--store", store_location)
    assert listed.returncode == 0, listed.stderr
    assert '"actor": "Owen Pike"' in listed.stdout
    assert '"quote": "Tomas Reed, played by Owen Pike"' in listed.stdout


def test_reingest_unchanged_is_a_no_op(franchise, empty_store):
    """A second ingest of the same files changes no quad and says so."""
    first = _ingest(empty_store, franchise)
    before = _quads(empty_store)
    second = _ingest(empty_store, franchise)
    assert {r.status for r in first} == {"added"}
    assert {r.status for r in second} == {"unchanged"}
    assert _quads(empty_store) == before


def test_changed_article_replaces_its_graph(franchise, empty_store):
    """Editing an article drops what it used to say and keeps the others."""
    _ingest(empty_store, franchise)
    path = franchise / "lantern-street.txt"
    path.write_text(path.read_text().replace("Joy Adebayo", "Nia Holt"), encoding="utf-8")
    results = {r.doc: r.status for r in _ingest(empty_store, franchise)}
    assert results["lantern-street.txt"] == "replaced"
    actors = {f.claim.actor for f in empty_store.facts(kind="portrayal")}
    assert "Nia Holt" in actors and "Joy Adebayo" not in actors and "Owen Pike" in actors


def test_a_batch_of_a_changed_and_a_new_article_writes_both(franchise, store_location):
    """One ingest that replaces one article and adds another leaves the new graph,
    the replaced one without its old facts, and no staging graph; the same
    articles ingested afresh into a store in memory give the same quads."""
    new = franchise / "new-show.txt"
    with open_store(store_location) as store:
        _ingest(store, franchise)
        path = franchise / "lantern-street.txt"
        path.write_text(path.read_text().replace("Joy Adebayo", "Nia Holt"), encoding="utf-8")
        new.write_text("Tidewater\n\nIn Tidewater, Ada Finch plays the ferrywoman Lorna Vane.\n",
                       encoding="utf-8")
        results = {r.doc: r.status for r in _ingest(store, franchise)}
        assert results["lantern-street.txt"] == "replaced"
        assert results["new-show.txt"] == "added"
        assert not [g for g in store.backend.graph_names() if g.endswith("/staging")]
        actors = {f.claim.actor for f in store.facts(kind="portrayal")}
        assert {"Nia Holt", "Ada Finch"} <= actors and "Joy Adebayo" not in actors
        mixed = _quads(store)
    with open_store("memory:") as store:
        _ingest(store, franchise)
        assert _quads(store) == mixed


def test_forget_removes_one_article(franchise, empty_store):
    """Forgetting an article removes its facts and its graph, nothing else."""
    _ingest(empty_store, franchise)
    assert empty_store.forget("lantern-street.txt") is True
    assert empty_store.forget("lantern-street.txt") is False
    docs = {f.evidence.doc for f in empty_store.facts()}
    assert docs == {"harbour-lights-s1.txt", "harbour-lights-s2.md"}


def test_same_claim_from_two_articles_is_one_claim_with_two_evidence(franchise, empty_store):
    """Owen Pike plays Tomas Reed in season 2 in two articles: one claim node, two
    quotes. The first season's article, which dates the casting to no season, makes
    another claim."""
    second = (franchise / "harbour-lights-s2.md").read_text(encoding="utf-8")
    (franchise / "harbour-lights-s2-repost.md").write_text(
        second + "\nFilming wrapped in May.\n", encoding="utf-8")
    _ingest(empty_store, franchise)
    claims = empty_store.claims(about="Owen Pike", kind="portrayal")
    assert sorted(c.seasons for c in claims.values()) == [(), (2,)]
    facts = [f for f in empty_store.facts(about="Owen Pike", kind="portrayal")
             if f.claim.seasons == (2,)]
    both = ["harbour-lights-s2-repost.md", "harbour-lights-s2.md"]
    assert sorted(f.evidence.doc for f in facts) == both
    empty_store.forget("harbour-lights-s2-repost.md")
    assert [f.evidence.doc for f in empty_store.facts(about="Owen Pike")
            if f.claim.seasons == (2,)] == both[1:]


def test_two_stores_from_the_same_articles_hold_the_same_quads(franchise, store_location):
    """IRIs come from content, so the order and place of ingest do not matter."""
    with open_store(store_location) as a, open_store("memory:") as b:
        _ingest(a, franchise)
        for path in reversed(find_articles([franchise])):
            article = read_article(path)
            b.ingest([(article, extract_articles([article])[0])])
        assert _quads(a) == _quads(b)


def test_force_reads_unchanged_articles_again(franchise, empty_store):
    """--force re-extracts and rewrites, leaving the same quads."""
    _ingest(empty_store, franchise)
    before = _quads(empty_store)
    assert {r.status for r in _ingest(empty_store, franchise, force=True)} == {"replaced"}
    assert _quads(empty_store) == before


def test_leftover_staging_graphs_are_dropped_on_open(store_path):
    """A write cut off between staging and the move leaves nothing behind."""
    import pyoxigraph as ox

    from graph.rdf.terms import ID

    raw = ox.Store(str(store_path))
    graph = ox.NamedNode(ID + "graph/x-123/staging")
    raw.add(ox.Quad(ox.NamedNode(ID + "s"), ox.NamedNode(ID + "p"), ox.Literal("o"), graph))
    raw.flush()
    del raw
    with open_store(str(store_path)) as store:
        assert store.backend.graph_names() == []


def test_stats_count_what_was_stored(franchise, empty_store):
    """stats counts articles, claims by kind and evidence."""
    _ingest(empty_store, franchise)
    stats = empty_store.stats()
    assert stats["articles"] == 3
    assert stats["claims"]["season"] == 3
    assert stats["evidence"] == len(empty_store.facts())
    assert stats["quads"] > 0


def test_stats_are_kept_until_the_store_is_written(franchise, store_location):
    """Counts read again, in this process or another, are the same; after a write
    they count what the store holds then (the embedded store keeps them in its
    folder, for the state of its files)."""
    with open_store(store_location) as store:
        _ingest(store, franchise)
    # A read-only opening: a writable one may compact in the background, which
    # changes the files, and then rightly keeps nothing.
    with open_store(store_location, read_only=not store_location.startswith("http")) as reader:
        first = reader.stats()
        if not store_location.startswith("http"):
            assert (Path(store_location) / KEPT_COUNTS).exists()
        assert reader.stats() == first
    with open_store(store_location) as store:
        assert store.stats() == first
        store.forget(store.articles()[0]["doc"])
        after = store.stats()
        assert after["articles"] == first["articles"] - 1
        assert after["quads"] < first["quads"]
    with open_store(store_location, read_only=True) as reader:
        assert reader.stats() == after


@pytest.mark.parametrize("location, message", [
    ("ftp://127.0.0.1/x", "unknown store 'ftp://127.0.0.1/x': use a folder path, memory: or"),
    ("http://127.0.0.1:9/sparql",
     "cannot reach the SPARQL server at http://127.0.0.1:9/sparql: connection refused"),
])
def test_unusable_locations_are_refused(location, message):
    """A location canon cannot use is a StoreError naming it."""
    with pytest.raises(StoreError) as info:
        open_store(location)
    assert message in str(info.value)


def test_unwritable_location_is_refused(tmp_path):
    """A store under a plain file cannot be created; the message names the path."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as info:
        open_store(str(blocker / "store"))
    assert str(blocker / "store") in str(info.value)
    assert "pass --store with a writable folder" in str(info.value)


def test_reading_a_missing_store_says_how_to_make_one(tmp_path):
    """Read commands do not create an empty store by accident."""
    with pytest.raises(StoreError) as info:
        open_store(str(tmp_path / "nothing"), create=False)
    assert "ingest articles first" in str(info.value)
    assert not (tmp_path / "nothing").exists()


def test_article_gives_the_text_every_quote_cuts_from(franchise, empty_store):
    _ingest(empty_store, franchise)
    for fact in empty_store.facts():
        article = empty_store.article(fact.evidence.doc)
        assert article["text"][fact.evidence.start:fact.evidence.end] == fact.evidence.quote
    assert empty_store.article("no-such-article.txt") is None
