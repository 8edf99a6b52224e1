"""Tests of the published vocabulary, shapes and JSON-LD context in ``data/``.

The vocabulary must declare every canon IRI the code writes (``graph.rdf.terms``)
and every controlled word (``graph.model.words``); the shapes must use only
declared terms and must tell a valid article graph from broken ones; the
context must be usable offline.
"""

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, SH, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.model import words
from graph.rdf import terms

DATA = Path(__file__).resolve().parent.parent / "data"
VOCAB = DATA / "canon.ttl"
SHAPES = DATA / "shapes.ttl"
CONTEXT = DATA / "context.jsonld"

WORD_LISTS = ("EVENTS", "MODES", "CREW_ROLES", "RELATIONS", "EPISODE_WORDS")


def canon(name):
    """Return the canon vocabulary IRI of a local name."""
    return URIRef(terms.CANON + name)


def schema(name):
    """Return the schema.org IRI of a local name."""
    return URIRef(terms.SCHEMA + name)


def ident(path):
    """Return a canon data IRI (under https://w3id.org/canon/id/)."""
    return URIRef(terms.ID + path)


DERIVED = URIRef(terms.WAS_DERIVED_FROM)
CONTENT_HASH = hashlib.sha256(b"David Tennant's villainous Kilgrave would return").hexdigest()
ARTICLE = URIRef(terms.article_iri("a.txt", CONTENT_HASH))
EVIDENCE = ident("evidence/" + "e" * 24)
PORTRAYAL = ident("claim/portrayal/" + "a" * 24)
EVENT = ident("claim/event/" + "b" * 24)
ACTOR = URIRef(terms.entity_iri("person", "David Tennant"))
CHARACTER = URIRef(terms.entity_iri("character", "Kilgrave"))
WORK = URIRef(terms.entity_iri("work", "Jessica Jones"))


def canon_iris_of_terms():
    """Return every IRI in the canon namespace that graph.rdf.terms names."""
    found = set()
    for name, value in vars(terms).items():
        if name.startswith("_"):
            continue
        values = value.values() if isinstance(value, dict) else [value]
        for item in values:
            if isinstance(item, str) and item.startswith(terms.CANON) and item != terms.CANON:
                found.add(item)
    return found


def canon_iris_of_words():
    """Return canon:<word> for every controlled word of graph.model.words."""
    return {terms.word_iri(word) for name in WORD_LISTS for word in getattr(words, name)}


@pytest.fixture(scope="module")
def vocabulary():
    """The canon vocabulary, parsed by rdflib."""
    return Graph().parse(VOCAB, format="turtle")


@pytest.fixture(scope="module")
def shapes():
    """The canon SHACL shapes, parsed by rdflib."""
    return Graph().parse(SHAPES, format="turtle")


def valid_graph():
    """Return a small article graph written the way the store writes it.

    One article, one piece of evidence, one portrayal with actor, character and
    work, and the three entities with labels and names.
    """
    g = Graph()
    g.add((ARTICLE, RDF.type, schema("NewsArticle")))
    g.add((ARTICLE, canon("docName"), Literal("jessica-jones-s2.txt")))
    g.add((ARTICLE, canon("contentHash"), Literal(CONTENT_HASH)))
    g.add((ARTICLE, schema("headline"), Literal("Jessica Jones season 2 review")))
    g.add((ARTICLE, schema("about"), WORK))

    g.add((EVIDENCE, RDF.type, canon("Evidence")))
    g.add((EVIDENCE, DERIVED, ARTICLE))
    g.add((EVIDENCE, canon("quote"), Literal("David Tennant's villainous Kilgrave would return")))
    g.add((EVIDENCE, canon("start"), Literal(131)))
    g.add((EVIDENCE, canon("end"), Literal(176)))
    g.add((EVIDENCE, canon("rule"), Literal("portrayal.possessive")))
    g.add((EVIDENCE, canon("confidence"), Literal(Decimal("0.9"))))

    g.add((PORTRAYAL, RDF.type, canon("Portrayal")))
    g.add((PORTRAYAL, canon("actor"), ACTOR))
    g.add((PORTRAYAL, canon("character"), CHARACTER))
    g.add((PORTRAYAL, canon("work"), WORK))
    g.add((PORTRAYAL, canon("season"), Literal(2)))
    g.add((PORTRAYAL, canon("evidence"), EVIDENCE))
    g.add((PORTRAYAL, DERIVED, ARTICLE))

    entities = [
        (ACTOR, schema("Person"), "David Tennant"),
        (CHARACTER, canon("Character"), "Kilgrave"),
        (WORK, schema("CreativeWork"), "Jessica Jones"),
    ]
    for node, cls, name in entities:
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(name)))
        g.add((node, schema("name"), Literal(name)))
    g.add((WORK, schema("actor"), ACTOR))
    g.add((WORK, schema("character"), CHARACTER))
    return g


