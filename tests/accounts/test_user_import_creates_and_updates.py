from parindex.accounts.models import Role, User
from tests.accounts.conftest import USER_IMPORT_URL
from tests.factories import UserFactory
from tests.organization.xlsx_files import USER_HEADER, upload, xlsx


def _rows(response):
    return [(row.row, row.key, row.status) for row in response.context["result"].rows]


def test_new_usernames_become_accounts_with_role_and_unit(client, organizer, unit_a):
    client.force_login(organizer)
    content = xlsx(
        [
            [
                "daumoi.stp",
                "Nguyễn Thị Lan",
                "Cán bộ đầu mối CCHC",
                "SA",
                "Chuyên viên",
                "0912345678",
                "lan@example.vn",
            ],
            ["thamdinh.stc", "Lê Văn Hùng", "appraiser", None, "Phó Giám đốc Sở Tài chính", None, None],
            ["thutruong.stp", "Trần Văn Minh", "THU TRUONG DON VI", "SA"],
            ["tochuc2", "Phạm Thu Hà", "Sở Nội vụ", None],
        ],
        header=USER_HEADER,
    )

    response = upload(client, USER_IMPORT_URL, content)

    assert response.status_code == 200
    assert _rows(response) == [
        (2, "daumoi.stp", "created"),
        (3, "thamdinh.stc", "created"),
        (4, "thutruong.stp", "created"),
        (5, "tochuc2", "created"),
    ]
    officer = User.objects.get(username="daumoi.stp")
    assert (officer.full_name, officer.role, officer.unit, officer.position, officer.phone, officer.email) == (
        "Nguyễn Thị Lan",
        Role.UNIT_OFFICER,
        unit_a,
        "Chuyên viên",
        "0912345678",
        "lan@example.vn",
    )
    assert User.objects.get(username="thamdinh.stc").role == Role.APPRAISER
    assert User.objects.get(username="thutruong.stp").role == Role.UNIT_HEAD
    assert User.objects.get(username="tochuc2").role == Role.ORGANIZER
    assert "Đã nhập xong: 4 thêm mới, 0 cập nhật, 0 không thay đổi." in response.content.decode()


def test_an_existing_username_updates_the_account_and_names_the_changed_columns(client, organizer, unit_a, unit_b):
    user = UserFactory.create(username="daumoi", full_name="Nguyễn Lan", role=Role.UNIT_OFFICER, unit=unit_a)
    password_hash = user.password
    client.force_login(organizer)

    response = upload(
        client,
        USER_IMPORT_URL,
        xlsx([["daumoi", "Nguyễn Thị Lan", "unit_head", "SB", "Giám đốc"]], header=USER_HEADER),
    )

    (row,) = response.context["result"].rows
    assert (row.status, row.changed) == ("updated", ["Họ và tên", "Vai trò", "Mã đơn vị", "Chức vụ"])
    assert row.initial_password == ""
    user.refresh_from_db()
    assert (user.full_name, user.role, user.unit, user.position) == (
        "Nguyễn Thị Lan",
        Role.UNIT_HEAD,
        unit_b,
        "Giám đốc",
    )
    assert user.password == password_hash
    assert not user.must_change_password


def test_a_row_equal_to_the_account_is_reported_unchanged(client, organizer, officer_a):
    client.force_login(organizer)
    content = xlsx([["daumoi_a", "Đỗ Thị Đầu Mối", "unit_officer", "SA", "", "", ""]], header=USER_HEADER)

    response = upload(client, USER_IMPORT_URL, content)

    assert _rows(response) == [(2, "daumoi_a", "unchanged")]


def test_a_missing_column_keeps_the_value_and_an_empty_cell_clears_it(client, organizer, unit_a):
    UserFactory.create(username="a", full_name="A", role=Role.APPRAISER, phone="0900", email="a@example.vn")
    client.force_login(organizer)

    upload(client, USER_IMPORT_URL, xlsx([["a", "A", "appraiser", "", ""]], header=(*USER_HEADER[:5], "Email")))

    assert User.objects.filter(username="a").values_list("phone", "email").get() == ("0900", "")


def test_a_user_moved_from_a_unit_role_to_an_appraiser_loses_the_unit(client, organizer, officer_a):
    client.force_login(organizer)

    upload(client, USER_IMPORT_URL, xlsx([["daumoi_a", "Đỗ Thị Đầu Mối", "appraiser", ""]], header=USER_HEADER))

    officer_a.refresh_from_db()
    assert (officer_a.role, officer_a.unit) == (Role.APPRAISER, None)
