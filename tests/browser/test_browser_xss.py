"""Hostile article text in Chromium: names and quotes holding ``<script>``,
``" onmouseover="`` and ``<img onerror>`` (tests/data/web/xss/) are shown as text on
every page and in the graph's tooltips; nothing of them becomes markup."""

import json
from urllib.parse import quote_plus

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from graph.rdf.terms import slug

CHARACTER = "Vex_<script>_Marlow"
ACTOR = 'Dana"onmouseover="alert(2)"Quist Ode'
WORK = "Night Harbour <script>alert(1)</script>"
QUOTED_WORK = 'Grey Fog " onmouseover="alert(2)'
ARTICLE = "night-harbour-season-one.txt"

# (path, text that must be visible on it as written, the helper's area).
PAGES = [
    (f"/article/{ARTICLE}", "<img src=x onerror=alert(3)>", "pages"),
    (f"/character/{slug(CHARACTER)}", ACTOR, "pages"),
    (f"/person/{slug(ACTOR)}", CHARACTER, "pages"),
    (f"/work/{slug(WORK)}", CHARACTER, "pages"),
    (f"/work/{slug(QUOTED_WORK)}", QUOTED_WORK, "pages"),
    ("/search?q=Vex", CHARACTER, "pages"),
    ("/search?q=Grey+Fog", QUOTED_WORK, "pages"),
    ("/continuity", None, "pages"),
    ("/ask?q=" + quote_plus(f"Who plays {CHARACTER}?"), ACTOR, "pages"),
    (f"/graph?focus=character/{slug(CHARACTER)}", None, "graph view"),
    ("/sparql?query=" + quote_plus(
        "SELECT ?n WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?n }"), CHARACTER,
     "data page"),
]

# What markup the hostile text would have made, had it been pasted as HTML.
INJECTED = """
var out = [];
document.querySelectorAll('*').forEach(function (el) {
  Array.from(el.attributes).forEach(function (a) {
    if (a.name.indexOf('on') === 0) { out.push(el.tagName + '[' + a.name + ']'); }
  });
});
document.querySelectorAll('script').forEach(function (s) {
  if (!s.src && s.type !== 'application/json') { out.push('inline script: ' + s.text); }
});
document.querySelectorAll('img[src="x"], img[src$="/x"]').forEach(function () {
  out.push('img src=x');
});
return out;
"""


def assert_no_alert(driver):
    """Fail when a dialog is open (and close it so the next test starts clean)."""
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return
    text = alert.text
    alert.dismiss()
    pytest.fail(f"an alert opened: {text!r}")


@pytest.mark.parametrize(("path", "shown", "owner"), PAGES, ids=[p for p, _, _ in PAGES])
def test_hostile_text_is_shown_as_text(browser, path, shown, owner):
    """The page opens no dialog, holds no element made from the article's text,
    and shows the hostile strings literally, ``<script>`` included."""
    driver = browser.open(path)
    assert_no_alert(driver)
    browser.built(path, owner)
    assert browser.js(INJECTED) == []
    text = browser.text("body")
    if path.startswith("/graph"):
        browser.wait("return document.body.dataset.graphReady === '1'")
        raw = browser.js("return document.getElementById('graph-data').textContent;")
        labels = json.dumps(json.loads(raw), ensure_ascii=False)
        assert "<script>" in labels, "the graph's data lost the hostile names"
        text = browser.js("return document.getElementById('graph-table').textContent;")
    if path != "/continuity":
        assert "<script>" in text or 'onmouseover="' in text, f"{path} shows no hostile text"
    if shown:
        assert shown in text, f"{shown!r} not shown as written on {path}"
    assert_no_alert(driver)


def test_graph_tooltip_shows_hostile_name_as_text(browser):
    """The tooltip of the hostile character's node shows its name as text."""
    node = f"character/{slug(CHARACTER)}"
    ids = browser.graph(f"/graph?focus={node}")
    assert node in ids
    tip = browser.hover_node(node)
    browser.shot("hostile tooltip")
    assert_no_alert(browser.driver)
    assert "<script>" in tip["text"], tip
    assert "<script" not in tip["html"].replace("&lt;script", ""), tip["html"]
    assert ACTOR in browser.text("#node-panel")
    assert browser.js(INJECTED) == []


def test_search_suggestions_show_hostile_name_as_text(browser):
    """The search box's suggestions hold the hostile name as the value typed."""
    driver = browser.open("/")
    driver.find_element(By.ID, "q").send_keys("Vex")
    options = browser.wait(
        "var o = Array.from(document.querySelectorAll('#suggestions option'))"
        ".map(function (el) { return el.value; }); return o.length ? o : null;",
        message="no suggestion appeared for 'Vex'")
    assert CHARACTER in options
    assert browser.js(INJECTED) == []
