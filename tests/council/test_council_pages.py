"""The pages' forms: approval with a dd/mm/yyyy date, reopening with a reason, who may post what."""

import datetime

from parindex.council.models import Approval


def test_the_organizer_approves_from_the_page_with_a_vietnamese_date(appraised, client, organizer):
    client.force_login(organizer)

    response = client.post(
        appraised.results_url + "thong-qua/",
        {"decision_number": "45/QĐ-UBND", "decision_date": "04/03/2026"},
        follow=True,
    )

    approval = Approval.objects.get()
    assert approval.decision_date == datetime.date(2026, 3, 4)  # 4 March, not 3 April
    text = response.content.decode()
    assert "Hội đồng đã thông qua theo Quyết định số 45/QĐ-UBND ngày 04/03/2026." in text
    assert 'data-testid="group-status">Đã thông qua<' in text


def test_a_wrong_date_is_shown_on_the_form_and_nothing_is_approved(appraised, client, organizer):
    client.force_login(organizer)

    response = client.post(
        appraised.results_url + "thong-qua/", {"decision_number": "45", "decision_date": "31/02/2026"}
    )

    assert response.status_code == 400
    assert "Nhập ngày theo dạng dd/mm/yyyy, ví dụ 26/11/2025." in response.content.decode()
    assert not Approval.objects.exists()


def test_a_refused_approval_shows_the_reason(scenario, client, organizer):
    client.force_login(organizer)

    response = client.post(
        scenario.results_url + "thong-qua/", {"decision_number": "45", "decision_date": "26/11/2025"}, follow=True
    )

    assert "Chưa thông qua được: 4 đơn vị chưa thẩm định xong" in response.content.decode()
    assert not Approval.objects.exists()


def test_the_not_ready_units_are_listed_on_the_page(scenario, client, council):
    scenario.appraise("a")
    client.force_login(council)

    text = client.get(scenario.results_url).content.decode()

    not_ready = text[text.index('data-testid="not-ready"') :].split("</section>")[0]
    assert "Sở Y tế" in not_ready
    assert "Sở Đối ngoại" in not_ready
    assert "Sở Tư pháp" not in not_ready
    assert 'data-testid="group-status">Chưa đủ điều kiện<' in text


def test_reopening_from_the_page_needs_a_reason(approved, client, organizer):
    client.force_login(organizer)

    refused = client.post(approved.results_url + "mo-lai/", {"reason": ""})
    assert refused.status_code == 400
    assert Approval.objects.get().reopened_at is None

    done = client.post(approved.results_url + "mo-lai/", {"reason": "Sai số liệu khảo sát"}, follow=True)
    assert 'data-testid="reopened"' in done.content.decode()
    assert Approval.objects.get().reopen_reason == "Sai số liệu khảo sát"


def test_only_the_organizer_may_approve_publish_reopen_or_correct(approved, client, council, admin_user):
    urls = [approved.results_url + tail for tail in ("thong-qua/", "cong-bo/", "mo-lai/")]
    urls.append(approved.detail_url("a") + "dieu-chinh/")
    for user in (council, admin_user):
        client.force_login(user)
        for url in urls:
            assert client.post(url, {"reason": "x"}).status_code == 403, url


def test_the_organizer_corrects_from_the_units_page_while_reopened(approved, client, organizer):
    client.force_login(organizer)
    assert 'data-testid="correction-form"' not in client.get(approved.detail_url("a")).content.decode()
    client.post(approved.results_url + "mo-lai/", {"reason": "Sai số liệu"})
    assert 'data-testid="correction-form"' in client.get(approved.detail_url("a")).content.decode()

    response = client.post(
        approved.detail_url("a") + "dieu-chinh/",
        {"code": "2.2", "raw": "90", "note": "", "reason": "Nhập nhầm kết quả khảo sát"},
        follow=True,
    )

    text = response.content.decode()
    assert "Đã điều chỉnh kết quả; cần trình Hội đồng thông qua lại." in text
    assert "tiêu chí 2.2 “85” → “90”" in text


def test_the_index_shows_each_groups_status(scenario, client, organizer):
    client.force_login(organizer)
    row = f'data-testid="group-{scenario.period.pk}-{scenario.group.code}"'

    def status():
        text = client.get("/hoi-dong/").content.decode()
        return text[text.index(row) :].split('data-testid="status">')[1].split("<")[0]

    assert status() == "Chưa đủ điều kiện"
    for key in scenario.units:
        scenario.appraise(key)
    assert status() == "Chờ thông qua"
    client.post(scenario.results_url + "thong-qua/", {"decision_number": "1/QĐ", "decision_date": "26/11/2025"})
    assert status() == "Đã thông qua"
    text = client.get("/hoi-dong/").content.decode()
    assert ">4/4<" in text[text.index(row) :].split("</tr>")[0]  # approved units count as appraised
    client.post(scenario.results_url + "cong-bo/")
    assert status() == "Đã công bố"


def test_the_organizers_and_the_councils_home_page_link_to_the_results(client, organizer, council):
    for user in (organizer, council):
        client.force_login(user)
        assert 'href="/hoi-dong/"' in client.get("/").content.decode()
