"""deploy/nginx-flats-live.conf with Debian's nginx on loopback, in front of gunicorn (deploy/gunicorn.conf.py)."""
from __future__ import annotations

import gzip
import http.client
import json
import re
import select
import socket
import ssl
import subprocess
import time
import urllib.parse
from urllib.parse import urlsplit

import pytest

from .servers import LIVE_HOST, gunicorn, live_get, live_nginx

SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
            "Cross-Origin-Opener-Policy")
ANSWERS = urllib.parse.urlencode({"adult": "yes", "resident": "yes", "round_the_clock_care": "no",
                                  "situations": "illness", "household": "single", "income": "4321,98"}).encode()


@pytest.fixture(scope="module")
def served():
    """(nginx's port, its work folder) in front of the real app plus /_probe (tests/probe.py), trusting one proxy."""
    with gunicorn("tests.probe:app_with_probe()", FLATS_WORKERS="2", FLATS_PROXY_FIX="1") as base:
        with live_nginx(urlsplit(base).netloc) as (port, work):
            yield port, work


@pytest.fixture(scope="module")
def live(served):
    return served[0]


class FromAddress(http.client.HTTPConnection):
    """A connection to nginx from another loopback address (127.0.0.0/8 is all loopback): a client of its own
    for limit_req and limit_conn, so one test's POSTs leave another's allowance alone."""

    def __init__(self, source: str, port: int, timeout: float):
        super().__init__("127.0.0.1", port, timeout=timeout, source_address=(source, 0))


def send(port, method, path, body=b"", headers=None, chunked=False, source="127.0.0.1"):
    """One request to nginx as LIVE_HOST from `source`; (status, headers as a list, body)."""
    connection = FromAddress(source, port, timeout=15)
    headers = {"Host": LIVE_HOST, **(headers or {})}
    if chunked:
        headers["Transfer-Encoding"] = "chunked"
        data = body
        body = (data[i:i + 4096] for i in range(0, len(data), 4096))
    try:
        connection.request(method, path, body=body if chunked or body else None, headers=headers, encode_chunked=chunked)
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def header(headers, name):
    values = [v for k, v in headers if k.lower() == name.lower()]
    assert len(values) <= 1, f"{name} sent {len(values)} times: {values}"
    return values[0] if values else None


def assert_secure(headers):
    for name in SECURITY:
        assert header(headers, name), name
    assert "frame-ancestors 'none'" in header(headers, "Content-Security-Policy")
    assert header(headers, "Set-Cookie") is None and header(headers, "Server") == "nginx"


@pytest.mark.parametrize("path", ["/pl/", "/en/chelm/", "/uk/sprawdz/mielec/", "/health", "/api/v1/openapi.json"])
def test_pages_come_through_with_each_security_header_once(live, path):
    status, headers, body = live_get(live, path)
    assert status == 200 and body
    assert_secure(headers)


def test_a_fingerprinted_stylesheet_comes_through_immutable(live):
    _, _, page = live_get(live, "/pl/")
    href = page.decode().split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    status, headers, body = live_get(live, urllib.parse.urljoin("/pl/", href))
    assert status == 200 and b"{" in body
    assert header(headers, "Cache-Control") == "public, max-age=31536000, immutable"


