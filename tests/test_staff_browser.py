"""Posters in Chromium: the QR code decodes to the place's page, and each prints on one A4 page."""
from __future__ import annotations

import io
import unicodedata

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from flats import create_app
from flats.data import site_data

from .browser import served
from .helpers import CODES, violations, with_details

SITE = "https://mieszkania.test"
POSTERS = [(lang, facility) for lang in ("pl", "en", "uk") for facility in CODES]


@pytest.fixture(scope="module")
def poster_app():
    app = create_app({"TESTING": True, "PAGE_CACHE": False})
    app.extensions["flats"] = with_details(site_data(app), site={"url": SITE})
    return app


@pytest.fixture(scope="module")
def poster_url(poster_app):
    with served(poster_app) as url:
        yield url


@pytest.mark.parametrize("lang, facility", POSTERS)
def test_the_posters_qr_code_decodes_to_the_places_page(page, poster_url, lang, facility):
    page.goto(f"{poster_url}/{lang}/dla-pracownikow/plakat/{facility}/")
    image = Image.open(io.BytesIO(page.locator("svg.qr").screenshot()))
    found = [code.text for code in zxingcpp.read_barcodes(image)]
    assert found == [f"{SITE}/{lang}/{facility}/"]


@pytest.mark.parametrize("lang, facility", POSTERS)
def test_each_poster_prints_on_exactly_one_a4_page_with_its_phone_numbers(page, poster_app, poster_url, lang,
                                                                         facility):
    page.goto(f"{poster_url}/{lang}/dla-pracownikow/plakat/{facility}/")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(reader.pages) == 1, f"the poster prints on {len(reader.pages)} pages; tighten the print styles"
    printed = reader.pages[0].extract_text()
    assert site_data(poster_app).facilities[facility].phones[0].number in printed
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, f"A4 is 595 × 842 points, not {width} × {height}"


def test_the_printed_poster_leaves_out_the_menus_and_the_footer(page, poster_app, poster_url):
    page.goto(f"{poster_url}/en/dla-pracownikow/plakat/chelm/")
    printed = unicodedata.normalize("NFKC", PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text())
    assert "Multi-profile protected flats in Chełm" in printed
    assert site_data(poster_app).name("en") not in printed, "no site header"
    assert "Self-check" not in printed, "no menu"
    assert "This site describes supported flats run by" not in printed, "no footer"
    assert "Back to the page for staff" not in printed


def test_axe_finds_nothing_on_a_poster_with_its_qr_code(page, poster_url):
    page.goto(f"{poster_url}/pl/dla-pracownikow/plakat/mielec/")
    assert not violations(page)
