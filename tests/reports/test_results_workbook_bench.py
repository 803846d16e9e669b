"""bench/results_workbook.py compares like with like: the bare writer's cells are the parindex workbook's, value
for value, on a small synthetic year; and run_all finds the benchmark."""

from bench.results_workbook import bare_cells, build_groups
from bench.run_all import benchmarks
from parindex.reports.workbook import FIRST_DATA_ROW, results_workbook
from tests.reports.helpers import open_workbook


def test_the_bare_writer_writes_the_same_unit_rows():
    all_results = build_groups(units=120, leaves=40, seed=7)
    book = open_workbook(results_workbook(all_results))
    bare = bare_cells(all_results)
    assert book.sheetnames == [title for title, _ in bare]
    for (title, rows), results in zip(bare, all_results, strict=True):
        sheet = book[title]
        unit_rows = rows[6 : 6 + len(results.rows)]  # after the 4 title rows and the 2 header rows
        written = [
            [cell.value for cell in line]
            for line in sheet.iter_rows(min_row=FIRST_DATA_ROW, max_row=FIRST_DATA_ROW + len(results.rows) - 1)
        ]
        assert written == unit_rows


def test_run_all_finds_the_results_workbook_benchmark():
    assert "results_workbook" in dict(benchmarks())