def test_the_self_check_and_the_api_answer_through_the_proxy(live):
    status, headers, body = send(live, "POST", "/en/sprawdz/chelm/", ANSWERS,
                                 {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and "4 321,98" in body.decode().replace("\u00a0", " ")
    # Kept only in the person's own browser, for Back without JavaScript; never in a shared cache.
    assert header(headers, "Cache-Control") == "private, max-age=1800"
    assert_secure(headers)
    answers = {"facility": "chelm", "adult": "yes", "resident": "yes", "round_the_clock_care": "no",
               "situations": ["older_age"], "household": "single", "income": "1400.00", "on": "2026-03-01"}
    status, headers, body = send(live, "POST", "/api/v1/assessment", json.dumps(answers).encode(),
                                 {"Content-Type": "application/json"})
    assert status == 200 and json.loads(body)["fee"]["amount"] == "299.73"


def padded(size: int) -> bytes:
    """The self-check's answers padded with an unknown field to `size` bytes."""
    return ANSWERS + b"&pad=" + b"x" * (size - len(ANSWERS) - 5)


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_an_oversized_body_gets_413_from_nginx(live, chunked):
    source = "127.0.0.2" if chunked else "127.0.0.3"  # each its own client: these POSTs count against limit_req
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    # Anywhere but the self-check and the API: the app's own limit, 64 KiB.
    status, headers, body = send(live, "POST", "/pl/", b"x" * (64 * 1024 + 1), form, chunked, source)
    assert status == 413 and b"<html>" in body
    assert_secure(headers)
    status, _, _ = send(live, "POST", "/pl/", b"x" * (60 * 1024), form, chunked, source)
    assert status == 405, "a body under 64 KiB reaches the app, which takes no POST there"
    # The self-check's form: 16 KiB.
    status, headers, _ = send(live, "POST", "/en/sprawdz/chelm/", padded(16 * 1024 + 1), form, chunked, source)
    assert status == 413
    assert_secure(headers)
    status, _, body = send(live, "POST", "/en/sprawdz/chelm/", padded(15 * 1024), form, chunked, source)
    assert status == 200 and "4 321,98" in body.decode().replace("\u00a0", " "), "a body under the limit still passes"


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_the_api_refuses_a_body_over_16_kib_in_json(live, chunked):
    source = "127.0.0.4" if chunked else "127.0.0.5"
    status, headers, body = send(live, "POST", "/api/v1/assessment", b"x" * (16 * 1024 + 1),
                                 {"Content-Type": "application/json"}, chunked, source)
    assert status == 413
    assert header(headers, "Content-Type") == "application/json"
    assert json.loads(body) == {"errors": {"body": "too large: at most 16 KiB"}}
    assert_secure(headers)
    answers = {"facility": "chelm", "adult": "yes", "resident": "yes", "round_the_clock_care": "no",
               "situations": ["older_age"], "household": "single", "income": "1400.00", "on": "2026-03-01"}
    data = json.dumps(answers).encode()
    data = data[:-1] + b" " * (15 * 1024 - len(data)) + b"}"  # 15 KiB of JSON: through nginx to the app
    status, _, body = send(live, "POST", "/api/v1/assessment", data, {"Content-Type": "application/json"},
                           chunked, source)
    assert status == 200 and json.loads(body)["fee"]["amount"] == "299.73"


def test_the_api_says_too_many_requests_in_json(live):
    statuses, last = [], None
    for _ in range(20):
        last = send(live, "POST", "/api/v1/assessment", b"{}", {"Content-Type": "application/json"},
                    source="127.0.0.6")
        statuses.append(last[0])
    assert statuses.count(429) >= 6 and set(statuses) == {400, 429}, statuses
    status, headers, body = last
    assert status == 429 and header(headers, "Content-Type") == "application/json"
    assert json.loads(body) == {"errors": {"request": "too many requests: at most 2 a second, wait and try again"}}
    assert_secure(headers)


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1", f"{LIVE_HOST}.evil.example"])
def test_another_host_name_gets_no_answer(live, host):
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        live_get(live, "/pl/", host=host)


def test_a_request_without_a_host_name_gets_no_answer(live):
    with socket.create_connection(("127.0.0.1", live), timeout=10) as raw:
        raw.sendall(b"GET /pl/ HTTP/1.0\r\n\r\n")
        assert raw.recv(1024) == b""


def test_the_app_trusts_what_nginx_sets_and_nothing_a_client_claims(live):
    status, _, body = send(live, "GET", "/_probe", headers={
        "X-Forwarded-For": "203.0.113.66", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https",
        "X-Forwarded-Port": "443", "X-Forwarded-Prefix": "/evil", "X-Forwarded-Ssl": "on"})
    assert status == 200
    # nginx's X-Forwarded-Port is the loopback port the test used, which ProxyFix adds to the host:
    # the app took the port from nginx, and the host, scheme and address were not the client's.
    assert json.loads(body) == {"remote_addr": "127.0.0.1", "scheme": "http", "host": f"{LIVE_HOST}:{live}",
                                "url_root": f"http://{LIVE_HOST}:{live}/"}


def test_redirects_keep_the_visitors_host(live):
    status, headers, _ = live_get(live, "/")
    assert status == 302 and header(headers, "Location") == "/pl/"


def test_posts_are_rate_limited_per_client_and_gets_are_not(live):
    time.sleep(5.5)  # the earlier tests' POSTs have left the bucket full again (2 a second, burst 10)
    statuses = [send(live, "POST", "/pl/sprawdz/mielec/", ANSWERS,
                     {"Content-Type": "application/x-www-form-urlencoded"})[0] for _ in range(30)]
    assert 10 <= statuses.count(200) <= 14 and statuses.count(429) >= 16, statuses
    assert set(statuses) == {200, 429}
    assert all(live_get(live, "/pl/")[0] == 200 for _ in range(20)), "GETs are never limited"
    status, headers, body = send(live, "POST", "/pl/sprawdz/mielec/", ANSWERS,
                                 {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 429 and header(headers, "Content-Type").startswith("text/html")
    assert_secure(headers)
    assert b"nginx/" not in body, "no version on nginx's own pages (server_tokens off)"


def test_the_documented_https_setup_works_with_hsts(tmp_path):
    """The file's own instructions: uncomment the #tls lines, drop the #http one, give a certificate."""
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    f"/CN={LIVE_HOST}", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True)
    from .servers import free_port
    tls_port = free_port()
    with gunicorn("flats:create_app()", FLATS_WORKERS="1", FLATS_PROXY_FIX="1", FLATS_HSTS="1") as base:
        with live_nginx(urlsplit(base).netloc, tls=(tls_port, certificate, key)) as (port, _):
            status, headers, body = live_get(tls_port, "/pl/", tls=True)
            assert status == 200 and b"<h1>" in body
            assert header(headers, "Strict-Transport-Security") == "max-age=31536000; includeSubDomains"
            assert_secure(headers)
            status, headers, _ = live_get(port, "/pl/odplatnosc/")
            assert status == 301 and header(headers, "Location") == f"https://{LIVE_HOST}/pl/odplatnosc/"
            with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
                live_get(port, "/pl/", host="evil.example")
            with pytest.raises(ssl.SSLError, match="UNRECOGNIZED_NAME"):
                live_get(tls_port, "/pl/", host="evil.example", tls=True)


def raw_reply(port: int, data: bytes, source: str = "127.0.0.1") -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0)) as s:
        s.sendall(data)
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
        return reply


@pytest.mark.parametrize("request_bytes", [
    b"NOT A REQUEST\r\n\r\n",                                           # parsed under the default server
    b"GET /pl/ HTTP/1.1\r\nHost: " + LIVE_HOST.encode() + b"\r\nX: " + b"x" * 9000 + b"\r\n\r\n",  # header too large
    b"GET /pl/%00 HTTP/1.1\r\nHost: " + LIVE_HOST.encode() + b"\r\nConnection: close\r\n\r\n",
])
def test_nginx_names_no_version_on_its_own_pages(live, request_bytes):
    reply = raw_reply(live, request_bytes)
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.split(b" ")[1] == b"400", head
    assert b"\r\nServer: nginx\r\n" in head and b"nginx/" not in reply, reply


@pytest.mark.parametrize("path, kind", [("/pl/", "text/html"), ("/api/v1/openapi.json", "application/json"),
                                        ("STYLESHEET", "text/css")])
def test_answers_are_compressed_for_those_who_ask_and_vary_on_it(live, path, kind):
    if path == "STYLESHEET":
        page = live_get(live, "/pl/")[2].decode()
        path = urllib.parse.urljoin("/pl/", page.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0])
    plain_status, plain_headers, plain = send(live, "GET", path, headers={"Accept-Encoding": "identity"})
    status, headers, body = send(live, "GET", path, headers={"Accept-Encoding": "gzip"})
    assert status == plain_status == 200 and header(headers, "Content-Type").startswith(kind)
    assert header(headers, "Content-Encoding") == "gzip" and header(plain_headers, "Content-Encoding") is None
    assert gzip.decompress(body) == plain
    # Both copies say that the answer depends on Accept-Encoding, so no cache hands one to the other's client.
    for sent in (headers, plain_headers):
        assert "Accept-Encoding" in ", ".join(v for k, v in sent if k.lower() == "vary"), sent


