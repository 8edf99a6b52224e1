"""Names typed to every command and page find the entity meant: nicknames the
articles give, first names, surnames, titles dropped and misspellings, ranked by fit
and by what the store says; over tests/data/names (the Varrow family of a made-up
show: siblings sharing a surname, a namesake of a nickname, "known as", a short
form in brackets)."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.continuity.scope import stands_for
from graph.errors import UnknownEntityError
from graph.store import open_store
from webviz.app import create_app

NAMES = Path(__file__).parent / "data" / "names"
AT = "Ironvale S2E1"


@pytest.fixture(scope="module")
def ironvale(tmp_path_factory):
    """The location of a store holding tests/data/names."""
    location = str(tmp_path_factory.mktemp("ironvale") / "store")
    result = CliRunner().invoke(cli, ["ingest", "--store", location, str(NAMES)])
    assert result.exit_code == 0, result.output
    return location


def _canon(location, *args):
    return CliRunner().invoke(cli, [*args, "--store", location])


@pytest.mark.parametrize(("typed", "meant"), [
    ("Ned", "Edmund Varrow"),  # a quoted nickname, over the stable boy Ned Tolly
    ("ned varrow", "Edmund Varrow"),  # the nickname with the surname
    ("the Hound", "Sandro Kell"),  # "known as"
    ("Hound", "Sandro Kell"),
    ("Dani", "Dalia Storn"),  # a short form in brackets
    ("Edmund", "Edmund Varrow"),  # a first name
    ("Kell", "Sandro Kell"),  # a surname one character has
    ("Lord Edmund Varrow", "Edmund Varrow"),  # a title dropped
    ("Edmund Varow", "Edmund Varrow"),  # misspelt
    ("Ned Tolly", "Ned Tolly"),
])
def test_status_finds_the_character_meant(ironvale, typed, meant):
    result = _canon(ironvale, "status", typed, "--at", AT, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["character"] == meant


def test_every_name_argument_takes_a_nickname_or_a_misspelling(ironvale):
    steps = json.loads(_canon(ironvale, "timeline", "Ned", "--json").output)
    assert steps["character"] == "Edmund Varrow"
    assert [(s["kind"], s.get("event")) for s in steps["steps"]][:1] == [("event", "death")]
    plays = json.loads(_canon(ironvale, "who-plays", "the Hound", "--json").output)
    assert {a for row in plays for a in row["actors"]} == {"Rory Vance"}
    roles = json.loads(_canon(ironvale, "roles", "Colm Ashbey", "--json").output)
    assert {row["character"] for row in roles} == {"Edmund Varrow"}
    roles = json.loads(_canon(ironvale, "roles", "Ashby", "--json").output)
    assert {row["character"] for row in roles} == {"Edmund Varrow"}
    cast = json.loads(_canon(ironvale, "cast", "ironvale", "--json").output)
    assert "Dalia Storn" in {row["character"] for row in cast}


def test_a_near_tie_is_one_line_naming_the_candidates(ironvale):
    result = _canon(ironvale, "status", "Varrow", "--at", AT)
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.splitlines() == [line]
    assert line.startswith("canon: error: 'Varrow' may be more than one character: "
                           "Edmund Varrow (3 claims), Sabine Varrow (2 claims)")


def test_suggestions_are_names_like_the_one_typed_not_siblings(ironvale):
    result = _canon(ironvale, "who-plays", "Brandon Varrow")
    assert result.exit_code == 1
    assert result.stderr.strip() == ("canon: error: no character named 'Brandon Varrow' "
                                     "in the store; did you mean Brannoc Varrow?")
    result = _canon(ironvale, "status", "Nedd", "--at", AT)
    assert "did you mean Edmund Varrow, Ned Tolly?" in result.stderr


def test_stands_for_ranks_by_the_claims_the_store_holds(ironvale):
    with open_store(ironvale) as store:
        assert stands_for(store, "character", "Ned") == ["Edmund Varrow"]
        assert stands_for(store, "character", "Varrow")[:2] == ["Edmund Varrow",
                                                                 "Sabine Varrow"]
        assert stands_for(store, "person", "Blythe") == ["Nora Blythe"]
        with pytest.raises(UnknownEntityError, match="no actor named 'Zed Quux'"):
            stands_for(store, "person", "Zed Quux")


@pytest.fixture(scope="module")
def client(ironvale):
    with open_store(ironvale) as store:
        yield create_app(store, config={"TESTING": True}).test_client()


def _names(response, key="results"):
    assert response.status_code == 200, response.text
    return [(item["name"], item["kind"]) for item in response.get_json()[key]]


def test_search_finds_nicknames_and_ranks_by_claims(client):
    assert _names(client.get("/api/search?q=ned"))[:2] == [("Edmund Varrow", "character"),
                                                             ("Ned Tolly", "character")]
    assert _names(client.get("/api/search?q=the hound"))[0] == ("Sandro Kell", "character")
    assert _names(client.get("/api/search?q=lord edmund varrow"))[0] == (
        "Edmund Varrow", "character")
    varrows = [name for name, kind in _names(client.get("/api/search?q=varrow"))
               if kind == "character"]
    assert varrows[:2] == ["Edmund Varrow", "Sabine Varrow"]
    assert _names(client.get("/api/suggest?q=dani"), "suggestions")[0] == (
        "Dalia Storn", "character")


def test_a_page_asked_for_by_a_typed_name_redirects_to_the_entity(client):
    response = client.get("/character/ned?until=Ironvale%20S1E4")
    assert response.status_code == 302
    assert response.headers["Location"] == "/character/edmund-varrow?until=Ironvale+S1E4"
    assert client.get("/api/character/the-hound").headers["Location"] == \
        "/api/character/sandro-kell"
    missing = client.get("/character/brandon-varrow")
    assert missing.status_code == 404
    assert "Brannoc Varrow" in missing.text
    assert client.get("/character/varrow").status_code == 404
