"""Shared fixtures: the app with the real content, a client, and page checks."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from flats import create_app

from .browser import chromium, served
from .frozen import DAY
from .pagecheck import PageChecker
from .static_server import serve_folder

# Every app a test makes, in this process or a server it starts, runs on one fixed day unless the test
# says otherwise: a criterion or cost added ahead of its start date must not turn the tests red that day.
os.environ.setdefault("FLATS_FIXED_DATE", json.dumps(DAY))

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import freeze  # noqa: E402


# `make check` runs what needs no browser, nginx or Java (`-m "not system"`); `make test` runs everything.
SYSTEM_MODULES = {"test_browser", "test_budgets", "test_checker_browser", "test_freeze_browser", "test_staff_browser",
                  "test_nginx", "test_nginx_live", "test_nginx_live_stress", "test_html_validity"}
SYSTEM_FIXTURES = {"browser", "page"}


def pytest_configure(config):
    config.addinivalue_line("markers", "system: needs Chromium, nginx or Java (make test; not make check)")


def pytest_collection_modifyitems(items):
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1]
        if module in SYSTEM_MODULES or SYSTEM_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.system)


@pytest.fixture(scope="session")
def app():
    # The page cache is tested on its own (test_cache.py): here tests change data and dates.
    return create_app({"TESTING": True, "PAGE_CACHE": False})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def checker(app):
    return PageChecker(app.test_client())


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, once for the whole run."""
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def base_url(app):
    """The app served on loopback."""
    with served(app) as url:
        yield url


@pytest.fixture()
def page(browser):
    """A fresh page with JavaScript on (axe-core needs it; the site does not)."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """The frozen site, built once for the run for serving at /mieszkania/: (folder, URLs written)."""
    destination = tmp_path_factory.mktemp("build")
    return destination, freeze.build(destination, {"FIXED_DATE": DAY}, base="/mieszkania/")


@pytest.fixture(scope="session")
def sub_path(build):
    """The frozen site served by a plain static server under /mieszkania/."""
    with serve_folder(build[0], "/mieszkania/") as base:
        yield base
