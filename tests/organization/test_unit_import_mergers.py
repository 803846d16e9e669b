import datetime

from parindex.organization.models import Unit
from parindex.organization.selectors import unit_lineage, units_active_on
from tests.factories import UnitFactory
from tests.organization.conftest import IMPORT_URL
from tests.organization.xlsx_files import upload, xlsx

D = datetime.date


def test_units_merge_into_a_unit_created_further_down_the_same_file(client, organizer, groups):
    # The July 2025 reform: two communes and a town become one new ward, listed after them.
    client.force_login(organizer)
    content = xlsx(
        [
            ["X1", "Xã An Hòa", None, "xa", "01/01/2020", None, "P1", "01/07/2025"],
            ["X2", "Thị trấn Bình Mỹ", None, "xa", "01/01/2020", None, "P1", "01/07/2025"],
            ["P1", "Phường Hà Nam", None, "xa", "01/07/2025"],
        ]
    )

    response = upload(client, IMPORT_URL, content)

    assert [row.status for row in response.context["result"].rows] == ["created"] * 3
    ward = Unit.objects.get(code="P1")
    assert set(Unit.objects.filter(merged_into=ward).values_list("code", flat=True)) == {"X1", "X2"}
    assert set(units_active_on(D(2025, 6, 30))) == set(Unit.objects.filter(code__in=["X1", "X2"]))
    assert list(units_active_on(D(2025, 7, 1))) == [ward]
    assert {unit.code for unit in unit_lineage(ward)} == {"X1", "X2"}


def test_an_existing_unit_is_merged_into_an_existing_unit(client, organizer, groups):
    target = UnitFactory.create(code="SNNMT", name="Sở Nông nghiệp và Môi trường", group=groups["so"])
    UnitFactory.create(code="STNMT", name="Sở Tài nguyên và Môi trường", group=groups["so"])
    client.force_login(organizer)

    response = upload(
        client,
        IMPORT_URL,
        xlsx([["STNMT", "Sở Tài nguyên và Môi trường", None, "so", "01/01/2020", None, "SNNMT", "01/03/2025"]]),
    )

    (row,) = response.context["result"].rows
    assert (row.status, row.changed) == ("updated", ["Sáp nhập vào (mã đơn vị)", "Ngày sáp nhập"])
    merged = Unit.objects.get(code="STNMT")
    assert (merged.merged_into, merged.merged_on) == (target, D(2025, 3, 1))


def test_an_empty_merger_cell_undoes_a_merger_entered_by_mistake(client, organizer, groups):
    target = UnitFactory.create(code="B", group=groups["so"])
    UnitFactory.create(code="A", name="Sở A", group=groups["so"], merged_into=target, merged_on=D(2025, 3, 1))
    client.force_login(organizer)

    upload(client, IMPORT_URL, xlsx([["A", "Sở A", None, "so", "01/01/2020", None, None, None]]))

    assert Unit.objects.filter(code="A").values_list("merged_into", "merged_on").get() == (None, None)
