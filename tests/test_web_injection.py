"""Injection stays closed on every page and JSON answer of the web view: names,
titles and quotes holding quotes, backslashes, braces, triple quotes, SPARQL keywords
and HTML/JavaScript, stored as they are, reach each page and are escaped there (HTML
text, attributes and tooltips, the JSON embedded in <script>, the JSON API, the RDF
downloads), and, sent back as search terms, questions, filters and spoiler cuts,
never change a query: each finds its own entity and the store is left as it was.

The other tests of the same promise: tests/test_web_pages.py (extracted hostile
articles on the reader's pages), tests/test_web_graph.py (the graph's data block),
tests/test_web_upload.py (a pasted article), tests/test_web_data.py (/sparql's
result table), tests/test_store_remote.py (bound values on a SPARQL server) and
tests/browser/test_browser_xss.py (the same pages in Chromium)."""

import html
import json
import re
from html.parser import HTMLParser
from urllib.parse import quote

import pyoxigraph as ox
import pytest

from graph.exchange import export_bytes
from graph.model.facts import (
    Appearance,
    Continuity,
    Crew,
    Event,
    Evidence,
    Fact,
    Placement,
    Portrayal,
    Season,
)
from graph.rdf.formats import FORMATS
from graph.rdf.terms import slug
from graph.sources import Article
from graph.store import open_store
from webviz.app import create_app

# Each name is built to break whatever it is spliced into: a SPARQL string (quote,
# backslash, brace, comment, keywords), an HTML text or attribute, a <script> block,
# a template.
CHARACTER = 'Vex "Q\' \\ } UNION { ?s ?p ?o } # DROP ALL <script>alert(1)</script>'
ACTOR = 'Ada"onmouseover="alert(2)" <img src=x onerror=alert(3)> \'; DROP'
WORK = 'Night </script><!-- Harbour {{ 7*7 }} """ SELECT'
OTHER_WORK = "Tide ]]> &amp; </title> 東京 \U0001f600"
PERSON = "Ro\\u0022 & Ö <b>bold</b> INSERT DATA"
GHOST = "Mara <svg onload=alert(4)> \"'''"
NAMES = (CHARACTER, ACTOR, WORK, OTHER_WORK, PERSON, GHOST)
# What the names would have become as markup, had any been pasted into a page.
RAW = ("<script>alert", "<img src=x", "<svg onload", "<b>bold", 'onmouseover="alert',
       "</script><!--")
DOC = 'hostile "doc" <script>x</script>.txt'
TEXT_PIECES = [
    f"{CHARACTER} is played by {ACTOR} in season 1 of {WORK}.",
    f"{CHARACTER} dies in season 1, episode 2, shot by {GHOST}.",
    f"{PERSON} directed {WORK}, a spinoff of {OTHER_WORK}.",
    f"{GHOST} returns from the dead in season 1, episode 4 \"\"\" }} <!-- .",
    f"{WORK} season 1 has 10 episodes.",
]


def _facts(text):
    """The hostile article's facts, each quoting its sentence of ``text``."""
    claims = [
        Portrayal(ACTOR, CHARACTER, WORK, (1,)),
        Event(CHARACTER, "death", WORK, 1, 2, "physical", GHOST, 'shot "} DROP ALL {"'),
        Crew(PERSON, "director", WORK),
        Event(GHOST, "resurrection", WORK, 1, 4),
        Season(WORK, 1, 10),
    ]
    facts = []
    for claim, piece in zip(claims, TEXT_PIECES, strict=True):
        start = text.index(piece)
        facts.append(Fact(claim, Evidence(DOC, start, start + len(piece), piece, "hand",
                                          0.9)))
    start = text.index(TEXT_PIECES[2])
    facts += [Fact(Continuity(WORK, "spinoff_of", OTHER_WORK),
                   Evidence(DOC, start, start + len(TEXT_PIECES[2]), TEXT_PIECES[2])),
              Fact(Appearance(GHOST, WORK, 1, "ghost"),
                   Evidence(DOC, start, start + 4, text[start:start + 4])),
              # An anchor no other claim names: the graph page once failed (500)
              # reading the work "Night Harbor", which has no stored entity.
              Fact(Placement(OTHER_WORK, after="Night Harbor S1"),
                   Evidence(DOC, 0, 5, text[:5]))]
    return facts


