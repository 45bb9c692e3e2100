"""The accessibility statement and the privacy page: honest, complete, and readable while publisher details are empty."""
from __future__ import annotations

import re

import pytest

from flats.data import site_data

from .helpers import with_details
from .pagecheck import content_urls, parse, text

LANGS = ("pl", "en", "uk")

# RODO art. 13 (../shared/facts.md §5): each item's label on the privacy page.
RODO_ITEMS = {
    "pl": ["Administrator danych", "Kontakt z administratorem", "Inspektor ochrony danych", "Cel przetwarzania",
           "Podstawa prawna", "Odbiorcy danych", "Jak długo przechowujemy dane", "Masz prawo",
           "Prezesa Urzędu Ochrony Danych Osobowych", "poza Europejski Obszar Gospodarczy", "Czy musisz podać dane",
           "Zautomatyzowane decyzje i profilowanie"],
    "en": ["Data controller", "Contact with the data controller", "Data protection officer", "Purpose", "Legal basis",
           "Recipients of the data", "How long the data is kept", "You have the right",
           "President of the Personal Data Protection Office", "outside the European Economic Area",
           "Do you have to give your data", "Automated decisions and profiling"],
    "uk": ["Адміністратор даних", "Контакт з адміністратором", "Інспектор із захисту даних", "Мета обробки",
           "Правова підстава", "Одержувачі даних", "Як довго зберігаються дані", "Ви маєте право",
           "Голови Управління захисту персональних даних", "за межі Європейської економічної зони",
           "Чи мусите ви надавати дані", "Автоматизовані рішення і профілювання"],
}
# What the live site's logs hold (nginx and gunicorn): time, method, path without the query, status and
# duration; never an IP address, a user agent, a referrer, the size of the answer, a form field or an answer;
# error logs: the time and the error, never form contents. The deploy is being made to match this wording.
LOG = {
    "pl": ["nginx i gunicorn", "datę i godzinę", "rodzaj zapytania", "adres podstrony, bez niczego, co jest po znaku zapytania",
           "kod odpowiedzi", "czas przygotowania odpowiedzi", "nie zapisuje Twojego adresu IP", "nie używa plików cookie"],
    "en": ["nginx and gunicorn", "date and time", "kind of request", "address of the page, without anything after the question mark",
           "response code", "how long the response took", "does not record your IP address", "does not use cookies"],
    "uk": ["nginx і gunicorn", "дату і час", "вид запиту", "адресу сторінки без того, що стоїть після знака питання",
           "код відповіді", "скільки часу зайняла відповідь", "не записує вашої IP-адреси", "не використовує файлів cookie"],
}
# The sentence that says what the logs never hold, and the error log's.
NEVER = {
    "pl": ("Dzienniki nigdy nie zapisują", ["adresu IP", "user agent", "referrer", "wielkości odpowiedzi", "pól formularza",
                                            "Twoich odpowiedzi"], "Dziennik błędów", "Nigdy nie zapisuje treści formularza"),
    "en": ("The logs never record", ["IP address", "user agent", "referrer", "size of the response", "form field",
                                     "your answers"], "The error log", "It never records what was in a form"),
    "uk": ("Журнали ніколи не записують", ["IP-адреси", "user agent", "referrer", "розміру відповіді", "полів форми",
                                           "ваших відповідей"], "Журнал помилок", "ніколи не записує вмісту форми"),
}
# What stays in the person's browser, and to close the tab on a shared computer.
BROWSER = {
    "pl": ["historii tej karty", "przycisk Wstecz", "private", "nigdy do wspólnej pamięci podręcznej", "zamknij kartę"],
    "en": ["history of that tab", "Back button", "private", "never into a shared cache", "Close the tab"],
    "uk": ["історії цієї вкладки", "кнопка «Назад»", "private", "ніколи — до спільного кешу", "закрийте вкладку"],
}
# Wrong now: the log held the size of the answer, and an IP address "only if a proxy adds it".
NOT_ON_THE_PRIVACY_PAGE = {"pl": ["wielkość odpowiedzi", "serwer pośredniczący, który"],
                           "en": ["size of the response, how long", "a proxy server run by"],
                           "uk": ["розмір відповіді,", "проксі-сервер, яким"]}
# The status follows the evidence: each known non-conformity is listed while any remains.
STATUS = {"pl": "częściowo zgodna", "en": "partially compliant", "uk": "частково відповідає"}
NOT_FULLY = {"pl": r"\bjest zgodna|Nie znamy treści niedostępnych", "en": r"fully compliant|We know of no content",
             "uk": r"повністю відповідає|не знаємо про недоступний вміст"}
