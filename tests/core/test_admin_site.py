import pytest

from parindex.audit.models import AuditEvent
from parindex.audit.services import audit_record


@pytest.fixture
def admin_client_vi(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_admin_is_at_quan_tri_with_the_parindex_header(admin_client_vi):
    body = admin_client_vi.get("/quan-tri/").content.decode()

    assert "parindex — Quản trị" in body
    assert "Nhóm đơn vị" in body or "nhóm đơn vị" in body


@pytest.mark.parametrize(
    "path",
    [
        "/quan-tri/accounts/user/",
        "/quan-tri/accounts/user/add/",
        "/quan-tri/organization/unit/",
        "/quan-tri/organization/unit/add/",
        "/quan-tri/organization/unitgroup/",
        "/quan-tri/audit/auditevent/",
    ],
)
def test_the_admin_pages_open(admin_client_vi, unit_a, path):
    assert admin_client_vi.get(path).status_code == 200


def test_the_unit_list_filters_by_group_and_searches_by_name(admin_client_vi, unit_a, unit_b):
    response = admin_client_vi.get("/quan-tri/organization/unit/", {"q": "Tư pháp"})

    assert list(response.context["cl"].result_list) == [unit_a]


def test_the_audit_log_is_read_only_in_the_admin(admin_client_vi):
    event = audit_record(actor=None, action="test.recorded", summary="Gốc")

    assert admin_client_vi.get("/quan-tri/audit/auditevent/add/").status_code == 403
    assert admin_client_vi.get(f"/quan-tri/audit/auditevent/{event.pk}/delete/").status_code == 403
    page = admin_client_vi.get(f"/quan-tri/audit/auditevent/{event.pk}/change/")
    assert page.status_code == 200  # a view-only page
    assert b'name="_save"' not in page.content
    admin_client_vi.post(f"/quan-tri/audit/auditevent/{event.pk}/change/", {"summary": "Sửa"})
    assert AuditEvent.objects.get(pk=event.pk).summary == "Gốc"


def test_changes_made_in_the_admin_are_audited(admin_client_vi, unit_a):
    response = admin_client_vi.post(
        f"/quan-tri/organization/unit/{unit_a.pk}/change/",
        {
            "code": unit_a.code,
            "name": "Sở Tư pháp tỉnh",
            "short_name": "",
            "group": unit_a.group_id,
            "active_from": "01/01/2020",
            "active_to": "",
            "merged_into": "",
            "merged_on": "",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    event = AuditEvent.objects.get(action="unit.updated")
    assert (event.before or {})["name"] == "Sở Tư pháp"
    assert (event.after or {})["name"] == "Sở Tư pháp tỉnh"
