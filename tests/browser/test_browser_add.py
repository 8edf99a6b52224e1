"""Adding an article from the browser: paste or choose a file, see the facts it
would add, then save them (or not)."""

from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

from selenium.webdriver.common.by import By

XSS_FILE = Path(__file__).parents[1] / "data" / "web" / "xss" / "grey-fog-pilot.txt"
PASTED = """---
title: Brine Street opens
work: Brine Street
season: 1
---
Brine Street Season One follows a night ferry crew.
Ansel Thorne, played by Marek Voss, pilots the last boat of the night.
"""


def test_pasted_article_is_previewed_then_saved(browser):
    """Pasted text shows its facts with nothing written; saving stores them and
    opens the article's page, and the new character has a page of its own."""
    driver = browser.open("/add")
    browser.built("/add", "upload")
    driver.find_element(By.ID, "text").send_keys(PASTED)
    driver.find_element(By.ID, "doc").send_keys("brine-street-s1.txt")
    driver.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
    browser.wait("return document.getElementById('preview-facts') !== null",
                 message="the preview shows no table of facts")
    browser.shot("preview pasted")
    assert "Marek Voss" in browser.text("#preview-facts")
    assert "Nothing has been written yet" in browser.text("#preview-status")
    assert _status(browser.url("/api/character/ansel-thorne")) == 404, "saved before Save"
    driver.find_element(By.CSS_SELECTOR, "form.save button[type=submit]").click()
    browser.wait("return location.pathname === '/article/brine-street-s1.txt'",
                 message="saving did not open the article's page")
    browser.shot("saved article")
    assert "Marek Voss" in browser.text("#article-text")
    browser.open("/character/ansel-thorne")
    assert "Marek Voss" in browser.text("#portrayals")


def test_chosen_file_is_previewed_as_text(browser):
    """A hostile file chosen with the file input is previewed with its names shown
    as text, and nothing is saved."""
    driver = browser.open("/add")
    browser.built("/add", "upload")
    driver.find_element(By.ID, "file").send_keys(str(XSS_FILE))
    driver.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
    browser.wait("return document.getElementById('preview-facts') !== null",
                 message="the preview shows no table of facts")
    browser.shot("preview file")
    facts = browser.text("#preview-facts")
    assert 'Lena Hart"onmouseover="alert(2)"x' in facts
    assert browser.js("return document.querySelectorAll('[onmouseover]').length") == 0


def _status(url):
    """Return the HTTP status of a GET of ``url``, asked outside the browser."""
    try:
        with urlopen(url, timeout=10) as response:
            return response.status
    except HTTPError as error:
        return error.code
