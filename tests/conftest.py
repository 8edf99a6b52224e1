"""Shared fixtures: small stores, the test articles, a CLI runner."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.store import open_store

DATA = Path(__file__).parent / "data"
FRANCHISE = DATA / "franchise"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def franchise(tmp_path):
    """A writable copy of the test articles (three about two made-up shows)."""
    target = tmp_path / "articles"
    shutil.copytree(FRANCHISE, target)
    return target


@pytest.fixture
def empty_store():
    """An empty in-memory store."""
    with open_store("memory:") as store:
        yield store


@pytest.fixture
def store_path(tmp_path):
    """The location of a not-yet-created on-disk store."""
    return tmp_path / "store"


@pytest.fixture
def runner(store_path, monkeypatch):
    """A click runner whose $CANON_STORE points at ``store_path``."""
    monkeypatch.setenv("CANON_STORE", str(store_path))
    return CliRunner()


@pytest.fixture
def small_franchise(franchise, store_path, runner):
    """An on-disk store holding the test articles, ingested through the CLI."""
    from graph.cli import cli

    result = runner.invoke(cli, ["ingest", str(franchise)])
    assert result.exit_code == 0, result.output
    return store_path


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
