"""Entity pages read one entity's claims (``views.entity_context``): every character,
person and work page of the demo store shows what the whole store's Story shows,
with and without a spoiler cut, and an unknown or hidden entity is still a 404."""

import pytest
from store_cases import DEMO, fill
from werkzeug.exceptions import HTTPException

from graph.rdf.terms import slug
from graph.store import open_store
from webviz import views
from webviz.app import create_app

PAGES = {"character": views.character, "person": views.person, "work": views.work}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The app over an on-disk store of data/articles and data/franchises."""
    with open_store(tmp_path_factory.mktemp("web-scope") / "store") as store:
        yield create_app(fill(store, DEMO), config={"TESTING": True})


def _page(build, kind, key):
    """Return a page's view, or the HTTP status it aborted with."""
    try:
        return build(kind, key)
    except HTTPException as error:
        return error.code


def _whole(kind, key):
    return PAGES[kind](views.context(), key)


def _scoped(kind, key):
    return PAGES[kind](views.entity_context(kind, key), key)


@pytest.mark.parametrize("until", [None, "Jessica Jones S1E3"])
def test_entity_pages_read_per_entity_equal_the_whole_story(app, until):
    query = f"?until={until}" if until else ""
    with app.test_request_context("/" + query):
        story = views.context().story
        people = {*story.actors(), *(s.claim.person for s in story.of_kind("crew"))}
        everyone = {"character": story.characters(), "person": sorted(people),
                    "work": story.works()}
    assert len(everyone["character"]) > 20
    for kind, names in everyone.items():
        for name in names:
            with app.test_request_context(f"/{kind}/{slug(name)}{query}"):
                whole = _page(_whole, kind, slug(name))
                assert whole != 404, name
                assert _page(_scoped, kind, slug(name)) == whole, (kind, name)


def test_an_unknown_or_hidden_entity_is_a_404_on_both_readings(app):
    with app.test_request_context("/"):
        assert _page(_scoped, "character", "nobody-at-all") == 404
        # A name typed for the id is sent to the entity's page (tests/test_names_lookup.py).
        with pytest.raises(HTTPException) as moved:
            _scoped("character", "Kilgrave")
        assert moved.value.response.status_code == 302
        assert moved.value.response.location == "/character/kilgrave"
    with app.test_request_context("/?until=Jessica Jones S1E3"):
        hidden = [name for name in ("Trish Walker", "Alisa Jones")
                  if _page(_whole, "character", slug(name)) == 404]
        assert hidden, "the cut hides none of the season 2 characters"
        for name in hidden:
            assert _page(_scoped, "character", slug(name)) == 404


def test_the_character_page_answers_through_the_app(app):
    client = app.test_client()
    page = client.get("/api/character/kilgrave")
    assert page.status_code == 200
    assert page.get_json()["name"] == "Kilgrave"
    assert client.get("/api/character/kilgrave?until=Harbor%20Nights%20S1").status_code == 400
