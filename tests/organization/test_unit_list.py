import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UnitFactory

D = datetime.date
URL = reverse("organization:unit_list")


def _names(response, group_code):
    (section,) = [section for section in response.context["groups"] if section.group.code == group_code]
    return [row.unit.name for row in section.rows]


def test_units_are_listed_by_group_in_vietnamese_alphabetical_order(client, organizer, groups):
    for name in ["Sở Y tế", "Sở Xây dựng", "Sở Đầu tư", "Sở Dân tộc", "Sở Ăn uống", "Sở An ninh"]:
        UnitFactory.create(name=name, group=groups["so"])
    UnitFactory.create(name="Phường Đông Hòa", group=groups["xa"])
    client.force_login(organizer)

    response = client.get(URL)

    assert _names(response, "so") == ["Sở An ninh", "Sở Ăn uống", "Sở Dân tộc", "Sở Đầu tư", "Sở Xây dựng", "Sở Y tế"]
    assert _names(response, "xa") == ["Phường Đông Hòa"]
    assert _names(response, "huyen") == []
    assert [section.group.code for section in response.context["groups"]] == ["so", "huyen", "xa"]


def test_the_list_shows_active_dates_mergers_and_whether_a_unit_is_active(client, organizer, groups):
    ward = UnitFactory.create(code="P1", name="Phường Hà Nam", group=groups["xa"], active_from=D(2025, 7, 1))
    UnitFactory.create(
        code="X1",
        name="Xã An Hòa",
        group=groups["xa"],
        active_from=D(2020, 1, 1),
        merged_into=ward,
        merged_on=D(2025, 7, 1),
    )
    UnitFactory.create(
        name="UBND huyện Bình Lục", group=groups["huyen"], active_from=D(2020, 1, 1), active_to=D(2025, 6, 30)
    )
    UnitFactory.create(name="Xã Mới Lập", group=groups["xa"], active_from=D(2099, 1, 1))
    client.force_login(organizer)

    page = client.get(URL).content.decode()

    assert "Sáp nhập vào Phường Hà Nam từ 01/07/2025" in page
    assert "Tiếp nhận: Xã An Hòa (01/07/2025)" in page
    assert "từ 01/01/2020 đến 30/06/2025" in page
    assert page.count("Ngừng hoạt động") == 2  # the merged commune and the abolished district
    assert page.count("Chưa hoạt động") == 1
    assert page.count("Đang hoạt động") == 1


def _queries(client, organizer, groups, count):
    for n in range(count):
        target = UnitFactory.create(group=groups["xa" if n % 2 else "so"])
        if n % 5 == 0:
            UnitFactory.create(group=groups["xa"], merged_into=target, merged_on=D(2025, 7, 1))
    client.force_login(organizer)
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL).status_code == 200
    return len(context)


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_takes_a_few_queries_however_many_units(
    client, organizer, groups, django_assert_max_num_queries, count
):
    UnitFactory.create_batch(count, group=groups["so"])
    client.force_login(organizer)

    # Session, user, groups, units; the rest is the page frame (the session's save, the navbar's badges).
    with django_assert_max_num_queries(10):
        client.get(URL)


def test_the_number_of_queries_does_not_grow_with_the_units(client, organizer, groups):
    few = _queries(client, organizer, groups, 5)
    many = _queries(client, organizer, groups, 45)

    assert few == many
