"""Tests of franchise files (graph/extract/franchise.py): TOML in, placement and
season facts out, each quoting its part of the file; through the store and the CLI."""

import json

import pytest

from graph.cli import cli
from graph.errors import ArticleError
from graph.extract.franchise import read_franchise
from graph.model.facts import Placement, Season
from graph.sources import find_articles, read_article
from graph.store import open_store

ORDER = """\
# The Lantern Row shows, in story order.
franchise = "Lantern Row"

release_order = [
    "Lantern Row",   # the first show
    "The Wick",
]

[[place]]
work = "The Wick"
after = "Lantern Row S1"
before = "Lantern Row S2"
# a comment after the table is not part of its quote

[[season]]
work = "Lantern Row"
season = 1
episodes = 6
"""

ARTICLE = """\
---
work: Lantern Row
---
In the season 1 finale, Cora Vell is drowned by Amos Pike.
In season 2 Cora Vell returns as a ghost to haunt the lamp-maker.
"""

WICK = """\
---
work: The Wick
season: 1
---
In The Wick, Cora Vell walks the towpath again, alive and well.
"""


def _write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _facts(tmp_path, text=ORDER):
    return read_franchise(read_article(_write(tmp_path, "lantern.toml", text)))


def test_release_order_places_each_work_after_the_one_before(tmp_path):
    facts = _facts(tmp_path)
    first = facts[0]
    assert first.claim == Placement(work="The Wick", after="Lantern Row")
    assert first.evidence.quote == '"Lantern Row",   # the first show\n    "The Wick"'
    assert first.evidence.rule == "franchise.release_order"


def test_place_and_season_tables_quote_their_lines(tmp_path):
    facts = _facts(tmp_path)
    assert [f.claim for f in facts[1:]] == [
        Placement(work="The Wick", after="Lantern Row S1", before="Lantern Row S2"),
        Season(work="Lantern Row", season=1, episodes=6)]
    assert facts[1].evidence.quote == (
        '[[place]]\nwork = "The Wick"\nafter = "Lantern Row S1"\nbefore = "Lantern Row S2"')
    assert facts[2].evidence.quote.endswith("episodes = 6")


def test_every_quote_is_the_slice_of_the_file(tmp_path):
    for fact in _facts(tmp_path):
        assert ORDER[fact.evidence.start:fact.evidence.end] == fact.evidence.quote
        assert fact.evidence.doc == "lantern.toml"


def test_the_title_is_the_franchise_name(tmp_path):
    assert read_article(_write(tmp_path, "lantern.toml", ORDER)).title == "Lantern Row"


@pytest.mark.parametrize(("text", "message"), [
    ("release_order = [\"A\"\n", "is not a valid TOML franchise file"),
    ("order = [\"A\", \"B\"]\n", "unknown key 'order'"),
    ("release_order = \"A, B\"\n", "release_order must be a list of work names"),
    ("[[place]]\nwork = \"A\"\n", "placement needs an after or a before"),
    ("[[place]]\nwork = \"A\"\nafter = \"B S1E4\"\n", "must name a work, or a work and a season"),
    ("[[place]]\nwork = \"A\"\nafter = \"B\"\nwhen = 1\n", "unknown key 'when'"),
    ("[[place]]\nafter = \"B\"\n", "needs work"),
    ("[[season]]\nwork = \"A\"\nseason = 1\nepisodes = 0\n", "episodes must be at least 1"),
    ("[[season]]\nwork = \"A\"\nseason = \"one\"\n", "must be a whole number"),
    ("[place]\nwork = \"A\"\n", "must be written as [[place]] tables"),
])
def test_bad_files_raise_one_line_naming_the_file(tmp_path, text, message):
    with pytest.raises(ArticleError) as error:
        read_franchise(read_article(_write(tmp_path, "bad.toml", text)))
    assert message in str(error.value)
    assert "bad.toml" in str(error.value)
    assert "\n" not in str(error.value)


def test_folders_include_franchise_files(tmp_path):
    _write(tmp_path, "a.txt", ARTICLE)
    _write(tmp_path, "order.toml", ORDER)
    assert [p.name for p in find_articles(tmp_path)] == ["a.txt", "order.toml"]


def test_placements_survive_the_store(tmp_path):
    from graph.extract.pipeline import extract_articles

    article = read_article(_write(tmp_path, "lantern.toml", ORDER))
    with open_store("memory:") as store:
        store.ingest([(article, extract_articles([article])[0])])
        claims = sorted((f.claim for f in store.facts()), key=repr)
    assert Placement(work="The Wick", after="Lantern Row S1", before="Lantern Row S2") in claims
    assert Season(work="Lantern Row", season=1, episodes=6) in claims


@pytest.mark.backends
def test_ingested_order_drives_status_and_the_cut(tmp_path, runner):
    folder = tmp_path / "lantern"
    folder.mkdir()
    _write(folder, "lantern-s2.md", ARTICLE)
    _write(folder, "wick.md", WICK)
    _write(folder, "lantern.toml", ORDER)
    result = runner.invoke(cli, ["ingest", str(folder)])
    assert result.exit_code == 0, result.output
    # The finale resolves to episode 6, and The Wick lies between seasons 1 and 2.
    timeline = json.loads(runner.invoke(cli, ["timeline", "Cora Vell", "--json"]).output)
    assert [step["at"] for step in timeline["steps"]][:1] == ["Lantern Row S1E6"]
    status = json.loads(runner.invoke(
        cli, ["status", "Cora Vell", "--at", "The Wick", "--json"]).output)
    assert status["state"] == "dead"
    # Before season 2, so the cut at The Wick hides the ghost's return.
    cut_timeline = json.loads(runner.invoke(
        cli, ["timeline", "Cora Vell", "--until", "The Wick", "--json"]).output)
    assert [step["event"] for step in cut_timeline["steps"]] == ["death"]
    cut = runner.invoke(cli, ["check", "--until", "Lantern Row S1E3", "--json"])
    assert "Lantern Row S1E6" not in cut.output


def test_extract_prints_franchise_facts(tmp_path, runner):
    path = _write(tmp_path, "lantern.toml", ORDER)
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    kinds = [json.loads(line)["kind"] for line in result.output.splitlines()]
    assert kinds == ["placement", "placement", "season"]


@pytest.mark.backends
def test_a_bad_franchise_file_writes_nothing_when_strict(tmp_path, runner, store_location):
    """With --strict a bad franchise file stores nothing; by default it is skipped,
    named on stderr, and the article beside it is stored (exit 1 either way)."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    _write(folder, "lantern-s2.md", ARTICLE)
    _write(folder, "order.toml", "[[place]]\nwork = \"A\"\n")
    result = runner.invoke(cli, ["ingest", "--strict", str(folder)])
    assert result.exit_code != 0
    assert "order.toml" in result.output
    with open_store(store_location) as store:
        assert list(store.facts()) == []
    result = runner.invoke(cli, ["ingest", str(folder)])
    assert result.exit_code == 1
    assert "order.toml" in result.stderr and "1 added" in result.stdout
    with open_store(store_location) as store:
        assert {fact.evidence.doc for fact in store.facts()} == {"lantern-s2.md"}
