"""Shared fixtures: the app with the real content, a client, and page checks."""
from __future__ import annotations

import pytest

from flats import create_app

from .pagecheck import PageChecker


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
