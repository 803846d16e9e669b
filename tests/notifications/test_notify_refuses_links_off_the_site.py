import pytest

from parindex.notifications.models import Kind, Notification
from parindex.notifications.services import is_relative_link, notify


@pytest.mark.parametrize(
    "link",
    [
        "https://evil.example/",
        "http://evil.example",
        "//evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        "javascript:alert(1)",
        "thong-bao/",
        "mailto:a@b.example",
    ],
)
def test_links_off_the_site_are_not_relative(link):
    assert not is_relative_link(link)


@pytest.mark.parametrize("link", ["/", "/thong-bao/", "/tu-danh-gia/12/?tieu-chi=1.1#ghi-chu"])
def test_site_paths_are_relative(link):
    assert is_relative_link(link)


def test_notify_refuses_a_link_off_the_site(officer_a):
    with pytest.raises(ValueError, match="evil"):
        notify(recipients=[officer_a], kind=Kind.INFO, title="Thử", body="", link="https://evil.example/")

    assert not Notification.objects.exists()
