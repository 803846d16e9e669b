"""Visitors find the portal without an account: a link on the sign-in page and in the menu bar of anonymous
visitors; search engines may index the portal (robots.txt, sitemap, a description and a canonical address
on each page) and nothing else. Signed-in users read the same portal."""

import pytest

from tests.portal.urls import CATALOGUE_URL, INDEX_URL, group_url, unit_url


def test_the_sign_in_page_links_to_the_portal(client, db):
    html = client.get("/dang-nhap/").content.decode()

    assert 'data-testid="portal-link"><a href="/cong-khai/">' in html


def test_anonymous_visitors_have_the_portal_and_sign_in_in_the_menu_bar(client, db):
    html = client.get(INDEX_URL).content.decode()

    assert 'data-testid="visitor-nav"' in html
    assert 'href="/cong-khai/du-lieu/"' in html
    assert 'href="/dang-nhap/"' in html
    assert "Chưa có kết quả nào được công bố." in html


def test_robots_may_index_the_portal_and_nothing_else(client, db):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:4] == ["User-agent: *", "Allow: /cong-khai/", "Allow: /static/", "Disallow: /"]
    assert "Sitemap: http://testserver/cong-khai/sitemap.xml" in lines


def test_the_sitemap_lists_every_published_page(published, client):
    body = client.get("/cong-khai/sitemap.xml").content.decode()

    expected = [INDEX_URL, CATALOGUE_URL, group_url(published), *(unit_url(published, key) for key in published.units)]
    for url in expected:
        assert f"<loc>http://testserver{url}</loc>" in body
    assert body.count("<loc>") == len(expected)


def test_each_page_describes_itself_for_search_engines(published, client):
    html = client.get(unit_url(published, "a")).content.decode()

    assert '<meta name="description" content="Chỉ số CCHC năm 2025 của Sở Tư pháp' in html
    assert f'<link rel="canonical" href="http://testserver{unit_url(published, "a")}">' in html
    assert "noindex" not in html


@pytest.mark.parametrize("user", ["officer_b", "appraiser", "council", "no_role_user"])
def test_signed_in_users_read_the_same_published_pages(published, client, request, user):
    client.force_login(request.getfixturevalue(user))

    index = client.get(INDEX_URL).content.decode()
    assert f'href="{group_url(published)}"' in index
    assert 'href="/cong-khai/">Kết quả công bố</a>' in index
    for url in (group_url(published), unit_url(published, "a")):
        response = client.get(url)
        assert response.status_code == 200
        assert "Sở Tư pháp" in response.content.decode()


def test_pages_are_cached_by_the_browser_only_for_a_minute(published, client):
    assert client.get(group_url(published))["Cache-Control"] == "private, max-age=60"
