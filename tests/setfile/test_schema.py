import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from parindex.setfile.schema import SCHEMA_PATH, build_json_schema, schema_text
from parindex.setfile.yamlio import read_yaml

DEMO_SETS = sorted((Path(__file__).parents[2] / "parindex" / "demo" / "sets").glob("*.yaml"))


def as_json(data):
    """YAML data as JSON would carry it (Decimals as numbers, dates as ISO text)."""
    return json.loads(json.dumps(data, default=lambda v: float(v) if isinstance(v, Decimal) else v.isoformat()))


def validator():
    return jsonschema.Draft202012Validator(build_json_schema())


def test_the_committed_schema_is_the_generated_one():
    # Regenerate with: python -m parindex.setfile.schema
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text()


def test_the_schema_is_itself_valid():
    jsonschema.Draft202012Validator.check_schema(build_json_schema())


@pytest.mark.parametrize("path", DEMO_SETS, ids=lambda p: p.name)
def test_every_demo_set_conforms_to_the_schema(path):
    errors = list(validator().iter_errors(as_json(read_yaml(path.read_text(encoding="utf-8")))))
    assert errors == []


MINIMAL = {
    "name": "A",
    "year": 2025,
    "group": "so",
    "criteria": [{"code": "1", "title": "A", "max": 1, "rule": {"type": "manual"}}],
}


@pytest.mark.parametrize(
    "broken",
    [
        {**MINIMAL, "colour": "red"},
        {**MINIMAL, "criteria": [{"code": "1", "title": "A", "max": 1}]},
        {**MINIMAL, "criteria": [{"code": "1", "title": "A", "max": 1, "rule": {"type": "count"}}]},
        {**MINIMAL, "criteria": [{"code": "1", "title": "A", "max": 1, "rule": {"type": "binary", "points": 1}}]},
        {**MINIMAL, "criteria": [{"code": "1", "title": "A", "max": 1, "rule": {"type": "nope"}}]},
        {**MINIMAL, "rounding": {"places": 2, "mode": "round"}},
    ],
)
def test_the_schema_rejects_what_the_validator_rejects(broken):
    assert list(validator().iter_errors(broken))


def test_the_schema_accepts_a_minimal_set():
    assert list(validator().iter_errors(MINIMAL)) == []
