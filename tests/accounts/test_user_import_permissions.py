"""Who may hand out which accounts: administrators' accounts are for administrators only, and nobody changes
their own role through a file."""

from parindex.accounts.imports import MSG_ADMIN_ONLY, MSG_OWN_ROLE
from parindex.accounts.models import Role, User
from parindex.organization.sheets import ROW_ERROR
from tests.accounts.conftest import USER_IMPORT_URL
from tests.organization.xlsx_files import USER_HEADER, upload, xlsx


def _post(client, user, rows):
    client.force_login(user)
    return upload(client, USER_IMPORT_URL, xlsx(rows, header=USER_HEADER))


def test_an_organizer_cannot_create_an_administrator(client, organizer):
    response = _post(client, organizer, [["quantri2", "Quản Trị Hai", "admin"]])

    assert response.context["errors"] == [ROW_ERROR.format(row=2, column="Vai trò", message=MSG_ADMIN_ONLY)]
    assert not User.objects.filter(username="quantri2").exists()


def test_an_organizer_cannot_change_an_administrators_account(client, organizer, admin_user):
    response = _post(client, organizer, [["quantri", "Tên Khác", "admin"]])

    assert response.context["errors"] == [ROW_ERROR.format(row=2, column="Vai trò", message=MSG_ADMIN_ONLY)]
    admin_user.refresh_from_db()
    assert admin_user.full_name == "Nguyễn Văn Quản Trị"


def test_an_organizer_cannot_demote_an_administrator(client, organizer, admin_user):
    response = _post(client, organizer, [["quantri", "Nguyễn Văn Quản Trị", "appraiser"]])

    assert response.context["errors"] == [ROW_ERROR.format(row=2, column="Vai trò", message=MSG_ADMIN_ONLY)]


def test_an_organizer_may_list_an_administrator_unchanged(client, organizer, admin_user):
    response = _post(client, organizer, [["quantri", "Nguyễn Văn Quản Trị", "admin", "", "", "", ""]])

    assert [row.status for row in response.context["result"].rows] == ["unchanged"]


def test_an_administrator_may_create_an_administrator(client, admin_user):
    response = _post(client, admin_user, [["quantri2", "Quản Trị Hai", "Quản trị hệ thống"]])

    assert [row.status for row in response.context["result"].rows] == ["created"]
    user = User.objects.get(username="quantri2")
    assert (user.role, user.is_staff, user.is_superuser) == (Role.ADMIN, False, False)


def test_nobody_changes_their_own_role_through_a_file(client, organizer):
    response = _post(client, organizer, [["tochuc", "Trần Thị Tổ Chức", "appraiser"]])

    assert response.context["errors"] == [ROW_ERROR.format(row=2, column="Vai trò", message=MSG_OWN_ROLE)]
    organizer.refresh_from_db()
    assert organizer.role == Role.ORGANIZER
