"""The drawn timeline's layout (webviz/timeline_axis.py, webviz/timeline_svg.py) on a
made-up show, tests/data/timeline/saltmarsh.jsonl: Wren Hollis is played by Ada Vance
in Saltmarsh S1-S2 and in the spin-off Saltmarsh Tides (placed between S1 and S2),
recast with Bea Lorne in S3; Cole Maddox drowns her in S1E6 (two articles say so),
she returns as a hallucination in S2E3 and Ivy Stroud raises her in S3E2; she appears
in flashback in Far Shore, which nothing orders against Saltmarsh, and is hurt at a
time nobody names. The pages that draw it are tested in tests/test_web_pages.py and
tests/browser/test_browser_timeline.py."""

import hashlib
import html
import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from graph.continuity.story import Story
from graph.model.facts import fact_from_json
from graph.sources import Article
from graph.store import open_store
from webviz.app import create_app
from webviz.timeline_axis import UNPLACED
from webviz.timeline_svg import character_timeline, work_timeline

SALTMARSH = Path(__file__).parent / "data" / "timeline" / "saltmarsh.jsonl"
WREN = "Wren Hollis"
COLE = "Cole Maddox"


def facts():
    """The fixture's Facts."""
    lines = SALTMARSH.read_text(encoding="utf-8").splitlines()
    return [fact_from_json(json.loads(line)) for line in lines]


def _source(sourced):
    return [{"doc": ev.doc, "quote": ev.quote, "url": f"/article/{ev.doc}#at-{ev.start}"}
            for ev in sourced.evidence]


def _draw(name=WREN, until=None):
    return character_timeline(Story(facts(), until=until), name, _source)


def _marks(drawing, lane):
    return sorted((m for m in drawing["marks"] if m["lane"] == lane), key=lambda m: m["x"])


def test_ticks_follow_the_chronology_with_the_gaps_labelled():
    """Slots run in story order: Far Shore, which nothing orders against Saltmarsh
    (works that are not ordered go by name), behind it a gap saying so, then
    Saltmarsh S1 and the episode of the death, the spin-off placed after S1, S2 and
    S3 with their episodes, then the slot of claims with no time."""
    drawing = _draw()
    assert [t["at"] for t in drawing["ticks"]] == [
        "Far Shore", "Saltmarsh S1", "Saltmarsh S1E6", "Saltmarsh Tides", "Saltmarsh S2",
        "Saltmarsh S2E3", "Saltmarsh S3", "Saltmarsh S3E2", UNPLACED]
    xs = [t["x"] for t in drawing["ticks"]]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert [t["label"] for t in drawing["ticks"]][:3] == ["whole", "S1", "E6"]
    assert [g["work"] for g in drawing["groups"]] == [
        "Far Shore", "Saltmarsh", "Saltmarsh Tides", "Saltmarsh", UNPLACED]
    assert [g["label"] for g in drawing["gaps"] if g["unordered"]] == ["order not known", ""]
    assert all(t["x"] + t["width"] <= drawing["width"] for t in drawing["ticks"])


def test_lanes_and_life_state_spans():
    """A character's lanes come in one order; the life lane is alive until the
    death, dead (with the hallucination on the presence lane) until the
    resurrection, alive after, each span linked to the event that set it."""
    drawing = _draw()
    assert [lane["key"] for lane in drawing["lanes"]] == [
        "life", "presence", "actor", "happens", "acts"]
    life = [m for m in _marks(drawing, "life") if m["at"].startswith("Saltmarsh ")]
    assert [m["text"] for m in life] == ["alive", "dead", "alive"]
    assert [m["at"] for m in life] == ["Saltmarsh S1", "Saltmarsh S1E6 to Saltmarsh S3",
                                       "Saltmarsh S3E2"]
    assert "drowns Wren" in life[1]["title"] and life[1]["url"].startswith("/article/")
    assert "Ivy raises Wren" in life[2]["title"]
    far = _marks(drawing, "life")[0]
    assert far["at"] == "Far Shore" and far["x"] + far["width"] < life[0]["x"]
    for before, after in zip(life, life[1:], strict=False):
        assert before["x"] + before["width"] <= after["x"]
    presence = {m["text"]: m["at"] for m in _marks(drawing, "presence")}
    assert presence == {"hallucination": "Saltmarsh S2E3", "flashback": "Far Shore"}


