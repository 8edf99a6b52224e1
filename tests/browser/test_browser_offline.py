"""Every main page in the browser: it loads, asks nothing of the internet, logs no
console error, and carries no asset from outside the app."""

from urllib.request import urlopen

import pytest

# (path, the helper's area that builds it): each page is checked once here.
PAGES = [
    ("/", "pages"),
    ("/search?q=Kilgrave", "pages"),
    ("/character/kilgrave", "pages"),
    ("/person/david-tennant", "pages"),
    ("/work/jessica-jones", "pages"),
    ("/article/jessica-jones-season-one-finale-synopsis.txt", "pages"),
    ("/continuity", "pages"),
    ("/ask?q=Who+plays+Kilgrave%3F", "pages"),
    ("/graph?focus=character/kilgrave", "graph view"),
    ("/data", "data out"),
    ("/sparql", "data out"),
    ("/add", "upload"),
]

# Every element that can load something, and the attribute that names it.
ASSET_URLS = """
return Array.from(document.querySelectorAll(
    'script[src], link[href], img[src], iframe[src], source[src], video[src], audio[src]'))
  .map(function (el) { return el.src || el.href; });
"""


def test_home_page_loads_with_its_search_box(browser):
    """The home page has a title, the search box and the spoiler-cut form."""
    driver = browser.open("/")
    assert "canon" in driver.title
    assert browser.js("return document.getElementById('q') !== null")
    assert browser.js("return document.getElementById('until') !== null")
    browser.built("/", "pages")


@pytest.mark.parametrize(("path", "owner"), PAGES, ids=[p for p, _ in PAGES])
def test_page_stays_on_127_0_0_1(browser, path, owner):
    """A page loads with status 200, every script, style and image it names is the
    app's own, and (checked on teardown) nothing it requests leaves 127.0.0.1 and
    the console shows no error."""
    browser.open(path)
    browser.built(path, owner)
    assets = browser.js(ASSET_URLS)
    assert assets, f"{path} loads no asset at all (not even app.css)"
    outside = [url for url in assets if not url.startswith(browser.url("/"))]
    assert not outside, f"{path} loads from outside the app: {outside}"
    browser.collect()
    statuses = [status for status, url in browser.responses if url == browser.url(path)]
    assert statuses == [200], f"{path} answered {statuses}"


def test_site_icon_is_served(browser):
    """The page links a site icon, and it and /favicon.ico (which Chromium asks for by
    habit) are served as images: a 404 would be a console error on every page."""
    browser.open("/")
    icons = browser.js("return Array.from(document.querySelectorAll(\"link[rel~='icon']\"))"
                       ".map(function (el) { return el.href; })")
    assert icons, "base.html links no site icon"
    for url in [*icons, browser.url("/favicon.ico")]:
        with urlopen(url, timeout=10) as response:
            assert response.status == 200, url
            assert response.headers["Content-Type"].startswith("image/"), url
