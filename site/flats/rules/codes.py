"""Stable ids shared by the data, the engine and the pages. Never rename one.

Each answer value and reason code is explained in engine.py's docstring.
"""

LANGS = ("pl", "en", "uk")
FACILITIES = ("mielec", "chelm")
HOUSEHOLDS = ("single", "family")
SITUATIONS = ("older_age", "disability", "illness", "leaving_care", "other_difficulty")
STATUSES = ("likely", "possible", "unlikely")
FEE_KINDS = ("free", "bracket", "set_by_centre")

_COMMON = ("not_adult", "needs_round_the_clock_care", "no_support_need")
# Every reason each facility can give, in the contract's order.
REASONS = {
    "mielec": _COMMON + ("mielec_support_need", "not_resident"),
    "chelm": _COMMON
    + (
        "no_chelm_group",
        "group_older_or_disabled",
        "group_leaving_care",
        "not_resident",
        "chelm_group_for_single_people",
    ),
}
