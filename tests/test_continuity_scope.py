"""Answers read per entity (``story_about``) against answers from the whole store's
Story: the same for every character, actor and work of the demo articles and of the
made-up shows, with and without a spoiler cut."""

import pytest
from store_cases import DATA, DEMO, fill, on_server

from graph.continuity.casting import cast, roles, who_plays
from graph.continuity.scope import story_about
from graph.continuity.status import status_at
from graph.continuity.story import load_story
from graph.continuity.timeline import timeline
from graph.errors import CanonError, UnknownEntityError
from graph.store import open_store


@pytest.fixture(scope="module")
def store(module_store_location):
    """A store of the demo articles, the franchise file and the made-up Harbour
    Lights facts, on each backend."""
    with open_store(module_store_location) as db:
        yield fill(db, DEMO, [DATA / "status" / "harbour.jsonl"])


def _answer(func, *args):
    """Return the JSON of an answer, or the error it raised, for comparing."""
    try:
        found = func(*args)
    except CanonError as error:
        return ("error", type(error).__name__)
    if isinstance(found, tuple):
        return (found[0], [step.to_json() for step in found[1]])
    if isinstance(found, list):
        return [row.to_json() for row in found]
    return found.to_json()


def _points(story):
    """Return story times to ask about: each season's first episode and finale."""
    points = []
    for work in story.works():
        for season in story.seasons(work) or [1]:
            points += [f"{work} S{season}E1", f"{work} S{season} finale"]
    return points


@pytest.mark.parametrize("until", [None, "Jessica Jones S1E13", "Harbour Lights S2E1"])
def test_character_answers_read_per_character_equal_the_whole_store(store, until):
    remote = on_server(store)
    if remote and until is not None:
        pytest.skip("on the server only the uncut answers run, for every fifth character:"
                    " each is a dozen HTTP round trips (all of them take 8 minutes)")
    whole = load_story(store, until=until)
    points = _points(load_story(store))
    assert len(whole.characters()) > 20
    for character in whole.characters()[::5] if remote else whole.characters():
        scoped = story_about(store, characters=[character], until=until)
        assert _answer(timeline, scoped, character) == _answer(timeline, whole, character)
        assert _answer(who_plays, scoped, character) == _answer(who_plays, whole, character)
        for at in points[::max(1, len(points) // 6)]:
            asked = story_about(store, characters=[character], times=[at], until=until)
            assert _answer(status_at, asked, character, at) == \
                _answer(status_at, whole, character, at), (character, at)


@pytest.mark.parametrize("until", [None, "Jessica Jones S1E13"])
def test_actor_and_work_answers_read_per_entity_equal_the_whole_store(store, until):
    whole = load_story(store, until=until)
    assert len(whole.actors()) > 10
    for actor in whole.actors():
        scoped = story_about(store, actors=[actor], until=until)
        assert _answer(roles, scoped, actor) == _answer(roles, whole, actor), actor
    for work in whole.works():
        scoped = story_about(store, works=[work], until=until)
        assert _answer(cast, scoped, work) == _answer(cast, whole, work), work
        for season in whole.seasons(work)[:2]:
            assert _answer(cast, scoped, work, season) == _answer(cast, whole, work, season)


def test_short_names_resolve_as_over_the_whole_store(store):
    whole = load_story(store)
    for short in ("Mara", "Kilgrave", "jessica jones", "Tennant"):
        kind = "actors" if short == "Tennant" else "characters"
        scoped = story_about(store, **{kind: [short]})
        func = roles if kind == "actors" else timeline
        assert _answer(func, scoped, short) == _answer(func, whole, short)


def test_a_name_the_store_lacks_is_refused_with_the_closest_names(store):
    with pytest.raises(UnknownEntityError, match="no character named 'Kilgrove'.*Kilgrave"):
        story_about(store, characters=["Kilgrove"])
    with pytest.raises(UnknownEntityError, match="no actor named"):
        story_about(store, actors=["Nobody Atall"])


def test_an_entity_read_holds_only_its_own_claims_and_the_frame(store):
    scoped = story_about(store, characters=["Kilgrave"])
    frame = {"season", "placement", "continuity"}
    others = [s for s in scoped.claims if s.kind not in frame
              and "Kilgrave" not in (getattr(s.claim, "character", None),
                                     getattr(s.claim, "agent", None))]
    assert others == []
    assert len(scoped.claims) < len(load_story(store).claims) / 2
