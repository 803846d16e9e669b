"""A synthetic national year: a criteria set and every unit's raw answers, seeded so each run is identical.

The set is written as YAML and read by `parse_criteria_set`, so the benchmark scores a real set that passed
the file validator, not a hand-built tree. It has 8 fields shaped like the published PAR Index (field 8
is the sociological survey), every rule type, some leaves that may be answered "không áp dụng".

Every leaf maximum is a multiple of 0,25 and every rule parameter a simple share of it, so every leaf's
points are exact with 4 decimals: the points can then be stored as numeric(12,4) in PostgreSQL with no
rounding, and the SQL side ranks exactly the numbers the engine ranked.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import yaml

from parindex.engine import CriteriaSet
from parindex.setfile import parse_criteria_set

QUARTER = Decimal("0.25")
MAX_LEAVES = 400  # 100 points in quarters: every leaf needs at least 0,25

FIELDS: tuple[tuple[str, int], ...] = (
    ("Công tác chỉ đạo, điều hành cải cách hành chính", 8),
    ("Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", 10),
    ("Cải cách thủ tục hành chính", 14),
    ("Cải cách tổ chức bộ máy hành chính", 8),
    ("Cải cách chế độ công vụ", 12),
    ("Cải cách tài chính công", 8),
    ("Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", 15),
    ("Tác động của cải cách hành chính đến người dân, tổ chức", 25),
)
SURVEY_FIELD = len(FIELDS)  # the last field is scored from the survey

# How often each rule type appears in the appraised fields (weights, not percentages).
RULE_WEIGHTS: dict[str, int] = {
    "manual": 12,
    "binary": 18,
    "tiers_percent": 14,
    "tiers_count": 6,
    "ratio": 10,
    "count": 8,
    "timeliness": 12,
    "quality": 8,
    "deduction": 8,
    "scale": 4,
}
LEAF_TITLES: dict[str, str] = {
    "manual": "Chất lượng báo cáo cải cách hành chính",
    "binary": "Ban hành kế hoạch thực hiện trong năm",
    "tiers_percent": "Tỷ lệ hồ sơ giải quyết đúng hạn",
    "tiers_count": "Số sáng kiến, giải pháp được công nhận",
    "ratio": "Mức độ hoàn thành nhiệm vụ được giao",
    "count": "Số văn bản được rà soát, hệ thống hóa",
    "timeliness": "Thời gian gửi báo cáo định kỳ",
    "quality": "Kết quả kiểm tra, đánh giá",
    "deduction": "Vi phạm trong thực hiện quy định",
    "scale": "Kết quả đánh giá chuyên đề (thang 10)",
    "survey": "Mức độ hài lòng của người dân, tổ chức",
}
NA_ALLOWED_SHARE = 0.12  # leaves that may not arise for every unit ("không phát sinh")
NA_ANSWER_SHARE = 0.35  # of those, how often a unit answers "không áp dụng"
BLANK_SHARE = 0.01  # answers left empty (not scored)
DEADLINE = "15/12/2025"

QUALITY_LEVELS = (
    {"key": "xuat_sac", "label": "Hoàn thành xuất sắc", "share": Decimal(1)},
    {"key": "tot", "label": "Hoàn thành tốt", "share": Decimal("0.75")},
    {"key": "hoan_thanh", "label": "Hoàn thành", "share": Decimal("0.5")},
    {"key": "khong_hoan_thanh", "label": "Không hoàn thành", "share": Decimal(0)},
)
# Divisors that keep max × achieved ÷ required exact at 4 decimals for a maximum in quarters.
RATIO_REQUIRED = (4, 5, 10, 20, 25, 50)


@dataclass(frozen=True)
class Unit:
    unit_id: int
    group_code: str  # the ranking group: a province's sở, or a province's xã


# -- the criteria set ------------------------------------------------------------------------------


def leaves_per_field(total_leaves: int) -> list[int]:
    """The leaves split over the fields in proportion to their maxima (largest remainder), at least one each."""
    if not len(FIELDS) <= total_leaves <= MAX_LEAVES:
        raise ValueError(f"leaves must be within {len(FIELDS)}..{MAX_LEAVES}")
    full = sum(points for _, points in FIELDS)
    exact = [total_leaves * points / full for _, points in FIELDS]
    counts = [max(1, int(share)) for share in exact]
    by_remainder = sorted(range(len(FIELDS)), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    position = 0
    while sum(counts) < total_leaves:
        counts[by_remainder[position % len(FIELDS)]] += 1
        position += 1
    while sum(counts) > total_leaves:
        counts[counts.index(max(counts))] -= 1
    return counts


def split_quarters(rng: random.Random, points: int, leaves: int) -> list[Decimal]:
    """`points` split into `leaves` maxima, each a multiple of 0,25, uneven the way real sets are."""
    quarters = points * 4
    base = max(1, quarters // leaves // 2)
    shares = [base] * leaves
    for _ in range(quarters - base * leaves):
        shares[rng.randrange(leaves)] += 1
    return [QUARTER * share for share in shares]


def rule_for(kind: str, maximum: Decimal, rng: random.Random) -> dict[str, Any]:
    """A rule of the given kind whose every parameter is a simple share of the leaf maximum."""
    half, quarter = maximum / 2, maximum / 4
    rules: dict[str, Callable[[], dict[str, Any]]] = {
        "manual": lambda: {"type": "manual", "step": QUARTER} if maximum >= 2 * QUARTER else {"type": "manual"},
        "binary": lambda: {"type": "binary"} if rng.random() < 0.7 else {"type": "binary", "no": half},
        "tiers_percent": lambda: {
            "type": "tiers",
            "on": "percent",
            "tiers": [{"min": 100, "points": maximum}, {"min": 80, "points": half}, {"min": 50, "points": quarter}],
        },
        "tiers_count": lambda: {
            "type": "tiers",
            "on": "count",
            "tiers": [{"min": 5, "points": maximum}, {"min": 3, "points": half}, {"min": 1, "points": quarter}],
        },
        "ratio": lambda: (
            {"type": "ratio", "required": rng.choice(RATIO_REQUIRED)} if rng.random() < 0.5 else {"type": "ratio"}
        ),
        "count": lambda: {"type": "count", "per_item": quarter},
        "timeliness": lambda: (
            {"type": "timeliness", "late": half, "deadline": DEADLINE}
            if rng.random() < 0.3
            else {"type": "timeliness", "late": half}
        ),
        "quality": lambda: {"type": "quality", "levels": [dict(level) for level in QUALITY_LEVELS]},
        "deduction": lambda: {"type": "deduction", "per_occurrence": quarter, "severe": rng.random() < 0.5},
        "scale": lambda: {"type": "scale", "scale": 10},
    }
    return rules[kind]()


def group_into_criteria(rng: random.Random, leaves: list[dict[str, Any]], field_code: str) -> list[dict[str, Any]]:
    """Leaves grouped 1 to 5 under criteria (tiêu chí); a group of one stays a leaf directly under the field."""
    nodes: list[dict[str, Any]] = []
    position = 0
    while position < len(leaves):
        size = min(rng.randint(1, 5), len(leaves) - position)
        chunk, code = leaves[position : position + size], f"{field_code}.{len(nodes) + 1}"
        if size == 1:
            nodes.append({"code": code, **chunk[0]})
        else:
            children = [{"code": f"{code}.{index}", **leaf} for index, leaf in enumerate(chunk, start=1)]
            total = sum((child["max"] for child in children), Decimal(0))
            nodes.append({"code": code, "title": f"Tiêu chí {code}", "max": total, "children": children})
        position += size
    return nodes


def field_leaves(rng: random.Random, field_number: int, maxima: list[Decimal]) -> list[dict[str, Any]]:
    kinds, weights = list(RULE_WEIGHTS), list(RULE_WEIGHTS.values())
    leaves = []
    for maximum in maxima:
        if field_number == SURVEY_FIELD:
            leaf: dict[str, Any] = {"title": LEAF_TITLES["survey"], "max": maximum, "rule": {"type": "survey"}}
        else:
            kind = rng.choices(kinds, weights)[0]
            leaf = {"title": LEAF_TITLES[kind], "max": maximum, "rule": rule_for(kind, maximum, rng)}
            if rng.random() < NA_ALLOWED_SHARE:
                leaf["allow_na"] = True
        leaves.append(leaf)
    return leaves


def criteria_set_data(leaves: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    fields = []
    for number, ((title, points), count) in enumerate(zip(FIELDS, leaves_per_field(leaves), strict=True), start=1):
        code = str(number)
        leaf_data = field_leaves(rng, number, split_quarters(rng, points, count))
        fields.append(
            {"code": code, "title": title, "max": points, "children": group_into_criteria(rng, leaf_data, code)}
        )
    return {
        "name": f"Bộ tiêu chí mô phỏng cấp quốc gia ({leaves} tiêu chí thành phần)",
        "year": 2025,
        "group": "xa",
        "source_note": "Sinh tự động cho bench/engine_vs_sql.py; không phải bộ tiêu chí đã ban hành.",
        "max_points": 100,
        "rounding": {"places": 2, "mode": "half_up"},
        "bands": [
            {"name": "Tốt", "min": 90},
            {"name": "Khá", "min": 80},
            {"name": "Trung bình", "min": 65},
            {"name": "Yếu", "min": 0},
        ],
        "criteria": fields,
    }


class _SetDumper(yaml.SafeDumper):
    """Writes Decimals as plain numbers and never uses anchors (a province's file has none)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = format(value.normalize(), "f")
    return dumper.represent_scalar("tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int", text)


_SetDumper.add_representer(Decimal, _represent_decimal)


def to_yaml(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_SetDumper, allow_unicode=True, sort_keys=False, width=120)


def criteria_set_yaml(leaves: int, seed: int = 2025) -> str:
    return to_yaml(criteria_set_data(leaves, seed))


def national_criteria_set(leaves: int, seed: int = 2025) -> CriteriaSet:
    return parse_criteria_set(criteria_set_yaml(leaves, seed), "bench")


# -- the units and their answers ---------------------------------------------------------------------

PROVINCES = 34  # since 1 July 2025
SO_SHARE = 0.17  # about 20 sở per province against about 100 xã


def national_units(count: int, seed: int = 2025) -> list[Unit]:
    """`count` units over up to 34 provinces, each province ranking its sở and its xã separately."""
    rng = random.Random(seed)
    provinces = min(PROVINCES, max(1, count // 40))
    units = []
    for unit_id in range(1, count + 1):
        province = rng.randrange(provinces) + 1
        kind = "so" if rng.random() < SO_SHARE else "xa"
        units.append(Unit(unit_id, f"p{province:02d}-{kind}"))
    return units


def vietnamese(value: Decimal | float) -> str:
    """A number the way a spreadsheet cell in Vietnamese would hold it: 87,5."""
    return format(value, "f").replace(".", ",")


def answer_for(rule: dict[str, Any], maximum: Decimal, diligence: float, rng: random.Random) -> str:
    """A raw text answer to a leaf; `diligence` (0..1) is how well the unit does overall."""
    kind = rule["type"]
    good = rng.random() < diligence
    if kind == "manual":
        quarters = int(maximum / QUARTER)
        return vietnamese(QUARTER * (quarters if good else rng.randint(0, quarters)))
    if kind == "binary":
        return rng.choice(["Có", "có", "x"]) if good else rng.choice(["Không", "khong"])
    if kind == "tiers" and rule["on"] == "percent":
        total = rng.randint(10, 400)
        done = total if good else rng.randint(total // 3, total)
        return f"{done}/{total}" if rng.random() < 0.6 else vietnamese(round(done * 100 / total, 1)) + "%"
    if kind in ("tiers", "count"):
        return str(rng.randint(4, 7) if good else rng.randint(0, 4))
    if kind == "ratio":
        required = rule.get("required") or rng.choice(RATIO_REQUIRED)
        achieved = required if good else rng.randint(0, required)
        return str(achieved) if "required" in rule else f"{achieved}/{required}"
    if kind == "timeliness":
        if "deadline" in rule and rng.random() < 0.5:
            return f"{rng.randint(1, 14) if good else rng.randint(10, 31):02d}/12/2025"
        return "Đúng hạn" if good else rng.choice(["Trễ hạn", "trễ hạn", "Không thực hiện"])
    if kind == "quality":
        return str(QUALITY_LEVELS[0 if good else rng.randint(1, 3)]["label"])
    if kind == "deduction":
        if rule.get("severe") and rng.random() < 0.02:
            return "Nghiêm trọng"
        return "0" if good else str(rng.randint(1, 5))
    if kind == "scale":
        return vietnamese(Decimal(rng.randint(80 if good else 40, 100)) / 10)
    if kind == "survey":
        return str(rng.randint(75, 98) if good else rng.randint(50, 85))
    raise AssertionError(kind)


def leaf_rules(data: dict[str, Any]) -> list[tuple[str, dict[str, Any], Decimal, bool]]:
    """(code, rule data, maximum, allow_na) for every leaf of the set's data, in the set's order."""
    found = []

    def visit(node: dict[str, Any]) -> None:
        if "rule" in node:
            found.append((node["code"], node["rule"], node["max"], bool(node.get("allow_na"))))
        for child in node.get("children", ()):
            visit(child)

    for field in data["criteria"]:
        visit(field)
    return found


def national_answers(units: list[Unit], leaves: int, seed: int = 2025) -> dict[int, dict[str, str]]:
    """Every unit's raw answers (text as in a scores file), with some "KAD" and some blanks."""
    rng = random.Random(seed + 1)
    rules = leaf_rules(criteria_set_data(leaves, seed))
    answers: dict[int, dict[str, str]] = {}
    for unit in units:
        diligence = rng.uniform(0.55, 0.98)
        row: dict[str, str] = {}
        for code, rule, maximum, allow_na in rules:
            if rng.random() < BLANK_SHARE:
                row[code] = ""  # an empty cell: not scored
            elif allow_na and rng.random() < NA_ANSWER_SHARE:
                row[code] = "KAD"
            else:
                row[code] = answer_for(rule, maximum, diligence, rng)
        answers[unit.unit_id] = row
    return answers
