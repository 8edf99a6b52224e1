"""The drawn timeline in Chromium (webviz/templates/_timeline.html): it draws, its
labels fit their marks, a mark followed lands on the article at its quote, the
spoiler cut draws its line and leaves nothing after it, and the same marks are
there for a screen reader."""

from urllib.parse import quote_plus, urlparse

from selenium.webdriver.common.by import By

CHARACTER = "/character/kilgrave"
WORK = "/work/jessica-jones"
CUT = "Jessica Jones S1E3"
# Kilgrave dies in the Jessica Jones season 1 finale: the quotes of the two articles.
DEATH_QUOTES = ("she grabs him and snaps his neck", "Jessica broke his neck")

# Every mark's box, its label's box, and the SVG's size, in the SVG's own units.
MARKS = """
var svg = document.querySelector('#drawn-timeline svg.timeline');
if (!svg) { return null; }
return {width: svg.width.baseVal.value, height: svg.height.baseVal.value,
        marks: Array.from(svg.querySelectorAll('.tl-mark')).map(function (m) {
  var box = m.querySelector('rect').getBBox(), label = m.querySelector('text').getBBox();
  return {cls: m.getAttribute('class'), lane: m.dataset.lane, at: m.dataset.at,
          href: m.getAttribute('href'), x: box.x, y: box.y, w: box.width, h: box.height,
          lw: label.width, title: m.querySelector('title').textContent};
})};
"""


def _drawing(browser, path):
    browser.open(path)
    browser.built(path, "timeline")
    return browser.wait(MARKS, message=f"{path} draws no timeline")


def test_the_timeline_draws_inside_its_svg_with_labels_that_fit(browser):
    """Kilgrave's timeline draws its marks inside the SVG, each with a size, each
    label no wider than its mark, alive then dead on the life lane."""
    found = _drawing(browser, CHARACTER)
    marks = found["marks"]
    assert marks, "the timeline has no marks"
    for mark in marks:
        assert mark["w"] > 0 and mark["h"] > 0, mark
        assert mark["x"] >= 0 and mark["x"] + mark["w"] <= found["width"], mark
        assert mark["y"] >= 0 and mark["y"] + mark["h"] <= found["height"], mark
        assert mark["lw"] <= mark["w"], f"label wider than its mark: {mark}"
    life = [m["cls"].split()[-1] for m in marks if m["lane"] == "life"]
    assert life[0] == "state-alive" and "state-dead" in life, life
    svg = browser.driver.find_element(By.CSS_SELECTOR, "#drawn-timeline svg")
    assert svg.is_displayed() and svg.size["width"] > 300


def test_a_mark_followed_lands_on_its_quote(browser):
    """Clicking the death on Kilgrave's timeline opens the article at the span of
    the quote its tooltip gives."""
    driver = browser.open(CHARACTER)
    death = driver.find_element(By.CSS_SELECTOR,
                                "#drawn-timeline a.tl-mark.event-death[data-lane='happens']")
    tooltip = death.find_element(By.TAG_NAME, "title").get_attribute("textContent")
    assert any(q in tooltip for q in DEATH_QUOTES), tooltip
    death.find_element(By.TAG_NAME, "rect").click()
    browser.wait("return location.pathname.indexOf('/article/') === 0",
                 message="clicking the death mark did not open an article")
    browser.wait("return document.readyState === 'complete'")
    browser.shot("article from timeline mark")
    anchor = urlparse(driver.current_url).fragment
    assert anchor.startswith("span-"), driver.current_url
    span = driver.find_element(By.ID, anchor)
    assert any(q in span.text for q in DEATH_QUOTES), span.text
    assert span.text in tooltip


def test_the_cut_draws_its_line_and_hides_later_marks(browser):
    """Cut at Jessica Jones S1E3, the line is drawn, no mark of Jessica Jones
    reaches past it, no death is drawn and no quote of it is in the page."""
    found = _drawing(browser, f"{CHARACTER}?until={quote_plus(CUT)}")
    line = browser.js("var l = document.querySelector('#drawn-timeline .tl-cut line');"
                      "return l ? l.x1.baseVal.value : null;")
    assert line is not None, "no cut line"
    assert found["marks"]
    for mark in found["marks"]:
        assert "state-dead" not in mark["cls"] and "event-death" not in mark["cls"], mark
        if mark["at"].startswith("Jessica Jones"):
            assert mark["x"] + mark["w"] <= line, mark
        assert "until=" in mark["href"], mark
    source = browser.driver.page_source
    assert not any(q in source for q in DEATH_QUOTES)


def test_the_work_page_draws_its_timeline(browser):
    """Jessica Jones's page draws Kilgrave's death on its deaths lane."""
    found = _drawing(browser, WORK)
    deaths = [m for m in found["marks"] if m["lane"] == "deaths"]
    assert any("Kilgrave" in m["title"] for m in deaths), deaths


def test_a_screen_reader_has_the_same_marks(browser):
    """The SVG is a labelled group, and a visually hidden table lists every mark
    with a link to its quote."""
    found = _drawing(browser, CHARACTER)
    label = browser.js("var s = document.querySelector('#drawn-timeline svg');"
                       "var id = s.getAttribute('aria-labelledby');"
                       "return [s.getAttribute('role'), document.getElementById(id).textContent];")
    assert label == ["group", "Timeline of Kilgrave"]
    rows = browser.js("return Array.from(document.querySelectorAll("
                      "'#drawn-timeline-table tbody tr')).map(function (r) {"
                      "var a = r.querySelector('a'); return a ? a.getAttribute('href') : null; });")
    assert rows == [m["href"] for m in found["marks"]]
    box = browser.js("return document.getElementById('drawn-timeline-table')"
                     ".parentElement.getBoundingClientRect();")
    assert box["width"] <= 1 and box["height"] <= 1, f"the table is visible: {box}"
