"""One fact, one place: a count written once in a facility's rules.yaml reaches every page, poster, result,
API answer and answer table. Change Chełm's older people's places from 25 to 24 in a copy of content/, and
nothing the site shows still says 25 (or the old total, 30)."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from flats import create_app
from flats.urls import all_urls, frozen_files

from .helpers import CONTENT_DIR

DAY = "2026-11-23"
OLD = re.compile(r"\b(25|30)[\s\u00a0](miejsc|places|місць|osób|people|людей)")
NEW = {"pl": "24\u00a0miejsca", "en": "24\u00a0places", "uk": "24\u00a0місця"}
OLDER_ALONE = {"adult": "yes", "resident": "yes", "round_the_clock_care": "no", "situations": "older_age",
               "household": "single", "income": "900", "step": "income"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("one-fact") / "content"
    shutil.copytree(CONTENT_DIR, folder)
    rules = folder / "facilities" / "chelm" / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    assert text.count("places: 25") == 1
    rules.write_text(text.replace("places: 25", "places: 24"), encoding="utf-8")
    return create_app({"CONTENT_DIR": folder, "FIXED_DATE": DAY, "PAGE_CACHE": False})


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