def _second(text):
    """A second article that kills the character in another episode: a conflict that
    the continuity page reports with both quotes."""
    return [Fact(Event(CHARACTER, "death", WORK, 1, 5),
                 Evidence("second.txt", 0, len(text), text, "hand", 0.8))]


@pytest.fixture(scope="module")
def hostile(module_store_location):
    """(client, store): the app over a store holding the hostile articles, in memory
    and on an oxigraph server."""
    text = "\n\n".join(TEXT_PIECES) + "\n"
    first = Article(doc=DOC, path=DOC, format="txt", text=text, body_start=0,
                    content_hash="1" * 64, title=f"Review of {WORK} <script>t</script>",
                    source=f"{PERSON} Weekly", published="2024-05-01", work=WORK)
    second_text = f"{CHARACTER} dies in season 1, episode 5."
    second = Article(doc="second.txt", path="second.txt", format="txt", text=second_text,
                     body_start=0, content_hash="2" * 64, title=f"{CHARACTER} recap",
                     work=WORK)
    with open_store(module_store_location) as store:
        store.ingest([(first, _facts(text)), (second, _second(second_text))])
        yield create_app(store, config={"TESTING": True}).test_client(), store


class _Page(HTMLParser):
    """A page's start tags (tag, attrs), its text, and the bodies of its scripts."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.scripts, self._in_script = [], [], [], False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def _strings(value):
    """Every string a JSON value holds, keys included."""
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (key, *_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [value] if isinstance(value, str) else []


def _holds(strings, name):
    return any(name in s for s in strings)


def _check_html(response, shown):
    """The page is HTML with no markup made of the names: no tag or attribute of
    theirs, every script either a file or JSON that parses, and each name of
    ``shown`` in the page's text, its attributes (tooltips) or its JSON."""
    assert response.status_code == 200, response.get_data(as_text=True)[-400:]
    assert response.mimetype == "text/html"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    raw = response.get_data(as_text=True)
    for markup in RAW:
        assert markup not in raw, markup
    page = _Page(raw)
    assert not [(tag, key) for tag, attrs in page.tags for key in attrs if key.startswith("on")]
    assert not [tag for tag, _ in page.tags if tag in ("img", "b", "iframe", "object")]
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    inline = [json.loads(body) for body in page.scripts if body.strip()]
    assert len(inline) == sum(not attrs.get("src") for attrs in scripts)
    assert all(attrs.get("src") or attrs.get("type") == "application/json" for attrs in scripts)
    seen = ["".join(page.text)] + [v for _, attrs in page.tags for v in attrs.values() if v]
    seen += [s for block in inline for s in _strings(block)]
    for name in shown:
        assert _holds(seen, name), name


def _check_json(response, shown):
    """The answer is JSON (not sniffable as HTML) holding each name of ``shown`` as written."""
    assert response.status_code == 200, response.get_data(as_text=True)[-400:]
    assert response.mimetype in ("application/json", "application/sparql-results+json")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    strings = _strings(json.loads(response.get_data()))
    for name in shown:
        assert _holds(strings, name), name


def _q(text):
    return quote(text, safe="")


