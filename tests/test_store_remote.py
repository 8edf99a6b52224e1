"""The SPARQL server backend (graph/store/remote.py) on a real oxigraph server: the
same answers as the embedded store for every command, bound values that hold
quotes, braces and keywords, the endpoint convention, and each way a server can
fail as one line naming it."""

import json
import socket
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from sparql_server import OxigraphServer

from graph.cli import cli
from graph.errors import StoreError
from graph.rdf.terms import RDFS
from graph.store import open_store
from graph.store.remote import SparqlBackend, endpoints
from graph.store.values import with_values

# Not imported from conftest: tests/browser has a conftest of the same module name.
DATA = Path(__file__).parent / "data"

BRACKWATER = DATA / "ask" / "facts.jsonl"
# A name built to break a query spliced from text: quotes, a backslash, braces,
# a comment sign and SPARQL keywords.
HOSTILE = 'Ada "Quill\' \\ } UNION { ?s ?p ?o } # SELECT DROP ALL'
HOSTILE_FACTS = [
    {"kind": "portrayal", "actor": "Rue O'Hara", "character": HOSTILE, "work": "Brackwater",
     "seasons": [1], "source": {"doc": "odd-names.txt", "start": 0, "end": 20,
                                "quote": 'said "} DROP ALL {"'}},
    {"kind": "event", "character": HOSTILE, "event": "death", "work": "Brackwater",
     "season": 1, "episode": 3, "source": {"doc": "odd-names.txt", "start": 30, "end": 40,
                                           "quote": "\\ and }"}},
]
COMMANDS = [
    ["facts", "--json"],
    ["facts", "--about", "crane"],
    ["stats", "--json", "--articles"],
    ["who-plays", "Inspector Hale", "--json"],
    ["who-plays", HOSTILE],
    ["roles", "Owen Pryce"],
    ["roles", "Rue O'Hara", "--json"],
    ["cast", "Brackwater", "--season", "2"],
    ["status", "Silas Crane", "--at", "Brackwater S2E1", "--json"],
    ["status", HOSTILE, "--at", "Brackwater S2"],
    ["timeline", "Juniper Vale", "--until", "Brackwater S2E5"],
    ["check", "--json"],
    ["ask", "Which dead characters return?"],
    ["ask", "who killed tobias wren"],
    ["export", "--format", "nquads"],
    ["facts", "--about", "Silas Cran"],
]


def _run(location, args):
    """Return (exit code, stdout, stderr) of canon ``args`` on the store at ``location``,
    without the line that says where the store is."""
    result = CliRunner().invoke(cli, [*args, "--store", location])
    out = "\n".join(line for line in result.stdout.splitlines()
                    if not line.startswith(("store:", ' "store":')))
    return result.exit_code, out, result.stderr


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """(embedded location, server URL), each holding the Brackwater facts and the
    hostile names, imported by the same command."""
    folder = tmp_path_factory.mktemp("both")
    odd = folder / "odd.jsonl"
    odd.write_text("".join(json.dumps(line) + "\n" for line in HOSTILE_FACTS), encoding="utf-8")
    with OxigraphServer(folder / "server") as server:
        locations = (str(folder / "embedded"), server.url)
        for location in locations:
            for path in (BRACKWATER, odd):
                code, out, err = _run(location, ["import", str(path)])
                assert code == 0, err
        yield locations


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args)[:40])
def test_every_command_answers_the_same_on_both_backends(both, args):
    """The server gives, byte for byte, what the embedded store gives."""
    embedded, server = (_run(location, args) for location in both)
    assert embedded[0] in (0, 1)
    assert server == embedded
    if args[0] == "export":
        assert len(server[1].splitlines()) > 100


def test_hostile_names_are_bound_not_spliced(both):
    """A name holding quotes, braces and keywords finds exactly its own entity."""
    with open_store(both[1], create=False) as store:
        rows = store.backend.select(
            f"SELECT ?entity WHERE {{ ?entity <{RDFS}label> ?name }}",
            {"name": ox.Literal(HOSTILE)})
        assert len(rows) == 1
        assert [f.claim.actor for f in store.facts(about=HOSTILE, kind="portrayal")] == [
            "Rue O'Hara"]
        [death] = store.facts(about=HOSTILE, kind="event")
        assert (death.claim.character, death.evidence.quote) == (HOSTILE, "\\ and }")


def test_values_go_inside_the_where_group_so_filters_and_limits_see_them():
    """A trailing VALUES would join after FILTER and LIMIT; inside the group it binds."""
    query = ('SELECT ?x WHERE { ?x <http://e/p> ?v . FILTER(?v = ?wanted) } '
             'ORDER BY ?x LIMIT 1')
    data = ox.Store()
    for name, value in (("a", "one"), ("b", "two")):
        data.add(ox.Quad(ox.NamedNode(f"http://e/{name}"), ox.NamedNode("http://e/p"),
                         ox.Literal(value)))
    bound = with_values(query, {"wanted": ox.Literal("two")})
    assert [row["x"].value for row in data.query(bound)] == ["http://e/b"]
    # A subquery's projection and BOUND() take no term: the VALUES block alone binds.
    for query, expected in (
            ("SELECT ?n WHERE { { SELECT ?x (COUNT(*) AS ?n) WHERE { ?x ?p ?o } GROUP BY ?x } }",
             ["1"]),
            ("SELECT ?n WHERE { ?x ?p ?n FILTER(BOUND(?x)) }", ["two"])):
        bound = with_values(query, {"x": ox.NamedNode("http://e/b")})
        assert [row["n"].value for row in data.query(bound)] == expected
    with pytest.raises(ValueError, match="only IRIs and literals"):
        with_values(query, {"wanted": ox.BlankNode()})
    with pytest.raises(ValueError, match="not a SPARQL variable name"):
        with_values(query, {"x } #": ox.Literal("1")})


