"""Adding articles from the browser: the form, the preview that writes nothing, the
save that does, and the refusals (no CSRF token, too large, a bad name or type)."""

import hashlib
import html
import io
import re
from pathlib import Path

import pytest

from graph.extract.pipeline import extract_articles
from graph.sources import find_articles, read_article
from graph.store import open_store
from webviz.app import create_app

DATA = Path(__file__).resolve().parents[1] / "data"
FRANCHISE = Path(__file__).parent / "data" / "franchise"
ARTICLE = """---
title: Saltmarsh returns
work: Saltmarsh
season: 2
---
Saltmarsh Season Two brings back Iris Dunmore, played by Hana Osei.
Newcomer Paul Verity plays Silas Crane, the new harbour master.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory, module_store_location):
    """A store holding the demo articles and franchise file, ingested once: on disk,
    and on an oxigraph server."""
    location = module_store_location
    if location == "memory:":
        location = tmp_path_factory.mktemp("upload") / "store"
    with open_store(location) as opened:
        articles = [read_article(p) for p in find_articles([DATA / "articles",
                                                            DATA / "franchises"])]
        opened.ingest(zip(articles, extract_articles(articles), strict=True))
        yield opened


@pytest.fixture
def client(store):
    """A test client of a new app over the module's store."""
    return create_app(store, config={"TESTING": True}).test_client()


def _csrf(client):
    page = client.get("/add")
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def _preview(client, **form):
    return client.post("/add/preview", data={"csrf": _csrf(client), **form},
                       content_type="multipart/form-data")


def _hidden(page, name):
    return html.unescape(re.search(rf'name="{name}" value="([^"]*)"', page.text).group(1))


def _quads(store):
    return sorted(str(q) for q in store.quads())


def test_add_form_offers_paste_file_and_name(client):
    page = client.get("/add")
    assert page.status_code == 200
    for field in ('name="text"', 'name="file"', 'name="doc"', 'name="csrf"',
                  'enctype="multipart/form-data"', 'action="/add/preview"'):
        assert field in page.text


def test_preview_shows_the_facts_and_writes_nothing(client, store):
    before = _quads(store)
    page = _preview(client, text=ARTICLE, doc="saltmarsh-s2.txt")
    assert page.status_code == 200
    assert "adds a new article" in page.text
    assert "Hana Osei" in page.text and "Iris Dunmore" in page.text
    assert "Iris Dunmore, played by Hana Osei" in page.text
    assert "portrayal" in page.text
    assert _hidden(page, "doc") == "saltmarsh-s2.txt"
    assert _quads(store) == before
    assert store.article("saltmarsh-s2.txt") is None


def test_preview_of_a_stored_name_says_it_replaces_it(client):
    page = _preview(client, text=ARTICLE, doc="jessica-jones-season-two-review.txt")
    assert page.status_code == 200
    assert "replaces" in page.text


def test_save_stores_the_previewed_article_and_goes_to_its_page(client, store):
    page = _preview(client, file=(io.BytesIO(ARTICLE.encode()), "saltmarsh.md"))
    assert _hidden(page, "doc") == "saltmarsh.md"
    count = len(store.articles())
    saved = client.post("/add/save", data={"csrf": _csrf(client), "doc": "saltmarsh.md",
                                           "payload": _hidden(page, "payload")})
    assert saved.status_code == 303
    assert saved.headers["Location"] == "/article/saltmarsh.md"
    assert len(store.articles()) == count + 1
    stored = store.article("saltmarsh.md")
    assert stored["text"] == ARTICLE and stored["work"] == "Saltmarsh"
    actors = {f.claim.actor for f in store.facts(about="Iris Dunmore", kind="portrayal")}
    assert actors == {"Hana Osei"}
    assert client.get(saved.headers["Location"]).status_code == 200


def test_pasted_name_defaults_to_a_dated_txt(client):
    page = _preview(client, text=ARTICLE)
    assert re.fullmatch(r"pasted-\d{8}-\d{6}\.txt", _hidden(page, "doc"))


