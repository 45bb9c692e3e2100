"""The self-check form: questions, errors that help, a result that explains itself."""
from __future__ import annotations

import pytest

from .pagecheck import parse, text

GOOD = {"adult": "yes", "resident": "yes", "round_the_clock_care": "no", "situations": ["older_age"],
        "household": "single", "income": "1 400,00 zł"}


def post(client, data, url="/pl/sprawdz/chelm/"):
    response = client.post(url, data=data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    return html, parse(html, url)


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
@pytest.mark.parametrize("facility", ["mielec", "chelm"])
def test_the_empty_form_asks_every_question_with_labels(client, checker, lang, facility):
    url = f"/{lang}/sprawdz/{facility}/"
    html = client.get(url).get_data(as_text=True)
    tree = parse(html, url)
    assert tree.find(".//form").get("method") == "post"
    for name in ("adult", "resident", "round_the_clock_care", "situations", "household"):
        assert tree.find(f".//fieldset//input[@name='{name}']") is not None, name
    for name in ("household_size", "income"):
        field = tree.find(f".//input[@name='{name}']")
        assert tree.find(f".//label[@for='{field.get('id')}']") is not None, name


def test_errors_are_summarised_linked_and_named_with_an_example(client, checker):
    html, tree = post(client, {"adult": "yes", "household": "family", "household_size": "dwa", "income": "12,345"})
    checker.check("/pl/sprawdz/chelm/", html, "pl")
    assert text(tree.find(".//title")).startswith("Błąd: ")
    summary = tree.find(".//div[@class='error-summary']")
    assert summary.get("tabindex") == "-1" and summary.get("autofocus") is not None
    links = {a.get("href"): text(a) for a in summary.iter("a")}
    assert set(links) == {"#resident-yes", "#round_the_clock_care-yes", "#household_size-input", "#income-input"}
    for href in links:
        assert tree.find(f".//*[@id='{href[1:]}']") is not None, f"{href} points nowhere"
    assert "Chełm" in links["#resident-yes"]
    assert "3" in links["#household_size-input"] and "1 234,56" in links["#income-input"]
    income = tree.find(".//input[@name='income']")
    assert income.get("value") == "12,345", "what the person typed is kept"
    assert "income-error" in income.get("aria-describedby")


@pytest.mark.parametrize("income", ["1234,56", "1 234,56", "1234.56", "1 234,56 zł", "1234", "1\u00a0234,56"])
def test_money_is_accepted_as_people_write_it(client, income):
    html, tree = post(client, dict(GOOD, income=income))
    assert tree.find(".//div[@class='error-summary']") is None, income
    assert "1 234,56 zł" in html.replace("\u00a0", " ") or "1 234,00 zł" in html.replace("\u00a0", " ")


def test_the_result_explains_the_fee_with_its_arithmetic(app, client, checker, monkeypatch):
    monkeypatch.setitem(app.config, "FIXED_DATE", "2026-03-01")
    html, tree = post(client, GOOD, "/en/sprawdz/chelm/")
    checker.check("/en/sprawdz/chelm/", html, "en")
    page = text(tree.find(".//main")).replace("\u00a0", " ")
    assert text(tree.find(".//h1")) == "You probably meet the criteria"
    assert ("You have 1 400,00 zł a month. That is more than 1 010,00 zł but not more than 1 515,00 zł, "
            "so you pay 20% of the cost of a place: 299,73 zł a month.") in page
    assert "82 564 21 26" in page and tree.find(".//a[@href='tel:+48825642126']") is not None
    assert "estimate" in page and "1 March 2026" in page or "March 1, 2026" in page


def test_you_can_change_an_answer_and_come_back_to_the_form_filled_in(client):
    html, tree = post(client, GOOD)
    button = tree.find(".//button[@value='income']")
    assert button.get("formaction") == "./#income"
    hidden = {i.get("name"): i.get("value") for i in tree.iter("input") if i.get("type") == "hidden"}
    assert hidden["income"] == "1 400,00 zł"
    html, tree = post(client, dict(GOOD, change="income"))
    assert tree.find(".//div[@class='error-summary']") is None
    assert tree.find(".//input[@name='income']").get("value") == "1 400,00 zł"
    assert tree.find(".//input[@id='adult-yes']").get("checked") is not None


def test_a_family_in_chelm_with_only_age_is_told_the_places_are_for_people_living_alone(client):
    html, tree = post(client, dict(GOOD, household="family", household_size="2", income="1000"), "/en/sprawdz/chelm/")
    assert text(tree.find(".//h1")) == "The centre will need to look at your situation"
    assert "meant for people who live alone" in html


def test_nothing_is_stored_no_cookie_and_no_answer_in_the_url(client):
    response = client.post("/pl/sprawdz/mielec/", data=GOOD)
    assert "Set-Cookie" not in response.headers
    assert response.headers.get("Location") is None
    assert "1400" not in response.request.url


def test_malformed_form_posts_get_messages_not_500(client):
    for data in ({"adult": "maybe"}, {"situations": ["zzz"]}, {"income": "9" * 5000},
                 {"household": "family", "household_size": "٣"}, {"income": "-5"}, {"income": "2000000"}):
        response = client.post("/uk/sprawdz/mielec/", data=data)
        assert response.status_code == 200
        assert 'class="error-summary"' in response.get_data(as_text=True), data
