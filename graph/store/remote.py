"""The SPARQL server backend: canon's quads on any SPARQL 1.1 server, over HTTP.

It speaks only the SPARQL 1.1 Protocol: queries to the query URL, updates to the
update URL (see ``endpoints``). Writes need no Graph Store Protocol: a batch of
graphs goes in ONE update request, ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH
<g> { ... } }`` for each graph, which Oxigraph applies as one transaction (other
servers as atomically as they apply one update request). Terms are written by
pyoxigraph; bound values go in as those terms and a VALUES block
(graph.store.values), never as spliced text.

canon reads the union of its named graphs as the default graph, so the server
must too: Oxigraph needs ``serve --union-default-graph``; Virtuoso reads the
union by default (tried), as GraphDB and Neptune say they do. The backend checks it when it
opens (or after its first write, on an empty server) and refuses a server that
does not. Only canon's own graphs (IRIs under its id namespace) are listed and
read back as quads, so a server may hold other data beside them.
"""

import os
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from graph.errors import StoreError
from graph.rdf.terms import ID
from graph.store.backend import _checked
from graph.store.values import with_values

# Seconds to wait for an answer; $CANON_STORE_TIMEOUT overrides it.
TIMEOUT = 300.0
RESULTS_JSON = "application/sparql-results+json"
ACCEPT_ANY = (f"{RESULTS_JSON}, application/sparql-results+xml;q=0.9, "
              "application/n-triples;q=0.8, text/turtle;q=0.5")
OURS = f'FILTER(STRSTARTS(STR(?g), "{ID}"))'
GRAPHS = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} }}"
QUADS = f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} }}"
HAS_GRAPH = "ASK { GRAPH ?g { ?s ?p ?o } }"
ONE_OF_OURS = f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} }} LIMIT 1"
IN_DEFAULT = "ASK { ?s ?p ?o }"
UNION_HINT = (
    "does not read the union of its named graphs as its default graph, which canon's "
    "queries need: start oxigraph with `oxigraph serve --union-default-graph` (Virtuoso, "
    "GraphDB and Neptune do so by default; Fuseki needs tdb2:unionDefaultGraph)"
)


def endpoints(location):
    """Return (query URL, update URL) for a store location ``http(s)://...``.

    A bare server address (``http://host:7878`` or ``.../``) means Oxigraph's layout,
    ``/query`` and ``/update``; a URL with a path is the one endpoint both go to
    (Virtuoso's ``/sparql``, Neptune's ``/sparql``, QLever). $CANON_QUERY_URL and
    $CANON_UPDATE_URL override either (Fuseki's ``/ds/query`` and ``/ds/update``,
    GraphDB's ``/repositories/r`` and ``/repositories/r/statements``)."""
    parts = urllib.parse.urlsplit(location)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(f"unknown store {location!r}: a SPARQL server is http(s)://host:port/...")
    base = location.rstrip("/")
    if parts.path in ("", "/"):
        query, update = base + "/query", base + "/update"
    else:
        query = update = location
    return (os.environ.get("CANON_QUERY_URL") or query,
            os.environ.get("CANON_UPDATE_URL") or update)


def _timeout():
    """Return the seconds to wait for an answer ($CANON_STORE_TIMEOUT, else TIMEOUT)."""
    value = os.environ.get("CANON_STORE_TIMEOUT")
    try:
        return float(value) if value else TIMEOUT
    except ValueError:
        raise StoreError(f"$CANON_STORE_TIMEOUT={value!r} is not a number of seconds") from None


def _first_line(data):
    """Return the first non-blank line of a server's error body, shortened."""
    lines = [line.strip() for line in data.decode("utf-8", "replace").splitlines()
             if line.strip()]
    return (lines[0][:300] if lines else "no message")


class ServerSyntaxError(SyntaxError):
    """The server refused a request as malformed (HTTP 400); the message is its own."""