def test_two_articles_on_one_event_make_one_mark_with_both_quotes():
    """The death read in two articles is one mark whose tooltip quotes both and
    whose link is the first; every mark links to evidence."""
    deaths = [m for m in _marks(_draw(), "happens") if m["text"].startswith("death")]
    assert len(deaths) == 1
    assert [s["doc"] for s in deaths[0]["sources"]] == ["saltmarsh-s1.txt", "saltmarsh-s2.txt"]
    assert "Cole drowns Wren" in deaths[0]["title"] and "drowned by Cole" in deaths[0]["title"]
    assert all(m["url"] for m in _draw()["marks"])


def test_recast_starts_a_new_actor_bar_on_its_own_row():
    """Ada Vance's bar covers S1, is broken by the spin-off placed after S1, and
    goes on over S2; Bea Lorne's S3 bar is a recast on another row."""
    actors = _marks(_draw(), "actor")
    assert [(m["text"], m["at"], m["cls"]) for m in actors] == [
        ("Ada Vance", "Saltmarsh S1", ""),
        ("Ada Vance", "Saltmarsh Tides", "unsaid"),
        ("Ada Vance", "Saltmarsh S2", ""),
        ("Bea Lorne (recast)", "Saltmarsh S3", "recast")]
    assert {m["row"] for m in actors[:3]} == {0} and actors[3]["row"] == 1
    assert "takes over as Wren" in actors[3]["title"]


def test_a_recast_in_no_named_work_is_drawn_in_time_not_said():
    """Portrayals that name seasons but no work have no place on the axis: their
    bars stand in "time not said", saying their seasons, the recast marked."""
    lines = [{"kind": "portrayal", "actor": actor, "character": "Hale", "seasons": seasons,
              "source": {"doc": "b.txt", "start": start, "end": start + 4, "quote": "Hale"}}
             for actor, seasons, start in (("Owen Pryce", [1, 2], 0), ("Dev Okafor", [3], 9))]
    drawing = character_timeline(Story([fact_from_json(line) for line in lines]), "Hale",
                                 _source)
    assert [t["at"] for t in drawing["ticks"]] == [UNPLACED]
    assert [(m["text"], m["cls"], m["row"]) for m in _marks(drawing, "actor")] == [
        ("Owen Pryce, S1-S2", "", 0), ("Dev Okafor (recast), S3", "recast", 1)]
    assert all(m["label"] == m["text"] for m in _marks(drawing, "actor"))


def test_acts_are_the_events_the_character_causes():
    """Cole's lane of acts holds the two killings, in story order; Wren's is empty."""
    acts = _marks(_draw(COLE), "acts")
    assert [(m["text"], m["at"]) for m in acts] == [
        ("kills Wren Hollis", "Saltmarsh S1E6"), ("kills Ivy Stroud", "Saltmarsh S3E5")]
    assert not _marks(_draw(), "acts")


def test_a_character_known_only_as_an_agent_has_every_mark_linked():
    """Without his portrayal Cole is known only by what he does: his life lane is
    alive, linked to his first act, like every other mark of his."""
    story = Story([f for f in facts() if getattr(f.claim, "character", None) != COLE])
    drawing = character_timeline(story, COLE, _source)
    assert [m["text"] for m in _marks(drawing, "life")] == ["alive"]
    assert "Cole drowns Wren" in _marks(drawing, "life")[0]["title"]
    assert drawing["marks"] and all(m["url"] for m in drawing["marks"])


