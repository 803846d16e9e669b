"""The fixed cast of the Django tests, and the browser settings of the e2e tests.

unit_a and unit_b are two departments; officer_a / head_a act for unit_a, officer_b for unit_b, so any test
can check that one unit's people never see the other's data. no_role_user can sign in but has no role.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

from parindex.accounts.models import Role, User
from parindex.organization.models import Unit
from tests.factories import UnitFactory, UnitGroupFactory, UserFactory
from tests.live_server import serialize_live_server_on_sqlite

CHROMIUM = "/usr/bin/chromium"

# Property tests check invariants, not speed: a loaded CI machine must not fail them on a 200 ms deadline.
hypothesis_settings.register_profile("parindex", deadline=None)
hypothesis_settings.load_profile("parindex")

# Playwright's sync API runs an event loop in the test thread; Django then refuses ORM calls from it (fixtures,
# live_server set-up) unless told this is deliberate. Tests only: never set in a deployment.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

serialize_live_server_on_sqlite()


@pytest.fixture
def unit_a(db: None) -> Unit:
    return UnitFactory.create(code="SA", name="Sở Tư pháp", group=UnitGroupFactory.create())


@pytest.fixture
def unit_b(db: None) -> Unit:
    return UnitFactory.create(code="SB", name="Sở Y tế", group=UnitGroupFactory.create())


@pytest.fixture
def organizer(db: None) -> User:
    return UserFactory.create(username="tochuc", full_name="Trần Thị Tổ Chức", role=Role.ORGANIZER)


@pytest.fixture
def appraiser(db: None) -> User:
    return UserFactory.create(username="thamdinh", full_name="Lê Văn Thẩm Định", role=Role.APPRAISER)


@pytest.fixture
def council(db: None) -> User:
    return UserFactory.create(username="hoidong", full_name="Hoàng Văn Hội Đồng", role=Role.COUNCIL)


@pytest.fixture
def officer_a(unit_a: Unit) -> User:
    return UserFactory.create(username="daumoi_a", full_name="Đỗ Thị Đầu Mối", role=Role.UNIT_OFFICER, unit=unit_a)


@pytest.fixture
def officer_b(unit_b: Unit) -> User:
    return UserFactory.create(username="daumoi_b", full_name="Phạm Văn Bê", role=Role.UNIT_OFFICER, unit=unit_b)


@pytest.fixture
def head_a(unit_a: Unit) -> User:
    return UserFactory.create(username="thutruong_a", full_name="Vũ Đức Thủ Trưởng", role=Role.UNIT_HEAD, unit=unit_a)


@pytest.fixture
def admin_user(db: None) -> User:
    return UserFactory.create(
        username="quantri",
        full_name="Nguyễn Văn Quản Trị",
        role=Role.ADMIN,
        is_staff=True,
        is_superuser=True,
    )


@pytest.fixture
def no_role_user(db: None) -> User:
    return UserFactory.create(username="chuaphanvai", full_name="Ngô Chưa Phân Vai", role="")


# --- Browser tests (pytest-playwright) ----------------------------------------------------------------
# `playwright install` cannot download browsers here: use Debian's chromium.
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (.ci/run installs it: apt-get install chromium)")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)
