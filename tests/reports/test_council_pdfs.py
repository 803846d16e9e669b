"""The council report and the decision annex: the council's figures at the set's rounding, extracted back from
the PDF with pypdf, Nghị định 30's heading, charts drawn as SVG, Vietnamese text intact. One PDF of each
per test module phase (WeasyPrint takes a few seconds)."""

import re

import pytest

from parindex.council.selectors import group_results
from parindex.reports.pdf import annex_html, annex_pdf, council_report_html, council_report_pdf
from parindex.vn import format_decimal
from tests.council.scenario import NAMES
from tests.reports.helpers import font_names, pdf_text

FONT = re.compile(r"^/[A-Z]{6}\+Liberation-?Serif(-Bold)?(-Italic)?$")


def _text(value, rounding):
    return format_decimal(rounding.apply(value), places=rounding.places)


def _squeeze(text):
    return re.sub(r"\s+", " ", text)


def test_the_council_report_prints_every_units_figures_the_findings_and_charts(approved):
    results = group_results(approved.period, approved.group)
    content = council_report_pdf(results)
    text = _squeeze(pdf_text(content))
    rounding = results.rounding

    assert content.startswith(b"%PDF")
    fonts = font_names(content)
    assert fonts
    assert all(FONT.match(name) for name in fonts), fonts  # whole Liberation Serif, no fallback
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Kết quả xác định Chỉ số cải cách hành chính năm 2025" in text
    for row in results.rows:
        assert row.unit_name in text
        assert f"{_text(row.points, rounding)} {_text(row.maximum, rounding)} {_text(row.index, rounding)}" in text
    assert results.averages is not None
    assert _text(results.averages.index, rounding) in text
    assert "93,89" in text
    assert "76,11" in text
    # The summary: best and weakest unit with their indices.
    assert f"Đơn vị có chỉ số cao nhất: {NAMES['a']} (93,89%)" in text
    assert f"Thấp nhất: {NAMES['b']} (76,11%)" in text


def test_the_charts_are_inline_svg_with_the_same_figures(approved):
    results = group_results(approved.period, approved.group)
    html = council_report_html(results)
    assert html.count("<svg") == 2
    assert "<script" not in html
    assert ">93,89</text>" in html
    assert ">76,11</text>" in html


def test_the_annex_carries_the_decision_and_every_component_index(approved):
    results = group_results(approved.period, approved.group)
    text = _squeeze(pdf_text(annex_pdf(results)))
    rounding = results.rounding

    assert "Phụ lục" in text
    assert "Kèm theo Quyết định số 123/QĐ-HĐĐG ngày 26/11/2025" in text
    assert "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA SỞ, BAN, NGÀNH" in text
    for row in results.rows:
        components = " ".join(_text(component.index, rounding) for component in row.component_list)
        assert f"{row.unit_name} {components} {_text(row.points, rounding)}" in text
    assert "Trung bình của nhóm (4 đơn vị)" in text


def test_an_annex_before_approval_says_it_is_a_draft(appraised):
    html = annex_html(group_results(appraised.period, appraised.group))
    assert "dự thảo: kết quả chưa được Hội đồng thông qua" in html


@pytest.mark.parametrize("render", [council_report_html, annex_html])
def test_a_group_with_no_unit_appraised_gives_a_document_that_says_so(scenario, render):
    html = render(group_results(scenario.period, scenario.group))
    assert "Chưa có đơn vị nào thẩm định xong." in html