@pytest.mark.parametrize("until", ["Saltmarsh S1E7", "Saltmarsh S2E3", "Saltmarsh S3E1"])
def test_the_cut_keeps_no_later_slot_or_mark(until):
    """Cut at a point, the axis stops there and draws the line at the end of its
    slot; no mark of Saltmarsh reaches past it and no later event is drawn."""
    drawing = _draw(until=until)
    cut = drawing["cut"]
    assert cut["at"] == until
    ticks = [t for t in drawing["ticks"] if t["at"].startswith("Saltmarsh ")]
    assert ticks[-1]["at"] == until
    assert cut["x"] == ticks[-1]["x"] + ticks[-1]["width"]
    ordered = [m for m in drawing["marks"] if m["at"].startswith("Saltmarsh ")]
    assert ordered and all(m["x"] + m["width"] <= cut["x"] for m in ordered)
    texts = " ".join(m["title"] for m in drawing["marks"])
    assert "Ivy raises Wren" not in texts
    assert ("Bea Lorne" in texts) == (until == "Saltmarsh S3E1")
    assert ("returns as Cole" in texts) == (until != "Saltmarsh S1E7")


def test_work_timeline_names_the_character_of_each_mark():
    """A work's lanes hold its deaths, returns, forms and recasts, each mark naming
    its character; a cut drops the later ones."""
    story = Story(facts())
    drawing = work_timeline(story, "Saltmarsh", _source)
    lanes = {lane["key"]: [m["text"] for m in _marks(drawing, lane["key"])]
             for lane in drawing["lanes"]}
    assert lanes["deaths"] == ["Wren Hollis", "Ivy Stroud"]
    assert lanes["returns"] == ["Wren Hollis: return", "Wren Hollis: resurrection"]
    assert lanes["forms"] == ["Wren Hollis: hallucination"]
    assert lanes["recasts"] == ["Wren Hollis: Bea Lorne"]
    cut = work_timeline(Story(facts(), until="Saltmarsh S2"), "Saltmarsh", _source)
    assert [m["text"] for m in cut["marks"] if m["lane"] == "deaths"] == ["Wren Hollis"]
    assert not [m for m in cut["marks"] if m["lane"] == "recasts"]


def test_labels_fit_their_marks():
    """A label longer than its mark is cut with an ellipsis; the tooltip keeps it whole."""
    for mark in _draw(COLE)["marks"]:
        assert len(mark["label"]) * 6.4 <= mark["width"]
        assert mark["text"] in mark["title"]


# --- the pages that draw it ----------------------------------------------------------

def _article(doc, facts_of_doc):
    """An Article whose text is the quotes of its facts, one a line, as their offsets say."""
    text = ""
    for fact in sorted(facts_of_doc, key=lambda f: f.evidence.start):
        if fact.evidence.start == len(text):
            text += fact.evidence.quote + ".\n"
    return Article(doc=doc, path=doc, format="txt", text=text, body_start=0,
                   content_hash=hashlib.sha256(text.encode()).hexdigest(), title=doc,
                   work="Saltmarsh")


@pytest.fixture(scope="module")
def saltmarsh():
    """A test client of the app over the fixture's facts, each article's text made of
    its quotes."""
    by_doc = {}
    for fact in facts():
        by_doc.setdefault(fact.evidence.doc, []).append(fact)
    with open_store("memory:") as store:
        store.ingest([(_article(doc, found), found) for doc, found in by_doc.items()])
        yield create_app(store, config={"TESTING": True}).test_client()


