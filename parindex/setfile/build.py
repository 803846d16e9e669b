"""Turning the data of a criteria-set file into an engine CriteriaSet, checking everything on the way.

Every problem is collected (not just the first) and names the node code and the line: a province fixing a
template wants the whole list at once. Unknown keys and wrong types are errors, never silently ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Any

from parindex.engine import RULE_TYPES, Band, CriteriaSet, Node, Rounding, RuleParamError, Section
from parindex.engine.rules import Rule, SurveyRule
from parindex.engine.rules.base import read_date
from parindex.engine.text import num
from parindex.engine.tree import SurveyMode
from parindex.setfile.problems import SetProblem

TOP_KEYS = {
    "name",
    "year",
    "group",
    "max_points",
    "rounding",
    "allow_na",
    "bands",
    "survey",
    "criteria",
    "bonus",
    "penalty",
    "source_note",
}
TOP_REQUIRED = ("name", "year", "group", "criteria")
NODE_KEYS = {"code", "title", "max", "children", "rule", "allow_na", "capped", "guidance", "evidence", "source"}
NODE_REQUIRED = ("code", "title", "max")
SOURCES = ("unit", "survey", "directives", "organizer", "external")
# A penalty leaf's points are deducted: only rules where more points means "more to deduct" read right there.
PENALTY_RULES = ("count", "binary", "manual", "tiers")
GROUP_PATTERN = re.compile(r"^[a-z0-9_]+$")
SECTION_NAMES = {"bonus": "Điểm thưởng (bonus)", "penalty": "Điểm trừ (penalty)"}

MSG_NOT_A_MAPPING = "phải là một bảng khóa: giá trị (mapping), không phải {got}"
MSG_UNKNOWN_KEY = "khóa “{key}” không thuộc định dạng bộ tiêu chí{hint}"
MSG_MISSING_KEY = "thiếu khóa bắt buộc “{key}”"
MSG_NOT_TEXT = "“{key}” phải là văn bản không rỗng"
MSG_NOT_NUMBER = "“{key}” phải là một số, không phải “{value}”"
MSG_NOT_POSITIVE = "“{key}” phải lớn hơn 0, không phải {value}"
MSG_NOT_BOOL = "“{key}” phải là true hoặc false, không phải “{value}”"
MSG_NOT_LIST = "“{key}” phải là một danh sách"
MSG_EMPTY_LIST = "“{key}” phải có ít nhất một phần tử"
MSG_CHILDREN_SUM = "các tiêu chí con cộng lại {total} điểm nhưng điểm tối đa là {maximum}"
MSG_CHILDREN_BELOW_CAP = (
    "các tiêu chí con cộng lại {total} điểm, chưa tới điểm tối đa {maximum} (capped chỉ cho phép vượt, không cho thiếu)"
)
MSG_TOTAL = "các lĩnh vực cộng lại {total} điểm nhưng max_points là {maximum}"
MSG_DUPLICATE_CODE = "mã “{code}” trùng với tiêu chí ở dòng {line}"
MSG_BOTH_CHILDREN_AND_RULE = "một tiêu chí có tiêu chí con (children) thì không có cách chấm (rule), và ngược lại"
MSG_NEITHER_CHILDREN_NOR_RULE = "cần có tiêu chí con (children) hoặc cách chấm (rule)"
MSG_UNKNOWN_RULE = "cách chấm “{type}” không tồn tại; các cách chấm: {known}"
MSG_CODE_AS_NUMBER = 'mã {value} phải viết trong dấu nháy ("{value}") để không bị đọc thành số'
MSG_BAD_CODE = "mã tiêu chí phải là văn bản không rỗng, không chứa khoảng trắng"
MSG_PENALTY_RULE = (
    "điểm trừ không dùng cách chấm {type} (điểm của nó bị trừ nên sẽ tính ngược); dùng một trong: {allowed}"
)
MSG_BANDS_ORDER = "các ngưỡng xếp loại phải giảm dần (ngưỡng cao nhất trước) và không trùng nhau"


def _type_name(value: object) -> str:
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, str):
        return f"văn bản “{value}”"
    if value is None:
        return "giá trị rỗng"
    return f"giá trị “{value}”"


def _is_number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool) and Decimal(value).is_finite()


def _line(data: object) -> int | None:
    return getattr(data, "line", None)


class SetBuilder:
    def __init__(self) -> None:
        self.problems: list[SetProblem] = []
        self._code_lines: dict[str, int | None] = {}
        self._node_codes: list[str | None] = []  # the node being built, innermost last
        self._sums_in_doubt: set[str | None] = set()  # parents whose children do not add up to their maximum

    # -- reporting -------------------------------------------------------------------------------------

    def problem(self, where: str, message: str, line: int | None = None, code: str | None = None) -> None:
        if code is None and self._node_codes:
            code = self._node_codes[-1]
        self.problems.append(SetProblem(where, message, line, code))

    def _mapping(self, data: object, where: str, line: int | None) -> Mapping[str, Any] | None:
        if not isinstance(data, Mapping):
            self.problem(where, MSG_NOT_A_MAPPING.format(got=_type_name(data)), line)
            return None
        return data

    def _keys(
        self, data: Mapping[str, Any], allowed: set[str], required: tuple[str, ...], where: str, hint: str = ""
    ) -> bool:
        ok = True
        for key in data:
            if key not in allowed:
                self.problem(where, MSG_UNKNOWN_KEY.format(key=key, hint=hint), _line(data))
                ok = False
        for key in required:
            if key not in data:
                self.problem(where, MSG_MISSING_KEY.format(key=key), _line(data))
                ok = False
        return ok

    def _text(self, data: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
        if key not in data:
            return ""  # a missing required key is reported once, by _keys
        value = data[key]
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(where, MSG_NOT_TEXT.format(key=key), _line(data))
            return ""
        return value.strip()

    def _number(self, data: Mapping[str, Any], key: str, where: str, *, positive: bool = False) -> Decimal | None:
        value = data.get(key)
        if not isinstance(value, int | Decimal) or not _is_number(value):
            self.problem(where, MSG_NOT_NUMBER.format(key=key, value=value), _line(data))
            return None
        number = Decimal(value)
        if positive and number <= 0:
            self.problem(where, MSG_NOT_POSITIVE.format(key=key, value=num(number)), _line(data))
            return None
        return number

    def _bool(self, data: Mapping[str, Any], key: str, where: str) -> bool | None:
        if key not in data:
            return None
        value = data[key]
        if not isinstance(value, bool):
            self.problem(where, MSG_NOT_BOOL.format(key=key, value=value), _line(data))
            return None
        return value

    def _list(self, data: Mapping[str, Any], key: str, where: str) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list):
            self.problem(where, MSG_NOT_LIST.format(key=key), _line(data))
            return []
        if not value:
            self.problem(where, MSG_EMPTY_LIST.format(key=key), _line(data))
        return value

    # -- the set ---------------------------------------------------------------------------------------

    def build(self, data: object) -> CriteriaSet | None:
        top = self._mapping(data, "Tệp", None)
        if top is None:
            return None
        self._keys(top, TOP_KEYS, TOP_REQUIRED, "Bộ tiêu chí")
        where = "Bộ tiêu chí"
        name = self._text(top, "name", where)
        year = top.get("year")
        if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
            if "year" in top:
                self.problem(where, f"“year” phải là một năm từ 2000 đến 2100, không phải “{year}”", _line(top))
            year = 0
        group = top.get("group")
        if not isinstance(group, str) or not GROUP_PATTERN.match(group):
            if "group" in top:
                self.problem(
                    where, f"“group” phải là mã nhóm đơn vị (chữ thường, số, _), không phải “{group}”", _line(top)
                )
            group = ""
        max_points = self._number(top, "max_points", where, positive=True) if "max_points" in top else None
        rounding = self._rounding(top.get("rounding"), _line(top)) if "rounding" in top else Rounding()
        allow_na = self._bool(top, "allow_na", where) or False
        bands = self._bands(top.get("bands"), _line(top)) if "bands" in top else ()
        survey_mode = self._survey(top.get("survey"), _line(top)) if "survey" in top else "points"
        source_note = self._text(top, "source_note", where, required=False)

        before_criteria = len(self.problems)
        criteria = tuple(self._nodes(top, "criteria", "Bộ tiêu chí", "criteria")) if "criteria" in top else ()
        criteria_sound = len(self.problems) == before_criteria  # else the sum would only repeat their errors
        bonus = self._section(top, "bonus")
        penalty = self._section(top, "penalty")

        if criteria and criteria_sound and max_points is not None:
            total = sum((node.maximum for node in criteria), Decimal(0))
            if total != max_points:
                self.problem(where, MSG_TOTAL.format(total=num(total), maximum=num(max_points)), _line(top))
        if self.problems:
            return None
        return CriteriaSet(
            name=name,
            year=year,
            group=group,
            criteria=criteria,
            max_points=max_points,
            rounding=rounding,
            bands=bands,
            allow_na=allow_na,
            survey_mode=survey_mode,
            bonus=bonus,
            penalty=penalty,
            source_note=source_note,
        )

    def _rounding(self, data: object, line: int | None) -> Rounding:
        where = "Khóa “rounding”"
        mapping = self._mapping(data, where, line)
        if mapping is None:
            return Rounding()
        self._keys(mapping, {"places", "mode"}, (), where)
        places = mapping.get("places", 2)
        mode = mapping.get("mode", "half_up")
        if not isinstance(places, int) or isinstance(places, bool) or not 0 <= places <= 4:
            self.problem(where, f"“places” phải là số nguyên từ 0 đến 4, không phải “{places}”", _line(mapping))
            places = 2
        if mode not in ("half_up", "truncate"):
            self.problem(where, f"“mode” phải là half_up hoặc truncate, không phải “{mode}”", _line(mapping))
            mode = "half_up"
        return Rounding(places, mode)

    def _bands(self, data: object, line: int | None) -> tuple[Band, ...]:
        where = "Khóa “bands”"
        if not isinstance(data, list):
            self.problem(where, MSG_NOT_LIST.format(key="bands"), line)
            return ()
        bands = []
        for position, item in enumerate(data, start=1):
            item_where = f"Xếp loại thứ {position}"
            mapping = self._mapping(item, item_where, line)
            if mapping is None or not self._keys(mapping, {"name", "min"}, ("name", "min"), item_where):
                continue
            band_name = self._text(mapping, "name", item_where)
            minimum = self._number(mapping, "min", item_where)
            if minimum is not None and not 0 <= minimum <= 100:
                self.problem(item_where, f"ngưỡng {num(minimum)} phải nằm trong khoảng 0 đến 100", _line(mapping))
            if band_name and minimum is not None:
                bands.append(Band(band_name, minimum))
        mins = [band.min for band in bands]
        if any(higher <= lower for higher, lower in pairwise(mins)):
            self.problem(where, MSG_BANDS_ORDER, line)
        return tuple(bands)

    def _survey(self, data: object, line: int | None) -> SurveyMode:
        where = "Khóa “survey”"
        mapping = self._mapping(data, where, line)
        if mapping is None:
            return "points"
        self._keys(mapping, {"mode"}, ("mode",), where)
        mode = mapping.get("mode", "points")
        if mode == "optional":
            return "optional"
        if mode != "points":
            self.problem(where, f"“mode” phải là points hoặc optional, không phải “{mode}”", _line(mapping))
        return "points"

    def _section(self, top: Mapping[str, Any], key: str) -> Section | None:
        if key not in top:
            return None
        where = SECTION_NAMES[key]
        mapping = self._mapping(top[key], where, _line(top))
        if mapping is None:
            return None
        self._keys(mapping, {"cap", "criteria"}, ("cap", "criteria"), where)
        cap = self._number(mapping, "cap", where) if "cap" in mapping else None
        if cap is not None and cap < 0:
            self.problem(where, f"“cap” phải từ 0 trở lên, không phải {num(cap)}", _line(mapping))
        nodes = tuple(self._nodes(mapping, "criteria", where, key)) if "criteria" in mapping else ()
        if cap is None:
            return None
        return Section(cap, nodes)

    # -- nodes -----------------------------------------------------------------------------------------

    def _nodes(self, parent: Mapping[str, Any], key: str, parent_where: str, kind: str) -> list[Node]:
        nodes = []
        for position, item in enumerate(self._list(parent, key, parent_where), start=1):
            node = self._node(item, f"Tiêu chí thứ {position} trong {parent_where}", kind, _line(parent))
            if node is not None:
                nodes.append(node)
        return nodes

    def _code(self, data: Mapping[str, Any], fallback_where: str) -> str | None:
        value = data.get("code")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, Decimal):
            self.problem(fallback_where, MSG_CODE_AS_NUMBER.format(value=value), _line(data))
            return None
        if not isinstance(value, str) or not value.strip() or re.search(r"\s", value.strip()):
            if "code" in data:
                self.problem(fallback_where, MSG_BAD_CODE, _line(data))
            return None
        code = value.strip()
        if code in self._code_lines:
            self.problem(
                f"Tiêu chí “{code}”",
                MSG_DUPLICATE_CODE.format(code=code, line=self._code_lines[code]),
                _line(data),
                code,
            )
        else:
            self._code_lines[code] = _line(data)
        return code

    def _node(self, data: object, fallback_where: str, kind: str, parent_line: int | None) -> Node | None:
        mapping = self._mapping(data, fallback_where, parent_line)
        if mapping is None:
            return None
        code = self._code(mapping, fallback_where)
        where = f"Tiêu chí “{code}”" if code else fallback_where
        line = _line(mapping)
        before = len(self.problems)

        def report(message: str) -> None:
            self.problem(where, message, line, code)

        self._node_codes.append(code)
        try:
            return self._node_body(mapping, code, where, kind, report, before)
        finally:
            self._node_codes.pop()

    def _node_body(
        self, mapping: Mapping[str, Any], code: str | None, where: str, kind: str, report: Any, before: int
    ) -> Node | None:
        self._keys(mapping, NODE_KEYS, NODE_REQUIRED, where)
        title = self._text(mapping, "title", where) if "title" in mapping else ""
        maximum = self._number(mapping, "max", where, positive=True) if "max" in mapping else None
        allow_na = self._bool(mapping, "allow_na", where)
        capped = self._bool(mapping, "capped", where) or False
        guidance = self._text(mapping, "guidance", where, required=False)
        evidence = self._text(mapping, "evidence", where, required=False)
        source = mapping.get("source")
        if source is not None and source not in SOURCES:
            report(f"“source” phải là một trong {', '.join(SOURCES)}, không phải “{source}”")
            source = None
        if kind != "criteria" and allow_na:
            report("điểm thưởng và điểm trừ không có “không áp dụng”")

        has_children, has_rule = "children" in mapping, "rule" in mapping
        children: tuple[Node, ...] = ()
        rule: Rule | None = None
        if has_children and has_rule:
            report(MSG_BOTH_CHILDREN_AND_RULE)
        elif not has_children and not has_rule:
            report(MSG_NEITHER_CHILDREN_NOR_RULE)
        elif has_children:
            children = tuple(self._nodes(mapping, "children", where, kind))
            # The sum is checked on the children's declared maxima, even when a child has another problem
            # (a rule typo, say): the province then sees every mistake of the file in one pass.
            # Not when a child's own maximum disagrees with its children: which of the two is the typo is
            # unknown, and the parent would only repeat it.
            maxima = _declared_maxima(mapping["children"], self._sums_in_doubt)
            if maximum is not None and maxima and not self._check_children_sum(maxima, maximum, capped, report):
                self._sums_in_doubt.add(code)
        elif maximum is not None:
            rule = self._rule(mapping.get("rule"), maximum, report)
            if capped:
                report("“capped” chỉ dùng cho tiêu chí có tiêu chí con")
            if kind == "penalty" and rule is not None and rule.type_name not in PENALTY_RULES:
                report(MSG_PENALTY_RULE.format(type=rule.type_name, allowed=", ".join(PENALTY_RULES)))
            if isinstance(rule, SurveyRule) and source not in (None, "survey"):
                report(f"cách chấm survey lấy điểm từ điều tra xã hội học, “source” không thể là “{source}”")

        if len(self.problems) > before or code is None or maximum is None:
            return None
        return Node(
            code=code,
            title=title,
            maximum=maximum,
            children=children,
            rule=rule,
            allow_na=allow_na,
            capped=capped,
            guidance=guidance,
            evidence=evidence,
            source=source,
        )

    @staticmethod
    def _check_children_sum(maxima: list[Decimal], maximum: Decimal, capped: bool, report: Any) -> bool:
        total = sum(maxima, Decimal(0))
        if capped:
            if total < maximum:
                report(MSG_CHILDREN_BELOW_CAP.format(total=num(total), maximum=num(maximum)))
                return False
        elif total != maximum:
            report(MSG_CHILDREN_SUM.format(total=num(total), maximum=num(maximum)))
            return False
        return True

    def _rule(self, data: object, maximum: Decimal, report: Any) -> Rule | None:
        if not isinstance(data, Mapping):
            report(f"“rule” {MSG_NOT_A_MAPPING.format(got=_type_name(data))}")
            return None
        rule_type = data.get("type")
        rule_class = RULE_TYPES.get(rule_type) if isinstance(rule_type, str) else None
        if rule_class is None:
            report(MSG_UNKNOWN_RULE.format(type=rule_type, known=", ".join(RULE_TYPES)))
            return None
        params = {key: value for key, value in data.items() if key != "type"}
        problems = self._rule_param_types(rule_class, params)
        if not problems:
            try:
                return rule_class.from_params(params, maximum)
            except RuleParamError as exc:
                problems = exc.problems
        for problem in problems:
            report(f"cách chấm {rule_type}: {problem}")
        return None

    @staticmethod
    def _rule_param_types(rule_class: type[Rule], params: Mapping[str, Any]) -> list[str]:
        """Types and presence of a rule's parameters; their values are checked by the rule itself."""
        problems = []
        spec = rule_class.params_spec
        for key in params:
            if key not in spec:
                known = ", ".join(spec) or "không có tham số nào"
                problems.append(f"tham số “{key}” không có ở cách chấm này (các tham số: {known})")
        for key, (kind, required) in spec.items():
            if key not in params:
                if required:
                    problems.append(f"thiếu tham số “{key}”")
                continue
            problems += _param_type_problems(key, kind, params[key])
        return problems


