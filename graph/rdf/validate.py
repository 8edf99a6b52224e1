"""SHACL validation of canon's RDF against ``data/shapes.ttl`` (pyshacl)."""

from functools import lru_cache

import rdflib

from graph.rdf.convert import to_graph
from graph.rdf.resources import SHAPES, resource

MAX_PROBLEMS = 20


@lru_cache(maxsize=1)
def shapes_graph():
    """Return the parsed SHACL shapes graph."""
    return rdflib.Graph().parse(resource(SHAPES), format="turtle")


def problems(quads):
    """Return the SHACL violations of the union of ``quads`` as one-line strings
    (at most MAX_PROBLEMS), empty when the data conforms."""
    from pyshacl import validate  # heavy import, paid only when validating

    data = to_graph(quads)
    conforms, report, _ = validate(data, shacl_graph=shapes_graph(), advanced=False)
    if conforms:
        return []
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    found = []
    for result in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = report.value(result, sh.focusNode)
        path = report.value(result, sh.resultPath)
        message = report.value(result, sh.resultMessage)
        found.append(f"{focus} {path or ''}: {message}".strip())
    return sorted(found)[:MAX_PROBLEMS]
