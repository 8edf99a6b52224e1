"""Tests for graph.continuity.casting: who plays whom, season by season."""

import doctest

import pytest

import graph.continuity.casting
from graph.continuity.casting import cast, roles, who_plays
from graph.continuity.story import Story
from graph.errors import UnknownEntityError
from graph.model.facts import fact_from_json


def _portrayals(*rows):
    return Story([fact_from_json({"kind": "portrayal", "actor": actor, "character": "Hale",
                                  "work": "Brackwater", "seasons": seasons,
                                  "source": {"doc": "x.txt", "quote": "q"}})
                  for actor, seasons in rows])


def test_who_plays_flags_the_season_a_new_actor_takes_over(brackwater):
    rows = who_plays(brackwater, "inspector hale")
    assert [(r.work, r.season, r.actors, r.recast) for r in rows] == [
        ("Brackwater", 1, ("Owen Pryce",), False),
        ("Brackwater", 2, ("Owen Pryce",), False),
        ("Brackwater", 3, ("Dev Okafor",), True),
    ]
    assert rows[2].sources[0].docs == ("brackwater-s3.txt",)


def test_who_plays_gives_unstated_seasons_a_row_of_their_own(brackwater):
    [row] = who_plays(brackwater, "Mother Crane")
    assert (row.season, row.actors, row.recast) == (None, ("Greta Lowe",), False)


def test_two_actors_in_one_season_is_a_recast_only_when_one_is_new():
    rows = who_plays(_portrayals(("A One", [1, 2]), ("B Two", [2, 3])), "Hale")
    assert [(r.season, r.actors, r.recast) for r in rows] == [
        (1, ("A One",), False), (2, ("A One", "B Two"), True), (3, ("B Two",), False)]


def test_who_plays_respects_the_spoiler_cut(brackwater_story):
    rows = who_plays(brackwater_story(until="Brackwater S2"), "Inspector Hale")
    assert [r.season for r in rows] == [1, 2]


def test_casting_json_names_its_sources(brackwater):
    out = who_plays(brackwater, "Inspector Hale")[2].to_json()
    assert set(out) == {"character", "work", "season", "actors", "recast", "sources"}
    assert out["actors"] == ["Dev Okafor"] and out["recast"] is True
    [source] = out["sources"]
    assert source["kind"] == "portrayal"
    assert source["sources"][0]["quote"] == (
        "For the third season of Brackwater, Dev Okafor takes over as Inspector Hale")


def test_who_plays_a_misspelt_character_finds_it_and_a_far_one_suggests(brackwater):
    assert {row.character for row in who_plays(brackwater, "Silas Crain")} == {"Silas Crane"}
    with pytest.raises(UnknownEntityError, match="did you mean Silas Crane"):
        who_plays(brackwater, "Silus Crone")


def test_roles_lists_every_character_of_an_actor_by_work(brackwater):
    rows = roles(brackwater, "owen pryce")
    assert [(r.actor, r.character, r.work, r.seasons) for r in rows] == [
        ("Owen Pryce", "Inspector Hale", "Brackwater", (1, 2)),
        ("Owen Pryce", "Harbourmaster Quint", "Low Tide", (1,)),
    ]
    assert rows[1].to_json()["sources"][0]["sources"][0]["doc"] == "low-tide.txt"
    assert set(rows[0].to_json()) == {"actor", "character", "work", "seasons", "sources"}


def test_roles_merges_portrayals_of_one_character(brackwater):
    [row] = roles(brackwater, "Nina Castell")
    assert (row.character, row.seasons, len(row.sources)) == ("Ada Marlowe", (1, 2, 3), 2)


def test_roles_unknown_actor_is_named(brackwater):
    assert {row.actor for row in roles(brackwater, "Owen Price")} == {"Owen Pryce"}
    with pytest.raises(UnknownEntityError, match="no actor named 'Owen Brace'.*Owen Pryce"):
        roles(brackwater, "Owen Brace")


def test_cast_of_a_whole_work(brackwater):
    rows = cast(brackwater, "brackwater")
    assert [(r.character, r.actor, r.seasons) for r in rows] == [
        ("Ada Marlowe", "Nina Castell", (1, 2, 3)),
        ("Inspector Hale", "Dev Okafor", (3,)),
        ("Inspector Hale", "Owen Pryce", (1, 2)),
        ("Juniper Vale", "Ines Laurent", (2, 3)),
        ("Mother Crane", "Greta Lowe", ()),
        ("Silas Crane", "Callum Reyes", (1,)),
        ("Tobias Wren", "Mira Sol", (2,)),
    ]


def test_cast_of_a_season_keeps_portrayals_with_no_seasons(brackwater):
    rows = cast(brackwater, "Brackwater", season=3)
    assert [(r.character, r.actor) for r in rows] == [
        ("Ada Marlowe", "Nina Castell"), ("Inspector Hale", "Dev Okafor"),
        ("Juniper Vale", "Ines Laurent"), ("Mother Crane", "Greta Lowe")]
    assert rows[0].to_json()["work"] == "Brackwater"


def test_cast_of_a_season_the_work_lacks_names_its_seasons(brackwater):
    with pytest.raises(UnknownEntityError, match="no season 7 of Brackwater.*: 1, 2, 3"):
        cast(brackwater, "Brackwater", season=7)


def test_cast_of_an_unknown_work_suggests(brackwater):
    assert cast(brackwater, "Brakwater") == cast(brackwater, "Brackwater")
    with pytest.raises(UnknownEntityError, match="no work named 'Brakwoter'.*Brackwater"):
        cast(brackwater, "Brakwoter")


def test_doctests():
    result = doctest.testmod(graph.continuity.casting)
    assert result.attempted and not result.failed