def _declared_maxima(children: object, in_doubt: set[str | None]) -> list[Decimal]:
    """The children's `max` values when every child declares a valid one that is not itself in doubt,
    else [] (nothing to add up)."""
    if not isinstance(children, list) or not children:
        return []
    maxima = []
    for child in children:
        if not isinstance(child, Mapping) or str(child.get("code")) in in_doubt:
            return []
        value = child.get("max")
        if not isinstance(value, int | Decimal) or not _is_number(value) or value <= 0:
            return []
        maxima.append(Decimal(value))
    return maxima


def _param_type_problems(key: str, kind: str, value: Any) -> list[str]:
    if kind in ("points", "positive", "number"):
        if not _is_number(value):
            return [f"tham số “{key}” phải là một số, không phải “{value}”"]
        if kind == "positive" and value <= 0:
            return [f"tham số “{key}” phải lớn hơn 0"]
        return []
    if kind == "bool":
        return [] if isinstance(value, bool) else [f"tham số “{key}” phải là true hoặc false"]
    if kind == "on":
        return (
            [] if value in ("percent", "count") else [f"tham số “on” phải là percent hoặc count, không phải “{value}”"]
        )
    if kind == "date":
        if isinstance(value, date):
            return []
        try:
            read_date(value)
        except ValueError:
            return [f"tham số “{key}” phải là một ngày (2025-12-31 hoặc 31/12/2025), không phải “{value}”"]
        return []
    if kind == "tiers":
        return _list_of_mappings(key, value, {"min": "number", "points": "number"})
    if kind == "levels":
        return _list_of_mappings(key, value, {"key": "text", "label": "text", "share": "number"})
    raise AssertionError(kind)


def _list_of_mappings(key: str, value: Any, fields: Mapping[str, str]) -> list[str]:
    if not isinstance(value, list) or not value:
        return [f"tham số “{key}” phải là một danh sách không rỗng"]
    problems = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, Mapping):
            problems.append(f"{key}[{position}] phải là một bảng khóa: giá trị")
            continue
        for field in item:
            if field not in fields:
                problems.append(f"{key}[{position}]: khóa “{field}” không dùng ở đây (chỉ có {', '.join(fields)})")
        for field, field_kind in fields.items():
            if field not in item:
                problems.append(f"{key}[{position}]: thiếu “{field}”")
            elif field_kind == "number" and not _is_number(item[field]):
                problems.append(f"{key}[{position}]: “{field}” phải là một số, không phải “{item[field]}”")
            elif field_kind == "text" and (not isinstance(item[field], str) or not item[field].strip()):
                problems.append(f"{key}[{position}]: “{field}” phải là văn bản không rỗng")
    return problems
