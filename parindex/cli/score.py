"""`parindex score`: score every unit of a CSV or Excel scores file against the criteria sets of its group."""

from __future__ import annotations

import argparse
import sys

from parindex.cli.errors import CliError, capped
from parindex.cli.results import GroupResult, compute_results
from parindex.cli.scoresheet import read_scoresheet
from parindex.cli.sets import load_sets
from parindex.cli.tables import check_suffix, read_table
from parindex.cli.writers import check_out_path, write_results
from parindex.vn import format_decimal

HELP = "chấm điểm hàng loạt các đơn vị từ bảng điểm CSV hoặc Excel"
DESCRIPTION = """\
Chấm điểm các đơn vị theo bộ tiêu chí: đọc bảng điểm (mỗi đơn vị một dòng, mỗi tiêu chí thành phần một cột),
tính điểm, chỉ số, xếp hạng, xếp loại và chỉ số thành phần từng lĩnh vực.

Bảng điểm (.csv hoặc .xlsx): dòng đầu là tiêu đề gồm cột unit (tên đơn vị), group (mã nhóm, ví dụ so)
và mỗi mã tiêu chí thành phần một cột. Ô ghi dữ kiện của tiêu chí: Có/Không, 45/50, 92,5, 15/01/2025,
tên mức đánh giá …; KAD hoặc "không áp dụng": không áp dụng; để trống: chưa chấm (0 điểm).
CSV: UTF-8, phân cách bằng dấu phẩy, chấm phẩy hoặc tab (tự nhận ra)."""
EPILOG = """\
Ví dụ:
  parindex score --criteria so-2025.yaml --scores diem.xlsx --out ket-qua.xlsx
  parindex score --criteria so-2025.yaml --criteria xa-2025.yaml --scores diem.csv --out ket-qua.csv
  parindex score --criteria so-2025.yaml --scores diem.csv            (in kết quả CSV ra màn hình)"""
HELP_CRITERIA = "tệp bộ tiêu chí (.yaml); lặp lại cho mỗi nhóm đơn vị, ví dụ --criteria so.yaml --criteria xa.yaml"
HELP_SCORES = "bảng điểm: .csv (UTF-8) hoặc .xlsx (trang tính đầu tiên)"
HELP_OUT = "tệp kết quả .csv hoặc .xlsx; không ghi thì in CSV ra màn hình"
HELP_FULL_PRECISION = "ghi điểm và chỉ số đủ chữ số, không làm tròn theo bộ tiêu chí"

MSG_PROBLEMS = "Không chấm được: bảng điểm {path} có {count} lỗi:"
MSG_NOTHING_WRITTEN = "Chưa ghi tệp kết quả nào. Sửa các lỗi trên rồi chạy lại."
MSG_NOTE = "Lưu ý: {note}"
MSG_SCORED = "Đã chấm {count} đơn vị nhóm {group}, chỉ số trung bình {average}."
MSG_SCORED_NONE = "Nhóm {group}: bảng điểm không có đơn vị nào."
MSG_MISSING_HEADER = "Tiêu chí chưa chấm (tính 0 điểm):"
MSG_MISSING = "  {unit}: chưa chấm {codes}"
MSG_NOTHING_APPLIES = "{unit}: không có tiêu chí nào áp dụng, không tính chỉ số và không xếp hạng"
MSG_MORE_UNITS = "  … và {count} đơn vị khác"
MSG_WRITTEN = "Đã ghi kết quả vào {path}."
UNIT_LIMIT = 50


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("score", help=HELP, description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--criteria", action="append", required=True, metavar="BỘ_TIÊU_CHÍ.yaml", help=HELP_CRITERIA)
    parser.add_argument("--scores", required=True, metavar="BẢNG_ĐIỂM", help=HELP_SCORES)
    parser.add_argument("--out", metavar="KẾT_QUẢ", help=HELP_OUT)
    parser.add_argument("--full-precision", action="store_true", help=HELP_FULL_PRECISION)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # The cheap checks first, so that a typo in a file name is said before any work.
    if args.out is not None:
        check_out_path(args.out, args.scores)
    check_suffix(args.scores)
    sets = [criteria_set for _, criteria_set in load_sets(args.criteria)]
    table = read_table(args.scores)
    sheet = read_scoresheet(table, sets)
    for note in sheet.notes:
        print(MSG_NOTE.format(note=note), file=sys.stderr)
    if sheet.problems:
        header = MSG_PROBLEMS.format(path=args.scores, count=len(sheet.problems))
        raise CliError([header, *capped(sheet.problems), MSG_NOTHING_WRITTEN])
    groups = compute_results(sets, sheet.units)
    write_results(groups, args.out, full_precision=args.full_precision)
    for line in summary(groups, several_groups=len(groups) > 1):
        print(line, file=sys.stderr)
    if args.out is not None:
        print(MSG_WRITTEN.format(path=args.out), file=sys.stderr)
    return 0


def summary(groups: list[GroupResult], *, several_groups: bool) -> list[str]:
    """How many units were scored per group, and which units left leaves unscored (and which leaves)."""
    lines = []
    for group in groups:
        if not group.units:
            lines.append(MSG_SCORED_NONE.format(group=group.group))
            continue
        rounding = group.criteria_set.rounding
        average = group.average.index
        shown = "—" if average is None else format_decimal(average, rounding.places, mode=rounding.mode)
        lines.append(MSG_SCORED.format(count=len(group.units), group=group.group, average=shown))
    missing, unranked = [], []
    for group in groups:
        for unit in sorted(group.units, key=lambda result: result.row):
            name = f"{unit.unit} (nhóm {unit.group})" if several_groups else unit.unit
            if unit.score.missing:
                missing.append(MSG_MISSING.format(unit=name, codes=", ".join(unit.score.missing)))
            if unit.score.index is None:
                unranked.append(MSG_NOTHING_APPLIES.format(unit=name))
    if missing:
        lines.append(MSG_MISSING_HEADER)
        lines += missing[:UNIT_LIMIT]
        if len(missing) > UNIT_LIMIT:
            lines.append(MSG_MORE_UNITS.format(count=len(missing) - UNIT_LIMIT))
    return lines + unranked
