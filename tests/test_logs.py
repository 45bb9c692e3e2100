"""Log lines cannot be forged, and never hold a query string: gunicorn (`make serve`) and the dev server (`make run`)."""
from __future__ import annotations

import http.client
import re
import socket
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from flats.logs import EscapedAtoms, code_only_traceback, escape

from .servers import ROOT, free_port, gunicorn, wait_for

FORGED = '[24/Nov/2026:00:00:00 +0000] "GET /forged" 200 0 0ms'
# Request targets as a client sends them: each decodes to something that would break a log line.
HOSTILE = [
    "/pl/%0d%0a" + urllib.parse.quote(FORGED),        # CR LF, then a whole fake access line
    "/pl/%0a" + urllib.parse.quote(FORGED),           # LF alone
    "/pl/%0dcarriage-return",
    "/pl/nul%00byte",
    "/pl/%1b%5b2J%1b%5bHclear-screen",                 # ANSI escape sequence
    "/pl/%c2%85next-line",                             # U+0085 NEL
    "/pl/%e2%80%a8line-separator",                     # U+2028
    '/pl/quote%22%20500%200%200ms',                    # a quote to end the field early
    "/pl/%ff%fe-not-utf-8",
]
# An access line is exactly: [time] "METHOD path" status duration — no size, address, query, referrer or agent.
ACCESS = re.compile(r'^\[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "[A-Z]+ [^"]*" \d{3} \d+ms$')
GUNICORN_MESSAGE = re.compile(r"^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\] \[\d+\] \[[A-Z]+\] ")


@pytest.mark.parametrize("raw, logged", [
    ("/pl/\r\nx", "/pl/\\x0d\\x0ax"),
    ("/a\x00b\x7f\x1b", "/a\\x00b\\x7f\\x1b"),
    ('/a"b', "/a\\x22b"),
    ("/a\\x0ab", "/a\\\\x0ab"),                             # a literal backslash cannot fake an escape
    ("/pl/\u017c".encode().decode("latin-1"), "/pl/\u017c"),  # UTF-8 bytes read as UTF-8: legible
    ("/\xff", "/\\xff"),                                    # not UTF-8: shown as the byte
    ("/\xc2\x85", "/\\x85"),                                # NEL
    ("\u2028", "\\u2028"),
])
def test_escape_keeps_a_value_on_one_unambiguous_line(raw, logged):
    assert escape(raw) == logged


def test_the_access_log_escapes_each_value_it_writes_header_names_in_any_case():
    atoms = EscapedAtoms({"U": "/pl/\r\nforged", "m": 'GET"', "{user-agent}i": "a\x1bb", "B": 512})
    assert "%(m)s %(U)s %(B)s %({User-Agent}i)s %(q)s" % atoms == 'GET\\x22 /pl/\\x0d\\x0aforged 512 a\\x1bb -'


def request(netloc: str, target: str, method: str = "GET", body: bytes | None = None) -> int:
    connection = http.client.HTTPConnection(netloc, timeout=10)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_gunicorn_writes_exactly_one_escaped_line_per_request(tmp_path):
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out, gunicorn(log=out, FLATS_WORKERS="1") as base:
        netloc = urllib.parse.urlsplit(base).netloc
        for target in HOSTILE + ["/pl/%C5%BC"]:
            assert request(netloc, target) < 500, target
    lines = log.read_text(encoding="utf-8").splitlines()
    access = [line for line in lines if ACCESS.match(line)]
    stray = [line for line in lines if not ACCESS.match(line) and not GUNICORN_MESSAGE.match(line)]
    assert not stray, f"lines that are neither access lines nor gunicorn's messages: {stray}"
    # wait_for's GET / and the redirect it follows, then one line per request sent.
    assert '"GET /" 302' in access[0] and '"GET /pl/" 200' in access[1], access[:2]
    assert len(access) == 2 + len(HOSTILE) + 1, "\n".join(access)
    assert all(not line.startswith('[24/Nov/2026:00:00:00') for line in lines)
    assert '"GET /pl/\\x0d\\x0a[24/Nov/2026:00:00:00 +0000] \\x22GET /forged\\x22 200 0 0ms" 404' in log.read_text()
    assert '"GET /pl/\u017c" 308' in log.read_text(encoding="utf-8"), "a UTF-8 path is logged legibly"


def test_the_access_log_holds_time_method_path_status_and_duration_only(tmp_path):
    log = tmp_path / "gunicorn.log"
    form = urllib.parse.urlencode({"adult": "no", "resident": "yes", "round_the_clock_care": "yes",
                                   "situations": "illness", "household": "single", "income": "4321,98"}).encode()
    with log.open("w") as out, gunicorn(log=out, FLATS_WORKERS="1") as base:
        connection = http.client.HTTPConnection(urllib.parse.urlsplit(base).netloc, timeout=10)
        connection.request("POST", "/pl/sprawdz/chelm/?imie=Jan", body=form, headers={
            "Content-Type": "application/x-www-form-urlencoded", "User-Agent": "AgentSecret/1.0",
            "Referer": "https://referrer-secret.example/", "X-Forwarded-For": "203.0.113.66",
            "Cookie": "cookie=secret"})
        response = connection.getresponse()
        size = len(response.read())
        connection.close()
    assert response.status == 200
    [line] = [line for line in log.read_text().splitlines() if '"POST ' in line]
    assert ACCESS.match(line) and re.search(r'\] "POST /pl/sprawdz/chelm/" 200 \d+ms$', line), line
    assert str(size) not in line.split('"')[-1], "the response size is not logged"
    for secret in ("imie", "Jan", "AgentSecret", "referrer-secret", "203.0.113.66", "127.0.0.1", "cookie", "4321"):
        assert secret not in line, f"the access line holds {secret!r}"


