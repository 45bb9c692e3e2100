"""The OpenAPI 3 description of the API, built from the same vocabularies."""
from __future__ import annotations

from ..rules.codes import FACILITIES, FEE_KINDS, HOUSEHOLDS, REASONS, SITUATIONS, STATUSES

YES_NO = {"type": "string", "enum": ["yes", "no"]}
MONEY_OUT = {"type": "string", "pattern": r"^[0-9]+\.[0-9]{2}$"}
NULLABLE_MONEY = {"type": "string", "pattern": r"^[0-9]+\.[0-9]{2}$", "nullable": True}
ERRORS = {"type": "object", "required": ["errors"], "properties": {
    "errors": {"type": "object", "additionalProperties": {"type": "string"}}}}


def _answers() -> dict:
    return {
        "type": "object", "additionalProperties": False,
        "required": ["facility", "adult", "resident", "round_the_clock_care", "household", "income"],
        "properties": {
            "facility": {"type": "string", "enum": list(FACILITIES)},
            "adult": YES_NO, "resident": YES_NO, "round_the_clock_care": YES_NO,
            "situations": {"type": "array", "uniqueItems": True,
                           "items": {"type": "string", "enum": list(SITUATIONS)}},
            "household": {"type": "string", "enum": list(HOUSEHOLDS)},
            "household_size": {"type": "integer", "minimum": 2, "maximum": 20,
                               "description": "Required when household is family; leave it out otherwise."},
            "income": {"description": "Total net monthly income of the household in PLN.",
                       "oneOf": [{"type": "string", "example": "1234.56"},
                                 {"type": "number", "minimum": 0, "maximum": 1000000, "multipleOf": 0.01}]},
            "on": {"type": "string", "format": "date", "description": "Rules date; default today (Europe/Warsaw)."},
        },
    }


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
                }}},
            "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {
                "200": {"description": "OpenAPI 3 document", "content": {"application/json": {
                    "schema": {"type": "object"}}}}}}},
        },
        "components": {"schemas": {"Answers": _answers(), "Outcome": _outcome(), "Errors": ERRORS}},
    }
