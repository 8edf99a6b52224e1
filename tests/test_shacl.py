"""The shapes compiled to SPARQL give pyshacl's verdict: on canon's own data (no
problem) and on each way of breaking it, the same focus nodes, paths and messages."""

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from pyshacl import validate

from graph.errors import CanonError
from graph.exchange import import_file
from graph.rdf import terms as t
from graph.rdf.convert import to_graph
from graph.rdf.shacl import compile_shapes
from graph.rdf.validate import MAX_PROBLEMS, problems, shapes_graph
from graph.store import open_store

CONTINUITY = Path(__file__).parent / "data" / "continuity"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
XSD_INTEGER = ox.NamedNode(t.XSD + "integer")


def pyshacl_problems(quads):
    """The reference: pyshacl over an rdflib copy, reported as problems() reports."""
    conforms, report, _ = validate(to_graph(quads), shacl_graph=shapes_graph(), advanced=False)
    if conforms:
        return []
    found = set()
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        found.add(f"{focus} {path or ''}: {message}".strip())
    return sorted(found)[:MAX_PROBLEMS]


@pytest.fixture(scope="module")
def quads():
    """The quads of every continuity test bible, imported unchecked."""
    with open_store("memory:") as store:
        for path in sorted(CONTINUITY.glob("*.jsonl")):
            import_file(store, path, validate=False)
        return list(store.quads())


def _node(iri):
    return ox.NamedNode(iri)


def _first(quads, predicate):
    return next(q for q in quads if q.predicate.value == predicate)


def _swap(quads, predicate, obj):
    """The quads with the first value of ``predicate`` replaced by ``obj``."""
    old = _first(quads, predicate)
    return [q for q in quads if q != old] + [ox.Quad(old.subject, old.predicate, obj,
                                                      old.graph_name)]


def _typed(quads, cls):
    return next(q.subject for q in quads if q.predicate.value == t.RDF_TYPE
                and q.object.value == cls)


def _add(quads, subject, predicate, obj):
    return quads + [ox.Quad(subject, _node(predicate), obj, quads[0].graph_name)]


MUTATIONS = {
    "no quotes": lambda q: [x for x in q if x.predicate.value != t.QUOTE],
    "two modes": lambda q: _add(q, _typed(q, t.CLAIM_CLASSES["appearance"]),
                                t.CANON + "mode", _node(t.CANON + "dream")) +
    [ox.Quad(_typed(q, t.CLAIM_CLASSES["appearance"]), _node(t.CANON + "mode"),
             _node(t.CANON + "ghost"), q[0].graph_name)],
    "start as text": lambda q: _swap(q, t.START, ox.Literal("x")),
    "start after end": lambda q: _swap(q, t.START, ox.Literal("99999", datatype=XSD_INTEGER)),
    "actor is a character": lambda q: _swap(
        q, t.CANON + "actor", _typed(q, t.ENTITY_CLASSES["character"])),
    "unknown event word": lambda q: _swap(q, t.CANON + "eventType", _node(t.CANON + "nap")),
    "no article types": lambda q: [x for x in q if not (
        x.predicate.value == t.RDF_TYPE and x.object.value == t.ENTITY_CLASSES["article"])],
    "negative season": lambda q: _swap(q, t.SCHEMA + "seasonNumber",
                                       ox.Literal("-1", datatype=XSD_INTEGER)),
    "bad hash": lambda q: _swap(q, t.CONTENT_HASH, ox.Literal("abc")),
    "episode as text": lambda q: _swap(q, t.CANON + "episode", ox.Literal("three")),
    "series untyped": lambda q: [x for x in q if not (
        x.predicate.value == t.RDF_TYPE and x.object.value == t.ENTITY_CLASSES["series"])],
    "blank claim": lambda q: _add(q, ox.BlankNode("b1"), t.RDF_TYPE,
                                  _node(t.CLAIM_CLASSES["crew"])),
    "bare placement": lambda q: _add(q, _node(t.ID + "claim/placement/ab12"), t.RDF_TYPE,
                                     _node(t.CLAIM_CLASSES["placement"])),
    "published as a number": lambda q: _add(
        q, _typed(q, t.ENTITY_CLASSES["article"]), t.SCHEMA + "datePublished",
        ox.Literal("2", datatype=XSD_INTEGER)),
}


def test_canon_data_conforms_in_both(quads):
    assert problems(quads) == pyshacl_problems(quads) == []


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_break_is_reported_as_pyshacl_reports_it(quads, name):
    broken = MUTATIONS[name](list(quads))
    expected = pyshacl_problems(broken)
    assert expected, f"the mutation {name!r} breaks nothing"
    assert problems(broken) == expected


def test_a_shape_the_compiler_lacks_is_refused():
    """A constraint graph.rdf.shacl does not compile is an error, never skipped."""
    shapes = rdflib.Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://e.org/S> sh:targetClass <https://e.org/C> ; sh:closed true .
    """, format="turtle")
    with pytest.raises(CanonError) as info:
        compile_shapes(shapes)
    assert "shacl#closed" in str(info.value) and "not supported" in str(info.value)
