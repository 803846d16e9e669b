"""Reading and writing criteria-set files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from parindex.engine import CriteriaSet, Node, Section
from parindex.setfile.build import SetBuilder
from parindex.setfile.problems import CriteriaSetError, SetProblem
from parindex.setfile.yamlio import read_yaml, write_yaml

MSG_YAML_SYNTAX = "tệp không đúng cú pháp YAML: {problem}"
MSG_NOT_UTF8 = "tệp phải là văn bản mã hóa UTF-8"
MSG_NOT_FOUND = "không tìm thấy tệp"
MSG_NO_PERMISSION = "không có quyền đọc tệp"
MSG_IS_DIRECTORY = "đây là một thư mục, không phải tệp"
MSG_UNREADABLE = "không đọc được tệp ({error})"

# PyYAML explains in English; the mistakes people actually make get a Vietnamese explanation, and the rest
# keep PyYAML's words as a technical detail after a Vietnamese lead.
_YAML_PROBLEMS = (
    ("found character '\\t'", "có ký tự Tab: YAML chỉ dùng dấu cách để thụt lề"),
    ("mapping values are not allowed here", "dấu “:” không đúng chỗ (văn bản có dấu hai chấm cần đặt trong dấu nháy)"),
    ("could not find expected ':'", "thiếu dấu “:” sau tên khóa"),
    ("expected ',' or ']'", "danh sách […] chưa được đóng hoặc thiếu dấu phẩy"),
    ("expected ',' or '}'", "bảng {…} chưa được đóng hoặc thiếu dấu phẩy"),
    ("found unexpected end of stream", "dấu nháy chưa được đóng"),
    ("expected <block end>, but found", "thụt lề không khớp với các dòng phía trên"),
)


def explain_yaml_problem(problem: str) -> str:
    for english, vietnamese in _YAML_PROBLEMS:
        if english in problem:
            return vietnamese
    if problem.isascii():
        return f"lỗi cú pháp (chi tiết kỹ thuật: {problem})"
    return problem  # already ours (a repeated key)


def _yaml_problem(exc: yaml.YAMLError) -> SetProblem:
    mark = getattr(exc, "problem_mark", None)
    problem = explain_yaml_problem(getattr(exc, "problem", None) or str(exc))
    line = mark.line + 1 if mark is not None else None
    where = f"Tệp, cột {mark.column + 1}" if mark is not None else "Tệp"
    return SetProblem(where, MSG_YAML_SYNTAX.format(problem=problem), line)


def check_criteria_set(text: str) -> tuple[CriteriaSet | None, list[SetProblem]]:
    """The set built from YAML text, or None with every problem found."""
    try:
        data = read_yaml(text)
    except yaml.YAMLError as exc:
        return None, [_yaml_problem(exc)]
    builder = SetBuilder()
    criteria_set = builder.build(data)
    # In file order: a parent's sum is found after its children's problems but stands above them.
    return criteria_set, sorted(builder.problems, key=lambda problem: problem.line or 0)


def parse_criteria_set(text: str, source: str | None = None) -> CriteriaSet:
    """The set built from YAML text; raises CriteriaSetError listing every problem."""
    criteria_set, problems = check_criteria_set(text)
    if criteria_set is None:
        raise CriteriaSetError(problems, source)
    return criteria_set


def read_text_file(path: Path, source: str) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CriteriaSetError([SetProblem("Tệp", MSG_NOT_UTF8)], source) from None
    except FileNotFoundError:
        raise CriteriaSetError([SetProblem("Tệp", MSG_NOT_FOUND)], source) from None
    except PermissionError:
        raise CriteriaSetError([SetProblem("Tệp", MSG_NO_PERMISSION)], source) from None
    except IsADirectoryError:
        raise CriteriaSetError([SetProblem("Tệp", MSG_IS_DIRECTORY)], source) from None
    except OSError as exc:
        raise CriteriaSetError([SetProblem("Tệp", MSG_UNREADABLE.format(error=exc))], source) from None


def load_criteria_set(path: str | Path) -> CriteriaSet:
    path = Path(path)
    return parse_criteria_set(read_text_file(path, str(path)), str(path))


def criteria_set_to_data(criteria_set: CriteriaSet) -> dict[str, Any]:
    """The set as plain data in the file format's key order (what `dump_criteria_set` writes)."""
    data: dict[str, Any] = {"name": criteria_set.name, "year": criteria_set.year, "group": criteria_set.group}
    if criteria_set.source_note:
        data["source_note"] = criteria_set.source_note
    if criteria_set.max_points is not None:
        data["max_points"] = criteria_set.max_points
    data["rounding"] = {"places": criteria_set.rounding.places, "mode": criteria_set.rounding.mode}
    if criteria_set.allow_na:
        data["allow_na"] = True
    if criteria_set.bands:
        data["bands"] = [{"name": band.name, "min": band.min} for band in criteria_set.bands]
    if criteria_set.survey_mode != "points":
        data["survey"] = {"mode": criteria_set.survey_mode}
    data["criteria"] = [_node_to_data(node) for node in criteria_set.criteria]
    for key, section in (("bonus", criteria_set.bonus), ("penalty", criteria_set.penalty)):
        if section is not None:
            data[key] = _section_to_data(section)
    return data


def _section_to_data(section: Section) -> dict[str, Any]:
    return {"cap": section.cap, "criteria": [_node_to_data(node) for node in section.criteria]}


def _node_to_data(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"code": node.code, "title": node.title, "max": node.maximum}
    if node.allow_na is not None:
        data["allow_na"] = node.allow_na
    if node.capped:
        data["capped"] = True
    if node.source is not None:
        data["source"] = node.source
    if node.guidance:
        data["guidance"] = node.guidance
    if node.evidence:
        data["evidence"] = node.evidence
    if node.rule is not None:
        data["rule"] = {"type": node.rule.type_name, **node.rule.params()}
    else:
        data["children"] = [_node_to_data(child) for child in node.children]
    return data


def dump_criteria_set(criteria_set: CriteriaSet) -> str:
    return write_yaml(criteria_set_to_data(criteria_set))
