"""Interface strings in templates, translated with one catalog look-up per language.

Flask-Babel's own template functions find the request, the locale and the
catalog again for every string (a result page has about seventy). The site
knows the language from the URL, so templates get functions that take the
catalog loaded once per language. `Lazy` does the same for interface strings defined in Python.
"""
from __future__ import annotations

from babel.support import Translations
from flask import Flask, current_app
from markupsafe import escape

from .i18n import current_language
from .vocabulary import LANGUAGES


def init_app(app: Flask) -> None:
    folder = str(app.config["TRANSLATIONS_DIR"])
    catalogs = {lang: Translations.load(folder, [lang]) for lang in LANGUAGES}
    app.extensions["catalogs"] = catalogs

    def gettext(text: str) -> str:
        return catalogs[current_language()].ugettext(text)

    def ngettext(singular: str, plural: str, number: int) -> str:
        return catalogs[current_language()].ungettext(singular, plural, number)

    # Jinja's i18n extension (newstyle) escapes and fills %(name)s placeholders around these.
    app.jinja_env.install_gettext_callables(gettext, ngettext, newstyle=True)


def gettext(text: str, **values) -> str:
    """`text` in the page's language, its %(name)s slots filled (in a request of this app)."""
    translated = current_app.extensions["catalogs"][current_language()].ugettext(text)
    return translated % values if values else translated


class Lazy:
    """An interface string translated when it is shown, in the page's language.

    For module-level texts (questions, statuses); what Flask-Babel's
    lazy_gettext does, with one catalog look-up instead of a locale search.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return gettext(self.text)

    def __html__(self) -> str:
        return str(escape(str(self)))

    def __len__(self) -> int:
        return len(str(self))

    def __bool__(self) -> bool:
        return bool(self.text)

    def __mod__(self, values) -> str:
        return str(self) % values

    def __eq__(self, other) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Lazy({self.text!r})"


def lazy(text: str) -> Lazy:
    return Lazy(text)
