"""`parindex criteria-to-excel` and `parindex criteria-from-excel`: a criteria set between YAML and Excel.

The Excel layout is the one provinces publish (see docs/criteria-sets.md, section "Excel"); reading also
accepts a province's own plain table, whose leaves become manual rules.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
from pathlib import Path

from parindex.cli.errors import CliError, capped, describe_os_error
from parindex.cli.sets import load_set
from parindex.engine.text import num
from parindex.setfile import CriteriaSetError, dump_criteria_set
from parindex.setfile.excel import check_criteria_set_xlsx, criteria_set_to_xlsx

HELP_TO = "xuất bộ tiêu chí (YAML) ra Excel theo mẫu công bố của tỉnh"
DESCRIPTION_TO = """\
Ghi bộ tiêu chí ra tệp Excel theo mẫu công bố: trang “Bộ tiêu chí” (STT, nội dung, điểm tối đa, cách chấm
điểm, tài liệu kiểm chứng; in khổ A4 ngang; bên phải là các cột máy đọc để nhập lại không mất gì) và trang
“Thông tin” (tên, năm, nhóm, làm tròn, xếp loại)."""
HELP_FROM = "nhập bộ tiêu chí từ Excel (tệp đã xuất, hoặc bảng tiêu chí của tỉnh) ra YAML"
DESCRIPTION_FROM = """\
Đọc bộ tiêu chí từ tệp Excel và ghi ra YAML. Tệp do parindex xuất được đọc lại đầy đủ. Với bảng tiêu chí
của tỉnh (chỉ có STT, nội dung, điểm tối đa, cách chấm điểm), mỗi tiêu chí thành phần được chấm trực tiếp
(manual) và giữ nguyên lời văn cách chấm. Tên, năm, nhóm lấy từ trang “Thông tin”, hoặc ghi bằng --name,
--year, --group (ưu tiên hơn trang “Thông tin”)."""
EPILOG_FROM = """\
Ví dụ:
  parindex criteria-from-excel bo-tieu-chi.xlsx so-2025.yaml
  parindex criteria-from-excel mau-cua-tinh.xlsx xa-2025.yaml --name "Bộ tiêu chí cấp xã" --year 2025 --group xa"""

MSG_SUFFIX = "Tệp {path} phải có đuôi {suffix}, không phải “{given}”"
MSG_NO_FOLDER = "Không có thư mục {folder} để ghi tệp {path}"
MSG_SAME_FILE = "Tệp ghi ra {path} trùng với tệp đọc vào: hãy chọn tên khác"
MSG_CANNOT_EXPORT = "Không xuất được bộ tiêu chí {path} ra Excel:"
MSG_INVALID_XLSX = "Bảng tính {path} không dùng được:"
MSG_PROBLEM = "  - {problem}"
MSG_NOTHING_WRITTEN = "Chưa ghi tệp nào. Sửa các lỗi trên rồi chạy lại."
MSG_WROTE = "Đã ghi {path}: {leaves} tiêu chí thành phần, tổng điểm {total}."


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    to_excel = subparsers.add_parser("criteria-to-excel", help=HELP_TO, description=DESCRIPTION_TO)
    to_excel.add_argument("criteria", metavar="BỘ_TIÊU_CHÍ.yaml", help="tệp bộ tiêu chí")
    to_excel.add_argument("out", metavar="RA.xlsx", help="tệp Excel ghi ra")
    to_excel.set_defaults(handler=run_to_excel)

    from_excel = subparsers.add_parser(
        "criteria-from-excel", help=HELP_FROM, description=DESCRIPTION_FROM, epilog=EPILOG_FROM
    )
    from_excel.add_argument("workbook", metavar="VÀO.xlsx", help="tệp Excel chứa bảng tiêu chí")
    from_excel.add_argument("out", metavar="RA.yaml", help="tệp bộ tiêu chí ghi ra")
    from_excel.add_argument("--name", metavar="TÊN", help="tên bộ tiêu chí")
    from_excel.add_argument("--year", type=int, metavar="NĂM", help="năm áp dụng, ví dụ 2025")
    from_excel.add_argument("--group", metavar="MÃ_NHÓM", help="mã nhóm đơn vị: so, huyen, xa, phong …")
    from_excel.set_defaults(handler=run_from_excel)


def run_to_excel(args: argparse.Namespace) -> int:
    _check_out(args.out, args.criteria, (".xlsx",))
    criteria_set = load_set(args.criteria)
    try:
        data = criteria_set_to_xlsx(criteria_set)
    except CriteriaSetError as exc:
        lines = [MSG_PROBLEM.format(problem=problem) for problem in exc.problems]
        raise CliError([MSG_CANNOT_EXPORT.format(path=args.criteria), *capped(lines)]) from None
    _write(args.out, data)
    print(MSG_WROTE.format(path=args.out, leaves=len(criteria_set.leaves), total=num(criteria_set.maximum)))
    return 0


def run_from_excel(args: argparse.Namespace) -> int:
    _check_out(args.out, args.workbook, (".yaml", ".yml"))
    criteria_set, problems = check_criteria_set_xlsx(
        Path(args.workbook), name=args.name, year=args.year, group=args.group
    )
    if criteria_set is None:
        lines = [MSG_PROBLEM.format(problem=problem) for problem in problems]
        raise CliError([MSG_INVALID_XLSX.format(path=args.workbook), *capped(lines), MSG_NOTHING_WRITTEN])
    _write(args.out, dump_criteria_set(criteria_set).encode("utf-8"))
    print(MSG_WROTE.format(path=args.out, leaves=len(criteria_set.leaves), total=num(criteria_set.maximum)))
    return 0


def _check_out(out: str, source: str, suffixes: tuple[str, ...]) -> None:
    """Problems with the output path, said before any work."""
    target = Path(out)
    if target.suffix.lower() not in suffixes:
        given = target.suffix or target.name
        raise CliError([MSG_SUFFIX.format(path=out, suffix=" hoặc ".join(suffixes), given=given)])
    folder = target.parent
    if not folder.is_dir():
        raise CliError([MSG_NO_FOLDER.format(folder=folder, path=out)])
    with contextlib.suppress(OSError):
        if target.exists() and target.samefile(source):
            raise CliError([MSG_SAME_FILE.format(path=out)])


def _write(path: str, data: bytes) -> None:
    """Write through a temporary file renamed into place, so a failure never leaves half a file."""
    target = Path(path)
    temporary = ""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a criteria set is an ordinary file
        os.replace(temporary, target)
    except OSError as exc:
        raise CliError([describe_os_error(path, exc)]) from None
    finally:
        if temporary and os.path.exists(temporary):
            with contextlib.suppress(OSError):
                os.remove(temporary)
