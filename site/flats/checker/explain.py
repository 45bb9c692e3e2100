"""Turn an outcome into calm sentences: why, and what the stay costs.

Sentences that hold for every facility are interface strings (translated in
translations/); what is particular to one facility — its town, its groups,
its fee note — comes from its data (content/facilities/<code>/).
"""
from __future__ import annotations

from flask_babel import get_locale, lazy_gettext as _l

from ..money import PERCENT, format_money, format_share

STATUS = {
    "likely": _l("You probably meet the criteria"),
    "possible": _l("The centre will need to look at your situation"),
    "unlikely": _l("This place is probably not the right support for you"),
}
# Sentences for the reasons every facility can give; a group's own sentence is data (`fits`).
REASONS = {
    "not_adult": _l("You said you are under 18. These flats are for adults."),
    "needs_round_the_clock_care": _l("You said you need care around the clock. These flats are for people "
                                     "who do not need 24-hour care. The centre can tell you about other support."),
    "no_support_need": _l("You did not choose any reason for needing support. These flats are for people who need "
                          "support because of a difficult situation, age, disability or illness."),
    "no_group_fits": _l("The places here are for: %(groups)s. Your answers do not fit any of these groups."),
    "not_resident": _l("You said you do not live %(in_town)s. Each centre serves the people of its own town. "
                       "Start at the social assistance centre where you live."),
    "group_for_people_living_alone": _l("You said you live with your family. The places that fit your answers "
                                        "are meant for people who live alone."),
}


def reason_text(code: str, facility, centre, lang: str) -> str:
    """The sentence for one reason code of one facility, in the current language."""
    for group in facility.groups:
        if code == group.reason:
            return group.fits[lang]
    groups = "; ".join(g.who[lang] for g in facility.groups)
    return str(REASONS[code]) % {"in_town": centre.in_town[lang], "groups": groups}


def reasons(outcome, rules, centre, lang: str) -> list[tuple[str, str]]:
    """(sentence, source) for each reason code of the outcome."""
    facility = rules.facility(outcome.facility)
    return [(reason_text(code, facility, centre, lang), facility.reason_source(code)) for code in outcome.reasons]


# The fee, in plain words. "%(income)s" is left for last: the frozen site
# fills it in the browser, into a sentence the engine wrote for its range.
FREE = {
    "single": _l("You have %(income)s a month. That is not more than the income criterion for a person living "
                 "alone, %(limit)s, so the stay is free."),
    "family": _l("Your household has %(income)s a month. For %(people)s people the limit is %(people)s × "
                 "%(per_person)s per person = %(limit)s. Your income is not more than that, so the stay is free."),
}
ABOVE = {
    "single": _l("You have %(income)s a month. That is more than the income criterion for a person living "
                 "alone, %(limit)s, so the stay is paid."),
    "family": _l("Your household has %(income)s a month. That is more than the limit for %(people)s people: "
                 "%(people)s × %(per_person)s per person = %(limit)s. So the stay is paid."),
}
BRACKET = _l("You have %(income)s a month. That is more than %(above)s but not more than %(up_to)s, so you pay "
             "%(share)s of the cost of a place: %(amount)s a month.")
BRACKET_TOP = _l("You have %(income)s a month. That is more than %(above)s, so you pay %(share)s of the cost "
                 "of a place: %(amount)s a month.")
NO_TABLE = _l("The centre sets the amount in its decision.")
OTHER_TABLE = {
    "single": _l("The fee table here is for households of more than one person, so the centre sets your fee "
                 "in its decision."),
    "family": _l("The fee table here is for people living alone, so the centre sets your fee in its decision."),
}


def percent(value: int) -> str:
    """A whole percentage, written the way the current language writes it."""
    locale = get_locale()
    return format_share(value, locale.language if locale and locale.language in PERCENT else "pl")


def fee_template(fee, facility, household: str, people: int) -> str:
    """The fee sentence with every value but `%(income)s` filled in."""
    values = {"income": "%(income)s", "limit": format_money(fee.limit), "people": people,
              "per_person": format_money(fee.criterion)}
    if fee.kind == "free":
        text = str(FREE[household]) % values
    elif fee.kind == "bracket":
        values.update(above=format_money(fee.bracket_above), share=percent(fee.percent_of_cost),
                      amount=format_money(fee.amount),
                      up_to=format_money(fee.bracket_up_to) if fee.bracket_up_to is not None else "")
        text = str(BRACKET if fee.bracket_up_to is not None else BRACKET_TOP) % values
    else:
        second = NO_TABLE if not facility.fee_tables else OTHER_TABLE[household]
        text = str(ABOVE[household]) % values + " " + str(second)
    return text.replace("%", "%%").replace("%%(income)s", "%(income)s")


def fee(outcome, answers, rules) -> str:
    """The fee in plain words, for these answers."""
    facility = rules.facility(outcome.facility)
    return fee_template(outcome.fee, facility, answers.household, answers.people) % {
        "income": format_money(answers.income)}
