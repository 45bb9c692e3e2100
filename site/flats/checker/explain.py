"""Turn an outcome into calm sentences: why, and how the fee was worked out."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..money import format_money, format_percent

CITY = {"mielec": _l("Mielec"), "chelm": _l("Chełm")}
STATUS = {
    "likely": _l("You probably meet the criteria"),
    "possible": _l("The centre will need to look at your situation"),
    "unlikely": _l("This place is probably not the right support for you"),
}
REASONS = {
    "not_adult": _l("You said you are under 18. These flats are for adults."),
    "needs_round_the_clock_care": _l("You said you need care around the clock. These flats are for people "
                                     "who do not need 24-hour care. The centre can tell you about other support."),
    "no_support_need": _l("You did not choose any reason for needing support. These flats are for people who need "
                          "support because of a difficult situation, age, disability or illness."),
    "mielec_support_need": _l("You need support in everyday life. The training flats in Mielec are for adults "
                              "in that situation who want to learn to live on their own."),
    "no_chelm_group": _l("In Chełm the places are for older, lone or disabled people who need care, and for "
                         "young adults leaving care. Your answers do not fit either group."),
    "group_older_or_disabled": _l("Because of your age, disability or illness you fit the group of 25 places "
                                  "for older, lone or disabled people."),
    "group_leaving_care": _l("You are leaving a care home or a foster family, so you fit the group of 5 places "
                             "for young adults leaving care."),
    "not_resident": _l("You said you do not live in %(city)s. Each centre serves the people of its own city. "
                       "Start at the social assistance centre where you live."),
    "chelm_group_for_single_people": _l("You said you live with your family. The 25 places for older and "
                                        "disabled people are meant for people who live alone."),
}


def reasons(outcome, rules) -> list[tuple[str, str]]:
    """(sentence, source) for each reason code."""
    city = CITY[outcome.facility]
    return [(str(REASONS[code]) % {"city": city}, rules.reason_source(outcome.facility, code))
            for code in outcome.reasons]


# The fee sentence for each case, with %(name)s slots: the live page fills them
# in Python, the frozen site's script fills the same translated text.
FEE_TEXTS = {
    "free_single": _l("Your income of %(income)s is not above the criterion for a person living alone, "
                      "%(criterion)s. So the stay is free."),
    "free_family": _l("Your household's income of %(income)s is not above %(people)s × %(criterion)s = %(limit)s. "
                      "So the stay is free."),
    "bracket": _l("Your income is %(percent)s of %(criterion)s, so you pay %(share)s%% of %(cost)s = "
                  "%(amount)s a month."),
    "set_by_centre_chelm": _l("Your household's income of %(income)s is above %(people)s × %(criterion)s = "
                              "%(limit)s. The Chełm fee table is for people living alone, so the centre will set "
                              "your fee in its decision."),
    "set_by_centre_mielec": _l("Your income of %(income)s is above the criterion, %(limit)s, so the stay is paid. "
                               "The centre in Mielec sets the amount in its decision, using the city council's "
                               "fee table."),
}


def fee_case(kind: str, facility: str, household: str) -> str:
    if kind == "free":
        return f"free_{household}"
    return "bracket" if kind == "bracket" else f"set_by_centre_{facility}"


def fee(outcome, answers) -> str:
    """The fee with its arithmetic, as one or two sentences."""
    f = outcome.fee
    values = {"income": format_money(answers.income), "criterion": format_money(f.criterion),
              "people": answers.people, "percent": format_percent(f.percent_of_criterion),
              "limit": format_money(f.criterion * answers.people),
              "share": f.percent_of_cost, "cost": format_money(f.monthly_cost) if f.monthly_cost else "",
              "amount": format_money(f.amount) if f.amount is not None else ""}
    return str(FEE_TEXTS[fee_case(f.kind, outcome.facility, answers.household)]) % values
