"""One fact, one place: a count written once in a facility's rules.yaml reaches every page, poster, result,
API answer and answer table. Change Chełm's older people's places from 25 to 24 in a copy of content/, and
nothing the site shows still says 25 (or the old total, 30)."""
from __future__ import annotations

import json
import re

import pytest

from flats import create_app
from flats.data import site_data
from flats.urls import all_urls, frozen_files

from .helpers import CONTENT_DIR, edited_copy

DAY = "2026-11-23"
OLD = re.compile(r"\b(25|30)[\s\u00a0](miejsc|places|місць|osób|people|людей)")
NEW = {"pl": "24\u00a0miejsca", "en": "24\u00a0places", "uk": "24\u00a0місця"}
OLDER_ALONE = {"adult": "yes", "resident": "yes", "round_the_clock_care": "no", "situations": "older_age",
               "household": "single", "income": "900", "step": "income"}


def app_with(tmp_path_factory, name: str, edits: list[tuple[str, str, str, int | None]]):
    """An app on a copy of content/ with each (file, old, new, times) edit made: `old` must be there
    `times` times (at least once when None), and every one of them becomes `new`."""
    folder = edited_copy(CONTENT_DIR, tmp_path_factory.mktemp(name) / "content", edits)
    return create_app({"CONTENT_DIR": folder, "FIXED_DATE": DAY, "PAGE_CACHE": False})


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return app_with(tmp_path_factory, "one-fact", [("facilities/chelm/rules.yaml", "places: 25", "places: 24", 1)])


def shown(response) -> str:
    return re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))


def test_no_page_poster_or_answer_table_still_says_the_old_count(app):
    client = app.test_client()
    found = []
    for url in all_urls(app) + frozen_files(app):
        if OLD.search(shown(client.get(url))):
            found.append(url)
    assert not found, f"still the old count on: {found}"


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_the_new_count_is_on_the_page_the_poster_and_the_result(app, lang):
    client = app.test_client()
    page = shown(client.get(f"/{lang}/chelm/"))
    poster = shown(client.get(f"/{lang}/dla-pracownikow/plakat/chelm/"))
    result = shown(client.post(f"/{lang}/sprawdz/chelm/", data=OLDER_ALONE))
    for text in (page, poster, result):
        assert NEW[lang] in text and not OLD.search(text)
    answer = client.post("/api/v1/assessment", content_type="application/json", headers={"Accept-Language": lang},
                         data=json.dumps({**{k: v for k, v in OLDER_ALONE.items() if k != "step"},
                                          "facility": "chelm", "situations": ["older_age"], "income": "900"}))
    reasons = " ".join(r["text"] for r in answer.get_json()["reasons"])
    assert NEW[lang] in reasons and not OLD.search(reasons)


# Phones and addresses: written once, in a facility's facility.yaml. Change one phone number and the
# addresses in a copy of content/facilities, and no page, poster, application, result or answer table
# (any language) still shows the old ones; the content pages themselves type none by hand.
OLD_PHONE, NEW_PHONE = "17 780 53 94", "17 111 22 33"
OLD_ADDRESSES = {"chelm": ("ul. Wojsławicka 11b, 22-100 Chełm", "ul. Przykładowa 7, 22-100 Chełm"),
                 "mielec": ("ul. Mickiewicza 13, 39-300 Mielec", "ul. Próbna 2, 39-300 Mielec")}
OLD_PLACE = re.compile(r"Wojs(?:ł|%C5%82)awick|Mickiewicz|780[\s\u00a0]*53[\s\u00a0]*94|177805394", re.I)
RESULT = {"adult": "yes", "resident": "yes", "round_the_clock_care": "no", "situations": "disability",
          "household": "single", "income": "900", "step": "income"}


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    edits = [(f"facilities/{code}/facility.yaml", f"address: {old}", f"address: {new}", None)
             for code, (old, new) in OLD_ADDRESSES.items()]
    edits.append(("facilities/mielec/facility.yaml", f'"{OLD_PHONE}"', f'"{NEW_PHONE}"', 1))
    return app_with(tmp_path_factory, "one-place", edits)


def test_no_page_poster_result_or_answer_table_still_shows_an_old_phone_or_address(moved):
    client = moved.test_client()
    found = {}
    for url in all_urls(moved) + frozen_files(moved):
        if hits := OLD_PLACE.findall(client.get(url).get_data(as_text=True)):
            found[url] = sorted(set(hits))
    for lang in ("pl", "en", "uk"):
        for code in OLD_ADDRESSES:
            url = f"/{lang}/sprawdz/{code}/"
            if hits := OLD_PLACE.findall(client.post(url, data=RESULT).get_data(as_text=True)):
                found[f"POST {url}"] = sorted(set(hits))
            answer = client.post("/api/v1/assessment", content_type="application/json",
                                 headers={"Accept-Language": lang},
                                 data=json.dumps({**{k: v for k, v in RESULT.items() if k != "step"},
                                                  "facility": code, "situations": ["disability"]}))
            if hits := OLD_PLACE.findall(answer.get_data(as_text=True)):
                found[f"API {code} {lang}"] = sorted(set(hits))
    assert not found, f"an old phone or address is still shown: {found}"


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_the_new_phone_and_addresses_are_on_the_pages(moved, lang):
    client = moved.test_client()
    mielec, chelm = (client.get(f"/{lang}/{code}/").get_data(as_text=True) for code in ("mielec", "chelm"))
    assert 'href="tel:+48171112233"' in mielec and NEW_PHONE in mielec
    assert "ul. Próbna 2, 39-300 Mielec" in mielec and "ul. Przykładowa 7, 22-100 Chełm" in chelm
    assert "query=ul.%20Przyk%C5%82adowa%207%2C%2022-100%20Che%C5%82m" in chelm  # the map link, untouched


def test_content_pages_type_no_phone_link_phone_number_or_street_by_hand(app):
    facilities = site_data(app).facilities.values()
    numbers = {re.sub(r"\D", "", phone.number) for f in facilities for phone in f.phones}
    streets = {address.split(",")[0].removeprefix("ul. ") for f in facilities
               for address in (f.address, f.operator.address) if address}
    found = []
    for page in sorted(CONTENT_DIR.glob("*/*.md")):
        text = page.read_text(encoding="utf-8")
        digits = re.sub(r"[\s\u00a0]", "", text)
        rel = page.relative_to(CONTENT_DIR)
        found += [f"{rel}: a tel: link" for _ in re.findall(r"\]\(tel:", text)]
        found += [f"{rel}: {n}" for n in numbers if n in digits]
        found += [f"{rel}: {s}" for s in streets if s in text]
    assert not found, ("typed by hand; write {{phone:<facility>}}, {{address:<facility>}}, "
                       f"{{{{operator_address:<facility>}}}} or {{{{street:<facility>}}}} instead: {found}")


def test_a_phone_or_address_placeholder_that_cannot_be_filled_is_a_problem(app):
    registry, facilities = app.extensions["placeholders"], site_data(app).facilities
    assert registry.problem("phone", "mielec", facilities) is None
    assert registry.problem("phone", "mielec.coordinator", facilities) is None
    assert "names no phone" in registry.problem("phone", "mielec.nobody", facilities)
    assert "names no facility" in registry.problem("phone", "nowhere", facilities)
    assert "not known" in registry.problem("operator_address", "chelm", facilities)  # never the flats' address
    assert registry.problem("operator_address", "mielec", facilities) is None
