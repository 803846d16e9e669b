from __future__ import annotations

from parindex.accounts.models import Role, User
from parindex.vn import sort_key

_ROLE_ORDER = {role.value: index for index, role in enumerate(Role)}


def user_list() -> list[User]:
    """Every account with its unit, by role (in the order of Role) and then by name in Vietnamese order;
    accounts without a role last. One query."""
    users = list(User.objects.select_related("unit"))
    users.sort(key=lambda user: sort_key(user.full_name or user.username))
    users.sort(key=lambda user: _ROLE_ORDER.get(user.role, len(_ROLE_ORDER)))
    return users