SECRET = "4321,98-SECRET"


def failing_wsgi_app(environ, start_response):
    """A WSGI app that fails before answering, with what the client sent in its message (gunicorn logs it)."""
    raise ValueError(f"could not read {environ.get('QUERY_STRING')} {environ.get('HTTP_X_ANSWER')}")


def failing_flats_app():
    """The real app plus a view that fails with what the client sent in its message (Flask's app.logger logs it)."""
    from flask import request

    from flats import create_app
    app = create_app()

    def fail():
        try:
            int(request.args["income"])
        except ValueError as exc:
            raise KeyError(f"income {request.args['income']}") from exc

    app.add_url_rule("/pl/fail/", "fail", fail)
    return app


def raw(netloc: str, data: bytes) -> bytes:
    host, port = netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(data)
        return s.recv(65536)


@pytest.mark.parametrize("app", ["tests.test_logs:failing_wsgi_app", "tests.test_logs:failing_flats_app()"])
def test_the_error_log_keeps_no_address_query_or_exception_message(tmp_path, app):
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out, gunicorn(app, log=out, FLATS_WORKERS="1") as base:
        netloc = urllib.parse.urlsplit(base).netloc
        hostile = urllib.parse.quote(SECRET + "\r\n[2026-11-24 00:00:00 +0000] [1] [INFO] forged")
        reply = raw(netloc, f"GET /pl/fail/%0d%0a?income={hostile} HTTP/1.1\r\nHost: x\r\n"
                            f"X-Answer: {SECRET}\r\nConnection: close\r\n\r\n".encode())
        assert reply.startswith(b"HTTP/1.1 500") or b" 404 " in reply.split(b"\r\n")[0], reply[:100]
        reply = raw(netloc, f"GET /pl/fail/?income={hostile} HTTP/1.1\r\nHost: x\r\n"
                            f"X-Answer: {SECRET}\r\nConnection: close\r\n\r\n".encode())
        assert reply.startswith(b"HTTP/1.1 500"), reply[:100]
        # Malformed requests: gunicorn's own message quotes them and names the client's address.
        for bad in (f"GET /pl/?q={SECRET} HTTP/1.1\r\nHost: x\r\nBad Header {SECRET}\r\n\r\n",
                    f"GET /pl/?q={SECRET} HTTP/9.9\r\nHost: x\r\n\r\n",
                    f"GET /pl/{'x' * 3000}?q={SECRET} HTTP/1.1\r\n\r\n"):
            assert raw(netloc, bad.encode()).split(b" ")[1] in (b"400", b"414"), bad[:40]
    written = log.read_text(encoding="utf-8")
    for secret in ("SECRET", "4321", "income=", "ip=", "forged\n"):
        assert secret not in written, f"the error log holds {secret!r}:\n{written}"
    lines = written.splitlines()
    assert not any(line.startswith("[2026-11-24") for line in lines)
    assert "Invalid request (answered 4xx or 501; its address and content not logged)" in written
    # What is kept: where it failed, the exception's type, the path without its query string.
    assert "Traceback (most recent call last):" in written and "(message not logged)" in written
    assert ("ValueError (message not logged)" in written if "wsgi" in app else
            "KeyError (message not logged)" in written and "ValueError (message not logged)" in written)
    assert "/pl/fail/" in written


def test_code_only_traceback_keeps_the_frames_and_types_of_a_chain():
    try:
        try:
            {}["secret-key"]
        except KeyError:
            raise ValueError("secret value") from None
    except ValueError:
        import sys
        text = code_only_traceback(sys.exc_info())
    assert "secret" not in text.replace('["secret-key"]', "").replace('"secret value"', "")
    assert text.endswith("ValueError (message not logged)") and "KeyError" not in text, text
    assert 'test_code_only_traceback_keeps_the_frames_and_types_of_a_chain' in text


def test_make_run_logs_no_query_string_and_one_line_per_request(tmp_path):
    port, log = free_port(), tmp_path / "dev.log"
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "flats.devserver", "--port", str(port)], cwd=ROOT,
                                   stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for(f"http://127.0.0.1:{port}/pl/")
            netloc = f"127.0.0.1:{port}"
            assert request(netloc, "/pl/?imie=Jan&dochod=1234") == 200
            form = urllib.parse.urlencode({"adult": "yes", "resident": "yes", "round_the_clock_care": "no",
                                           "situations": "illness", "household": "single", "income": "4321,98"})
            assert request(netloc, "/en/sprawdz/chelm/?imie=Jan", "POST", form.encode()) == 200
            for target in HOSTILE:
                assert request(netloc, target) < 500, target
        finally:
            process.terminate()
            process.wait(timeout=10)
    written = log.read_text(encoding="utf-8")
    requests = [line for line in written.splitlines() if re.search(r'\] "(GET|POST) /', line)]
    assert len(requests) == 1 + 2 + len(HOSTILE), written  # wait_for's GET, the two above, the hostile ones
    assert '"GET /pl/" 200' in written and '"POST /en/sprawdz/chelm/" 200' in written
    for secret in ("imie", "Jan", "dochod", "1234", "illness", "4321"):
        assert secret not in written, f"the log holds {secret!r}"
    assert all(not line.startswith("[24/Nov/2026:00:00:00") for line in written.splitlines())
    assert "/pl/\\x0d\\x0a[24/Nov/2026" in written


def test_make_run_uses_the_quiet_dev_server():
    makefile = (Path(ROOT) / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "-m flats.devserver" in run and "flask run" not in run