@pytest.mark.parametrize(("location", "env", "query", "update"), [
    ("http://h:7878", {}, "http://h:7878/query", "http://h:7878/update"),
    ("https://h/", {}, "https://h/query", "https://h/update"),
    ("http://h:8890/sparql", {}, "http://h:8890/sparql", "http://h:8890/sparql"),
    ("http://h:3030", {"CANON_QUERY_URL": "http://h:3030/ds/query",
                       "CANON_UPDATE_URL": "http://h:3030/ds/update"},
     "http://h:3030/ds/query", "http://h:3030/ds/update"),
])
def test_endpoint_urls_follow_the_location(monkeypatch, location, env, query, update):
    for name in ("CANON_QUERY_URL", "CANON_UPDATE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert endpoints(location) == (query, update)


def _one_line(error):
    text = str(error.value)
    assert "\n" not in text
    return text


def test_a_server_that_is_down_is_one_line():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StoreError) as error:
        open_store(f"http://127.0.0.1:{port}")
    assert _one_line(error) == (
        f"cannot reach the SPARQL server at http://127.0.0.1:{port}/query: connection "
        "refused (is it running, on that port?)")


def test_a_server_that_never_answers_times_out(monkeypatch):
    """A port that accepts connections but never answers: the timeout, named."""
    monkeypatch.setenv("CANON_STORE_TIMEOUT", "0.5")
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/sparql"
        with pytest.raises(StoreError) as error:
            open_store(url)
    assert _one_line(error) == f"the SPARQL server at {url} did not answer within 0.5 s"


def test_a_wrong_url_on_a_server_is_one_line(oxigraph_server):
    url = oxigraph_server.url + "/no/such/endpoint"
    with pytest.raises(StoreError) as error:
        open_store(url)
    assert _one_line(error).startswith(f"the SPARQL server at {url} answered 404")


def test_a_server_whose_default_graph_is_not_the_union_is_refused(tmp_path):
    """Without --union-default-graph canon's queries would see nothing: refused, with
    the flag named, at open (data there) and after the first write (empty server)."""
    with OxigraphServer(tmp_path / "plain", union=False) as server:
        articles = CliRunner().invoke(cli, ["import", str(BRACKWATER), "--store", server.url])
        assert articles.exit_code == 1
        assert "--union-default-graph" in articles.stderr
        with pytest.raises(StoreError) as error:
            open_store(server.url)
    assert "does not read the union of its named graphs" in _one_line(error)


def test_an_update_sent_as_a_query_is_a_syntax_error(oxigraph_server):
    """The web's /sparql page relies on Store.query refusing anything but a query."""
    oxigraph_server.clear()
    with open_store(oxigraph_server.url) as store, pytest.raises(SyntaxError):
        store.query("DROP ALL")


def test_a_batch_with_a_graph_canon_did_not_name_writes_nothing(oxigraph_server, franchise):
    """The whole update is built before it is sent: one bad graph IRI in a batch is
    refused and the server keeps what it held, the batch's good graph included."""
    from test_store import _ingest, _quads

    oxigraph_server.clear()
    with open_store(oxigraph_server.url) as store:
        _ingest(store, franchise)
        before = _quads(store)
        good = next(iter(store.backend.graph_names()))
        evil = "https://w3id.org/canon/id/graph/x> } } ; DROP ALL ; INSERT DATA { GRAPH <https://x"
        with pytest.raises(StoreError, match="not an IRI canon made"):
            store.replace_graphs({good: [], evil: []})
        assert _quads(store) == before


def test_a_server_opened_read_only_refuses_writes(oxigraph_server, franchise):
    from test_store import _ingest

    oxigraph_server.clear()
    with open_store(oxigraph_server.url) as store:
        _ingest(store, franchise)
    reader = SparqlBackend(oxigraph_server.url, create=False, read_only=True)
    for write in (lambda: reader.drop_graph(reader.graph_names()[0]),
                  lambda: reader.replace_graphs({reader.graph_names()[0]: []})):
        with pytest.raises(StoreError, match="opened read-only: nothing was written"):
            write()
    assert len(reader.graph_names()) == 3


def test_a_url_that_answers_a_web_page_is_one_line():
    """A web server that is no SPARQL endpoint (an HTML page to every POST)."""
    import http.server
    import threading

    class Page(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            body = b"<html><body>Welcome</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    with http.server.HTTPServer(("127.0.0.1", 0), Page) as web:
        threading.Thread(target=web.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{web.server_address[1]}/sparql"
        try:
            with pytest.raises(StoreError) as error:
                open_store(url)
        finally:
            web.shutdown()
    assert _one_line(error) == (f"the SPARQL server at {url} answered text/html, not SPARQL "
                                "results: is it the query URL?")
