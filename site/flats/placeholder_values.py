"""The values of content placeholders: from the dated rules, the facilities' data, or site.yaml.

Each is computed for the day the page is served (or frozen), so no amount
that changes with the law is ever typed into content as "current".
`init_app` registers them in the app's placeholder registry.
"""
from __future__ import annotations

from urllib.parse import quote

from flask import Flask, render_template
from flask_babel import gettext as _
from markupsafe import Markup, escape

from . import counts
from .data import site_data
from .dates import format_day
from .i18n import url
from .money import format_money
from .placeholders import Registry
from .rules import NoRulesForDate, fee_table


def _rules(ctx):
    return site_data(ctx["app"]).rules


def _criterion(ctx):
    return _rules(ctx).criterion_on(ctx["on"])


def _text(value) -> Markup:
    return Markup(escape(value))


def _polish(value) -> Markup:
    """A Polish name or legal act, marked as Polish for screen readers on other languages' pages."""
    return Markup('<span lang="pl">{}</span>').format(value)


def whole_zloty(amount) -> str:
    """An amount in whole złoty ("1010 zł"), for the easy-to-read page; grosze are never rounded away."""
    if amount != amount.to_integral_value():
        return format_money(amount)
    return f"{int(amount)}\u00a0zł"


def time(day, id_: str | None = None) -> Markup:
    """A date in the page's language, machine-readable too; `id_` goes on the <time> element itself."""
    if id_:
        return Markup('<time id="{}" datetime="{}">{}</time>').format(id_, day.isoformat(), format_day(day))
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), format_day(day))


def _register_law(reg: Registry) -> None:
    reg.register("criterion_single")(lambda ctx: _text(format_money(_criterion(ctx).single)))
    reg.register("criterion_single_whole")(lambda ctx: _text(whole_zloty(_criterion(ctx).single)))
    reg.register("criterion_family")(lambda ctx: _text(format_money(_criterion(ctx).family)))
    reg.register("criterion_since")(lambda ctx: time(_criterion(ctx).since))
    reg.register("criterion_source")(lambda ctx: _polish(_criterion(ctx).source))
    reg.register("today")(lambda ctx: time(ctx["on"]))
    # When a person last checked the rules against the law (content/rules/about.yaml).
    reg.register("rules_reviewed")(lambda ctx: time(_rules(ctx).reviewed))
    reg.register("criteria_history")(lambda ctx: Markup(render_template(
        "figures/criteria_history.html", criteria=_rules(ctx).criteria, on=ctx["on"])))


def _dated(fill):
    """A facility's dated value; on a day before its first rule, a sentence saying so (never an error page)."""
    def filled(ctx, code):
        try:
            return fill(ctx, code)
        except NoRulesForDate:
            return _text(_("not known for %(day)s; ask the centre", day=format_day(ctx["on"])))
    return filled


def _register_facility(reg: Registry) -> None:
    def cost(ctx, code):
        return _rules(ctx).facility(code).monthly_cost_on(ctx["on"])

    reg.register("monthly_cost", per_facility=True)(_dated(lambda ctx, code: _text(format_money(cost(ctx, code).amount))))
    reg.register("monthly_cost_since", per_facility=True)(_dated(lambda ctx, code: time(cost(ctx, code).since)))
    reg.register("monthly_cost_source", per_facility=True)(_dated(lambda ctx, code: _polish(cost(ctx, code).source)))

    @reg.register("fee_table", per_facility=True)
    @_dated
    def table(ctx, code):
        rules, on = _rules(ctx), ctx["on"]
        facility = rules.facility(code)
        if facility.fee_table_on(on) is None:
            return _text(_("The centre sets the fee in its decision."))
        return Markup(render_template(
            "figures/fee_table.html", rows=fee_table(rules, on, code), table=facility.fee_table_on(on),
            facility=facility, criterion=rules.criterion_on(on),
            cost=facility.monthly_cost_on(on), lang=ctx["lang"]))


def _facilities(ctx) -> list:
    return list(_rules(ctx).facilities.values())


def _register_every_facility(reg: Registry) -> None:
    """Sections that list every facility, in their order: a centre added by data appears in each."""
    for name in ("contacts", "phones", "facility_list", "where_to_apply"):
        # {{contacts}} writes a section for each facility, its id the facility's code.
        reg.register(name, sections=(lambda facilities: list(facilities)) if name == "contacts" else None)(
            lambda ctx, n=name: Markup(render_template(f"figures/{n}.html", facilities=_facilities(ctx), lang=ctx["lang"])))

    reg.register("site_name")(lambda ctx: _text(site_data(ctx["app"]).name(ctx["lang"])))

    @reg.register("fee_summary")
    def fee_summary(ctx):
        rules, on = _rules(ctx), ctx["on"]
        rows = [(f, f.fee_table_on(on) if f.first_day is None or on >= f.first_day else None)
                for f in _facilities(ctx)]
        return Markup(render_template("figures/fee_summary.html", rows=rows, lang=ctx["lang"]))

    # Counts from the facility's data (rules.yaml), never typed into a page.
    def counted(number, noun, ctx) -> Markup:
        return _text(counts.count(number, noun, ctx["lang"]) if number else "")

    reg.register("places", per_facility=True)(lambda ctx, code: counted(_rules(ctx).facility(code).places, "places", ctx))
    reg.register("flats", per_facility=True)(lambda ctx, code: counted(_rules(ctx).facility(code).flats, "flats", ctx))
    @reg.register("group_places", per_group=True)
    def group_places(ctx, arg):
        code, _, group = arg.partition(".")
        return counted(next(g.places for g in _rules(ctx).facility(code).groups if g.code == group), "places", ctx)

    reg.register("rooms", per_facility=True)(lambda ctx, code: counted(_rules(ctx).facility(code).rooms, "rooms", ctx))


