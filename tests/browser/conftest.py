"""Browser fixtures: one app over the demo articles and the hostile ones, served on
127.0.0.1 from a thread, and one headless Debian Chromium driven by the system
chromedriver, both for the whole session. Every test that uses ``browser`` is checked
on teardown: no request left 127.0.0.1, the console logged no error, no page answered
with an error status."""

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from webviz.local import (
    CHROMEDRIVER,
    CHROMIUM,
    chromium_options,
    serve_in_thread,
    start_chromium,
)

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = (ROOT / "data" / "articles", ROOT / "data" / "franchises",
            ROOT / "tests" / "data" / "web" / "xss")
WINDOW = (1280, 900)
# The DOM position of a node inside the canvas container, from the page's own
# window.canonGraph, and the container's size.
NODE_POSITION = """
if (!window.canonGraph) { return null; }
var at = window.canonGraph.pointAt(arguments[0]);
if (!at) { return null; }
var box = document.getElementById('graph').getBoundingClientRect();
return {x: at.x, y: at.y, width: box.width, height: box.height};
"""
# vis-network's tooltip once shown: its text and its HTML.
TOOLTIP = """
var tip = document.querySelector('div.vis-tooltip');
if (!tip || tip.style.visibility === 'hidden' || !tip.textContent) { return null; }
return {text: tip.textContent, html: tip.innerHTML};
"""
# Seconds to wait for a page or a script to reach a state before failing.
PATIENCE = 10


def start_driver(profile):
    """Return a Selenium Chrome driver on /usr/bin/chromium through
    /usr/bin/chromedriver that logs every request and console message."""
    options = chromium_options(profile, ("--disable-extensions", "--mute-audio",
                                         f"--window-size={WINDOW[0]},{WINDOW[1]}"))
    # A dialog stays open for the test to find, instead of being closed unseen.
    options.unhandled_prompt_behavior = "ignore"
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = start_chromium(options)
    driver.set_window_size(*WINDOW)
    driver.set_page_load_timeout(30)
    return driver


def build_store(location, folders):
    """Return the store at ``location`` holding the articles of ``folders``."""
    from graph.extract.pipeline import extract_articles
    from graph.sources import find_articles, read_article
    from graph.store import open_store

    articles = [read_article(path) for path in find_articles(folders)]
    store = open_store(location)
    store.ingest(zip(articles, extract_articles(articles), strict=True))
    return store


