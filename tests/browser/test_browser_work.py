"""The work page's cast season by season and the continuity page's conflicts, in
Chromium: seasons in order, a recast marked where the new actor comes in, a season
inferred from where a character appears, the cast no season holds folded away and
closed, and a finding's sides standing side by side."""

from selenium.webdriver.common.by import By

WORK = "/work/dallas"
CHAIN = "recast: Barbara Bel Geddes (S1-S7) -> Donna Reed (S8)"
# Each season section's number and heading, in the page's order.
SEASONS = """
return Array.from(document.querySelectorAll('section[id^="season-"]')).map(function (s) {
  return [s.id, s.querySelector('h3').textContent.trim()];
});
"""
# The boxes of the first finding's sides.
SIDE_BOXES = """
return Array.from(document.querySelectorAll('li.finding')[0].querySelectorAll('.side'))
  .map(function (s) { var b = s.getBoundingClientRect();
                      return {top: Math.round(b.top), left: b.left, right: b.right,
                              label: s.querySelector('h4').textContent}; });
"""


def test_the_cast_comes_season_by_season_with_the_recast_marked(browser):
    driver = browser.open(WORK)
    browser.built(WORK, "workpages")
    seasons = browser.js(SEASONS)
    numbers = [int(section.split("-")[1]) for section, _heading in seasons]
    assert numbers == sorted(numbers) and len(numbers) >= 9
    assert [heading for _section, heading in seasons][:2] == ["Season 1", "Season 2"]
    recast = driver.find_element(By.CSS_SELECTOR, "#season-8 tr.recast")
    assert recast.is_displayed()
    assert "Donna Reed" in recast.text and CHAIN in recast.text
    assert not driver.find_elements(By.CSS_SELECTOR, "#season-7 tr.recast")
    assert CHAIN in browser.text("ul.recasts")
    inferred = driver.find_element(By.CSS_SELECTOR, '#season-8 tr[data-inferred="true"]')
    assert "Patrick Duffy" in inferred.text
    assert "Inferred from where the character appears" in inferred.text
    # The actor of an inferred season is set apart by its style, not only by words.
    assert inferred.find_element(By.CSS_SELECTOR, 'td[data-label="Actor"]').value_of_css_property(
        "font-style") == "italic"
    browser.shot("dallas cast season 8")


def test_the_cast_no_season_holds_is_folded_and_closed(browser):
    driver = browser.open(WORK)
    folded = driver.find_element(By.ID, "season-unsaid")
    assert folded.tag_name == "details" and folded.get_attribute("open") is None
    summary = folded.find_element(By.TAG_NAME, "summary")
    assert summary.text.startswith("Cast, seasons not said (")
    rows = folded.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert rows and not any(row.is_displayed() for row in rows)
    summary.click()
    browser.wait("return document.getElementById('season-unsaid').open === true")
    assert all(row.is_displayed() for row in rows)
    browser.shot("dallas cast unfolded")


def test_the_spoiler_cut_leaves_out_later_seasons_and_the_recast(browser):
    driver = browser.open(WORK + "?until=Dallas%20S7")
    numbers = [int(section.split("-")[1]) for section, _heading in browser.js(SEASONS)]
    assert numbers and max(numbers) == 7
    assert "Donna Reed" not in browser.text("main")
    assert not driver.find_elements(By.CSS_SELECTOR, "tr.recast, ul.recasts")


def test_a_findings_sides_stand_side_by_side(browser):
    """Bobby Ewing dies in Dallas S8 and returns in the S9 finale: the two claims
    stand in two columns, each headed by what it says."""
    browser.open("/continuity?rule=return-without-mode&work=Dallas")
    sides = browser.js(SIDE_BOXES)
    assert [side["label"] for side in sides] == ["death in S8", "return in S9 finale"]
    assert len({side["top"] for side in sides}) == 1
    assert all(a["right"] <= b["left"] for a, b in zip(sides, sides[1:], strict=False))
    browser.shot("conflict sides")


def test_the_cast_and_its_notes_fit_a_phone(browser):
    """At 375x740 the work page with its recast chains and inferred notes, and the
    continuity page with its sides, scroll only downwards."""
    browser.driver.set_window_size(375, 740)
    for path in (WORK, "/continuity?work=Dallas"):
        browser.open(path, shot=f"phone {path}")
        scroll, client = browser.js("var r = document.documentElement;"
                                    " return [r.scrollWidth, r.clientWidth];")
        assert scroll <= client, f"{path} is {scroll} px wide in a {client} px window"