def test_a_script_name_header_never_reaches_the_app(live):
    status, _, body = send(live, "GET", "/evil/pl/", headers={"SCRIPT_NAME": "/evil"})
    assert status == 404 and b"../evil/" not in body


def test_slow_bodies_from_one_address_hold_at_most_16_connections(live):
    """A client that starts many bodies and sends them slowly gets 16 at once; the rest are refused at once,
    other clients are served throughout, and the 16 are cut off after 5 s without a byte (client_body_timeout)."""
    slow = []
    start = time.monotonic()
    try:
        for _ in range(24):
            s = socket.create_connection(("127.0.0.1", live), timeout=3, source_address=("127.0.0.9", 0))
            # A GET with a body is not rate limited (only POSTs are), and nginx reads the body before it proxies.
            s.sendall(f"GET /pl/ HTTP/1.1\r\nHost: {LIVE_HOST}\r\nContent-Length: 10000\r\n\r\n".encode() + b"x" * 10)
            slow.append(s)
        time.sleep(0.5)
        # The refused have their 429 to read; the held have nothing (nginx waits for the rest of the body).
        answered, _, _ = select.select(slow, [], [], 0)
        refused = sum(s.recv(100).startswith(b"HTTP/1.1 429") for s in answered)
        assert refused == len(answered) == 24 - 16, f"{refused} of 24 slow bodies refused at once"
        assert send(live, "GET", "/pl/", source="127.0.0.9")[0] == 429, "the same address gets no more"
        assert send(live, "GET", "/pl/")[0] == 200, "another address is served"
        assert time.monotonic() - start < 4, "the checks above ran while the 16 were held"
        time.sleep(max(0.0, start + 5 + 1.5 - time.monotonic()))  # past client_body_timeout
        assert send(live, "GET", "/pl/", source="127.0.0.9")[0] == 200, "the slow bodies were cut off"
    finally:
        for s in slow:
            s.close()


