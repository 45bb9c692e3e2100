"""Read one facility's rules (content/facilities/<code>/rules.yaml): the rule fields of its Facility."""

from __future__ import annotations

from types import MappingProxyType, SimpleNamespace

from .. import counts
from .codes import HOUSEHOLDS, SITUATIONS
from .conditions import CONDITIONS
from .model import Bracket, FeeTable, Group, MonthlyCost, Requirement
from .reader import Node, Reader

KEYS = {"conditions", "groups", "fee", "documents_source", "documents", "stays_source", "stays"}
OPTIONAL = {"group_undecided", "flats", "rooms", "people_per_flat"}
FEE_KINDS = {"table": {"above_criterion", "monthly_cost", "tables"}, "set_by_centre": {"above_criterion", "source"}}


def read_rules(r: Reader) -> dict:
    """The fields of a Facility that rules.yaml gives, by name; every problem noted on `r`."""
    root = r.root
    r.keys(root, KEYS, OPTIONAL)
    documents, stays = r.labels(root, "documents"), r.labels(root, "stays")
    conditions = _conditions(r, root)
    groups = tuple(_group(r, node, documents, stays) for node in r.nodes(root, "groups"))
    if not groups and "groups" in root:
        r.problem(root, "no groups of places", "add at least one group under `groups:`")
    documents_undecided, stay_undecided = _undecided(r, root, groups, documents, stays)
    fee = r.get(root, "fee", dict, "write fee as a mapping starting with above_criterion:") or Node()
    kind = fee.get("above_criterion")
    if kind not in FEE_KINDS:
        r.problem(fee, f"above_criterion is {kind!r}", f"use one of {sorted(FEE_KINDS)}")
    else:
        r.keys(fee, FEE_KINDS[kind])
    costs = tuple(_cost(r, node) for node in r.dated(fee, "monthly_cost")) if kind == "table" else ()
    tables = tuple(_table(r, node) for node in r.dated(fee, "tables")) if kind == "table" else ()
    per_flat = _per_flat(r, root)
    rules = dict(
        conditions=conditions,
        groups=groups,
        documents=documents_undecided,
        stay=stay_undecided,
        document_labels=_frozen(documents),
        stay_labels=_frozen(stays),
        documents_source=r.text(root, "documents_source"),
        stays_source=r.text(root, "stays_source"),
        fee_kind=kind,
        fee_source=(tables[-1].source if tables else None) if kind == "table" else r.text(fee, "source"),
        monthly_costs=costs,
        fee_tables=tables,
        flats=r.integer(root, "flats", minimum=1) if "flats" in root else None,
        rooms=r.integer(root, "rooms", minimum=1) if "rooms" in root else None,
        people_per_flat=per_flat,
    )
    return rules


def _frozen(labels: dict[str, dict[str, str]]) -> MappingProxyType:
    """code -> {language: text}, read-only all the way down."""
    return MappingProxyType({code: MappingProxyType(texts) for code, texts in labels.items()})


def _conditions(r: Reader, root: Node) -> tuple[Requirement, ...]:
    """`conditions:` in order, each `- code: …` with the `source:` of its rule."""
    items = r.get(root, "conditions", list, "write conditions as a list of `- code: …` entries, each with `source:`")
    at = SimpleNamespace(line=root.key_lines.get("conditions", root.line))  # the `conditions:` line
    bare = [item for item in items or [] if not isinstance(item, Node)]
    if bare:  # one problem for the whole list: each entry needs the same change
        r.problem(at, f"the conditions {bare} have no `source:`",
                  f"write each as `- code: {bare[0]}` with `source:` (the act or page of its rule) on the next line")
        return ()
    listed = []
    for item in items or []:
        r.keys(item, {"code", "source"})
        code = r.text(item, "code")
        if code is not None and code not in CONDITIONS:
            r.problem(item, f"'conditions' names unknown conditions [{code!r}]", f"use only {sorted(CONDITIONS)}")
        listed.append(Requirement(code, r.text(item, "source")))
    codes = [c.code for c in listed]
    if len(set(codes)) != len(codes):
        r.problem(at, "a condition is listed twice", "list each condition once")
    if items is not None and all(c in CONDITIONS for c in codes) and "fitting_group" not in codes:
        r.problem(at, "the conditions leave out fitting_group",
                  "add `- code: fitting_group` with its `source:`: it says which group fits")
    return tuple(listed)


