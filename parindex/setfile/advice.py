"""Warnings on a valid criteria set: things a province may well have meant, but usually did not.

They never stop a set from being used (the validator does that); they are shown beside it so that a typo
such as a top tier of 0,5 on a 1-point criterion is seen before a hundred units are scored with it.
"""

from __future__ import annotations

from parindex.engine import CriteriaSet
from parindex.engine.text import num
from parindex.setfile.problems import SetProblem

MSG_UNREACHABLE = (
    "theo cách chấm, điểm cao nhất đạt được là {best}, thấp hơn điểm tối đa {maximum}: kiểm tra lại nếu không cố ý"
)
MSG_SECTION_CAP_UNREACHABLE = "các tiêu chí chỉ cộng được {total} điểm, chưa tới mức trần {cap}"


def criteria_set_warnings(criteria_set: CriteriaSet) -> list[SetProblem]:
    warnings = []
    for leaf in criteria_set.all_leaves:
        assert leaf.rule is not None
        best = leaf.rule.best_points()
        if best < leaf.maximum:
            message = MSG_UNREACHABLE.format(best=num(best), maximum=num(leaf.maximum))
            warnings.append(SetProblem(f"Tiêu chí “{leaf.code}”", message, code=leaf.code))
    for label, section in (("Điểm thưởng", criteria_set.bonus), ("Điểm trừ", criteria_set.penalty)):
        if section is not None:
            total = sum((node.maximum for node in section.criteria), start=section.cap * 0)
            if total < section.cap:
                message = MSG_SECTION_CAP_UNREACHABLE.format(total=num(total), cap=num(section.cap))
                warnings.append(SetProblem(label, message))
    return warnings
