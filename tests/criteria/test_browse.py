from django.urls import reverse

from tests.criteria.conftest import DEMO_SETS


def test_the_tree_shows_codes_titles_maxima_and_how_each_leaf_is_scored(client, organizer, issued_set):
    client.force_login(organizer)
    page = client.get(reverse("criteria:detail", args=[issued_set.pk])).content.decode()
    assert "Ban hành kế hoạch CCHC năm" in page
    assert "Có: 4 điểm; Không: 0 điểm" in page
    assert "Từ 100%: 6 điểm; từ 80% đến dưới 100%: 3 điểm; dưới 80%: 0 điểm" in page
    assert "Kế hoạch CCHC" in page  # the evidence expected
    assert "KAD" in page  # 1.2 may be answered không áp dụng
    assert "Quyết định số 12/QĐ-UBND" in page


def test_numbers_are_written_the_vietnamese_way(client, organizer, groups):
    from parindex.criteria.services import criteria_set_upload
    from tests.criteria.conftest import SMALL_SET

    text = SMALL_SET.replace("max: 4,", "max: 3.5,").replace("max: 6,", "max: 6.5,")
    version = criteria_set_upload(actor=organizer, filename="a.yaml", content=text.encode())
    client.force_login(organizer)
    page = client.get(reverse("criteria:detail", args=[version.pk])).content.decode()
    assert ">3,5<" in page
    assert "3.5" not in page


def test_a_realistic_set_shows_bonus_and_penalty_sections(client, organizer, groups):
    from parindex.criteria.services import criteria_set_upload

    version = criteria_set_upload(
        actor=organizer, filename="2025-so.yaml", content=(DEMO_SETS / "2025-so.yaml").read_bytes()
    )
    client.force_login(organizer)
    page = client.get(reverse("criteria:detail", args=[version.pk])).content.decode()
    assert "ĐIỂM THƯỞNG (tối đa 3 điểm)" in page
    assert "ĐIỂM TRỪ (tối đa 5 điểm)" in page
    assert "Theo dõi nhiệm vụ UBND tỉnh giao" in page


def test_the_list_shows_every_version_with_its_status(client, organizer, draft_set, issued_set):
    client.force_login(organizer)
    page = client.get(reverse("criteria:list")).content.decode()
    assert page.count("Bộ tiêu chí sở, ban, ngành năm 2025") == 2
    assert "Dự thảo" in page
    assert "Đã ban hành" in page


def test_the_browse_page_has_a_constant_number_of_queries(client, organizer, groups, django_assert_max_num_queries):
    from parindex.criteria.services import criteria_set_upload

    version = criteria_set_upload(
        actor=organizer, filename="2025-xa.yaml", content=(DEMO_SETS / "2025-xa.yaml").read_bytes()
    )
    client.force_login(organizer)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("criteria:detail", args=[version.pk])).status_code == 200


def test_downloads_are_attachments_that_reload_as_the_same_set(client, officer_a, issued_set):
    from io import BytesIO

    from parindex.setfile import parse_criteria_set
    from parindex.setfile.excel import criteria_set_from_xlsx

    client.force_login(officer_a)
    yaml_response = client.get(reverse("criteria:download_yaml", args=[issued_set.pk]))
    assert yaml_response["Content-Disposition"] == 'attachment; filename="bo-tieu-chi-2025-so-v1.yaml"'
    assert parse_criteria_set(yaml_response.content.decode()) == issued_set.criteria_set
    xlsx_response = client.get(reverse("criteria:download_xlsx", args=[issued_set.pk]))
    assert xlsx_response["Content-Disposition"].endswith('.xlsx"')
    assert criteria_set_from_xlsx(BytesIO(xlsx_response.content).getvalue()) == issued_set.criteria_set


def test_years_are_never_written_with_a_thousands_separator(client, organizer, issued_set):
    client.force_login(organizer)
    for url in (reverse("criteria:list"), reverse("criteria:detail", args=[issued_set.pk])):
        page = client.get(url).content.decode()
        assert "2025" in page
        assert "2.025" not in page


def test_upload_form_fields_are_styled(client, organizer, groups):
    client.force_login(organizer)
    page = client.get(reverse("criteria:upload")).content.decode()
    assert 'class="form-control"' in page
    assert 'class="form-select"' in page


def test_warnings_are_shown_beside_the_set(client, organizer, groups):
    from parindex.criteria.services import criteria_set_upload
    from tests.criteria.conftest import SMALL_SET

    text = SMALL_SET.replace("{min: 100, points: 6}", "{min: 100, points: 5}")
    version = criteria_set_upload(actor=organizer, filename="a.yaml", content=text.encode())
    client.force_login(organizer)
    page = client.get(reverse("criteria:detail", args=[version.pk])).content.decode()
    assert "Tiêu chí “1.2”: theo cách chấm, điểm cao nhất đạt được là 5, thấp hơn điểm tối đa 6" in page
