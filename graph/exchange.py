"""Moving a graph in and out of the store as files: RDF exports, and imports of
RDF or FACTS JSON Lines (a hand-written story bible beside the articles).

An import of JSON Lines groups the facts by their ``source.doc``; each doc becomes
the named graph of that article, as if it had been ingested. An RDF import keeps
the named graphs it carries and puts default-graph triples into a graph named
after the file. Blank nodes get IRIs derived from the file, since a SPARQL store
cannot address them. Nothing is written unless the whole file is good.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import CanonError, FormatError
from graph.model.facts import fact_from_json
from graph.rdf import terms as t
from graph.rdf.formats import format_for, format_of_path, parse, serialize
from graph.rdf.mapping import article_quads
from graph.rdf.validate import problems

FACTS_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class ImportedDoc:
    """What an import knows of an article it never read: its name and a hash."""

    doc: str
    content_hash: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    work: str | None = None


def export_bytes(store, format_name):
    """Return the whole store serialized in the named format."""
    return serialize(store.quads(), format_for(format_name))


def read_facts_file(path):
    """Return {doc: [Fact]} from a FACTS JSON Lines file.

    Raises FormatError naming the file and line of the first bad line.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(f"{path}: cannot read facts: {exc}") from None
    by_doc = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            fact = fact_from_json(json.loads(line), doc=path.name)
        except (ValueError, CanonError) as exc:
            raise FormatError(f"{path}:{number}: {exc}") from None
        by_doc.setdefault(fact.evidence.doc, []).append(fact)
    if not by_doc:
        raise FormatError(f"{path}: no facts in the file")
    return by_doc


def _skolemize(term, base):
    if isinstance(term, ox.BlankNode):
        return ox.NamedNode(f"{t.ID}bnode/{base}/{term.value}")
    return term


def read_rdf_file(path, fmt):
    """Return {graph IRI: [Quad]} from an RDF file, blank nodes skolemized."""
    quads = parse(path, fmt)
    base = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    default = t.graph_iri(Path(path).name)
    graphs = {}
    for q in quads:
        graph = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else default
        fixed = ox.Quad(_skolemize(q.subject, base), q.predicate, _skolemize(q.object, base),
                        ox.NamedNode(graph))
        graphs.setdefault(graph, []).append(fixed)
    if not graphs:
        raise FormatError(f"{path}: no triples in the file")
    return graphs


def import_file(store, path, format_name=None, validate=True):
    """Import an RDF or FACTS JSON Lines file into the store, in one transaction.

    Returns a dict: kind ("facts" or "rdf"), graphs, quads or facts.
    Raises FormatError for an unknown format, a syntax error, or (with
    ``validate``) data that breaks the SHACL shapes.
    """
    path = Path(path)
    if not path.is_file():
        raise FormatError(f"{path}: no such file")
    if format_name == "facts" or (format_name is None and path.suffix in FACTS_SUFFIXES):
        by_doc = read_facts_file(path)
        extracted = []
        for doc, facts in by_doc.items():
            lines = json.dumps([f.to_json() for f in facts], sort_keys=True)
            digest = hashlib.sha256(lines.encode("utf-8")).hexdigest()
            extracted.append((ImportedDoc(doc=doc, content_hash=digest, source=path.name), facts))
        graphs = {t.graph_iri(a.doc): article_quads(a, facts) for a, facts in extracted}
        kind, count = "facts", sum(len(f) for f in by_doc.values())
    else:
        fmt = format_for(format_name) if format_name else format_of_path(path)
        if fmt is None:
            raise FormatError(
                f"{path}: cannot tell the format from the suffix {path.suffix!r}: pass --format "
                "(turtle, ntriples, nquads, trig, jsonld or facts)"
            )
        graphs = read_rdf_file(path, fmt)
        kind, count = "rdf", sum(len(q) for q in graphs.values())
    if validate:
        found = problems(q for quads in graphs.values() for q in quads)
        if found:
            raise FormatError(
                f"{path}: does not conform to canon's shapes ({len(found)} problems), "
                f"first: {found[0]}"
            )
    store.replace_graphs(graphs)
    return {"kind": kind, "graphs": len(graphs), "count": count}
