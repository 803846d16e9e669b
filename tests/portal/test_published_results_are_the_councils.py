"""The portal shows exactly the figures the council approved (the frozen snapshot), at the set's rounding:
the ranked table with component indices, ranks (đồng hạng in Vietnamese order), bands and group averages,
and each unit's page with its components beside the group's average."""

import re

from parindex.council.selectors import group_results
from parindex.council.templatetags.council_tags import figure
from tests.portal.urls import group_url, unit_url


def _cells(html, testid):
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(rf'data-testid="{testid}">(.*?)</t[dh]>', html)]


def test_the_group_page_shows_the_approved_ranking_in_order(published, client):
    html = client.get(group_url(published)).content.decode()

    units = _cells(html, "unit")
    ranks = [cell.split()[0] for cell in _cells(html, "rank")]
    assert units == ["Sở Tư pháp", "Sở Đối ngoại", "Sở Giáo dục và Đào tạo", "Sở Y tế"]
    assert ranks == ["1", "2", "2", "4"]
    assert _cells(html, "index") == ["93,89", "81,50", "81,50", "76,11", "83,25"]  # the last: the group average
    assert _cells(html, "band") == ["Tốt", "Khá", "Khá", "Trung bình"]
    assert html.count("đồng hạng</span>") == 2


def test_every_figure_on_the_group_page_is_the_snapshots_at_the_sets_rounding(published, client):
    results = group_results(published.period, published.group)
    rounding = results.rounding
    assert results.averages is not None
    expected_components = [
        figure(component.index, rounding) for row in results.rows for component in row.component_list
    ] + [figure(value, rounding) for value in results.averages.field_list]

    html = client.get(group_url(published)).content.decode()

    assert results.frozen
    assert _cells(html, "component") == expected_components
    assert _cells(html, "points") == [figure(row.points, rounding) for row in results.rows] + [
        figure(results.averages.points, rounding)
    ]


def test_a_units_page_shows_its_components_beside_the_group_average(published, client):
    html = client.get(unit_url(published, "b")).content.decode()

    assert '<h1 class="h3">Sở Y tế</h1>' in html
    assert _cells(html, "component-index") == ["68,75", "82,00"]
    assert _cells(html, "average") == ["89,06", "77,25"]
    assert _cells(html, "component-points") == ["5,50 / 8,00", "8,20 / 10,00"]
    assert 'data-testid="rank">4/4<' in html
    assert 'data-testid="band">Trung bình<' in html
    assert "Quyết định số 123/QĐ-HĐĐG ngày 26/11/2025" in html


def test_the_chart_data_are_the_tables_numbers(published, client):
    response = client.get(unit_url(published, "a"))

    chart = response.context["chart"]
    assert chart["kind"] == "bar"  # two fields: a radar needs three
    assert chart["labels"] == ["LV 1", "LV 2"]
    assert chart["series"] == [
        {"name": "Sở Tư pháp", "values": [97.5, 91.0]},
        {"name": "Trung bình của nhóm", "values": [89.06, 77.25]},
    ]
    html = response.content.decode()
    assert '<script id="chart-data" type="application/json">' in html
    assert 'src="/static/vendor/echarts/echarts.min.js"' in html


def test_a_tied_unit_says_so_on_its_page(published, client):
    html = client.get(unit_url(published, "c")).content.decode()

    assert re.search(r'data-testid="rank">2/4 <span[^>]*>đồng hạng</span>', html)


def test_the_portal_shows_no_working_data(published, client):
    """Notes, explanations, self-assessed points and evidence are the unit's working file: never public."""
    html = client.get(unit_url(published, "b")).content.decode() + client.get(group_url(published)).content.decode()

    for private in (
        "Bổ sung báo cáo 6 nhiệm vụ còn lại",
        "Báo cáo chỉ chứng minh 30 nhiệm vụ",
        "Tự đánh giá",
        "/hoi-dong/",
    ):
        assert private not in html


def test_the_index_lists_years_and_groups(published, client):
    html = client.get("/cong-khai/").content.decode()

    assert 'data-testid="year-2025"' in html
    assert f'href="{group_url(published)}"' in html
    assert "4 đơn vị · Quyết định số 123/QĐ-HĐĐG ngày 26/11/2025" in html
