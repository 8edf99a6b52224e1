"""Tests of the JSON API (webviz/api.py): the same data as the pages, JSON errors, the
spoiler cut, over a store of data/articles and data/franchises."""

import html
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from graph.extract.pipeline import extract_articles
from graph.sources import find_articles, read_article
from graph.store import open_store
from webviz.app import create_app

ROOT = Path(__file__).resolve().parents[1]
CUT = "Jessica Jones S1E3"


@pytest.fixture(scope="module")
def web(module_store_location):
    """A test client of the app over data/articles and data/franchises, in memory and
    on an oxigraph server."""
    with open_store(module_store_location) as store:
        articles = [read_article(path) for path in find_articles(
            [ROOT / "data" / "articles", ROOT / "data" / "franchises"])]
        store.ingest(zip(articles, extract_articles(articles), strict=True))
        yield create_app(store, config={"TESTING": True}).test_client()


def _json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[-600:]
    assert response.mimetype == "application/json"
    return response.get_json()


CLAIM_KEYS = {"kind", "key", "fields", "summary", "at", "entities", "sources"}
SOURCE_KEYS = {"doc", "start", "end", "quote", "rule", "confidence", "span", "url"}


@pytest.mark.parametrize(("url", "keys"), [
    ("/api/suggest?q=kil", {"suggestions"}),
    ("/api/search?q=kilgrave", {"query", "results"}),
    ("/api/character/kilgrave", {"kind", "name", "slug", "node", "graph_url", "portrayals",
                                 "drawing", "timeline", "acts"}),
    ("/api/person/david-tennant", {"kind", "name", "slug", "node", "graph_url", "roles",
                                   "crew"}),
    ("/api/work/jessica-jones", {"kind", "name", "slug", "node", "graph_url", "drawing",
                                 "seasons", "recasts", "cast_unsaid", "events", "continuity",
                                 "placements", "crew", "articles"}),
    ("/api/article/jessica-jones-season-two-review.txt",
     {"doc", "title", "published", "source", "work", "work_url", "text", "kinds", "spans",
      "facts", "hidden"}),
    ("/api/continuity", {"filters", "allowed", "counts", "total", "findings"}),
    ("/api/ask?q=" + quote("Who killed Kilgrave?"), {"question", "answer", "forms"}),
])
def test_every_endpoint_returns_its_keys(web, url, keys):
    """Each endpoint answers a known entity or query with the documented keys."""
    assert set(_json(web, url)) == keys


def test_character_json_carries_claims_with_sources(web):
    """Kilgrave: David Tennant plays him, the timeline's marks carry their evidence,
    and every claim has its quotes with links to their spans."""
    data = _json(web, "/api/character/kilgrave")
    assert data["node"] == "character/kilgrave"
    assert {a["name"] for row in data["portrayals"] for a in row["actors"]} == {"David Tennant"}
    mark = data["drawing"]["marks"][0]
    assert {"lane", "at", "text", "title", "url", "sources", "x", "y", "width"} <= set(mark)
    assert mark["url"] == mark["sources"][0]["url"]
    claim = data["timeline"][0]["claim"]
    assert set(claim) == CLAIM_KEYS and claim["fields"]["event"] == "death"
    source = claim["sources"][0]
    assert set(source) == SOURCE_KEYS
    assert source["url"] == f"/article/{source['doc']}#span-{source['span']}"
    assert {"role": "agent", "kind": "character", "name": "Jessica Jones",
            "url": "/character/jessica-jones"} in claim["entities"]


def _life(data):
    return [m["text"] for m in data["drawing"]["marks"] if m["lane"] == "life"]


def test_spoiler_cut_hides_kilgraves_death_in_the_api(web):
    """Cut at Jessica Jones S1E3, no life span is dead and no event of the timeline is a
    death; every URL keeps the cut. Without the cut, the death is there."""
    full = _json(web, "/api/character/kilgrave")
    assert "dead" in _life(full)
    assert "death" in {step["claim"]["fields"]["event"] for step in full["timeline"]}
    cut = _json(web, "/api/character/kilgrave?until=" + quote(CUT))
    assert _life(cut) == ["alive"] and cut["drawing"]["cut"]["at"] == CUT
    assert "death" not in {step["claim"]["fields"]["event"] for step in cut["timeline"]}
    urls = re.findall(r"'url': '([^']+)'", str(cut))
    assert urls and all("until=Jessica+Jones+S1E3" in url for url in urls)


