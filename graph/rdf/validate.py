"""SHACL validation of canon's RDF against ``data/shapes.ttl``, run as SPARQL on
pyoxigraph's engine (the shapes compiled by ``graph.rdf.shacl``)."""

from functools import lru_cache

import pyoxigraph as ox
import rdflib

from graph.rdf.resources import SHAPES, resource
from graph.rdf.shacl import compile_shapes

MAX_PROBLEMS = 20
SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


@lru_cache(maxsize=1)
def shapes_graph():
    """Return the parsed SHACL shapes graph."""
    return rdflib.Graph().parse(resource(SHAPES), format="turtle")


@lru_cache(maxsize=2)
def checks(subclasses):
    """Return the compiled checks of the shapes (graph.rdf.shacl.Check), following
    rdfs:subClassOf in the data or not."""
    return compile_shapes(shapes_graph(), subclasses)


def problems(quads):
    """Return the SHACL violations of the union of ``quads`` as one-line strings
    (at most MAX_PROBLEMS), empty when the data conforms.

    The triples are loaded into the default graph of an in-memory pyoxigraph store
    (each once: an entity named by many articles is not matched once per article's
    graph) and every check runs there.
    """
    data = ox.Store()
    data.extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    subclasses = data.query(f"ASK {{ ?a <{SUBCLASS_OF}> ?b }}")
    found = set()
    for check in checks(bool(subclasses)):
        for row in data.query(check.query):
            found.add(f"{row['focus'].value} {check.path or ''}: {check.message}".strip())
    return sorted(found)[:MAX_PROBLEMS]