def test_posts_without_the_csrf_token_are_refused(client, store):
    before = _quads(store)
    preview = client.post("/add/preview", data={"text": ARTICLE})
    assert preview.status_code == 400 and "CSRF" in preview.text
    payload = _hidden(_preview(client, text=ARTICLE, doc="nocsrf.txt"), "payload")
    save = client.post("/add/save", data={"doc": "nocsrf.txt", "payload": payload})
    assert save.status_code == 400
    assert _quads(store) == before


def test_an_upload_over_the_limit_is_a_413_saying_so(client):
    big = b"Kilgrave returns. " * (2 * 1024 * 1024 // 18 + 1)
    response = _preview(client, file=(io.BytesIO(big), "huge.txt"))
    assert response.status_code == 413
    assert "too large: a file may be up to 2 MB" in response.text


@pytest.mark.parametrize("form, reason", [
    ({"file": (b"%PDF-1.4", "notes.pdf")}, "notes.pdf: unsupported file type '.pdf'"),
    ({"text": ARTICLE, "doc": "../escape.txt"}, "'../escape.txt' cannot name an article"),
    ({"text": ARTICLE, "doc": ".hidden.txt"}, "cannot name an article"),
    ({"text": ARTICLE, "doc": "notes"}, "notes: unsupported file type '(no extension)'"),
    ({"text": "   "}, "nothing to add"),
    ({"text": ARTICLE, "file": (b"x", "a.txt")}, "not both"),
    ({"file": (b"\x00\x01\x02binary", "blob.txt")}, "blob.txt: "),
])
def test_bad_uploads_are_a_400_naming_the_problem(client, form, reason):
    # A new file object each run: the test runs once per store backend.
    form = {key: (io.BytesIO(value[0]), value[1]) if key == "file" else value
            for key, value in form.items()}
    response = _preview(client, **form)
    assert response.status_code == 400
    assert reason in html.unescape(response.text)


def test_a_damaged_payload_is_refused(client):
    response = client.post("/add/save", data={"csrf": _csrf(client), "doc": "x.txt",
                                              "payload": "not base64 at all!"})
    assert response.status_code == 400 and "damaged" in response.text


def test_pasted_markup_is_shown_as_text(client):
    hostile = ('Kilgrave <script>alert("x")</script>, played by '
               'David Tennant" onmouseover="alert(1), returns.\n')
    page = _preview(client, text=hostile, doc="hostile.txt")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(" in page.text
    assert '" onmouseover="' not in page.text


def test_saved_bytes_are_the_previewed_bytes(client, store):
    """Line breaks survive the round trip through the preview form unchanged."""
    text = "Ruth Kane (Joy Adebayo) leads the cast.\r\nSeason 3 of Lantern Street.\n"
    page = _preview(client, file=(io.BytesIO(text.encode()), "crlf.txt"))
    client.post("/add/save", data={"csrf": _csrf(client), "doc": "crlf.txt",
                                   "payload": _hidden(page, "payload")})
    assert store.article_hash("crlf.txt") == hashlib.sha256(text.encode()).hexdigest()


def _save(client, doc, text):
    page = _preview(client, file=(io.BytesIO(text.encode()), doc))
    saved = client.post("/add/save", data={"csrf": _csrf(client), "doc": doc,
                                           "payload": _hidden(page, "payload")})
    assert saved.status_code == 303


def test_pages_kept_until_the_store_changes_show_a_save(client):
    """The home page's latest articles and graph JSON are kept between requests: a
    save must make both read the store again."""
    first = ("---\ntitle: Pierhaven opens\nwork: Pierhaven\npublished: 2031-01-02\n---\n"
             "Pierhaven Season One stars Ruth Calloway as Edda Vane.\n")
    second = ("---\ntitle: Pierhaven grows\nwork: Pierhaven\npublished: 2031-01-03\n---\n"
              "Pierhaven Season Two adds Milo Sarrat, played by Jonas Pell.\n")
    _save(client, "pierhaven-one.md", first)
    graph = "/api/graph?focus=work/pierhaven"
    before = {node["name"] for node in client.get(graph).get_json()["nodes"]}
    assert "Pierhaven grows" not in client.get("/").text
    _save(client, "pierhaven-two.md", second)
    after = {node["name"] for node in client.get(graph).get_json()["nodes"]}
    assert "Edda Vane" in before and "Milo Sarrat" not in before
    assert "Milo Sarrat" in after
    assert "Pierhaven grows" in client.get("/").text
