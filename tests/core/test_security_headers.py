import pytest


@pytest.fixture
def home_response(client, organizer):
    client.force_login(organizer)
    return client.get("/")


def test_the_csp_header_is_strict(home_response):
    csp = home_response["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp


def test_the_login_page_has_the_csp_too(client, db):
    assert "unsafe-inline" not in client.get("/dang-nhap/")["Content-Security-Policy"]


def test_the_other_security_headers(home_response):
    assert home_response["X-Frame-Options"] == "DENY"
    assert home_response["X-Content-Type-Options"] == "nosniff"
    assert home_response["Referrer-Policy"] == "same-origin"
    assert home_response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_session_cookie_is_http_only(client, organizer):
    from tests.factories import TEST_PASSWORD

    response = client.post("/dang-nhap/", {"username": "tochuc", "password": TEST_PASSWORD})

    cookie = response.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
