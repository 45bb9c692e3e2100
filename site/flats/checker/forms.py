"""The self-check's questions: one WTForms form, the only model of a posted answer.

One field per question, in flats.vocabulary's order. Each field reads its own
answer into an engine value (`parse`), or says why it cannot; a step checks
only its own question (`field.validate`), and `answers()` gives every answer
so far that is valid. What a visitor posts is taken only as the vocabulary
allows: a single choice posted twice or outside the vocabulary, a text box
posted twice, counts as not answered, and control characters are stripped
from every text. Pages show answers from these fields, never the raw post.
What names a facility (its town) comes from its data.
"""
from __future__ import annotations

import unicodedata
from decimal import Decimal

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import StopValidation, ValidationError

from .. import vocabulary as vocab
from ..money import IncomeError, format_money, parse_income
from ..i18n import gettext as _, lazy_gettext as _l

NONE = vocab.QUESTION["situations"].none  # "None of these" on the situations question
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


def required_messages(facility, lang: str) -> dict:
    """The message for each question left unanswered (the residence question names the facility's town)."""
    return {**REQUIRED, "resident": _("Select whether you live %(in_town)s", in_town=facility.in_town[lang])}


def clean(text: str) -> str:
    """`text` without control, format or surrogate characters (NUL, bidi marks …), at most LONGEST + 1 long."""
    return "".join(ch for ch in text[:4 * LONGEST] if unicodedata.category(ch)[0] != "C")[:LONGEST + 1]


class _Answer:
    """What every question field shares: the facility's messages, and the engine value of its answer."""

    def required(self, form) -> str:
        return form.required[self.name]

    def parse(self, form):
        """The answer as the engine takes it; ValidationError with the message to show."""
        raise NotImplementedError

    def is_given(self) -> bool:
        """Did the person answer at all (a blank text box is no answer)?"""
        return bool(self.raw_data) and any(str(v).strip() for v in self.raw_data)

    def pre_validate(self, form) -> None:
        try:
            self.parse(form)
        except ValidationError as error:
            raise StopValidation(str(error)) from None


class OneChoiceField(_Answer, RadioField):
    """One answer from a fixed list: posted once, and one of the list, or no answer."""

    def process_formdata(self, valuelist) -> None:
        values = [c.value for c in self.choices]
        self.data = valuelist[0] if len(valuelist) == 1 and valuelist[0] in values else None

    def parse(self, form):
        if self.data is None:
            raise ValidationError(self.required(form))
        return self.data == "yes" if self.name in vocab.YES_NO_QUESTIONS else self.data

    def carried(self) -> list[str]:
        return [] if self.data is None else [self.data]


class SituationsField(_Answer, SelectMultipleField):
    """Any of the situations, or "None of these" alone; anything outside the list makes it no answer."""

    def process_formdata(self, valuelist) -> None:
        values = {c.value for c in self.choices}
        ok = valuelist and len(set(valuelist)) == len(valuelist) and all(v in values for v in valuelist)
        self.data = list(valuelist) if ok else None

    def parse(self, form):
        if self.data is None:
            raise ValidationError(self.required(form))
        if NONE in self.data and len(self.data) > 1:
            raise ValidationError(str(NONE_ALONE))
        return frozenset(v for v in self.data if v != NONE)

    def carried(self) -> list[str]:
        return list(self.data or ())


class TextAnswerField(_Answer, StringField):
    """A text box: posted once, control characters stripped."""

    def __init__(self, *args, reader, **kwargs):
        super().__init__(*args, **kwargs)
        self.reader = reader

    def process_formdata(self, valuelist) -> None:
        self.data = clean(valuelist[0]) if len(valuelist) == 1 else ""

    def is_given(self) -> bool:
        return bool((self.data or "").strip())

    def required(self, form) -> str:
        return size_message() if self.name == "household_size" else form.required[self.name]

    def parse(self, form):
        if not self.is_given():
            raise ValidationError(self.required(form))
        return self.reader(self.data)

    def carried(self) -> list[str]:
        """The answer as the site reads it, never the text as posted ("1 650,50 zł" is carried as 1650,50)."""
        try:
            value = self.reader(self.data) if self.is_given() else None
        except ValidationError:
            return []
        if value is None:
            return []
        if isinstance(value, Decimal):  # 1650 for 1650,00; 1650,50 with grosze (read alike in every language)
            return [str(int(value)) if value == value.to_integral_value() else format(value, "f").replace(".", ",")]
        return [str(value)]


