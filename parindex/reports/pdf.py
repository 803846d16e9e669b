"""The council report (báo cáo trình Hội đồng) and the decision annex (Phụ lục kết quả kèm theo Quyết định),
printed by WeasyPrint in Nghị định 30/2020's layout.

The fonts, the font-only URL fetcher and the page layout are the self-assessment report's
(parindex/assessments/reports/pdf.py, static/parindex/css/report.css: whole Liberation Serif TTFs, 13–14 pt,
A4 with its margins, table headers repeated on every page); reports.css adds what these two documents need
(the annex in landscape, the charts). Charts are inline SVG made by charts.py: nothing is fetched, no script.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

from parindex.assessments.reports.content import date_in_words
from parindex.assessments.reports.pdf import PLACE_BLANK, STYLESHEET, _url_fetcher, font_faces_css
from parindex.council.selectors import GroupResults
from parindex.reports.charts import Bar, bar_chart_svg
from parindex.reports.findings import council_findings

OWN_STYLESHEET = "parindex/css/official-reports.css"
COUNCIL_TEMPLATE = "reports/council_report.html"
ANNEX_TEMPLATE = "reports/annex.html"
COUNCIL_TITLE = "BÁO CÁO Kết quả xác định Chỉ số cải cách hành chính năm {year} của {group}"
ANNEX_TITLE = "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA {group}"

Step = Callable[[int], None]  # tells the job how far it is, in percent


@dataclass(frozen=True)
class DocumentContext:
    results: GroupResults
    made_on: date

    @property
    def year(self) -> int:
        return self.results.period.year

    @property
    def place_date(self) -> str:
        return f"{PLACE_BLANK}, {date_in_words(self.made_on)}"

    @property
    def decision(self) -> str:
        approval = self.results.approval
        if approval is None:
            return "Quyết định số ……/QĐ-UBND ngày …… (dự thảo: kết quả chưa được Hội đồng thông qua)"
        return f"Quyết định số {approval.decision_number} ngày {approval.decision_date:%d/%m/%Y}"


def _render(html: str) -> bytes:
    # Imported here: WeasyPrint loads pango through cffi, which only the reports need.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _url_fetcher()
    font_config = FontConfiguration()
    stylesheets = [CSS(string=font_faces_css(), font_config=font_config, url_fetcher=fetcher)]
    for name in (STYLESHEET, OWN_STYLESHEET):
        path = finders.find(name)
        if not isinstance(path, str):
            raise FileNotFoundError(name)
        stylesheets.append(CSS(filename=path, font_config=font_config, url_fetcher=fetcher))
    pdf = HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=stylesheets, font_config=font_config)
    assert pdf is not None  # write_pdf returns the bytes when given no target
    return bytes(pdf)


def _context(results: GroupResults) -> dict[str, Any]:
    return {"document": DocumentContext(results, timezone.localdate()), "results": results}


def council_report_html(results: GroupResults) -> str:
    findings = council_findings(results)
    rounding = results.rounding
    context = _context(results)
    context.update(
        title=COUNCIL_TITLE.format(year=results.period.year, group=results.group.name),
        findings=findings,
        index_chart=bar_chart_svg(
            [Bar(row.unit_name, row.index) for row in results.rows],
            rounding=rounding,
            title="Chỉ số CCHC của từng đơn vị (%)",
        ),
        field_chart=bar_chart_svg(
            [Bar(f"{item.code}. {item.title}", item.index) for item in findings.fields],
            rounding=rounding,
            title="Chỉ số thành phần trung bình theo lĩnh vực (%)",
        ),
    )
    return render_to_string(COUNCIL_TEMPLATE, context)


def annex_html(results: GroupResults) -> str:
    context = _context(results)
    context["title"] = ANNEX_TITLE.format(year=results.period.year, group=results.group.name.upper())
    return render_to_string(ANNEX_TEMPLATE, context)


def council_report_pdf(results: GroupResults, step: Step | None = None) -> bytes:
    html = council_report_html(results)
    if step:
        step(40)
    return _render(html)


def annex_pdf(results: GroupResults, step: Step | None = None) -> bytes:
    html = annex_html(results)
    if step:
        step(40)
    return _render(html)
