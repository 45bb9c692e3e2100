"""Languages: the /<lang>/ URL prefix, Babel wiring and relative URLs."""
from __future__ import annotations

from flask import Flask, g, has_app_context, request, url_for
from babel.support import NullTranslations
from flask_babel import Babel, get_locale, get_translations, refresh
from flask_babel.speaklater import LazyString
from werkzeug.routing import BaseConverter, ValidationError

from .money import format_share
from .vocabulary import DEFAULT_LANGUAGE, LANGUAGES

# The URL converters for the language prefix and for a facility, shared by every blueprint.
LANG = f"<any({','.join(LANGUAGES)}):lang>"
FACILITY = "<facility:facility>"


def facility_converter(app: Flask) -> type[BaseConverter]:
    """A converter that takes exactly the facility codes this app has loaded (content/facilities/):
    a view gets the Facility itself; a URL is built from a Facility or its code."""

    from .data import KEY  # data reads content, which makes links with this module

    class FacilityConverter(BaseConverter):
        regex = "[a-z][a-z0-9-]*"

        def to_python(self, value: str):
            site = app.extensions.get(KEY)
            if site is None:
                # The data did not load (`flats check` lists why): a link to a facility's pages is still
                # checked against the facility folders, so one mistake in a rules file gives one message.
                from .rules import facility_folders
                if value in facility_folders(app.config["CONTENT_DIR"]):
                    return value
                raise ValidationError()
            if value not in site.facilities:
                raise ValidationError()  # no such facility: the URL does not match (404)
            return site.facilities[value]

        def to_url(self, value) -> str:
            return super().to_url(getattr(value, "code", value))

    return FacilityConverter


def current_language() -> str:
    """The language of this request: from the URL, else Polish."""
    return getattr(g, "lang", None) or language_from_path(request.path)


def share(value: int) -> str:
    """A whole percentage as the current page's language writes it ("20 %", "20%")."""
    return format_share(value, current_language())


def language_from_path(path: str) -> str:
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


def relative(target: str, base: str) -> str:
    """`target` as a link relative to the page at `base` (both absolute paths).

    Relative links let the frozen site work from any sub-path. The frozen
    404 page is the exception: a server shows it at any missing address, at
    any depth, so its links are absolute under the site's base path (set as
    g.links_under; the CSP's base-uri 'none' rules out a <base> element).
    """
    under = g.get("links_under") if has_app_context() else None
    if under:
        return under.rstrip("/") + target
    if "#" in target:
        target, fragment = target.split("#", 1)
        fragment = "#" + fragment
    else:
        fragment = ""
    # Both are absolute paths as url_for and the router give them: up from the base's folder to the
    # folder they share, then down (posixpath.relpath's answer, without its normalising).
    up = base.split("/")[1:-1]  # the folders the base page is in
    down = target.split("/")[1:]
    shared = 0
    while shared < len(up) and shared < len(down) - 1 and up[shared] == down[shared]:
        shared += 1
    rel = "../" * (len(up) - shared) + "/".join(down[shared:])
    return (rel or "./") + fragment


def url(endpoint: str, **values) -> str:
    """url_for, made relative to the current page."""
    if endpoint != "static" and "lang" not in values:
        values["lang"] = current_language()
    return relative(url_for(endpoint, **values), request.path)


def catalog():
    """This request's translations, looked up once per locale (force_locale and refresh give a new one).

    Flask-Babel's gettext looks the catalog up again for every string, a third of what a self-check
    page's strings cost; its own cache still holds the catalogs, and it still picks the locale.
    """
    if not has_app_context():
        return NullTranslations()
    state = g._get_current_object()  # this app context's `g`, looked up once
    # The locale Flask-Babel picked for this request, as it keeps it (get_locale() is the same with
    # three more lookups of `g`); force_locale and refresh change it, and the catalog with it.
    locale = getattr(getattr(state, "_flask_babel", None), "babel_locale", None) or get_locale()
    kept = getattr(state, "flats_catalog", None)
    if kept is None or kept[0] is not locale:
        kept = state.flats_catalog = (locale, get_translations())
    return kept[1]


def gettext(string: str, **variables) -> str:
    """Flask-Babel's gettext, from this request's catalog (catalog())."""
    text = catalog().ugettext(string)
    return text % variables if variables else text


def lazy_gettext(string: str, **variables) -> LazyString:
    """Flask-Babel's lazy_gettext (a string translated when it is used), through gettext() above."""
    return LazyString(gettext, string, **variables)


def init_app(app: Flask) -> None:
    app.url_map.converters["facility"] = facility_converter(app)
    Babel(app, locale_selector=current_language,
          default_translation_directories=str(app.config["TRANSLATIONS_DIR"]))
    # Jinja's own i18n hooks (newstyle, as Flask-Babel installs them), reading the catalog once per request.
    app.jinja_env.install_gettext_callables(
        gettext=gettext, ngettext=lambda s, p, n: catalog().ungettext(s, p, n),
        pgettext=lambda c, s: catalog().upgettext(c, s),
        npgettext=lambda c, s, p, n: catalog().unpgettext(c, s, p, n), newstyle=True)

    @app.url_value_preprocessor
    def pull_lang(endpoint, values):
        state = g._get_current_object()  # once: each read through Flask's proxy costs a microsecond
        if values and "lang" in values:
            state.lang = values.pop("lang")
        # Flask-Babel caches the locale on `g`, which outlives a request when the
        # freezer or a test keeps one app context: drop it then. (A server's request
        # has an app context, and a `g`, of its own, with nothing cached yet.)
        if "_flask_babel" in state:
            refresh()

    @app.url_defaults
    def add_lang(endpoint, values):
        if "lang" not in values and app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = current_language()

    app.jinja_env.globals.update(url=url, LANGUAGES=LANGUAGES)