class SparqlBackend:
    """Quads on a SPARQL 1.1 server at ``location`` (see ``endpoints``)."""

    # Quads sent in one update request by ingest and import: Oxigraph's server
    # applies a batch of 25k-100k quads about a third faster per quad than one of
    # 500k (bench/server.py), and a smaller request holds less memory on both sides.
    batch_quads = 50_000

    def __init__(self, location, create=True, read_only=False):
        self.path = location
        # Read-only refuses this object's writes; others may still write the server,
        # so nothing read is kept (the backend has no write ``generation``).
        self.read_only = read_only
        self.query_url, self.update_url = endpoints(location)
        self.timeout = _timeout()
        self._union_checked = False
        first = self.select(ONE_OF_OURS)
        if first:
            self._check_union(first[0])
        elif not create:
            raise StoreError(
                f"no store at {location}: the SPARQL server holds no canon graph yet; "
                "ingest articles first (canon ingest data/articles/)"
            )

    def _send(self, url, body, content_type, accept):
        """Return the open HTTP response to a POST; raise StoreError naming the server
        and the problem, or ServerSyntaxError for a 400 answer."""
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": content_type, "Accept": accept})
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:
            message = _first_line(error.read())
            error.close()
            if error.code == 400:
                raise ServerSyntaxError(message) from None
            raise StoreError(f"the SPARQL server at {url} answered {error.code} "
                             f"{error.reason}: {message}") from None
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, TimeoutError):
                raise StoreError(f"the SPARQL server at {url} did not answer within "
                                 f"{self.timeout:g} s") from None
            if isinstance(reason, ConnectionRefusedError):
                raise StoreError(f"cannot reach the SPARQL server at {url}: connection "
                                 "refused (is it running, on that port?)") from None
            raise StoreError(f"cannot reach the SPARQL server at {url}: {reason}") from None
        except TimeoutError:
            raise StoreError(f"the SPARQL server at {url} did not answer within "
                             f"{self.timeout:g} s") from None
        except (OSError, ValueError) as error:
            raise StoreError(f"cannot reach the SPARQL server at {url}: {error}") from None

    def _ask_server(self, query, accept):
        """Return the open response to a query, sent as a form POST: the protocol's
        most widely served way (Virtuoso 7.2 never answers a sparql-query body)."""
        body = urllib.parse.urlencode({"query": query}).encode("ascii")
        return self._send(self.query_url, body, "application/x-www-form-urlencoded", accept)

    def _results(self, response):
        """Return the QuerySolutions or QueryBoolean a results response holds."""
        media = response.headers.get_content_type()
        try:
            fmt = ox.QueryResultsFormat.from_media_type(media)
        except ValueError:
            fmt = None
        if fmt is None:
            response.close()
            raise StoreError(f"the SPARQL server at {self.query_url} answered {media}, not "
                             "SPARQL results: is it the query URL?")
        return ox.parse_query_results(response, fmt)

    def _check_writable(self):
        """Raise StoreError when the store was opened read-only."""
        if self.read_only:
            raise StoreError(f"the store at {self.path} was opened read-only: "
                             "nothing was written")

    def _update(self, text):
        """Send one SPARQL update; raise StoreError when the server refuses it or the
        store was opened read-only."""
        self._check_writable()
        try:
            with self._send(self.update_url, text.encode("utf-8"),
                            "application/sparql-update", "*/*") as response:
                response.read()
        except ServerSyntaxError as error:
            raise StoreError(f"the SPARQL server at {self.update_url} refused the "
                             f"update: {error}") from None

    def _check_union(self, triple):
        """Raise StoreError unless a triple of a named graph is in the default graph."""
        if not bool(self._query(IN_DEFAULT, triple)):
            raise StoreError(f"the SPARQL server at {self.query_url} {UNION_HINT}")
        self._union_checked = True

    def replace_graphs(self, graphs, append=()):
        """Replace each named graph of ``{graph IRI: quads}`` with its quads, in one
        update request (one transaction where the server makes one per request);
        the graphs named in ``append`` are added to instead."""
        if not graphs:
            return
        self._check_writable()
        parts = []
        for graph, quads in graphs.items():
            name = _checked(graph)
            if graph not in append:
                parts.append(f"DROP SILENT GRAPH {name}")
            lines = [f"{q.subject} {q.predicate} {q.object} ." for q in quads]
            if lines:
                parts.append(f"INSERT DATA {{ GRAPH {name} {{\n" + "\n".join(lines) + "\n} }")
        self._update(" ;\n".join(parts))
        if not self._union_checked:
            first = self.select(ONE_OF_OURS)
            if first:
                self._check_union(first[0])

    def drop_graph(self, graph):
        """Remove a named graph; return True when it was there."""
        name = _checked(graph)
        self._check_writable()
        if not bool(self._query(HAS_GRAPH, {"g": ox.NamedNode(graph)})):
            return False
        self._update(f"DROP SILENT GRAPH {name}")
        return True

    def graph_names(self):
        """Return the IRIs of canon's named graphs on the server, sorted."""
        return sorted(row["g"].value for row in self.select(GRAPHS))

    def _query(self, query, bindings=None):
        """Return the parsed answer to a query whose text canon wrote."""
        try:
            text = with_values(query, bindings)
        except ValueError as error:
            raise StoreError(f"cannot send a query to {self.query_url}: {error}") from None
        try:
            return self._results(self._ask_server(text, RESULTS_JSON))
        except ServerSyntaxError as error:
            raise StoreError(f"the SPARQL server at {self.query_url} refused the "
                             f"query: {error}") from None

    def select(self, query, bindings=None):
        """Return the solutions of a SELECT over the union of all graphs, as dicts of
        variable name to term. ``bindings`` maps variable names to terms."""
        result = self._query(query, bindings)
        names = [v.value for v in result.variables]
        try:
            return [{n: row[n] for n in names if row[n] is not None} for row in result]
        except (SyntaxError, OSError) as error:
            raise StoreError(f"the SPARQL server at {self.query_url} sent a broken "
                             f"answer: {error}") from None

    def query(self, query, bindings=None):
        """Return the answer to a SPARQL query over the union of all graphs as
        pyoxigraph's QuerySolutions, QueryBoolean or QueryTriples. ``bindings`` maps
        variable names to terms. Raises SyntaxError with the server's message for
        text it does not take as a query (an update is not one)."""
        try:
            text = with_values(query, bindings)
        except ValueError as error:
            raise StoreError(f"cannot send a query to {self.query_url}: {error}") from None
        response = self._ask_server(text, ACCEPT_ANY)
        try:
            rdf = ox.RdfFormat.from_media_type(response.headers.get_content_type())
        except ValueError:
            rdf = None
        if rdf is None:
            return self._results(response)
        # A graph answer becomes pyoxigraph's own QueryTriples by a CONSTRUCT over
        # the triples held in memory, so callers see one type from either backend.
        triples = ox.Store()
        with response:
            triples.load(response, format=rdf, to_graph=ox.DefaultGraph())
        return triples.query("CONSTRUCT WHERE { ?s ?p ?o }")

    def quads(self, graph=None):
        """Return an iterator over the quads of canon's graphs, all or of one."""
        bindings = {"g": ox.NamedNode(graph)} if graph else None
        for row in self._query(QUADS, bindings):
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def is_empty(self):
        """Return True when no named graph on the server holds a quad."""
        return not bool(self._query(HAS_GRAPH))

    def dump(self, output, fmt, prefixes=None):
        """Write canon's graphs to the binary file ``output`` in pyoxigraph RdfFormat
        ``fmt``, streaming the server's answer; a triples format gets the union of
        the graphs, each triple once (the server's CONSTRUCT)."""
        if fmt.supports_datasets:
            ox.serialize(self.quads(), output, fmt, prefixes=prefixes)
        else:
            triples = self.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            ox.serialize(triples, output, fmt, prefixes=prefixes)

    def close(self):
        """Nothing to release: every request has its own connection."""
