"""Streaming import and export on a real on-disk store: batches change nothing of
what is written, an article spread through a file stays whole, a bad line in the
middle writes nothing, and every export format comes back as the same quads."""

import json

import pyoxigraph as ox
import pytest

from graph.errors import FormatError
from graph.exchange import export, export_bytes, import_file
from graph.facts_lines import ImportedDoc, index_facts
from graph.model.facts import fact_from_json
from graph.rdf import terms as t
from graph.rdf.formats import FORMATS
from graph.store import open_store
from graph.store.backend import BULK_MIN

WORKS = ("Harbour Lights", "Salt Road")


def _fact(i, doc):
    work = WORKS[i % 2]
    kinds = [
        {"kind": "portrayal", "actor": f"Actor {i}", "character": f"Person {i}", "work": work,
         "seasons": [1 + i % 3]},
        {"kind": "event", "character": f"Person {i}", "event": "death", "work": work,
         "season": 1 + i % 3, "episode": 1 + i % 5},
        {"kind": "crew", "person": f"Maker {i}", "role": "director", "work": work},
    ]
    quote = f"line {i} of {doc}"
    return {**kinds[i % 3], "source": {"doc": doc, "start": 0, "end": len(quote),
                                       "quote": quote}, "confidence": 0.8}


def _lines(docs=4, per_doc=6):
    """FACTS objects for ``docs`` articles, grouped by article."""
    return [_fact(d * per_doc + i, f"doc-{d}.txt") for d in range(docs) for i in range(per_doc)]


def _write(path, objects):
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    return path


def _nquads(store):
    return sorted(export_bytes(store, "nquads").splitlines())


def _import(location, path, **kwargs):
    with open_store(location) as store:
        summary = import_file(store, path, validate=False, **kwargs)
        return summary, _nquads(store)


def test_facts_in_many_batches_equal_one_batch(tmp_path):
    """A FACTS file written 30 quads at a time gives the same N-Quads as in one batch."""
    facts = _write(tmp_path / "bible.jsonl", _lines())
    one = _import(tmp_path / "one", facts, batch_quads=10**9)
    many = _import(tmp_path / "many", facts, batch_quads=30)
    assert many == one
    assert one[0] == {"kind": "facts", "graphs": 4, "count": 24}


def test_an_article_spread_through_the_file_stays_whole(tmp_path):
    """Facts of one doc scattered among others' land whole in its graph, the same
    graph as when the file is sorted by doc."""
    grouped = _lines()
    # Deal the lines round-robin: doc-0, doc-1, doc-2, doc-3, doc-0, ...
    spread = [grouped[d * 6 + i] for i in range(6) for d in range(4)]
    sorted_file = _write(tmp_path / "sorted.jsonl", grouped)
    spread_file = _write(tmp_path / "spread.jsonl", spread)
    _, from_sorted = _import(tmp_path / "a", sorted_file, batch_quads=30)
    _, from_spread = _import(tmp_path / "b", spread_file, batch_quads=30)
    # Only the source name of the article differs (the file it came from).
    assert [q.replace(b"spread.jsonl", b"sorted.jsonl") for q in from_spread] == from_sorted
    with open_store(tmp_path / "b") as store:
        docs = {f.evidence.doc for f in store.facts()}
        assert docs == {f"doc-{d}.txt" for d in range(4)}
        assert all(sum(f.evidence.doc == doc for f in store.facts()) == 6 for doc in docs)


def test_the_hash_of_an_imported_article_is_the_hash_of_its_facts(tmp_path):
    """The streaming index hashes each doc's facts as the list of them would hash."""
    import hashlib

    objects = _lines(docs=2, per_doc=3)
    index = index_facts(_write(tmp_path / "b.jsonl", objects[::-1]))
    for doc, entry in index.docs.items():
        facts = [fact_from_json(o) for o in objects[::-1] if o["source"]["doc"] == doc]
        text = json.dumps([f.to_json() for f in facts], sort_keys=True)
        assert entry.digest.hexdigest() == hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize("validate", [False, True])
