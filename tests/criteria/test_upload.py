from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from parindex.audit.models import AuditEvent
from parindex.criteria.models import CriteriaSetVersion, Status
from parindex.criteria.services import MSG_FILE_TOO_LARGE, MSG_NOT_XLSX, MSG_UNKNOWN_GROUP, MSG_UNSUPPORTED_FILE
from tests.criteria.conftest import DEMO_SETS, SMALL_SET

URL = reverse("criteria:upload")


def upload(client, name, content, **fields):
    return client.post(URL, {"file": SimpleUploadedFile(name, content), **fields})


def test_the_organizer_uploads_a_yaml_set_and_lands_on_its_tree(client, organizer, groups):
    client.force_login(organizer)
    response = upload(client, "bo-tieu-chi-2025.yaml", SMALL_SET.encode(), decision="Quyết định số 12/QĐ-UBND")
    version = CriteriaSetVersion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("criteria:detail", args=[version.pk])
    assert (version.year, version.group.code, version.version, version.status) == (2025, "so", 1, Status.DRAFT)
    assert (version.leaf_count, version.max_points, version.decision) == (2, 10, "Quyết định số 12/QĐ-UBND")
    assert version.original_filename == "bo-tieu-chi-2025.yaml"
    assert version.criteria_set.node("1.2").maximum == 6


def test_the_upload_is_recorded_in_the_audit_log(client, organizer, groups):
    client.force_login(organizer)
    upload(client, "a.yaml", SMALL_SET.encode())
    event = AuditEvent.objects.get(action="criteria_set.uploaded")
    version = CriteriaSetVersion.objects.get()
    assert (event.actor, event.target_id, (event.after or {})["leaf_count"]) == (organizer, str(version.pk), 2)


def test_a_second_upload_of_the_same_year_and_group_is_the_next_version(client, organizer, groups):
    client.force_login(organizer)
    upload(client, "a.yaml", SMALL_SET.encode())
    upload(client, "b.yaml", SMALL_SET.replace("Ban hành kế hoạch", "Xây dựng kế hoạch").encode())
    assert list(CriteriaSetVersion.objects.order_by("version").values_list("version", flat=True)) == [1, 2]


def test_validation_errors_are_shown_in_place_with_code_and_line_and_nothing_is_saved(client, organizer, groups):
    client.force_login(organizer)
    broken = SMALL_SET.replace("max: 4,", "max: 4.05,")
    response = upload(client, "sai.yaml", broken.encode())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tệp chưa dùng được: có 1 lỗi cần sửa." in page
    assert "Tiêu chí “1” (dòng 8): các tiêu chí con cộng lại 10,05 điểm nhưng điểm tối đa là 10" in page
    assert CriteriaSetVersion.objects.count() == 0


def test_broken_yaml_is_explained_not_a_server_error(client, organizer, groups):
    client.force_login(organizer)
    response = upload(client, "hong.yaml", b"name: [unclosed\n")
    assert response.status_code == 200
    assert "tệp không đúng cú pháp YAML" in response.content.decode()


def test_a_set_for_an_unknown_unit_group_is_refused_with_the_known_groups(client, organizer, groups):
    client.force_login(organizer)
    response = upload(client, "a.yaml", SMALL_SET.replace("group: so", "group: phong").encode())
    message = MSG_UNKNOWN_GROUP.format(code="phong", known="so (Sở, ban, ngành), xa (UBND cấp xã, phường, đặc khu)")
    assert message in response.content.decode()


def test_other_file_types_are_refused(client, organizer, groups):
    client.force_login(organizer)
    response = upload(client, "bo-tieu-chi.docx", b"PK\x03\x04 not really")
    assert MSG_UNSUPPORTED_FILE.format(name="bo-tieu-chi.docx") in response.content.decode()


def test_a_file_that_is_not_really_xlsx_is_refused(client, organizer, groups):
    client.force_login(organizer)
    response = upload(client, "gia.xlsx", b"this is text, not a workbook")
    assert MSG_NOT_XLSX.format(name="gia.xlsx") in response.content.decode()


def test_an_oversize_file_is_refused(client, organizer, groups, settings):
    settings.CRITERIA_SET_MAX_UPLOAD_BYTES = 2 * 1024 * 1024
    client.force_login(organizer)
    response = upload(client, "lon.yaml", b"#" * (2 * 1024 * 1024 + 1))
    assert MSG_FILE_TOO_LARGE.format(name="lon.yaml", limit=2) in response.content.decode()


def test_a_missing_file_is_a_form_error(client, organizer, groups):
    client.force_login(organizer)
    response = client.post(URL, {})
    assert response.status_code == 200
    assert "invalid-feedback" in response.content.decode()


def test_an_excel_export_uploads_back_as_the_same_set(client, organizer, groups):
    from parindex.setfile import parse_criteria_set
    from parindex.setfile.excel import criteria_set_to_xlsx

    client.force_login(organizer)
    workbook = criteria_set_to_xlsx(parse_criteria_set(SMALL_SET))
    response = upload(client, "bo-tieu-chi.xlsx", workbook)
    assert response.status_code == 302
    assert CriteriaSetVersion.objects.get().criteria_set == parse_criteria_set(SMALL_SET)


def test_every_demo_set_uploads(client, organizer, groups):
    from tests.factories import UnitGroupFactory

    UnitGroupFactory(code="huyen", name="UBND cấp huyện")
    client.force_login(organizer)
    for path in sorted(DEMO_SETS.glob("*.yaml")):
        assert upload(client, path.name, path.read_bytes()).status_code == 302, path.name
    assert CriteriaSetVersion.objects.count() == 4
