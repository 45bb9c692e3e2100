"""Turn an outcome into calm sentences: why, and what the stay costs.

Sentences that hold for every facility are interface strings (translated in
translations/); what is particular to one facility — its town, its groups,
its fee note — comes from its data (content/facilities/<code>/).
"""
from __future__ import annotations

from ..i18n import lazy_gettext as _l, share
from ..money import format_money

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
    "group_for_older_people": _l("The places that fit your answers are meant for older people. You did not choose "
                                 "age as a reason. You may still ask: the centre decides."),
}


def reason_text(code: str, facility, lang: str) -> str:
    """The sentence for one reason code of one facility, in the current language."""
    for group in facility.groups:
        if code == group.reason:
            return group.fits[lang]
    groups = "; ".join(g.who[lang] for g in facility.groups)
    return str(REASONS[code]) % {"in_town": facility.in_town[lang], "groups": groups}


def reasons(outcome, facility, lang: str) -> list[tuple[str, str]]:
    """(sentence, source) for each reason code of the outcome, for its Facility."""
    return [(reason_text(code, facility, lang), facility.reason_source(code)) for code in outcome.reasons]


# The fee, in plain words. The frozen site fills the same sentences in the
# browser with the values the engine worked out for each income range.
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


def fee_case(fee, facility, household: str) -> str:
    """Which fee sentence applies: a key of fee_texts()."""
    if fee.kind == "free":
        return f"free_{household}"
    if fee.kind == "bracket":
        return "bracket" if fee.bracket_up_to is not None else "bracket_top"
    return f"above_{household}_" + ("no_table" if not facility.fee_tables else "other_table")


def fee_text(case: str) -> str:
    """One fee sentence (a key of fee_texts()) in the current language, with %(name)s slots."""
    kind, _, rest = case.partition("_")
    if kind == "free":
        return str(FREE[rest])
    if kind == "above":
        household, _, table = rest.partition("_")
        return f"{ABOVE[household]} {NO_TABLE if table == 'no_table' else OTHER_TABLE[household]}"
    return str(BRACKET if case == "bracket" else BRACKET_TOP)


def fee_texts() -> dict[str, str]:
    """Every fee sentence in the current language, with %(name)s slots for the values."""
    cases = [f"free_{h}" for h in FREE] + ["bracket", "bracket_top"]
    cases += [f"above_{h}_{t}" for h in ABOVE for t in ("no_table", "other_table")]
    return {case: fee_text(case) for case in cases}


def fee_values(fee, people: int) -> dict[str, str]:
    """The values the fee sentence names, all worked out by the engine, as the page shows them."""
    values = {"limit": format_money(fee.limit), "people": str(people), "per_person": format_money(fee.criterion)}
    if fee.kind == "bracket":
        values.update(above=format_money(fee.bracket_above), share=share(fee.percent_of_cost),
                      amount=format_money(fee.amount),
                      up_to=format_money(fee.bracket_up_to) if fee.bracket_up_to is not None else "")
    return values


def fee(outcome, answers, rules) -> str:
    """The fee in plain words, for these answers."""
    case = fee_case(outcome.fee, rules.facility(outcome.facility), answers.household)
    return fee_text(case) % {**fee_values(outcome.fee, answers.people), "income": format_money(answers.income)}
