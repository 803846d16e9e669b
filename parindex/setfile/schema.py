"""The JSON Schema of criteria-set files, generated from the same definitions the validator uses.

The schema is for editors and other tools (it gives completion and red squiggles in VS Code). The
validator in build.py is what parindex itself trusts: it also checks what a schema cannot say (children
adding up to their parent, parameters within a leaf's maximum) and speaks Vietnamese. The committed file
`criteria-set.schema.json` is regenerated with `python -m parindex.setfile.schema` and a test keeps it
in step with this module.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from parindex.engine import RULE_TYPES
from parindex.setfile.build import SOURCES

SCHEMA_PATH = Path(__file__).with_name("criteria-set.schema.json")

_NUMBER = {"type": "number"}
_TEXT = {"type": "string", "minLength": 1}
_PARAM_SCHEMAS: dict[str, dict[str, Any]] = {
    "points": {"type": "number", "minimum": 0},
    "positive": {"type": "number", "exclusiveMinimum": 0},
    "number": _NUMBER,
    "bool": {"type": "boolean"},
    "on": {"enum": ["percent", "count"]},
    "date": {"type": "string", "description": "2025-12-31 hoặc 31/12/2025"},
    "tiers": {
        "type": "array",
        "minItems": 1,
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["min", "points"],
            "properties": {"min": _NUMBER, "points": _NUMBER},
        },
    },
    "levels": {
        "type": "array",
        "minItems": 1,
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["key", "label", "share"],
            "properties": {"key": _TEXT, "label": _TEXT, "share": {"type": "number", "minimum": 0, "maximum": 1}},
        },
    },
}


def _rule_schema(type_name: str) -> dict[str, Any]:
    spec = RULE_TYPES[type_name].params_spec
    return {
        "if": {"properties": {"type": {"const": type_name}}, "required": ["type"]},
        "then": {
            "additionalProperties": False,
            "required": ["type", *[name for name, (_, required) in spec.items() if required]],
            "properties": {"type": {"const": type_name}, **{n: _PARAM_SCHEMAS[k] for n, (k, _) in spec.items()}},
        },
    }


def build_json_schema() -> dict[str, Any]:
    node_ref = {"$ref": "#/$defs/node"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://parindex.example/criteria-set.schema.json",
        "title": "Bộ tiêu chí xác định Chỉ số CCHC (parindex)",
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "year", "group", "criteria"],
        "properties": {
            "name": _TEXT,
            "year": {"type": "integer", "minimum": 2000, "maximum": 2100},
            "group": {"type": "string", "pattern": "^[a-z0-9_]+$"},
            "max_points": {"type": "number", "exclusiveMinimum": 0},
            "rounding": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "places": {"type": "integer", "minimum": 0, "maximum": 4},
                    "mode": {"enum": ["half_up", "truncate"]},
                },
            },
            "allow_na": {"type": "boolean"},
            "bands": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["name", "min"],
                    "properties": {"name": _TEXT, "min": {"type": "number", "minimum": 0, "maximum": 100}},
                },
            },
            "survey": {
                "type": "object",
                "additionalProperties": False,
                "required": ["mode"],
                "properties": {"mode": {"enum": ["points", "optional"]}},
            },
            "criteria": {"type": "array", "minItems": 1, "items": node_ref},
            "bonus": {"$ref": "#/$defs/section"},
            "penalty": {"$ref": "#/$defs/section"},
            "source_note": {"type": "string"},
        },
        "$defs": {
            "section": {
                "type": "object",
                "additionalProperties": False,
                "required": ["cap", "criteria"],
                "properties": {
                    "cap": {"type": "number", "minimum": 0},
                    "criteria": {"type": "array", "minItems": 1, "items": node_ref},
                },
            },
            "node": {
                "type": "object",
                "additionalProperties": False,
                "required": ["code", "title", "max"],
                "oneOf": [{"required": ["children"]}, {"required": ["rule"]}],
                "properties": {
                    "code": {"type": "string", "pattern": "^\\S+$"},
                    "title": _TEXT,
                    "max": {"type": "number", "exclusiveMinimum": 0},
                    "children": {"type": "array", "minItems": 1, "items": node_ref},
                    "rule": {"$ref": "#/$defs/rule"},
                    "allow_na": {"type": "boolean"},
                    "capped": {"type": "boolean"},
                    "guidance": {"type": "string"},
                    "evidence": {"type": "string"},
                    "source": {"enum": list(SOURCES)},
                },
            },
            "rule": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"enum": list(RULE_TYPES)}},
                "allOf": [_rule_schema(name) for name in RULE_TYPES],
            },
        },
    }


def schema_text() -> str:
    return json.dumps(build_json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"Đã ghi {SCHEMA_PATH}")
