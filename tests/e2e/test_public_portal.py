"""The public portal in a real browser, without signing in: from the sign-in page's link to the published
ranked table, then a unit's page whose chart (ECharts, vendored, under the CSP) is drawn beside its table;
and the open data downloads with their file names."""

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.council.services import approval_record, results_publish
from parindex.periods.services import period_add_units, period_create
from tests.cycle import CYCLE_SET, cycle_set, deadlines_from
from tests.portal.conftest import (  # noqa: F401 (fixtures)
    appraised,
    approved,
    head_b,
    published,
    scenario,
    unit_c,
    unit_d,
)

pytestmark = pytest.mark.e2e


def _watch_for_problems(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" or "Content Security Policy" in message.text
            else None
        ),
    )
    return problems


def test_a_visitor_reads_the_published_results_and_a_units_chart(page: Page, live_server, published):  # noqa: F811
    problems = _watch_for_problems(page)
    page.goto(f"{live_server.url}/dang-nhap/")

    page.get_by_role("link", name="Xem kết quả Chỉ số CCHC đã công bố").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kết quả Chỉ số cải cách hành chính đã công bố")
    page.get_by_test_id("group-link").click()

    table = page.get_by_test_id("results-table")
    expect(table.get_by_role("row", name="Sở Tư pháp")).to_contain_text("93,89")
    expect(table.get_by_role("row", name="Sở Đối ngoại")).to_contain_text("đồng hạng")
    expect(page.get_by_test_id("averages")).to_contain_text("83,25")

    table.get_by_role("link", name="Sở Y tế").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sở Y tế")
    chart = page.get_by_test_id("chart")
    expect(chart).to_have_attribute("data-rendered", "true")
    expect(chart.locator("canvas").first).to_be_attached()
    assert chart.bounding_box()["height"] > 200  # type: ignore[index]
    components = page.get_by_test_id("components-table")
    expect(components.get_by_role("row", name="1. Công tác chỉ đạo, điều hành CCHC")).to_contain_text("68,75")
    expect(components.get_by_role("row", name="1. Công tác chỉ đạo, điều hành CCHC")).to_contain_text("89,06")
    expect(page.get_by_test_id("rank")).to_have_text("4/4")
    expect(page.get_by_test_id("current-user")).to_have_count(0)  # nobody signed in
    assert problems == []


def test_a_visitor_downloads_the_open_data(page: Page, live_server, published):  # noqa: F811
    page.goto(f"{live_server.url}/cong-khai/du-lieu/")

    with page.expect_download() as download:
        page.get_by_test_id("csv").click()
    assert download.value.suggested_filename == "chi-so-cchc-2025-so.csv"
    with open(download.value.path(), encoding="utf-8") as saved:
        first_line = saved.readline()
    assert first_line.startswith("year,group_code,group_name,rank,tied,unit_code,unit_name,points")

    page.goto(f"{live_server.url}/cong-khai/du-lieu/")
    page.get_by_test_id("json").click()
    expect(page.locator("body")).to_contain_text('"unit_name": "Sở Tư pháp"')


THREE_FIELDS = (
    CYCLE_SET.replace("max_points: 20", "max_points: 24")
    + """  - code: "3"
    title: "Cải cách tài chính công"
    max: 4
    children:
      - {code: "3.1", title: "Tự chủ tài chính", max: 4, rule: {type: binary}}
"""
)


def test_a_set_of_three_fields_draws_a_radar(page: Page, live_server, organizer, unit_a, unit_b):
    """Final answers written straight into the table, then approval and publication by the services: this test
    is about the drawing, the cycle is tested elsewhere."""
    problems = _watch_for_problems(page)
    version = cycle_set(organizer, unit_a.group, THREE_FIELDS)
    period = period_create(
        actor=organizer,
        year=2025,
        name="Kỳ đánh giá năm 2025",
        criteria_sets={unit_a.group: version},
        deadlines=deadlines_from(timezone.now()),
    )
    period_add_units(actor=organizer, period=period, units=[unit_a, unit_b])
    finals = {"1.1": "Có", "1.2": "36/40", "1.3": "10/12/2025", "1.4": "2", "1.5": "1/2", "2.1": "Đạt", "2.2": "80"}
    for number, assessment in enumerate(Assessment.objects.filter(period=period).order_by("pk")):
        answers = {**finals, "3.1": "Có" if number else "Không"}
        Answer.objects.bulk_create(
            Answer(assessment=assessment, code=code, stage=Stage.APPRAISAL_1, raw=raw, updated_by=organizer)
            for code, raw in answers.items()
        )
    Assessment.objects.filter(period=period).update(state=State.APPRAISED)
    approval_record(
        actor=organizer, period=period, group=unit_a.group, decision_number="7/QĐ", decision_date=date(2025, 12, 1)
    )
    results_publish(actor=organizer, period=period, group=unit_a.group)
    assessment = Assessment.objects.get(period=period, unit=unit_a)

    page.goto(f"{live_server.url}/cong-khai/2025/{unit_a.group.code}/{assessment.pk}/")

    chart = page.get_by_test_id("chart")
    expect(chart).to_have_attribute("data-rendered", "true")
    expect(chart.locator("canvas").first).to_be_attached()
    expect(page.get_by_test_id("field-3")).to_contain_text("0,00")
    assert page.evaluate("JSON.parse(document.getElementById('chart-data').textContent).kind") == "radar"
    assert problems == []