CUT = _q(f"{WORK} S1E3")
# (URL, names the page must show). Every page and JSON answer of the web view.
PAGES = [
    ("/", [WORK, CHARACTER]),
    (f"/search?q={_q('Vex')}", [CHARACTER]),
    (f"/search?q={_q(CHARACTER)}", [CHARACTER]),
    (f"/character/{slug(CHARACTER)}", [CHARACTER, ACTOR, WORK, GHOST, TEXT_PIECES[1]]),
    (f"/character/{slug(CHARACTER)}?until={CUT}", [CHARACTER, ACTOR]),
    (f"/character/{slug(GHOST)}", [GHOST, TEXT_PIECES[3]]),
    (f"/person/{slug(ACTOR)}", [ACTOR, CHARACTER]),
    (f"/person/{slug(PERSON)}", [PERSON, WORK]),
    (f"/work/{slug(WORK)}", [WORK, CHARACTER, ACTOR, PERSON, OTHER_WORK]),
    (f"/work/{slug(WORK)}?until={CUT}", [WORK, CHARACTER]),
    (f"/work/{slug(OTHER_WORK)}", [OTHER_WORK]),
    (f"/article/{_q(DOC)}", [DOC, WORK, *TEXT_PIECES]),
    ("/article/second.txt", [CHARACTER]),
    ("/continuity", [CHARACTER]),
    (f"/continuity?work={_q(WORK)}", [CHARACTER, WORK]),
    (f"/ask?q={_q(f'Who plays {CHARACTER}?')}", [CHARACTER]),
    (f"/ask?q={_q(f'Is {CHARACTER} alive in season 1 of {WORK}?')}", [CHARACTER]),
    ("/ask", [CHARACTER]),
    (f"/ask?q={_q('Vex, pier, boat?')}", [CHARACTER]),
    (f"/ask?q={_q('Who killed Vexx?')}", [CHARACTER]),
    (f"/graph?focus=character/{slug(CHARACTER)}", [CHARACTER, ACTOR, WORK]),
    (f"/graph?focus=work/{slug(WORK)}&work={_q(WORK)}", [WORK]),
    # Cut to two nodes: the status line names the focus beside "Show N more".
    (f"/graph?focus=character/{slug(CHARACTER)}&limit=2", [CHARACTER]),
    ("/data", []),
    ("/sparql?query=" + _q("SELECT ?n WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> "
                           "?n }"), [CHARACTER, ACTOR, WORK]),
]
API = [
    (f"/api/suggest?q={_q('Vex')}", [CHARACTER]),
    (f"/api/search?q={_q(CHARACTER)}", [CHARACTER]),
    (f"/api/character/{slug(CHARACTER)}", [CHARACTER, ACTOR, WORK, TEXT_PIECES[1]]),
    (f"/api/person/{slug(ACTOR)}", [ACTOR, CHARACTER]),
    (f"/api/person/{slug(PERSON)}", [PERSON]),
    (f"/api/work/{slug(WORK)}", [WORK, CHARACTER, OTHER_WORK]),
    (f"/api/article/{_q(DOC)}", [DOC, *TEXT_PIECES]),
    (f"/api/continuity?work={_q(WORK)}", [CHARACTER]),
    (f"/api/ask?q={_q(f'Who plays {CHARACTER}?')}", [CHARACTER]),
    ("/api/ask", [CHARACTER, WORK]),
    (f"/api/ask?q={_q('Vex, pier, boat?')}", [CHARACTER]),
    (f"/api/graph?focus=character/{slug(CHARACTER)}", [CHARACTER, ACTOR]),
    (f"/api/graph/expand?node=character/{slug(CHARACTER)}", [CHARACTER, ACTOR]),
    ("/sparql?format=json&query=" + _q(
        "SELECT ?n WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?n }"),
     [CHARACTER, ACTOR, WORK]),
]


@pytest.mark.parametrize(("url", "shown"), PAGES, ids=[u[:50] for u, _ in PAGES])
def test_every_page_shows_the_hostile_names_as_text(hostile, url, shown):
    """Each HTML page escapes the names everywhere it puts them."""
    client, _store = hostile
    _check_html(client.get(url, headers={"Accept": "text/html"}), shown)


@pytest.mark.parametrize(("url", "shown"), API, ids=[u[:50] for u, _ in API])
def test_every_json_answer_holds_the_hostile_names_as_written(hostile, url, shown):
    """Each JSON answer carries the names unchanged, as JSON."""
    client, _store = hostile
    _check_json(client.get(url, headers={"Accept": "application/json"}), shown)


@pytest.mark.parametrize(("url", "shown"), [
    (f"/character/{slug(CHARACTER)}", [CHARACTER, ACTOR, WORK, GHOST, TEXT_PIECES[1]]),
    (f"/character/{slug(GHOST)}", [GHOST, WORK, TEXT_PIECES[3]]),
    (f"/work/{slug(WORK)}", [WORK, CHARACTER, GHOST, TEXT_PIECES[1]]),
])
def test_the_drawn_timeline_holds_the_hostile_names_as_text(hostile, url, shown):
    """The SVG timeline alone (its tooltips, labels, links and the table for screen
    readers beside it) holds each name and quote as text, never as markup."""
    client, _store = hostile
    raw = client.get(url).get_data(as_text=True)
    drawing = raw[raw.index('<section id="drawn-timeline"'):]
    drawing = drawing[:drawing.index("</section>")]
    assert "<svg " in drawing and "</table>" in drawing
    for markup in RAW:
        assert markup not in drawing, markup
    page = _Page(drawing)
    assert {tag for tag, _ in page.tags} <= {"section", "h2", "p", "div", "svg", "title", "g",
                                             "rect", "text", "line", "a", "ul", "li", "span",
                                             "table", "caption", "thead", "tbody", "tr",
                                             "th", "td", "q"}
    assert not [key for _tag, attrs in page.tags for key in attrs if key.startswith("on")]
    text = "".join(page.text)
    for name in shown:
        assert name in text, name


