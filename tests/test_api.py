"""The JSON API follows the contract and answers malformed input with 400, never 500."""
from __future__ import annotations

import pytest

BASE = {"facility": "chelm", "adult": "yes", "resident": "yes", "round_the_clock_care": "no",
        "situations": ["older_age"], "household": "single", "income": "1400.00", "on": "2026-03-01"}


def test_the_contract_example_comes_back(client):
    response = client.post("/api/v1/assessment", json=BASE)
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "likely" and body["rules_date"] == "2026-03-01"
    assert body["fee"] | {"explanation": None} == {
        "kind": "bracket", "percent_of_cost": 20, "amount": "299.73", "income_per_person": "1400.00",
        "criterion": "1010.00", "percent_of_criterion": "138.61", "explanation": None}
    assert [r["code"] for r in body["reasons"]] == ["group_older_or_disabled"]
    assert body["documents"] and body["stay"]


@pytest.mark.parametrize("changes, fee", [
    ({"on": "2026-03-01", "income": "1010.00"}, {"kind": "free"}),
    ({"on": "2026-03-01", "income": 3600}, {"kind": "bracket", "percent_of_cost": 100, "amount": "1498.67"}),
    ({"on": "2024-06-01", "income": "1200,00"}, {"kind": "bracket", "percent_of_cost": 30, "amount": "449.60"}),
    ({"facility": "mielec", "household": "family", "household_size": 3, "income": "2469.00"}, {"kind": "free"}),
    ({"facility": "mielec", "household": "family", "household_size": 3, "income": 2469.01}, {"kind": "set_by_centre"}),
])
def test_the_contract_worked_examples(client, changes, fee):
    body = client.post("/api/v1/assessment", json=BASE | changes).get_json()
    assert {k: body["fee"][k] for k in fee} == fee, body


@pytest.mark.parametrize("body, field", [
    ({**BASE, "adult": True}, "adult"),
    ({**BASE, "colour": "red"}, "colour"),
    ({**BASE, "income": "-1"}, "income"),
    ({**BASE, "income": "1000000.01"}, "income"),
    ({**BASE, "income": 12.345}, "income"),
    ({**BASE, "income": None}, "income"),
    ({**BASE, "on": "2026-02-30"}, "on"),
    ({**BASE, "on": "2015-09-30"}, "on"),
    ({**BASE, "on": None}, "on"),
    ({**BASE, "income": "0000001"}, "income"),
    ({**BASE, "facility": "warszawa"}, "facility"),
    ({**BASE, "household": "family"}, "household_size"),
    ({**BASE, "household_size": 3}, "household_size"),
    ({**BASE, "household": "family", "household_size": 21}, "household_size"),
    ({**BASE, "situations": "older_age"}, "situations"),
    ({**BASE, "situations": ["older_age", "older_age"]}, "situations"),
    ([1, 2], "body"),
])
def test_malformed_answers_get_400_naming_the_field(client, body, field):
    response = client.post("/api/v1/assessment", json=body)
    assert response.status_code == 400
    assert field in response.get_json()["errors"]


@pytest.mark.parametrize("data, content_type", [
    ("{not json", "application/json"), ("", "application/json"), ("NaN", "application/json"),
    ('{"a":' * 5000, "application/json"), ("{}", "text/plain"),
    ("1" * 5000, "application/json"),
])
def test_bodies_that_are_not_json_get_400(client, data, content_type):
    response = client.post("/api/v1/assessment", data=data, content_type=content_type)
    assert response.status_code == 400
    assert "body" in response.get_json()["errors"]


def test_wrong_method_and_unknown_api_paths_answer_in_json(client):
    assert client.get("/api/v1/assessment").status_code == 405
    assert client.get("/api/v1/nothing").get_json()["errors"]


def test_the_api_answers_in_the_requested_language(client):
    body = client.post("/api/v1/assessment", json=BASE, headers={"Accept-Language": "uk"}).get_json()
    assert any("\u0400" <= ch <= "\u04ff" for ch in body["stay"])


