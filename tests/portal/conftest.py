"""The council's four-department scenario (tests/council/scenario.py), in every state of the cycle, and the
portal's addresses for it."""

from tests.council.conftest import (  # noqa: F401  (fixtures, found by name)
    DECISION_DATE,
    DECISION_NUMBER,
    appraised,
    approved,
    head_b,
    published,
    scenario,
    unit_c,
    unit_d,
)