def read_household_size(text: str) -> int:
    text = text.strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 3
            and vocab.HOUSEHOLD_SIZE_MIN <= int(text) <= vocab.HOUSEHOLD_SIZE_MAX):
        raise ValidationError(size_message())
    return int(text)


def read_income(text: str) -> Decimal:
    try:
        return parse_income(text)
    except IncomeError as error:
        raise ValidationError(income_message(error.kind, text)) from None


def _radio(name, label, labels, description=""):
    return OneChoiceField(label, choices=_choices(vocab.QUESTION[name].choices, labels), description=description,
                          validate_choice=False)


class CheckForm(FlaskForm):
    """The questions as fields: labels, hints, the answers to show again, their messages."""

    class Meta:
        csrf = False  # changes nothing on the server; see README

    adult = _radio("adult", _l("Are you 18 or older?"), YES_NO_LABELS)
    round_the_clock_care = _radio(
        "round_the_clock_care", _l("Do you need care around the clock, 24 hours a day?"), YES_NO_LABELS,
        _l("For example, someone must be with you at night as well as during the day."))
    situations = SituationsField(
        _l("Why do you need support in everyday life?"), validate_choice=False,
        choices=_choices(vocab.QUESTION["situations"].choices, SITUATION_LABELS) + [SelectChoice(NONE, _l("None of these"))],
        description=_l("Select all that apply."))
    resident = _radio("resident", "", YES_NO_LABELS, _l("This means your home address is in the town now."))
    household = _radio(
        "household", _l("Do you live alone or with your family?"), HOUSEHOLD_LABELS,
        _l("Your household is the people you live with and share the costs of a home with, related or not. "
           "If you are leaving a foster family or a care institution and will not live and keep house with them, "
           "choose “I live alone”: then only your own income counts."))
    household_size = TextAnswerField(_l("How many people live in your household, including you?"),
                                     description=_l("Write a whole number, for example 3."),
                                     reader=read_household_size)
    income = TextAnswerField(
        _l("What is your household's net income in a month, in złoty?"),
        description=_l("Count the month before you apply: wages, pension, benefits. Take off income tax, health "
                       "and social insurance, and maintenance you pay to others. If you live alone, count only "
                       "your own income."),
        reader=read_income)

    def __init__(self, facility, lang: str, **kwargs):
        super().__init__(**kwargs)
        self.resident.label.text = _("Do you live %(in_town)s?", in_town=facility.in_town[lang])
        self.required = required_messages(facility, lang)

    def questions(self):
        return [self[name] for name in vocab.QUESTIONS]

    def answers(self) -> dict:
        """Every answer given so far that is valid, as engine values (invalid ones count as not given)."""
        found = {}
        for field in self.questions():
            try:
                found[field.name] = field.parse(self)
            except ValidationError:
                pass
        return found

    def check(self, name: str) -> bool:
        """Check one question, keeping its message on the field for the page (WTForms' field.validate)."""
        return self[name].validate(self)

    def carried(self) -> list[tuple[str, str]]:
        """(name, value) of every valid answer, as hidden fields that carry the answers to another page."""
        return [(field.name, value) for field in self.questions() for value in field.carried()]


KINDS = {"one": OneChoiceField, "many": SituationsField, "count": TextAnswerField, "money": TextAnswerField}


def _check_model() -> None:
    """The form's fields are the flow's questions, each a field of its kind (vocabulary.FLOW)."""
    fields = {name: field for name, field in CheckForm.__dict__.items() if hasattr(field, "field_class")}
    for question in vocab.FLOW:
        if question.name not in fields or not issubclass(fields[question.name].field_class, KINDS[question.kind]):
            raise RuntimeError(f"CheckForm.{question.name} is not a {question.kind} question of vocabulary.FLOW")
    if set(fields) != set(vocab.QUESTIONS):
        raise RuntimeError(f"CheckForm has fields {sorted(set(fields) - set(vocab.QUESTIONS))} outside the flow")


_check_model()
