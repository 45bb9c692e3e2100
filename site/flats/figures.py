"""Content placeholders whose values come from dated rules or site.yaml.

Each is computed for the day the page is served (or frozen), so no amount
that changes with the law is ever typed into content as "current".
"""
from __future__ import annotations

from flask import render_template
from flask_babel import format_date, gettext as _
from markupsafe import Markup, escape

from .i18n import url
from .money import format_money
from .tokens import register


def _rules(ctx):
    return ctx["app"].extensions["rules"]


def _criterion(ctx):
    return _rules(ctx).criterion_on(ctx["on"])


def _text(value) -> Markup:
    return Markup(escape(value))


def _time(day) -> Markup:
    """A date in the page's language, machine-readable too."""
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), format_date(day, "long"))


@register("criterion_single")
def criterion_single(ctx):
    return _text(format_money(_criterion(ctx).single))


@register("criterion_family")
def criterion_family(ctx):
    return _text(format_money(_criterion(ctx).family))


@register("criterion_since")
def criterion_since(ctx):
    return _time(_criterion(ctx).since)


@register("criterion_source")
def criterion_source(ctx):
    return Markup(f'<span lang="pl">{escape(_criterion(ctx).source)}</span>')


@register("chelm_cost")
def chelm_cost(ctx):
    return _text(format_money(_rules(ctx).monthly_cost_on(ctx["on"])))


@register("today")
def today(ctx):
    return _time(ctx["on"])


@register("rules_reviewed")
def rules_reviewed(ctx):
    """When a person last checked content/rules/ against the law (about.yaml)."""
    return _time(_rules(ctx).reviewed)


@register("criteria_history")
def criteria_history(ctx):
    return Markup(render_template("figures/criteria_history.html", criteria=_rules(ctx).criteria, on=ctx["on"]))


@register("chelm_fee_table")
def chelm_fee_table(ctx):
    from .rules import fee_table
    rules = _rules(ctx)
    return Markup(render_template("figures/chelm_fee_table.html", rows=fee_table(rules, ctx["on"]),
                                  criterion=rules.criterion_on(ctx["on"]), cost=rules.monthly_cost_on(ctx["on"])))


def _publisher(section: str, key: str, ctx, kind: str = "text") -> Markup:
    value = ctx["app"].extensions["site"][section][key]
    if not value:
        contact = url("pages.page", slug="kontakt")
        if contact == "./":  # on the contact page itself: the numbers are right here
            return Markup('<span class="missing">{}</span>').format(_("not published yet; please ask the centre by phone"))
        return Markup('<span class="missing">{} <a href="{}">{}</a></span>').format(
            _("not published yet; please ask the centre —"), contact, _("see Contact"))
    if kind == "email":
        return Markup('<a href="mailto:{0}">{0}</a>').format(value)
    if kind == "url":
        return Markup('<a href="{0}">{0}</a>').format(value)
    if kind == "tel":
        return Markup('<a href="tel:{0}">{1}</a>').format(value.replace(" ", ""), value)
    if kind == "date":
        return _time(value)
    return _text(value)


for _name, _args in {
    "publisher_name": ("publisher", "name"),
    "publisher_email": ("publisher", "email", "email"),
    "publisher_phone": ("publisher", "phone", "tel"),
    "publisher_bip": ("publisher", "bip_url", "url"),
    "dpo_email": ("data_protection_officer", "email", "email"),
    "site_url": ("site", "url", "url"),
    "site_published": ("site", "published", "date"),
    "site_updated": ("site", "updated", "date"),
    "statement_prepared": ("accessibility", "statement_prepared", "date"),
}.items():
    register(_name)(lambda ctx, a=_args: _publisher(a[0], a[1], ctx, *a[2:]))


@register("criterion_single_whole")
def criterion_single_whole(ctx):
    """The criterion for a person living alone in whole złoty (`1010 zł`), for the easy-to-read page."""
    amount = _criterion(ctx).single
    if amount != amount.to_integral_value():  # never round a limit: show the grosze if there are any
        return criterion_single(ctx)
    return _text(f"{int(amount)}\u00a0zł")
