"""The web view on this machine for programs rather than people: the app served on
127.0.0.1 from a thread, and Debian's headless Chromium driven through its own
chromedriver. The browser tests, bench/webview.py and bench/screenshots.py all
start the app and the browser this way.
"""

import os
import threading
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Switches for a quiet headless browser that calls no Google service: without the
# background-networking ones Chromium keeps trying hosts a closed network refuses.
CHROMIUM_ARGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-default-apps")


def serve_in_thread(app):
    """Return (base URL, stop function) of ``app`` served on 127.0.0.1 at a free port
    from a daemon thread; calling stop shuts the server down."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop():
        server.shutdown()
        thread.join(timeout=5)

    return f"http://127.0.0.1:{server.server_port}", stop


def chromium_options(profile, extra_args=()):
    """Return Selenium ChromeOptions for /usr/bin/chromium, headless, keeping its
    profile in ``profile``, with ``extra_args`` after the common switches."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (*CHROMIUM_ARGS, f"--user-data-dir={profile}", *extra_args):
        options.add_argument(arg)
    return options


def start_chromium(options):
    """Return a Selenium driver for ``options`` through /usr/bin/chromedriver. Given
    the driver's path, Selenium Manager is never consulted, so nothing downloads."""
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_BROWSER_DOWNLOAD", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
