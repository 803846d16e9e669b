"""Criteria sets in Excel, in the layout provinces publish: `criteria_set_to_xlsx` and `criteria_set_from_xlsx`.

See docs/criteria-sets.md, section "Excel", for the layout and how a province's own template is read.
"""

from parindex.setfile.excel_export import criteria_set_to_xlsx, write_criteria_set_xlsx
from parindex.setfile.excel_import import check_criteria_set_xlsx, criteria_set_from_xlsx
from parindex.setfile.excel_problems import ExcelProblem

__all__ = [
    "ExcelProblem",
    "check_criteria_set_xlsx",
    "criteria_set_from_xlsx",
    "criteria_set_to_xlsx",
    "write_criteria_set_xlsx",
]
