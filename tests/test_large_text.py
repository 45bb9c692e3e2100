"""Large text on a phone, as the site's core users read it: Chromium's default font
size at 32 px (a phone's 200 % text setting, `Page.setFontSizes`, not zoom), at
390×844 and 320×640, on every page, every self-check step and every result state,
in Polish, English and Ukrainian, live and frozen.

On each screen: nothing wider than the screen; no word of a heading, question,
label, button or the fee split across lines or running off the screen; amounts
on one line; the page's heading (on a step: the question) inside the first
screen; on a result, the first line of whom to call too (issue 20, point 3: a
person to call, their own centre first for people from elsewhere, above the fold). Screenshots of the first screen are saved in a temporary folder whose
path the test prints (`pytest -s`), or in $LARGE_TEXT_SHOTS.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest

from flats import create_app
from flats.data import site_data

from .browser import served
from .frozen import DAY, files
from .helpers import CARE_LEAVER, NEEDS_CARE, NOT_RESIDENT_FAMILY, PENSIONER, ROUTES, UNDER_18, walk
from .pagecheck import parse

SCREENS = [(390, 844), (320, 640)]
TEXT_SIZE = 32  # px: Chromium's default 16 px at 200 %

# Elements whose words must stay whole; amounts must stay on one line.
MEASURE = r"""() => {
  const WORDS = "h1, h2, h3, h4, legend, label, summary, .button, button, th, dt, dd, .caption, .brand, "
              + ".result-kicker, .fee-amount, .languages a, .main-nav a, .error-summary a, .error-message, .hint, "
              + ".result p, .result li";
  const WHOLE = "[data-slot=amount], .num, .nowrap";
  const found = {scroll: document.scrollingElement.scrollWidth, width: innerWidth, split: [], over: [], amounts: []};
  const lines = (range) => new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  const shown = (el) => el.checkVisibility() && el.getClientRects().length > 0;  // not in a closed <details>
  for (const el of document.querySelectorAll(WHOLE)) {
    if (!shown(el) || el.closest(".table-scroll")) continue;
    const range = document.createRange(); range.selectNodeContents(el);
    if (lines(range) > 1) found.amounts.push(el.textContent.trim());
  }
  const seen = new Set();
  for (const el of document.querySelectorAll(WORDS)) {
    if (!shown(el)) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (seen.has(node)) continue;
      seen.add(node);
      const parent = node.parentElement;
      if (!shown(parent) || parent.closest(".visually-hidden, .error-summary ~ .error-message")) continue;
      const scrolls = parent.closest(".table-scroll");
      for (const m of node.data.matchAll(/[^\s\u00ad\u2010\-\u2013\u2014\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        if (lines(range) > 1) found.split.push(m[0]);
        if (!scrolls && [...range.getClientRects()].some(r => r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5)))
          found.over.push(m[0]);
      }
    }
  }
  const heading = [...document.querySelectorAll("main .step:not([hidden]) .question, main h1")].find(shown);
  found.heading = heading ? heading.getBoundingClientRect().bottom + scrollY : null;
  // A result: the first line of whom to call (its first sentence or number) under the box's heading.
  const box = [...document.querySelectorAll("main .result .call-box")].find(shown);
  const first = box && [...box.querySelectorAll("p, li")].find(shown);
  found.result = Boolean(box);
  found.call = null;
  if (first) {
    const range = document.createRange(); range.selectNodeContents(first);
    const line = [...range.getClientRects()].find(r => r.width > 0);
    found.call = line ? line.bottom + scrollY : null;
  }
  return found;
}"""


@pytest.fixture(scope="module")
def shots():
    folder = Path(os.environ.get("LARGE_TEXT_SHOTS") or tempfile.mkdtemp(prefix="large-text-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nlarge-text screenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def live():
    """The live app on loopback, on the frozen build's day so that both answer alike."""
    with served(create_app({"TESTING": True, "PAGE_CACHE": False, "FIXED_DATE": DAY})) as url:
        yield url + "/"


def large_text_page(browser, javascript: bool = True):
    width, height = SCREENS[0]
    context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=javascript)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": TEXT_SIZE}})
    return context, page


