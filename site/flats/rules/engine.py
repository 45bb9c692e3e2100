"""The self-check: answers in, outcome out. Pure: the date is always passed in.

Eligibility follows shared/design/self-check.md rule by rule. The status is
the one of the first rule that matches (`likely` if none does); `reasons`
holds the code of every rule that matched, in the contract's order, plus the
positive code that says which support the person fits.

Reason codes (source of each: `reason_sources` in content/rules/<facility>.yaml)
- `not_adult` – answered not 18 or older → unlikely. Art. 53 (adults only).
- `needs_round_the_clock_care` – needs 24-hour care → unlikely. Art. 53.
- `no_support_need` – no situation chosen → unlikely. Art. 53 (support because
  of a difficult situation, age, disability or illness).
- `mielec_support_need` – Mielec: some situation chosen; the flats are for such
  adults (seed 000, art. 53). Positive, no status of its own.
- `no_chelm_group` – Chełm: only `other_difficulty`; neither group fits →
  unlikely. Uchwała Nr XIV/114/07 (seed 001).
- `group_older_or_disabled` – Chełm: older age, disability or illness → the 25
  places. `group_leaving_care` – Chełm: leaving care → the 5 places. Positive.
- `not_resident` – does not live in the city → possible (apply through your
  own local centre). Art. 101 ust. 1.
- `chelm_group_for_single_people` – Chełm: only the 25-place group fits and the
  person lives with family → possible (those places are for people living
  alone: "samotnych", seed 001).

Documents and stay: Mielec has one list and one stay (`mielec_fixed_term`).
In Chełm one fitting group gives that group's documents and stay. When no
group or both groups fit, the centre decides the group: the page lists what
both groups ask for (no group: the common documents; both: every document of
both groups, so nothing is missing) and the stay `chelm_depends_on_group`.
We do not put someone who fits both groups into the leaving-care group: the
seed gives no rule for that and the centre decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .codes import FACILITIES, HOUSEHOLDS, SITUATIONS
from .fees import Fee, compute_fee
from .model import Facility, Group, Rules


@dataclass(frozen=True)
class Answers:
    """One set of answers, already checked for shape by the form or the API."""

    facility: str
    adult: bool
    resident: bool
    round_the_clock_care: bool
    situations: frozenset[str]
    household: str
    household_size: int | None
    income: Decimal

    def __post_init__(self) -> None:
        assert self.facility in FACILITIES, self.facility
        assert all(type(v) is bool for v in (self.adult, self.resident, self.round_the_clock_care))
        assert isinstance(self.situations, frozenset) and self.situations <= set(SITUATIONS), self.situations
        assert self.household in HOUSEHOLDS, self.household
        if self.household == "family":
            assert type(self.household_size) is int and self.household_size >= 2, self.household_size
        else:
            assert self.household_size in (None, 1), self.household_size
        assert isinstance(self.income, Decimal) and self.income >= 0, self.income

    @property
    def people(self) -> int:
        return self.household_size if self.household == "family" else 1


@dataclass(frozen=True)
class Outcome:
    facility: str
    status: str  # likely · possible · unlikely
    reasons: tuple[str, ...]
    fee: Fee
    documents: tuple[str, ...]
    stay: str
    rules_date: date


def assess(answers: Answers, rules: Rules, on: date) -> Outcome:
    """Apply the rules in force on `on`; raise NoRulesForDate if there are none."""
    facility = rules.facility(answers.facility)
    rules.criterion_on(on)
    facility.check_date(on)
    groups = tuple(g for g in facility.groups if g.situations & answers.situations)
    checks = _common(answers) + (_chelm(answers, groups) if facility.groups else _mielec(answers))
    matched = [(code, status) for code, hit, status in checks if hit]
    status = next((s for _, s in matched if s is not None), "likely")
    documents, stay = _documents_and_stay(facility, groups)
    fee = compute_fee(rules, on, facility, answers.household, answers.people, answers.income)
    return Outcome(
        facility=facility.code,
        status=status,
        reasons=tuple(code for code, _ in matched),
        fee=fee,
        documents=documents,
        stay=stay,
        rules_date=on,
    )


Check = tuple[str, bool, "str | None"]  # reason code, matched, status it sets


def _common(a: Answers) -> tuple[Check, ...]:
    return (
        ("not_adult", not a.adult, "unlikely"),
        ("needs_round_the_clock_care", a.round_the_clock_care, "unlikely"),
        ("no_support_need", not a.situations, "unlikely"),
    )


def _mielec(a: Answers) -> tuple[Check, ...]:
    return (
        ("mielec_support_need", bool(a.situations), None),
        ("not_resident", not a.resident, "possible"),
    )


def _chelm(a: Answers, groups: tuple[Group, ...]) -> tuple[Check, ...]:
    alone_only = bool(groups) and all(g.living_alone_only for g in groups)
    return (
        ("no_chelm_group", bool(a.situations) and not groups, "unlikely"),
        *((f"group_{g.code}", True, None) for g in groups),
        ("not_resident", not a.resident, "possible"),
        ("chelm_group_for_single_people", alone_only and a.household == "family", "possible"),
    )


def _documents_and_stay(facility: Facility, groups: tuple[Group, ...]) -> tuple[tuple[str, ...], str]:
    if len(groups) == 1:
        return groups[0].documents, groups[0].stay
    if not groups:
        return facility.documents, facility.stay
    documents = tuple(dict.fromkeys(code for g in groups for code in g.documents))
    return documents, facility.stay
