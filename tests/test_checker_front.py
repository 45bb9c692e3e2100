"""The self-check's controls, in Chromium: Back without JavaScript, a person to call on every result,
"Start again", error links, the frozen page's own fallback, printing a step, and check.js holding no flow."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from flats import create_app, vocabulary as vocab

from .browser import served
from .frozen import DAY
from .helpers import NEEDS_CARE, NOT_RESIDENT_FAMILY, PENSIONER, UNDER_18, answer, walk

PHONE = {"width": 390, "height": 844}
CHECK_JS = Path(__file__).resolve().parents[1] / "site" / "flats" / "static" / "check.js"
HEADER = 150
TEL = {"chelm": "tel:+48825642126", "mielec": "tel:+48571389067"}


@pytest.fixture(scope="module")
def live():
    with served(create_app({"TESTING": True, "PAGE_CACHE": False, "FIXED_DATE": DAY})) as url:
        yield url


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture()
def nojs(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def shown_step(page) -> str:
    return page.get_attribute("form.check-form", "data-step")


def test_browser_back_without_javascript_shows_the_step_before_with_its_answers(live, nojs):
    page = nojs
    page.goto(f"{live}/pl/sprawdz/chelm/")
    for step in ("adult", "round_the_clock_care"):
        answer(page, step, PENSIONER[step])
        with page.expect_navigation():
            page.click("form.check-form button[value=continue]")
    assert shown_step(page) == "situations"
    response = page.go_back()
    assert response is None or response.ok, "no 'Confirm form resubmission' (ERR_CACHE_MISS) page"
    assert page.locator("form.check-form").count() == 1, page.content()[:300]
    assert shown_step(page) == "round_the_clock_care"
    assert page.is_checked("#round_the_clock_care-no"), "the step's own answer, as the person gave it"
    assert page.input_value("input[type=hidden][name=adult]") == "yes", "and the answers before it"
    page.go_forward()
    assert shown_step(page) == "situations"


def test_the_back_link_is_at_the_top_of_each_step_and_goes_back_without_javascript(live, nojs):
    page = nojs
    page.goto(f"{live}/en/sprawdz/mielec/")
    assert not page.is_visible(".back-link"), "no way back from the first question"
    answer(page, "adult", "yes")
    with page.expect_navigation():
        page.click("form.check-form button[value=continue]")
    back = page.locator(".back-link")
    assert back.is_visible() and back.get_attribute("value") == "back"
    top = page.evaluate("document.querySelector('.back-link').getBoundingClientRect().top")
    assert top < page.evaluate("document.querySelector('section:not([hidden]) .question').getBoundingClientRect().top")
    with page.expect_navigation():
        back.click()
    assert shown_step(page) == "adult" and page.is_checked("#adult-yes")


def test_the_back_link_with_javascript_goes_back_in_place(live, phone):
    phone.goto(f"{live}/uk/sprawdz/chelm/")
    walk_to = ["adult", "round_the_clock_care", "situations"]
    for step in walk_to[:2]:
        answer(phone, step, PENSIONER[step])
        phone.click("form.check-form button[value=continue]")
    phone.wait_for_selector("section[data-step='situations']:not([hidden])")
    phone.click(".back-link")
    phone.wait_for_selector("section[data-step='round_the_clock_care']:not([hidden])")
    assert phone.is_checked("#round_the_clock_care-no")


CASES = [("chelm", PENSIONER, "likely"), ("mielec", NOT_RESIDENT_FAMILY, "possible"), ("chelm", UNDER_18, "unlikely"),
         ("mielec", NEEDS_CARE, "unlikely")]


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
@pytest.mark.parametrize("facility, answers, status", CASES)
def test_every_result_shows_a_number_to_tap_and_what_to_say_in_the_first_screen(live, phone, lang, facility,
                                                                                answers, status):
    phone.goto(f"{live}/{lang}/sprawdz/{facility}/")
    walk(phone, answers)
    result = phone.locator("main .result")
    assert result.get_attribute("data-status") == status
    call = phone.locator("main .result .call-box a[href^='tel:']").first
    assert call.get_attribute("href") == TEL[facility], "the number comes from facility.yaml"
    # Measured from the top of <main>: the self-check gets a compact header (site name and languages,
    # the menu behind one tap: another branch), given here at most HEADER px.
    bottom = phone.evaluate("document.querySelector('main .result .call-box a[href^=\"tel:\"]')"
                            ".getBoundingClientRect().bottom - document.querySelector('main').getBoundingClientRect().top")
    assert bottom <= PHONE["height"] - HEADER, f"the number to call ends {bottom}px below the header"
    said = phone.inner_text("main .result .call-box")
    assert ("MOPR" in said and "CUS" in said) or status == "likely", "other towns: their own centre, MOPR and CUS too"
    if status != "likely":
        own = said.index("MOPR")
        assert own < said.index(phone.inner_text("main .result .call-box a[href^='tel:']").strip()), \
            "their own centre first"
    if answers is NEEDS_CARE:
        assert "usługi opiekuńcze" in said and "dom pomocy społecznej" in said, "what to ask for instead"


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_the_start_page_and_every_question_say_to_answer_about_the_person(live, phone, lang):
    for url in (f"{live}/{lang}/sprawdz/", f"{live}/{lang}/sprawdz/chelm/"):
        phone.goto(url)
        link = phone.locator(".for-someone a")
        assert phone.is_visible(".for-someone") and link.get_attribute("href").endswith("jak-zlozyc-wniosek/#pomoc")
    phone.click(".for-someone a")
    assert phone.locator("#pomoc").count() == 1, "the section on who may apply"


def test_start_again_with_javascript_clears_the_answers_and_starts_at_question_one(live, phone):
    phone.goto(f"{live}/pl/sprawdz/chelm/")
    walk(phone, PENSIONER)
    phone.click("main .result [data-action=restart]")
    phone.wait_for_selector("section[data-step='adult']:not([hidden])")
    phone.wait_for_function("document.getElementById('check-status').textContent.length > 0")
    assert phone.evaluate("document.activeElement.matches(\"section[data-step='adult'] h1\")"), "announced: focus"
    assert not phone.is_checked("#adult-yes") and phone.input_value("#income-input") == ""
    assert phone.evaluate("history.state.answers.income") == ""
    phone.go_back()  # the previous person's steps are gone from this tab's history
    phone.wait_for_timeout(300)
    assert phone.locator("main .result").count() == 0
    assert not phone.is_checked("#adult-yes") if phone.url.endswith("/chelm/") else True


def test_an_error_summary_link_focuses_the_first_input_of_its_question(live, phone, nojs):
    phone.goto(f"{live}/en/sprawdz/chelm/")
    phone.click("form.check-form button[value=continue]")
    phone.click(".error-summary a")
    assert phone.evaluate("document.activeElement.id") == "adult-yes"
    nojs.goto(f"{live}/en/sprawdz/chelm/")
    with nojs.expect_navigation():
        nojs.click("form.check-form button[value=continue]")
    assert nojs.get_attribute(".error-summary a", "href") == "#adult-yes"


def test_the_income_question_names_its_unit_for_a_screen_reader(live, phone):
    phone.goto(f"{live}/pl/sprawdz/chelm/")
    label = phone.inner_text("label[for=income-input]")
    assert "zł" in label or "złotych" in label, label


def test_the_frozen_page_without_javascript_has_its_own_heading_title_and_what_residents_pay(browser, sub_path):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(sub_path + "pl/sprawdz/chelm/")
    h1 = [t for t in page.locator("h1").all_inner_texts() if t.strip()]
    visible = [h for h in page.locator("h1").all() if h.is_visible()]
    assert len(visible) == 1 and visible[0].inner_text().startswith("Sprawdź:"), h1
    assert page.title().startswith("Sprawdź: Mieszkania Wieloprofilowe Chronione w Chełmie")
    fallback = page.inner_text(".frozen-fallback")
    assert "jedzenie, leki" in fallback, "a free stay in Chełm: what residents still pay for (facts.md §7)"
    page.goto(sub_path + "pl/sprawdz/mielec/")
    assert "tabel" not in page.inner_text(".frozen-note"), "no note pointing at a table that is not there"
    context.close()


def test_the_frozen_page_with_javascript_hides_its_fallback_once_the_script_has_started(page, sub_path):
    page.goto(sub_path + "uk/sprawdz/chelm/")
    page.wait_for_function("document.documentElement.classList.contains('js-enabled')")
    assert not page.is_visible(".frozen-fallback") and page.is_visible("form.check-form")
    assert page.title().split(" – ")[1].startswith("Перевірка") or " – " in page.title()
    links = page.locator(".languages a[aria-describedby=language-note]")
    assert links.count() == 3 and page.locator("#language-note").count() == 1, "answers do not carry over"


def test_the_frozen_page_shows_its_fallback_when_the_script_cannot_run(browser, sub_path):
    context = browser.new_context()
    page = context.new_page()
    page.route(re.compile(r".*/check\.[0-9a-f]+\.js$"), lambda route: route.abort())
    page.goto(sub_path + "pl/sprawdz/chelm/")
    assert page.is_visible(".frozen-fallback") and "82 564 21 26" in page.inner_text(".frozen-fallback")
    assert not page.is_visible("form.check-form")
    context.close()


def test_a_step_and_an_error_page_print_what_they_show(live, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live}/en/sprawdz/chelm/")
    printed = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert "Are you 18 or older?" in printed, printed[:300]
    page.click("form.check-form button[value=continue]")
    printed = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert "There is a problem" in printed and "Are you 18 or older?" in printed
    context.close()


def test_step_and_result_titles_name_the_facility(live, phone):
    phone.goto(f"{live}/en/sprawdz/mielec/")
    assert "Training flats in Mielec" in phone.title()
    walk(phone, UNDER_18)
    assert phone.title().startswith("This place is probably not") and "Training flats in Mielec" in phone.title()


def test_check_js_holds_no_flow_no_money_formatting_and_no_positional_rows():
    source = CHECK_JS.read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)
    literals = set(re.findall(r"\"([^\"]*)\"", code))
    named = set(vocab.QUESTIONS) | set(vocab.SITUATIONS) | set(vocab.HOUSEHOLDS) | set(vocab.YES_NO)
    assert not literals & named, f"check.js names the flow's questions or answers: {literals & named}"
    assert "zł" not in code and "\\u00a0" not in code and "(\\d{3})" not in code, "no money formatting"
    assert not re.search(r"\b(r|row|o|found|outcome)\[[0-9]\]", code), "no positional rows (r[0] …)"
    assert "DIGITS" not in code and "outcome_of" not in code
