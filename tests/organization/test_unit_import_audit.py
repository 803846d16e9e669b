import datetime

from parindex.audit.models import AuditEvent
from parindex.organization.models import Unit
from tests.factories import UnitFactory
from tests.organization.conftest import IMPORT_URL
from tests.organization.xlsx_files import upload, xlsx

D = datetime.date


def test_it_records_one_event_per_unit_added_or_changed_and_none_for_unchanged_rows(client, organizer, groups):
    old = UnitFactory.create(code="STP", name="Sở Tư Pháp", group=groups["so"], active_from=D(2020, 1, 1))
    UnitFactory.create(code="SYT", name="Sở Y tế", group=groups["so"], active_from=D(2020, 1, 1))
    client.force_login(organizer)
    content = xlsx(
        [
            ["STP", "Sở Tư pháp", None, "so", "01/01/2020"],
            ["SYT", "Sở Y tế", None, "so", "01/01/2020"],
            ["SXD", "Sở Xây dựng", "SXD", "so", "01/01/2020"],
        ]
    )

    upload(client, IMPORT_URL, content)

    new = Unit.objects.get(code="SXD")
    events = list(AuditEvent.objects.order_by("id").exclude(action__startswith="auth."))
    assert [(event.action, event.actor, event.target_type, event.target_id) for event in events] == [
        ("unit.imported_updated", organizer, "organization.unit", str(old.pk)),
        ("unit.imported_created", organizer, "organization.unit", str(new.pk)),
    ]
    updated, created = events
    assert updated.summary == "Cập nhật đơn vị “Sở Tư pháp” (STP) từ tệp Excel: Tên đơn vị."
    assert (updated.before or {})["name"] == "Sở Tư Pháp"
    assert (updated.after or {})["name"] == "Sở Tư pháp"
    assert updated.before == {**(updated.after or {}), "name": "Sở Tư Pháp"}
    assert created.summary == "Thêm đơn vị “Sở Xây dựng” (SXD) từ tệp Excel."
    assert created.before is None
    assert created.after == {
        "id": new.pk,
        "code": "SXD",
        "name": "Sở Xây dựng",
        "short_name": "SXD",
        "group_id": groups["so"].pk,
        "active_from": "2020-01-01",
        "active_to": None,
        "merged_into_id": None,
        "merged_on": None,
    }


def test_a_unit_merged_into_a_new_unit_is_recorded_with_its_target(client, organizer, groups):
    client.force_login(organizer)
    content = xlsx(
        [
            ["X1", "Xã An Hòa", None, "xa", "01/01/2020", None, "P1", "01/07/2025"],
            ["P1", "Phường Hà Nam", None, "xa", "01/07/2025"],
        ]
    )

    upload(client, IMPORT_URL, content)

    ward = Unit.objects.get(code="P1")
    events = AuditEvent.objects.filter(action="unit.imported_created").order_by("id")
    # The unit merged into is saved first, so the other one's event can name it.
    assert [(event.after or {})["code"] for event in events] == ["P1", "X1"]
    assert (events[1].after or {})["merged_into_id"] == ward.pk
