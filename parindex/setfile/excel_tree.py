"""From the rows of a criteria table to the plain data SetBuilder reads: codes, the tree, each node's keys.

The tree comes from the dotted codes: "1.2.3" is a child of "1.2", which must be a row above it in the same
part of the table. A sheet written by parindex keeps its codes exactly. A province's plain template is read
the way such templates are numbered (see `assign_plain_codes`), and each of its leaves becomes a `manual`
rule whose points the appraiser types, with the published wording kept as guidance.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

from parindex.engine import RULE_TYPES
from parindex.engine.tree import SectionKind
from parindex.setfile.excel_layout import (
    ALLOW_NA,
    CAPPED,
    NO,
    RULE,
    SOURCE,
    SOURCE_LABELS,
    YES,
    ParentMissing,
    label_to_code,
    parent_code,
    rule_from_cell,
    yes_no,
)
from parindex.setfile.excel_table import Table, TableRow, TableSection, cell_text
from parindex.setfile.load import explain_yaml_problem
from parindex.setfile.yamlio import LineDict

MSG_BAD_STT = "STT “{stt}” không phải là mã tiêu chí (1, 1.2, 1.2.3), số La Mã (I, II) hay chữ cái (a, b)"
MSG_LETTER_WITHOUT_PARENT = "STT “{stt}” là chữ cái nhưng phía trên không có tiêu chí đánh số để làm tiêu chí cha"
MSG_PARENT_MISSING = "không có dòng của tiêu chí cha “{parent}” ở phía trên, trong cùng phần của bảng"
MSG_BAD_CHOICE = "cột “{column}”: “{value}” không hợp lệ; ghi {choices}"
MSG_RULE_SYNTAX = "cột “{column}” không đúng cú pháp YAML: {problem}"

#: Provinces number bonus and penalty items from 1 again; a prefix keeps their codes apart from the fields'.
PLAIN_SECTION_PREFIX: Mapping[SectionKind, str] = {"criteria": "", "bonus": "T", "penalty": "TR"}

_ROMAN = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
_DOTTED = re.compile(r"^\d+(?:\.\d+)*$")
_LETTER = re.compile(r"^[a-zđ]$")
_PREFIXED = re.compile(r"^[A-ZĐ]{1,3}\.?\d+(?:\.\d+)*$")  # "T1", "T.1", "TR1.2": kept as written
_PART_LETTER = re.compile(r"^[A-HJ-UW]$")  # "A. Tiêu chí đánh giá": a part heading (I, V, X are Roman)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


@dataclass(frozen=True)
class RowProblem:
    row: int
    message: str
    code: str | None = None


@dataclass
class TreeData:
    """The sections as SetBuilder data (each mapping's `line` is its Excel row) and the problems met."""

    criteria: list[LineDict] = field(default_factory=list)
    sections: dict[SectionKind, LineDict] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    rows_with_rule_problem: set[int] = field(default_factory=set)


def roman_value(text: str) -> int | None:
    if not text or not _ROMAN.match(text):
        return None
    values = [_ROMAN_VALUES[letter] for letter in text]
    return sum(
        -value if value < following else value for value, following in zip(values, [*values[1:], 0], strict=True)
    )


def _stt_token(stt: str) -> str:
    """ "1." → "1", "a)" → "a", " 1. 2 " → "1.2": how templates decorate their numbers."""
    return re.sub(r"\s+", "", stt).rstrip(".)").lstrip("(")


def assign_plain_codes(section: TableSection) -> list[RowProblem]:
    """Codes for a province's template, numbered as such templates are.

    - "1.", "1.2." lose the trailing dot; "a)", "b." become "a", "b".
    - A Roman numeral (I, II …) is a field and its code is the number ("II" → "2"). If the rows under it are
      numbered "2.1", "2.2" they keep their codes; if they restart ("1", "2", "2.1"), the field's number is put
      in front ("2.1", "2.2", "2.2.1"), so that codes stay unique across fields.
    - A lower-case letter is a child of the nearest numbered row above ("a" under "1.2" → "1.2.a").
    - A single capital letter other than a Roman numeral ("A. CÁC TIÊU CHÍ") heads a part and is skipped.
    - In the bonus and penalty parts numbered codes get a prefix ("T1", "TR1.2"), since provinces number
      them from 1 again. Codes that already start with capital letters ("T1", "T.1", "TR1.2") are kept.
    """
    problems: list[RowProblem] = []
    prefix = PLAIN_SECTION_PREFIX[section.kind]
    tokens = [_stt_token(row.stt) for row in section.rows]
    field_number: int | None = None
    prefix_field = False
    anchor: str | None = None
    for position, (row, token) in enumerate(zip(section.rows, tokens, strict=True)):
        roman = roman_value(token)
        if roman is not None:
            field_number, anchor = roman, f"{prefix}{roman}"
            prefix_field = _field_restarts_numbering(roman, tokens[position + 1 :])
            row.code = anchor
        elif _DOTTED.match(token):
            number = f"{field_number}.{token}" if field_number is not None and prefix_field else token
            row.code = anchor = f"{prefix}{number}"
        elif _PREFIXED.match(token):
            row.code = anchor = token
        elif _LETTER.match(token):
            if anchor is None:
                problems.append(RowProblem(row.row, MSG_LETTER_WITHOUT_PARENT.format(stt=row.stt)))
            else:
                row.code = f"{anchor}.{token}"
        elif not _PART_LETTER.match(token):
            problems.append(RowProblem(row.row, MSG_BAD_STT.format(stt=row.stt)))
    section.rows = [row for row in section.rows if row.code]
    return problems


def _field_restarts_numbering(field_number: int, following: list[str]) -> bool:
    numbered = []
    for token in following:
        if roman_value(token) is not None:
            break
        if _DOTTED.match(token):
            numbered.append(token)
    return not all(token.startswith(f"{field_number}.") for token in numbered)


def build_tree(table: Table) -> TreeData:
    tree = TreeData()
    for section in table.sections:
        if table.machine:
            for row in section.rows:
                row.code = row.stt
        else:
            tree.problems += assign_plain_codes(section)
        nodes = _assemble(section, table, tree)
        if section.kind == "criteria":
            tree.criteria = nodes
        else:
            data = LineDict(criteria=nodes)
            data.line = section.row
            if section.cap is not None:
                data["cap"] = section.cap
            tree.sections[section.kind] = data
    return tree


def _assemble(section: TableSection, table: Table, tree: TreeData) -> list[LineDict]:
    roots: list[LineDict] = []
    by_code: dict[str, LineDict] = {}
    rows: list[tuple[TableRow, LineDict]] = []
    for row in section.rows:
        data = _node_data(row, table, tree)
        try:
            parent = parent_code(row.code, by_code, section.kind)
        except ParentMissing as missing:
            tree.problems.append(RowProblem(row.row, MSG_PARENT_MISSING.format(parent=missing.parent), row.code))
        else:
            if parent is None:
                roots.append(data)
            else:
                by_code[parent].setdefault("children", []).append(data)
        by_code[row.code] = data  # a repeated code: later rows attach to the latest; SetBuilder reports it
        rows.append((row, data))
    for row, data in rows:
        _finish_node(row, data, table, tree)
    return roots


def _node_data(row: TableRow, table: Table, tree: TreeData) -> LineDict:
    data = LineDict(code=row.code)
    data.line = row.row
    if row.title:
        data["title"] = row.title
    if row.maximum is not None:
        data["max"] = row.maximum
    if row.evidence:
        data["evidence"] = row.evidence
    choices = f"{YES}, {NO} hoặc để trống"
    for column, raw, read in (
        (ALLOW_NA, row.allow_na, yes_no),
        (CAPPED, row.capped, yes_no),
        (SOURCE, row.source, lambda value: label_to_code(value, SOURCE_LABELS)),
    ):
        if not cell_text(raw):
            continue
        value = read(raw)
        if value is None:
            allowed = choices if column is not SOURCE else ", ".join(SOURCE_LABELS.values()) + " hoặc để trống"
            message = MSG_BAD_CHOICE.format(column=column.title, value=cell_text(raw), choices=allowed)
            tree.problems.append(RowProblem(row.row, message, row.code))
        else:
            data[column.key] = value
    return data


def _finish_node(row: TableRow, data: LineDict, table: Table, tree: TreeData) -> None:
    """The rule and guidance, once it is known whether the row has children below it."""
    has_children = "children" in data
    rule = _read_rule(row, tree) if row.rule else None
    if rule is not None:
        data["rule"] = rule  # on a parent too: SetBuilder then says a parent has no rule
    elif not has_children and not table.machine:
        data["rule"] = {"type": "manual"}
    generated = table.machine and _is_generated_description(row.guidance, rule, data.get("max"))
    if row.guidance and not generated:
        data["guidance"] = row.guidance


def _read_rule(row: TableRow, tree: TreeData) -> Any:
    try:
        rule = rule_from_cell(row.rule)
    except yaml.YAMLError as exc:
        problem = explain_yaml_problem(getattr(exc, "problem", None) or str(exc))  # the YAML loader's Vietnamese
        tree.problems.append(RowProblem(row.row, MSG_RULE_SYNTAX.format(column=RULE.title, problem=problem), row.code))
        tree.rows_with_rule_problem.add(row.row)
        return None
    if isinstance(rule, str) and rule in RULE_TYPES:
        return {"type": rule}  # "manual" written alone, without braces
    return rule


def _is_generated_description(text: str, rule_data: object, maximum: object) -> bool:
    """Whether the Cách chấm điểm cell only repeats the rule's own description, as the export writes it.

    Such text is not the set's published wording (guidance) and must not become it, or a round trip would
    add guidance the set never had.
    """
    if not isinstance(rule_data, Mapping) or not isinstance(maximum, Decimal):
        return False
    rule_class = RULE_TYPES.get(str(rule_data.get("type")))
    if rule_class is None:
        return False
    params = {key: value for key, value in rule_data.items() if key != "type"}
    try:
        rule = rule_class.from_params(params, maximum)
    except Exception:  # a broken rule is SetBuilder's to report; here it only means "not generated"
        return False
    return rule.describe() == text
