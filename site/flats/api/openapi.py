"""The OpenAPI 3 description of the API, built from the vocabulary and the loaded facilities."""
from __future__ import annotations

from .. import vocabulary as vocab
from ..money import income_pattern
from ..patterns import date_pattern
from ..rules import Rules

MONEY_OUT = {"type": "string", "pattern": r"^[0-9]+\.[0-9]{2}$"}
NULLABLE_MONEY = {"type": "string", "pattern": r"^[0-9]+\.[0-9]{2}$", "nullable": True}
ERRORS = {"type": "object", "required": ["errors"], "properties": {
    "errors": {"type": "object", "additionalProperties": {"type": "string"}}}}


def _answers(rules: Rules, facility: str, household: str) -> dict:
    """Answers for one facility and kind of household: household_size only (and always) for a family."""
    yes_no = {"type": "string", "enum": list(vocab.YES_NO)}
    first = rules.first_day(facility)
    properties = {
        "facility": {"type": "string", "enum": [facility]},
        **{name: yes_no for name in vocab.YES_NO_QUESTIONS},
        "situations": {"type": "array", "uniqueItems": True,
                       "items": {"type": "string", "enum": list(vocab.SITUATIONS)}},
        "household": {"type": "string", "enum": [household]},
        "household_size": {"type": "integer", "minimum": vocab.HOUSEHOLD_SIZE_MIN,
                           "maximum": vocab.HOUSEHOLD_SIZE_MAX,
                           "description": "Everyone in the household, including the person."},
        "income": {"description": "Total net monthly income of the household in złoty (PLN): a number, or a "
                                  "string as people write it, with the currency before, after or left out: "
                                  "1650, 1650,50, 1 650,00 zł, 1.650,00, PLN 1,650.00, zł 1650, 1650 zł., "
                                  "1650 злотих. \"1.650\" and \"1,650\" are refused as ambiguous (thousands or "
                                  "grosze?), and amounts in hryvnias as another currency; each refusal says "
                                  "what could not be read.",
                   "oneOf": [{"type": "string", "example": "1 234,56 zł", "pattern": income_pattern()},
                             {"type": "number", "minimum": 0, "maximum": int(vocab.INCOME_MAX),
                              "multipleOf": 0.01}]},
        "on": {"type": "string", "format": "date", "pattern": date_pattern(first),
               "description": f"Rules date; default today (Europe/Warsaw). The first date with rules for "
                              f"this facility is {first.isoformat()}; an earlier one gets 400."},
    }
    required = ["facility", *vocab.YES_NO_QUESTIONS, "household", "income"]
    if household == "family":
        required.append("household_size")
    else:
        del properties["household_size"]
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


def _outcome(rules: Rules) -> dict:
    reasons = sorted({code for facility in rules.facilities.values() for code in facility.reason_codes()})
    return {
        "type": "object", "required": ["facility", "status", "rules_date", "reasons", "fee", "documents", "stay"],
        "properties": {
            "facility": {"type": "string", "enum": list(rules.facilities)},
            "status": {"type": "string", "enum": list(vocab.STATUSES)},
            "rules_date": {"type": "string", "format": "date"},
            "reasons": {"type": "array", "items": {"type": "object", "required": ["code", "text", "source"], "properties": {
                "code": {"type": "string", "enum": reasons}, "text": {"type": "string"}, "source": {"type": "string"}}}},
            "fee": {"type": "object", "required": ["kind", "percent_of_cost", "amount", "income_per_person",
                                                   "criterion", "percent_of_criterion"], "properties": {
                "kind": {"type": "string", "enum": list(vocab.FEE_KINDS)},
                "percent_of_cost": {"type": "integer", "nullable": True},
                "amount": NULLABLE_MONEY, "income_per_person": MONEY_OUT, "criterion": MONEY_OUT,
                "percent_of_criterion": MONEY_OUT, "explanation": {"type": "string"}}},
            "documents": {"type": "array", "items": {"type": "string"}},
            "stay": {"type": "string"},
        },
    }


def document(rules: Rules, title: str) -> dict:
    variants = {f"Answers_{code}_{household}": _answers(rules, code, household)
                for code in rules.facilities for household in vocab.HOUSEHOLDS}
    return {
        "openapi": "3.0.3",
        "info": {"title": f"Self-check: {title}", "version": "1.0.0",
                 "description": "An estimate only: the centre decides. Nothing sent is stored."},
        "paths": {
            "/api/v1/assessment": {"post": {
                "summary": "Assess one set of answers",
                "parameters": [{"name": "Accept-Language", "in": "header", "required": False,
                                "schema": {"type": "string"},
                                "description": f"{', '.join(vocab.LANGUAGES)} ({vocab.DEFAULT_LANGUAGE} by default)"}],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Answers"}}}},
                "responses": {
                    "200": {"description": "The outcome", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Outcome"}}}},
                    "400": {"description": "Malformed answers, one message per field: \"required: …\" for a "
                                           "field left out, and for a value given, that value and what would "
                                           "do instead", "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
                    "413": {"description": "The body is over 64 KiB", "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
                }}},
            "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {
                "200": {"description": "OpenAPI 3 document", "content": {"application/json": {
                    "schema": {"type": "object"}}}}}}},
        },
        "components": {"schemas": {
            "Answers": {"oneOf": [{"$ref": f"#/components/schemas/{name}"} for name in variants]},
            **variants, "Outcome": _outcome(rules), "Errors": ERRORS}},
    }
