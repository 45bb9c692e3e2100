"""The two answer paths before Flask (api AnswerPath, checker/kept.py) answer exactly as Flask's views do.

Each test sends the same request to an app with the path on and to one with
it off (Flask's view answers) and compares status, headers and body byte for
byte; and shows that the path really answers without entering Flask.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flats import create_app

from .helpers import CARE_LEAVER, NOT_RESIDENT_FAMILY, PENSIONER, UNDER_18

DAY = "2026-11-24"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def apps():
    config = {"TESTING": True, "PAGE_CACHE": False, "FIXED_DATE": DAY}
    return (create_app(config), create_app({**config, "API_ANSWER_PATH": False, "KEPT_RESULTS": False}))


class Spy:
    """Counts the requests that reach Flask under the answer paths."""

    def __init__(self, app):
        layer = app.wsgi_app
        while getattr(layer.wsgi, "__self__", None) is not app:
            layer = layer.wsgi  # down the WSGI layers to the one just above Flask itself
        self.calls, self.layer, self.wsgi = 0, layer, layer.wsgi
        layer.wsgi = self

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.wsgi(environ, start_response)

    def close(self):
        self.layer.wsgi = self.wsgi


def same(fast, slow, path, **options):
    a, b = fast.test_client().post(path, **options), slow.test_client().post(path, **options)
    assert a.status_code == b.status_code, (path, options)
    assert sorted(a.headers.items()) == sorted(b.headers.items()), (path, options)
    assert a.get_data() == b.get_data(), (path, options)
    return a


API = "/api/v1/assessment"
BASE = {"facility": "chelm", "adult": "yes", "resident": "yes", "round_the_clock_care": "no",
        "situations": ["older_age"], "household": "single", "income": "1650.00"}


@pytest.mark.parametrize("body, headers", [
    (json.dumps(BASE), {}),
    (json.dumps(BASE), {"Accept-Language": "uk"}),
    (json.dumps(BASE | {"income": "900", "on": "2024-06-01"}), {"Accept-Language": "en;q=0.9, pl;q=0.1"}),
    (json.dumps(BASE | {"facility": "mielec", "household": "family", "household_size": 3, "income": 5000}), {}),
    (json.dumps(BASE | {"adult": "no"}), {"Accept-Language": "uk"}),
    (json.dumps(BASE | {"colour": "red", "income": "-1"}), {}),
    (json.dumps(BASE | {"on": "2015-01-01"}), {}),
    ('{"facility": "chelm", "facility": "mielec"}', {}),
    ("[1, 2", {}),
    ("NaN", {}),
    ("[" * 100000, {}),
])
def test_the_api_path_answers_as_the_view_does(apps, body, headers):
    same(*apps, API, data=body, content_type="application/json", headers=headers)


@pytest.mark.parametrize("content_type", ["text/plain", "application/json; charset=utf-8", "APPLICATION/JSON",
                                          "application/x-www-form-urlencoded", ""])
def test_the_api_path_reads_the_content_type_as_the_view_does(apps, content_type):
    same(*apps, API, data=json.dumps(BASE), content_type=content_type)


@SETTINGS
@given(body=st.dictionaries(st.sampled_from([*BASE, "household_size", "on", "x"]),
                            st.none() | st.booleans() | st.integers() | st.text(max_size=12)
                            | st.sampled_from(["yes", "no", "chelm", "family", "2026-02-30", "1 650,50"])
                            | st.lists(st.sampled_from(["older_age", "illness", "none", "x"]), max_size=3)),
       lang=st.sampled_from(["", "pl", "en", "uk", "de"]))
def test_any_json_answers_get_the_same_response_on_both_paths(apps, body, lang):
    same(*apps, API, data=json.dumps(BASE | body), content_type="application/json", headers={"Accept-Language": lang})


def test_the_api_path_answers_without_entering_flask(apps):
    spy = Spy(apps[0])
    try:
        client = apps[0].test_client()
        assert client.post(API, json=BASE).status_code == 200
        assert client.post(API, json=BASE | {"adult": "maybe"}).status_code == 400
        assert spy.calls == 0
        assert client.get("/api/v1/openapi.json").status_code == 200 and spy.calls == 1
    finally:
        spy.close()


def form(answers: dict, step: str = "income", **more) -> dict:
    return {**answers, "step": step, **more}


CASES = [
    ("/pl/sprawdz/chelm/", form(PENSIONER)),
    ("/uk/sprawdz/chelm/", form(PENSIONER, income="1 650,00")),
    ("/en/sprawdz/mielec/", form(CARE_LEAVER)),
    ("/pl/sprawdz/mielec/", form(NOT_RESIDENT_FAMILY)),
    ("/en/sprawdz/chelm/", form(UNDER_18, "adult")),
    ("/pl/sprawdz/chelm/", form(PENSIONER, household_size="dwa")),  # a leftover typed answer is carried on
    ("/pl/sprawdz/chelm/", form(PENSIONER, income="<b>1650</b>")),  # not an amount: the question again
    ("/pl/sprawdz/chelm/", form(PENSIONER, "income", action="back")),
    ("/en/sprawdz/chelm/", form(PENSIONER, "income", action="change-household")),
    ("/uk/sprawdz/chelm/", form(PENSIONER, "result", action="lang")),
    ("/pl/sprawdz/mielec/", form({**NOT_RESIDENT_FAMILY, "household_size": "1"})),
]


@pytest.mark.parametrize("path, data", CASES)
def test_the_kept_path_answers_as_the_view_does(apps, path, data):
    for _ in range(2):  # the first keeps the page (if the answer is a result), the second is answered from it
        same(*apps, path, data=data)


@pytest.mark.parametrize("options", [
    {"data": "adult=yes&" * 1500, "content_type": "application/x-www-form-urlencoded"},  # 1 500 fields
    {"data": b"income=%ff%fe&step=income&adult=yes", "content_type": "application/x-www-form-urlencoded"},
    {"data": "x" * (64 * 1024 + 1), "content_type": "application/x-www-form-urlencoded"},  # over the limit
    {"data": form(PENSIONER), "headers": {"Accept-Language": "uk"}},
])
def test_odd_posts_get_the_same_answer_on_both_paths(apps, options):
    for _ in range(2):
        same(*apps, "/pl/sprawdz/chelm/", **options)


def test_a_kept_result_is_answered_without_entering_flask_and_a_question_is_not(apps):
    fast = apps[0]
    client = fast.test_client()
    data = form(PENSIONER, income="1 700")
    client.post("/pl/sprawdz/chelm/", data=data)  # keeps the page for this state
    spy = Spy(fast)
    try:
        html = client.post("/pl/sprawdz/chelm/", data=form(PENSIONER, income="1 710")).get_data(as_text=True)
        assert spy.calls == 0 and "1 710" in html.replace("\u00a0", " ")
        client.post("/pl/sprawdz/chelm/", data=form(PENSIONER, "adult"))  # every answer given: the kept result
        assert spy.calls == 0
        client.post("/pl/sprawdz/chelm/", data=form({"adult": "yes"}, "adult"))  # the next question
        assert spy.calls == 1, "a question is Flask's to show"
        client.post("/pl/sprawdz/chelm/", data=form(PENSIONER), content_type="multipart/form-data")
        assert spy.calls == 2, "a body that is not a plain form goes to Flask"
    finally:
        spy.close()


TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["1650", "1 650,00", "2", "3", "0", "1.650", "-0", ""])


@SETTINGS
@given(adult=st.sampled_from(["yes", "no", "", "x"]), care=st.sampled_from(["yes", "no"]),
       situations=st.lists(st.sampled_from(["older_age", "disability", "illness", "leaving_care", "other_difficulty",
                                            "none", "x"]), max_size=3),
       resident=st.sampled_from(["yes", "no"]), household=st.sampled_from(["single", "family", "x"]),
       size=TEXT, income=TEXT, step=st.sampled_from(["adult", "situations", "household_size", "income", "result", "x"]),
       action=st.sampled_from(["continue", "back", "lang", "change-income", "change-adult", "x"]),
       lang=st.sampled_from(["pl", "en", "uk"]), facility=st.sampled_from(["mielec", "chelm"]))
def test_any_posted_step_gets_the_same_page_on_both_paths(apps, adult, care, situations, resident, household, size,
                                                          income, step, action, lang, facility):
    data = {"adult": adult, "round_the_clock_care": care, "situations": situations, "resident": resident,
            "household": household, "household_size": size, "income": income, "step": step, "action": action}
    for _ in range(2):
        same(*apps, f"/{lang}/sprawdz/{facility}/", data=data)
