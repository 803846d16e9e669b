from django.contrib.auth.models import AnonymousUser

from parindex.notifications.context_processors import unread_count


def test_it_costs_no_query_for_anonymous_visitors(rf, db, django_assert_num_queries):
    request = rf.get("/")
    request.user = AnonymousUser()

    with django_assert_num_queries(0):
        context = unread_count(request)
        assert not context["unread_notification_count"]


def test_it_costs_one_query_for_a_signed_in_user_however_often_it_is_read(
    rf, officer_a, officer_b, make_notification, django_assert_num_queries
):
    make_notification(officer_a)
    make_notification(officer_a)
    make_notification(officer_a, read_at="2025-12-01T00:00:00+07:00")
    make_notification(officer_b)
    request = rf.get("/")
    request.user = officer_a

    with django_assert_num_queries(1):
        count = unread_count(request)["unread_notification_count"]
        assert count == 2
        assert str(count) == "2"
        assert count


def test_it_costs_nothing_if_the_page_never_shows_it(rf, officer_a, django_assert_num_queries):
    request = rf.get("/")
    request.user = officer_a

    with django_assert_num_queries(0):
        unread_count(request)


def test_the_navbar_bell_shows_the_unread_count(client, officer_a, make_notification):
    make_notification(officer_a)
    make_notification(officer_a)
    client.force_login(officer_a)

    body = client.get("/").content.decode()

    assert 'href="/thong-bao/"' in body
    assert 'data-testid="unread-count">2<' in body


def test_the_navbar_bell_caps_a_large_count(client, officer_a, make_notification):
    for _ in range(100):
        make_notification(officer_a)
    client.force_login(officer_a)

    body = client.get("/").content.decode()

    assert 'data-testid="unread-count">99+<' in body


def test_the_navbar_bell_shows_no_badge_when_all_is_read(client, officer_a):
    client.force_login(officer_a)

    body = client.get("/").content.decode()

    assert 'data-testid="notification-bell"' in body
    assert 'data-testid="unread-count"' not in body
