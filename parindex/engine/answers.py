"""A unit's answers: per leaf code a parsed value, NOT_APPLICABLE ("không áp dụng"), or nothing (not scored)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from parindex.engine.errors import InputError
from parindex.engine.na import NOT_APPLICABLE
from parindex.engine.rules.base import fold
from parindex.engine.text import num
from parindex.engine.tree import CriteriaSet

MSG_NA_NOT_ALLOWED = "tiêu chí “{code}” không được chấm “không áp dụng”"
MSG_UNKNOWN_CODE = "không có tiêu chí “{code}” trong bộ tiêu chí"
MSG_NOT_A_LEAF = "“{code}” là tiêu chí có tiêu chí con, không chấm trực tiếp"

NA_WORDS: Final = {"kad", "khong ap dung", "k/a/d", "n/a"}


Answers = Mapping[str, Any]


@dataclass(frozen=True)
class AnswerError:
    code: str
    message: str


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def is_na_word(raw: object) -> bool:
    return isinstance(raw, str) and fold(raw) in NA_WORDS


# A year's answers repeat ("Có", "100%", "2"): each is parsed once per leaf (Plan.parse_memo), and every
# unit giving it shares one value object, which scoring then finds by identity (scoring.py). Keyed by type
# too, so that True and 1 (equal in Python) are never mistaken for each other. Bounded per leaf, so that a
# year of distinct fractions cannot grow it without end.
_PARSE_MEMO_LIMIT = 2048


def parse_answer(criteria_set: CriteriaSet, code: str, raw: object) -> Any:
    """One raw answer (a spreadsheet cell, a form value) as the leaf's value, NOT_APPLICABLE, or None (blank).

    Raises InputError with a Vietnamese message that names the criterion.
    """
    memo = criteria_set.plan.parse_memo.setdefault(code, {})
    key = (type(raw), raw)
    try:
        return memo[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable raw answer (a list from a form): parse it every time
        return _parse_answer(criteria_set, code, raw)
    value = _parse_answer(criteria_set, code, raw)
    if len(memo) < _PARSE_MEMO_LIMIT:
        memo[key] = value
    return value


def _parse_answer(criteria_set: CriteriaSet, code: str, raw: object) -> Any:
    node = criteria_set.nodes_by_code.get(code)
    if node is None:
        raise InputError(MSG_UNKNOWN_CODE.format(code=code))
    if node.rule is None:
        raise InputError(MSG_NOT_A_LEAF.format(code=code))
    if is_blank(raw):
        return None
    if is_na_word(raw) or raw is NOT_APPLICABLE:
        if not criteria_set.plan.leaves_by_code[code].na_allowed:
            raise InputError(MSG_NA_NOT_ALLOWED.format(code=code))
        return NOT_APPLICABLE
    return node.rule.parse(raw)


def parse_answers(criteria_set: CriteriaSet, raw: Mapping[str, object]) -> tuple[dict[str, Any], list[AnswerError]]:
    """Every answer parsed; errors are collected (one per bad answer), never raised, so all can be shown."""
    parsed: dict[str, Any] = {}
    errors: list[AnswerError] = []
    for code, value in raw.items():
        try:
            answer = parse_answer(criteria_set, code, value)
        except InputError as exc:
            errors.append(AnswerError(code, str(exc)))
            continue
        if answer is not None:
            parsed[code] = answer
    return parsed, errors


def explain_answer(criteria_set: CriteriaSet, code: str, value: Any) -> str:
    """How a leaf's answer turned into points, in Vietnamese, including "không áp dụng" and "not scored"."""
    node = criteria_set.node(code)
    if value is None:
        return f"Chưa chấm → 0 điểm (tối đa {num(node.maximum)})"
    if value is NOT_APPLICABLE:
        return f"Không áp dụng → không tính {num(node.maximum)} điểm vào điểm tối đa"
    assert node.rule is not None
    return node.rule.explain(value)
