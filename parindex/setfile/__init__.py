"""Criteria-set files: YAML in and out, validation with Vietnamese messages, Excel in the published layout.

Pure Python (no Django): the command line, the web application and the benchmark all read sets this way.
"""

from parindex.setfile.load import (
    check_criteria_set,
    criteria_set_to_data,
    dump_criteria_set,
    load_criteria_set,
    parse_criteria_set,
)
from parindex.setfile.problems import CriteriaSetError, SetProblem

__all__ = [
    "CriteriaSetError",
    "SetProblem",
    "check_criteria_set",
    "criteria_set_to_data",
    "dump_criteria_set",
    "load_criteria_set",
    "parse_criteria_set",
]
