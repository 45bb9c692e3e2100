"""The self-check without JavaScript: one question per page, answers carried in the form, results that fit."""
from __future__ import annotations

import pytest

from .helpers import CODES, PENSIONER, UNDER_18
from .pagecheck import hidden, parse, text

URL = "/pl/sprawdz/chelm/"


def post(client, data, url=URL):
    response = client.post(url, data=data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    return html, parse(html, url)


def shown_step(tree) -> str:
    """The question the page asks (the one step not hidden)."""
    steps = [s for s in tree.iter("section") if s.get("data-step") and not hidden(tree, s)]
    assert len(steps) <= 1, "one question per page"
    return steps[0].get("data-step") if steps else "result"


def result(tree):
    return next(el for el in tree.iter("div") if "result" in (el.get("class") or "").split())


def through(client, answers: dict, url=URL):
    """Answer question after question as the server asks them; (steps asked, html, tree) of the last page."""
    data, asked = {}, []
    html, tree = client.get(url).get_data(as_text=True), None
    tree = parse(html, url)
    while (step := shown_step(tree)) != "result":
        asked.append(step)
        value = answers[step]
        carried = {i.get("name"): i.get("value") for i in tree.iter("input") if i.get("checked") is not None}
        data = {**data, **{k: v for k, v in carried.items()}, step: value, "step": step, "action": "continue"}
        html, tree = post(client, data, url)
    return asked, html, tree


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
@pytest.mark.parametrize("facility", CODES)
def test_the_first_page_asks_one_question_as_its_h1(client, checker, lang, facility):
    url = f"/{lang}/sprawdz/{facility}/"
    html = client.get(url).get_data(as_text=True)
    checker.check(url, html, lang)
    tree = parse(html, url)
    assert shown_step(tree) == "adult"
    form = tree.find(".//form[@id='check-form']")
    assert form.get("method") == "post" and form.get("action") == "./"
    legend_h1 = tree.find(".//section[@data-step='adult']//legend/h1")
    assert legend_h1 is not None and text(legend_h1) in text(tree.find(".//title"))


def test_a_pensioner_in_chelm_is_asked_six_questions_and_sees_the_fee_first(client, checker):
    asked, html, tree = through(client, PENSIONER, "/en/sprawdz/chelm/")
    assert asked == ["adult", "round_the_clock_care", "situations", "resident", "household", "income"]
    checker.check("/en/sprawdz/chelm/", html, "en")
    root = result(tree)
    assert (root.get("data-status"), root.get("data-fee-kind"), root.get("data-fee-amount")) == (
        "likely", "bracket", "449.60")
    words = text(root).replace("\u00a0", " ")
    assert words.index("You probably meet the criteria") < words.index("449,60 zł a month") < words.index("Why")
    assert ("Your income is 1 650,00 zł a month. That is more than 1 515,00 zł but not more than 2 020,00 zł, "
            "so you pay 30% of the cost of a place: 449,60 zł a month.") in words
    assert "food, medicines, clothes, free time" in words, "what residents pay for stands by the fee"
    assert "Documents to bring" in words and "Change" in words and "Start again" in words


def test_the_polish_fee_sentence_reads_as_the_issue_asks(client):
    _, html, tree = through(client, PENSIONER)
    words = text(result(tree)).replace("\u00a0", " ")
    assert ("Masz 1 650,00 zł miesięcznie. To więcej niż 1 515,00 zł, ale nie więcej niż 2 020,00 zł, "
            "więc płacisz 30 % kosztu miejsca: 449,60 zł miesięcznie.") in words


def test_under_18_goes_straight_to_a_calm_result_without_money_questions(client, checker):
    asked, html, tree = through(client, UNDER_18, "/uk/sprawdz/mielec/")
    assert asked == ["adult"]
    checker.check("/uk/sprawdz/mielec/", html, "uk")
    root = result(tree)
    assert root.get("data-status") == "unlikely" and root.get("data-fee-kind") is None
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    assert "dokumenty" not in ids and "co-dalej" not in ids and "inne-wsparcie" in ids
    assert [li for li in root.find(".//ul[@class='reasons']")] and len(list(root.find(".//ul[@class='reasons']"))) == 1


def test_needing_care_around_the_clock_names_what_to_ask_the_local_centre_about(client):
    _, html, tree = through(client, {"adult": "yes", "round_the_clock_care": "yes"}, "/en/sprawdz/chelm/")
    words = text(result(tree))
    assert "care services at home" in words and "dom pomocy społecznej" in words
    assert "apply for a place" not in words


def test_someone_from_elsewhere_is_sent_to_their_own_centre_first(client):
    answers = {**PENSIONER, "resident": "no"}
    _, html, tree = through(client, answers, "/en/sprawdz/chelm/")
    root = result(tree)
    assert root.get("data-status") == "possible"
    words = text(root)
    own = "First call the social assistance centre where you live (OPS, MOPS, MOPR, GOPS or CUS)"
    assert own in words and "About the places here" in words
    assert words.index(own) < words.index("82 564 21 26"), "their own centre first, then the flats' number"
    assert "say that you want to apply for a place" not in words.lower()
    assert "help you apply" not in words, "no promise the sources do not make (facts.md §4)"


def test_household_size_is_asked_only_of_a_family(client):
    family = {**PENSIONER, "situations": ["leaving_care"], "household": "family", "household_size": "3",
              "income": "2 469"}
    asked, html, tree = through(client, family, "/en/sprawdz/mielec/")
    assert asked[-2:] == ["household_size", "income"]
    assert "For 3 people the limit is 3 × 823,00 zł per person = 2 469,00 zł" in text(result(tree)).replace("\u00a0", " ")


def test_an_empty_answer_gets_an_error_summary_that_shows_the_whole_question(client, checker):
    html, tree = post(client, {"step": "adult", "action": "continue"})
    checker.check(URL, html, "pl")
    assert text(tree.find(".//title")).startswith("Błąd: ")
    summary = tree.find(".//div[@class='error-summary']")
    assert summary.get("tabindex") == "-1" and summary.get("autofocus") is not None
    link = summary.find(".//a")
    assert link.get("href") == "#adult-yes", "the link leads to the question's first input (GOV.UK)"
    group = tree.find(".//div[@id='adult']")
    assert group.find(".//legend") is not None and "has-error" in group.get("class")


@pytest.mark.parametrize("typed, shown", [
    ("1.650", "We cannot tell whether “1.650” means thousands or grosze"),
    ("12,5 euro", "We could not read “12,5 euro” as an amount"),
    ("2 000 000", "Enter an amount up to 1 000 000,00 zł a month"),
])
def test_an_income_that_cannot_be_read_says_what_and_how_to_write_it(client, typed, shown):
    data = {**{k: v for k, v in PENSIONER.items() if k != "income"}, "income": typed, "step": "income"}
    html, tree = post(client, data, "/en/sprawdz/chelm/")
    assert shown in text(tree.find(".//div[@class='error-summary']")).replace("\u00a0", " ")
    assert tree.find(".//input[@id='income-input']").get("value") == typed, "what the person typed is kept"
    assert "income-error" in tree.find(".//input[@id='income-input']").get("aria-describedby")


@pytest.mark.parametrize("typed", ["1650", "1 650,00", "1.650,00", "1650,-", "1650 zł", "1650 zl", "1650 złotych",
                                   "1650 PLN", "1\u00a0650,00", "1\u202f650"])
def test_money_is_accepted_as_people_write_it(client, typed):
    html, tree = post(client, {**PENSIONER, "income": typed, "step": "income"}, "/en/sprawdz/chelm/")
    assert result(tree).get("data-fee-amount") == "449.60", typed


def test_change_shows_that_question_with_every_answer_kept(client):
    _, html, tree = through(client, PENSIONER, "/en/sprawdz/chelm/")
    button = tree.find(".//button[@value='change-income']")
    assert button.get("form") == "check-form"
    carried = {i.get("name"): i.get("value") for i in tree.iter("input")
               if i.get("checked") is not None or (i.get("type") == "text" and i.get("value"))}
    assert carried["income"] == "1650 zl" and carried["adult"] == "yes"
    html, tree = post(client, {**PENSIONER, "step": "result", "action": "change-income"}, "/en/sprawdz/chelm/")
    assert shown_step(tree) == "income"
    assert tree.find(".//input[@id='income-input']").get("value") == "1650 zl"
    assert tree.find(".//input[@id='adult-yes']").get("checked") is not None


def test_back_shows_the_question_before_with_its_answer(client):
    html, tree = post(client, {**PENSIONER, "step": "income", "action": "back"}, "/en/sprawdz/chelm/")
    assert shown_step(tree) == "household"
    assert tree.find(".//input[@id='household-single']").get("checked") is not None


@pytest.mark.parametrize("step", ["situations", "result"])
def test_switching_language_keeps_the_answers(client, step):
    _, html, tree = through(client, PENSIONER, "/en/sprawdz/chelm/") if step == "result" else (None, *post(
        client, {**PENSIONER, "step": "situations", "action": "back"}, "/en/sprawdz/chelm/"))
    form = next(f for f in tree.iter("form") if "language-form" in (f.get("class") or "") and
                f.find("button").get("lang") == "uk")
    assert form.get("method") == "post" and form.get("action") == "../../../uk/sprawdz/chelm/"
    data = {}
    for i in form.iter("input"):
        data.setdefault(i.get("name"), []).append(i.get("value"))
    html, tree = post(client, data, "/uk/sprawdz/chelm/")
    if step == "result":
        assert result(tree).get("data-fee-amount") == "449.60" and "Ваш результат" in html
    else:
        assert shown_step(tree) in ("situations", "round_the_clock_care") and "Ваш" not in text(tree.find(".//title"))
        # Carried as the site read it ("1650 zl" was typed), never as posted.
        assert tree.find(".//input[@id='income-input']").get("value") == "1650"


def test_nothing_is_stored_no_cookie_and_no_answer_in_the_url(client):
    response = client.post("/pl/sprawdz/mielec/", data={**PENSIONER, "step": "income"})
    assert "Set-Cookie" not in response.headers
    assert response.headers.get("Location") is None
    assert "1650" not in response.request.url
    assert response.headers["Cache-Control"] == "private, max-age=1800", "for Back in that tab only; never public"


def test_malformed_form_posts_get_messages_not_500(client):
    for data in ({"adult": "maybe", "step": "adult"}, {"situations": ["zzz"], "step": "situations"},
                 {"income": "9" * 5000, "step": "income"}, {"household": "family", "household_size": "٣",
                                                            "step": "household_size"},
                 {"income": "-5", "step": "income"}, {"step": "no-such-step", "action": "change-zzz"},
                 {"situations": ["none", "illness"], "step": "situations"}):
        response = client.post("/uk/sprawdz/mielec/", data=data)
        assert response.status_code == 200, data


def test_each_person_gets_their_own_result_and_nothing_of_the_person_before(app, client):
    first = post(client, {**PENSIONER, "income": "1650 zl", "step": "income"}, "/en/sprawdz/chelm/")[0]
    second = post(client, {**PENSIONER, "income": "1 660,00", "step": "income"}, "/en/sprawdz/chelm/")[0]
    assert 'value="1650 zl"' in first and "1 650,00" in first.replace("\u00a0", " ")
    assert 'value="1 660,00"' in second and "1 660,00" in second.replace("\u00a0", " ")
    assert "1650" not in second and "1 650,00" not in second.replace("\u00a0", " "), "no answer leaks to another"
    store = app.extensions["flats.pages"]
    assert not [key for key in store._items if key[0] != "part"], "a POST's page is never kept"
    assert all(b"1650" not in body and b"1 660" not in body for body, _, _ in store._items.values())


def test_a_result_still_carries_a_leftover_typed_answer_for_change(client):
    alone = {**PENSIONER, "step": "income"}
    post(client, alone, "/en/sprawdz/chelm/")  # a result without any household size posted
    html, tree = post(client, {**alone, "household_size": "dwa"}, "/en/sprawdz/chelm/")  # typed earlier, then "alone"
    assert tree.find(".//input[@id='household_size-input']").get("value") == "dwa", "carried so Change can bring it back"
