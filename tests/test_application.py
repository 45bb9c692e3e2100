"""The prepared application (issue 22), through the test client: what the live page without
JavaScript holds, what it never holds, the skeleton for the browser, and the staff's blank version."""
from __future__ import annotations

import json
import re

import pytest

from flats.application import letter
from flats.data import site_data

from .helpers import CARE_LEAVER, CODES, NEEDS_CARE, NOT_RESIDENT_FAMILY, PENSIONER, ROUTES, make_answers
from .pagecheck import hidden, parse, text, text_with_language, without_templates

POLISH_LETTERS = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
ALLOWED_POLISH = re.compile(r"\bChełm\b")
JOURNEYS = [("chelm", PENSIONER), ("mielec", CARE_LEAVER)]
# The only things an application asks the person to write (facts.md §8): nothing else, no PESEL.
FIELDS = {letter.PLACE_DATE, letter.NAME, letter.ADDRESS, letter.RELATION}


def posted(answers: dict, **more) -> dict:
    return {**answers, "step": "result", "action": "application", **more}


def prepare(client, lang, facility, answers, **more):
    return client.post(f"/{lang}/sprawdz/{facility}/wniosek/", data=posted(answers, **more))


def outcome(app, facility, answers):
    from flats.rules import assess
    from flats.today import today
    with app.test_request_context("/"):
        return assess(make_answers({**answers, "facility": facility, "income": "1650"}),
                      site_data(app).rules, today())


def shown_text(tree, selector: str) -> str:
    found = tree.find(selector)
    assert found is not None, selector
    return text(found)


def letter_of(tree):
    return tree.find(".//div[@data-compare='letter']")


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
@pytest.mark.parametrize("facility, answers", JOURNEYS)
def test_a_likely_result_gets_a_polish_application_to_the_operator_with_group_documents_and_signature(
        app, client, lang, facility, answers):
    response = prepare(client, lang, facility, answers)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers
    tree = parse(response.get_data(as_text=True), facility)
    sheet = letter_of(tree)
    polish = [el for el in sheet.iter() if el.get("class") == "letter"]
    assert polish and all(el.get("lang") == "pl" for el in polish), "every part of the letter is marked Polish"
    words = text(sheet)
    data = site_data(app).rules.facility(facility)
    result = outcome(app, facility, answers)
    assert result.status == "likely"
    assert f"{letter.TO}: {data.operator.name}" in words
    if data.operator.address:
        assert data.operator.address in words
    else:  # Chełm: the office address is not known; the page says to phone and ask, with the number
        where = {"pl": "zapytaj, gdzie złożyć", "en": "ask where to hand", "uk": "запитайте, куди подати"}[lang]
        asked = [text(p) for p in tree.iter("p") if where in text(p)]
        assert len(asked) == 2, "beside the addressee and in the checklist"
        assert all(phone.number in line for phone in data.phones for line in asked)
    for group in data.groups:
        assert (group.who["pl"].replace("\xa0", " ") in words.replace("\xa0", " ")) == (group.reason in result.reasons), group.code
    for code in result.documents:
        assert data.document_label(code, "pl") in words, code
    checklist = text(tree.find(".//section[@data-compare='checklist']"))
    for code in result.documents:
        assert data.document_label(code, lang) in checklist, code
    assert letter.SIGNATURE in words and tree.find(".//span[@class='signature-line']") is not None
    assert letter.CONSENT not in words, "no consent line when the person applies for themselves"
    assert letter.REQUEST["self"] in words and letter.ADULT["self"] in words


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_for_someone_else_the_application_has_the_consent_line_signed_by_the_person_and_the_relation(client,
                                                                                                      lang):
    tree = parse(prepare(client, lang, "chelm", PENSIONER, **{"for": "other"}).get_data(as_text=True), "other")
    words = text(letter_of(tree))
    assert letter.CONSENT in words and letter.CONSENT_SIGNATURE in words and letter.CONSENT_TITLE in words
    assert f"{letter.RELATION}:" in words and letter.CONCERNED in words
    assert letter.REQUEST["other"] in words and letter.ADULT["other"] in words
    assert letter.ADULT["self"] not in words


def test_the_justification_is_drafted_from_the_answers_in_the_first_person(client):
    answers = {**CARE_LEAVER, "situations": ["disability", "leaving_care"]}
    sheet = letter_of(parse(prepare(client, "en", "mielec", answers).get_data(as_text=True), "j"))
    words = text(sheet)
    assert letter.NEED["self"] in words
    reasons = [text(li) for ul in sheet.iter("ul") if "letter-reasons" in (ul.get("class") or "") for li in ul]
    assert reasons == [letter.SITUATIONS["disability"], letter.SITUATIONS["leaving_care"]]
    assert letter.HOUSEHOLD["single"]["self"] in words and letter.CARE["self"] in words
    assert letter.RESIDENT["self"].format(in_town="w Mielcu") in words


def test_a_possible_result_gets_one_too_and_says_to_start_at_the_local_centre(client):
    response = prepare(client, "en", "mielec", NOT_RESIDENT_FAMILY)
    tree = parse(response.get_data(as_text=True), "possible")
    words = text(letter_of(tree))
    assert letter.HOUSEHOLD["family"]["self"] in words
    assert "Mieszkam w Mielcu" not in words, "no claim to live in the town"
    assert "First call the social assistance centre where you live" in text(tree.find(".//section[@data-compare='checklist']"))


@pytest.mark.parametrize("answers", [NEEDS_CARE, {"adult": "no"}, {**PENSIONER, "income": ""}, {}])
def test_no_application_for_an_unlikely_or_unfinished_check(client, answers):
    response = prepare(client, "en", "chelm", answers)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    tree = parse(response.get_data(as_text=True), "none")
    assert letter_of(tree) is None
    assert "There is no application to prepare" in text(tree.find(".//h1"))


