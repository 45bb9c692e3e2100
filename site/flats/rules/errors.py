"""The two ways the rules can refuse: bad data, or a date they do not cover."""

from __future__ import annotations

from datetime import date


class RulesError(ValueError):
    """The rules data (content/rules/, content/facilities/*/) is wrong. Lists every problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"- {p}" for p in self.problems)
        super().__init__(f"the data in the content folder has {len(self.problems)} problem(s):\n{lines}")


class NoRulesForDate(LookupError):
    """No rule was in force on the date asked for; never fall back silently."""

    def __init__(self, on: date, what: str, first: date | None) -> None:
        self.on, self.what, self.first = on, what, first
        since = f"; the first one applies from {first.isoformat()}" if first else ""
        super().__init__(f"no rules for that date: no {what} on {on.isoformat()}{since}")
