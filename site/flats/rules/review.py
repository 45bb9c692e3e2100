"""When the rules data needs a person to check it against the law.

The Council of Ministers reviews the income criterion every
`review_every_years` years (art. 9 ust. 1 ustawy o pomocy społecznej),
counted from the date the criterion in force took effect. Once that date has
come and the data still holds no later criterion, the amounts may be stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Rules


@dataclass(frozen=True)
class Review:
    reviewed: date  # when a person last checked content/rules/ (about.yaml)
    criterion_since: date  # the criterion in force on the day asked about applies since
    due: date  # its statutory review: a new criterion may apply from this day
    every_years: int
    newer_known: bool  # the data already holds a later criterion (the review was done)

    def overdue_on(self, on: date) -> bool:
        """True from the review date on, unless a later criterion is already in the data."""
        return on >= self.due and not self.newer_known


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def review_dates(rules: Rules, on: date) -> Review:
    """The review dates that apply on `on` (raises NoRulesForDate before the first criterion)."""
    since = rules.criterion_on(on).since
    return Review(reviewed=rules.reviewed, criterion_since=since,
                  due=add_years(since, rules.review_every_years), every_years=rules.review_every_years,
                  newer_known=rules.criteria[-1].since > since)
