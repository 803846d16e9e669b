"""The council's four departments (tests/council/scenario.py), reused: their figures are known."""

from tests.council.conftest import (  # noqa: F401 (fixtures)
    appraised,
    approved,
    head_b,
    published,
    scenario,
    unit_c,
    unit_d,
)
