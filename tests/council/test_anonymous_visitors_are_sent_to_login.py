import pytest


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/hoi-dong/"),
        ("get", "/hoi-dong/{period}/{group}/"),
        ("post", "/hoi-dong/{period}/{group}/y-kien/"),
        ("post", "/hoi-dong/{period}/{group}/thong-qua/"),
        ("post", "/hoi-dong/{period}/{group}/cong-bo/"),
        ("post", "/hoi-dong/{period}/{group}/mo-lai/"),
        ("get", "/hoi-dong/ket-qua/{assessment}/"),
        ("post", "/hoi-dong/ket-qua/{assessment}/dieu-chinh/"),
    ],
)
def test_anonymous_visitors_are_sent_to_login(client, published, method, path):
    url = path.format(period=published.period.pk, group=published.group.code, assessment=published.assessment("a").pk)

    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")
