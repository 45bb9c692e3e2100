"""Real Chromium through Playwright, against the app served on loopback."""
from __future__ import annotations

import os
from contextlib import contextmanager

from werkzeug.serving import make_server

from .servers import in_thread

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextmanager
def served(app):
    """Serve `app` on a free loopback port in a thread; yield its base URL."""
    with in_thread(make_server("127.0.0.1", 0, app, threaded=True)) as server:
        yield f"http://127.0.0.1:{server.server_port}"


@contextmanager
def chromium():
    """Launch Debian's Chromium; fail (never skip) if it is not there."""
    from playwright.sync_api import sync_playwright
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: `make test` installs Debian's chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
