""""Your answers": each question asked, the answer given, and a way to change it."""
from __future__ import annotations

from dataclasses import dataclass

from ..money import format_money
from ..i18n import gettext as _
from . import steps
from .forms import HOUSEHOLD_LABELS, SITUATION_LABELS, YES_NO_LABELS


@dataclass(frozen=True)
class Row:
    name: str
    question: str
    answer: str


def answer_text(name: str, value) -> str:
    """An answer as the person chose it, in the current language."""
    if name == "situations":
        return "; ".join(str(SITUATION_LABELS[s]) for s in SITUATION_LABELS if s in value) or _("None of these")
    if name == "household":
        return str(HOUSEHOLD_LABELS[value])
    if name == "income":
        return format_money(value)
    if isinstance(value, bool):
        return str(YES_NO_LABELS["yes" if value else "no"])
    return str(value)


def rows(form, given: dict) -> list[Row]:
    return [Row(name, str(form[name].label.text), answer_text(name, given[name]))
            for name in steps.order(given) if name in given]

