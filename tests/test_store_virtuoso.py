"""The SPARQL server backend on Virtuoso open source, to show it speaks standard
SPARQL 1.1, not Oxigraph's dialect. Virtuoso is started on 127.0.0.1 with a new
database; the test is skipped, saying why, when ``virtuoso-t`` is not installed
(Debian: apt-get install virtuoso-opensource).

The part of the suite run here: ingest of articles (add, replace, unchanged),
import of FACTS lines, facts, forget, stats, export, and every continuity command
of test_store_remote's list, each answering as the embedded store does. One known
difference: ``stats`` counts Virtuoso's own system graphs in its quads."""

import json
import shutil

import pytest
from sparql_server import VirtuosoServer
from test_store import _ingest, _quads
from test_store_remote import BRACKWATER, COMMANDS, HOSTILE_FACTS, _run

from graph.store import open_store

pytestmark = pytest.mark.skipif(
    shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None,
    reason="virtuoso-t is not installed (Debian package virtuoso-opensource)")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A Virtuoso server with a new database, for this module."""
    with VirtuosoServer(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


@pytest.fixture(scope="module")
def both(virtuoso, tmp_path_factory):
    """(embedded location, Virtuoso URL), each holding the Brackwater facts and the
    hostile names, imported by the same command."""
    folder = tmp_path_factory.mktemp("both")
    odd = folder / "odd.jsonl"
    odd.write_text("".join(json.dumps(line) + "\n" for line in HOSTILE_FACTS), encoding="utf-8")
    locations = (str(folder / "embedded"), virtuoso.url)
    for location in locations:
        for path in (BRACKWATER, odd):
            code, out, err = _run(location, ["import", str(path)])
            assert code == 0, err
    return locations


def _without_quads(output):
    """Return stats JSON without its quads count, which on Virtuoso includes its own
    system graphs; other output as it is."""
    if not isinstance(output, str) or not output.startswith("{") or '"quads"' not in output:
        return output
    counts = json.loads(output)
    counts.pop("quads")
    return counts


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args)[:40])
def test_every_command_answers_as_the_embedded_store(both, args):
    embedded, server = (_run(location, args) for location in both)
    if args[0] == "export":
        # An export streams in each store's own order (Virtuoso's is not Oxigraph's
        # index order): the same lines, not the same sequence.
        embedded, server = ((code, sorted(out.splitlines()), err)
                            for code, out, err in (embedded, server))
        assert len(server[1]) > 100
    assert (server[0], _without_quads(server[1]), server[2]) == (
        embedded[0], _without_quads(embedded[1]), embedded[2])


def test_ingest_replace_and_forget_articles(virtuoso, franchise):
    """Articles go in, an edited one replaces its graph, a forgotten one leaves, and
    the quads are those of the embedded store given the same articles."""
    with open_store(virtuoso.url) as store, open_store("memory:") as local:
        for doc in ("lantern-street.txt", "harbour-lights-s1.txt", "harbour-lights-s2.md"):
            store.forget(doc)
        assert {r.status for r in _ingest(store, franchise)} == {"added"}
        assert {r.status for r in _ingest(store, franchise)} == {"unchanged"}
        path = franchise / "lantern-street.txt"
        path.write_text(path.read_text().replace("Joy Adebayo", "Nia Holt"), encoding="utf-8")
        assert {r.doc: r.status for r in _ingest(store, franchise)}["lantern-street.txt"] == (
            "replaced")
        actors = {f.claim.actor for f in store.facts(kind="portrayal")}
        assert "Nia Holt" in actors and "Joy Adebayo" not in actors
        _ingest(local, franchise)
        ours = {q.graph_name.value for q in local.quads()}
        assert sorted(str(q) for g in ours for q in store.backend.quads(g)) == _quads(local)
        assert store.forget("lantern-street.txt") and not store.forget("lantern-street.txt")
        assert "lantern-street.txt" not in {a["doc"] for a in store.articles()}