def _svg_marks(page):
    """The drawn marks of a page as {"class", "href", "lane", "at", "x", "width"}."""
    found = re.findall(r'<a class="(tl-mark [^"]*)" href="([^"]+)" data-lane="(\w+)" '
                       r'data-at="([^"]*)" data-n="\d+">\s*<title>[^<]*</title>\s*'
                       r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', page)
    return [{"class": c.split(), "href": html.unescape(h), "lane": lane,
             "at": html.unescape(at), "x": float(x), "width": float(w)}
            for c, h, lane, at, x, w in found]


def test_character_page_draws_links_to_the_quotes(saltmarsh):
    """Wren's page draws every mark as a link to the span of its quote on the
    article page, the recast marked, the unordered gap and the untimed slot
    labelled, and the same marks in the table for screen readers."""
    page = saltmarsh.get("/character/wren-hollis").get_data(as_text=True)
    marks = _svg_marks(page)
    assert len(marks) == page.count('class="tl-mark ') == page.count("<tr data-lane=")
    assert any("recast" in m["class"] and m["lane"] == "actor" for m in marks)
    assert "<title>order not known</title>" in page and f">{UNPLACED}<" in page
    for mark in marks:
        doc, anchor = re.fullmatch(r"/article/([^#?]+)#(span-\d+)", mark["href"]).groups()
        article = saltmarsh.get(f"/article/{doc}").get_data(as_text=True)
        assert f'id="{anchor}"' in article, mark
    death = next(m for m in marks if m["lane"] == "happens" and "event-death" in m["class"])
    article = saltmarsh.get(death["href"].split("#")[0]).get_data(as_text=True)
    span = re.search(rf'id="{death["href"].split("#")[1]}"[^>]*>([^<]*)<', article)
    assert span.group(1) == "Cole drowns Wren in the sixth episode"


def test_cut_page_draws_the_line_and_nothing_after_it(saltmarsh):
    """Cut at Saltmarsh S2E3, the page draws the cut's line, no Saltmarsh mark
    reaches past it, and nothing later is in the HTML at all."""
    page = saltmarsh.get("/character/wren-hollis?until=" + quote("Saltmarsh S2E3")).get_data(
        as_text=True)
    line = re.search(r'<g class="tl-cut"><line x1="([\d.]+)"', page)
    assert line
    marks = [m for m in _svg_marks(page) if m["at"].startswith("Saltmarsh ")]
    assert marks and all(m["x"] + m["width"] <= float(line.group(1)) for m in marks)
    for later in ("Ivy raises Wren", "Bea Lorne", "S3", "Cole stabs Ivy"):
        assert later not in page, later
    assert all("until=Saltmarsh+S2E3" in m["href"] for m in _svg_marks(page))


def test_work_page_includes_its_timeline(saltmarsh):
    """The work page draws the work's timeline with its deaths and recasts."""
    page = saltmarsh.get("/work/saltmarsh").get_data(as_text=True)
    lanes = {m["lane"] for m in _svg_marks(page)}
    assert {"deaths", "returns", "forms", "recasts"} <= lanes


def test_a_full_lane_counts_the_rest_into_one_mark():
    """Twelve deaths in one episode fill the lane's eight rows; the other four are
    one "+4 more" mark below them, naming them in its tooltip and linking to the
    first one's quote."""
    lines = [{"kind": "season", "work": "Saltmarsh", "season": 1,
              "source": {"doc": "s.txt", "start": 0, "end": 6, "quote": "Season"}}]
    lines += [{"kind": "event", "character": f"Villager {n:02d}", "event": "death",
               "work": "Saltmarsh", "season": 1, "episode": 9,
               "source": {"doc": "s.txt", "start": 10 * n, "end": 10 * n + 5,
                          "quote": f"dies {n:02d}"}} for n in range(1, 13)]
    story = Story([fact_from_json(line) for line in lines])
    deaths = _marks(work_timeline(story, "Saltmarsh", _source), "deaths")
    assert sorted(m["row"] for m in deaths) == list(range(9))
    more = next(m for m in deaths if m["row"] == 8)
    assert more["text"] == "+4 more" and "Villager 12" in more["title"]
    assert more["url"] == "/article/s.txt#at-90"
    assert len({m["text"] for m in deaths}) == 9