class Screens:
    """Measures the page now shown on each screen size; collects every problem."""

    def __init__(self, page, shots: Path, prefix: str):
        self.page, self.shots, self.prefix = page, shots, prefix
        self.problems: list[str] = []
        self.count = 0

    def check(self, name: str, heading: bool = True) -> None:
        self.count += 1
        for width, height in SCREENS:
            self.page.set_viewport_size({"width": width, "height": height})
            found = self.page.evaluate(MEASURE)
            where = f"{name} at {width}×{height}"
            assert found["width"] == width
            if found["scroll"] > width:
                self.problems.append(f"{where}: {found['scroll']} px wide")
            if found["split"]:
                self.problems.append(f"{where}: words split across lines: {found['split'][:6]}")
            if found["over"]:
                self.problems.append(f"{where}: words off the screen: {found['over'][:6]}")
            if found["amounts"]:
                self.problems.append(f"{where}: amounts on two lines: {found['amounts'][:6]}")
            if heading and (found["heading"] is None or found["heading"] > height):
                self.problems.append(f"{where}: the heading ends at {found['heading']} px, below the first screen")
            if found["result"] and (found["call"] is None or found["call"] > height):
                self.problems.append(f"{where}: the first line of whom to call ends at {found['call']} px, "
                                     "below the first screen")
            self.page.evaluate("scrollTo(0, 0)")  # the first screen, as it opens
            file = re.sub(r"[^a-z0-9]+", "-", f"{self.prefix} {name} {width}".lower()).strip("-")
            self.page.screenshot(path=str(self.shots / f"{file}.png"))
        self.page.set_viewport_size({"width": SCREENS[0][0], "height": SCREENS[0][1]})

    def assert_none(self) -> None:
        assert not self.problems, f"{len(self.problems)} problems at 200 % text:\n" + "\n".join(self.problems)


def test_the_font_size_setting_is_the_phones_text_size_not_zoom(browser, live):
    context, page = large_text_page(browser)
    page.goto(live + "pl/")
    size = page.evaluate("[parseFloat(getComputedStyle(document.documentElement).fontSize), devicePixelRatio,"
                         " innerWidth, matchMedia('(max-width: 17.5em)').matches]")
    context.close()
    assert size == [TEXT_SIZE, 1, 390, True], "rem and em media queries follow the 32 px text; the screen stays 390 px"


@pytest.mark.parametrize("where", ["live", "frozen"])
def test_every_page_at_200_percent_text(browser, live, build, sub_path, shots, where):
    if where == "live":
        base, urls = live, [u.lstrip("/") for u in ROUTES] + ["pl/no-such-page/", "uk/no-such-page/"]
    else:
        base = sub_path
        urls = [p.removesuffix("index.html") for p in files(build[0]) if p.endswith("/index.html")]
    context, page = large_text_page(browser)
    screens = Screens(page, shots, f"{where} page")
    for url in urls:
        page.goto(base + url)
        screens.check(url)
    if where == "frozen":
        page.goto(base + "404.html")
        screens.check("404")
    context.close()
    assert screens.count >= len(ROUTES)
    screens.assert_none()


# Journeys that between them show every question and every kind of result.
EVERYTHING = {**NOT_RESIDENT_FAMILY, "resident": "yes"}  # all seven questions, a family over the criterion
JOURNEYS = {
    "family": EVERYTHING,
    "pensioner": PENSIONER,
    "care-leaver": CARE_LEAVER,
    "top-fee": {**PENSIONER, "income": "9000"},
    "free": {**PENSIONER, "income": "300"},
    "disability": {**PENSIONER, "situations": ["disability", "illness"]},
    "not-resident": NOT_RESIDENT_FAMILY,
    "under-18": UNDER_18,
    "needs-care": NEEDS_CARE,
}


def walk_measuring(page, screens: Screens, answers: dict, journey: str, measured: set, navigation: bool) -> None:
    """Answer each question, measuring each step not measured yet, then the result."""
    def measure(step: str) -> None:
        if step not in measured:
            measured.add(step)
            screens.check(f"step {step}")

    walk(page, answers, navigation, on_step=measure)
    result = page.locator("main .result")
    assert page.locator("main .result .call-box").first.is_visible(), f"{journey}: a result shows whom to call"
    status, fee = result.get_attribute("data-status"), result.get_attribute("data-fee-kind")
    screens.check(f"result {journey} {status} {fee or 'no-fee'}")