def add_event(g, event_type, episode=None):
    """Add an otherwise valid event claim about Kilgrave to ``g``."""
    g.add((EVENT, RDF.type, canon("Event")))
    g.add((EVENT, canon("character"), CHARACTER))
    g.add((EVENT, canon("eventType"), event_type))
    if episode is not None:
        g.add((EVENT, canon("episode"), episode))
    g.add((EVENT, canon("evidence"), EVIDENCE))
    g.add((EVENT, DERIVED, ARTICLE))


def drop_actor(g):
    """Remove the portrayal's actor."""
    g.remove((PORTRAYAL, canon("actor"), None))


def exploded_event(g):
    """Add an event whose type is not a controlled word."""
    add_event(g, canon("exploded"))


def negative_start(g):
    """Give the evidence a start offset below zero."""
    g.set((EVIDENCE, canon("start"), Literal(-1)))


def confidence_above_one(g):
    """Give the evidence a confidence of 1.5."""
    g.set((EVIDENCE, canon("confidence"), Literal(Decimal("1.5"))))


def violations(g, shapes):
    """Return (conforms, [(focus, path, component, message)]) of ``g`` under the shapes."""
    conforms, report, _ = validate(g, shacl_graph=shapes)
    results = [
        (
            report.value(result, SH.focusNode),
            report.value(result, SH.resultPath),
            report.value(result, SH.sourceConstraintComponent),
            str(report.value(result, SH.resultMessage)),
        )
        for result in report.subjects(RDF.type, SH.ValidationResult)
    ]
    return conforms, results


