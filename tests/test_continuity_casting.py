"""Tests for graph.continuity.casting: who plays whom, season by season."""

import doctest

import pytest

import graph.continuity.casting
from graph.continuity.casting import cast, cast_by_season, roles, who_plays
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


def _facts(*objects):
    return [fact_from_json({"work": "Brackwater", "source": {"doc": "x.txt", "quote": "q"},
                            **obj}) for obj in objects]


def _seen(character, season, mode=None, kind="appearance"):
    extra = {"event": "injury"} if kind == "event" else {}
    return {"kind": kind, "character": character, "season": season, "mode": mode, **extra}


def _played(actor, character, seasons=()):
    return {"kind": "portrayal", "actor": actor, "character": character,
            "seasons": list(seasons)}


CAST_FACTS = _facts(
    _played("Owen Pryce", "Hale", [1, 2]), _played("Dev Okafor", "Hale", [3]),
    _played("Greta Lowe", "Mother Crane"), _seen("Mother Crane", 2),
    _seen("Mother Crane", 3, kind="event"), _seen("Mother Crane", 1, mode="mention"),
    _played("Ivo Marsh", "Tam"), _seen("Tam", 1, mode="mention"),
    _played("Rosa Vail", "Juniper", [1]), _played("Lin Ash", "Juniper"),
    _seen("Juniper", 1), _seen("Juniper", 2), {"kind": "season", "season": 3})


def test_cast_by_season_places_stated_seasons_and_infers_the_rest():
    found = cast_by_season(Story(CAST_FACTS), "brackwater")
    assert found.work == "Brackwater" and list(found.seasons) == [1, 2, 3]
    rows = {season: [(r.character, r.actor, r.inferred) for r in roles]
            for season, roles in found.seasons.items()}
    assert rows == {
        1: [("Hale", "Owen Pryce", False), ("Juniper", "Rosa Vail", False)],
        # Greta Lowe's portrayal gives no season: Mother Crane appears in S2 and S3
        # (a mention in S1 puts no actor on screen); Lin Ash, with no season, goes
        # where Juniper appears and no other actor is said to play her.
        2: [("Hale", "Owen Pryce", False), ("Juniper", "Lin Ash", True),
            ("Mother Crane", "Greta Lowe", True)],
        3: [("Hale", "Dev Okafor", False), ("Mother Crane", "Greta Lowe", True)],
    }
    crane = found.seasons[3][1]
    assert [s.claim.kind for s in crane.appears] == ["event"]
    assert [s.claim.kind for s in found.seasons[2][2].appears] == ["appearance"]
    assert found.seasons[1][0].appears == ()
    # Tam is only mentioned: his actor stays with the seasons not said.
    assert [(m.character, m.actor, m.seasons) for m in found.unplaced] == [
        ("Tam", "Ivo Marsh", ())]


def test_cast_by_season_marks_a_recast_where_the_new_actor_comes_in():
    found = cast_by_season(Story(CAST_FACTS), "Brackwater")
    hale = "recast: Owen Pryce (S1-S2) -> Dev Okafor (S3)"
    juniper = "recast: Rosa Vail (S1) -> Lin Ash (S2, inferred)"
    assert found.recasts == (("Hale", hale), ("Juniper", juniper))
    marked = [(season, r.actor, r.recast) for season, roles in found.seasons.items()
              for r in roles if r.recast]
    assert marked == [(2, "Lin Ash", juniper), (3, "Dev Okafor", hale)]


def test_a_recast_back_to_the_first_actor_is_a_chain_of_runs():
    found = cast_by_season(Story(_facts(
        _played("Lena Ford", "Becky", [1, 2, 3]), _played("Ana Pike", "Becky", [4]),
        _played("Lena Ford", "Becky", [7]))), "Brackwater")
    assert found.recasts == (
        ("Becky", "recast: Lena Ford (S1-S3) -> Ana Pike (S4) -> Lena Ford (S7)"),)
    assert [(s, r.recast is not None) for s, roles in found.seasons.items() for r in roles] \
        == [(1, False), (2, False), (3, False), (4, True), (7, True)]


def test_cast_by_season_hides_what_comes_after_the_cut():
    found = cast_by_season(Story(CAST_FACTS, until="Brackwater S2"), "Brackwater")
    assert list(found.seasons) == [1, 2]
    assert found.recasts == (("Juniper", "recast: Rosa Vail (S1) -> Lin Ash (S2, inferred)"),)
    early = cast_by_season(Story(CAST_FACTS, until="Brackwater S1"), "Brackwater")
    assert [(m.character, m.actor) for m in early.unplaced] == [
        ("Juniper", "Lin Ash"), ("Mother Crane", "Greta Lowe"), ("Tam", "Ivo Marsh")]


def test_cast_by_season_refuses_an_unknown_work():
    with pytest.raises(UnknownEntityError, match="Brackwater"):
        cast_by_season(Story(CAST_FACTS), "Blackwater Bay")