def walk_errors(page, screens: Screens, navigation: bool) -> None:
    """Every question once with no answer given: its error (the summary, the message) and the question's
    heading still inside the first screen; then the answer, on to the next question."""
    def unanswered(step: str) -> None:
        if navigation:
            with page.expect_navigation():
                page.click("form.check-form button[value=continue]")
        else:
            page.click("form.check-form button[value=continue]")
        page.wait_for_selector(f".step[data-step={step}] .error-summary")
        assert page.get_attribute("form.check-form", "data-step") == step
        # As it opens, the box has the focus and is scrolled to: the question shows above it.
        shown = page.evaluate("""() => { const q = document.querySelector('.step:not([hidden]) .question');
            const box = document.querySelector('.error-summary'), title = box.querySelector('h2');
            return [document.activeElement === box, q.getBoundingClientRect().top, title.getBoundingClientRect().bottom,
                    innerHeight]; }""")
        if not (shown[0] and shown[1] >= 0 and shown[2] <= shown[3]):
            screens.problems.append(f"error {step} as it opens: focused {shown[0]}, the question's top at "
                                    f"{shown[1]:.0f} px, the box's title ends at {shown[2]:.0f} of {shown[3]} px")
        screens.check(f"error {step}")

    assert len(walk(page, EVERYTHING, navigation, on_step=unanswered)) == 7


@pytest.mark.parametrize("where", ["live", "frozen"])
@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
@pytest.mark.parametrize("facility", ["chelm", "mielec"])
def test_every_step_and_result_at_200_percent_text(browser, live, sub_path, shots, where, lang, facility):
    start = f"{live if where == 'live' else sub_path}{lang}/sprawdz/{facility}/"
    context, page = large_text_page(browser)
    screens = Screens(page, shots, f"{where} {lang} {facility}")
    measured: set = set()
    for journey, answers in JOURNEYS.items():
        page.goto("about:blank")  # a new entry: going to the same address again would keep the last answers
        page.goto(start)
        walk_measuring(page, screens, answers, journey, measured, navigation=False)
    page.goto("about:blank")
    page.goto(start)
    walk_errors(page, screens, navigation=False)
    context.close()
    assert {"adult", "round_the_clock_care", "situations", "resident", "household", "household_size",
            "income"} <= measured
    screens.assert_none()


@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_steps_without_javascript_at_200_percent_text(browser, live, shots, lang):
    """The live site without a script: each step is a page of its own, the languages are buttons."""
    context, page = large_text_page(browser, javascript=False)
    screens = Screens(page, shots, f"nojs {lang}")
    measured: set = set()
    for journey in ("family", "not-resident", "needs-care"):  # likely or possible, possible, unlikely
        page.goto("about:blank")
        page.goto(f"{live}{lang}/sprawdz/chelm/")
        walk_measuring(page, screens, JOURNEYS[journey], journey, measured, navigation=True)
    page.goto("about:blank")
    page.goto(f"{live}{lang}/sprawdz/chelm/")
    walk_errors(page, screens, navigation=True)
    context.close()
    screens.assert_none()


@pytest.mark.parametrize("javascript", [True, False])
def test_the_self_check_header_is_short_and_its_menu_one_tap_away(browser, live, shots, javascript):
    context, page = large_text_page(browser, javascript=javascript)
    page.goto(f"{live}uk/sprawdz/chelm/")
    header = "header.site-header"
    stops = page.evaluate(f"""[...document.querySelectorAll('{header} a, {header} button, {header} summary')]
        .filter(e => e.checkVisibility()).map(e => e.textContent.trim())""")
    app = create_app({"TESTING": True})
    name = site_data(app).name("uk")  # the site's name, from data
    served_menu = parse(app.test_client().get("/uk/sprawdz/chelm/").get_data(as_text=True), "menu")
    entries = len(served_menu.findall(".//nav[@class='main-nav']//a"))  # every centre's page and the site's pages
    assert stops == [name, "Polski", "English", "Меню"], \
        "the name, the other languages and Menu; the menu's links only once it is open"
    height = page.evaluate(f"document.querySelector('{header}').getBoundingClientRect().height")
    assert height <= 0.3 * SCREENS[0][1], f"the header takes {height} px of {SCREENS[0][1]}"
    page.click(f"{header} summary")
    links = page.locator(f"{header} .main-nav a")
    assert entries > 2 and links.count() == entries and all(links.nth(i).is_visible() for i in range(entries))
    screens = Screens(page, shots, f"menu open {'js' if javascript else 'nojs'}")
    screens.check("uk step adult", heading=False)
    context.close()
    screens.assert_none()


