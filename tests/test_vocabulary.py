"""One vocabulary: a bound changed in flats.vocabulary reaches the form, the API, OpenAPI and dane.js."""
from __future__ import annotations

import json

import pytest

from flats import vocabulary

FAMILY = {"adult": "yes", "resident": "yes", "round_the_clock_care": "no", "situations": "illness",
          "household": "family", "income": "1000"}
API = {"facility": "mielec", "adult": "yes", "resident": "yes", "round_the_clock_care": "no",
       "situations": ["illness"], "household": "family", "income": "1000.00", "on": "2026-03-01"}


@pytest.fixture()
def twelve(monkeypatch):
    """The household size bound lowered from 20 to 12, in the one place it is defined."""
    monkeypatch.setattr(vocabulary, "HOUSEHOLD_SIZE_MAX", 12)


def form_errors(client, size: str) -> str:
    """The error summary after answering the household size question, or "" when there is none."""
    page = client.post("/en/sprawdz/mielec/", data={**FAMILY, "household_size": size, "step": "household_size"})
    html = page.get_data(as_text=True)
    start = html.find('<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" '
                      'autofocus>')
    return html[start:html.find("</div>", start)] if start >= 0 else ""


def test_the_household_size_bound_reaches_all_four_places(client, twelve):
    assert "from 2 to 12" in form_errors(client, "13") and not form_errors(client, "12"), "the form"
    assert client.post("/api/v1/assessment", json={**API, "household_size": 13}).status_code == 400, "the API"
    assert client.post("/api/v1/assessment", json={**API, "household_size": 12}).status_code == 200
    schema = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]["Answers_mielec_family"]
    assert schema["properties"]["household_size"]["maximum"] == 12, "the OpenAPI document"
    script = client.get("/en/sprawdz/mielec/dane.js").get_data(as_text=True)
    table = json.loads(script.removeprefix("window.FLATS_ANSWERS = ").rstrip(";\n"))
    size = next(q for q in table["flow"] if q["name"] == "household_size")
    assert size["most"] == 12, "the frozen page's data"
    assert sorted(table["fees"]["tables"]) == [""] + sorted(str(n) for n in range(2, 13))


def test_without_the_change_the_bound_is_20_everywhere(client):
    assert form_errors(client, "20") == "" and "from 2 to 20" in form_errors(client, "21")
    schema = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]["Answers_chelm_family"]
    assert schema["properties"]["household_size"]["maximum"] == 20


def test_the_openapi_document_takes_its_enums_from_the_vocabulary(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    schemas = doc["components"]["schemas"]
    props = schemas["Answers_chelm_single"]["properties"]
    assert props["situations"]["items"]["enum"] == list(vocabulary.SITUATIONS)
    assert props["adult"]["enum"] == list(vocabulary.YES_NO)
    assert schemas["Outcome"]["properties"]["status"]["enum"] == list(vocabulary.STATUSES)
    assert schemas["Outcome"]["properties"]["fee"]["properties"]["kind"]["enum"] == list(vocabulary.FEE_KINDS)
    assert set(schemas["Answers_chelm_family"]["properties"]) == set(vocabulary.API_FIELDS)
