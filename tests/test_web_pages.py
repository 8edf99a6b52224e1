"""Tests of the reader's pages (webviz/pages.py, webviz/views.py and their templates)
through Flask's test client, over a store of data/articles and data/franchises, and
over a store of made-up articles whose names and quotes carry HTML."""

import html
import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from graph.extract.pipeline import extract_articles
from graph.sources import find_articles, read_article
from graph.store import open_store
from webviz.app import create_app

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]
CUT = "Jessica Jones S1E3"
# Quotes of Kilgrave's death in the Jessica Jones season 1 finale.
DEATH_QUOTES = ("snaps his neck", "Jessica broke his neck")
XSS_ARTICLES = {
    "bad.txt": """---
title: Bad <script>alert(1)</script> show review
work: Bad Show <script>alert(1)</script>
season: 1
published: 2024-05-01
---
Bad Show <script>alert(1)</script> Season One is a thriller.
Vex_<script>_Marlow is played by Tom Reed in season 1.
<script>alert(1)</script> Vane, played by Ada " onmouseover="x Brisk, dies in the season 1 finale.
Vex_<script>_Marlow dies in season 1, episode 7, shot on the pier.
""",
    "recap.txt": """---
title: Bad Show <script>alert(1)</script> recap
work: Bad Show <script>alert(1)</script>
season: 1
published: 2024-05-02
---
Bad Show <script>alert(1)</script> Season One recap.
Vex_<script>_Marlow dies in season 1, episode 3, stabbed by " onmouseover="x Brisk.
""",
}
XSS_WORK = "bad-show-script-alert-1-script"


def _ingest(store, *folders):
    articles = [read_article(path) for path in find_articles(folders)]
    store.ingest(zip(articles, extract_articles(articles), strict=True))


@pytest.fixture(scope="module")
def web(module_store_location):
    """A test client of the app over data/articles and data/franchises, in memory and
    on an oxigraph server."""
    with open_store(module_store_location) as store:
        _ingest(store, ROOT / "data" / "articles", ROOT / "data" / "franchises")
        yield create_app(store, config={"TESTING": True}).test_client()


@pytest.fixture(scope="module")
def xss_web(tmp_path_factory):
    """A test client of the app over two articles whose names, titles and quotes hold
    <script> and " onmouseover=, and which disagree on when Vex dies."""
    folder = tmp_path_factory.mktemp("xss")
    for name, text in XSS_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    with open_store("memory:") as store:
        _ingest(store, folder)
        yield create_app(store, config={"TESTING": True}).test_client()


def _page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[-600:]
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


