"""The frozen site in Chromium: axe, the self-check with and without JavaScript,
and the browser's look-ups checked against the engine over the whole answer space."""
from __future__ import annotations

import datetime as dt
import itertools
import random
from decimal import Decimal

import pytest

from flats.checker import explain
from flats.rules import Answers, assess, income_thresholds
from flats.rules.codes import SITUATIONS

from .browser import served
from .helpers import LIKELY, POSSIBLE, UNLIKELY, violations
from .frozen import DAY, files

ON = dt.date.fromisoformat(DAY)
CENT = Decimal("0.01")


def test_axe_finds_nothing_on_any_frozen_page(page, build, sub_path):
    found = {}
    # The root index.html only sends visitors on (meta refresh), so axe cannot stay on it.
    for path in ["/" + p for p in files(build[0]) if p.endswith(".html") and p != "index.html"]:
        page.goto(sub_path.rstrip("/") + path)
        if v := violations(page):
            found[path] = v
    assert not found, found


def test_without_javascript_the_frozen_check_shows_the_numbers_and_whom_to_call(browser, sub_path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sub_path + "pl/sprawdz/chelm/")
    assert not page.is_visible("form.check-form")
    fallback = page.inner_text(".frozen-fallback")
    context.close()
    assert "1 010,00 zł" in fallback.replace("\u00a0", " ") and "3 535,00" in fallback.replace("\u00a0", " ")
    assert "82 564 21 26" in fallback


def fill(page, url, answers):
    page.goto(url)
    for selector in answers.get("check", []):
        page.check(selector)
    if "size" in answers:
        page.fill("#household_size-input", answers["size"])
    page.fill("#income-input", answers.get("income", ""))
    page.click("form.check-form button[type=submit]")


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
@pytest.mark.parametrize("facility, answers", [("chelm", LIKELY), ("mielec", POSSIBLE), ("chelm", UNLIKELY),
                                               ("mielec", dict(LIKELY, income="2 469,01 zł"))])
def test_the_frozen_form_shows_what_the_live_site_shows(app, page, sub_path, lang, facility, answers, monkeypatch):
    fill(page, f"{sub_path}{lang}/sprawdz/{facility}/", answers)
    page.wait_for_selector(".frozen-result #result")
    frozen = page.inner_text("#result")
    assert page.evaluate("document.activeElement.tagName") == "H1", "focus moves to the result"
    assert not violations(page)
    monkeypatch.setitem(app.config, "FIXED_DATE", DAY)
    with served(app) as live_base:
        fill(page, f"{live_base}/{lang}/sprawdz/{facility}/", answers)
        page.wait_for_selector("#result")
        live = page.inner_text("#result")
    assert frozen == live


def test_the_frozen_form_shows_errors_like_the_live_one(page, sub_path):
    fill(page, sub_path + "pl/sprawdz/mielec/", {"check": ["#household-family"], "size": "1", "income": "abc"})
    assert page.title().startswith("Błąd: ")
    assert page.evaluate("document.activeElement.className") == "error-summary"
    links = page.eval_on_selector_all(".error-summary a", "els => els.map(e => e.getAttribute('href'))")
    assert links == ["#adult-yes", "#round_the_clock_care-yes", "#resident-yes", "#household_size-input",
                     "#income-input"]
    assert not violations(page)


def combos():
    """Every yes/no answer and set of situations, with both households."""
    for adult, resident, care in itertools.product(("yes", "no"), repeat=3):
        for bits in itertools.product((False, True), repeat=len(SITUATIONS)):
            for household in ("single", "family"):
                yield {"adult": adult, "resident": resident, "round_the_clock_care": care,
                       "situations": [s for s, b in zip(SITUATIONS, bits) if b], "household": household}


def incomes(rules, facility, people):
    household = "single" if people == 1 else "family"
    edges = income_thresholds(rules, ON, facility, household, None if people == 1 else people)
    found = {Decimal("0.00"), Decimal("1000000.00")}
    for edge in edges:
        found |= {edge - CENT, edge, edge + CENT}
    return sorted(found)


def expected(app, rules, facility, a, lang):
    answers = Answers(facility, a["adult"] == "yes", a["resident"] == "yes", a["round_the_clock_care"] == "yes",
                      frozenset(a["situations"]), a["household"], a["household_size"], Decimal(a["income"]))
    o = assess(answers, rules, ON)
    f = o.fee
    money = lambda v: None if v is None else f"{v:.2f}"  # noqa: E731
    with app.test_request_context(f"/{lang}/"):
        from flask import g
        g.lang = lang
        text = explain.fee(o, answers, rules)
    return {"status": o.status, "reasons": list(o.reasons), "documents": list(o.documents), "stay": o.stay,
            "fee": {"kind": f.kind, "percent_of_cost": f.percent_of_cost, "amount": money(f.amount),
                    "income_per_person": money(f.income_per_person), "criterion": money(f.criterion),
                    "percent_of_criterion": money(f.percent_of_criterion)},
            "feeText": text}


def cases(rules, facility):
    """Eligibility: every combination; fees: every household size 1–20 at, below and above every threshold;
    and a random sample of the full product of both."""
    base = next(combos())
    for a in combos():
        yield dict(a, household_size=2 if a["household"] == "family" else None, income="1234.56")
    for people in range(1, 21):
        for income in incomes(rules, facility, people):
            yield dict(base, household="single" if people == 1 else "family",
                       household_size=None if people == 1 else people, income=str(income))
    rng = random.Random(2026)
    every = list(combos())
    for _ in range(1500):
        a, people = rng.choice(every), rng.randint(1, 20)
        a = dict(a, household="single" if people == 1 else "family", household_size=None if people == 1 else people)
        yield dict(a, income=str(rng.choice(incomes(rules, facility, people))))


LOOKUP = """(cases) => cases.map(a => {
  const r = window.flatsLookup(Object.assign({}, a, {income: a.income}));
  return {status: r.status, reasons: r.reasons, documents: r.documents, stay: r.stay, feeText: r.feeText,
          fee: {kind: r.fee.kind, percent_of_cost: r.fee.percent_of_cost, amount: r.fee.amount,
                income_per_person: r.fee.income_per_person, criterion: r.fee.criterion,
                percent_of_criterion: r.fee.percent_of_criterion}};
})"""


@pytest.mark.parametrize("facility", ["mielec", "chelm"])
@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_the_frozen_lookups_equal_the_engine_over_the_whole_answer_space(app, page, sub_path, facility, lang):
    rules = app.extensions["rules"]
    page.goto(f"{sub_path}{lang}/sprawdz/{facility}/")
    page.wait_for_function("window.FLATS_ANSWERS !== undefined")
    all_cases = list(cases(rules, facility))
    assert len(all_cases) > 2000
    mismatches = []
    for start in range(0, len(all_cases), 1000):
        chunk = all_cases[start:start + 1000]
        got = page.evaluate(LOOKUP, chunk)
        for a, g in zip(chunk, got):
            want = expected(app, rules, facility, a, lang)
            if g != want:
                mismatches.append((a, g, want))
    assert not mismatches, f"{len(mismatches)} differ, e.g. {mismatches[:2]}"
