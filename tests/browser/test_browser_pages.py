"""The pages a reader walks through, in Chromium: search, a character, the spoiler
cut, an article's highlighted spans, the keyboard and a phone-sized window."""

from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

CHARACTER = "/character/kilgrave"
ARTICLE = "/article/jessica-jones-season-one-finale-synopsis.txt"
# Kilgrave dies in the season 1 finale (episode 13); the cut stops before it.
CUT = "Jessica Jones S1E3"
DEATH_QUOTE = "snaps his neck"
PHONE = (375, 740)

SCROLL_WIDTH = """
var root = document.documentElement;
return [root.scrollWidth, root.clientWidth];
"""
# The outermost elements that stick out past the window's right edge.
TOO_WIDE = """
var width = document.documentElement.clientWidth;
var out = [];
document.querySelectorAll('body *').forEach(function (el) {
  var box = el.getBoundingClientRect();
  if (box.right <= width + 1 || box.width === 0) { return; }
  for (var up = el.parentElement; up; up = up.parentElement) {
    if (out.indexOf(up) >= 0) { return; }
  }
  out.push(el);
});
return out.slice(0, 5).map(function (el) {
  var classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/) : [];
  return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + classes.filter(Boolean).map(function (c) { return '.' + c; }).join('')
    + ' ' + Math.round(el.getBoundingClientRect().width) + 'px';
});
"""


def _cut_of(url):
    return parse_qs(urlparse(url).query).get("until")


def test_search_leads_to_the_character_page(browser):
    """Typing a name in the search box lists the character; its link opens its page
    with the actor who plays it."""
    driver = browser.open("/")
    browser.built("/", "pages")
    box = driver.find_element(By.ID, "q")
    box.send_keys("Kilgrave")
    box.send_keys(Keys.ENTER)
    browser.wait("return location.pathname === '/search'", message="Enter did not search")
    browser.built("/search", "pages")
    browser.shot("search results")
    links = driver.find_elements(By.CSS_SELECTOR, "#results li a")
    names = [link.text for link in links]
    target = [link for link in links
              if urlparse(link.get_attribute("href")).path == CHARACTER]
    assert target, f"no link to {CHARACTER} among the results {names}"
    target[0].click()
    browser.wait(f"return location.pathname === '{CHARACTER}'")
    browser.wait("return document.readyState === 'complete'")
    browser.built(CHARACTER, "pages")
    browser.shot("character from search")
    assert "Kilgrave" in browser.text("h1")
    assert "David Tennant" in browser.text("#portrayals")


def test_search_box_suggests_names(browser):
    """Typing part of a name fills the search box's suggestions from /api/suggest."""
    driver = browser.open("/")
    driver.find_element(By.ID, "q").send_keys("Kilg")
    options = browser.wait(
        "var o = Array.from(document.querySelectorAll('#suggestions option'))"
        ".map(function (el) { return el.value; }); return o.length ? o : null;",
        message="no suggestion appeared for 'Kilg'")
    assert "Kilgrave" in options


def test_spoiler_cut_removes_a_later_death(browser):
    """Filling "I have watched up to" with a point before the finale hides
    Kilgrave's death, and the cut stays in the URL and in the page's links."""
    driver = browser.open(CHARACTER)
    browser.built(CHARACTER, "pages")
    assert DEATH_QUOTE in browser.text("#events")
    field = driver.find_element(By.ID, "until")
    field.clear()
    field.send_keys(CUT)
    field.send_keys(Keys.ENTER)
    browser.wait("return location.search.indexOf('until=') >= 0",
                 message="the cut form did not put until= in the URL")
    browser.wait("return document.readyState === 'complete'")
    browser.shot("character cut at S1E3")
    assert urlparse(driver.current_url).path == CHARACTER
    assert _cut_of(driver.current_url) == [CUT]
    dead = driver.find_elements(By.CSS_SELECTOR, "#drawn-timeline .tl-mark.state-dead")
    assert not dead, "a death mark is still shown after the cut"
    assert DEATH_QUOTE not in browser.text("body")
    internal = browser.js(
        "return Array.from(document.querySelectorAll('main a[href], nav a[href]'))"
        # An SVG link's href is no string: read the attribute, made absolute.
        ".map(function (a) { return new URL(a.getAttribute('href'), location.href).href; })"
        ".filter(function (h) { return h.indexOf(location.origin + '/') === 0"
        " && h.indexOf('#') < 0; });")
    lost = [url for url in internal if _cut_of(url) != [CUT]]
    assert not lost, f"links that drop the spoiler cut: {lost[:5]}"