def _stay(r: Reader, node: Node, key: str, stays: dict) -> str | None:
    stay = r.text(node, key)
    if stay is not None and stay not in stays:
        r.problem(node, f"{key} {stay!r} has no texts under `stays:`", f"use one of {sorted(stays)} or add it")
    return stay


def _undecided(r: Reader, root: Node, groups: tuple[Group, ...], documents: dict, stays: dict):
    """What to bring and how long to stay when no single group decides it."""
    node = root.get("group_undecided")
    if node is None:
        if len(groups) > 1:
            r.problem(root, "several groups but no group_undecided",
                      "add group_undecided: with bring: and stay: for when the centre decides the group")
        return (groups[0].documents, groups[0].stay) if groups else ((), None)
    if not isinstance(node, Node):
        r.problem(root, "group_undecided is not a mapping", "write group_undecided: with bring: and stay:")
        return (), None
    r.keys(node, {"bring", "stay"})
    return r.codes(node, "bring", documents, "documents"), _stay(r, node, "stay", stays)


def _group(r: Reader, node: Node, documents: dict, stays: dict) -> Group:
    r.keys(node, {"code", "source", "places", "situations", "living_alone_only", "who", "fits", "bring", "stay"},
           {"older_people_only"})
    places = r.integer(node, "places", minimum=1)

    def texts(key: str):  # {places} in a text: this group's places, in words ("25 miejsc", "24 місця")
        return MappingProxyType({lang: counts.fill(text, lang, places=places) if text and places else text
                                 for lang, text in r.texts(node, key).items()})

    return Group(
        code=r.text(node, "code"),
        source=r.text(node, "source"),
        places=places,
        situations=frozenset(r.codes(node, "situations", SITUATIONS, "situations")),
        living_alone_only=r.get(node, "living_alone_only", bool, "write true or false"),
        documents=r.codes(node, "bring", documents, "documents"),
        stay=_stay(r, node, "stay", stays),
        who=texts("who"),
        fits=texts("fits"),
        older_people_only=bool(r.get(node, "older_people_only", bool, "write true or false"))
        if "older_people_only" in node else False,
    )


def _per_flat(r: Reader, root: Node) -> tuple[int, int] | None:
    if "people_per_flat" not in root:
        return None
    node = r.get(root, "people_per_flat", dict, "write people_per_flat: {min: 4, max: 5}") or Node()
    r.keys(node, {"min", "max"})
    return r.integer(node, "min", 1), r.integer(node, "max", 1)


def _cost(r: Reader, node: Node) -> MonthlyCost:
    r.keys(node, {"since", "amount", "source"})
    return MonthlyCost(since=r.date(node, "since"), amount=r.money(node, "amount"), source=r.text(node, "source"))


def _table(r: Reader, node: Node) -> FeeTable:
    r.keys(node, {"since", "source", "covers", "brackets"}, {"note"})
    covers = r.text(node, "covers")
    if covers is not None and covers not in HOUSEHOLDS:
        r.problem(node, f"covers is {covers!r}", f"use one of {list(HOUSEHOLDS)}")
    brackets = _brackets(r, node)
    note = MappingProxyType(r.texts(node, "note")) if "note" in node else MappingProxyType({})
    return FeeTable(since=r.date(node, "since"), source=r.text(node, "source"), covers=covers, brackets=brackets,
                    note=note)


def _brackets(r: Reader, table: Node) -> tuple[Bracket, ...]:
    items = r.nodes(table, "brackets")
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