def test_the_access_log_holds_time_method_path_status_and_duration_only(served):
    port, work = served
    secrets = {"User-Agent": "AgentSecret/1.0", "Referer": "https://referrer-secret.example/",
               "Cookie": "session=cookie-secret", "X-Forwarded-For": "203.0.113.66"}
    sent = [send(port, "GET", "/pl/?imie=Jan&dochod=1234", headers=secrets, source="127.0.0.10"),
            send(port, "POST", "/en/sprawdz/chelm/?imie=Jan", ANSWERS,
                 {"Content-Type": "application/x-www-form-urlencoded", **secrets}, source="127.0.0.10"),
            send(port, "POST", "/api/v1/assessment?imie=Jan", b"x" * 20000,
                 {"Content-Type": "application/json", **secrets}, source="127.0.0.10")]
    assert [status for status, _, _ in sent] == [200, 200, 413]
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        live_get(port, "/pl/?imie=Jan", host="evil.example")
    raw_reply(port, b"NOT A REQUEST\r\n\r\n", source="127.0.0.10")
    time.sleep(0.2)
    lines = (work / "access.log").read_text().splitlines()
    line = re.compile(r'\[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "[^"]*" \d{3} \d+\.\d{3}s')
    assert lines and all(line.fullmatch(entry) for entry in lines), [e for e in lines if not line.fullmatch(e)]
    for logged in ('"GET /pl/" 200 ', '"POST /en/sprawdz/chelm/" 200 ', '"POST /api/v1/assessment" 413 ',
                   '"GET /pl/" 444 '):
        assert any(logged in entry for entry in lines), logged
    sizes = {str(len(body)) for _, _, body in sent}
    written = "\n".join(lines)
    for secret in ("imie", "Jan", "1234", "Agent", "referrer", "cookie", "203.0.113", "127.0.0"):
        assert secret not in written, f"nginx's access log holds {secret!r}"
    assert not any(entry.split()[-2] in sizes or entry.split()[-1].rstrip("s") in sizes for entry in lines)
    # nginx's own error log (error_log in nginx.conf) has had 413s, 429s, 444s and 400s: no request is in it.
    errors = (work / "error.log").read_text()
    assert "client:" not in errors and "request:" not in errors and "imie" not in errors, errors
