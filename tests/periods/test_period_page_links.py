"""From an open period's page Sở Nội vụ reaches, per group, the grid for survey and task-tracking points and
the group's results for the council: nothing of the cycle is hidden behind a URL one has to know."""

from django.urls import reverse

from tests.cycle import make_period


def test_an_open_periods_page_links_each_group_to_its_points_grid_and_results(client, organizer, unit_a, unit_b):
    period = make_period(organizer, [unit_a, unit_b])
    group = unit_a.group
    client.force_login(organizer)

    page = client.get(reverse("periods:detail", args=[period.pk])).content.decode()

    assert reverse("appraisals:external_grid", args=[period.pk, group.pk]) in page
    assert reverse("council:results", args=[period.pk, group.code]) in page
    assert client.get(reverse("appraisals:external_grid", args=[period.pk, group.pk])).status_code == 200


def test_a_period_not_open_has_no_such_links_yet(client, organizer, unit_a):
    period = make_period(organizer, [unit_a], opened=False)
    client.force_login(organizer)

    page = client.get(reverse("periods:detail", args=[period.pk])).content.decode()

    assert reverse("appraisals:external_grid", args=[period.pk, unit_a.group.pk]) not in page


def test_the_administrator_is_not_offered_the_organizers_points_grid(client, organizer, admin_user, unit_a):
    period = make_period(organizer, [unit_a])
    client.force_login(admin_user)

    page = client.get(reverse("periods:detail", args=[period.pk])).content.decode()

    assert reverse("appraisals:external_grid", args=[period.pk, unit_a.group.pk]) not in page
    assert reverse("council:results", args=[period.pk, unit_a.group.code]) in page
