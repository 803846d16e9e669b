"""The provincial indices pages: who reads them, what they show (Vietnamese numbers, years as written, a table
beside every chart), and a number of queries that does not grow with the years or components."""

import json

import pytest
from django.urls import reverse

from parindex.indices.services import indices_import
from tests.indices.helpers import PAPI_2023, PAPI_2024, csv_file

# Session, user, three of the page, the bell, and the session saved again (with its savepoint pair).
PAGE_QUERIES = 9
READERS = ["organizer", "admin_user", "council", "officer_a", "head_a", "appraiser"]


@pytest.fixture
def papi(organizer):
    indices_import(actor=organizer, filename="2023.csv", content=PAPI_2023)
    indices_import(actor=organizer, filename="2024.csv", content=PAPI_2024)


@pytest.mark.parametrize("user_fixture", READERS)
def test_every_role_reads_the_indices(client, request, user_fixture, papi):
    client.force_login(request.getfixturevalue(user_fixture))
    overview = client.get(reverse("indices:index")).content.decode()
    assert "43,52" in overview
    assert "Năm 2024" in overview
    page = client.get(reverse("indices:detail", args=["papi"])).content.decode()
    assert "42,10" in page
    assert "43,52" in page
    assert "(12)" in page  # the national rank beside the value
    assert "+1,42" in page  # the change from 2023 to 2024
    assert "2.024" not in page


def test_anonymous_visitors_are_sent_to_sign_in(client, papi):
    for url in (reverse("indices:index"), reverse("indices:detail", args=["papi"]), reverse("indices:import")):
        answer = client.get(url)
        assert answer.status_code == 302
        assert answer["Location"].startswith("/dang-nhap/")


def test_a_user_without_a_role_is_refused(client, no_role_user, papi):
    client.force_login(no_role_user)
    assert client.get(reverse("indices:index")).status_code == 403


@pytest.mark.parametrize("user_fixture", ["admin_user", "council", "officer_a", "head_a", "appraiser"])
def test_only_sở_nội_vụ_imports(client, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(reverse("indices:import")).status_code == 403
    assert client.post(reverse("indices:import"), {}).status_code == 403
    assert client.get(reverse("indices:template")).status_code == 403


def test_an_unknown_index_is_not_found(client, organizer):
    client.force_login(organizer)
    assert client.get(reverse("indices:detail", args=["hdi"])).status_code == 404


def test_the_chart_has_its_data_in_a_json_block_and_a_table_beside_it(client, organizer, papi):
    client.force_login(organizer)
    answer = client.get(reverse("indices:detail", args=["papi"]))
    page = answer.content.decode()
    assert 'data-testid="total-table"' in page
    assert 'data-testid="components-table"' in page
    assert "vendor/echarts/echarts.min.js" in page
    assert "style=" not in page
    data = answer.context["chart_data"]
    assert data["years"] == [2023, 2024]
    assert data["total"]["values"] == ["42.1000", "43.5200"]
    assert data["ranks"] == [20, 12]
    json.dumps(data)  # what json_script writes


def test_the_import_page_shows_the_saved_years_and_the_errors_in_place(client, organizer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(organizer)
    good = client.post(reverse("indices:import"), {"file": SimpleUploadedFile("papi.csv", PAPI_2024)})
    assert "PAPI năm 2024: 3 dòng" in good.content.decode()
    bad = client.post(
        reverse("indices:import"), {"file": SimpleUploadedFile("papi.csv", csv_file("PAPI;2024;tong;99;;"))}
    )
    text = bad.content.decode()
    assert bad.status_code == 200
    assert "chưa lưu gì" in text
    assert "Dòng 2, cột “Giá trị”: giá trị 99 nằm ngoài thang điểm từ 0 đến 80" in text
    nothing = client.post(reverse("indices:import"), {})
    assert "Chưa chọn tệp để nhập." in nothing.content.decode()


def test_the_template_is_a_csv_the_import_reads(client, organizer):
    from parindex.indices.services import indices_import as do_import

    client.force_login(organizer)
    answer = client.get(reverse("indices:template"))
    assert answer["Content-Type"].startswith("text/csv")
    assert do_import(actor=organizer, filename="mau.csv", content=answer.content).ok


def test_the_number_of_queries_does_not_grow_with_the_years(client, organizer, django_assert_max_num_queries):
    client.force_login(organizer)
    indices_import(actor=organizer, filename="2023.csv", content=PAPI_2023)
    client.get(reverse("indices:detail", args=["papi"]))
    with django_assert_max_num_queries(PAGE_QUERIES):
        client.get(reverse("indices:detail", args=["papi"]))
    rows = [
        f"PAPI;{year};{code};{code if code != 'tong' else 40};{year - 2000};"
        for year in range(2010, 2023)
        for code in ("tong", "1", "2", "3", "4", "5", "6", "7", "8")
    ]
    indices_import(actor=organizer, filename="nhieu-nam.csv", content=csv_file(*rows))
    with django_assert_max_num_queries(PAGE_QUERIES):
        client.get(reverse("indices:detail", args=["papi"]))
    with django_assert_max_num_queries(PAGE_QUERIES):
        client.get(reverse("indices:index"))
