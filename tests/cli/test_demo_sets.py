"""A realistic run: every demo criteria set shipped with the product, scored from an Excel file for three
departments (one with the best answer to every criterion, one with the worst, one with gaps and "KAD")."""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from parindex.engine import CriteriaSet, Node, parse_answer, rank_group, score_unit
from parindex.engine.rules import (
    BinaryRule,
    CountRule,
    DeductionRule,
    ManualRule,
    QualityRule,
    RatioRule,
    ScaleRule,
    TiersRule,
    TimelinessRule,
)
from parindex.setfile import load_criteria_set
from tests.cli.helpers import Run, write_xlsx_file

DEMO_SETS = Path(__file__).resolve().parents[2] / "parindex" / "demo" / "sets"
pytestmark = pytest.mark.skipif(not DEMO_SETS.is_dir(), reason="no demo sets in this checkout")


def best_answer(node: Node) -> object:
    rule = node.rule
    if isinstance(rule, ManualRule):
        return float(node.maximum)
    if isinstance(rule, BinaryRule):
        return "Có" if rule.yes_points >= rule.no_points else "Không"
    if isinstance(rule, TiersRule):
        return "100%" if rule.on == "percent" else int(rule.tiers[0].min)
    if isinstance(rule, RatioRule):
        return float(rule.required) if rule.required is not None else "1/1"
    if isinstance(rule, CountRule):
        return math.ceil(rule.effective_cap / rule.per_item)
    if isinstance(rule, TimelinessRule):
        return "đúng hạn"
    if isinstance(rule, QualityRule):
        return max(rule.levels, key=lambda level: level.share).label
    if isinstance(rule, DeductionRule):
        return 0
    if isinstance(rule, ScaleRule):  # also the survey rule
        return float(rule.scale)
    raise AssertionError(f"no answer for {node.code}")


def worst_answer(node: Node) -> object:
    rule = node.rule
    if isinstance(rule, BinaryRule):
        return "Không" if rule.yes_points >= rule.no_points else "Có"
    if isinstance(rule, TiersRule | ManualRule | CountRule | ScaleRule):
        return 0
    if isinstance(rule, RatioRule):
        return 0 if rule.required is not None else "0/5"
    if isinstance(rule, TimelinessRule):
        return "không thực hiện"
    if isinstance(rule, QualityRule):
        return min(rule.levels, key=lambda level: level.share).label
    if isinstance(rule, DeductionRule):
        return "nghiêm trọng" if rule.severe else 1000
    raise AssertionError(f"no answer for {node.code}")


def answers_of(criteria_set: CriteriaSet) -> dict[str, list[object]]:
    leaves = criteria_set.all_leaves
    penalty = {node.code for kind, node in criteria_set.walk() if kind == "penalty"}
    na_allowed = {leaf.code for leaf in criteria_set.plan.leaves if leaf.na_allowed}
    best: list[object] = [None if leaf.code in penalty else best_answer(leaf) for leaf in leaves]
    worst: list[object] = [best_answer(leaf) if leaf.code in penalty else worst_answer(leaf) for leaf in leaves]
    gaps: list[object] = []
    for position, leaf in enumerate(leaves):
        if leaf.code in na_allowed:
            gaps.append("KAD")
        elif position % 7 == 3 and leaf in criteria_set.leaves:
            gaps.append(None)  # not scored
        else:
            gaps.append(best[position] if position % 2 else worst[position])
    return {
        "Sở Kế hoạch và Đầu tư": best,
        "Sở Giáo dục và Đào tạo": worst,
        "Ban Quản lý các khu công nghiệp": gaps,
    }


@pytest.mark.parametrize("set_path", sorted(DEMO_SETS.glob("*.yaml")), ids=lambda path: path.name)
def test_a_demo_set_scores_a_realistic_excel_file(run: Callable[..., Run], tmp_path: Path, set_path: Path) -> None:
    criteria_set = load_criteria_set(set_path)
    units = answers_of(criteria_set)
    header = ["unit", "group", *(leaf.code for leaf in criteria_set.all_leaves)]
    rows = [[name, criteria_set.group, *answers] for name, answers in units.items()]
    scores = write_xlsx_file(tmp_path / "diem.xlsx", [header, *rows])
    out = tmp_path / "ket-qua.xlsx"

    result = run("score", "--criteria", set_path, "--scores", scores, "--out", out)

    assert result.status == 0, result.err
    # The expected figures, straight from the engine (tested on its own) with the same answers.
    expected = {}
    for name, answers in units.items():
        parsed = {
            leaf.code: parse_answer(criteria_set, leaf.code, answer)
            for leaf, answer in zip(criteria_set.all_leaves, answers, strict=True)
        }
        expected[name] = score_unit(criteria_set, {code: v for code, v in parsed.items() if v is not None})
    ranked = rank_group(criteria_set, expected)
    rounding = criteria_set.rounding
    sheet = openpyxl.load_workbook(out)["Kết quả"]
    table = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[0] for row in table] == [item.key for item in ranked]
    for row, item in zip(table, ranked, strict=True):
        assert row[2] == float(rounding.apply(item.score.points))
        assert row[4] == (None if item.score.index is None else float(rounding.apply(item.score.index)))
        assert row[5] == item.rank
        assert row[6] == item.band
    best = expected["Sở Kế hoạch và Đầu tư"]
    assert best.index == Decimal(100)
    assert table[0][0] == "Sở Kế hoạch và Đầu tư"
    assert table[0][6] == (criteria_set.bands[0].name if criteria_set.bands else None)
    gaps = expected["Ban Quản lý các khu công nghiệp"]
    assert gaps.missing
    assert f"  Ban Quản lý các khu công nghiệp: chưa chấm {', '.join(gaps.missing)}" in result.err_lines
    assert len(list(openpyxl.load_workbook(out)["Tiêu chí mất điểm"].iter_rows(min_row=2))) <= 20


def test_the_demo_sets_of_one_year_score_their_groups_together(run: Callable[..., Run], tmp_path: Path) -> None:
    by_year: dict[int, list[tuple[Path, CriteriaSet]]] = {}
    for path in sorted(DEMO_SETS.glob("*.yaml")):
        criteria_set = load_criteria_set(path)
        by_year.setdefault(criteria_set.year, []).append((path, criteria_set))
    year, chosen = max(by_year.items(), key=lambda item: (len({s.group for _, s in item[1]}), item[0]))
    if len({criteria_set.group for _, criteria_set in chosen}) < 2:
        pytest.skip("no year with demo sets for two groups")
    codes: list[str] = []
    for _, criteria_set in chosen:
        codes += [leaf.code for leaf in criteria_set.all_leaves if leaf.code not in codes]
    rows: list[list[object]] = [["unit", "group", *codes]]
    for _, criteria_set in chosen:
        for name, answers in answers_of(criteria_set).items():
            by_code = dict(zip((leaf.code for leaf in criteria_set.all_leaves), answers, strict=True))
            rows.append([f"{name} ({criteria_set.group})", criteria_set.group, *(by_code.get(c) for c in codes)])
    scores = write_xlsx_file(tmp_path / f"diem-{year}.xlsx", rows)
    out = tmp_path / "ket-qua.csv"
    criteria = [arg for path, _ in chosen for arg in ("--criteria", path)]

    result = run("score", *criteria, "--scores", scores, "--out", out)

    assert result.status == 0, result.err
    groups = [line.split(",")[1] for line in out.read_text(encoding="utf-8-sig").splitlines()[1:]]
    assert groups == [criteria_set.group for _, criteria_set in chosen for _ in range(3)]
