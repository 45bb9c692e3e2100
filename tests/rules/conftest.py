"""The real rules, loaded once for the rules tests."""

from __future__ import annotations

import pytest

from flats.rules import load_rules

from ..helpers import CONTENT_DIR


@pytest.fixture(scope="session")
def rules():
    return load_rules(CONTENT_DIR)
