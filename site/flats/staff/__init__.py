"""For staff: stable links for the BIP, how to print, printable posters with QR codes, blank applications."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template
from flask_babel import gettext as _, lazy_gettext as _l

from .. import application, layout, publisher, urls
from ..cache import cached_page
from ..data import site_data
from ..i18n import FACILITY, LANG, current_language
from ..rules import review_dates
from ..today import today
from . import links
from .qr import qr_svg

bp = Blueprint("staff", __name__)


@bp.record_once
def _register(state) -> None:
    urls.add(state.app, pages=_urls)
    layout.add_footer(state.app, "staff.index", _l("For staff"))


@bp.get(f"/{LANG}/dla-pracownikow/")
@cached_page
def index():
    app, lang, site = current_app, current_language(), site_data()
    groups = links.content_groups(app, lang)
    return render_template("staff/index.html", groups=groups, others=links.other_pages(app, lang),
                           centres=links.centre_pages(app, lang),
                           posters=[(f, site.content.get(lang, f.page)) for f in site.facilities.values()],
                           example=links.example(groups), site_address=links.site_address(app),
                           unpublished=[what for _, what in publisher.missing(site.details)],
                           families=links.Link(site.content.get(lang, "jak-zlozyc-wniosek").title,
                                               f"/{lang}/jak-zlozyc-wniosek/"),
                           **_review())


@bp.get(f"/{LANG}/dla-pracownikow/{FACILITY}/")
@cached_page
def facility_addresses(facility):
    """One centre's stable addresses: its page and every section of it, its self-check, poster and blank
    application. The staff page links here, so it keeps its size however many centres there are."""
    app, lang = current_app, current_language()
    page = site_data().content.get(lang, facility.page)
    group = links.page_group(page) if page else None
    return render_template("staff/facility.html", facility=facility, group=group,
                           others=links.facility_pages(app, lang, facility.code),
                           site_address=links.site_address(app))


@bp.get(f"/{LANG}/dla-pracownikow/plakat/{FACILITY}/")
@cached_page
def poster(facility):
    app, lang = current_app, current_language()
    page = site_data().content.get(lang, facility.page)
    target = links.stable_url(app, page.path if page else f"/{lang}/")
    qr = qr_svg(target, _("QR code with the address %(url)s", url=target)) if links.site_address(app) else None
    return render_template("staff/poster.html", heading=page.title if page else facility.name[lang], facility=facility,
                           poster=facility.poster, lang=lang, target=target, qr=qr)


@bp.get(f"/{LANG}/dla-pracownikow/wniosek/{FACILITY}/")
@cached_page
def blank_application(facility):
    """The blank application (issue 22): every group and document, nothing filled in, to print."""
    return render_template("staff/application.html", **application.context(application.blank(facility)))


def _review() -> dict:
    """When the rules were last checked, and whether the statutory review date has come."""
    on = today()
    dates = review_dates(site_data().rules, on)
    return {"review": dates, "overdue": dates.overdue_on(on)}


def _urls(app, lang):
    yield f"/{lang}/dla-pracownikow/"
    for code in site_data(app).facilities:
        yield f"/{lang}/dla-pracownikow/{code}/"
    for code in site_data(app).facilities:
        yield f"/{lang}/dla-pracownikow/plakat/{code}/"
    for code in site_data(app).facilities:
        yield f"/{lang}/dla-pracownikow/wniosek/{code}/"
