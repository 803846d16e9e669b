"""The home page is each role's way in: every task it lists opens a page that person may use, and the
published results and the public portal are reachable from it without knowing a URL."""

import pytest
from django.urls import reverse

from parindex.core.selectors import home_tasks_for


@pytest.mark.parametrize("who", ["organizer", "appraiser", "council", "officer_a", "head_a", "admin_user"])
def test_every_link_on_the_home_page_opens_for_that_person(db, client, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)

    urls = {task.url for task in home_tasks_for(user) if task.url}

    assert reverse("portal:index") in urls
    for url in urls:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["appraiser", "council", "officer_a", "head_a", "organizer"])
def test_the_results_are_one_click_from_home(db, request, who):
    user = request.getfixturevalue(who)

    assert reverse("council:index") in {task.url for task in home_tasks_for(user)}