def test_the_openapi_document_is_valid_and_lists_the_vocabulary(client):
    from openapi_spec_validator import validate
    doc = client.get("/api/v1/openapi.json").get_json()
    validate(doc)
    props = doc["components"]["schemas"]["Answers_chelm_family"]["properties"]
    assert set(props) == {"facility", "adult", "resident", "round_the_clock_care", "situations", "household",
                          "household_size", "income", "on"}


@pytest.mark.parametrize("facility, day", [("mielec", "2015-10-01"), ("chelm", "2018-03-21"), ("chelm", "2018-06-01")])
def test_every_date_that_has_rules_is_accepted(client, facility, day):
    response = client.post("/api/v1/assessment", json=BASE | {"facility": facility, "on": day})
    assert response.status_code == 200, response.get_json()


@pytest.mark.parametrize("facility, day, first", [("mielec", "2015-09-30", "2015-10-01"),
                                                  ("chelm", "2018-03-20", "2018-03-21")])
def test_a_date_before_the_first_rule_gets_400_naming_that_date(client, facility, day, first):
    response = client.post("/api/v1/assessment", json=BASE | {"facility": facility, "on": day})
    assert response.status_code == 400 and first in response.get_json()["errors"]["on"]


def test_the_chelm_table_the_seed_prints_can_be_asked_for_with_the_634_criterion(client):
    body = client.post("/api/v1/assessment", json=BASE | {"on": "2018-06-01", "income": "951.00"}).get_json()
    assert body["fee"] | {"explanation": None} == {
        "kind": "bracket", "percent_of_cost": 20, "amount": "299.73", "income_per_person": "951.00",
        "criterion": "634.00", "percent_of_criterion": "150.00", "explanation": None}
    above = client.post("/api/v1/assessment", json=BASE | {"on": "2018-06-01", "income": "951.01"}).get_json()
    assert above["fee"]["amount"] == "449.60"


def test_minus_zero_is_read_as_zero(client):
    body = client.post("/api/v1/assessment", data='{"facility": "chelm", "adult": "yes", "resident": "yes", '
                       '"round_the_clock_care": "no", "household": "single", "income": -0}',
                       content_type="application/json").get_json()
    assert body["fee"]["kind"] == "free" and body["fee"]["income_per_person"] == "0.00"


def test_a_field_given_twice_is_refused_naming_it(client):
    body = '{"facility": "chelm", "adult": "yes", "adult": "no", "resident": "yes", ' \
           '"round_the_clock_care": "no", "household": "single", "income": "100"}'
    response = client.post("/api/v1/assessment", data=body, content_type="application/json")
    assert response.status_code == 400 and "adult" in response.get_json()["errors"]


@pytest.mark.parametrize("lang, words", [("en", "Your income is 1 400,00 zł a month"), ("uk", "Ваш дохід — 1 400,00 zł"),
                                         ("pl", "Masz 1 400,00 zł miesięcznie")])
def test_every_text_of_the_answer_is_in_the_language_asked_for(client, lang, words):
    body = client.post("/api/v1/assessment", json=BASE, headers={"Accept-Language": lang}).get_json()
    assert body["fee"]["explanation"].replace("\xa0", " ").startswith(words), body["fee"]["explanation"]
    assert body["reasons"][0]["text"] != client.post("/api/v1/assessment", json=BASE, headers={
        "Accept-Language": "pl" if lang != "pl" else "en"}).get_json()["reasons"][0]["text"]


@pytest.mark.parametrize("income", ["1650 зл", "1650 злотих", "1 650 злотих", "PLN 1650", "PLN 1,650.00", "zł 1650",
                                    "1650 zł.", "1650", 1650, "1650.00"])
def test_money_is_read_as_people_write_it_in_any_language(client, income):
    response = client.post("/api/v1/assessment", json=BASE | {"income": income})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["fee"]["income_per_person"] == "1650.00"


