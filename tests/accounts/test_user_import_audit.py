from parindex.accounts.models import User
from parindex.audit.models import AuditEvent
from tests.accounts.conftest import USER_IMPORT_URL
from tests.organization.xlsx_files import USER_HEADER, upload, xlsx


def test_it_records_one_event_per_account_added_or_changed(client, organizer, officer_a, appraiser):
    client.force_login(organizer)
    rows = [
        ["daumoi_a", "Đỗ Thị Đầu Mối", "unit_head", "SA"],  # promoted to head of the unit
        ["thamdinh", "Lê Văn Thẩm Định", "appraiser", ""],  # unchanged: no event
        ["moi", "Người Mới", "council", ""],
    ]
    events_before = set(AuditEvent.objects.values_list("id", flat=True))

    upload(client, USER_IMPORT_URL, xlsx(rows, header=USER_HEADER))

    new = User.objects.get(username="moi")
    events = list(AuditEvent.objects.exclude(id__in=events_before).order_by("id"))
    assert [(event.action, event.actor, event.target_type, event.target_id) for event in events] == [
        ("user.imported_updated", organizer, "accounts.user", str(officer_a.pk)),
        ("user.imported_created", organizer, "accounts.user", str(new.pk)),
    ]
    updated, created = events
    assert updated.summary == "Cập nhật tài khoản “daumoi_a” từ tệp Excel: Vai trò."
    assert ((updated.before or {})["role"], (updated.after or {})["role"]) == ("unit_officer", "unit_head")
    assert updated.before == {**(updated.after or {}), "role": "unit_officer"}
    assert created.summary == "Tạo tài khoản “moi” (Thành viên Hội đồng) từ tệp Excel."
    assert created.before is None
    after = created.after or {}
    assert (after["username"], after["role"], after["unit_id"], after["must_change_password"]) == (
        "moi",
        "council",
        None,
        True,
    )
    assert "password" not in after
