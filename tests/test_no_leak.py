"""Nothing a visitor sends is ever served to another.

One long-lived app answers a sequence of requests, hostile and normal ones
mixed: repeated fields, values outside the vocabulary, NUL and other control
characters, every language and facility, language switches, HEAD, the API.
Each of its answers must equal, byte for byte, what a fresh app gives for the
same request. Whatever the app keeps between requests (the page cache, or any
store added later) is covered: if anything of one request reached a later
one, the warm answer would differ from the fresh one.
"""
from __future__ import annotations

import json
import os
from urllib.parse import urlencode

from flask import request as flask_request
from hypothesis import HealthCheck, given, settings, strategies as st

from flats import create_app
from flats import vocabulary as vocab

from .helpers import CODES

DAY = "2026-12-02"
FACILITIES = tuple(CODES)
SECRET = "SECRET\x00income_typed\x00"
ODD = st.sampled_from([SECRET, "yes\x00", "\x00", "1650\x00", "<b>x</b>", "\u202e1650", "9" * 80, " ", "",
                       "yes", "no", "single", "family", "none", "illness", "1650", "1 650,50 zł", "3", "dwa"])
VALUES = {
    "adult": st.sampled_from(vocab.YES_NO), "round_the_clock_care": st.sampled_from(vocab.YES_NO),
    "resident": st.sampled_from(vocab.YES_NO), "household": st.sampled_from(vocab.HOUSEHOLDS),
    "situations": st.sampled_from((*vocab.SITUATIONS, "none")),
    "household_size": st.sampled_from(("2", "3", "20", "21")),
    "income": st.sampled_from(("0", "1650", "1 650,50 zł", "2000000", "1.650", "abc")),
}
ACTIONS = st.sampled_from(["continue", "back", "lang", *(f"change-{q}" for q in vocab.QUESTIONS), "x\x00"])


@st.composite
def form_post(draw):
    data = []
    for name in draw(st.lists(st.sampled_from(vocab.QUESTIONS), max_size=9)):
        for _ in range(draw(st.integers(1, 2))):  # a field posted once or twice
            data.append((name, draw(st.one_of(VALUES[name], ODD))))
    data.append(("step", draw(st.sampled_from([*vocab.QUESTIONS, "result", "zzz"]))))
    data.append(("action", draw(ACTIONS)))
    path = f"/{draw(st.sampled_from(list(vocab.LANGUAGES)))}/sprawdz/{draw(st.sampled_from(FACILITIES))}/"
    return ("POST", path, {"data": data})


@st.composite
def api_post(draw):
    body = {name: draw(st.one_of(VALUES[name], ODD)) for name in draw(st.lists(st.sampled_from(vocab.QUESTIONS)))}
    body["facility"] = draw(st.sampled_from([*FACILITIES, SECRET]))
    if "situations" in body:
        body["situations"] = [body["situations"]]
    if "household_size" in body and str(body["household_size"]).isdigit():
        body["household_size"] = int(body["household_size"])
    return ("POST", "/api/v1/assessment",
            {"data": json.dumps(body), "content_type": "application/json",
             "headers": {"Accept-Language": draw(st.sampled_from(["pl", "en", "uk", "uk;q=0.5, en", SECRET[:6]]))}})


@st.composite
def page_get(draw):
    lang = draw(st.sampled_from(list(vocab.LANGUAGES)))
    path = draw(st.sampled_from([f"/{lang}/", f"/{lang}/odplatnosc/", f"/{lang}/sprawdz/",
                                 f"/{lang}/sprawdz/{draw(st.sampled_from(FACILITIES))}/",
                                 f"/{lang}/sprawdz/chelm/dane.js", f"/{lang}/{SECRET[:6]}/", "/health"]))
    return (draw(st.sampled_from(["GET", "HEAD"])), path, {})


REQUESTS = st.one_of(form_post(), form_post(), api_post(), page_get())


def answer(app, request) -> tuple:
    method, path, kwargs = request
    if isinstance(kwargs.get("data"), list):  # a form, fields repeated as posted
        kwargs = {"data": urlencode(kwargs["data"]), "content_type": "application/x-www-form-urlencoded"}
    response = app.test_client().open(path, method=method, **kwargs)
    headers = sorted((k, v) for k, v in response.headers.items() if k != "Date")  # the clock's, not a visitor's
    return response.status_code, headers, response.get_data()


def fresh():
    return create_app({"FIXED_DATE": DAY})


def check_sequence(requests) -> None:
    warm = fresh()
    for request in requests:
        assert answer(warm, request) == answer(fresh(), request), request


# The attack the red-team pass found: a hostile value planted, then ordinary visitors in the same state,
# one of them switching language; and a page fetched after a post.
PLANTED = [
    ("POST", "/pl/sprawdz/chelm/", {"data": [("adult", "yes"), ("adult", SECRET), ("step", "adult")]}),
    ("POST", "/pl/sprawdz/chelm/", {"data": [("adult", "yes"), ("step", "adult")]}),
    ("POST", "/en/sprawdz/chelm/", {"data": [("adult", "yes"), ("round_the_clock_care", "no"),
                                             ("situations", "older_age"), ("resident", "yes"),
                                             ("household", "single"), ("income", "1650" + SECRET),
                                             ("step", "income"), ("action", "continue")]}),
    ("POST", "/en/sprawdz/chelm/", {"data": [("adult", "yes"), ("round_the_clock_care", "no"),
                                             ("situations", "older_age"), ("resident", "yes"),
                                             ("household", "single"), ("income", "2345"),
                                             ("step", "income"), ("action", "continue")]}),
    ("POST", "/uk/sprawdz/chelm/", {"data": [("adult", "yes"), ("round_the_clock_care", "no"),
                                             ("situations", "older_age"), ("resident", "yes"),
                                             ("household", "single"), ("income", "2345"),
                                             ("step", "result"), ("action", "lang")]}),
    ("GET", "/uk/sprawdz/chelm/", {}),
    ("HEAD", "/pl/sprawdz/chelm/", {}),
    ("GET", "/pl/sprawdz/chelm/", {}),
]


def test_a_planted_value_reaches_no_later_visitor():
    check_sequence(PLANTED)
    warm = fresh()
    pages = [answer(warm, r)[2] for r in PLANTED]
    assert not any(b"\x00" in page for page in pages), "control characters are stripped"
    # Only the person who typed it gets their own text back (in their own text box), no one else.
    assert [i for i, page in enumerate(pages) if b"SECRET" in page] == [2]
    assert b"2345" not in pages[2] and b"1650" not in pages[3], "each result holds its own income only"


# Each request is also sent to a fresh app (about 0.2 s to create): `make check` tries a few sequences,
# `make test` (FLATS_THOROUGH=1) many more.
@settings(max_examples=40 if os.environ.get("FLATS_THOROUGH") else 6, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(REQUESTS, min_size=2, max_size=5))
def test_every_answer_equals_a_fresh_apps_answer(requests):
    check_sequence(requests)


def test_the_check_can_fail_when_an_app_keeps_what_a_visitor_sent():
    """A store that keeps a posted value is caught: the warm answer differs from the fresh one."""
    app = fresh()
    seen = []

    @app.after_request
    def leak(response):  # a deliberately broken cache: it remembers the first posted "adult"
        if not seen and "adult" in flask_request.form:
            seen.append(flask_request.form["adult"])
        if seen and response.mimetype == "text/html":
            response.set_data(response.get_data() + seen[0].encode())
        return response

    first, second = PLANTED[0], PLANTED[1]
    answer(app, first)
    assert answer(app, second) != answer(fresh(), second)