@pytest.mark.parametrize("income, message", [
    ("abc", 'could not read "abc" as an amount in złoty; for example 1650 or 1650.50'),
    ("1234 EUR", 'could not read "1234 EUR" as an amount in złoty; for example 1650 or 1650.50'),
    ("9" * 5000, 'could not read "' + "9" * 40 + '…" as an amount in złoty; for example 1650 or 1650.50'),
    ("1.650", 'cannot tell whether "1.650" means thousands or grosze (the cents of a złoty); write the złoty '
              'without a dot or comma, for example 1650, or give the grosze too: 1650.00 or 1650,00'),
    ("PLN 1,650", 'cannot tell whether "PLN 1,650" means thousands or grosze (the cents of a złoty); write the '
                  'złoty without a dot or comma, for example 1650, or give the grosze too: 1650.00 or 1650,00'),
    ("1650 грн", '"1650 грн" is not in złoty; give the amount in złoty (PLN), for example 1650 or 1650.50'),
    ("2000000", '"2000000" is more than 1000000 złoty; give the household\'s net income in one month, '
                'for example 1650 or 1650.50'),
    (2000000, "2000000 is more than 1000000 złoty; give the household's net income in one month, "
              "for example 1650 or 1650.50"),
    (12.345, "12.345 has more than 2 decimals: give złoty and grosze, for example 1650 or 1650.50"),
    (-1, "-1 is below 0: give the household's net income, for example 1650 or 1650.50"),
    (None, "null is not an amount: give a number or a string in złoty, for example 1650 or 1650.50"),
    (True, "true is not an amount: give a number or a string in złoty, for example 1650 or 1650.50"),
    (["1650"], "a list is not an amount: give a number or a string in złoty, for example 1650 or 1650.50"),
])
def test_an_income_given_but_not_understood_is_named_with_what_would_do(client, income, message):
    response = client.post("/api/v1/assessment", json=BASE | {"income": income})
    assert response.status_code == 400
    assert response.get_json()["errors"] == {"income": message}


@pytest.mark.parametrize("changes, field, message", [
    ({"adult": True}, "adult", "true is not one of: yes, no"),
    ({"adult": "maybe"}, "adult", '"maybe" is not one of: yes, no'),
    ({"resident": None}, "resident", "null is not one of: yes, no"),
    ({"facility": "warszawa"}, "facility", '"warszawa" is not one of: '),
    ({"household": "couple"}, "household", '"couple" is not one of: single, family'),
    ({"household": "family", "household_size": 21}, "household_size", "21 is not a whole number from 2 to 20"),
    ({"household": "family", "household_size": "3"}, "household_size", '"3" is not a whole number from 2 to 20'),
    ({"situations": "older_age"}, "situations", '"older_age" is not a list of distinct values from: '),
    ({"situations": ["older_age", "age"]}, "situations", '"age" is not one of: older_age, '),
    ({"situations": ["older_age", "older_age"]}, "situations", '"older_age" is given twice'),
    ({"on": "2026-02-30"}, "on", '"2026-02-30" is not a date from '),
    ({"on": 20260301}, "on", "20260301 is not a date from "),
])
def test_any_field_given_but_not_understood_says_what_was_given(client, changes, field, message):
    errors = client.post("/api/v1/assessment", json=BASE | changes).get_json()["errors"]
    assert list(errors) == [field] and errors[field].startswith(message), errors
    assert not errors[field].startswith("required")


@pytest.mark.parametrize("field, message", [
    ("income", "required: the household's net income in a month in złoty, for example 1650 or 1650.50"),
    ("adult", "required: one of yes, no"), ("facility", "required: one of "),
    ("household", "required: one of single, family"),
])
def test_required_is_said_only_of_a_field_left_out(client, field, message):
    errors = client.post("/api/v1/assessment", json={k: v for k, v in BASE.items() if k != field}).get_json()["errors"]
    assert list(errors) == [field] and errors[field].startswith(message), errors


def test_a_family_without_its_size_is_told_the_size_is_required(client):
    errors = client.post("/api/v1/assessment", json=BASE | {"household": "family"}).get_json()["errors"]
    assert errors == {"household_size": "required for a family: a whole number from 2 to 20, everyone in the household"}
