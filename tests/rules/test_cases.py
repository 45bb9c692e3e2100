"""Run every case table in cases/*.yaml through the engine."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from flats.rules import assess
from flats.rules.yamlfile import load_yaml

from ..helpers import make_answers

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))
OUTCOME_KEYS = {"status", "reasons", "documents", "stay"}
FEE_MONEY = {"amount", "income_per_person", "criterion", "percent_of_criterion", "monthly_cost"}


def _load():
    for path in CASES:
        for case in load_yaml(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


ALL = list(_load())


def test_case_tables_are_well_formed():
    names = [p.values[0]["name"] for p in ALL]
    assert len(names) == len(set(names)), "two cases share a name; make every name a distinct sentence"
    for param in ALL:
        case = param.values[0]
        extra = set(case) - {"name", "on", "answers", "fee"} - OUTCOME_KEYS
        assert not extra, f"{case['name']}: unknown keys {extra}; fix the case table"
        assert "fee" in case or OUTCOME_KEYS & set(case), f"{case['name']}: expects nothing; add status or fee"


@pytest.mark.parametrize("case", ALL)
def test_case(case, rules):
    outcome = assess(make_answers(case["answers"]), rules, case["on"])
    assert outcome.rules_date == case["on"]
    assert outcome.facility == case["answers"]["facility"]
    for key in OUTCOME_KEYS & set(case):
        got = getattr(outcome, key)
        want = tuple(case[key]) if isinstance(case[key], list) else case[key]
        assert got == want, f"{key}: got {got!r}, the case table expects {want!r}"
    for key, want in case.get("fee", {}).items():
        if key in FEE_MONEY and want is not None:
            want = Decimal(want)
        got = getattr(outcome.fee, key)
        assert got == want and type(got) is type(want), f"fee.{key}: got {got!r}, expected {want!r}"
