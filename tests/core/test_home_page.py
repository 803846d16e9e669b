import re

import pytest
from django.urls import reverse

from parindex.core.views import NO_ROLE_NOTICE

CAST = ["organizer", "appraiser", "council", "officer_a", "officer_b", "head_a", "admin_user", "no_role_user"]


def test_anonymous_visitors_are_sent_to_login(client, db):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/dang-nhap/?next=/"


def test_it_greets_the_user_by_name_with_role_and_unit(client, officer_a):
    client.force_login(officer_a)

    body = client.get("/").content.decode()

    assert "Xin chào, Đỗ Thị Đầu Mối!" in body
    assert "Cán bộ đầu mối CCHC" in body
    assert "Sở Tư pháp" in body
    assert "Nhập kết quả tự đánh giá của đơn vị" in body


def test_the_navbar_shows_the_user_and_a_post_logout_button(client, organizer):
    client.force_login(organizer)

    body = client.get("/").content.decode()

    assert "Trần Thị Tổ Chức" in body
    assert re.search(r'<form method="post" action="/dang-xuat/"', body)


def test_the_organizer_sees_the_organizer_tasks(client, organizer):
    client.force_login(organizer)

    body = client.get("/").content.decode()

    assert "Phân công thành viên Tổ thẩm định" in body
    assert "Nhập kết quả tự đánh giá" not in body


def test_a_user_without_role_is_told_to_ask_the_administrator(client, no_role_user):
    client.force_login(no_role_user)

    assert str(NO_ROLE_NOTICE) in client.get("/").content.decode()


def test_the_administrator_gets_links_to_the_admin(client, admin_user):
    client.force_login(admin_user)

    body = client.get("/").content.decode()

    assert f'href="{reverse("admin:index")}"' in body


@pytest.mark.parametrize("who", CAST)
def test_every_link_on_the_home_page_works_for_that_user(client, request, who):
    client.force_login(request.getfixturevalue(who))

    body = client.get("/").content.decode()
    links = set(re.findall(r'href="(/[^"]*)"', body)) - {"/static/"}
    links = {link for link in links if not link.startswith("/static/")}

    assert "/doi-mat-khau/" in links
    for link in links:
        assert client.get(link).status_code == 200, link
