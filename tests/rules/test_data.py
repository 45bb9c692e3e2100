"""What the rules files say, as the pages will read it."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date
from decimal import Decimal

import pytest

from flats.rules import Answers
from flats.rules.codes import LANGS

from ..helpers import make_answers

CHELM_ACT = "uchwała Nr XXXVI/429/18 Rady Miasta Chełm z dnia 21 marca 2018 r."


def test_the_criteria_cite_the_regulations_as_facts_md_names_them(rules):
    assert [c.source for c in rules.criteria] == [
        "rozporządzenie RM z 14.07.2015",
        "rozporządzenie RM z 11.07.2018 (Dz.U. 2018 poz. 1358)",
        "rozporządzenie RM z 14.07.2021 (Dz.U. 2021 poz. 1296)",
        "rozporządzenie RM z 12.07.2024 (Dz.U. 2024 poz. 1044)",
    ]


def test_chelm_cost_and_table_come_from_the_2018_resolution(rules):
    chelm = rules.facility("chelm")
    cost = chelm.monthly_cost_on(date(2026, 3, 1))
    assert (cost.amount, cost.since, cost.source) == (Decimal("1498.67"), date(2018, 3, 21), CHELM_ACT)
    table = chelm.fee_table_on(date(2026, 3, 1))
    assert (table.source, table.covers) == (CHELM_ACT, "single")
    assert [b.percent_of_cost for b in table.brackets] == [20, 30, 40, 60, 80, 100]


def test_the_facilities_have_the_places_their_pages_give(rules):
    chelm, mielec = rules.facility("chelm"), rules.facility("mielec")
    assert [(g.code, g.places) for g in chelm.groups] == [("older_or_disabled", 25), ("leaving_care", 5)]
    assert (chelm.places, chelm.rooms) == (30, 12)
    assert (mielec.places, mielec.flats, mielec.people_per_flat) == (22, 5, (4, 5))


def test_every_document_and_stay_an_outcome_can_name_has_text_in_every_language(rules):
    for facility in rules.facilities.values():
        documents = set(facility.documents).union(*(g.documents for g in facility.groups))
        stays = {facility.stay} | {g.stay for g in facility.groups}
        for lang in LANGS:
            assert all(facility.document_label(code, lang).strip() for code in documents)
            assert all(facility.stay_label(code, lang).strip() for code in stays)


def test_labels_are_in_the_language_asked_for(rules):
    chelm = rules.facility("chelm")
    assert chelm.document_label("id_card", "pl") == "Dowód osobisty."
    assert chelm.document_label("id_card", "en") == "Your ID card."
    assert chelm.stay_label("no_end_date", "uk") == "Без визначеної дати завершення."


def test_an_unknown_code_is_an_error_not_a_blank(rules):
    with pytest.raises(KeyError):
        rules.facility("chelm").document_label("passport", "pl")
    with pytest.raises(KeyError):
        rules.facility("warsaw")


def test_every_reason_names_its_source(rules):
    for code, facility in rules.facilities.items():
        for reason in facility.reason_codes():
            assert facility.reason_source(reason)
    assert rules.facility("mielec").reason_source("not_resident") == "art. 101 ust. 1 ustawy o pomocy społecznej"


@pytest.mark.parametrize("change", [
    {"income": 1400.0},
    {"adult": "yes-ish"},
    {"situations": {"older_age"}},
    {"situations": frozenset({"old"})},
    {"household": "couple"},
    {"household": "family", "household_size": None},
    {"household": "single", "household_size": 3},
    {"facility": ""},
    {"income": Decimal("-1")},
    {"income": Decimal("NaN")},
])
def test_answers_of_the_wrong_type_are_refused_even_under_python_O(change):
    good = make_answers({"facility": "chelm"})
    values = {**good.__dict__, **change}
    with pytest.raises(ValueError, match="invalid answers"):
        Answers(**values)


def test_a_facility_is_one_immutable_object_from_its_folder(rules):
    chelm = rules.facility("chelm")
    assert chelm.operator.name and chelm.phones, "who runs it and whom to call (facility.yaml)"
    assert chelm.groups and chelm.fee_tables, "whom its places are for and what they cost (rules.yaml)"
    with pytest.raises(FrozenInstanceError):
        chelm.order = 3
    for mapping in (chelm.name, chelm.document_labels, chelm.document_labels["application"], chelm.poster.lead):
        with pytest.raises(TypeError):
            mapping["pl"] = "changed"
