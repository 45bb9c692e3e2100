"""X-Forwarded-* headers count only with FLATS_PROXY_FIX set, and then only the values the proxies wrote."""
from __future__ import annotations

import pytest

from flats.proxy import trusted_proxies

from .probe import app_with_probe

FORWARDED = {"X-Forwarded-For": "203.0.113.66, 198.51.100.7", "X-Forwarded-Proto": "https",
             "X-Forwarded-Host": "evil.example, mieszkania.example.gov.pl", "X-Forwarded-Port": "443"}


def seen(config: dict | None = None, headers: dict | None = None) -> dict:
    return app_with_probe(config).test_client().get("/_probe", headers=headers or {}).get_json()


def test_without_a_trusted_proxy_forwarded_headers_are_ignored(monkeypatch):
    monkeypatch.delenv("FLATS_PROXY_FIX", raising=False)
    assert seen(headers=FORWARDED) == {"remote_addr": "127.0.0.1", "scheme": "http", "host": "localhost",
                                       "url_root": "http://localhost/"}


def test_behind_one_proxy_only_its_values_count():
    assert seen({"PROXY_FIX": 1}, FORWARDED) == {
        "remote_addr": "198.51.100.7", "scheme": "https", "host": "mieszkania.example.gov.pl",
        "url_root": "https://mieszkania.example.gov.pl/"}


def test_behind_two_proxies_the_last_two_values_count():
    assert seen({"PROXY_FIX": 2}, FORWARDED)["remote_addr"] == "203.0.113.66"


def test_a_prefix_from_a_client_is_never_trusted():
    assert seen({"PROXY_FIX": 1}, {"X-Forwarded-Prefix": "/evil"})["url_root"] == "http://localhost/"


@pytest.mark.parametrize("value, hops", [("1", 1), ("2", 2), ("0", 0), ("", 0)])
def test_the_environment_variable_sets_the_count(monkeypatch, value, hops):
    monkeypatch.setenv("FLATS_PROXY_FIX", value)
    assert trusted_proxies(app_with_probe({"LOAD_CONTENT": False})) == hops


@pytest.mark.parametrize("value", ["yes", "-1", "1.5"])
def test_a_wrong_value_stops_start_up_saying_what_is_expected(monkeypatch, value):
    monkeypatch.setenv("FLATS_PROXY_FIX", value)
    with pytest.raises(ValueError, match="number of proxies"):
        app_with_probe({"LOAD_CONTENT": False})
