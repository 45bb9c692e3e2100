"""check.js reads money in Chromium exactly as the server does: the same table of accepted and refused
strings as tests/rules/test_money.py, and on the page the same result and the same messages."""
from __future__ import annotations

import html
import re
from decimal import Decimal
from pathlib import Path

import pytest

from .helpers import PENSIONER, answer
from .rules.test_money import ACCEPTED, REFUSED

CHECK_JS = Path(__file__).resolve().parents[1] / "site" / "flats" / "static" / "check.js"


def parse_income_source() -> str:
    """check.js's own parseIncome, as written (the script keeps it private)."""
    found = re.search(r"\n  function parseIncome\(text\) \{\n.*?\n  \}\n", CHECK_JS.read_text(), re.DOTALL)
    assert found, "check.js has no parseIncome(text)"
    return found.group(0)


@pytest.fixture(scope="module", params=["live", "frozen"])
def parse_in_chromium(request, browser):
    """Run check.js's parseIncome over texts in a live or frozen self-check page, with the grammar it ships."""
    context = browser.new_context()
    page = context.new_page()
    if request.param == "live":
        page.goto(f"{request.getfixturevalue('base_url')}/pl/sprawdz/chelm/")
    else:
        page.goto(f"{request.getfixturevalue('sub_path')}uk/sprawdz/mielec/")
    page.wait_for_function("window.FLATS_ANSWERS !== undefined")
    script = ("(texts) => { const V = window.FLATS_ANSWERS.vocabulary;" + parse_income_source()
              + " return texts.map(t => { const r = parseIncome(t);"
                " return r.error ? {error: r.error} : {grosze: r.grosze.toString()}; }); }")
    yield lambda texts: page.evaluate(script, texts)
    context.close()


def test_check_js_reads_every_accepted_amount_to_the_grosz(parse_in_chromium):
    got = parse_in_chromium([text for text, _ in ACCEPTED])
    want = [{"grosze": str(int(Decimal(amount) * 100))} for _, amount in ACCEPTED]
    wrong = [(text, g, w) for (text, _), g, w in zip(ACCEPTED, got, want) if g != w]
    assert not wrong, wrong


def test_check_js_refuses_every_refused_text_for_the_same_reason(parse_in_chromium):
    got = parse_in_chromium([text for text, _ in REFUSED])
    wrong = [(text, g, kind) for (text, kind), g in zip(REFUSED, got) if g != {"error": kind}]
    assert not wrong, wrong


def up_to_income(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("window.FLATS_ANSWERS !== undefined")
    for _ in range(8):
        step = page.get_attribute("form.check-form", "data-step")
        if step == "income":
            return
        answer(page, step, PENSIONER[step])
        page.click("form.check-form button[value=continue]")
        page.wait_for_function("(s) => document.querySelector('form.check-form').dataset.step !== s", arg=step)
    raise AssertionError("the income question never came")


@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_typed_in_the_page_money_in_any_language_gives_the_servers_result(page, base_url, lang):
    up_to_income(page, f"{base_url}/{lang}/sprawdz/chelm/")
    page.fill("#income-input", "PLN 1,650.00" if lang == "pl" else "1 650 злотих")
    page.click("form.check-form button[value=continue]")
    page.wait_for_selector("main .result")
    assert page.get_attribute("main .result", "data-fee-amount") == "449.60"


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
@pytest.mark.parametrize("typed", ["1650 грн", "1.650", "abc"])
def test_the_page_refuses_money_with_the_servers_message(page, base_url, client, lang, typed):
    up_to_income(page, f"{base_url}/{lang}/sprawdz/chelm/")
    page.fill("#income-input", typed)
    page.click("form.check-form button[value=continue]")
    page.wait_for_selector("main .error-summary")
    shown = page.inner_text("main .error-summary ul").strip()
    server = client.post(f"/{lang}/sprawdz/chelm/", data={**PENSIONER, "income": typed, "step": "income"})
    assert shown in html.unescape(server.get_data(as_text=True)), shown
    assert typed in shown