def _literals(data, fmt):
    return {q.object.value for q in ox.parse(data, format=FORMATS[fmt].oxigraph)
            if isinstance(q.object, ox.Literal)}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_download_holds_the_hostile_names_as_written(hostile, fmt):
    """/export/<format> parses back, by pyoxigraph, to literals equal to the names
    and quotes, and /id/<entity> answers the entity's name the same way."""
    client, _store = hostile
    response = client.get(f"/export/{fmt}")
    assert response.status_code == 200
    literals = _literals(response.get_data(), fmt)
    assert {*NAMES, *TEXT_PIECES} <= literals
    if fmt in ("turtle", "ntriples", "jsonld"):
        media = FORMATS[fmt].media_type
        entity = client.get(f"/id/character/{slug(CHARACTER)}", headers={"Accept": media})
        assert entity.status_code == 200 and entity.mimetype == media
        assert CHARACTER in _literals(entity.get_data(), fmt)


def _nquads(store):
    return sorted(export_bytes(store, "nquads").splitlines())


@pytest.mark.parametrize("name", NAMES)
def test_names_sent_back_find_their_own_entity_and_change_nothing(hostile, name):
    """Each name as a search term finds its own entity, by name, first (a query it
    had changed would find every entity or none); asked about, filtered on and used
    as a spoiler cut, it leaves the store's quads as they were."""
    client, store = hostile
    before = _nquads(store)
    found = client.get(f"/api/search?q={_q(name)}").get_json()["results"]
    assert found and found[0]["name"] == name, found[:3]
    for url in (f"/api/suggest?q={_q(name)}", f"/api/ask?q={_q(f'Who plays {name}?')}",
                f"/api/continuity?work={_q(name)}", f"/ask?q={_q(f'What happened to {name}?')}",
                f"/api/graph?focus=work/{slug(WORK)}&work={_q(name)}",
                f"/character/{slug(CHARACTER)}?until={_q(name + ' S1E1')}"):
        response = client.get(url)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        if response.mimetype == "text/html":
            raw = response.get_data(as_text=True)
            assert not [m for m in RAW if m in raw], url
    assert _nquads(store) == before


def test_an_uploaded_hostile_article_is_escaped_on_its_preview_and_result(tmp_path):
    """The upload path: the preview and the article page the save leads to show a
    pasted article's hostile names and quotes as text."""
    text = (f"---\ntitle: {WORK} recap\nwork: {WORK}\nseason: 1\n---\n"
            f"{GHOST} Vane, played by {ACTOR} Brisk, dies in the season 1 finale.\n"
            "Vex_<script>_Marlow is played by Tom Reed in season 1.\n")
    with open_store("memory:") as store:
        client = create_app(store, config={"TESTING": True}).test_client()
        form = client.get("/add").get_data(as_text=True)
        csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
        preview = client.post("/add/preview", data={"csrf": csrf, "text": text,
                                                    "doc": "upload.txt"})
        _check_html(preview, ["Vex_<script>_Marlow", WORK])
        payload = re.search(r'name="payload" value="([^"]*)"', preview.text).group(1)
        saved = client.post("/add/save", data={"csrf": csrf, "doc": "upload.txt",
                                               "payload": html.unescape(payload)})
        assert saved.status_code == 303
        _check_html(client.get(saved.headers["Location"]), ["Vex_<script>_Marlow", WORK])


