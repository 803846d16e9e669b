import pytest


def test_the_404_page_is_vietnamese(client, organizer):
    client.force_login(organizer)

    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    body = response.content.decode()
    assert "Không tìm thấy trang" in body
    assert '<html lang="vi">' in body


@pytest.mark.urls("tests.core.urls_for_tests")
def test_the_500_page_is_vietnamese_and_shows_no_internals(client, organizer):
    client.force_login(organizer)
    client.raise_request_exception = False

    response = client.get("/thu/loi/")

    assert response.status_code == 500
    body = response.content.decode()
    assert "Lỗi hệ thống" in body
    assert "chi tiết nội bộ" not in body
    assert "Traceback" not in body
    assert "RuntimeError" not in body


def test_the_400_page_is_vietnamese(rf):
    from django.views.defaults import bad_request

    response = bad_request(rf.get("/"), Exception("chi tiết nội bộ"))

    assert "Yêu cầu không hợp lệ" in response.content.decode()
    assert "chi tiết nội bộ" not in response.content.decode()


def test_the_csrf_failure_page_is_vietnamese(organizer):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(organizer)

    response = client.post("/dang-xuat/")

    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()
