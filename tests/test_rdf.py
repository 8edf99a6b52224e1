"""RDF out and in: every format parses in another parser than the one that wrote
it, the export conforms to the SHACL shapes, and export -> import -> export gives
the same dataset."""

import json

import pyoxigraph as ox
import pytest
import rdflib

from graph.errors import FormatError
from graph.exchange import export_bytes, import_file
from graph.extract.pipeline import extract_articles
from graph.rdf.formats import FORMATS, format_for
from graph.rdf.validate import problems
from graph.sources import find_articles, read_article
from graph.store import open_store

RDFLIB_NAMES = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig",
                "jsonld": "json-ld"}


@pytest.fixture
def filled(franchise):
    """An in-memory store holding the test articles."""
    with open_store("memory:") as store:
        articles = [read_article(p) for p in find_articles([franchise])]
        store.ingest(zip(articles, extract_articles(articles), strict=True))
        yield store


def _oxigraph_set(data, fmt, keep_graphs):
    quads = ox.parse(data, format=format_for(fmt).oxigraph)
    if keep_graphs:
        return {str(q) for q in quads}
    return {str(ox.Triple(q.subject, q.predicate, q.object)) for q in quads}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_parses_in_the_other_parser(filled, fmt):
    """What pyoxigraph writes rdflib reads, with the same number of statements as the
    store holds."""
    data = export_bytes(filled, fmt)
    triples = {(q.subject, q.predicate, q.object) for q in filled.quads()}
    if FORMATS[fmt].datasets:
        parsed = rdflib.Dataset()
        parsed.parse(data=data, format=RDFLIB_NAMES[fmt])
        assert len(set(parsed.quads())) == len(list(filled.quads()))
    else:
        parsed = rdflib.Graph().parse(data=data, format=RDFLIB_NAMES[fmt])
        assert len(parsed) == len(triples)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_import_export_is_the_same_dataset(filled, fmt, tmp_path):
    """Round trip through a file in each format gives the same statements back."""
    first = export_bytes(filled, fmt)
    path = tmp_path / f"canon{FORMATS[fmt].suffixes[0]}"
    path.write_bytes(first)
    with open_store("memory:") as again:
        import_file(again, path)
        second = export_bytes(again, fmt)
    keep = FORMATS[fmt].datasets
    assert _oxigraph_set(second, fmt, keep) == _oxigraph_set(first, fmt, keep)


def test_export_conforms_to_the_shapes(filled):
    """The SHACL shapes accept everything the store writes."""
    assert problems(filled.quads()) == []


def test_shapes_catch_a_broken_claim(filled):
    """A claim whose evidence lost its quote is reported."""
    quote = ox.NamedNode("https://w3id.org/canon/vocab#quote")
    broken = [q for q in filled.quads() if q.predicate != quote]
    found = problems(broken)
    assert found and any("quote" in p for p in found)


def test_export_is_deterministic(filled, franchise, tmp_path):
    """Two exports of equal on-disk stores are byte-identical, whatever order the
    articles came in (the export follows the store's index, not insertion order)."""
    articles = [read_article(p) for p in find_articles([franchise])]
    extracted = extract_articles(articles)
    exports = []
    for name, order in (("one", 1), ("two", -1)):
        with open_store(tmp_path / name) as store:
            store.ingest(list(zip(articles, extracted, strict=True))[::order])
            exports.append(export_bytes(store, "nquads"))
    assert exports[0] == exports[1]
    assert sorted(exports[0].splitlines()) == sorted(export_bytes(filled, "nquads").splitlines())


def test_facts_jsonl_import_is_queryable(tmp_path, empty_store):
    """A hand-written story bible in FACTS JSON Lines lands as claims with evidence."""
    bible = tmp_path / "bible.jsonl"
    lines = [
        {"kind": "event", "character": "Mara Quill", "event": "death", "work": "Harbour Lights",
         "season": 2, "episode": "finale", "agent": "Tomas Reed"},
        {"kind": "portrayal", "actor": "Ines Vidal", "character": "Mara Quill", "seasons": [1, 2],
         "source": {"doc": "notes.txt", "start": 0, "end": 4, "quote": "Mara"}},
    ]
    bible.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    summary = import_file(empty_store, bible)
    assert summary == {"kind": "facts", "graphs": 2, "count": 2}
    (death,) = empty_store.facts(kind="event")
    assert (death.claim.episode, death.claim.agent, death.evidence.doc) == \
        ("finale", "Tomas Reed", "bible.jsonl")
    (portrayal,) = empty_store.facts(kind="portrayal")
    assert portrayal.claim.seasons == (1, 2)


@pytest.mark.parametrize("name, text, message", [
    ("bad.ttl", "<a> <b> .", "bad.ttl: not valid turtle"),
    ("bad.jsonl", '{"kind": "season", "work": "W", "season": 1}\n{"kind": "nope"}\n',
     "bad.jsonl:2: unknown fact kind 'nope'"),
    ("bad.jsonl", "not json\n", "bad.jsonl:1:"),
    ("remote.jsonld", '{"@context": "https://schema.org/", "name": "x"}',
     "its @context is a URL, which canon will not fetch"),
    ("data.xyz", "<a> <b> <c> .", "cannot tell the format from the suffix '.xyz'"),
    ("empty.jsonl", "\n", "no facts in the file"),
])
def test_bad_imports_name_the_file_and_leave_the_store_alone(tmp_path, filled, name, text, message):
    """Each bad file is one FormatError; the store keeps exactly what it had."""
    before = sorted(str(q) for q in filled.quads())
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as info:
        import_file(filled, path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert sorted(str(q) for q in filled.quads()) == before


def test_import_refuses_data_that_breaks_the_shapes(tmp_path, empty_store):
    """A Turtle story bible with a claim lacking its character is refused."""
    path = tmp_path / "bible.ttl"
    path.write_text(
        "@prefix canon: <https://w3id.org/canon/vocab#> .\n"
        "<https://w3id.org/canon/id/claim/event/x> a canon:Event ; canon:eventType canon:death .\n",
        encoding="utf-8",
    )
    with pytest.raises(FormatError) as info:
        import_file(empty_store, path)
    assert "does not conform to canon's shapes" in str(info.value)
    assert list(empty_store.quads()) == []


def test_episodes_and_franchises_become_entities(tmp_path, empty_store):
    """An event at S1E3 makes an episode of a season of a series; a continuity link
    with a universe types it as a franchise; the result conforms to the shapes."""
    bible = tmp_path / "bible.jsonl"
    lines = [
        {"kind": "event", "character": "Mara Quill", "event": "injury", "work": "Harbour Lights",
         "season": 1, "episode": 3},
        {"kind": "continuity", "work": "Harbour Lights", "relation": "shares_continuity",
         "with": "Harbour Universe"},
    ]
    bible.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    import_file(empty_store, bible)
    quads = list(empty_store.quads())
    episode = "https://w3id.org/canon/id/work/harbour-lights/season/1/episode/3"
    types = {(q.subject.value, q.object.value) for q in quads
             if q.predicate.value.endswith("#type")}
    assert (episode, "https://schema.org/TVEpisode") in types
    assert ("https://w3id.org/canon/id/work/harbour-universe",
            "https://schema.org/CreativeWorkSeries") in types
    assert problems(quads) == []
