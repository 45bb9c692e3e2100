"""The accessibility statement and the privacy page: honest, complete, and readable while publisher details are empty."""
from __future__ import annotations

import re

import pytest

from .pagecheck import content_urls, parse, text

LANGS = ("pl", "en", "uk")

# RODO art. 13 (../shared/facts.md §5): each item's label on the privacy page.
RODO_ITEMS = {
    "pl": ["Administrator danych", "Kontakt z administratorem", "Inspektor ochrony danych", "Cel przetwarzania",
           "Podstawa prawna", "Odbiorcy danych", "Jak długo przechowujemy dane", "Masz prawo",
           "Prezesa Urzędu Ochrony Danych Osobowych"],
    "en": ["Data controller", "Contact with the data controller", "Data protection officer", "Purpose", "Legal basis",
           "Recipients of the data", "How long the data is kept", "You have the right",
           "President of the Personal Data Protection Office"],
    "uk": ["Адміністратор даних", "Контакт з адміністратором", "Інспектор із захисту даних", "Мета обробки",
           "Правова підстава", "Одержувачі даних", "Як довго зберігаються дані", "Ви маєте право",
           "Голови Управління захисту персональних даних"],
}
# What the server log holds (deploy/gunicorn.conf.py access_log_format), and that it holds no IP address.
LOG = {
    "pl": ["datę i godzinę", "rodzaj zapytania", "adres podstrony", "kod odpowiedzi", "wielkość odpowiedzi",
           "czas przygotowania odpowiedzi", "nie zapisuje Twojego adresu IP", "nie używa plików cookie"],
    "en": ["date and time", "kind of request", "address of the page", "response code", "size of the response",
           "how long the response took", "does not record your IP address", "does not use cookies"],
    "uk": ["дату і час", "вид запиту", "адресу сторінки", "код відповіді", "розмір відповіді",
           "скільки часу зайняла відповідь", "не записує вашої IP-адреси", "не використовує файлів cookie"],
}
STATUS = {"pl": "jest zgodna", "en": "fully compliant", "uk": "повністю відповідає"}
NONE_KNOWN = {"pl": "Nie znamy treści niedostępnych", "en": "We know of no content that is not accessible",
              "uk": "Ми не знаємо про недоступний вміст"}


def page(client, url):
    return parse(client.get(url).get_data(as_text=True), url)


def flat(el) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text(el))


@pytest.mark.parametrize("lang", LANGS)
def test_the_privacy_page_covers_every_rodo_article_13_item_and_what_the_log_holds(client, lang):
    found = flat(page(client, f"/{lang}/ochrona-danych/").find(".//main"))
    missing = [item for item in RODO_ITEMS[lang] + LOG[lang] if item not in found]
    assert not missing, f"/{lang}/ochrona-danych/ lacks {missing} (facts.md §5; deploy/gunicorn.conf.py)"


@pytest.mark.parametrize("lang", LANGS)
def test_the_privacy_page_shows_publisher_details_once_they_are_given(app, client, lang):
    site = app.extensions["site"]
    saved = {key: dict(site[key]) for key in ("publisher", "data_protection_officer")}
    site["publisher"].update(name="Gmina Miejska Testowo", email="iod-test@mops.test", phone="17 000 00 00")
    site["data_protection_officer"].update(email="inspektor@mops.test")
    try:
        found = flat(page(client, f"/{lang}/ochrona-danych/").find(".//main"))
    finally:
        for key, values in saved.items():
            site[key].update(values)
    for value in ("Gmina Miejska Testowo", "iod-test@mops.test", "17 000 00 00", "inspektor@mops.test"):
        assert value in found, f"/{lang}/ochrona-danych/ does not show {value!r} from content/site.yaml"


@pytest.mark.parametrize("lang", LANGS)
def test_the_accessibility_statement_lists_what_is_not_accessible_and_how_it_was_assessed(client, lang):
    tree = page(client, f"/{lang}/deklaracja-dostepnosci/")
    status = flat(tree.find(".//*[@id='a11y-status']"))
    assert STATUS[lang] in status, f"{lang}: the status must follow the known non-conformities"
    assert NONE_KNOWN[lang] in flat(tree.find(".//main")), (
        f"{lang}: #tresci-niedostepne says plainly that no inaccessible content is known (tests: "
        "test_language_marking.py covers the one failure found earlier)")
    main = flat(tree.find(".//main"))
    for tool in ("axe-core", "Chromium", "Nu HTML Checker"):
        assert tool in main, f"{lang}: the statement says how the site was assessed ({tool})"


@pytest.mark.parametrize("url", [f"/{lang}/{slug}/" for lang in LANGS for slug in ("deklaracja-dostepnosci", "ochrona-danych", "kontakt")])
def test_a_missing_publisher_detail_stands_as_a_labelled_value_never_inside_a_sentence(client, url):
    tree = page(client, url)
    parents = {child: parent for parent in tree.iter() for child in parent}
    missing = [el for el in tree.iter() if el.get("class") == "missing"]
    assert missing, f"{url}: expected the empty publisher details of content/site.yaml to be shown as missing"
    for el in missing:
        item = el
        while item is not None and item.tag != "li":
            item = parents.get(item)
        assert item is not None, f"{url}: an empty detail ({flat(el)!r}) sits in running text; put it in a list item 'Label: {{{{placeholder}}}}'"
        before = flat(item).split(flat(el))[0]
        assert before.rstrip().endswith(":") or ": " in before, f"{url}: {flat(item)!r} needs a label before the value"


def test_content_pages_never_mention_the_sites_own_files(app, client):
    shown = {url: flat(page(client, url)) for url in content_urls(app)}
    found = {url: m.group(0) for url, html in shown.items()
             if (m := re.search(r"\b[\w-]+\.(?:ya?ml|py|md|txt)\b|\bcontent/|\bsite/flats\b", html))}
    assert not found, f"public pages say whom to ask, not which file to edit: {found}"
