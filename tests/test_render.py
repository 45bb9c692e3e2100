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


def test_folding_keeps_text_a_no_break_space_and_spaces_within_a_line():
    html = "<p>1\u00a0650 zł  a  month\n\u00a0x</p>".encode()
    assert compact(html) == html, "only runs holding a line break fold; a no-break space is text"


def test_every_html_page_comes_folded(client):
    body = client.get("/pl/sprawdz/chelm/").get_data()
    assert b"\n\n" not in body and b"\n " not in body, "whitespace.py folds every HTML page"
    posted = client.post("/pl/sprawdz/chelm/", data={"step": "adult", "adult": "yes"}).get_data()
    assert b"\n\n" not in posted and b"\n " not in posted, "a posted step is folded too"
