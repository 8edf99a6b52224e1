"""The read-only SPARQL endpoint's engine: run one query over the store under a time
and a row limit, and write its results in the format a client asked for.

Why a process per query: pyoxigraph offers no way to cancel a running query, and
a thread cannot be stopped from outside; an ORDER BY or a COUNT over a cross join
computes everything before its first row, so even reading rows one at a time
against a clock would not end it. Each query therefore runs in a forked worker
that is killed when the time is up. The fork shares the store's memory (an
in-memory store included) copy-on-write and costs some 10-30 ms; the worker only
reads, so killing it leaves the store as it was. How many workers run at once and
how much memory each may take is webviz.limits' to bound.

Why updates cannot run: ``Store.query`` parses queries only, so INSERT, DELETE,
LOAD... are syntax errors there; ``is_update`` only picks the clearer message.
SERVICE would make pyoxigraph fetch from another server, so it is refused.

>>> is_update("PREFIX ex: <http://example.com/#> # a comment\\nINSERT DATA { ex:a ex:b ex:c }")
True
>>> is_update("SELECT * WHERE { ?s ?p ?o }")
False
"""

import re
from dataclasses import dataclass

import pyoxigraph as ox

from graph.errors import CanonError, StoreError
from graph.rdf.formats import FORMATS, serialize
from webviz import limits

# SPARQL results formats by the name ?format= takes, for SELECT and ASK.
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
# RDF formats (graph.rdf.formats names) for CONSTRUCT and DESCRIBE, Turtle first.
GRAPH_FORMATS = ("turtle", "ntriples", "jsonld")
# An answer's size past which it is cut, whatever its number of rows: 10,000 rows
# that each repeat an article's text would otherwise fill the memory.
MAX_BYTES = 16 * 1024 * 1024
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE",
                   "COPY", "WITH")
_PROLOGUE = re.compile(r"\s+|#[^\n]*|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>", re.IGNORECASE)
_UPDATE = re.compile(rf"(?:{'|'.join(UPDATE_KEYWORDS)})\b", re.IGNORECASE)
# The keyword, not a variable (?service), a prefixed name (ex:service) or a prefix.
_SERVICE = re.compile(r"(?<![?$:\w])SERVICE(?![\w:-])", re.IGNORECASE)


class QueryError(CanonError):
    """A query refused before or while parsing: a syntax error, an update, SERVICE."""


class QueryTimeout(CanonError):
    """A query still running when its time limit passed (its worker was killed)."""


class QueryMemory(CanonError):
    """A query whose worker went past its memory limit."""


@dataclass(frozen=True)
class Outcome:
    """What a query gave: ``form`` is "solutions" (``data`` holds SPARQL TSV bytes),
    "boolean" (``data`` is a bool) or "graph" (``data`` holds N-Triples bytes);
    ``truncated`` says rows or triples past the limit were left out."""

    form: str
    data: object
    truncated: bool = False


def is_update(text):
    """Return True when ``text``, after its PREFIX and BASE lines and comments, starts
    with a SPARQL Update keyword (INSERT, DELETE, LOAD, CLEAR, DROP...)."""
    position = 0
    while match := _PROLOGUE.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    return bool(_UPDATE.match(text, position))


def check(text):
    """Return None for query text this endpoint may run; raise QueryError saying why
    not for an update or a SERVICE call."""
    if is_update(text):
        raise QueryError("updates are refused: this endpoint only reads "
                         "(SELECT, ASK, CONSTRUCT or DESCRIBE)")
    if _SERVICE.search(text):
        raise QueryError("SERVICE is refused: this endpoint never fetches from other servers")


def _term(term):
    """Return a term as SPARQL TSV writes it: N-Triples syntax, which str() gives."""
    return "" if term is None else str(term)


def _lines(result, names):
    """Yield the answer's lines: N-Triples for a graph (``names`` None), else TSV rows."""
    if names is None:
        for triple in result:
            yield f"{triple} .\n"
    else:
        for row in result:
            yield "\t".join(_term(row[name]) for name in names) + "\n"


