"""The self-check stops asking as soon as the answers so far make a place unlikely."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import product

import pytest

from flats.rules import Answers, assess, decide_early
from flats.vocabulary import SITUATIONS

ON = date(2026, 3, 1)


@pytest.mark.parametrize("facility, given, reasons", [
    ("mielec", {"adult": False}, ("not_adult",)),
    ("chelm", {"adult": True, "round_the_clock_care": True}, ("needs_round_the_clock_care",)),
    ("chelm", {"adult": True, "round_the_clock_care": False, "situations": frozenset()}, ("no_support_need",)),
    ("chelm", {"adult": True, "round_the_clock_care": False, "situations": frozenset({"other_difficulty"})},
     ("no_group_fits",)),
    ("mielec", {"adult": True, "round_the_clock_care": False, "situations": frozenset({"other_difficulty"})}, None),
    ("chelm", {"adult": True}, None),
    ("chelm", {"adult": True, "round_the_clock_care": False, "situations": frozenset({"illness"}),
               "resident": False, "household": "family"}, None),
])
def test_answers_so_far_decide_unlikely_or_leave_it_open(rules, facility, given, reasons):
    assert decide_early(rules.facility(facility), given) == reasons


@pytest.mark.parametrize("facility", ["mielec", "chelm"])
def test_with_every_answer_given_it_agrees_with_the_full_assessment(rules, facility):
    for adult, care, resident, household, *bits in product((True, False), repeat=4 + len(SITUATIONS)):
        situations = frozenset(s for s, on in zip(SITUATIONS, bits) if on)
        household = "single" if household else "family"
        answers = Answers(facility, adult, resident, care, situations, household,
                          2 if household == "family" else None, Decimal("100"))
        outcome = assess(answers, rules, ON)
        given = {"adult": adult, "round_the_clock_care": care, "situations": situations, "resident": resident,
                 "household": household}
        early = decide_early(rules.facility(facility), given)
        assert early == (outcome.reasons if outcome.status == "unlikely" else None), given
