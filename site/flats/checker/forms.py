"""The self-check's questions (shape of answers only; the engine judges).

One field per question, in flats.vocabulary's order. Each step checks only its
own question; `given()` reads every answer given so far that is valid, as
engine values. What names a facility (its town) comes from its data.
"""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import StopValidation, ValidationError

from .. import vocabulary as vocab
from ..money import IncomeError, format_money, parse_income
from ..translate import gettext as _, lazy as _l

NONE = "none"  # "None of these" on the situations question
LONGEST = 64  # characters: a longer text is no answer, and is never converted
YES_NO_LABELS = {"yes": _l("Yes"), "no": _l("No")}
SITUATION_LABELS = {
    "older_age": _l("My age: I am older and need help in everyday life"),
    "disability": _l("A disability"),
    "illness": _l("An illness"),
    "leaving_care": _l("I am leaving a care home, a foster family or a youth educational centre"),
    "other_difficulty": _l("Another difficult situation in life"),
}
HOUSEHOLD_LABELS = {"single": _l("I live alone, or I will live alone"), "family": _l("I live with my family")}
REQUIRED = {
    "adult": _l("Select whether you are 18 or older"),
    "round_the_clock_care": _l("Select whether you need care around the clock"),
    "situations": _l("Select the situations that apply to you, or “None of these”"),
    "household": _l("Select whether you live alone or with your family"),
    "income": _l("Enter your household's net income in a month in złoty, for example 1650, or 1650,50 for 1650 "
                 "złoty and 50 grosze (the cents of a złoty)"),
}
NONE_ALONE = _l("Select “None of these” only if none of the other answers applies")
INCOME_MESSAGES = {
    "ambiguous": _l("We cannot tell whether “%(text)s” means thousands or grosze (the cents of a złoty). Write the "
                    "złoty without a dot or comma, for example 1650, or add the grosze after a comma, for example "
                    "1650,00"),
    "too_large": _l("Enter an amount up to %(top)s a month, in złoty. Put any grosze (the cents of a złoty) after a "
                    "comma, for example 1650,50"),
    "other_currency": _l("“%(text)s” is not in złoty. Write the amount in złoty (zł), for example 1650. If some of "
                         "the income comes in hryvnias, convert it to złoty first"),
    "not_money": _l("We could not read “%(text)s” as an amount. Write it in złoty, for example 1650, and any grosze "
                    "(the cents of a złoty) after a comma, for example 1650,50"),
}


def _choices(values, labels) -> list[SelectChoice]:
    if set(values) != set(labels):  # the vocabulary and the labels must name the same answers
        raise RuntimeError(f"labels {sorted(labels)} do not match the vocabulary {sorted(values)}")
    return [SelectChoice(v, labels[v]) for v in values]


def size_message() -> str:
    return _("Enter how many people live in your household as a whole number from %(min)s to %(max)s, "
             "for example 3", min=vocab.HOUSEHOLD_SIZE_MIN, max=vocab.HOUSEHOLD_SIZE_MAX)


def income_message(kind: str, text: str) -> str:
    return str(INCOME_MESSAGES[kind]) % {"text": text.strip()[:LONGEST], "top": format_money(vocab.INCOME_MAX)}


def required_messages(centre, lang: str) -> dict:
    """The message for each question left unanswered (the residence question names the facility's town)."""
    return {**REQUIRED, "resident": _("Select whether you live %(in_town)s", in_town=centre.in_town[lang])}