def evaluate(store, text, row_limit, max_bytes):
    """Return the Outcome of a query run over ``store``, cut at ``row_limit`` rows or
    triples or at about ``max_bytes`` of answer. Raises QueryError with the parser's
    message for a syntax error."""
    try:
        result = store.query(text)
    except SyntaxError as error:
        raise QueryError(f"the query does not parse: {error}") from None
    if isinstance(result, ox.QueryBoolean):
        return Outcome("boolean", bool(result))
    graph = isinstance(result, ox.QueryTriples)
    names = None if graph else [variable.value for variable in result.variables]
    head = "" if graph else "\t".join(f"?{name}" for name in names) + "\n"
    parts, size, truncated = [head.encode("utf-8")], len(head), False
    for count, line in enumerate(_lines(result, names)):
        data = line.encode("utf-8")
        if count == row_limit or size + len(data) > max_bytes:
            truncated = True
            break
        parts.append(data)
        size += len(data)
    return Outcome("graph" if graph else "solutions", b"".join(parts), truncated)


def _work(store, text, cuts):
    """Run in the worker: return ("ok", Outcome) or ("error", message); ``cuts`` is
    (row limit, byte limit)."""
    try:
        return "ok", evaluate(store, text, *cuts)
    except QueryError as error:
        return "error", str(error)
    except (OSError, StoreError) as error:
        # StoreError: a SPARQL server store that is down or refuses the query.
        return "error", f"the store could not answer: {error}"


def run_query(store, text, *, timeout, row_limit, max_bytes, workers):
    """Return the Outcome of a read-only query run in a worker process of ``workers``
    (a webviz.limits.Workers: the cap on concurrent workers and their memory) that is
    killed after ``timeout`` seconds, its answer cut at ``row_limit`` rows or about
    ``max_bytes`` bytes.

    Raises QueryError for an update, SERVICE, a syntax error or a failed read,
    QueryTimeout when the time ran out, QueryMemory past the worker's memory limit,
    and webviz.limits.Busy when no worker was free within the wait."""
    check(text)
    try:
        status, value = workers.run(_work, (store, text, (row_limit, max_bytes)),
                                    timeout=timeout)
    except limits.WorkerTimeout as error:
        raise QueryTimeout(f"the query {error}: narrow its patterns or add a LIMIT") from None
    except limits.WorkerMemory as error:
        raise QueryMemory(f"the query {error}: narrow its patterns, add a LIMIT, or "
                          "drop the ORDER BY") from None
    except limits.WorkerDied as error:
        raise QueryError(f"the query {error}") from None
    if status == "error":
        raise QueryError(value)
    return value


def solutions(outcome):
    """Return the QuerySolutions or QueryBoolean an Outcome of a SELECT or ASK holds."""
    if outcome.form == "boolean":
        return ox.parse_query_results(
            b'{"head":{},"boolean":%s}' % (b"true" if outcome.data else b"false"),
            ox.QueryResultsFormat.JSON)
    return ox.parse_query_results(outcome.data, ox.QueryResultsFormat.TSV)


def triples(outcome):
    """Return the triples of an Outcome of a CONSTRUCT or DESCRIBE, as default-graph quads."""
    return [ox.Quad(t.subject, t.predicate, t.object)
            for t in ox.parse(outcome.data, format=ox.RdfFormat.N_TRIPLES)]


def write(outcome, name):
    """Return (bytes, media type) of an Outcome written in the format called ``name``:
    a RESULT_FORMATS name for SELECT and ASK, a GRAPH_FORMATS name for a graph."""
    if outcome.form == "graph":
        fmt = FORMATS[name]
        return serialize(triples(outcome), fmt), fmt.media_type
    fmt = RESULT_FORMATS[name]
    return solutions(outcome).serialize(format=fmt), fmt.media_type


def formats_for(form):
    """Return the format names a query form can be written in, the default first."""
    return GRAPH_FORMATS if form == "graph" else tuple(RESULT_FORMATS)
