import io

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command

from parindex.accounts.models import Role, User
from parindex.audit.models import AuditEvent
from parindex.audit.services import audit_verify_chain
from parindex.core.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, load_demo_criteria_sets
from parindex.organization.models import Unit, UnitGroup


@pytest.fixture(autouse=True)
def _without_criteria_sets(monkeypatch):
    # The criteria app tests its own demo loader; here only the hook's call is checked (tests at the end).
    monkeypatch.setattr("parindex.core.demo.load_demo_criteria_sets", lambda stdout: None)


def _run():
    out = io.StringIO()
    call_command("demo_setup", stdout=out)
    return out.getvalue()


def _counts():
    return (UnitGroup.objects.count(), Unit.objects.count(), User.objects.count(), AuditEvent.objects.count())


def test_it_creates_the_groups_units_and_one_account_per_role(db):
    _run()

    assert set(UnitGroup.objects.values_list("code", flat=True)) == {"so", "huyen", "xa", "phong"}
    assert UnitGroup.objects.get(code="xa").name == "UBND cấp xã, phường, đặc khu"
    assert Unit.objects.filter(group__code="so").count() == 14
    assert Unit.objects.filter(group__code="xa").count() == 40
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    assert User.objects.filter(role=Role.APPRAISER).count() == 2
    officers = User.objects.filter(role__in=[Role.UNIT_OFFICER, Role.UNIT_HEAD])
    assert officers.values("unit").distinct().count() == 2


def test_every_demo_account_has_the_demo_password(db):
    _run()

    for account in DEMO_ACCOUNTS:
        assert User.objects.get(username=account.username).check_password(DEMO_PASSWORD), account.username


def test_a_demo_account_signs_in_through_the_login_page(client, db):
    _run()

    response = client.post("/dang-nhap/", {"username": "thutruong.phuly", "password": DEMO_PASSWORD})

    assert response.status_code == 302


def test_the_demo_password_passes_the_validators(db):
    _run()

    for user in User.objects.all():
        validate_password(DEMO_PASSWORD, user)


def test_the_admin_account_can_open_the_admin(client, db):
    _run()
    client.post("/dang-nhap/", {"username": "quantri", "password": DEMO_PASSWORD})

    assert client.get("/quan-tri/").status_code == 200


def test_running_it_twice_duplicates_nothing(db):
    _run()
    first = _counts()

    output = _run()

    assert _counts() == first
    assert "tạo mới 0 nhóm đơn vị, 0 đơn vị, 0 tài khoản" in output
    assert audit_verify_chain() == []


def test_it_prints_the_accounts_and_the_url(db):
    output = _run()

    for account in DEMO_ACCOUNTS:
        assert account.username in output
    assert "Thủ trưởng đơn vị" in output
    assert "Phường Phủ Lý" in output
    assert DEMO_PASSWORD in output
    assert "http://127.0.0.1:8000" in output


def test_it_refuses_to_run_in_production(db, settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="máy chủ thật"):
        _run()
    assert User.objects.count() == 0


def test_the_criteria_hook_calls_the_criteria_app_when_it_exists(monkeypatch):
    import types

    calls = []
    fake = types.ModuleType("parindex.criteria.services")
    fake.criteria_set_load_demo = lambda *, stdout: calls.append(stdout)  # type: ignore[attr-defined]
    monkeypatch.setitem(__import__("sys").modules, "parindex.criteria.services", fake)
    out = io.StringIO()

    load_demo_criteria_sets(out)

    assert calls == [out]


def test_the_criteria_hook_is_quiet_without_the_criteria_app(monkeypatch):
    import sys
    import types

    monkeypatch.setitem(sys.modules, "parindex.criteria.services", types.ModuleType("parindex.criteria.services"))
    out = io.StringIO()

    load_demo_criteria_sets(out)

    assert "bỏ qua" in out.getvalue()
    assert settings.LANGUAGE_CODE == "vi"
