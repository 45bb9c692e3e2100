"""How every page is rendered: template strings in the request's language, white space folded."""
from __future__ import annotations

from flask import render_template_string
from flask_babel import force_locale, refresh

from flats.whitespace import compact


def test_template_strings_follow_the_language_even_when_it_changes_within_a_request(app):
    # Templates read the catalog once per request (i18n.catalog); a new locale must still be read anew.
    with app.test_request_context("/pl/"):
        app.preprocess_request()
        assert render_template_string("{{ _('Back') }}") == "Wstecz"
        with force_locale("uk"):
            assert render_template_string("{{ _('Back') }}") == "Назад", "force_locale must reach templates"
        assert render_template_string("{{ _('Back') }}") == "Wstecz", "leaving force_locale must restore Polish"


def test_a_request_in_another_language_never_gets_the_last_ones_strings(app):
    with app.app_context():  # one app context, as the freezer keeps it, and two requests in it
        with app.test_request_context("/uk/"):
            app.preprocess_request()
            assert render_template_string("{{ _('Back') }}") == "Назад"
        with app.test_request_context("/en/"):
            app.preprocess_request()
            refresh()
            assert render_template_string("{{ _('Back') }}") == "Back"


def test_white_space_runs_with_a_line_break_fold_to_one_line_break():
    assert compact(b"<ul>\n    <li>a</li>\n\n  \t\n<li>b</li>  \r\n</ul>") == b"<ul>\n<li>a</li>\n<li>b</li>\n</ul>"


def test_folding_at_the_ends_of_a_page_and_in_a_line_of_its_own():
    assert compact(b"  \n\n<p>a</p>\t\n") == b"\n<p>a</p>\n", "a run at either end folds too"
    assert compact(b"<p>a</p>") == b"<p>a</p>" and compact(b"") == b""
    assert compact(b"a \x0c\n\x0b b") == b"a\nb", "form feeds and vertical tabs are white space on both sides"
    assert compact(b"\n") == b"\n" and compact(b"\n\n\n") == b"\n"


def test_folding_keeps_text_a_no_break_space_and_spaces_within_a_line():
    html = "<p>1\u00a0650 zł  a  month\n\u00a0x</p>".encode()
    assert compact(html) == html, "only runs holding a line break fold; a no-break space is text"


def test_every_html_page_comes_folded(client):
    body = client.get("/pl/sprawdz/chelm/").get_data()
    assert b"\n\n" not in body and b"\n " not in body, "whitespace.py folds every HTML page"
    posted = client.post("/pl/sprawdz/chelm/", data={"step": "adult", "adult": "yes"}).get_data()
    assert b"\n\n" not in posted and b"\n " not in posted, "a posted step is folded too"


def test_strings_made_in_python_follow_the_language_too(app):
    from flats.i18n import gettext, lazy_gettext
    back = lazy_gettext("Back")  # made once, as the form's and the explanations' strings are
    with app.test_request_context("/pl/"):
        app.preprocess_request()
        assert (str(back), gettext("Back")) == ("Wstecz", "Wstecz")
        with force_locale("uk"):
            assert (str(back), gettext("Back")) == ("Назад", "Назад"), "force_locale (the API) must reach them"
    assert str(back) == "Back", "outside any request: the string as written"


def test_the_api_answers_in_the_language_asked_whatever_the_page_before(client):
    body = {"facility": "chelm", "adult": "no", "resident": "yes", "round_the_clock_care": "no",
            "situations": ["older_age"], "household": "single", "income": "1000"}
    texts = {}
    for lang in ("uk", "pl", "en", "uk"):
        client.get(f"/{lang}/")
        texts.setdefault(lang, set()).add(client.post("/api/v1/assessment", json=body,
                                                      headers={"Accept-Language": lang}).get_json()["reasons"][0]["text"])
    assert all(len(v) == 1 for v in texts.values()) and len({v.pop() for v in texts.values()}) == 3, texts
