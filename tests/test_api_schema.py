"""Schemathesis: whatever the schema allows, the API answers as documented, never 500."""
from __future__ import annotations

import os

import schemathesis
from hypothesis import HealthCheck, settings

from flats import create_app

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", create_app({"TESTING": True}))


@schema.parametrize()
@settings(max_examples=150 if os.environ.get("FLATS_THOROUGH") else 25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_matches_its_openapi_document(case):
    case.call_and_validate()
