"""The frozen site in Chromium: axe, the self-check with and without JavaScript,
and the browser's look-ups checked against the engine over the whole answer space."""
from __future__ import annotations

import datetime as dt
import itertools
import random
from decimal import Decimal

import pytest

from flats import create_app
from flats.checker import explain, steps
from flats.data import site_data
from flats.rules import Answers, assess, income_thresholds
from flats.rules.codes import SITUATIONS

from .browser import served
from .helpers import CARE_LEAVER, CODES, NEEDS_CARE, NOT_RESIDENT_FAMILY, PENSIONER, UNDER_18, answer, violations, walk
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


@pytest.fixture(scope="module")
def live_nojs(browser):
    """The live site on the build's day, without JavaScript: the server writes each step and the result."""
    app = create_app({"TESTING": True, "PAGE_CACHE": False, "FIXED_DATE": DAY})
    context = browser.new_context(java_script_enabled=False)
    with served(app) as base:
        yield base, context.new_page()
    context.close()


JOURNEYS = [("chelm", PENSIONER), ("mielec", NOT_RESIDENT_FAMILY), ("chelm", UNDER_18), ("mielec", CARE_LEAVER),
            ("chelm", NEEDS_CARE)]


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
@pytest.mark.parametrize("facility, answers", JOURNEYS)
def test_the_frozen_result_reads_exactly_like_the_live_one(page, sub_path, live_nojs, lang, facility, answers):
    page.goto(f"{sub_path}{lang}/sprawdz/{facility}/")
    frozen_steps = walk(page, answers)
    frozen = page.locator("main .result")
    base, server = live_nojs
    server.goto(f"{base}/{lang}/sprawdz/{facility}/")
    assert walk(server, answers, navigation=True) == frozen_steps
    live = server.locator("main .result")
    for attribute in ("data-status", "data-fee-kind", "data-fee-amount"):
        assert frozen.get_attribute(attribute) == live.get_attribute(attribute), attribute
    # The print button works only with JavaScript, so the server's page leaves it hidden.
    assert page.is_visible("main .result [data-action=print]") and not server.is_visible("[data-action=print]")
    page.evaluate("document.querySelector('main .result [data-action=print]').remove()")
    assert frozen.inner_text() == live.inner_text()
    assert page.title().split(" – ")[0] == server.title().split(" – ")[0]


def test_the_frozen_form_shows_errors_like_the_live_one(page, sub_path, live_nojs):
    page.goto(sub_path + "pl/sprawdz/mielec/")
    for step, value in (("adult", "yes"), ("round_the_clock_care", "no"), ("situations", ["illness"]),
                        ("resident", "yes"), ("household", "family"), ("household_size", "1")):
        answer(page, step, value)
        page.click("form.check-form button[value=continue]")
    page.wait_for_selector(".error-summary")
    assert page.title().startswith("Błąd: ")
    assert page.evaluate("document.activeElement.className") == "error-summary"
    assert page.eval_on_selector_all(".error-summary a", "els => els.map(e => e.getAttribute('href'))") == [
        "#household_size-input"]
    frozen = page.inner_text(".error-summary")
    assert not violations(page)
    base, server = live_nojs
    server.goto(f"{base}/pl/sprawdz/mielec/")
    with server.expect_navigation():
        server.evaluate("""() => { const f = document.getElementById('check-form');
            const add = (n, v) => { const i = document.createElement('input'); i.type = 'hidden'; i.name = n;
                                    i.value = v; f.appendChild(i); };
            f.elements.step.value = 'household_size';
            [['adult','yes'],['round_the_clock_care','no'],['situations','illness'],['resident','yes'],
             ['household','family'],['household_size','1']].forEach(([n, v]) => add(n, v));
            f.querySelector('button[value=continue]').click(); }""")
    assert server.inner_text(".error-summary") == frozen


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
    # As the live site decides (checker.plan): an early "unlikely" asks nothing more, so it has no
    # documents or stay; the fee is still worked out, as the engine does whatever the status.
    # The first answers in order that decide early decide (the result follows at once).
    prefixes = (steps.ENGINE[:n] for n in range(1, len(steps.ENGINE) + 1))
    o = next((early for names in prefixes if (early := steps.early_outcome(
        rules.facility(facility), {n: getattr(answers, n) for n in names}, ON))), None) or assess(answers, rules, ON)
    full = assess(answers, rules, ON)
    f = full.fee
    money = lambda v: None if v is None else f"{v:.2f}"  # noqa: E731
    with app.test_request_context(f"/{lang}/"):
        from flask import g
        g.lang = lang
        text = explain.fee(full, answers, rules)
    return {"status": o.status, "reasons": list(o.reasons), "documents": list(o.documents), "stay": o.stay,
            "fee": {"kind": f.kind, "percent_of_cost": f.percent_of_cost, "amount": money(f.amount)},
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
          fee: {kind: r.fee.kind, percent_of_cost: r.fee.percent_of_cost, amount: r.fee.amount}};
})"""


@pytest.mark.parametrize("facility", CODES)
@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_the_frozen_lookups_equal_the_engine_over_the_whole_answer_space(app, page, sub_path, facility, lang):
    rules = site_data(app).rules
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