@pytest.fixture(scope="session")
def chromium():
    """The Chromium binary; the browser tests are skipped, saying why, without it."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.skip(f"{' and '.join(missing)} missing: install Debian's chromium and "
                    "chromium-driver (apt-get install chromium chromium-driver; .ci/run does)")
    return CHROMIUM


@pytest.fixture(scope="session")
def site(chromium, tmp_path_factory):
    """The base URL (http://127.0.0.1:PORT) of the canon app over data/articles,
    data/franchises and the hostile articles of tests/data/web/xss."""
    from webviz import create_app

    store = build_store(tmp_path_factory.mktemp("store") / "canon-data", ARTICLES)
    base, stop = serve_in_thread(create_app(store, config={"TESTING": True}))
    yield base
    stop()
    store.close()


@pytest.fixture(scope="session")
def driver(chromium, tmp_path_factory):
    """One headless Chromium for the session, logging its network and console."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    browser = start_driver(profile)
    yield browser
    browser.quit()
    shutil.rmtree(profile, ignore_errors=True)


class Browser:
    """The session's Chromium seen from one test: opens app paths, saves a screenshot
    of every page into the test's folder, and keeps every request and console
    message for the checks at the end of the test."""

    def __init__(self, driver, base, folder):
        self.driver = driver
        self.base = base
        self.folder = folder
        self.requests = []
        self.responses = []
        self.console = []
        self.shots = []
        self.collect()
        self.requests.clear()
        self.responses.clear()
        self.console.clear()

    def open(self, path, shot=None):
        """Load ``path`` (of the app) and wait for it; save a screenshot named
        ``shot`` (the path by default; none when False); return the driver."""
        self.driver.get(self.base + path)
        self.wait("return document.readyState === 'complete'")
        if shot is not False:
            self.shot(shot or path)
        return self.driver

    def url(self, path=""):
        """Return the absolute URL of an app path."""
        return self.base + path

    def js(self, script, *args):
        """Return the result of ``script`` run in the page."""
        return self.driver.execute_script(script, *args)

    def wait(self, script, *args, timeout=PATIENCE, message=None):
        """Return the first truthy result of ``script``, polled until ``timeout``;
        fail with ``message`` (or the script) when it never comes."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.driver.execute_script(script, *args)
            if value:
                return value
            if time.monotonic() > deadline:
                pytest.fail(message or f"waited {timeout} s in {self.driver.current_url} "
                            f"for: {script}")
            time.sleep(0.05)

    def shot(self, name):
        """Save a PNG of the window as ``NN-name.png`` in the test's folder; return its path."""
        stem = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")[:60] or "home"
        path = self.folder / f"{len(self.shots):02d}-{stem}.png"
        self.driver.save_screenshot(str(path))
        self.shots.append(path)
        return path

    def graph(self, path):
        """Open a graph page and wait for its first drawing; return the drawn node ids."""
        self.open(path, shot=False)
        self.built(path, "graph view")
        self.wait("return document.body.dataset.graphReady === '1'",
                  message=f"{path}: body[data-graph-ready] never became 1")
        self.shot(f"graph drawn {path}")
        return self.js("return window.canonGraph.nodeIds();")

    def point_at(self, node):
        """Return ActionChains with the mouse moved onto ``node`` where vis-network
        drew it on the canvas (zoomed onto it first so it is in view)."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By

        container = self.driver.find_element(By.ID, "graph")
        self.js("arguments[0].scrollIntoView({block: 'center'});", container)
        where = self.js(NODE_POSITION, node)
        assert where is not None, f"window.canonGraph does not know {node}"
        return ActionChains(self.driver).move_to_element_with_offset(
            container, round(where["x"] - where["width"] / 2),
            round(where["y"] - where["height"] / 2))

    def click_node(self, node):
        """Click ``node`` on the canvas with the mouse."""
        self.point_at(node).click().perform()

    def hover_node(self, node):
        """Rest the mouse on ``node``; return its tooltip's {"text", "html"}."""
        self.point_at(node).pause(0.1).move_by_offset(1, 1).perform()
        return self.wait(TOOLTIP, message=f"no tooltip appeared over {node}")

    def text(self, selector="body"):
        """Return the rendered text of the first element matching ``selector``."""
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, selector).text

    def built(self, path, owner):
        """Fail, naming the helper who builds it, when ``path`` still renders the
        "Not built yet" placeholder; return nothing otherwise."""
        if "Not built yet" in self.driver.title:
            pytest.fail(f"{path} is still the 'Not built yet' placeholder (waits on {owner})")

    def collect(self):
        """Read the logs Chromium kept since the last call into requests,
        responses and console."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.requestWillBeSent":
                self.requests.append(params["request"]["url"])
            elif message["method"] == "Network.responseReceived":
                response = params["response"]
                self.responses.append((response["status"], response["url"]))
        self.console.extend(self.driver.get_log("browser"))

    def problems(self):
        """Return what went wrong in this test's pages: requests that left
        127.0.0.1, error statuses and console errors, one line each."""
        self.collect()
        local = (self.base + "/", "data:", "blob:", "about:")
        out = [f"request left 127.0.0.1: {url}" for url in self.requests
               if not url.startswith(local)]
        out += [f"HTTP {status}: {url}" for status, url in self.responses if status >= 400]
        out += [f"console {entry['level']}: {entry['message']}" for entry in self.console
                if entry["level"] == "SEVERE"]
        return out


@pytest.fixture
def browser(driver, site, tmp_path):
    """The session's Chromium for one test, at the desktop window size; on teardown
    the test fails if a request left 127.0.0.1, a page answered with an error
    status, or the console logged an error."""
    driver.set_window_size(*WINDOW)
    seen = Browser(driver, site, tmp_path)
    yield seen
    problems = seen.problems()
    assert not problems, "\n".join(problems)
