"""The self-check's questions (shape of answers only; the engine judges)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import AnyOf, InputRequired, Optional, StopValidation, ValidationError

from ..money import parse_income
from ..rules import Answers

YES_NO = [SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))]
SITUATIONS = [
    SelectChoice("older_age", _l("My age: I am older and need help in everyday life")),
    SelectChoice("disability", _l("A disability")),
    SelectChoice("illness", _l("An illness")),
    SelectChoice("leaving_care", _l("I am leaving a care home, a foster family or a youth educational centre")),
    SelectChoice("other_difficulty", _l("Another difficult situation in life")),
]
SIZE_MESSAGE = _l("Enter how many people live in your household as a whole number from 2 to 20, for example 3")
INCOME_MESSAGE = _l("Enter your household's net monthly income as an amount, for example 1 234,56 zł")
SITUATIONS_MESSAGE = _l("Select the situations from the list")
LABELS = {c.value: c.label for c in SITUATIONS}
HOUSEHOLDS = [SelectChoice("single", _l("I live alone")), SelectChoice("family", _l("I live with my family"))]
RESIDENT = {"mielec": _l("Do you live in Mielec?"), "chelm": _l("Do you live in Chełm?")}
RESIDENT_ERROR = {"mielec": _l("Select whether you live in Mielec"), "chelm": _l("Select whether you live in Chełm")}
RESIDENT_HINT = _l("This means your home address is in the city now.")


def _radio(label, choices, message, description=""):
    return RadioField(label, choices=choices, description=description, validate_choice=False,
                      validators=[InputRequired(message), AnyOf([c.value for c in choices], message=message)])


class CheckForm(FlaskForm):
    class Meta:
        csrf = False  # changes nothing on the server; see README

    adult = _radio(_l("Are you 18 or older?"), YES_NO, _l("Select whether you are 18 or older"))
    round_the_clock_care = _radio(
        _l("Do you need care around the clock, 24 hours a day?"), YES_NO,
        _l("Select whether you need care around the clock"),
        _l("For example, someone must be with you at night as well as during the day."))
    situations = SelectMultipleField(
        _l("Why do you need support in everyday life?"), choices=SITUATIONS, validate_choice=False,
        description=_l("Select all that apply. If none does, leave them all empty."), validators=[Optional()])
    household = _radio(_l("Do you live alone or with your family?"), HOUSEHOLDS,
                       _l("Select whether you live alone or with your family"))
    household_size = StringField(
        _l("How many people live in your household, including you?"),
        description=_l("Only if you live with your family. Write a whole number, for example 3."))
    income = StringField(
        _l("What is the total net income of your household in a month?"),
        description=_l("Net means after tax and insurance. Add up everyone in your household. "
                       "For example 1 234,56 zł."))

    def validate_situations(self, field):
        if any(v not in LABELS for v in field.data or []):
            raise ValidationError(SITUATIONS_MESSAGE)

    def validate_household_size(self, field):
        if self.household.data != "family":
            raise StopValidation()
        text = (field.data or "").strip()
        if not text.isascii() or not text.isdigit() or not 2 <= int(text) <= 20:
            raise ValidationError(SIZE_MESSAGE)
        self.parsed_size = int(text)

    def validate_income(self, field):
        try:
            self.parsed_income = parse_income(field.data or "")
        except ValueError:
            raise ValidationError(INCOME_MESSAGE) from None

    def answers(self, facility: str) -> Answers:
        return Answers(
            facility=facility, adult=self.adult.data == "yes", resident=self.resident.data == "yes",
            round_the_clock_care=self.round_the_clock_care.data == "yes",
            situations=frozenset(self.situations.data or ()), household=self.household.data,
            household_size=self.parsed_size if self.household.data == "family" else None,
            income=self.parsed_income)


def _form_for(facility: str) -> type[CheckForm]:
    """The form with the residence question naming the facility's city."""
    fields = {"resident": _radio(RESIDENT[facility], YES_NO, RESIDENT_ERROR[facility], RESIDENT_HINT)}
    return type(f"{facility.title()}Form", (CheckForm,), fields)


FORMS = {facility: _form_for(facility) for facility in RESIDENT}
ORDER = ("adult", "resident", "round_the_clock_care", "situations", "household", "household_size", "income")
