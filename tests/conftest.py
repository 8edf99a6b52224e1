"""Shared fixtures: small stores, the test articles, a CLI runner.

A test marked ``@pytest.mark.backends`` (or a module with that ``pytestmark``) runs
once per store backend: ``embedded`` (pyoxigraph on disk, or in memory for
``empty_store``) and ``oxigraph-server`` (one real ``oxigraph serve`` per session,
emptied before each test). ``@pytest.mark.backends("embedded")`` keeps a test of
such a module to the backends it names. Unmarked tests use the embedded store.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings
from sparql_server import OxigraphServer

from graph.store import open_store

DATA = Path(__file__).parent / "data"
FRANCHISE = DATA / "franchise"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BACKENDS = ("embedded", "oxigraph-server")

# Property tests run the same examples on every run (derandomize: the seed is drawn
# from each test's source) and keep no example database, so CI is deterministic;
# hypothesis's caches (Unicode tables, constants) go to the temporary folder, not
# the checkout. HYPOTHESIS_PROFILE=thorough searches at random, 20x longer, for a
# developer's machine.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY",
                      os.path.join(tempfile.gettempdir(), "canon-hypothesis"))
settings.register_profile("canon", derandomize=True, database=None, deadline=None,
                          print_blob=False)
settings.register_profile("thorough", settings.get_profile("canon"), derandomize=False,
                          max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "canon"))


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "backends(*names): run once per store backend named (every one when "
        "none): embedded, oxigraph-server")


def pytest_generate_tests(metafunc):
    marker = metafunc.definition.get_closest_marker("backends")
    if marker and "store_backend" in metafunc.fixturenames:
        metafunc.parametrize("store_backend", marker.args or BACKENDS, indirect=True)


@pytest.fixture
def store_backend(request):
    """The backend of the test's store: embedded unless the test is marked backends."""
    return getattr(request, "param", "embedded")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """One real ``oxigraph serve --union-default-graph`` on 127.0.0.1 for the session."""
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph")) as server:
        yield server


@pytest.fixture
def franchise(tmp_path):
    """A writable copy of the test articles (three about two made-up shows)."""
    target = tmp_path / "articles"
    shutil.copytree(FRANCHISE, target)
    return target


@pytest.fixture(scope="module", params=BACKENDS)
def module_store_location(request, tmp_path_factory):
    """Where a store built once per module lives, on each backend in turn: memory:,
    or an oxigraph server of the module's own (the session's is emptied per test)."""
    if request.param == "embedded":
        yield "memory:"
        return
    # A query the web view gave up on stops on the server too, after 10 s.
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph-module"), timeout=10) as server:
        yield server.url


@pytest.fixture
def store_path(tmp_path):
    """The location of a not-yet-created on-disk store."""
    return tmp_path / "store"


@pytest.fixture
def store_location(store_backend, store_path, request):
    """Where the test's store lives: ``store_path`` (embedded), or the URL of the
    session's oxigraph server, emptied first."""
    if store_backend == "embedded":
        return str(store_path)
    server = request.getfixturevalue("oxigraph_server")
    server.clear()
    return server.url


@pytest.fixture
def empty_store(store_backend, request):
    """An empty store: in memory (embedded), or on the emptied oxigraph server."""
    location = "memory:" if store_backend == "embedded" else request.getfixturevalue(
        "store_location")
    with open_store(location) as store:
        yield store


@pytest.fixture
def runner(store_location, monkeypatch):
    """A click runner whose $CANON_STORE points at ``store_location``."""
    monkeypatch.setenv("CANON_STORE", store_location)
    return CliRunner()


@pytest.fixture
def small_franchise(franchise, store_location, runner):
    """The location of a store holding the test articles, ingested through the CLI."""
    from graph.cli import cli

    result = runner.invoke(cli, ["ingest", str(franchise)])
    assert result.exit_code == 0, result.output
    return store_location


def _run_canon(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "graph", *map(str, args)],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120,
    )


@pytest.fixture
def canon():
    """A function that runs the canon command in a new process and returns the
    CompletedProcess (for tests that need a fresh process)."""
    return _run_canon


@pytest.fixture
def shared():
    """The shared/ folder beside the checkout; the test is skipped, saying so, without it."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the evaluation data lives there")
    return SHARED


@pytest.fixture
def brackwater_story():
    """A function returning the Story of the made-up shows of tests/data/ask
    (Brackwater and Low Tide), cut at ``until`` when given."""
    from graph.continuity.story import Story
    from graph.model.facts import fact_from_json

    lines = (DATA / "ask" / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    facts = [fact_from_json(json.loads(line)) for line in lines]
    return lambda until=None: Story(facts, until=until)


@pytest.fixture
def brackwater(brackwater_story):
    """The Story of the made-up show Brackwater and its neighbour Low Tide."""
    return brackwater_story()
