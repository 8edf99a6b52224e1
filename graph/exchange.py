"""Moving a graph in and out of the store as files: RDF exports, and imports of
RDF or FACTS JSON Lines (a hand-written story bible beside the articles).

Both directions stream. An export is written by the store's own serializer
straight into the output file. An import reads its file twice (three times with
the shapes): first passes check every line (and, when asked, the SHACL shapes,
batch by batch) so that a bad file writes nothing; the last writes batches of
about ``Store.batch_quads`` quads, each at once (graph.store.backend says how), the
next batch built while the store writes the last. Memory is bounded by two
batches, not by the file or the store.

An import of JSON Lines groups the facts by their ``source.doc`` wherever they are
in the file; each doc becomes the named graph of that article, as if it had been
ingested, and is written whole in one batch. An RDF import keeps the named graphs
it carries and puts default-graph triples into a graph named after the file; a
graph that spans batches (bigger than one, or spread through the file) replaces
the stored one with its first batch and is added to by the next. Blank nodes get
IRIs derived from the file, since a SPARQL store cannot address them.
"""

import hashlib
import io
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from graph.errors import FormatError
from graph.facts_lines import index_facts
from graph.rdf import terms as t
from graph.rdf.formats import PREFIXES, format_for, format_of_path
from graph.rdf.mapping import article_quads
from graph.rdf.resources import jsonld_context
from graph.rdf.validate import problems

FACTS_SUFFIXES = (".jsonl", ".ndjson")


def _dump(store, out, fmt):
    if fmt.name != "jsonld":
        store.dump(out, fmt.oxigraph, PREFIXES if fmt.name in ("turtle", "trig") else None)
        return
    # pyoxigraph writes expanded JSON-LD (absolute IRIs, which a context leaves as
    # they are); canon's context goes around it for readers that compact with it.
    out.write(b'{"@context": ' + json.dumps(jsonld_context()).encode() + b',\n"@graph": ')
    store.dump(out, fmt.oxigraph)
    out.write(b"}\n")


def export(store, output, format_name):
    """Write the whole store to ``output`` (a path, or a binary file) in the named
    format, streaming, in the store's index order (an on-disk store holding the
    same quads writes the same bytes). Returns None."""
    fmt = format_for(format_name)
    if isinstance(output, (str, Path)):
        with open(output, "wb") as out:
            _dump(store, out, fmt)
    else:
        _dump(store, output, fmt)


def export_bytes(store, format_name):
    """Return the whole store serialized in the named format (for small stores)."""
    out = io.BytesIO()
    export(store, out, format_name)
    return out.getvalue()


def _batches(pieces, size):
    """Yield (graphs, append) batches of about ``size`` quads from (graph IRI, quads)
    pieces: ``graphs`` maps graph IRIs to quads, ``append`` names those of them an
    earlier batch already wrote. A piece is never split."""
    seen, batch, count = set(), {}, 0
    for graph, quads in pieces:
        batch.setdefault(graph, []).extend(quads)
        count += len(quads)
        if count >= size:
            yield batch, seen & batch.keys()
            seen.update(batch)
            batch, count = {}, 0
    if batch:
        yield batch, seen & batch.keys()


def _check_shapes(path, batches):
    """Raise FormatError for the first batch that breaks the SHACL shapes."""
    for graphs, _ in batches:
        found = problems(q for quads in graphs.values() for q in quads)
        if found:
            raise FormatError(
                f"{path}: does not conform to canon's shapes ({len(found)} problems in a "
                f"batch), first: {found[0]}"
            )


def _write(store, batches):
    """Write each (graphs, append) batch, building the next one while the store
    writes the last: the writes run in a second thread, since pyoxigraph lets go
    of the GIL while it writes, with at most one batch waiting. Each batch is
    written whole or not at all; after a failure, of the store or of the file
    (changed since it was checked), the batches before it stay and no other
    starts. Returns None."""
    with ThreadPoolExecutor(max_workers=1) as writer:
        pending = None
        for graphs, append in batches:
            if pending is not None:
                pending.result()
            pending = writer.submit(store.replace_graphs, graphs, append)
        if pending is not None:
            pending.result()


def _facts_pieces(index):
    for article, facts in index.articles():
        yield t.graph_iri(article.doc), article_quads(article, facts)


def import_facts(store, path, validate=True, batch_quads=None):
    """Import a FACTS JSON Lines file, one named graph per ``source.doc``.

    Returns a dict: kind "facts", graphs, count (facts). Raises FormatError naming
    file:line for a bad line, or the shapes problem, before anything is written.
    """
    batch_quads = batch_quads or store.batch_quads
    index = index_facts(path)
    if validate:
        _check_shapes(path, _batches(_facts_pieces(index), batch_quads))
    _write(store, _batches(_facts_pieces(index), batch_quads))
    return {"kind": "facts", "graphs": len(index.docs), "count": index.facts}