KNOWN_FAILURES = {
    "pl": [r"200\s?%", r"1\.4\.4", r"1\.4\.10", r"Poprawiamy to", r"opisach telefonów i na plakatach", r"3\.1\.2"],
    "en": [r"200%", r"1\.4\.4", r"1\.4\.10", r"We are fixing it", r"phone labels and on posters", r"3\.1\.2"],
    "uk": [r"200\s?%", r"1\.4\.4", r"1\.4\.10", r"виправляємо", r"підписах до телефонів і на плакатах", r"3\.1\.2"],
}
# Claims about the tests, exactly as true as the tests: the language check reads Polish letters only,
# and the 320 px check runs on the Polish pages and the two other home pages.
TEST_CLAIMS = {
    "pl": ["z polskimi literami", "polskich nazw bez tych liter test nie rozpoznaje", "strony główne w wersji angielskiej i ukraińskiej"],
    "en": ["with Polish letters", "does not recognise Polish names without these letters", "English and Ukrainian home pages"],
    "uk": ["із польськими літерами", "польських назв без цих літер тест не розпізнає", "головні сторінки англійською й українською"],
}
RPO = "https://bip.brpo.gov.pl/"


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
def test_the_privacy_page_shows_publisher_details_once_they_are_given(app, client, lang, monkeypatch):
    monkeypatch.setitem(app.extensions, "flats", with_details(
        site_data(app), publisher={"name": "Gmina Miejska Testowo", "email": "iod-test@mops.test",
                                   "phone": "17 000 00 00"},
        data_protection_officer={"email": "inspektor@mops.test"}))
    found = flat(page(client, f"/{lang}/ochrona-danych/").find(".//main"))
    for value in ("Gmina Miejska Testowo", "iod-test@mops.test", "17 000 00 00", "inspektor@mops.test"):
        assert value in found, f"/{lang}/ochrona-danych/ does not show {value!r} from content/site.yaml"


@pytest.mark.parametrize("lang", LANGS)
def test_the_privacy_page_says_what_the_logs_never_hold_and_what_stays_in_the_browser(client, lang):
    found = flat(page(client, f"/{lang}/ochrona-danych/").find(".//main"))
    lead, never, error_log, error_never = NEVER[lang]
    sentence = found[found.index(lead):].split(". ")[0] if lead in found else ""
    assert sentence, f"/{lang}/ochrona-danych/: say what the logs never hold (“{lead} …”)"
    missing = [item for item in never if item not in sentence]
    assert not missing, f"/{lang}/ochrona-danych/: the logs never hold {missing}: say so in “{lead} …”"
    assert error_log in found and error_never in found, f"/{lang}/ochrona-danych/: what the error log holds"
    missing = [item for item in BROWSER[lang] if item not in found]
    assert not missing, f"/{lang}/ochrona-danych/: what stays in the browser lacks {missing}"
    wrong = [item for item in NOT_ON_THE_PRIVACY_PAGE[lang] if item in found]
    assert not wrong, f"/{lang}/ochrona-danych/ says what is no longer true: {wrong}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_accessibility_statement_lists_what_is_not_accessible_and_how_it_was_assessed(client, lang):
    tree = page(client, f"/{lang}/deklaracja-dostepnosci/")
    status = flat(tree.find(".//*[@id='a11y-status']"))
    assert STATUS[lang] in status, f"{lang}: the status must follow the known non-conformities"
    main = flat(tree.find(".//main"))
    assert not re.search(NOT_FULLY[lang], main), f"{lang}: no 'compliant' or 'none known' while failures remain"
    missing = [p for p in KNOWN_FAILURES[lang] if not re.search(p, main)]
    assert not missing, f"{lang}: #tresci-niedostepne must list each known failure: {missing}"
    missing = [claim for claim in TEST_CLAIMS[lang] if claim not in main]
    assert not missing, f"{lang}: say what the tests check, exactly: {missing}"
    assert not re.search(r"wszystkich stronach i wynikach|every page and result|всіх сторінках і результатах", main)
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


@pytest.mark.parametrize("lang", LANGS)
def test_the_complaint_route_links_the_commissioner_for_human_rights(client, lang):
    html = client.get(f"/{lang}/deklaracja-dostepnosci/").get_data(as_text=True)
    procedure = html[html.index('id="a11y-procedura"'):html.index('id="a11y-architektura"')]
    assert f'href="{RPO}' in procedure, f"{lang}: the request procedure links the Rzecznik Praw Obywatelskich ({RPO})"
