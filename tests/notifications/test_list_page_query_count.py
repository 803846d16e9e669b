from django.db import connection
from django.test.utils import CaptureQueriesContext

# Session and user; the unit shown in the navbar; the unread count; the page count and the page's rows; and
# the session saved on every request (SESSION_SAVE_EVERY_REQUEST: savepoint, update, release).
MAX_QUERIES = 9


def _queries_for_list(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/thong-bao/")
    assert response.status_code == 200
    return len(captured)


def test_the_list_costs_a_fixed_number_of_queries_whatever_the_number_of_notifications(
    client, officer_a, make_notification
):
    client.force_login(officer_a)
    for _ in range(3):
        make_notification(officer_a, link="/tu-danh-gia/12/")
    few = _queries_for_list(client)

    for _ in range(40):
        make_notification(officer_a, link="/tu-danh-gia/12/")
    many = _queries_for_list(client)

    assert few == many
    assert many <= MAX_QUERIES
