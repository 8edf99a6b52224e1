"""RDF formats by name: the registry every export and import goes through.

``turtle`` and ``ntriples`` hold triples (the union of all article graphs);
``nquads``, ``trig`` and ``jsonld`` keep one named graph per article. Output is
sorted, so two stores with the same quads write the same bytes.

>>> sorted(FORMATS)
['jsonld', 'nquads', 'ntriples', 'trig', 'turtle']
>>> format_for("ttl2")
Traceback (most recent call last):
...
graph.errors.FormatError: unknown format 'ttl2': use one of turtle, ntriples, nquads, trig, jsonld
"""

import io
import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import FormatError
from graph.rdf import terms as t
from graph.rdf.convert import to_dataset
from graph.rdf.resources import jsonld_context

PREFIXES = {"canon": t.CANON, "schema": t.SCHEMA, "prov": t.PROV, "rdfs": t.RDFS,
            "xsd": t.XSD}


@dataclass(frozen=True)
class RdfFormat:
    """A named RDF format: its file suffixes, media type and whether it keeps graphs."""

    name: str
    suffixes: tuple
    media_type: str
    datasets: bool
    oxigraph: object


FORMATS = {
    f.name: f for f in (
        RdfFormat("turtle", (".ttl",), "text/turtle", False, ox.RdfFormat.TURTLE),
        RdfFormat("ntriples", (".nt",), "application/n-triples", False, ox.RdfFormat.N_TRIPLES),
        RdfFormat("nquads", (".nq",), "application/n-quads", True, ox.RdfFormat.N_QUADS),
        RdfFormat("trig", (".trig",), "application/trig", True, ox.RdfFormat.TRIG),
        RdfFormat("jsonld", (".jsonld", ".json"), "application/ld+json", True,
                  ox.RdfFormat.JSON_LD),
    )
}


def format_for(name):
    """Return the RdfFormat called ``name``; raise FormatError listing the names otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise FormatError(f"unknown format {name!r}: use one of {', '.join(FORMATS)}") from None


def format_of_path(path):
    """Return the RdfFormat a file's suffix names, or None for an unknown suffix."""
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    return None


def _sort_key(q):
    graph = getattr(q, "graph_name", None)
    return (str(graph) if graph is not None else "", str(q.subject), str(q.predicate),
            str(q.object))


def serialize(quads, fmt):
    """Return the bytes of ``quads`` written in RdfFormat ``fmt``."""
    quads = list(quads)
    if fmt.name == "jsonld":
        dataset = to_dataset(sorted(quads, key=_sort_key))
        text = dataset.serialize(format="json-ld", context=jsonld_context(), indent=1,
                                 auto_compact=True)
        return text.encode("utf-8")
    if not fmt.datasets:
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads},
                         key=_sort_key)
        return ox.serialize(triples, format=fmt.oxigraph, prefixes=PREFIXES
                            if fmt.name == "turtle" else None)
    return ox.serialize(sorted(quads, key=_sort_key), format=fmt.oxigraph,
                        prefixes=PREFIXES if fmt.name == "trig" else None)


def parse(path, fmt):
    """Return the quads of an RDF file (triples land in the default graph).

    Raises FormatError naming the file, line and problem for a syntax error.
    """
    data = Path(path).read_bytes()
    if fmt.name == "jsonld":
        _check_local_context(path, data)
    try:
        return list(ox.parse(io.BytesIO(data), format=fmt.oxigraph))
    except SyntaxError as exc:
        raise FormatError(f"{path}: not valid {fmt.name}: {exc}") from None


def _check_local_context(path, data):
    """Refuse a JSON-LD file whose @context points at a URL: it would be fetched."""
    try:
        doc = json.loads(data)
    except ValueError as exc:
        raise FormatError(f"{path}: not valid jsonld: {exc}") from None
    contexts = []
    for node in doc if isinstance(doc, list) else [doc]:
        if isinstance(node, dict) and "@context" in node:
            ctx = node["@context"]
            contexts.extend(ctx if isinstance(ctx, list) else [ctx])
    if any(isinstance(c, str) for c in contexts):
        raise FormatError(
            f"{path}: its @context is a URL, which canon will not fetch; inline the context"
        )
