"""The bounds on the web view's workers (webviz.limits): at most WORKERS SPARQL
queries or upload extractions at once, 503 with Retry-After for the rest, a memory
limit per worker, and every worker reaped."""

import re
import threading
from pathlib import Path

import pytest

from graph.errors import CanonError
from graph.extract.pipeline import extract_articles
from graph.sources import find_articles, read_article
from graph.store import open_store
from webviz import limits
from webviz.app import create_app

DATA = Path(__file__).resolve().parents[1] / "data"
# Three copies of every quad joined and counted: seconds of work before any answer.
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# Every pair of quads, sorted: the sort holds them all in memory.
SORTED_PAIRS = "SELECT ?a ?b ?c WHERE { ?a ?x ?b . ?c ?y ?d } ORDER BY ?a ?c ?b"
SORTED_QUADS = "SELECT ?a ?x ?b WHERE { ?a ?x ?b } ORDER BY ?a ?x ?b"
SMALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }"
ARTICLE = "Saltmarsh Season Two brings back Iris Dunmore, played by Hana Osei.\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The demo articles and franchise file in an on-disk store."""
    with open_store(tmp_path_factory.mktemp("limits") / "store") as opened:
        articles = [read_article(p) for p in find_articles([DATA / "articles",
                                                            DATA / "franchises"])]
        opened.ingest(zip(articles, extract_articles(articles), strict=True))
        yield opened


def _children():
    """Return the ids of this process's child processes, zombies included."""
    found = set()
    for task in Path("/proc/self/task").iterdir():
        try:
            found.update(int(pid) for pid in (task / "children").read_text().split())
        except FileNotFoundError:
            continue  # a thread that ended meanwhile
    return found


@pytest.fixture
def no_leak():
    """Fail the test when it leaves a child process behind, running or unreaped."""
    before = _children()
    yield
    assert _children() - before == set()


def _app(store, **config):
    return create_app(store, config={"TESTING": True, **config})


def test_queries_past_the_cap_get_503_with_retry_after(store, no_leak):
    """Five slow queries at once with two workers: two run (until their time limit
    kills them), three find no worker within the wait and are told to come back."""
    app = _app(store, WORKERS=2, WORKER_WAIT=0.5, SPARQL_TIMEOUT=4)
    start = threading.Barrier(5)
    answers, running = [], []
    # Children of earlier tests (an oxigraph server) are not this test's workers.
    others = _children()

    def ask():
        client = app.test_client()
        start.wait()
        answers.append(client.get("/sparql", query_string={"query": CROSS_JOIN}))

    threads = [threading.Thread(target=ask) for _ in range(5)]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        running.append(len(_children() - others))
        threads[0].join(0.05)
    for thread in threads:
        thread.join()
    busy = [a for a in answers if "Retry-After" in a.headers]
    ran = [a for a in answers if "Retry-After" not in a.headers]
    assert len(busy) == 3 and len(ran) == 2
    for answer in busy:
        assert answer.status_code == 503 and answer.headers["Retry-After"] == "4"
        assert answer.get_json()["message"] == (
            "all 2 workers of this server are busy (waited 0.5 s): retry in 4 s")
    for answer in ran:
        assert answer.status_code == 503
        assert "was still running after 4 s" in answer.get_json()["message"]
    assert max(running) <= 2
    assert app.test_client().get("/sparql", query_string={"query": SMALL}).status_code == 200


def test_a_query_past_its_memory_limit_fails_and_the_next_one_answers(store, no_leak):
    """A sort of every pair of quads under a 64 MB limit ends with a 503 naming the
    limit; the worker is gone and the endpoint answers the next query."""
    client = _app(store, WORKER_MEMORY_MB=64, SPARQL_TIMEOUT=60).test_client()
    answer = client.get("/sparql", query_string={"query": SORTED_PAIRS})
    assert answer.status_code == 503 and "Retry-After" not in answer.headers
    assert answer.get_json()["message"] == (
        "the query needed more than 64 MB, this server's limit per worker: narrow its "
        "patterns, add a LIMIT, or drop the ORDER BY")
    small = client.get("/sparql", query_string={"query": SMALL, "format": "csv"})
    assert small.status_code == 200 and small.text.startswith("n\r\n")


