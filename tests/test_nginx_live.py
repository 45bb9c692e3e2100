"""deploy/nginx-flats-live.conf with Debian's nginx on loopback, in front of gunicorn (deploy/gunicorn.conf.py)."""
from __future__ import annotations

import http.client
import json
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
def live():
    """nginx's port, in front of the real app plus /_probe (tests/probe.py), trusting one proxy."""
    with gunicorn("tests.probe:app_with_probe()", FLATS_WORKERS="2", FLATS_PROXY_FIX="1") as base:
        with live_nginx(urlsplit(base).netloc) as (port, _):
            yield port


def send(port, method, path, body=b"", headers=None, chunked=False):
    """One request to nginx as LIVE_HOST; (status, headers as a list, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
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
    assert header(headers, "Cache-Control") == "no-store"
    assert_secure(headers)
    answers = {"facility": "chelm", "adult": "yes", "resident": "yes", "round_the_clock_care": "no",
               "situations": ["older_age"], "household": "single", "income": "1400.00", "on": "2026-03-01"}
    status, headers, body = send(live, "POST", "/api/v1/assessment", json.dumps(answers).encode(),
                                 {"Content-Type": "application/json"})
    assert status == 200 and json.loads(body)["fee"]["amount"] == "299.73"


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_an_oversized_body_gets_413_from_nginx(live, chunked):
    status, headers, _ = send(live, "POST", "/api/v1/assessment", b"x" * (64 * 1024 + 1),
                              {"Content-Type": "application/json"}, chunked=chunked)
    assert status == 413
    assert_secure(headers)
    status, _, _ = send(live, "POST", "/en/sprawdz/chelm/", ANSWERS + b"&pad=" + b"x" * (60 * 1024),
                        {"Content-Type": "application/x-www-form-urlencoded"}, chunked=chunked)
    assert status == 200, "a body under the limit still passes"


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
    status, headers, _ = send(live, "POST", "/pl/sprawdz/mielec/", ANSWERS,
                              {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 429
    assert_secure(headers)


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
