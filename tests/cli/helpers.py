"""Shared helpers of the command-line tests: the test sets, the department rows, file writers, a run result."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl

SETS = Path(__file__).parent / "sets"
SO_SET = SETS / "so.yaml"

# The leaf columns of sets/so.yaml (bonus T.1, T.2 and penalty P.1 are optional columns).
SO_LEAVES = ["1.1", "1.2.1", "1.2.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4"]
SO_HEADER = ["unit", "group", *SO_LEAVES, "T.1", "T.2", "P.1"]

# Five departments, one per band and with every rule type; the figures are worked out in test_score_csv.py.
SO_ROWS = [
    ["Sở Y tế", "so", "Có", "100", "đúng hạn", "9/10", "4", "Tốt", "KAD", "8", "75", "3.5", "", "", ""],
    ["Sở Tư pháp", "so", "Không", "85.5", "15/02/2025", "1/2", "1", "Xuất sắc", "1", "10", "", "4", "Có", "", "2"],
    ["Sở Nội vụ", "so", "Không", "100", "đúng hạn", "10/10", "4", "Xuất sắc", "0", "5", "100", "2", "Có", "3", "7"],
    ["Sở Tài chính", "so", "Có", "100", "20/01/2025", "10/10", "4", "xuat_sac", "0", "10", "100", "3", "", "2", ""],
    [
        "Sở Công Thương",
        "so",
        "Không",
        "80",
        "đúng hạn",
        "10/10",
        "5",
        "Xuất sắc",
        "nghiêm trọng",
        "10",
        "100",
        "4",
        "",
        "",
        "",
    ],
]


@dataclass(frozen=True)
class Run:
    status: int
    out: str
    err: str

    @property
    def out_rows(self) -> list[list[str]]:
        return list(csv.reader(io.StringIO(self.out)))

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def write_csv_file(
    path: Path, rows: Sequence[Sequence[object]], *, delimiter: str = ",", bom: bool = False, encoding: str = "utf-8"
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_xlsx_file(path: Path, rows: Sequence[Sequence[object]], formats: dict[str, str] | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    workbook.save(path)
    return path


TINY_SET = """\
name: "Bộ tiêu chí thử nghiệm nhóm {group}"
year: 2025
group: {group}
rounding: {{places: {places}, mode: {mode}}}
allow_na: {allow_na}
bands:
  - {{name: "Nhóm I", min: 80}}
  - {{name: "Nhóm II", min: 50}}
  - {{name: "Nhóm III", min: 0}}
criteria:
  - code: "1"
    title: "Lĩnh vực duy nhất"
    max: 3
    children:
      - {{code: "1.1", title: "Chấm trực tiếp", max: 2, rule: {{type: manual, step: 0.5}}}}
      - {{code: "1.2", title: "Có hay không", max: 1, rule: {{type: binary}}}}
"""