def test_spoiler_cut_follows_a_link(browser):
    """A page reached by a link from a cut page keeps the cut and hides the death."""
    driver = browser.open(f"{CHARACTER}?until={CUT.replace(' ', '+')}")
    browser.built(CHARACTER, "pages")
    driver.find_element(By.CSS_SELECTOR, "nav a.brand").click()
    browser.wait("return location.pathname === '/'")
    browser.wait("return document.readyState === 'complete'")
    assert _cut_of(driver.current_url) == [CUT]
    assert CUT in browser.text(".cut-note")


def test_actor_link_leads_to_every_role(browser):
    """From Kilgrave's portrayals, the actor's link opens a page with his other roles."""
    driver = browser.open(CHARACTER)
    driver.find_element(By.LINK_TEXT, "David Tennant").click()
    browser.wait("return location.pathname === '/person/david-tennant'")
    browser.wait("return document.readyState === 'complete'")
    browser.shot("person from character")
    roles = browser.text("#roles")
    assert "Kilgrave" in roles and "Doctor" in roles


def test_work_page_lists_seasons_cast_and_events(browser):
    """Jessica Jones's page has its seasons, Kilgrave in the season 1 cast and the
    death among its events."""
    browser.open("/work/jessica-jones")
    assert "Season 1" in browser.text("#seasons")
    assert "Kilgrave" in browser.text("#season-1")
    assert "death" in browser.text("#events")


def test_ask_form_answers_with_sources(browser):
    """A question typed in the ask form is answered with the quote it rests on."""
    driver = browser.open("/ask")
    box = driver.find_element(By.ID, "ask-q")
    box.send_keys("Who killed Kilgrave?")
    box.send_keys(Keys.ENTER)
    browser.wait("return document.getElementById('answer') !== null",
                 message="the ask form shows no #answer")
    browser.shot("ask answered")
    answer = browser.text("#answer")
    assert "Jessica Jones" in answer
    assert browser.js("return document.querySelectorAll('#answer a[href^=\"/article/\"]')"
                      ".length") > 0


def test_article_page_highlights_its_spans(browser):
    """The article page marks every extracted span, visibly, the death among them."""
    driver = browser.open(ARTICLE)
    browser.built(ARTICLE, "pages")
    marks = driver.find_elements(By.CSS_SELECTOR, "#article-text mark.span")
    assert len(marks) >= 5, f"only {len(marks)} highlighted spans"
    hidden = [mark.text for mark in marks if not mark.is_displayed()]
    assert not hidden, f"highlighted spans that are not visible: {hidden[:5]}"
    kinds = {mark.get_attribute("data-kind") for mark in marks}
    assert {"portrayal", "event"} <= kinds, kinds
    texts = [mark.text for mark in marks]
    assert any(DEATH_QUOTE in text for text in texts), texts
    backgrounds = browser.js(
        "return Array.from(document.querySelectorAll('#article-text mark.span'))"
        ".map(function (m) { return getComputedStyle(m).backgroundColor; });")
    plain = [b for b in backgrounds if b in ("rgba(0, 0, 0, 0)", "transparent")]
    assert not plain, f"{len(plain)} spans have no highlight colour"


def test_tab_reaches_skip_link_then_search_box(browser):
    """From the top of the page, Tab focuses the skip link first, and further Tabs
    reach the search box; the skip link moves focus to the main content."""
    driver = browser.open("/")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    first = browser.js("return document.activeElement.className + ' ' "
                       "+ document.activeElement.getAttribute('href')")
    assert first == "skip #main", f"Tab focused {first!r} first"
    assert driver.switch_to.active_element.is_displayed(), "the focused skip link is hidden"
    browser.shot("skip link focused")
    for _ in range(20):
        if browser.js("return document.activeElement.id") == "q":
            break
        ActionChains(driver).send_keys(Keys.TAB).perform()
    assert browser.js("return document.activeElement.id") == "q", "Tab never reached #q"
    browser.open("/")
    ActionChains(driver).send_keys(Keys.TAB).send_keys(Keys.ENTER).perform()
    browser.wait("return document.activeElement.id === 'main'",
                 message="the skip link did not move focus to #main")


@pytest.mark.parametrize("path", ["/", CHARACTER, "/work/jessica-jones", ARTICLE,
                                  "/continuity", "/graph?focus=character/kilgrave"])
def test_phone_window_has_no_horizontal_scroll(browser, path):
    """At 375x740 a page fits the width: nothing scrolls sideways."""
    driver = browser.driver
    driver.set_window_size(*PHONE)
    browser.open(path, shot=f"phone {path}")
    browser.built(path, "pages" if not path.startswith("/graph") else "graph view")
    scroll, client = browser.js(SCROLL_WIDTH)
    assert client <= PHONE[0]
    assert scroll <= client, (f"{path} is {scroll} px wide in a {client} px window; "
                              f"too wide: {browser.js(TOO_WIDE)}")