def _parsed(path, fmt):
    """Yield the quads of an RDF file as pyoxigraph parses them, streaming.

    Raises FormatError naming the file, line and problem for a syntax error.
    """
    try:
        with open(path, "rb") as f:
            yield from ox.parse(f, format=fmt.oxigraph)
    except SyntaxError as exc:
        if "remote context" in str(exc):
            raise FormatError(
                f"{path}: its @context is a URL, which canon will not fetch; inline the context"
            ) from None
        raise FormatError(f"{path}: not valid {fmt.name}: {exc}") from None
    except OSError as exc:
        raise FormatError(f"{path}: cannot read: {exc}") from None


def _file_hash(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()[:16]


def _skolemize(term, base):
    if isinstance(term, ox.BlankNode):
        return ox.NamedNode(f"{t.ID}bnode/{base}/{term.value}")
    return term


def _rdf_pieces(path, fmt, size=None):
    """Yield (graph IRI, quads) runs of consecutive quads of one graph, at most
    ``size`` long (None: a run is never cut), blank nodes skolemized and
    default-graph triples moved into the file's graph."""
    base = _file_hash(path)
    default = t.graph_iri(Path(path).name)
    graph, run = None, []
    for q in _parsed(path, fmt):
        name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else default
        if run and (name != graph or (size and len(run) >= size)):
            yield graph, run
            run = []
        graph = name
        subject, obj = q.subject, q.object
        if isinstance(subject, ox.BlankNode) or isinstance(obj, ox.BlankNode):
            q = ox.Quad(_skolemize(subject, base), q.predicate, _skolemize(obj, base),
                        ox.NamedNode(name))
        elif name is default:
            q = ox.Quad(subject, q.predicate, obj, ox.NamedNode(name))
        run.append(q)
    if run:
        yield graph, run


def _survey(path, fmt):
    """Return (quads, graphs, plain) of an RDF file read once: ``plain`` when it
    holds no blank node and, for a dataset format, no default-graph quad, so that
    pyoxigraph's bulk loader can take the file as it is."""
    count, graphs, plain = 0, set(), True
    default = t.graph_iri(Path(path).name)
    for q in _parsed(path, fmt):
        count += 1
        if isinstance(q.graph_name, ox.NamedNode):
            graphs.add(q.graph_name.value)
        else:
            graphs.add(default)
            plain = plain and not fmt.datasets
        if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
            plain = False
    if not count:
        raise FormatError(f"{path}: no triples in the file")
    return count, len(graphs), plain


def import_rdf(store, path, fmt, validate=True, batch_quads=None):
    """Import an RDF file in RdfFormat ``fmt``, keeping its named graphs.

    Returns a dict: kind "rdf", graphs, count (quads). Raises FormatError for a
    syntax error (file and line) or, with ``validate``, a batch that breaks the
    shapes, before anything is written.
    """
    batch_quads = batch_quads or store.batch_quads
    count, graphs, plain = _survey(path, fmt)
    if validate:
        # The shapes need a graph whole (a claim and its article's type are in one
        # article's graph), so a run of one graph is checked whole: a triples file is
        # one graph, checked in memory at once.
        _check_shapes(path, _batches(_rdf_pieces(path, fmt), batch_quads))
    if plain and not validate and hasattr(store.backend, "bulk_load") and store.is_empty():
        target = None if fmt.datasets else ox.NamedNode(t.graph_iri(Path(path).name))
        store.backend.bulk_load(path, fmt.oxigraph, target)
    else:
        _write(store, _batches(_rdf_pieces(path, fmt, batch_quads), batch_quads))
    return {"kind": "rdf", "graphs": graphs, "count": count}


def import_file(store, path, format_name=None, validate=True, batch_quads=None):
    """Import an RDF or FACTS JSON Lines file into the store, in batches of about
    ``batch_quads`` quads (by default ``store.batch_quads``), each article whole,
    each batch written at once.

    Returns a dict: kind ("facts" or "rdf"), graphs, count (facts or quads).
    Raises FormatError for an unknown format, a syntax error, or (with
    ``validate``) data that breaks the SHACL shapes; then nothing is written.
    """
    path = Path(path)
    if not path.is_file():
        raise FormatError(f"{path}: no such file")
    if format_name == "facts" or (format_name is None and path.suffix in FACTS_SUFFIXES):
        return import_facts(store, path, validate, batch_quads)
    fmt = format_for(format_name) if format_name else format_of_path(path)
    if fmt is None:
        raise FormatError(
            f"{path}: cannot tell the format from the suffix {path.suffix!r}: pass --format "
            "(turtle, ntriples, nquads, trig, jsonld or facts)"
        )
    return import_rdf(store, path, fmt, validate, batch_quads)


def write_export(store, output, format_name):
    """Write the export to the file ``output``, or to stdout when it is None; return
    the bytes written to a file (None for stdout)."""
    if output is None:
        export(store, sys.stdout.buffer, format_name)
        sys.stdout.buffer.flush()
        return None
    # Written beside the target and renamed, so a failed export leaves no half file.
    output = Path(output)
    part = output.with_name(output.name + ".part")
    try:
        export(store, part, format_name)
        os.replace(part, output)
    finally:
        part.unlink(missing_ok=True)
    return output.stat().st_size
