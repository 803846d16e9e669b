import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from parindex.accounts.imports import USER_COLUMNS
from parindex.accounts.models import Role
from tests.factories import UnitFactory, UserFactory

URL = reverse("users:user_list")


def test_accounts_are_listed_by_role_then_name_in_vietnamese_order(client, organizer, appraiser, officer_a, db):
    UserFactory.create(username="u1", full_name="Đặng Văn An", role=Role.APPRAISER)
    UserFactory.create(username="u2", full_name="Dương Thị Bình", role=Role.APPRAISER)
    client.force_login(organizer)

    response = client.get(URL)

    assert [user.username for user in response.context["users"]] == ["tochuc", "u2", "u1", "thamdinh", "daumoi_a"]
    page = response.content.decode()
    assert "Sở Tư pháp" in page
    assert "Cán bộ đầu mối CCHC" in page


def _queries(client, user, count):
    for _ in range(count):
        UserFactory.create(role=Role.UNIT_OFFICER, unit=UnitFactory.create())
    client.force_login(user)
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL).status_code == 200
    return len(context)


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_takes_a_few_queries_however_many_accounts(client, organizer, django_assert_max_num_queries, count):
    for _ in range(count):
        UserFactory.create(role=Role.UNIT_OFFICER, unit=UnitFactory.create())
    client.force_login(organizer)

    with django_assert_max_num_queries(10):
        client.get(URL)


def test_the_number_of_queries_does_not_grow_with_the_accounts(client, organizer):
    assert _queries(client, organizer, 5) == _queries(client, organizer, 45)


def test_the_template_has_the_header_and_lists_roles_and_active_units(client, organizer, unit_a):
    client.force_login(organizer)

    response = client.get(reverse("users:user_import_template"))

    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-nguoi-dung.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert [cell.value for cell in workbook["Người dùng"][1]] == [column.title for column in USER_COLUMNS]
    texts = {cell.value for row in workbook["Hướng dẫn"].iter_rows() for cell in row if cell.value}
    assert {"unit_officer", "Cán bộ đầu mối CCHC", "SA", "Sở Tư pháp"} <= texts