def test_page_and_json_show_the_same_data(web):
    """The character page draws one timeline mark per JSON mark, linked alike; the
    article page one <mark> per JSON span."""
    data = _json(web, "/api/character/kilgrave")
    page = web.get("/character/kilgrave").get_data(as_text=True)
    drawn = re.findall(r'<a class="tl-mark [^"]*" href="([^"]+)" data-lane="(\w+)"', page)
    assert drawn == [(html.escape(m["url"]), m["lane"]) for m in data["drawing"]["marks"]]
    doc = "the-defenders-preview-who-is-who.txt"
    article = _json(web, f"/api/article/{doc}")
    page = web.get(f"/article/{doc}").get_data(as_text=True)
    ids = re.findall(r'<mark class="span[^"]*" data-kind="\w+" id="span-(\d+)"', page)
    assert sorted(map(int, ids)) == [span["n"] for span in article["spans"]]
    assert all(fact["span"] in {span["n"] for span in article["spans"]}
               for fact in article["facts"])


def test_suggest_and_search_rank_the_name_first(web):
    """Suggestions are at most ten entities, the best first; an empty query suggests
    nothing; search finds articles by title too."""
    found = _json(web, "/api/suggest?q=kilgr")["suggestions"]
    assert found[0] == {"name": "Kilgrave", "kind": "character", "url": "/character/kilgrave"}
    assert len(_json(web, "/api/suggest?q=a")["suggestions"]) == 10
    assert _json(web, "/api/suggest?q=")["suggestions"] == []
    results = _json(web, "/api/search?q=" + quote("AKA Smile"))["results"]
    assert results[0]["kind"] == "article"
    assert results[0]["url"] == "/article/jessica-jones-season-one-finale-synopsis.txt"


def test_work_json_has_episode_counts(web):
    """Seasons carry their episode counts when the franchise file gives them."""
    seasons = {s["season"]: s["episodes"] for s in _json(web, "/api/work/jessica-jones")["seasons"]}
    assert seasons[1] == 13 and seasons[2] == 13


def test_continuity_json_filters(web):
    """Filters name the allowed values and echo the chosen ones, the work by its
    stored name whether given by name or slug."""
    data = _json(web, "/api/continuity?work=jessica-jones&severity=ERROR")
    assert data["filters"] == {"rule": None, "severity": "error", "work": "Jessica Jones"}
    assert "recast" in data["allowed"]["rule"] and set(data["counts"]) == set(
        data["allowed"]["severity"])


def test_ask_json_answers_with_sources(web):
    """The answer names the killer and rests on claims with quotes; an unreadable
    question has no intent and suggests the closest questions, each with its link."""
    data = _json(web, "/api/ask?q=" + quote("Who killed Kilgrave?"))["answer"]
    assert data["form"] == "killer" and "Jessica Jones kills Kilgrave" in data["text"]
    assert data["sources"] and data["sources"][0]["sources"][0]["quote"]
    odd = _json(web, "/api/ask?q=" + quote("what is love"))["answer"]
    assert odd["form"] is None and "Did you mean: " in odd["text"] and odd["suggestions"]
    assert all(s["url"].startswith("/ask?q=") for s in odd["suggestions"])
    assert _json(web, "/api/ask")["answer"] is None


@pytest.mark.parametrize(("url", "message"), [
    ("/api/character/nobody", "no character with the id 'nobody'"),
    ("/api/person/nobody", "no person with the id 'nobody'"),
    ("/api/work/nowhere", "no work with the id 'nowhere'"),
    ("/api/article/nothing.txt", "no article 'nothing.txt'"),
])
def test_unknown_entities_are_json_404(web, url, message):
    """An unknown entity is a 404 in the one JSON error shape, naming it."""
    data = _json(web, url, 404)
    assert data == {"error": "Not Found", "status": 404, "message": data["message"]}
    assert message in data["message"]


@pytest.mark.parametrize(("url", "message"), [
    ("/api/suggest?q=" + "k" * 201, "q is 201 characters long; the limit is 200"),
    ("/api/search?q=" + "k" * 201, "q is 201 characters long; the limit is 200"),
    ("/api/continuity?rule=bogus", "unknown rule 'bogus': use one of dead-present,"),
    ("/api/continuity?work=Nowhere", "unknown work 'Nowhere'"),
    ("/api/ask?q=" + "w" * 301, "the limit is 300"),
    ("/api/character/kilgrave?until=Nowhere%20S1", "until: no work named 'Nowhere'"),
    ("/api/work/jessica-jones?until=" + "x" * 201, "until is 201 characters long"),
])
def test_bad_parameters_are_json_400(web, url, message):
    """A bad parameter is a 400 in the JSON error shape, saying which and why."""
    data = _json(web, url, 400)
    assert data["status"] == 400 and message in data["message"]
