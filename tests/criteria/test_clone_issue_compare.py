import pytest
from django.urls import reverse

from parindex.audit.models import AuditEvent
from parindex.criteria.models import CriteriaSetVersion, Status
from parindex.criteria.services import (
    MSG_ALREADY_ISSUED,
    MSG_CLONE_SAME_YEAR,
    CriteriaSetUploadError,
    criteria_set_issue,
)


def test_cloning_to_a_new_year_makes_a_draft_and_says_what_changed(client, organizer, issued_set):
    client.force_login(organizer)
    response = client.post(reverse("criteria:clone", args=[issued_set.pk]), {"year": 2026}, follow=True)
    clone = CriteriaSetVersion.objects.get(year=2026)
    assert (clone.status, clone.version, clone.cloned_from) == (Status.DRAFT, 1, issued_set)
    assert clone.name == "Bộ tiêu chí sở, ban, ngành năm 2026"
    page = response.content.decode()
    assert "Đã tạo dự thảo bộ tiêu chí năm 2026" in page
    assert "thành “Bộ tiêu chí sở, ban, ngành năm 2026”" in page
    event = AuditEvent.objects.get(action="criteria_set.cloned")
    assert (event.before or {})["year"] == 2025
    assert (event.after or {})["year"] == 2026


def test_cloning_to_the_same_year_is_refused_in_place(client, organizer, issued_set):
    client.force_login(organizer)
    response = client.post(reverse("criteria:clone", args=[issued_set.pk]), {"year": 2025})
    assert response.status_code == 200
    assert MSG_CLONE_SAME_YEAR.format(year=2025) in response.content.decode()


def test_issuing_freezes_a_draft_and_records_the_decision(client, organizer, draft_set):
    client.force_login(organizer)
    client.post(reverse("criteria:issue", args=[draft_set.pk]), {"decision": "Quyết định số 99/QĐ-UBND"})
    draft_set.refresh_from_db()
    assert draft_set.status == Status.ISSUED
    assert draft_set.decision == "Quyết định số 99/QĐ-UBND"
    assert draft_set.issued_at is not None
    assert AuditEvent.objects.filter(action="criteria_set.issued", target_id=str(draft_set.pk)).count() == 1


def test_issuing_twice_is_refused_and_records_nothing_more(organizer, issued_set):
    with pytest.raises(CriteriaSetUploadError) as error:
        criteria_set_issue(actor=organizer, version=issued_set)
    assert error.value.problems == [MSG_ALREADY_ISSUED]
    assert AuditEvent.objects.filter(action="criteria_set.issued").count() == 1


def test_issue_only_accepts_post(client, organizer, draft_set):
    client.force_login(organizer)
    assert client.get(reverse("criteria:issue", args=[draft_set.pk])).status_code == 405


def test_comparing_two_versions_lists_the_changes(client, organizer, issued_set):
    from parindex.criteria.services import criteria_set_upload
    from tests.criteria.conftest import SMALL_SET

    amended = (
        SMALL_SET.replace("max: 4,", "max: 3,")
        .replace("max: 6,", "max: 7,")
        .replace("{min: 100, points: 6}", "{min: 100, points: 7}")
    )
    newer = criteria_set_upload(actor=organizer, filename="b.yaml", content=amended.encode())
    client.force_login(organizer)
    response = client.get(reverse("criteria:compare"), {"old": issued_set.pk, "new": newer.pk})
    page = response.content.decode()
    assert "Thêm 0 tiêu chí, bỏ 0 tiêu chí, sửa 2 tiêu chí." in page
    assert "<del>4</del> → <ins>3</ins>" in page


def test_comparing_a_version_with_itself_says_they_are_identical(client, organizer, issued_set):
    client.force_login(organizer)
    response = client.get(reverse("criteria:compare"), {"old": issued_set.pk, "new": issued_set.pk})
    assert "Hai phiên bản giống hệt nhau." in response.content.decode()


def test_demo_sets_load_once_issued_and_idempotently(organizer, groups):
    import io

    from parindex.criteria.services import criteria_set_load_demo
    from tests.factories import UnitGroupFactory

    UnitGroupFactory(code="huyen", name="UBND cấp huyện")
    out = io.StringIO()
    first = criteria_set_load_demo(stdout=out)
    second = criteria_set_load_demo(stdout=io.StringIO())
    assert len(first) == 4
    assert second == []
    assert set(CriteriaSetVersion.objects.values_list("status", flat=True)) == {Status.ISSUED}
    assert "Bộ tiêu chí:" in out.getvalue()