def _in_polish(value: str, lang: str) -> Markup:
    """Polish text (an address): as it is on Polish pages, marked as Polish on the others."""
    return _text(value) if lang == "pl" else _polish(value)


STREET = {"pl": "ulica", "en": "ulica", "uk": "вулиця"}  # "ul." written out, for the easy-to-read page


def _street(address: str, lang: str) -> Markup:
    """The street and number of an address ("ul. Przykładowa 1, 00-001 Dolina"), "ul." written out:
    "ulica Przykładowa 1"; on Ukrainian pages "вулиця" stays outside the Polish name."""
    street = address.split(",")[0].strip()
    if not street.startswith("ul. "):
        return _in_polish(street, lang)
    name = street.removeprefix("ul. ")
    if lang == "uk":
        return Markup("{} {}").format(STREET[lang], _polish(name))
    return _in_polish(f"{STREET[lang]} {name}", lang)


def _phone(ctx, arg) -> Markup:
    """A tap-to-call link: the facility's phone with that `code:`, or its first phone."""
    code, _, which = arg.partition(".")
    phones = _rules(ctx).facility(code).phones
    phone = next(p for p in phones if p.code == which) if which else phones[0]
    return Markup('<a href="{}">{}</a>').format(phone.tel, phone.number)


def _register_places(reg: Registry) -> None:
    """Where a facility is and whom to call, from its facility.yaml: never typed into a page."""
    reg.register("phone", per_group=True, items=lambda f: [p.code for p in f.phones if p.code],
                 item_optional=True, item_kind="phone")(_phone)
    facility = lambda ctx, code: _rules(ctx).facility(code)  # noqa: E731
    reg.register("address", per_facility=True)(lambda ctx, code: _in_polish(facility(ctx, code).address, ctx["lang"]))
    reg.register("street", per_facility=True)(lambda ctx, code: _street(facility(ctx, code).address, ctx["lang"]))
    reg.register("operator_address", per_facility=True, check=lambda f: None if f.operator.address else
                 "its operator's address is not known (`address: \"\"` under operator: in its facility.yaml)")(
        lambda ctx, code: _in_polish(facility(ctx, code).operator.address, ctx["lang"]))

    @reg.register("map_link", per_facility=True)
    def map_link(ctx, code):
        address = facility(ctx, code).address
        return Markup('<a href="https://www.openstreetmap.org/search?query={}">{}</a>').format(
            quote(address, safe=""), _("See the address on OpenStreetMap"))


def _publisher(section: str, key: str, ctx, kind: str = "text", id_: str | None = None) -> Markup:
    value = site_data(ctx["app"]).details[section][key]
    if not value:
        contact = url("pages.page", slug="kontakt")
        ident = Markup(' id="{}"').format(id_) if id_ else ""
        if contact == "./":  # on the contact page itself: the numbers are right here
            return Markup('<span class="missing"{}>{}</span>').format(
                ident, _("not published yet; please ask the centre by phone"))
        return Markup('<span class="missing"{}>{} <a href="{}">{}</a></span>').format(
            ident, _("not published yet; please ask the centre —"), contact, _("see Contact"))
    if kind == "email":
        return Markup('<a href="mailto:{0}">{0}</a>').format(value)
    if kind == "url":
        return Markup('<a href="{0}">{0}</a>').format(value)
    if kind == "tel":
        return Markup('<a href="tel:{0}">{1}</a>').format(value.replace(" ", ""), value)
    if kind == "date":
        return time(value, id_)
    if kind == "polish":  # a Polish body's name, read by a Polish voice
        return _in_polish(value, ctx["lang"])
    return _text(value)


def _publisher_address(ctx) -> Markup:
    """The publisher's postal address after a comma, to follow `{{publisher_name}}`; nothing while it or
    the name is empty (a page never shows a made-up address, nor one without whose it is). Polish, so
    marked as such on the other languages' pages."""
    given = site_data(ctx["app"]).details["publisher"]
    value = given["address"] if given["name"] else ""
    return Markup(", {}").format(_in_polish(value, ctx["lang"])) if value else Markup("")


PUBLISHER = {
    "publisher_name": ("publisher", "name", "polish"),
    "publisher_email": ("publisher", "email", "email"),
    "publisher_phone": ("publisher", "phone", "tel"),
    "publisher_bip": ("publisher", "bip_url", "url"),
    "dpo_email": ("data_protection_officer", "email", "email"),
    "site_url": ("site", "url", "url"),
    # The accessibility statement's dates carry the ids monitors look for (facts.md §5) on
    # the <time> element itself (or, while a date is not set, on the "not published yet"
    # text): use them once, on the statement only, without a {#id} of their own.
    "site_published": ("site", "published", "date", "a11y-data-publikacja"),
    "site_updated": ("site", "updated", "date", "a11y-data-aktualizacja"),
    "statement_prepared": ("accessibility", "statement_prepared", "date", "a11y-data-sporzadzenie"),
}


def init_app(app: Flask) -> Registry:
    reg = app.extensions.setdefault("placeholders", Registry())
    _register_law(reg)
    _register_facility(reg)
    _register_every_facility(reg)
    _register_places(reg)
    for name, args in PUBLISHER.items():
        reg.register(name)(lambda ctx, a=args: _publisher(a[0], a[1], ctx, *a[2:]))
    reg.register("publisher_address")(_publisher_address)
    return reg