def test_a_page_asked_for_by_a_typed_name_keeps_hostile_names_inert(hostile):
    """A typed name redirects to the hostile entity's page, escaped as ever, and a 404
    for a name nothing fits names the closest hostile names as text."""
    client, _store = hostile
    _check_html(client.get(f"/character/vex?until={CUT}", follow_redirects=True),
                [CHARACTER])
    missing = client.get("/character/marra")
    assert missing.status_code == 404
    raw = missing.get_data(as_text=True)
    assert html.escape("Mara <svg onload=alert(4)>", quote=False) in raw
    for markup in RAW:
        assert markup not in raw, markup


def test_the_work_pages_cast_notes_show_hostile_names_as_text():
    """The work page's cast columns (a recast chain, a season inferred from where
    the character appears with its quote, the folded cast with no season) hold the
    hostile names as text, and the JSON twin as written."""
    text = "\n".join(TEXT_PIECES) + f"\n{GHOST} haunts {WORK} in season 2 <script>x</script>.\n"
    haunt = text.rindex(GHOST)
    quote_of = text[haunt:].splitlines()[0]
    article = Article(doc="cast.txt", path="cast.txt", format="txt", text=text, body_start=0,
                      content_hash="3" * 64, title="cast", work=WORK)

    def fact(claim, start=0, end=5):
        return Fact(claim, Evidence("cast.txt", start, end, text[start:end], "hand", 0.9))

    facts = [fact(Portrayal(ACTOR, CHARACTER, WORK, (1,))),
             fact(Portrayal(PERSON, CHARACTER, WORK, (2,))),
             fact(Portrayal(OTHER_WORK, GHOST, WORK, ())),
             fact(Portrayal(ACTOR, "Nobody Seen", WORK, ())),
             fact(Appearance(GHOST, WORK, 2, "ghost"), haunt, haunt + len(quote_of))]
    with open_store("memory:") as store:
        store.ingest([(article, facts)])
        client = create_app(store, config={"TESTING": True}).test_client()
        page = client.get(f"/work/{slug(WORK)}", headers={"Accept": "text/html"})
        _check_html(page, [f"recast: {ACTOR} (S1) -> {PERSON} (S2)", quote_of, GHOST,
                           OTHER_WORK, "Nobody Seen"])
        raw = page.get_data(as_text=True)
        assert raw.count('data-inferred="true"') == 1
        assert re.search(r'<details id="season-unsaid">\s*<summary[^>]*>Cast, seasons not'
                         r' said \(1\)', raw)
        data = client.get(f"/api/work/{slug(WORK)}").get_json()
        [second] = [s for s in data["seasons"] if s["season"] == 2]
        inferred = [row for row in second["cast"] if row["inferred"]]
        assert [row["actor"]["name"] for row in inferred] == [OTHER_WORK]
        assert inferred[0]["appears"][0]["sources"][0]["quote"] == quote_of
        assert data["recasts"][0]["label"] == f"recast: {ACTOR} (S1) -> {PERSON} (S2)"


def test_the_continuity_pages_sides_show_hostile_names_as_text():
    """Two articles giving the role to two hostile actors in one season: the finding's
    sides are headed by the actors' names, as text on the page and as written in
    its JSON twin."""
    articles = []
    for doc, actor in (("one.txt", ACTOR), ("two.txt", GHOST)):
        text = f"{actor} plays {CHARACTER} in season 1 of {WORK}."
        article = Article(doc=doc, path=doc, format="txt", text=text, body_start=0,
                          content_hash=doc[0] * 64, title=doc, work=WORK)
        articles.append((article, [Fact(Portrayal(actor, CHARACTER, WORK, (1,)),
                                        Evidence(doc, 0, len(text), text, "hand", 0.9))]))
    with open_store("memory:") as store:
        store.ingest(articles)
        client = create_app(store, config={"TESTING": True}).test_client()
        page = client.get("/continuity?rule=source-conflict", headers={"Accept": "text/html"})
        _check_html(page, [ACTOR, GHOST, CHARACTER])
        headings = re.findall(r'<h4 id="finding-1-side-\d">([^<]*)</h4>',
                              page.get_data(as_text=True))
        assert [html.unescape(h) for h in headings] == [ACTOR, GHOST]
        data = client.get("/api/continuity?rule=source-conflict").get_json()
        assert [side["label"] for side in data["findings"][0]["sides"]] == [ACTOR, GHOST]