def test_the_application_view_takes_posts_only_and_no_url_holds_an_answer(client):
    assert client.get("/pl/sprawdz/chelm/wniosek/").status_code == 405
    page = client.post("/pl/sprawdz/chelm/", data={**PENSIONER, "step": "result", "action": "continue"})
    html = page.get_data(as_text=True)
    button = re.search(r'<button[^>]*value="application"[^>]*>', html).group(0)
    assert 'formaction="wniosek/"' in button and 'form="check-form"' in button
    application = prepare(client, "pl", "chelm", PENSIONER).get_data(as_text=True)
    for action in re.findall(r'(?:action|formaction|href)="([^"]*)"', application):
        assert "?" not in action and "1650" not in action and "older_age" not in action, action


def test_the_inputs_for_names_and_addresses_belong_to_no_form_and_ask_only_what_the_law_asks(client):
    tree = parse(prepare(client, "en", "chelm", PENSIONER, **{"for": "other"}).get_data(as_text=True), "f")
    parents = {child: parent for parent in tree.iter() for child in parent}
    sheet = letter_of(tree)
    inputs = [el for el in sheet.iter() if el.tag in ("input", "textarea")]
    assert inputs
    for el in inputs:
        assert el.get("name") is None and el.get("form") is None and not el.get("value")
        up = parents.get(el)
        while up is not None:
            assert up.tag != "form", "a typed name could be sent"
            up = parents.get(up)
    labels = {text(label).rstrip(":") for label in sheet.iter("label") if label.find("input") is None}
    assert labels - {letter.OWN_WORDS["other"]} <= FIELDS, labels
    assert "PESEL" not in text(sheet)


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("facility, answers", JOURNEYS)
def test_polish_on_the_application_is_marked_and_each_part_is_explained_in_the_readers_language(
        client, lang, facility, answers):
    tree = without_templates(parse(prepare(client, lang, facility, answers).get_data(as_text=True), lang))
    unmarked = [" ".join(piece.split()) for piece, in_lang in text_with_language(tree)
                if in_lang != "pl" and POLISH_LETTERS.search(ALLOWED_POLISH.sub("", piece))]
    assert not unmarked, unmarked
    parts = [el for el in tree.iter() if el.get("class") == "application-part"]
    assert len(parts) >= 5
    for part in parts:
        explain = [el for el in part if "explain" in (el.get("class") or "")]
        assert explain and text(explain[0]), "each part of the letter has its explanation beside it"


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
@pytest.mark.parametrize("facility", CODES)
def test_the_staff_blank_version_has_every_group_and_document_and_nothing_filled_in(app, client, lang, facility):
    response = client.get(f"/{lang}/dla-pracownikow/wniosek/{facility}/")
    assert response.status_code == 200 and "public" in response.headers["Cache-Control"]
    tree = parse(response.get_data(as_text=True), facility)
    words = text(letter_of(tree))
    data = site_data(app).rules.facility(facility)
    for group in data.groups:
        assert group.who["pl"].replace("\xa0", " ") in words.replace("\xa0", " ")
    for code in {c for g in data.groups for c in g.documents}:
        assert data.document_label(code, "pl") in words
        assert data.document_label(code, lang) in text(tree.find(".//section[@data-compare='checklist']"))
    for situation in letter.SITUATIONS.values():
        assert situation in words
    assert letter.CONSENT in words and letter.SIGNATURE in words and letter.FOR_OTHER_BLANK in words
    assert letter.ADULT["self"] not in words, "nothing about the person is filled in"
    assert not [el for el in tree.iter("input") if el.get("checked") is not None or el.get("value")]


def test_the_staff_page_links_a_blank_application_for_each_facility(app, client):
    html = client.get("/en/dla-pracownikow/").get_data(as_text=True)
    for facility in site_data(app).facilities:
        assert f'href="wniosek/{facility}/"' in html
    assert all(f"/{lang}/dla-pracownikow/wniosek/{f}/" in ROUTES for lang in ("pl", "en", "uk")
               for f in site_data(app).facilities)


@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_the_skeleton_for_the_browser_is_the_same_template_with_every_variant_marked(app, client, lang):
    response = client.get(f"/{lang}/sprawdz/chelm/wniosek.js")
    assert response.mimetype == "text/javascript" and "public" in response.headers["Cache-Control"]
    body = response.get_data(as_text=True)
    assert body.startswith("window.FLATS_APPLICATION = ") and body.endswith(";\n")
    skeleton = json.loads(body.removeprefix("window.FLATS_APPLICATION = ").removesuffix(";\n"))
    assert re.fullmatch(r"(\.\./)+static/application\.[0-9a-f]{8}\.css", skeleton["style"])
    tree = parse(f"<!doctype html><title>x</title>{skeleton['html']}", "skeleton")
    marked = {name: {el.get(name) for el in tree.iter() if el.get(name)} for name in
              ("data-person", "data-group", "data-situation", "data-household", "data-document")}
    data = site_data(app).rules.facility("chelm")
    assert marked["data-person"] == {"self", "other"}
    assert marked["data-group"] == {g.reason for g in data.groups}
    assert marked["data-situation"] == set(letter.SITUATIONS) and marked["data-household"] == {"single", "family"}
    assert marked["data-document"] == {c for g in data.groups for c in g.documents}
    assert not [el for el in tree.iter() if el.tag in ("script", "style") or el.get("style")]
    assert not [el for el in tree.iter() if hidden(tree, el) and el.tag == "section"]
