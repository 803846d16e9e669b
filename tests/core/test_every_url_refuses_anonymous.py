"""The permission matrix, anonymous row: every URL of the project, found by walking the URLconf (so new apps
are covered without touching this file), must refuse anonymous visitors unless its name is in PUBLIC_URLS,
and every view outside Django's admin must say who may use it (role_required / login_required / public)."""

import pytest
from django.urls import clear_url_caches

from parindex.core.permissions import PUBLIC_URLS, view_access
from parindex.core.testing import anonymous_access_problem, iter_url_samples

SAMPLES = list(iter_url_samples())


def _is_admin_view(sample):
    # Django's admin guards its own views (AdminSite.admin_view): they carry no mark of ours. They are
    # still walked by test_it_refuses_anonymous_users.
    return sample.namespace == "admin"


@pytest.mark.parametrize("sample", [s for s in SAMPLES if s.name not in PUBLIC_URLS], ids=str)
def test_it_refuses_anonymous_users(client, db, sample):
    assert anonymous_access_problem(client, sample) is None


@pytest.mark.parametrize("sample", [s for s in SAMPLES if not _is_admin_view(s)], ids=str)
def test_the_view_states_who_may_use_it(sample):
    access = view_access(sample.callback)

    assert access is not None, f"{sample}: dùng @role_required, @login_required hoặc @public"
    assert (access.kind == "public") == (sample.name in PUBLIC_URLS), (
        f"{sample}: một trang công khai phải vừa có @public vừa có tên trong PUBLIC_URLS"
    )


def test_every_public_url_exists():
    names = {sample.name for sample in SAMPLES}

    assert names >= PUBLIC_URLS


def test_the_walk_sees_the_known_urls():
    paths = {sample.path for sample in SAMPLES}

    assert {"/", "/dang-nhap/", "/dang-xuat/", "/doi-mat-khau/", "/quan-tri/"} <= paths
    assert any(path.startswith("/quan-tri/accounts/user/") for path in paths)


def test_the_walk_catches_a_view_that_forgot_its_protection(client, db, settings):
    settings.ROOT_URLCONF = "tests.core.urls_unprotected"
    clear_url_caches()
    try:
        (sample,) = [sample for sample in iter_url_samples() if sample.name == "leaky"]
        problem = anonymous_access_problem(client, sample)
    finally:
        clear_url_caches()

    assert sample.path == "/ro-ri/1/"
    assert problem is not None
    assert "200" in problem
    assert view_access(sample.callback) is None