class _Tags(HTMLParser):
    """Every start tag of a page as (tag, attrs dict), and the text of each heading."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **wanted):
        return [attrs for name, attrs in self.tags if name == tag
                and all(attrs.get(key.rstrip("_")) == value for key, value in wanted.items())]


PAGES = [
    ("/", "Franchises and works"),
    ("/search?q=kilgrave", 'href="/character/kilgrave"'),
    ("/search", "Type a name above"),
    ("/character/kilgrave", "David Tennant"),
    ("/person/david-tennant", "Kilgrave"),
    ("/person/melissa-rosenberg", "showrunner"),
    ("/work/jessica-jones", "Season 1"),
    ("/article/jessica-jones-season-two-review.txt", 'id="article-text"'),
    ("/continuity", 'id="findings"'),
    ("/continuity?rule=recast&severity=info&work=Jessica%20Jones", "any rule"),
    ("/ask", "Questions I can answer"),
    ("/ask?q=Who+killed+Kilgrave%3F", 'id="answer"'),
]


@pytest.mark.parametrize(("url", "expected"), PAGES)
def test_every_page_answers_on_a_known_entity(web, url, expected):
    """Each page of a known entity or query is a 200 page showing what it is about."""
    assert expected in _page(web, url)


@pytest.mark.parametrize(("url", "message"), [
    ("/character/nobody-at-all", "no character with the id 'nobody-at-all'"),
    ("/person/nobody-at-all", "no person with the id 'nobody-at-all'"),
    ("/work/nowhere-at-all", "no work with the id 'nowhere-at-all'"),
    ("/article/no-such-article.txt", "no article 'no-such-article.txt'"),
])
def test_unknown_entities_are_404_with_the_reason(web, url, message):
    """An unknown slug or article is a 404 page naming it."""
    assert message in html.unescape(_page(web, url, 404))


@pytest.mark.parametrize(("url", "message"), [
    ("/search?q=" + "k" * 201, "q is 201 characters long; the limit is 200"),
    ("/continuity?rule=bogus", "unknown rule 'bogus': use one of dead-present,"),
    ("/continuity?severity=fatal", "unknown severity 'fatal': use one of error, warning,"),
    ("/continuity?work=Nowhere", "unknown work 'Nowhere': use one of"),
    ("/ask?q=" + "w" * 301, "the limit is 300"),
    ("/character/kilgrave?until=Nowhere%20S1", "until: no work named 'Nowhere'"),
])
def test_bad_parameters_are_400_with_the_reason(web, url, message):
    """A bad parameter is a 400 page that says which and why, never a 500."""
    assert message in html.unescape(_page(web, url, 400))


def test_search_links_exact_near_and_article_matches(web):
    """Search finds a name in any case, near spellings, and articles by title, each
    result a link to its page; an empty query is a hint, not an error."""
    def results(query):
        page = _page(web, "/search?q=" + quote(query))
        found = re.search(r'<ul id="results">(.*?)</ul>', page, re.S)
        assert found, page
        return re.findall(r'href="([^"]+)"', found.group(1))

    assert results("KILGRAVE")[0] == "/character/kilgrave"
    assert "/character/kilgrave" in results("kilgrav")
    assert "/person/david-tennant" in results("david tenant")
    assert "/work/jessica-jones" in results("jessica jones")
    assert "/article/jessica-jones-season-one-finale-synopsis.txt" in results("AKA Smile")
    assert results("zzzzqqq") == []
    assert 'id="results"' not in _page(web, "/search?q=")


def test_home_shows_franchises_counts_and_latest_articles(web):
    """The home page groups works into franchises (the franchise file's name), with
    counts, and lists articles newest first with their dates."""
    page = _page(web, "/")
    assert "Marvel Netflix" in page
    row = re.search(r'<th scope="row"><a href="/work/jessica-jones">Jessica Jones</a></th>'
                    r'<td data-label="Characters">(\d+)</td><td data-label="Events">(\d+)</td>',
                    page)
    assert row and int(row.group(1)) > 3 and int(row.group(2)) >= 2
    dates = re.findall(r'<time datetime="([0-9-]+)">', page)
    assert dates and dates == sorted(dates, reverse=True)
    for endpoint in ('href="/graph"', 'href="/continuity"', 'href="/ask"'):
        assert endpoint in page


def _drawn(page, lane=None):
    """The drawn timeline's marks as (tag, attrs), in the page's order."""
    return [(tag, attrs) for tag, attrs in _Tags(page).tags if tag in ("a", "g")
            and "tl-mark" in (attrs.get("class") or "").split()
            and lane in (None, attrs.get("data-lane"))]


def _classes(marks):
    return [set(attrs["class"].split()) for _tag, attrs in marks]


def test_character_page_timeline_marks_link_to_their_evidence(web):
    """Every mark of Kilgrave's drawn timeline is a link to a span that exists on its
    article page; he is alive in season 1, dead from the finale, and back as a
    hallucination in season 2; the table for screen readers has a row per mark."""
    page = _page(web, "/character/kilgrave")
    tags = _Tags(page)
    svg = tags.find("svg", role="group")
    assert len(svg) == 1 and tags.find("title", id=svg[0]["aria-labelledby"])
    marks = _drawn(page)
    assert marks and {tag for tag, _attrs in marks} == {"a"}
    articles = {}
    for _tag, attrs in marks:
        doc, anchor = re.fullmatch(r"/article/([^#?]+)#(span-\d+)", attrs["href"]).groups()
        if doc not in articles:
            articles[doc] = _Tags(_page(web, f"/article/{doc}"))
        assert articles[doc].find("mark", id=anchor), attrs["href"]
    life = _classes(_drawn(page, "life"))
    assert "state-alive" in life[0] and any("state-dead" in c for c in life)
    assert any("mode-hallucination" in c for c in _classes(_drawn(page, "presence")))
    table = page[page.index('id="drawn-timeline-table"'):]
    assert table.count("<tr data-lane=") == len(marks)
    assert all(quote_ in page for quote_ in DEATH_QUOTES)
    assert 'href="/graph?focus=character/kilgrave"' in page


def test_recast_is_marked_on_the_character_page(web):
    """A season played by a new actor is marked as a recast."""
    page = _page(web, "/character/darrin-stephens")
    assert 'class="recast"' in page and "Dick Sargent" in page


def test_spoiler_cut_hides_kilgraves_death_on_his_page(web):
    """Cut at Jessica Jones S1E3, Kilgrave's page shows no death and no dead mark, the
    timeline draws the cut's line, and every internal link keeps the cut."""
    page = _page(web, "/character/kilgrave?until=" + quote(CUT))
    marks = _classes(_drawn(page))
    assert marks and not [c for c in marks if {"state-dead", "event-death"} & c]
    assert 'class="tl-cut"' in page
    assert not any(quote_ in page for quote_ in DEATH_QUOTES)
    assert "death" not in page
    main = page[page.index('<main'):page.index('</main>')]
    for href in re.findall(r'href="(/[^"#]*)', main):
        assert "until=Jessica+Jones+S1E3" in href, href


def test_work_page_has_seasons_cast_events_and_articles(web):
    """Jessica Jones: seasons with their episode counts, a cast per season, the death
    of Kilgrave among its events and on its drawn timeline, and the articles about it."""
    page = _page(web, "/work/jessica-jones")
    assert "13 episodes" in page
    season = page[page.index('id="season-1"'):page.index('id="season-2"')]
    assert 'href="/character/kilgrave"' in season and "David Tennant" in season
    events = page[page.index('id="events"'):page.index('id="continuity"')]
    assert "Kilgrave: death" in events
    deaths = _drawn(page, "deaths")
    assert "Jessica Jones S1E13" in {attrs["data-at"] for _tag, attrs in deaths}
    assert ('<tr data-lane="deaths"><td>Jessica Jones S1E13</td><td>Deaths</td>'
            '<td>Kilgrave</td>') in page
    assert 'href="/article/jessica-jones-season-one-finale-synopsis.txt"' in page



def test_work_page_cast_by_season_marks_recasts_and_inferred_seasons(web):
    """Dallas: Miss Ellie's recast is marked where Donna Reed comes in (S8), Patrick
    Duffy, whose portrayal gives no season, is placed in S8 and S9 from where Bobby
    Ewing dies and returns (marked inferred), and the seasons come in order."""
    page = _page(web, "/work/dallas")
    numbers = [int(n) for n in re.findall(r'<section id="season-(\d+)"', page)]
    assert numbers == sorted(numbers) and numbers[:2] == [1, 2]
    eighth = page[page.index('id="season-8"'):page.index('id="season-9"')]
    chain = "recast: Barbara Bel Geddes (S1-S7) -&gt; Donna Reed (S8)"
    assert re.search(r'<tr class="recast">\s*<th scope="row"><a href="/character/ellie-ewing"',
                     eighth)
    assert chain in eighth and chain in page[:page.index('id="season-1"')]
    assert 'data-inferred="true"' in eighth and "Patrick Duffy" in eighth
    assert "Inferred from where the character appears" in eighth
    assert "recast" not in page[page.index('id="season-1"'):page.index('id="season-2"')]
    data = web.get("/api/work/dallas").get_json()
    rows = {(s["season"], r["character"]["name"]): r for s in data["seasons"] for r in s["cast"]}
    assert rows[(8, "Bobby Ewing")]["inferred"] and rows[(8, "Bobby Ewing")]["appears"]
    assert not rows[(1, "Ellie Ewing")]["inferred"] and rows[(1, "Ellie Ewing")]["recast"] is None
    cut = web.get("/api/work/dallas?until=Dallas+S7").get_json()
    assert cut["recasts"] == [] and max(s["season"] for s in cut["seasons"]) == 7


def test_work_page_folds_the_cast_no_season_holds(web):
    """Angel's cast with no season said sits in a closed <details> with its count."""
    page = _page(web, "/work/angel")
    found = re.search(r'<details id="season-unsaid">\s*<summary id="season-unsaid-h">'
                      r'Cast, seasons not said \((\d+)\)</summary>', page)
    assert found and int(found.group(1)) == len(web.get("/api/work/angel").get_json()[
        "cast_unsaid"]) > 0

def _article_text(page):
    found = re.search(r'<article id="article-text"[^>]*>(.*?)</article>', page, re.S)
    assert found
    return found.group(1)


def _store_docs(client):
    return [row["doc"] for row in client.application.extensions["canon"].store.articles()]


def test_article_page_highlights_every_span_and_keeps_the_text(web):
    """On every article page there is one <mark> per distinct extracted span, nested
    or split safely where spans overlap: stripping the tags gives the text back."""
    canon = web.application.extensions["canon"]
    for doc in _store_docs(web):
        text = canon.store.article(doc)["text"]
        spans = {(f.evidence.start, f.evidence.end) for f in canon.facts()
                 if f.evidence.doc == doc and f.evidence.end > f.evidence.start}
        body = _article_text(_page(web, f"/article/{doc}"))
        marks = re.findall(r'<mark class="span[^"]*" data-kind="(\w+)" id="(span-\d+)"', body)
        assert len(marks) == len(spans), doc
        assert html.unescape(re.sub(r"<[^>]+>", "", body)) == text, doc
        for start, end in spans:
            assert text[start:end]


def test_article_facts_link_to_spans_that_exist(web):
    """Each fact listed under an article links to a highlighted span of the page."""
    page = _page(web, "/article/the-defenders-preview-who-is-who.txt")
    ids = {attrs["id"] for attrs in _Tags(page).find("mark") if attrs.get("id")}
    facts = page[page.index('id="facts"'):]
    targets = re.findall(r'href="#(span-\d+)"', facts)
    assert targets and set(targets) <= ids
    assert "Highlighted kinds of fact" in page and 'class="swatch kind-portrayal"' in page


def test_spoiler_cut_hides_the_finale_death_span_of_the_article(web):
    """Cut before the finale, the synopsis shows the death sentence unmarked and does
    not list the death among its facts."""
    doc = "/article/jessica-jones-season-one-finale-synopsis.txt"
    full, cut = _page(web, doc), _page(web, f"{doc}?until=" + quote(CUT))
    assert 'data-kind="event"' in full and 'data-kind="event"' not in cut
    assert "Kilgrave: death" in full and "Kilgrave: death" not in cut
    assert "come after your spoiler cut" in cut
    assert len(re.findall(r"<mark class=\"span", cut)) < len(re.findall(r"<mark class=\"span",
                                                                          full))


def test_continuity_filters_and_counts(xss_web):
    """Findings filter by rule, severity and work; counts are by severity; each finding
    shows its claims' quotes with links to the articles."""
    page = _page(xss_web, "/continuity")
    findings = page[page.index('id="findings"'):]
    assert 'data-rule="source-conflict"' in findings
    assert 'href="/article/recap.txt#span-' in findings
    assert re.search(r'<td data-label="error"><a [^>]*>1</a>', page)
    assert 'data-rule="source-conflict"' not in _page(xss_web, "/continuity?severity=info")
    assert 'data-rule="source-conflict"' in _page(
        xss_web, f"/continuity?rule=source-conflict&severity=error&work={XSS_WORK}")



def test_a_conflict_shows_its_sides_in_columns(xss_web):
    """The two articles that disagree on when Vex dies are one finding whose sides
    stand in columns, each headed by its story time, with its quote and article."""
    page = _page(xss_web, "/continuity?rule=source-conflict")
    assert page.count('<li class="finding') == 1
    sides = re.findall(r'<section class="side"[^>]*>\s*<h4[^>]*>([^<]*)</h4>(.*?)</section>',
                       page, re.S)
    assert [label for label, _body in sides] == ["S1E3", "S1E7"]
    assert [re.findall(r'href="/article/([^"#]+)#span-\d+"', body) for _l, body in sides] == [
        ["recap.txt"], ["bad.txt"]]
    assert all('<q class="quote">' in body for _label, body in sides)
    data = xss_web.get("/api/continuity?rule=source-conflict").get_json()
    [finding] = data["findings"]
    assert [side["label"] for side in finding["sides"]] == ["S1E3", "S1E7"]
    assert xss_web.get("/api/continuity?rule=recast").get_json()["findings"] == []

def test_ask_answers_with_sources_and_lists_the_forms(web):
    """A known question is answered with its sources; an unreadable one gets "did
    you mean" questions as links, never a 500; every intent has a clickable example
    filled with names the store holds, several characters among them."""
    page = _page(web, "/ask?q=" + quote("Who killed Kilgrave?"))
    answer = page[page.index('id="answer"'):page.index('id="forms"')]
    assert "Jessica Jones kills Kilgrave" in answer and 'href="/article/' in answer
    odd = _page(web, "/ask?q=" + quote("what is the meaning of it all"))
    assert "Did you mean:" in odd
    suggested = odd[odd.index('id="suggestions"'):odd.index('id="forms"')]
    assert suggested.count('href="/ask?q=') >= 2
    examples = odd[odd.index('id="forms"'):]
    assert examples.count('href="/ask?q=') == 13
    forms = web.get("/api/ask").get_json()["forms"]
    named = {form["example"].removeprefix("Who plays ").removeprefix("What happened to ")
             .removeprefix("How does ").removesuffix(" come back?").rstrip("?")
             for form in forms if form["id"] in ("plays", "happened", "comes-back")}
    assert len(named) == 3, named
    for question in ("?", "Is Kilgrave alive in ???", "Who plays Kilgrave in season 99999?"):
        _page(web, "/ask?q=" + quote(question))


def test_ask_examples_keep_to_the_spoiler_cut(web):
    """The examples name only what the cut leaves, and keep the cut in their links."""
    page = _page(web, "/ask?until=" + quote(CUT))
    examples = page[page.index('id="forms"'):]
    assert "until=" in examples


ALL_PAGES = [url for url, _expected in PAGES] + ["/character/kilgrave?until=" + quote(CUT),
                                                 "/article/the-defenders-preview-who-is-who.txt"]


@pytest.mark.parametrize("url", ALL_PAGES)
def test_pages_are_semantic_and_need_no_inline_code(web, url):
    """No inline style or script (CSP), every visible form control labelled, headings
    in order, every table header scoped, one main landmark."""
    page = _page(web, url)
    tags = _Tags(page)
    assert not re.search(r"\sstyle=|<style", page)
    assert all(attrs.get("src") or attrs.get("type") == "application/json"
               for attrs in tags.find("script"))
    labels = {attrs.get("for") for attrs in tags.find("label")}
    for name, attrs in tags.tags:
        if name in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            assert attrs.get("id") in labels, (name, attrs)
    levels = [int(name[1]) for name, _attrs in tags.tags if re.fullmatch(r"h[1-6]", name)]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    assert all(attrs.get("scope") in ("col", "row") for attrs in tags.find("th"))
    assert len(tags.find("main")) == 1
    assert '<link rel="stylesheet" href="/static/pages.css">' in page


def test_pages_css_is_served_and_fits_a_phone(web):
    """The page styles come from the app and carry a narrow-screen rule."""
    response = web.get("/static/pages.css")
    assert response.status_code == 200
    css = response.get_data(as_text=True)
    response.close()
    assert "@media (max-width: 600px)" in css and "http" not in css


XSS_PAGES = ["/", "/search?q=vex", "/search?q=" + quote("<script>"),
             "/character/vex-script-marlow", "/character/vane", "/person/tom-reed",
             f"/work/{XSS_WORK}", "/article/bad.txt", "/article/recap.txt", "/continuity",
             "/ask?q=" + quote("Who killed Vex_<script>_Marlow?"),
             "/ask?q=" + quote("What happened to Vex_<script>_Marlow?"),
             "/ask?q=" + quote('<script>alert(1)</script> " onmouseover="x')]


@pytest.mark.parametrize("url", XSS_PAGES)
def test_html_in_names_and_quotes_is_shown_as_text(xss_web, url):
    """Names, titles and quotes holding <script> and " onmouseover= come out escaped
    on every page: shown as text, never as markup."""
    page = _page(xss_web, url)
    assert "<script>alert" not in page and "<script>_" not in page
    assert 'onmouseover="x' not in page
    assert "&lt;script&gt;" in page
    tags = _Tags(page)
    assert not any(key.startswith("on") for _name, attrs in tags.tags for key in attrs)
    assert all(attrs.get("src") for attrs in tags.find("script"))
