"""A whole-store check read a batch of characters at a time (``check_store``)
against ``run_checks`` over the whole store's Story: the same findings, in the same
order, for the demo articles, the franchise file and every made-up continuity case,
with and without a spoiler cut and a work filter, on each backend, in batches of one
character and of many, sorted in memory and spilled to disk."""

import json

import pytest
from store_cases import DATA, DEMO, fill

from graph.continuity.checks import run_checks
from graph.continuity.story import load_story
from graph.continuity.sweep import check_store
from graph.exchange import import_file
from graph.store import open_store

FACT_FILES = [DATA / "status" / "harbour.jsonl", *sorted((DATA / "continuity").glob("*.jsonl"))]
CUTS = [None, "Jessica Jones S1E13", "Harbour Lights S2E1", "Daredevil S1"]


@pytest.fixture(scope="module")
def store(module_store_location, tmp_path_factory):
    """The demo articles, the franchise file and every made-up continuity case."""
    with open_store(module_store_location) as db:
        yield fill(db, DEMO, FACT_FILES, renamed_in=tmp_path_factory.mktemp("cases"))


def _json(findings):
    return [finding.to_json() for finding in findings]


@pytest.mark.parametrize("until", CUTS)
@pytest.mark.parametrize(("batch", "spill"), [(1, 7), (400, 200_000)])
def test_a_check_read_in_batches_equals_the_whole_store(store, until, batch, spill):
    """In batches of one character with facts spilled to disk every 7, and in one
    batch held in memory."""
    whole = run_checks(load_story(store, until=until))
    assert whole, "the data must raise findings for the comparison to mean anything"
    found = check_store(store, until=until, batch=batch, spill=spill)
    assert _json(found) == _json(whole)


@pytest.mark.parametrize("work", ["Jessica Jones", "Harbour Lights", "the defenders"])
def test_the_work_filter_keeps_what_it_keeps_over_the_whole_store(store, work):
    whole = run_checks(load_story(store), work=work)
    assert _json(check_store(store, work=work, batch=3)) == _json(whole)


def test_every_rule_is_exercised_by_the_data(store):
    rules = {finding.rule for finding in check_store(store)}
    assert rules >= {"dead-present", "resurrection-without-death", "recast", "no-such-season",
                     "source-conflict", "order-conflict", "return-without-mode"}


def _store_of(lines, path):
    """Return an in-memory store holding FACTS ``lines`` (written to ``path``)."""
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = open_store("memory:")
    import_file(db, path, "facts")
    return db


def _fact(fields, start, quote):
    return {**fields, "source": {"doc": "quay.txt", "start": start, "end": start + len(quote),
                                 "quote": quote}}


SEASONS = [_fact({"kind": "season", "work": "Pale Quay", "season": 1, "episodes": 6}, 0,
                 "a six-episode season"),
           _fact({"kind": "season", "work": "Pale Quay", "season": 2}, 30, "a second season")]


@pytest.mark.parametrize("where", [{"season": 1, "episode": 8}, {"season": 3}])
def test_a_character_placed_past_the_last_season_or_episode_alone_is_checked(tmp_path, where):
    hurt = _fact({"kind": "event", "character": "Ottilie Marr", "event": "injury",
                  "work": "Pale Quay", **where}, 60, "Ottilie is hurt")
    with _store_of([*SEASONS, hurt], tmp_path / "quay.jsonl") as db:
        found = check_store(db)
        assert [f.rule for f in found] == ["no-such-season"]
        assert _json(found) == _json(run_checks(load_story(db)))
