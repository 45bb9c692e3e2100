"""Stable ids shared by the data, the engine and the pages. Never rename one.

The answer vocabulary itself lives in flats.vocabulary; facilities and their
groups are data (content/facilities/), so no facility is named here.
"""

from ..vocabulary import FEE_KINDS, HOUSEHOLDS, LANGUAGES, SITUATIONS, STATUSES

LANGS = tuple(LANGUAGES)
GROUP_PREFIX = "group_"  # a group's positive reason: group_<group code>

__all__ = ["FEE_KINDS", "GROUP_PREFIX", "HOUSEHOLDS", "LANGS", "SITUATIONS", "STATUSES"]
