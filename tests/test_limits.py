"""Bodies over 64 KiB get 413, chunked or not, in Flask and in gunicorn; bodies under it are read whole."""
from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import pytest
from werkzeug.test import EnvironBuilder, run_wsgi_app

from flats import create_app

from .servers import gunicorn

LIMIT = 64 * 1024
FORM = "/en/sprawdz/chelm/"
API = "/api/v1/assessment"
ANSWERS = {"adult": "yes", "resident": "yes", "round_the_clock_care": "no", "situations": "illness",
           "household": "single", "income": "4321,98"}


def form_body(size: int) -> bytes:
    """A valid self-check form padded with an ignored field to exactly `size` bytes."""
    body = "&".join(f"{k}={v}" for k, v in ANSWERS.items()).encode() + b"&pad="
    return body + b"x" * (size - len(body))


def json_body(size: int) -> bytes:
    body = b'{"facility": "chelm", "pad": "'
    return body + b"x" * (size - len(body) - 2) + b'"}'


def chunked_request(app, path: str, body: bytes, content_type: str):
    """Call the app as a server does for Transfer-Encoding: chunked: no Content-Length, a terminated stream."""
    environ = EnvironBuilder(path=path, method="POST", data=body, content_type=content_type).get_environ()
    del environ["CONTENT_LENGTH"]
    environ.update({"HTTP_TRANSFER_ENCODING": "chunked", "wsgi.input_terminated": True})
    iterable, status, headers = run_wsgi_app(app, environ, buffered=True)
    return int(status.split()[0]), headers, b"".join(iterable)


@pytest.fixture(scope="module")
def app():
    return create_app({"TESTING": True})


@pytest.mark.parametrize("size", [LIMIT + 1, 3 * LIMIT])
def test_an_oversized_form_gets_413_with_a_page_in_the_visitors_language(app, size):
    plain = app.test_client().post(FORM, data=form_body(size), content_type="application/x-www-form-urlencoded")
    assert plain.status_code == 413 and plain.mimetype == "text/html"
    assert "What you sent is too large" in plain.get_data(as_text=True)
    status, headers, body = chunked_request(app, FORM, form_body(size), "application/x-www-form-urlencoded")
    assert status == 413 and headers["Content-Type"].startswith("text/html")
    assert "What you sent is too large" in body.decode()


@pytest.mark.parametrize("size", [LIMIT + 1, 3 * LIMIT])
def test_an_oversized_api_body_gets_413_in_json(app, size):
    plain = app.test_client().post(API, data=json_body(size), content_type="application/json")
    assert plain.status_code == 413 and "too large" in plain.get_json()["errors"]["body"]
    status, headers, body = chunked_request(app, API, json_body(size), "application/json")
    assert status == 413 and headers["Content-Type"] == "application/json"
    assert "too large" in json.loads(body)["errors"]["body"]


def test_a_chunked_body_at_the_limit_is_read_whole(app):
    status, _, body = chunked_request(app, FORM, form_body(LIMIT), "application/x-www-form-urlencoded")
    assert status == 200 and "4 321,98" in body.decode().replace("\u00a0", " ")
    status, _, body = chunked_request(app, API, json.dumps({"facility": "chelm"}).encode(), "application/json")
    assert status == 400 and "facility" not in json.loads(body)["errors"], "the JSON arrived whole"


def test_a_get_with_an_oversized_body_gets_413_even_for_a_page_kept_in_memory(app):
    client = app.test_client()
    assert client.get("/pl/").status_code == 200  # now in the page cache
    status, _, _ = chunked_request(app, "/pl/", b"x" * (LIMIT + 1), "text/plain")
    assert status == 413
    assert client.get("/pl/", data=b"x" * (LIMIT + 1)).status_code == 413


# The same through gunicorn, which really decodes chunked bodies.

@pytest.fixture(scope="module")
def server():
    with gunicorn(FLATS_WORKERS="1") as base:
        yield urlsplit(base).netloc


def post(netloc: str, path: str, body: bytes, content_type: str, chunked: bool):
    connection = http.client.HTTPConnection(netloc, timeout=30)
    headers = {"Content-Type": content_type}
    if chunked:
        headers["Transfer-Encoding"] = "chunked"
        payload = (body[i:i + 8192] for i in range(0, len(body), 8192))
    else:
        payload = body
    try:
        connection.request("POST", path, body=payload, headers=headers, encode_chunked=chunked)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type"), response.read()
    finally:
        connection.close()


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
def test_gunicorn_answers_413_to_oversized_bodies_and_reads_the_rest_whole(server, chunked):
    status, ctype, body = post(server, FORM, form_body(LIMIT + 1), "application/x-www-form-urlencoded", chunked)
    assert status == 413 and ctype.startswith("text/html") and b"What you sent is too large" in body
    status, ctype, body = post(server, API, json_body(2 * LIMIT), "application/json", chunked)
    assert status == 413 and ctype == "application/json" and b"too large" in body
    status, _, body = post(server, FORM, form_body(LIMIT), "application/x-www-form-urlencoded", chunked)
    assert status == 200 and "4 321,98" in body.decode().replace("\u00a0", " ")


@pytest.mark.parametrize("length", ["abc", "-1", "", " 12", "1e9", "99999999999999999999"])
def test_odd_content_lengths_never_get_a_500(app, length):
    environ = EnvironBuilder(path=FORM, method="POST", data=b"income=1",
                             content_type="application/x-www-form-urlencoded").get_environ()
    environ["CONTENT_LENGTH"] = length
    _, status, _ = run_wsgi_app(app, environ, buffered=True)
    assert int(status.split()[0]) in (200, 400, 413), (length, status)
