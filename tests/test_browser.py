"""In Chromium: axe-core finds nothing on any page; no horizontal scrolling."""
from __future__ import annotations

import pytest

from .helpers import ROUTES, violations


def test_axe_finds_no_violation_on_any_page_in_any_language(page, base_url):
    found = {}
    for url in ROUTES + ["/pl/no-such-page/", "/en/no-such-page/", "/uk/no-such-page/"]:
        page.goto(base_url + url)
        if v := violations(page):
            found[url] = v
    assert not found, "axe violations:\n" + "\n".join(f"{u}: {v}" for u, v in found.items())


def test_axe_runs_for_real_and_catches_a_planted_violation(page, base_url):
    page.goto(base_url + "/pl/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x>')")
    assert any(v.startswith("image-alt") for v in violations(page))


@pytest.mark.parametrize("width", [320, 1280])
def test_pages_fit_the_screen_without_horizontal_scrolling(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    wide = []
    for url in [u for u in ROUTES if u.startswith("/pl/")] + ["/uk/", "/en/"]:
        page.goto(base_url + url)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide.append(f"{url}: {scroll}px")
    context.close()
    assert not wide, f"horizontal scrolling at {width}px: {wide}"


def test_the_page_makes_no_request_to_another_host(page, base_url):
    hosts = []
    page.on("request", lambda r: hosts.append(r.url) if not r.url.startswith(base_url) else None)
    for url in ("/pl/", "/en/chelm/", "/uk/kontakt/"):
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
    assert not hosts, f"requests to other hosts: {hosts}"


def test_the_skip_link_is_the_first_thing_the_keyboard_reaches(page, base_url):
    page.goto(base_url + "/pl/mielec/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