class Posted:
    """The answers as posted, read and checked without building the form's fields.

    A step that ends in a result needs only the answers; CheckForm's fields
    are built when a question is shown (or a result page first rendered).
    Each question checks only its own answer; `given()` reads every answer
    given so far that is valid, as engine values.
    """

    def __init__(self, centre, lang: str, formdata=None):
        self.centre, self.lang = centre, lang
        self.raw = {name: formdata.getlist(name) for name in vocab.QUESTIONS} if formdata is not None else {}
        self.errors: dict[str, list[str]] = {}

    def is_given(self, name: str) -> bool:
        """Did the person answer this question at all (a blank text box is no answer)?"""
        return any(str(value).strip() for value in self.raw.get(name, ()))

    def required(self, name: str) -> str:
        if name == "household_size":
            return size_message()
        return str(required_messages(self.centre, self.lang)[name])

    def value(self, name: str):
        """The answer as the engine takes it; ValidationError with the message to show."""
        if not self.is_given(name):
            raise ValidationError(self.required(name))
        raw = self.raw[name]
        if name in vocab.YES_NO_QUESTIONS or name == "household":
            if raw[0] not in (vocab.YES_NO if name != "household" else vocab.HOUSEHOLDS):
                raise ValidationError(self.required(name))
            return raw[0] == "yes" if name != "household" else raw[0]
        if name == "situations":
            return self._situations(raw)
        if name == "household_size":
            return self._household_size(raw[0])
        return self._income(raw[0])

    def _situations(self, chosen: list):
        if any(v not in vocab.SITUATIONS and v != NONE for v in chosen) or len(set(chosen)) != len(chosen):
            raise ValidationError(self.required("situations"))
        if NONE in chosen and len(chosen) > 1:
            raise ValidationError(str(NONE_ALONE))
        return frozenset(v for v in chosen if v != NONE)

    @staticmethod
    def _household_size(text: str):
        text = text.strip()
        if not (text.isascii() and text.isdigit() and len(text) <= 3
                and vocab.HOUSEHOLD_SIZE_MIN <= int(text) <= vocab.HOUSEHOLD_SIZE_MAX):
            raise ValidationError(size_message())
        return int(text)

    @staticmethod
    def _income(text: str):
        try:
            return parse_income(text)
        except IncomeError as error:
            raise ValidationError(income_message(error.kind, text)) from None

    def given(self) -> dict:
        """Every answer given so far that is valid, as engine values (invalid ones count as not given)."""
        found = {}
        for name in vocab.QUESTIONS:
            if self.is_given(name):
                try:
                    found[name] = self.value(name)
                except (ValidationError, StopValidation):
                    pass
        return found

    def check(self, name: str) -> bool:
        """Check one question, recording its message for the page."""
        try:
            self.value(name)
        except ValidationError as error:
            self.errors[name] = [str(error)]
            return False
        return True


def _radio(label, values, labels, description=""):
    return RadioField(label, choices=_choices(values, labels), description=description, validate_choice=False)


class CheckForm(FlaskForm):
    """The questions as fields, for showing them: labels, hints, the answers to show again, the messages."""

    class Meta:
        csrf = False  # changes nothing on the server; see README

    adult = _radio(_l("Are you 18 or older?"), vocab.YES_NO, YES_NO_LABELS)
    round_the_clock_care = _radio(
        _l("Do you need care around the clock, 24 hours a day?"), vocab.YES_NO, YES_NO_LABELS,
        _l("For example, someone must be with you at night as well as during the day."))
    situations = SelectMultipleField(
        _l("Why do you need support in everyday life?"), validate_choice=False,
        choices=_choices(vocab.SITUATIONS, SITUATION_LABELS) + [SelectChoice(NONE, _l("None of these"))],
        description=_l("Select all that apply."))
    resident = _radio("", vocab.YES_NO, YES_NO_LABELS, _l("This means your home address is in the town now."))
    household = _radio(
        _l("Do you live alone or with your family?"), vocab.HOUSEHOLDS, HOUSEHOLD_LABELS,
        _l("Your household is the people you live with and share the costs of a home with, related or not. "
           "If you are leaving a foster family or a care home and will not live and keep house with them, "
           "choose “I live alone”: then only your own income counts."))
    household_size = StringField(_l("How many people live in your household, including you?"),
                                 description=_l("Write a whole number, for example 3."))
    income = StringField(
        _l("What is your household's net income in a month?"),
        description=_l("Count the month before you apply: wages, pension, benefits. Take off income tax, health "
                       "and social insurance, and maintenance you pay to others. If you live alone, count only "
                       "your own income."))

    def __init__(self, centre, lang: str, posted: Posted | None = None, **kwargs):
        super().__init__(**kwargs)
        self.resident.label.text = _("Do you live %(in_town)s?", in_town=centre.in_town[lang])
        self.required = required_messages(centre, lang)
        for name, errors in (posted.errors if posted is not None else {}).items():
            self[name].errors = list(errors)
