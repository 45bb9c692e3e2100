"""The self-check in Chromium: by keyboard alone in each language, and axe on every state."""
from __future__ import annotations

import pytest

from .helpers import LIKELY, POSSIBLE, UNLIKELY, violations

HEADINGS = {
    "pl": ("Prawdopodobnie spełniasz kryteria", "Błąd:"),
    "en": ("You probably meet the criteria", "Error:"),
    "uk": (None, "Помилка:"),
}


@pytest.fixture()
def nojs_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def submit(page, key: str = "Enter") -> None:
    """Press `key` and wait for the page it loads."""
    with page.expect_navigation():
        page.keyboard.press(key)


def answer_by_keyboard(page, income: str) -> None:
    for name, value in (("adult", "yes"), ("resident", "yes"), ("round_the_clock_care", "no"),
                        ("household", "single")):
        tab_to(page, f"input[name='{name}']")        # Tab enters the group, arrows choose
        page.keyboard.press("Space")
        for _ in range(3):
            if page.evaluate("document.activeElement.value") == value:
                break
            page.keyboard.press("ArrowDown")
        focused = page.evaluate("[document.activeElement.name, document.activeElement.value]")
        assert focused == [name, value], f"keyboard reached {focused}, not {name}={value}"
        if name == "round_the_clock_care":
            tab_to(page, "#situations-illness")
            page.keyboard.press("Space")
    tab_to(page, "#income-input")
    page.keyboard.type(income)
    tab_to(page, "form.check-form button[type=submit]")
    submit(page)


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_the_whole_check_works_by_keyboard_alone_without_javascript(nojs_page, base_url, lang):
    page = nojs_page
    page.goto(f"{base_url}/{lang}/sprawdz/")
    tab_to(page, "a[href='chelm/']")
    submit(page)
    tab_to(page, "form.check-form button[type=submit]")   # send it empty first
    submit(page)
    assert page.title().startswith(HEADINGS[lang][1])
    assert page.evaluate("document.activeElement.className") == "error-summary", "the error summary takes focus"
    tab_to(page, ".error-summary a[href='#income-input']")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#income-input"
    page.goto(f"{base_url}/{lang}/sprawdz/chelm/")
    answer_by_keyboard(page, "1 400,00 zł")
    heading = page.inner_text("h1")
    if HEADINGS[lang][0]:
        assert heading == HEADINGS[lang][0]
    assert "299,73" in page.inner_text("#oplata + p")
    tab_to(page, "button[value='income']")              # change one answer
    submit(page)
    assert page.input_value("#income-input") == "1 400,00 zł"
    assert page.is_checked("#situations-illness")


def fill(page, base_url, lang, facility, answers):
    page.goto(f"{base_url}/{lang}/sprawdz/{facility}/")
    for selector in answers.get("check", []):
        page.check(selector)
    if "size" in answers:
        page.fill("#household_size-input", answers["size"])
    page.fill("#income-input", answers.get("income", ""))
    with page.expect_navigation():
        page.click("form.check-form button[type=submit]")




@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_axe_finds_nothing_on_errors_and_on_a_result_of_each_status(page, base_url, lang):
    found = {}
    for name, facility, answers in (("errors", "mielec", {"income": "abc"}), ("likely", "chelm", LIKELY),
                                    ("possible", "mielec", POSSIBLE), ("unlikely", "chelm", UNLIKELY)):
        fill(page, base_url, lang, facility, answers)
        if name != "errors":
            assert page.locator(f".result-{name}").count() == 1, f"{lang} {name}: wrong status shown"
        if v := violations(page):
            found[name] = v
    assert not found, found


def test_a_result_prints_on_one_page(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    fill(page, base_url, "pl", "chelm", LIKELY)
    pdf = page.pdf(format="A4")
    context.close()
    import io
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(pdf))
    printed = " ".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) == 1, f"the result prints on {len(reader.pages)} pages; tighten the print styles"
    assert "299,73" in printed and "2026" in printed, "the recap shows the fee and the date"