@pytest.mark.parametrize("path", [VOCAB, SHAPES], ids=["canon.ttl", "shapes.ttl"])
def test_turtle_parses_alike_with_rdflib_and_oxigraph(path):
    """Both parsers read the file and find the same number of triples."""
    by_rdflib = Graph().parse(path, format="turtle")
    by_oxigraph = set(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(by_rdflib) > 0
    assert len(by_oxigraph) == len(by_rdflib)


def test_vocabulary_is_an_ontology_with_label_comment_and_version(vocabulary):
    """The vocabulary document describes itself."""
    ontology = URIRef(terms.CANON.rstrip("#"))
    owl = "http://www.w3.org/2002/07/owl#"
    assert (ontology, RDF.type, URIRef(owl + "Ontology")) in vocabulary
    assert vocabulary.value(ontology, RDFS.label) is not None
    assert vocabulary.value(ontology, RDFS.comment) is not None
    assert vocabulary.value(ontology, URIRef(owl + "versionInfo")) is not None


def test_terms_module_names_canon_iris():
    """The collection below is not vacuous: it finds the classes and properties."""
    found = canon_iris_of_terms()
    assert terms.CANON + "Portrayal" in found
    assert terms.CANON + "contentHash" in found
    assert len(found) >= 30


@pytest.mark.parametrize(
    "iri",
    sorted(canon_iris_of_terms() | canon_iris_of_words()),
    ids=lambda iri: terms.word_of(iri),
)
def test_every_canon_iri_is_declared_with_label_and_comment(vocabulary, iri):
    """Each canon IRI the code writes has a type, a label and a comment in canon.ttl."""
    node = URIRef(iri)
    assert vocabulary.value(node, RDF.type) is not None, f"{iri} is not declared in canon.ttl"
    assert vocabulary.value(node, RDFS.label) is not None, f"{iri} has no rdfs:label"
    assert vocabulary.value(node, RDFS.comment) is not None, f"{iri} has no rdfs:comment"


@pytest.mark.parametrize(
    ("words_name", "class_name"),
    [
        ("EVENTS", "EventType"),
        ("MODES", "PresenceMode"),
        ("CREW_ROLES", "CrewRoleType"),
        ("RELATIONS", "ContinuityRelation"),
        ("EPISODE_WORDS", "EpisodeMark"),
    ],
)
def test_controlled_words_are_individuals_of_their_class(vocabulary, words_name, class_name):
    """canon:death is a canon:EventType, canon:finale a canon:EpisodeMark, and so on."""
    declared = set(vocabulary.subjects(RDF.type, canon(class_name)))
    expected = {canon(word) for word in getattr(words, words_name)}
    assert declared == expected


def test_shapes_use_only_declared_canon_terms(vocabulary, shapes):
    """Every canon IRI in shapes.ttl (paths, classes, sh:in members) is in canon.ttl."""
    used = {
        node
        for triple in shapes
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(terms.CANON)
    }
    assert canon("eventType") in used
    undeclared = sorted(str(node) for node in used if vocabulary.value(node, RDF.type) is None)
    assert undeclared == []


def test_shapes_list_every_controlled_word(shapes):
    """The sh:in lists of the shapes hold exactly the controlled words of words.py."""
    listed = set()
    for _, values in shapes.subject_objects(SH["in"]):
        listed.update(shapes.items(values))
    expected = {URIRef(iri) for iri in canon_iris_of_words()}
    assert listed == expected


def test_every_shape_has_a_comment(shapes):
    """Each named node shape and property shape explains itself."""
    named = {
        shape
        for cls in (SH.NodeShape, SH.PropertyShape)
        for shape in shapes.subjects(RDF.type, cls)
    }
    assert named
    assert sorted(str(s) for s in named if shapes.value(s, RDFS.comment) is None) == []


def test_valid_graph_conforms(shapes):
    """The hand-built article graph passes every shape."""
    conforms, results = violations(valid_graph(), shapes)
    assert conforms, results


@pytest.mark.parametrize("episode", [Literal(3), canon("finale"), canon("premiere")])
def test_valid_event_conforms(shapes, episode):
    """An event with a controlled type and an episode number or mark passes."""
    g = valid_graph()
    add_event(g, canon("death"), episode)
    conforms, results = violations(g, shapes)
    assert conforms, results


def add_season(g, series=True):
    """Add a season claim and the season entity for Jessica Jones season 2 to ``g``."""
    season = URIRef(terms.season_iri("Jessica Jones", 2))
    claim = ident("claim/season/" + "c" * 24)
    g.add((claim, RDF.type, canon("SeasonClaim")))
    g.add((claim, canon("work"), WORK))
    g.add((claim, canon("season"), Literal(2)))
    g.add((claim, canon("evidence"), EVIDENCE))
    g.add((claim, DERIVED, ARTICLE))
    g.add((season, RDF.type, schema("TVSeason")))
    g.add((season, RDFS.label, Literal("Jessica Jones season 2")))
    g.add((season, schema("name"), Literal("Jessica Jones season 2")))
    g.add((season, schema("partOfSeries"), WORK))
    g.add((season, schema("seasonNumber"), Literal(2)))
    g.add((WORK, schema("containsSeason"), season))
    if series:
        g.add((WORK, RDF.type, schema("TVSeries")))


def test_valid_season_conforms(shapes):
    """A season claim, its TVSeason and a work typed TVSeries pass."""
    g = valid_graph()
    add_season(g)
    conforms, results = violations(g, shapes)
    assert conforms, results


def test_work_with_seasons_must_be_a_series(shapes):
    """A work that contains seasons but is not typed schema:TVSeries is reported."""
    g = valid_graph()
    add_season(g, series=False)
    conforms, results = violations(g, shapes)
    assert not conforms
    assert [(focus, component) for focus, _, component, _ in results] == [
        (WORK, SH.ClassConstraintComponent)
    ]
    assert "schema:TVSeries" in results[0][3]


@pytest.mark.parametrize(
    ("defect", "focus", "path", "component", "message"),
    [
        (drop_actor, PORTRAYAL, "actor", "MinCountConstraintComponent", "exactly one canon:actor"),
        (exploded_event, EVENT, "eventType", "InConstraintComponent", "canon:death"),
        (negative_start, EVIDENCE, "start", "MinInclusiveConstraintComponent", "canon:start"),
        (
            confidence_above_one,
            EVIDENCE,
            "confidence",
            "MaxInclusiveConstraintComponent",
            "from 0 to 1",
        ),
    ],
    ids=["portrayal-without-actor", "event-exploded", "negative-start", "confidence-1.5"],
)
def test_defect_does_not_conform(shapes, defect, focus, path, component, message):
    """Each single defect is reported, on the right node and property, with a clear message."""
    g = valid_graph()
    defect(g)
    conforms, results = violations(g, shapes)
    assert not conforms
    assert [(f, p, c) for f, p, c, _ in results] == [(focus, canon(path), SH[component])]
    assert message in results[0][3]


def remote_references(value):
    """Return the values of ``@context`` and ``@import`` keys, at any depth, that name documents.

    An embedded context is an object; a string (or a string in a list) is a
    reference a JSON-LD processor would fetch.
    """
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("@context", "@import"):
                items = item if isinstance(item, list) else [item]
                found.extend(ref for ref in items if isinstance(ref, str))
            found.extend(remote_references(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(remote_references(item))
    return found


def test_context_is_local_json():
    """context.jsonld is JSON whose @context is an embedded object with nothing to fetch."""
    document = json.loads(CONTEXT.read_text(encoding="utf-8"))
    assert isinstance(document["@context"], dict)
    assert remote_references(document) == []


def test_remote_reference_check_finds_urls():
    """The check above would catch a remote context, in a list or scoped to a term."""
    url = "https://schema.org/docs/jsonldcontext.jsonld"
    assert remote_references({"@context": url}) == [url]
    assert remote_references({"@context": [url, {"a": "b"}]}) == [url]
    assert remote_references({"@context": {"t": {"@id": "x:t", "@context": url}}}) == [url]
    assert remote_references({"@context": {"@import": url}}) == [url]


def test_context_maps_canon_terms():
    """The context names the canon prefixes, and types offsets, seasons and links."""
    context = json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]
    assert context["canon"] == terms.CANON
    assert context["schema"] == terms.SCHEMA
    assert context["prov"] == terms.PROV
    for name in ("start", "end", "season"):
        assert context[name]["@type"] == "xsd:integer"
    for name in ("actor", "character", "work", "evidence", "wasDerivedFrom", "target"):
        assert context[name]["@type"] == "@id"


def test_jsonld_with_context_round_trips():
    """The valid graph written as JSON-LD with the context reads back the same in both parsers."""
    g = valid_graph()
    add_event(g, canon("death"), canon("finale"))
    context = json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]
    text = g.serialize(format="json-ld", context=context)
    body = json.loads(text)
    event = next(node for node in body["@graph"] if node["id"] == str(EVENT))
    assert event["eventType"] == "death"
    assert event["episode"] == "finale"
    assert isomorphic(Graph().parse(data=text, format="json-ld"), g)
    by_oxigraph = list(pyoxigraph.parse(text.encode("utf-8"), format=pyoxigraph.RdfFormat.JSON_LD))
    assert len(by_oxigraph) == len(g)
