import pytest


@pytest.mark.parametrize(
    ("method", "path"), [("get", "/thong-bao/"), ("post", "/thong-bao/1/doc/"), ("post", "/thong-bao/doc-tat-ca/")]
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, db, method, path):
    response = getattr(client, method)(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/?next=")
