"""Helpers shared by test modules (test modules never import each other)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from flats.rules import Answers

ROOT = Path(__file__).resolve().parents[1]
CONTENT_DIR = ROOT / "content"
ROUTES = [line for line in (Path(__file__).with_name("routes.txt")).read_text().split() if line]

AXE = Axe()


def violations(page) -> list[str]:
    """What axe-core (WCAG 2.1 A/AA and best practice) finds on the page in Chromium."""
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}×: {v['nodes'][0]['target']})"
            for v in results.response["violations"]]


# What a case table's answers default to when it leaves them out.
DEFAULTS = {
    "adult": "yes",
    "resident": "yes",
    "round_the_clock_care": "no",
    "situations": ["older_age"],
    "household": "single",
    "household_size": None,
    "income": "0.00",
}


def make_answers(given: dict) -> Answers:
    """Answers in the contract's vocabulary (yes/no, lists, money as text) -> Answers."""
    values = {**DEFAULTS, **given}
    yes = {"yes": True, "no": False}
    return Answers(
        facility=values["facility"],
        adult=yes[values["adult"]],
        resident=yes[values["resident"]],
        round_the_clock_care=yes[values["round_the_clock_care"]],
        situations=frozenset(values["situations"]),
        household=values["household"],
        household_size=values["household_size"],
        income=Decimal(values["income"]),
    )


# Three ways through the self-check form, as the boxes to tick and what to type.
LIKELY = {"check": ["#adult-yes", "#resident-yes", "#round_the_clock_care-no", "#situations-older_age",
                    "#household-single"], "income": "1400"}
POSSIBLE = {"check": ["#adult-yes", "#resident-no", "#round_the_clock_care-no", "#situations-disability",
                      "#household-family"], "size": "3", "income": "5000"}
UNLIKELY = {"check": ["#adult-no", "#resident-yes", "#round_the_clock_care-yes", "#household-single"],
            "income": "0"}
