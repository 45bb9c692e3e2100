"""The self-check in Chromium, as its users meet it: on a phone, in three languages, live and frozen,
by keyboard alone without JavaScript, with Back, and printed."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from flats import create_app

from .browser import served
from .helpers import CARE_LEAVER, NEEDS_CARE, NOT_RESIDENT_FAMILY, PENSIONER, UNDER_18, answer, violations, walk
from .frozen import DAY

PHONE = {"width": 390, "height": 844}
SIX = ["adult", "round_the_clock_care", "situations", "resident", "household", "income"]


@pytest.fixture(scope="module")
def live():
    """The live app on loopback, on the frozen build's day so that both answer alike."""
    with served(create_app({"TESTING": True, "PAGE_CACHE": False, "FIXED_DATE": DAY})) as url:
        yield url


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture()
def nojs_phone(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def sites(live, sub_path):
    return {"live": live + "/", "frozen": sub_path}


def in_first_screen(page, selector: str) -> bool:
    """Is the element inside the first 844 px of the page, seen from its top?"""
    box = page.evaluate("(s) => { const r = document.querySelector(s).getBoundingClientRect();"
                        " return [r.top + window.scrollY, r.bottom + window.scrollY]; }", selector)
    return box[1] <= PHONE["height"]


@pytest.mark.parametrize("where", ["live", "frozen"])
@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_a_pensioner_in_chelm_sees_the_fee_in_the_first_screen_after_six_questions(live, sub_path, phone, where,
                                                                                   lang):
    phone.goto(f"{sites(live, sub_path)[where]}{lang}/sprawdz/chelm/")
    assert walk(phone, PENSIONER) == SIX
    result = phone.locator("main .result")
    assert result.get_attribute("data-status") == "likely"
    assert (result.get_attribute("data-fee-kind"), result.get_attribute("data-fee-amount")) == ("bracket", "449.60")
    assert in_first_screen(phone, ".result-status") and in_first_screen(phone, ".fee-amount .amount")
    assert phone.evaluate("parseFloat(getComputedStyle(document.querySelector('.fee-amount .amount')).fontSize)") >= 32
    assert "449,60" in phone.inner_text(".fee-amount").replace("\u00a0", " ")
    assert phone.evaluate("document.activeElement.tagName") == "H1", "focus moves to the result's heading"
    assert not violations(phone)


@pytest.mark.parametrize("where", ["live", "frozen"])
def test_a_ukrainian_care_leaver_in_mielec_is_told_the_centre_sets_the_fee(live, sub_path, phone, where):
    phone.goto(f"{sites(live, sub_path)[where]}uk/sprawdz/mielec/")
    household = phone.locator("section[data-step='household'] .hint")
    assert walk(phone, CARE_LEAVER) == SIX
    result = phone.locator("main .result")
    assert result.get_attribute("data-status") == "likely"
    assert result.get_attribute("data-fee-kind") == "set_by_centre" and result.get_attribute("data-fee-amount") is None
    assert "Плату встановлює центр" in phone.inner_text(".fee-amount")
    assert household.count() == 1


@pytest.mark.parametrize("where", ["live", "frozen"])
@pytest.mark.parametrize("answers, asked", [(UNDER_18, ["adult"]), (NEEDS_CARE, ["adult", "round_the_clock_care"])])
def test_an_early_unlikely_asks_no_money_question_and_shows_no_fee(live, sub_path, phone, where, answers, asked):
    phone.goto(f"{sites(live, sub_path)[where]}en/sprawdz/chelm/")
    assert walk(phone, answers) == asked
    result = phone.locator("main .result")
    assert result.get_attribute("data-status") == "unlikely" and result.get_attribute("data-fee-kind") is None
    shown = phone.inner_text("main .result")
    assert "Documents to bring" not in shown and "apply for a place" not in shown and "zł a month" not in shown
    assert "What you can ask about instead" in shown
    assert not phone.is_visible("button[value=continue]") and not phone.is_visible("button[value=back]"), \
        "a result asks nothing more"
    assert not violations(phone)


@pytest.mark.parametrize("where", ["live", "frozen"])
def test_back_from_the_result_returns_to_the_last_question_with_every_answer_kept(live, sub_path, phone, where):
    phone.goto(f"{sites(live, sub_path)[where]}pl/sprawdz/chelm/")
    walk(phone, PENSIONER)
    phone.go_back()
    phone.wait_for_selector("section[data-step='income']:not([hidden])")
    assert phone.input_value("#income-input") == "1650 zl"
    phone.go_back()
    phone.wait_for_selector("section[data-step='household']:not([hidden])")
    assert phone.is_checked("#household-single")
    phone.go_forward()
    phone.go_forward()
    phone.wait_for_selector("main .result")
    assert phone.locator("main .result").get_attribute("data-fee-amount") == "449.60"
    assert "1650" not in phone.url, "no answer in the address"
    assert phone.context.cookies() == [] and phone.evaluate("localStorage.length + sessionStorage.length") == 0


@pytest.mark.parametrize("where", ["live", "frozen"])
def test_change_on_the_result_goes_to_that_question_and_on_to_a_new_result(live, sub_path, phone, where):
    phone.goto(f"{sites(live, sub_path)[where]}en/sprawdz/chelm/")
    walk(phone, PENSIONER)
    phone.click("button[value=change-income]")
    phone.wait_for_selector("section[data-step='income']:not([hidden])")
    phone.fill("#income-input", "1 400,00 zł")
    phone.click("form.check-form button[value=continue]")
    phone.wait_for_selector("main .result[data-fee-amount='299.73']")


@pytest.mark.parametrize("where", ["live", "frozen"])
def test_a_result_prints_on_one_a4_page_with_the_answers_date_and_estimate(live, sub_path, browser, where):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{sites(live, sub_path)[where]}pl/sprawdz/chelm/")
    walk(page, PENSIONER)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    context.close()
    printed = " ".join(p.extract_text() for p in reader.pages).replace("\u00a0", " ")
    assert len(reader.pages) == 1, f"the result prints on {len(reader.pages)} pages; tighten the print styles"
    assert "449,60" in printed and "2026" in printed and "orientacyjny wynik" in printed, "fee, rules date, estimate"
    assert "1650" in printed.replace(" ", ""), "the answers are on the printout"


def test_the_error_summary_link_brings_the_whole_question_into_view(live, phone):
    phone.goto(f"{live}/pl/sprawdz/chelm/")
    for step in SIX[:-1]:
        answer(phone, step, PENSIONER[step])
        phone.click("form.check-form button[value=continue]")
    phone.click("form.check-form button[value=continue]")  # no income typed
    phone.wait_for_selector(".error-summary a")
    phone.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    phone.click(".error-summary a")
    legend = phone.evaluate("document.querySelector('#income h1').getBoundingClientRect().top")
    assert 0 <= legend < PHONE["height"], "the question itself is in view, not just its box"
    assert phone.evaluate("document.activeElement.id") == "income-input"


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def continue_by_keyboard(page) -> None:
    tab_to(page, "button[value=continue]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("lang, heading, error", [("pl", "Prawdopodobnie spełniasz kryteria", "Błąd:"),
                                                  ("en", "You probably meet the criteria", "Error:"),
                                                  ("uk", None, "Помилка:")])
