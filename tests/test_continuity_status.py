"""Status at a point of story time, timelines and the spoiler cut, on a made-up show
(tests/data/status) and, when ../shared is present, on the seed article."""

import json
from pathlib import Path

import pytest

from graph.cli import cli
from graph.continuity.status import status_at
from graph.continuity.story import Story, find_name
from graph.continuity.timeline import timeline
from graph.errors import StoryTimeError, UnknownEntityError
from graph.model.facts import fact_from_json

HARBOUR = Path(__file__).parent / "data" / "status" / "harbour.jsonl"


def _story(until=None):
    lines = HARBOUR.read_text(encoding="utf-8").splitlines()
    return Story([fact_from_json(json.loads(line)) for line in lines], until=until)


@pytest.mark.parametrize(("at", "state", "presence", "since"), [
    ("Harbour Lights S1E5", "alive", "physical", None),
    ("Harbour Lights S1E6", "dead", None, "death"),
    ("Harbour Lights S1 finale", "dead", None, "death"),
    ("Harbour Lights S2E1", "dead", "ghost", "death"),
    ("Harbour Lights S2E8", "alive", "physical", "resurrection"),
    ("harbour lights season 2 episode 9", "alive", "physical", "resurrection"),
])
def test_status_folds_the_events_up_to_the_point(at, state, presence, since):
    found = status_at(_story(), "Mara", at)
    assert (found.character, found.state, found.presence) == ("Mara Quill", state, presence)
    assert (found.since.claim.event if found.since else None) == since


def test_status_json_names_the_point_and_quotes_the_claims():
    out = status_at(_story(), "Mara Quill", "Harbour Lights S2E1").to_json()
    assert set(out) == {"character", "at", "state", "presence", "since", "evidence"}
    assert out["at"] == "Harbour Lights S2E1"
    assert out["since"]["agent"] == "Tobias Marsh"
    assert [e["event"] for e in out["evidence"]] == ["death", "return"]
    assert out["evidence"][0]["sources"][0]["quote"] == "Tobias Marsh drowns Mara in episode six"


def test_a_departure_keeps_the_character_alive_but_absent():
    found = status_at(_story(), "Tobias", "Harbour Lights S2E3")
    assert (found.state, found.presence) == ("alive", None)


def test_an_event_with_no_story_time_does_not_change_the_state():
    assert status_at(_story(), "Old Wick", "Harbour Lights S2E1").state == "alive"


def test_unknown_character_and_work_are_one_line_errors_with_suggestions():
    with pytest.raises(UnknownEntityError, match="did you mean Mara Quill"):
        status_at(_story(), "Mora Quail", "Harbour Lights S1E1")
    with pytest.raises(UnknownEntityError, match="no work named 'Harbor Nights'"):
        status_at(_story(), "Mara", "Harbor Nights S1E1")
    with pytest.raises(StoryTimeError):
        status_at(_story(), "Mara", "Harbour Lights S0E1")


def test_timeline_orders_events_and_puts_the_unplaced_last():
    name, steps = timeline(_story(), "mara quill")
    assert name == "Mara Quill"
    assert [s.sourced.claim.event for s in steps] == ["death", "return", "resurrection"]
    assert [str(s.at) for s in steps] == ["Harbour Lights S1E6", "Harbour Lights S2",
                                          "Harbour Lights S2E8"]
    assert steps[0].label() == "Harbour Lights S1E6: death (by Tobias Marsh)"


def test_spoiler_cut_hides_later_claims_everywhere():
    story = _story(until="Harbour Lights S1E5")
    assert status_at(story, "Mara", "Harbour Lights S2E9").state == "alive"
    assert timeline(story, "Mara")[1] == []
    portrayal = story.of_kind("portrayal")[0].claim
    assert portrayal.seasons == (1,)
    assert [s.claim.season for s in story.of_kind("season")] == [1]


