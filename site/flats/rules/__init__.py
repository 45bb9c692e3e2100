"""The rules engine: dated rules from content/ and pure functions over them.

No Flask, no clock: callers pass the date whose rules apply. Money is Decimal.
"""

from .conditions import CONDITIONS, Condition
from .engine import Answers, Outcome, assess, decide_early
from .errors import NoRulesForDate, RulesError
from .fees import Fee, FeeRow, fee_table, income_thresholds
from .facility import Facility, Operator, Phone, Poster
from .loader import facility_folders, load_rules
from .model import Bracket, Criterion, FeeTable, Group, MonthlyCost, Rules
from .review import Review, review_dates

__all__ = [
    "Answers", "Bracket", "CONDITIONS", "Condition", "Criterion", "Facility", "Fee", "FeeRow", "FeeTable",
    "Group", "MonthlyCost", "NoRulesForDate", "Operator", "Outcome", "Phone", "Poster", "Review", "Rules",
    "RulesError",
    "assess", "decide_early", "facility_folders", "fee_table", "income_thresholds", "load_rules", "review_dates",
]