def test_content_pages_show_the_menu_as_a_bar_on_a_wide_screen(browser, live):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(live + "pl/odplatnosc/")
    wide = page.locator(".main-nav a").first.is_visible() and not page.locator(".menu > summary").is_visible()
    page.goto(live + "pl/sprawdz/chelm/")
    compact = not page.locator(".main-nav a").first.is_visible() and page.locator(".menu > summary").is_visible()
    context.close()
    assert wide and compact


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_the_prepared_application_at_200_percent_text(browser, live, shots, lang, javascript):
    """"Prepare your application" from a likely result: built in the page with JavaScript, a page of its own
    without; the letter and the checklist at 200 % text."""
    context, page = large_text_page(browser, javascript=javascript)
    screens = Screens(page, shots, f"application {lang} {'js' if javascript else 'nojs'}")
    for facility, answers in (("chelm", PENSIONER), ("mielec", CARE_LEAVER)):
        page.goto("about:blank")
        page.goto(f"{live}{lang}/sprawdz/{facility}/")
        walk(page, answers, navigation=not javascript)
        if javascript:
            page.click("button[value=application]")
        else:
            with page.expect_navigation():
                page.click("button[value=application]")
        page.wait_for_selector("main .application")
        page.wait_for_function("[...document.styleSheets].some(s => /application\\./.test(s.href || ''))")
        screens.check(f"application {facility}")
    context.close()
    screens.assert_none()


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_the_menu_button_holds_its_word_and_leaves_the_site_name_alone(browser, live, lang):
    """At 200 % text the name runs beside "Menu" on its first line and full width below it: the button
    (its word inside it) covers no letter of the name, whatever the language."""
    context, page = large_text_page(browser)
    page.goto(f"{live}{lang}/sprawdz/chelm/")
    found = []
    for width, height in SCREENS:
        page.set_viewport_size({"width": width, "height": height})
        fits, overlaps = page.evaluate("""() => {
          const button = document.querySelector('.menu > summary'), b = button.getBoundingClientRect();
          const range = document.createRange(); range.selectNodeContents(document.querySelector('.brand'));
          const hit = [...range.getClientRects()].some(r => r.width > 0 && r.right > b.left && r.left < b.right
                                                         && r.bottom > b.top + 4 && r.top < b.bottom - 4);
          return [button.scrollWidth <= button.clientWidth, hit];
        }""")
        if not fits:
            found.append(f"{width}×{height}: “Menu” is wider than its button")
        if overlaps:
            found.append(f"{width}×{height}: the button covers the site's name")
    context.close()
    assert not found, found


@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_the_error_boxs_link_without_javascript_keeps_the_message_in_view(browser, live, lang):
    """Without a script the box's link is a plain jump to the first input: at 200 % text the input lands
    below the box, not at the screen's top edge with the message scrolled away (scroll-margin-top)."""
    context, page = large_text_page(browser, javascript=False)
    page.goto(f"{live}{lang}/sprawdz/chelm/")
    with page.expect_navigation():
        page.click("form.check-form button[value=continue]")
    page.evaluate("scrollTo(0, document.body.scrollHeight)")
    page.click(".error-summary a")
    page.wait_for_function("document.activeElement.id === 'adult-yes'")
    box, first = page.evaluate("""[document.querySelector('.error-summary a').getBoundingClientRect().top,
                                    document.activeElement.getBoundingClientRect().bottom]""")
    height = page.viewport_size["height"]
    context.close()
    assert 0 <= box and first <= height, f"the message at {box:.0f} px, the input ends at {first:.0f} of {height} px"