def test_the_whole_check_works_by_keyboard_alone_without_javascript(live, nojs_phone, lang, heading, error):
    page = nojs_phone
    page.goto(f"{live}/{lang}/sprawdz/chelm/")
    continue_by_keyboard(page)  # nothing chosen yet
    assert page.title().startswith(error)
    assert page.evaluate("document.activeElement.className") == "error-summary"
    for step in SIX:
        value = PENSIONER[step]
        if step == "income":
            tab_to(page, "#income-input")
            page.keyboard.type(value)
        else:
            target = f"#{step}-{value[0] if isinstance(value, list) else value}"
            if step == "situations":
                tab_to(page, target)
                page.keyboard.press("Space")
            else:
                tab_to(page, f"input[name={step}]")  # Tab enters the group, arrows choose
                for _ in range(4):
                    if page.evaluate("(t) => document.activeElement.matches(t)", target):
                        break
                    page.keyboard.press("ArrowDown")
                page.keyboard.press("Space")
            assert page.is_checked(target), f"{step}: keyboard did not choose {target}"
        continue_by_keyboard(page)
    result = page.locator("main .result")
    assert result.get_attribute("data-fee-amount") == "449.60"
    if heading:
        assert page.inner_text("main .result h1") == heading


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_axe_finds_nothing_on_any_step_error_or_result_state(live, phone, lang):
    found = {}
    phone.goto(f"{live}/{lang}/sprawdz/mielec/")
    phone.click("form.check-form button[value=continue]")
    found["error"] = violations(phone)
    for step in ["adult", "round_the_clock_care", "situations", "resident", "household", "household_size"]:
        phone.wait_for_selector(f"section[data-step='{step}']:not([hidden])")
        found[step] = violations(phone)
        answer(phone, step, NOT_RESIDENT_FAMILY[step])
        phone.click("form.check-form button[value=continue]")
    phone.wait_for_selector("section[data-step='income']:not([hidden])")
    found["income"] = violations(phone)
    answer(phone, "income", NOT_RESIDENT_FAMILY["income"])
    phone.click("form.check-form button[value=continue]")
    phone.wait_for_selector("main .result[data-status='possible']")
    found["possible"] = violations(phone)
    for name, answers in (("likely", PENSIONER), ("unlikely", UNDER_18)):
        phone.goto("about:blank")  # a new visit: going to the same address again would reload the result
        phone.goto(f"{live}/{lang}/sprawdz/chelm/")
        walk(phone, answers)
        assert phone.locator(f"main .result[data-status='{name}']").count() == 1
        found[name] = violations(phone)
    assert not {k: v for k, v in found.items() if v}, found