def test_a_bad_line_in_the_middle_writes_nothing(tmp_path, validate):
    """Line 14 of 24 is broken: the error names file:line and the store keeps exactly
    what it held, though earlier batches were good."""
    location = tmp_path / "store"
    _import(location, _write(tmp_path / "first.jsonl", _lines(docs=1)))
    objects = _lines()
    objects[13] = {**objects[13], "kind": "nope"}
    bad = _write(tmp_path / "bad.jsonl", objects)
    with open_store(location) as store:
        before = _nquads(store)
        with pytest.raises(FormatError) as info:
            import_file(store, bad, validate=validate, batch_quads=30)
        assert str(info.value).startswith(f"{bad}:14: unknown fact kind 'nope'")
        assert _nquads(store) == before


def test_a_syntax_error_in_the_middle_of_rdf_writes_nothing(tmp_path):
    """An N-Quads file broken in its middle line is refused with its line; nothing of
    the good lines before it is written."""
    lines = [f"<https://e.org/s{i}> <https://e.org/p> \"{i}\" <https://e.org/g{i % 3}> ."
             for i in range(20)]
    lines[10] = "<https://e.org/s> <https://e.org/p> ."
    path = tmp_path / "bad.nq"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        with pytest.raises(FormatError) as info:
            import_file(store, path, validate=False, batch_quads=3)
        assert f"{path}: not valid nquads" in str(info.value) and "line 11" in str(info.value)
        assert store.is_empty()


@pytest.fixture
def filled(tmp_path):
    """An on-disk store holding four imported articles."""
    location = tmp_path / "filled"
    _import(location, _write(tmp_path / "bible.jsonl", _lines()))
    with open_store(location) as store:
        yield store


def _statements(data, fmt):
    quads = ox.parse(data, format=FORMATS[fmt].oxigraph)
    if FORMATS[fmt].datasets:
        return {str(q) for q in quads}
    return {str(ox.Triple(q.subject, q.predicate, q.object)) for q in quads}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("batch, validate", [(25, True), (10**9, False)])
def test_every_export_format_round_trips(filled, tmp_path, fmt, batch, validate):
    """Export to a file, import into a fresh on-disk store (checked and in batches of
    25, or unchecked by the bulk loader), export again: the same statements; a
    dataset format keeps every graph."""
    path = tmp_path / f"out{FORMATS[fmt].suffixes[0]}"
    export(filled, path, fmt)
    with open_store(tmp_path / "again") as again:
        summary = import_file(again, path, validate=validate, batch_quads=batch)
        second = export_bytes(again, fmt)
        if FORMATS[fmt].datasets:
            assert _nquads(again) == _nquads(filled)
        else:
            assert summary["graphs"] == 1
    assert _statements(second, fmt) == _statements(path.read_bytes(), fmt)


def test_turtle_export_holds_each_triple_once(filled):
    """A triple that several articles state (an entity's label) is written once."""
    data = export_bytes(filled, "ntriples").splitlines()
    assert len(data) == len(set(data))
    label = f'<{t.entity_iri("work", "Harbour Lights")}> <{t.RDFS_LABEL}>'.encode()
    assert sum(line.startswith(label) for line in data) == 1


def test_triples_export_writes_a_blank_subject_once(tmp_path):
    """A store loaded by other means may hold a blank node, which a VALUES block
    cannot bind: its triples are still in the union, each once, beside the others."""
    with open_store(tmp_path / "store") as store:
        blank, p = ox.BlankNode("b1"), ox.NamedNode("https://e.org/p")
        named = ox.NamedNode("https://e.org/s")
        for graph in ("https://e.org/g1", "https://e.org/g2"):
            store.backend.store.extend([ox.Quad(blank, p, ox.Literal("x"), ox.NamedNode(graph)),
                                        ox.Quad(named, p, blank, ox.NamedNode(graph))])
        lines = export_bytes(store, "ntriples").splitlines()
    assert len(lines) == 2
    assert sum(line.startswith(b"_:") for line in lines) == 1


