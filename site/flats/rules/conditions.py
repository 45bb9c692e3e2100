"""Every condition a facility's rules.yaml may list, as one table.

A facility lists the conditions that apply to it, in order. The engine checks
each; one that is not met adds its reason code and, if it is the first,
decides the status. The codes are named for the rule, never for a town.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .model import Group


@dataclass(frozen=True)
class Condition:
    code: str  # as written in rules.yaml
    reason: str  # the reason code given when the condition is not met
    status: str  # the status it sets then
    met: Callable[["object", tuple[Group, ...]], bool]  # (answers, fitting groups) -> met?
    needs: tuple[str, ...]  # the answers it reads: it can be checked once these are given


def _alone_where_required(answers, fitting: tuple[Group, ...]) -> bool:
    """Met unless every group that fits is for people living alone and the person lives with family."""
    return not (fitting and all(g.living_alone_only for g in fitting) and answers.household == "family")


def _older_where_required(answers, fitting: tuple[Group, ...]) -> bool:
    """Met unless every group that fits is for older people and the person did not say their age is why."""
    return not (fitting and all(g.older_people_only for g in fitting) and "older_age" not in answers.situations)


CONDITIONS: dict[str, Condition] = {c.code: c for c in (
    Condition("adult", "not_adult", "unlikely", lambda a, g: a.adult, ("adult",)),
    Condition("no_round_the_clock_care", "needs_round_the_clock_care", "unlikely",
              lambda a, g: not a.round_the_clock_care, ("round_the_clock_care",)),
    Condition("some_situation", "no_support_need", "unlikely", lambda a, g: bool(a.situations), ("situations",)),
    # With no situation at all, some_situation has already said so.
    Condition("fitting_group", "no_group_fits", "unlikely", lambda a, g: not a.situations or bool(g),
              ("situations",)),
    Condition("resident", "not_resident", "possible", lambda a, g: a.resident, ("resident",)),
    Condition("living_alone_where_required", "group_for_people_living_alone", "possible", _alone_where_required,
              ("situations", "household")),
    # A younger person with a disability or illness may ask; the centre decides (self-check.md rule 7).
    Condition("older_age_where_required", "group_for_older_people", "possible", _older_where_required,
              ("situations",)),
)}
