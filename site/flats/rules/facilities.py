"""Read one facility file (mielec.yaml, chelm.yaml) into a Facility."""

from __future__ import annotations

from types import MappingProxyType

from .codes import HOUSEHOLDS, REASONS, SITUATIONS
from .model import Bracket, Facility, FeeTable, Group, MonthlyCost
from .reader import Node, Reader

_COMMON = {"code", "reason_sources", "documents_source", "documents", "stays_source", "stays"}
# A facility with groups of places (Chełm) publishes its own cost and fee table.
_GROUPED = _COMMON | {"rooms", "groups_source", "groups", "bring_when_group_undecided",
                      "stay_when_group_undecided", "monthly_cost", "fee_table"}
# A facility without groups (Mielec): free up to the criterion, else set by the centre.
_SIMPLE = _COMMON | {"places", "flats", "people_per_flat", "places_source", "fee", "bring", "stay"}


def read_facility(r: Reader) -> Facility:
    root = r.root
    code = r.name.removesuffix(".yaml")
    if root.get("code") != code:
        r.problem(root, f"code is {root.get('code')!r} but the file is {r.name}", f"write `code: {code}`")
    documents, stays = r.labels(root, "documents"), r.labels(root, "stays")
    common = dict(
        code=code,
        document_labels=MappingProxyType(documents),
        stay_labels=MappingProxyType(stays),
        reason_sources=MappingProxyType(_reason_sources(r, root)),
    )
    if "groups" in root:
        r.keys(root, _GROUPED)
        return _grouped(r, root, common)
    r.keys(root, _SIMPLE)
    return _simple(r, root, common)


def _reason_sources(r: Reader, root: Node) -> dict[str, str]:
    table = r.get(root, "reason_sources", dict, "write reason_sources as code: source") or {}
    return {reason: r.text(table, reason) for reason in table}


def _sources(r: Reader, root: Node, *keys: str) -> dict[str, str]:
    return {key.removesuffix("_source"): r.text(root, key) for key in keys}


def _stay(r: Reader, node: Node, key: str, stays: dict) -> str | None:
    stay = r.text(node, key)
    if stay is not None and stay not in stays:
        r.problem(node, f"{key} {stay!r} has no texts under `stays:`", f"use one of {sorted(stays)} or add it")
    return stay


def _simple(r: Reader, root: Node, common: dict) -> Facility:
    fee = r.get(root, "fee", dict, "write fee as a mapping with above_criterion: and source:") or Node()
    r.keys(fee, {"above_criterion", "source"})
    if fee.get("above_criterion", "set_by_centre") != "set_by_centre":
        r.problem(fee, "above_criterion can only be set_by_centre", "write `above_criterion: set_by_centre`")
    per_flat = r.get(root, "people_per_flat", dict, "write people_per_flat: {min: 4, max: 5}") or Node()
    r.keys(per_flat, {"min", "max"})
    return Facility(
        places=r.integer(root, "places", minimum=1),
        flats=r.integer(root, "flats", minimum=1),
        people_per_flat=(r.integer(per_flat, "min", 1), r.integer(per_flat, "max", 1)),
        documents=r.codes(root, "bring", common["document_labels"], "documents"),
        stay=_stay(r, root, "stay", common["stay_labels"]),
        sources=MappingProxyType(_sources(r, root, "places_source", "documents_source", "stays_source")),
        fee_source=r.text(fee, "source"),
        **common,
    )


def _grouped(r: Reader, root: Node, common: dict) -> Facility:
    groups = tuple(_group(r, node, common) for node in r.get(root, "groups", list, "write groups as a list") or ())
    costs = tuple(_cost(r, node) for node in r.dated(root, "monthly_cost"))
    tables = tuple(_table(r, node) for node in r.dated(root, "fee_table"))
    return Facility(
        places=sum(group.places or 0 for group in groups),
        rooms=r.integer(root, "rooms", minimum=1),
        groups=groups,
        documents=r.codes(root, "bring_when_group_undecided", common["document_labels"], "documents"),
        stay=_stay(r, root, "stay_when_group_undecided", common["stay_labels"]),
        monthly_costs=costs,
        fee_tables=tables,
        sources=MappingProxyType(_sources(r, root, "groups_source", "documents_source", "stays_source")),
        fee_source=tables[-1].source if tables else None,
        **common,
    )


def _group(r: Reader, node: object, common: dict) -> Group:
    if not isinstance(node, Node):
        r.problem(None, f"group {node!r} is not a mapping", "start each group with `- code:`")
        node = Node()
    r.keys(node, {"code", "places", "situations", "living_alone_only", "bring", "stay"})
    code = r.text(node, "code")
    if code is not None and f"group_{code}" not in REASONS[common["code"]]:
        r.problem(node, f"group {code!r} is not one the engine knows", "use older_or_disabled or leaving_care")
    return Group(
        code=code,
        places=r.integer(node, "places", minimum=1),
        situations=frozenset(r.codes(node, "situations", SITUATIONS, "situations")),
        living_alone_only=r.get(node, "living_alone_only", bool, "write true or false"),
        documents=r.codes(node, "bring", common["document_labels"], "documents"),
        stay=_stay(r, node, "stay", common["stay_labels"]),
    )


def _cost(r: Reader, node: Node) -> MonthlyCost:
    r.keys(node, {"since", "amount", "source"})
    return MonthlyCost(since=r.date(node, "since"), amount=r.money(node, "amount"), source=r.text(node, "source"))


def _table(r: Reader, node: Node) -> FeeTable:
    r.keys(node, {"since", "source", "covers", "brackets"})
    covers = r.text(node, "covers")
    if covers is not None and covers not in HOUSEHOLDS:
        r.problem(node, f"covers is {covers!r}", f"use one of {list(HOUSEHOLDS)}")
    brackets = _brackets(r, node)
    return FeeTable(since=r.date(node, "since"), source=r.text(node, "source"), covers=covers, brackets=brackets)


def _brackets(r: Reader, table: Node) -> tuple[Bracket, ...]:
    items = [n for n in (r.get(table, "brackets", list, "write brackets as a list") or ()) if isinstance(n, Node)]
    brackets, edge = [], 100  # the free rule covers incomes up to 100 % of the criterion
    for node in items:
        r.keys(node, {"above", "up_to", "percent_of_cost"})
        above, up_to = node.get("above"), node.get("up_to")
        if edge is None:
            r.problem(node, "a bracket follows one with no upper limit", "only the last bracket may have `up_to: null`")
        elif above != edge:
            r.problem(node, f"bracket starts above {above} %, but the one before ends at {edge} %",
                      f"make brackets contiguous: write `above: {edge}`")
        if up_to is not None and (not isinstance(up_to, int) or isinstance(above, int) and up_to <= above):
            r.problem(node, f"up_to is {up_to!r}", "write a whole percentage above `above`, or null for the last bracket")
        pct = r.integer(node, "percent_of_cost", minimum=1)
        if pct is not None and pct > 100:
            r.problem(node, f"percent_of_cost is {pct}", "use a whole number from 1 to 100")
        brackets.append(Bracket(above=above, up_to=up_to, percent_of_cost=pct))
        edge = up_to
    if not items or brackets[-1].up_to is not None:
        r.problem(table, "the last bracket has an upper limit", "end with a bracket `up_to: null` for every higher income")
    return tuple(brackets)