def test_a_graph_bigger_than_a_batch_replaces_the_stored_one(tmp_path):
    """A Turtle file lands in one graph written 2 quads at a time; importing a shorter
    version replaces that graph rather than adding to it."""
    path = tmp_path / "notes.ttl"
    long = "".join(f"<https://e.org/s{i}> <https://e.org/p> {i} .\n" for i in range(9))
    with open_store(tmp_path / "store") as store:
        store.replace_graphs({t.graph_iri("other.txt"): [ox.Quad(
            ox.NamedNode("https://e.org/x"), ox.NamedNode("https://e.org/p"), ox.Literal("x"),
            ox.NamedNode(t.graph_iri("other.txt")))]})
        path.write_text(long, encoding="utf-8")
        import_file(store, path, validate=False, batch_quads=2)
        graph = t.graph_iri("notes.ttl")
        assert len(list(store.backend.quads(graph))) == 9
        path.write_text(long.splitlines(keepends=True)[0], encoding="utf-8")
        import_file(store, path, validate=False, batch_quads=2)
        assert len(list(store.backend.quads(graph))) == 1
        assert len(list(store.quads())) == 2


def test_bulk_load_of_an_empty_store_equals_batches(tmp_path, filled):
    """A plain N-Quads file into an empty store (pyoxigraph's bulk loader) and into a
    store that already holds a graph (batches) writes the same quads."""
    path = tmp_path / "all.nq"
    export(filled, path, "nquads")
    with open_store(tmp_path / "empty") as empty:
        import_file(empty, path, validate=False)
        bulk = _nquads(empty)
    with open_store(tmp_path / "busy") as busy:
        extra = ox.Quad(ox.NamedNode("https://e.org/x"), ox.NamedNode("https://e.org/p"),
                        ox.Literal("x"), ox.NamedNode(t.graph_iri("other.txt")))
        busy.replace_graphs({t.graph_iri("other.txt"): [extra]})
        import_file(busy, path, validate=False, batch_quads=40)
        busy.forget("other.txt")
        assert _nquads(busy) == bulk == _nquads(filled)


def test_new_graphs_by_the_bulk_loader_equal_a_transaction(tmp_path):
    """A batch of new graphs big enough for the bulk loader, into a store that already
    holds another graph, writes what a transaction in memory writes and leaves the
    other graph as it was; importing it again replaces the graphs, never adds."""
    objects = _lines(docs=20, per_doc=25)
    facts = _write(tmp_path / "bible.jsonl", objects)
    with open_store("memory:") as memory:
        import_file(memory, facts, validate=False)
        expected = _nquads(memory)
        assert len(expected) >= BULK_MIN
    other = t.graph_iri("other.txt")
    extra = ox.Quad(ox.NamedNode("https://e.org/x"), ox.NamedNode("https://e.org/p"),
                    ox.Literal("x"), ox.NamedNode(other))
    with open_store(tmp_path / "busy") as busy:
        busy.replace_graphs({other: [extra]})
        import_file(busy, facts, validate=False)
        assert list(busy.backend.quads(other)) == [extra]
        busy.forget("other.txt")
        assert _nquads(busy) == expected
        _write(facts, objects[:-1])
        import_file(busy, facts, validate=False)
        assert len(_nquads(busy)) < len(expected)
        _write(facts, objects)
        import_file(busy, facts, validate=False)
        assert _nquads(busy) == expected


def test_ingest_in_batches_equals_one_batch(tmp_path):
    """Store.ingest 20 quads at a time writes what one transaction writes, and looks
    up every stored hash in one query per 500 articles."""
    objects = _lines()
    extracted = []
    for d in range(4):
        facts = [fact_from_json(o) for o in objects if o["source"]["doc"] == f"doc-{d}.txt"]
        extracted.append((ImportedDoc(f"doc-{d}.txt", f"{d:064x}"), facts))
    outputs = []
    for name, batch in (("one", 10**9), ("many", 20)):
        with open_store(tmp_path / name) as store:
            results = store.ingest(extracted, batch_quads=batch)
            assert [r.status for r in results] == ["added"] * 4
            outputs.append(_nquads(store))
            assert store.article_hashes(["doc-1.txt", "nope.txt"]) == {"doc-1.txt": f"{1:064x}"}
            again = store.ingest(extracted, batch_quads=batch)
            assert [r.status for r in again] == ["unchanged"] * 4
    assert outputs[0] == outputs[1]
