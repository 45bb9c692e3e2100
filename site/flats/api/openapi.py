"""The OpenAPI 3 description of the API, built from the same vocabularies."""
from __future__ import annotations

from ..money import INCOME_PATTERN
from ..rules.codes import FACILITIES, FEE_KINDS, REASONS, SITUATIONS, STATUSES

YES_NO = {"type": "string", "enum": ["yes", "no"]}
# Dates with rules for both facilities (Chełm's table applies from 2018-03-21).
# Real calendar dates from 2019 on, so that every date the schema allows has rules.
DATE_IN = ("^(?:20(?:19|[2-9][0-9])-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
           "|(?:0[13578]|1[02])-31)|20(?:[2468][048]|[3579][26])-02-29)$")
MONEY_OUT = {"type": "string", "pattern": r"^[0-9]+\.[0-9]{2}$"}
NULLABLE_MONEY = {"type": "string", "pattern": r"^[0-9]+\.[0-9]{2}$", "nullable": True}
ERRORS = {"type": "object", "required": ["errors"], "properties": {
    "errors": {"type": "object", "additionalProperties": {"type": "string"}}}}


def _answers(household: str) -> dict:
    """Answers for one kind of household: household_size only (and always) for a family."""
    required = ["facility", "adult", "resident", "round_the_clock_care", "household", "income"]
    schema = {
        "type": "object", "additionalProperties": False,
        "required": required + (["household_size"] if household == "family" else []),
        "properties": {
            "facility": {"type": "string", "enum": list(FACILITIES)},
            "adult": YES_NO, "resident": YES_NO, "round_the_clock_care": YES_NO,
            "situations": {"type": "array", "uniqueItems": True,
                           "items": {"type": "string", "enum": list(SITUATIONS)}},
            "household": {"type": "string", "enum": [household]},
            "household_size": {"type": "integer", "minimum": 2, "maximum": 20,
                               "description": "Everyone in the household, including the person."},
            "income": {"description": "Total net monthly income of the household in PLN.",
                       "oneOf": [{"type": "string", "example": "1 234,56 zł", "pattern": INCOME_PATTERN},
                                 {"type": "number", "minimum": 0, "maximum": 1000000, "multipleOf": 0.01}]},
            "on": {"type": "string", "format": "date", "pattern": DATE_IN,
                   "description": "Rules date; default today (Europe/Warsaw). Dates before a facility's "
                                  "first rules get 400 (Chełm: 2018-03-21, Mielec: 2015-10-01)."},
        },
    }
    if household != "family":
        del schema["properties"]["household_size"]
    return schema


def _outcome() -> dict:
    reasons = sorted({code for codes in REASONS.values() for code in codes})
    return {
        "type": "object", "required": ["facility", "status", "rules_date", "reasons", "fee", "documents", "stay"],
        "properties": {
            "facility": {"type": "string", "enum": list(FACILITIES)},
            "status": {"type": "string", "enum": list(STATUSES)},
            "rules_date": {"type": "string", "format": "date"},
            "reasons": {"type": "array", "items": {"type": "object", "required": ["code", "text", "source"], "properties": {
                "code": {"type": "string", "enum": reasons}, "text": {"type": "string"}, "source": {"type": "string"}}}},
            "fee": {"type": "object", "required": ["kind", "percent_of_cost", "amount", "income_per_person",
                                                   "criterion", "percent_of_criterion"], "properties": {
                "kind": {"type": "string", "enum": list(FEE_KINDS)},
                "percent_of_cost": {"type": "integer", "nullable": True},
                "amount": NULLABLE_MONEY, "income_per_person": MONEY_OUT, "criterion": MONEY_OUT,
                "percent_of_criterion": MONEY_OUT, "explanation": {"type": "string"}}},
            "documents": {"type": "array", "items": {"type": "string"}},
            "stay": {"type": "string"},
        },
    }


def document() -> dict:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Self-check for supported flats in Mielec and Chełm", "version": "1.0.0",
                 "description": "An estimate only: the centre decides. Nothing sent is stored."},
        "paths": {
            "/api/v1/assessment": {"post": {
                "summary": "Assess one set of answers",
                "parameters": [{"name": "Accept-Language", "in": "header", "required": False,
                                "schema": {"type": "string"}, "description": "pl (default), en or uk"}],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Answers"}}}},
                "responses": {
                    "200": {"description": "The outcome", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Outcome"}}}},
                    "400": {"description": "Malformed answers, one message per field", "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
                    "413": {"description": "The body is over 64 KiB", "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
                }}},
            "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {
                "200": {"description": "OpenAPI 3 document", "content": {"application/json": {
                    "schema": {"type": "object"}}}}}}},
        },
        "components": {"schemas": {
            "Answers": {"oneOf": [{"$ref": "#/components/schemas/AnswersSingle"},
                                  {"$ref": "#/components/schemas/AnswersFamily"}]},
            "AnswersSingle": _answers("single"), "AnswersFamily": _answers("family"), "Outcome": _outcome(), "Errors": ERRORS}},
    }