@pytest.mark.backends
def test_cli_status_timeline_and_cut(tmp_path, runner):
    assert runner.invoke(cli, ["import", str(HARBOUR)]).exit_code == 0
    result = runner.invoke(cli, ["status", "Mara", "--at", "Harbour Lights S2E1"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "Mara Quill is dead at Harbour Lights S2E1 (present as a ghost), since the death "
        "in Harbour Lights S1E6 (by Tobias Marsh).")
    assert "\u201cTobias Marsh drowns Mara in episode six\u201d (harbour-s1.txt:70-110)" \
        in result.output
    cut = runner.invoke(cli, ["status", "Mara", "--at", "Harbour Lights S2E1", "--json",
                              "--until", "Harbour Lights S1E2"])
    assert json.loads(cut.output)["state"] == "alive"
    result = runner.invoke(cli, ["timeline", "Mara", "--json"])
    assert [s["event"] for s in json.loads(result.output)["steps"]] == [
        "death", "return", "resurrection"]
    result = runner.invoke(cli, ["status", "Nobody", "--at", "Harbour Lights S1E1"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "no character named 'Nobody'" in result.output


@pytest.mark.backends
def test_seed_article_kilgrave_and_elektra(shared, runner):
    seed = shared / "eval" / "seed" / "jessica-jones-s2.txt"
    assert runner.invoke(cli, ["ingest", str(seed)]).exit_code == 0
    out = json.loads(runner.invoke(
        cli, ["status", "Kilgrave", "--at", "Jessica Jones S2E1", "--json"]).output)
    assert (out["state"], out["presence"]) == ("dead", "hallucination")
    assert out["since"]["event"] == "death" and out["since"]["season"] == 1
    assert out["since"]["episode"] == "finale" and out["since"]["agent"] == "Jessica Jones"
    assert "snapped his neck" in out["since"]["sources"][0]["quote"]
    steps = json.loads(runner.invoke(cli, ["timeline", "Elektra", "--json"]).output)["steps"]
    assert [(s["event"], s["work"]) for s in steps] == [("resurrection", "The Defenders")]


@pytest.mark.parametrize(("typed", "known", "found"), [
    ("mara quill", ["Mara Quill", "Tobias Marsh"], "Mara Quill"),
    ("Mara", ["Mara Quill", "Tobias Marsh"], "Mara Quill"),
    ("Vardis Egen", ["Ser Vardis", "Bronn"], "Ser Vardis"),
    ("Lord Commander Jon Snow", ["Jon Snow", "Jon Arryn"], "Jon Snow"),
])
def test_a_typed_name_finds_the_stored_one(typed, known, found):
    assert find_name(typed, known) == found


@pytest.mark.parametrize(("typed", "known"), [
    ("Grey Wind", ["Ser Wind"]),  # a one-word name must be the first word typed
    ("Jon", ["Jon Snow", "Jon Arryn"]),  # two fit: ask which
    ("Nobody", ["Mara Quill"]),
])
def test_a_typed_name_that_fits_none_or_several_is_an_error(typed, known):
    with pytest.raises(UnknownEntityError):
        find_name(typed, known)


def _facts(*objects):
    return [fact_from_json({"source": {"doc": obj.pop("doc", "x.txt"), "quote": "q"}, **obj})
            for obj in objects]


ELSEWHERE = [
    {"kind": "season", "work": "Harbour Lights", "season": 1, "episodes": 6},
    {"kind": "event", "character": "Odo Marsh", "event": "death", "work": "Harbour Lights",
     "season": 1, "episode": "finale"},
    {"kind": "event", "character": "Nell Marsh", "event": "death", "work": "Tidewater"},
]


@pytest.mark.parametrize(("link", "state"), [
    ({"kind": "continuity", "work": "Tidewater", "relation": "sequel_of",
      "with": "Harbour Lights"}, "alive"),
    ({"kind": "continuity", "work": "Tidewater", "relation": "prequel_of",
      "with": "Harbour Lights"}, "dead"),
    ({"kind": "placement", "work": "Tidewater", "before": "Harbour Lights S1"}, "dead"),
    ({"kind": "placement", "work": "Tidewater", "after": "Harbour Lights S1"}, "alive"),
])
def test_links_and_placements_order_works(link, state):
    story = Story(_facts(*ELSEWHERE, link))
    # Nell's death in Tidewater counts at S1E3 only when Tidewater comes before it.
    assert status_at(story, "Nell Marsh", "Harbour Lights S1E3").state == state


def test_works_never_placed_do_not_order():
    story = Story(_facts(*ELSEWHERE))
    assert story.chronology.compare(story.point("Tidewater"), story.point("Harbour Lights")) is None


def test_an_episode_count_resolves_the_finale():
    story = Story(_facts(*ELSEWHERE))
    death = story.events("Odo Marsh")[0]
    assert str(story.position_of(death)) == "Harbour Lights S1E6"


def test_a_second_episode_count_keeps_the_first():
    story = Story(_facts(*ELSEWHERE, {"kind": "season", "work": "Harbour Lights", "season": 1,
                                       "episodes": 9, "doc": "y.txt"}))
    assert story.chronology.episodes("Harbour Lights", 1) == 6