def test_a_smaller_sort_answers_under_the_same_limit(store, no_leak):
    """The size of the sort, not the limit alone, made the last test's answer fail: a
    sort of every quad, not every pair, answers under the same limit."""
    client = _app(store, WORKER_MEMORY_MB=64).test_client()
    answer = client.get("/sparql", query_string={"query": SORTED_QUADS, "format": "csv"})
    assert answer.status_code == 200 and answer.text.count("\n") > 1000


def _csrf(client):
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/add").text).group(1)


def _preview(client, text=ARTICLE):
    return client.post("/add/preview", data={"csrf": _csrf(client), "text": text,
                                             "doc": "saltmarsh.txt"},
                       content_type="multipart/form-data")


def test_uploads_share_the_cap(store, no_leak):
    """With every worker taken (here by the test itself), a preview is a 503 with
    Retry-After; once one is free the same preview lists the article's facts."""
    app = _app(store, WORKERS=1, WORKER_WAIT=0.1, UPLOAD_TIMEOUT=60)
    client = app.test_client()
    with app.extensions["canon.workers"].slot(retry_after=1):
        busy = _preview(client)
    assert busy.status_code == 503 and busy.headers["Retry-After"] == "30"
    assert "all 1 workers of this server are busy" in busy.text
    page = _preview(client)
    assert page.status_code == 200 and "Hana Osei" in page.text


def test_an_upload_past_the_memory_limit_fails_cleanly(store, no_leak):
    """Reading a 300 KB upload under a 1 MB UPLOAD_MEMORY_MB fails with a 503 naming the limit;
    the server answers the next request."""
    client = _app(store, UPLOAD_MEMORY_MB=1).test_client()
    page = _preview(client, ARTICLE * 4400)
    assert page.status_code == 503
    assert "reading saltmarsh.txt needed more than 1 MB, this server&#39;s limit" in page.text
    assert client.get("/").status_code == 200


def test_limits_come_from_the_environment(store, monkeypatch):
    """$CANON_WORKERS and the rest set the config; a bad value is one line naming it;
    a config given to create_app wins over the environment."""
    monkeypatch.setenv("CANON_WORKERS", "3")
    monkeypatch.setenv("CANON_WORKER_MEMORY_MB", "256")
    monkeypatch.setenv("CANON_SPARQL_TIMEOUT", "2.5")
    monkeypatch.setenv("CANON_UPLOAD_MEMORY_MB", "2048")
    app = create_app(store)
    assert (app.config["WORKERS"], app.config["WORKER_MEMORY_MB"],
            app.config["SPARQL_TIMEOUT"], app.config["UPLOAD_MEMORY_MB"]) == (3, 256, 2.5, 2048)
    assert app.extensions["canon.workers"].count == 3
    assert create_app(store, config={"WORKERS": 1}).extensions["canon.workers"].count == 1
    monkeypatch.setenv("CANON_WORKERS", "two")
    with pytest.raises(CanonError, match=r"^\$CANON_WORKERS is 'two': give a whole number "
                                         r"above 0$"):
        create_app(store)
    monkeypatch.setenv("CANON_WORKERS", "2")
    monkeypatch.setenv("CANON_WORKER_WAIT", "-1")
    with pytest.raises(CanonError, match=r"CANON_WORKER_WAIT is '-1': give a number above 0"):
        create_app(store)


def _allocate(megabytes):
    return len(bytearray(megabytes * limits.MB))


def test_a_worker_grows_by_its_budget_only(no_leak):
    """The limit is what the worker inherited plus its budget: a worker may allocate
    less than the budget and fails past it, whatever the server's own size."""
    assert limits.run_forked(_allocate, (8,), timeout=30, memory_mb=32) == 8 * limits.MB
    with pytest.raises(limits.WorkerMemory, match="needed more than 32 MB"):
        limits.run_forked(_allocate, (64,), timeout=30, memory_mb=32)
