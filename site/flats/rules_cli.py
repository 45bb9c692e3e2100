"""`flask rules show --on DATE` and `flask rules check`: the dated rules, for the people who keep them.

Both read the rules afresh from CONTENT_DIR (content/rules/ and
content/facilities/*/rules.yaml), and both say when the statutory review
date of the income criterion has passed (the data needs checking).
`flask rules check --publish` is the launch check: it also fails while a
publisher detail the law requires of a public body's site, or the site's own
address or publication day (the accessibility statement gives both), is empty
in content/site.yaml (run it before the site goes public).
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import click
from flask import Flask, current_app, has_app_context
from flask.cli import ScriptInfo

from . import publisher
from .config import Config
from .content import ContentError
from .money import format_money
from .rules import NoRulesForDate, Rules, RulesError, fee_table, load_rules, review_dates
from .rules.yamlfile import load_yaml
from .today import today

GUIDE = "content/README.md"


def show_lines(rules: Rules, on: date) -> list[str]:
    """The criterion, costs, brackets and amounts in force on `on`, as text lines."""
    criterion = rules.criterion_on(on)
    lines = [f"Rules in force on {on.isoformat()} (last reviewed {rules.reviewed.isoformat()})", "",
             f"Income criterion since {criterion.since.isoformat()} ({criterion.source}):",
             f"  person living alone:    {format_money(criterion.single)}",
             f"  per person in a family: {format_money(criterion.family)}"]
    without = []
    for code, facility in rules.facilities.items():
        try:
            facility.check_date(on)
        except NoRulesForDate:
            without.append(f"{code} (its rules apply from {rules.first_day(code).isoformat()})")
            continue
        lines += ["", f"{code}:"] + _facility_lines(rules, on, code, facility)
    if without:
        lines += ["", f"No rules on {on.isoformat()} for: {', '.join(without)}."]
    return lines


def _facility_lines(rules: Rules, on: date, code: str, facility) -> list[str]:
    lines = [f"  conditions: {', '.join(c.code for c in facility.conditions)}"]
    for group in facility.groups:
        alone = ", for people living alone" if group.living_alone_only else ""
        lines.append(f"  group {group.code}: {group.places} places, for {', '.join(sorted(group.situations))}{alone}")
    if facility.monthly_costs:
        cost = facility.monthly_cost_on(on)
        lines.append(f"  monthly cost of a place: {format_money(cost.amount)} since {cost.since.isoformat()} ({cost.source})")
    table = facility.fee_table_on(on)
    if table is None:
        return lines + ["  no fee table: above the criterion the centre sets the fee by decision"]
    lines.append(f"  fee table since {table.since.isoformat()}, for households: {table.covers} ({table.source})")
    for row in fee_table(rules, on, code):
        lines.append("    " + _row(row))
    return lines


def _row(row) -> str:
    start = format_money(row.income_from)
    if row.income_to is None:
        income, share = f"from {start}", f"over {row.lower_percent} %"
    else:
        income = f"{start} – {format_money(row.income_to)}"
        share = f"up to {row.upper_percent} %" if row.lower_percent is None else \
            f"over {row.lower_percent} % up to {row.upper_percent} %"
    fee = "free" if row.kind == "free" else f"{row.percent_of_cost} % of the cost = {format_money(row.amount)}"
    return f"income {income} ({share} of the criterion): {fee}"


def review_lines(rules: Rules, on: date) -> list[str]:
    """When the criterion is reviewed next; a NEEDS CHECKING line once that date has come."""
    dates = review_dates(rules, on)
    lines = [f"Next statutory review of the criterion: {dates.due.isoformat()} "
             f"(every {dates.every_years} years from {dates.criterion_since.isoformat()})"
             + ("; a later criterion is already in the data" if dates.newer_known else "")]
    if dates.overdue_on(on):
        lines.append(f"NEEDS CHECKING: the review date {dates.due.isoformat()} has passed, but the newest criterion "
                     f"is from {dates.criterion_since.isoformat()}. Check the current regulation and add the new "
                     f"criterion to content/rules/criterion.yaml (see {GUIDE}).")
    return lines


def problems_in(folder: Path, on: date) -> tuple[Rules | None, list[str]]:
    """Every problem in the rules data: what loading finds, then gaps on `on`."""
    try:
        rules = load_rules(folder)
    except RulesError as exc:
        return None, list(exc.problems)
    problems = []
    if rules.reviewed > on:
        problems.append(f"about.yaml: reviewed {rules.reviewed.isoformat()} is after today ({on.isoformat()}). "
                        "Fix: write the day the rules were actually checked.")
    checks = [lambda: rules.criterion_on(on)] + [lambda f=f: f.check_date(on) for f in rules.facilities.values()]
    for check in checks:
        try:
            check()
        except NoRulesForDate as exc:
            problems.append(f"{exc}. Fix: add an entry in force on {on.isoformat()}.")
    return rules, problems


@click.group("rules")
def rules_group():
    """The dated rules (criterion, facilities' conditions, costs, fee tables)."""


@rules_group.command("show")
@click.option("--on", "on", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The day whose rules to show, as YYYY-MM-DD (default: today).")
def show(on):
    """Print the criteria, brackets and amounts in force on a day."""
    day = on.date() if on else _today()
    rules = _load_or_exit()
    try:
        lines = show_lines(rules, day) + [""] + review_lines(rules, day)
    except NoRulesForDate as exc:
        raise click.ClickException(str(exc)) from None
    click.echo("\n".join(lines))


@rules_group.command("check")
@click.option("--strict", is_flag=True, help="Also fail (exit 1) when the review date has passed.")
@click.option("--publish", is_flag=True,
              help="The launch check: also fail (exit 1) while a publisher detail the law requires "
                   "(name, address, e-mail or phone, BIP address) or the site's own address or publication day is empty "
                   "in content/site.yaml.")
def check(strict, publish):
    """List every problem in the rules data (exit 1 if there is any)."""
    day = _today()
    rules, problems = problems_in(_folder(), day)
    notes = _notes(rules, day)
    if strict:
        problems += [note for note in notes if note.startswith("NEEDS CHECKING")]
    if publish:
        problems += launch_problems(_folder() / "site.yaml")
    if problems:
        click.echo(f"{len(problems)} problem(s):", err=True)
        for problem in problems:
            click.echo(f"  {problem}", err=True)
    else:
        click.echo("rules: no problems")
    click.echo("\n".join(notes + _publisher_warnings()))
    raise SystemExit(1 if problems else 0)


def init_app(app: Flask) -> None:
    """Also an entry point (pyproject: flask.commands), so it runs without building the app."""
    app.cli.add_command(rules_group)


def _notes(rules: Rules | None, on: date) -> list[str]:
    try:
        return review_lines(rules, on) if rules else []
    except NoRulesForDate:  # already a problem
        return []


# What a public body's site must name before it goes public (facts.md §5: contact data
# and the link to the operator's BIP always available; the accessibility statement
# names the publisher, an e-mail or a phone, links the site's address (a11y-url) and
# gives the day it was published (a11y-data-publikacja)): (keys in content/site.yaml,
# all in one section, any one of which will do; what it is).
LAUNCH_REQUIRED = (
    (("publisher.name",), "the name of the body that publishes this site"),
    (("publisher.address",), "the publisher's postal address"),
    (("publisher.email", "publisher.phone"), "the publisher's e-mail address or phone number"),
    (("publisher.bip_url",), "the address of the publisher's Public Information Bulletin (BIP)"),
    (("site.url",), "the site's own public address, which the accessibility statement links"),
    (("site.published",), "the day the site goes public, which the accessibility statement gives"),
)


def launch_problems(path: Path) -> list[str]:
    """One line per legally required publisher detail still empty in site.yaml (the launch check)."""
    try:
        publisher.load(path)  # the file's own problems (a value that is not a web address …)
        raw = load_yaml(path.read_text(encoding="utf-8")) or {}
    except ContentError as exc:
        return [f"publish: {problem}" for problem in exc.problems]
    problems = []
    for keys, what in LAUNCH_REQUIRED:
        part = keys[0].split(".")[0]
        section = raw.get(part) if isinstance(raw.get(part), dict) else {}
        names = [key.split(".")[1] for key in keys]
        if any(str(section.get(name) or "").strip() for name in names):
            continue
        absent = [name for name in names if name not in section]
        fix = (f"add {' or '.join(f'`{name}:`' for name in absent)} under `{part}:` with the confirmed value"
               if absent == names else "write the confirmed value there")
        problems.append(f"publish: {path}: {' or '.join(keys)} is empty: {what} must be published before "
                        f"the site goes public. Fix: {fix}.")
    return problems


def _publisher_warnings() -> list[str]:
    """Publisher details still empty in site.yaml (warnings: the site runs without them)."""
    path = _folder() / "site.yaml"
    try:
        return publisher.warnings(path, publisher.load(path))
    except ContentError as exc:
        return [f"warning: {problem}" for problem in exc.problems]


def _app() -> Flask | None:
    """The app if it can be built; None when the data stops it (check must still report)."""
    if has_app_context():
        return current_app
    info = click.get_current_context().find_object(ScriptInfo)
    try:
        return info.load_app() if info else None
    except Exception:  # noqa: BLE001 - the rules are then read and reported directly
        return None


def _folder() -> Path:
    app = _app()
    return Path(app.config["CONTENT_DIR"] if app else os.environ.get("FLATS_CONTENT_DIR", Config.CONTENT_DIR))


def _today() -> date:
    app = _app()
    if app is None:
        return today()
    with app.app_context():
        return today()


def _load_or_exit() -> Rules:
    try:
        return load_rules(_folder())
    except RulesError as exc:
        raise click.ClickException(str(exc)) from None
