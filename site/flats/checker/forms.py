"""The self-check's questions (shape of answers only; the engine judges).

Answer names, values and bounds come from flats.vocabulary; what names a
facility (its town) from its data. A form is built per request for one facility.
"""
from __future__ import annotations

from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import AnyOf, InputRequired, Optional, StopValidation, ValidationError

from .. import vocabulary as vocab
from ..money import parse_income
from ..rules import Answers

YES_NO_LABELS = {"yes": _l("Yes"), "no": _l("No")}
SITUATION_LABELS = {
    "older_age": _l("My age: I am older and need help in everyday life"),
    "disability": _l("A disability"),
    "illness": _l("An illness"),
    "leaving_care": _l("I am leaving a care home, a foster family or a youth educational centre"),
    "other_difficulty": _l("Another difficult situation in life"),
}
HOUSEHOLD_LABELS = {"single": _l("I live alone"), "family": _l("I live with my family")}
INCOME_MESSAGE = _l("Enter your household's net monthly income as an amount, for example 1 234,56 zł")
SITUATIONS_MESSAGE = _l("Select the situations from the list")
RESIDENT_HINT = _l("This means your home address is in the town now.")


def _choices(values, labels) -> list[SelectChoice]:
    if set(values) != set(labels):  # the vocabulary and the labels must name the same answers
        raise RuntimeError(f"labels {sorted(labels)} do not match the vocabulary {sorted(values)}")
    return [SelectChoice(v, labels[v]) for v in values]


def size_message() -> str:
    return _("Enter how many people live in your household as a whole number from %(min)s to %(max)s, "
             "for example 3", min=vocab.HOUSEHOLD_SIZE_MIN, max=vocab.HOUSEHOLD_SIZE_MAX)


def _radio(label, values, labels, message, description=""):
    choices = _choices(values, labels)
    return RadioField(label, choices=choices, description=description, validate_choice=False,
                      validators=[InputRequired(message), AnyOf(list(values), message=message)])


class CheckForm(FlaskForm):
    class Meta:
        csrf = False  # changes nothing on the server; see README

    adult = _radio(_l("Are you 18 or older?"), vocab.YES_NO, YES_NO_LABELS, _l("Select whether you are 18 or older"))
    round_the_clock_care = _radio(
        _l("Do you need care around the clock, 24 hours a day?"), vocab.YES_NO, YES_NO_LABELS,
        _l("Select whether you need care around the clock"),
        _l("For example, someone must be with you at night as well as during the day."))
    situations = SelectMultipleField(
        _l("Why do you need support in everyday life?"), choices=_choices(vocab.SITUATIONS, SITUATION_LABELS),
        validate_choice=False, description=_l("Select all that apply. If none does, leave them all empty."),
        validators=[Optional()])
    household = _radio(_l("Do you live alone or with your family?"), vocab.HOUSEHOLDS, HOUSEHOLD_LABELS,
                       _l("Select whether you live alone or with your family"))
    household_size = StringField(
        _l("How many people live in your household, including you?"),
        description=_l("Only if you live with your family. Write a whole number, for example 3."))
    income = StringField(
        _l("What is the total net income of your household in a month?"),
        description=_l("Net means after tax and insurance. Add up everyone in your household. "
                       "For example 1 234,56 zł."))

    def validate_situations(self, field):
        if any(v not in vocab.SITUATIONS for v in field.data or []):
            raise ValidationError(SITUATIONS_MESSAGE)

    def validate_household_size(self, field):
        if self.household.data != "family":
            raise StopValidation()
        text = (field.data or "").strip()
        if not (text.isascii() and text.isdigit() and len(text) <= 3
                and vocab.HOUSEHOLD_SIZE_MIN <= int(text) <= vocab.HOUSEHOLD_SIZE_MAX):
            raise ValidationError(size_message())
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


def form_class(centre, lang: str) -> type[CheckForm]:
    """The form with the residence question naming the facility's town."""
    in_town = centre.in_town[lang]
    fields = {"resident": _radio(_("Do you live %(in_town)s?", in_town=in_town), vocab.YES_NO, YES_NO_LABELS,
                                 _("Select whether you live %(in_town)s", in_town=in_town), RESIDENT_HINT)}
    return type("CheckFormFor" + centre.code.title().replace("-", ""), (CheckForm,), fields)


def fields_in_order(form) -> list:
    return [form[name] for name in vocab.QUESTIONS]
