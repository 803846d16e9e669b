"""Who may use which view: deny by default.

Every view in the project states its access with exactly one of:

- ``@role_required(Role.ORGANIZER, ...)``: signed-in users with one of those roles; anonymous users go to the
  login page, other roles get a Vietnamese 403 page;
- ``@login_required``: every signed-in user, whatever the role (home page, password change);
- ``@public``: anyone, signed in or not. The URL's name must also be listed in PUBLIC_URLS below, so that
  opening a page to the world is a visible, reviewed change in one place.

`django.contrib.auth.middleware.LoginRequiredMiddleware` is the safety net behind these: a view that forgets
everything still refuses anonymous users. tests/core/test_every_url_refuses_anonymous.py walks every URL
pattern and checks both that the view carries one of these marks and that anonymous users are refused.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, TypeVar

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.decorators import login_required as django_login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from parindex.accounts.models import Role

ROLE_FORBIDDEN = _(
    "Vai trò của bạn không được phép sử dụng chức năng này. "
    "Nếu bạn cho rằng đây là nhầm lẫn, vui lòng liên hệ quản trị hệ thống."
)

# URL names (with namespace) that anonymous visitors may open. Everything else must refuse them.
PUBLIC_URLS: frozenset[str] = frozenset(
    {
        "login",
        "admin:login",  # Django admin's own sign-in form; it is rate-limited by axes like ours
        # The public portal: published results and open data only (portal.selectors decides what is published).
        "portal:index",
        "portal:group",
        "portal:unit",
        "portal:catalogue",
        "portal:catalogue_json",
        "portal:csv",
        "portal:json",
        "portal:sitemap",
        "robots_txt",
    }
)

ACCESS_ATTRIBUTE = "parindex_access"

View = TypeVar("View", bound=Callable[..., Any])


@dataclass(frozen=True)
class Access:
    kind: Literal["public", "authenticated", "roles"]
    roles: frozenset[str] = frozenset()


def view_access(view: Callable[..., Any]) -> Access | None:
    return getattr(view, ACCESS_ATTRIBUTE, None)


def user_has_role(user: Any, *roles: str) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "role", "") in roles)


def role_required(*roles: str) -> Callable[[View], View]:
    if not roles:
        raise ImproperlyConfigured("role_required() needs at least one role.")
    unknown = set(roles) - set(Role.values)
    if unknown:
        raise ImproperlyConfigured(f"role_required(): unknown roles {sorted(unknown)}")
    allowed = frozenset(str(role) for role in roles)

    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if getattr(request.user, "role", "") not in allowed:
                raise PermissionDenied(ROLE_FORBIDDEN)
            return view(request, *args, **kwargs)

        setattr(wrapped, ACCESS_ATTRIBUTE, Access("roles", allowed))
        return wrapped  # type: ignore[return-value]

    return decorator


def login_required(view: View) -> View:
    """Any signed-in user, whatever the role. Say so explicitly rather than leaving a view unmarked."""
    wrapped = django_login_required(view)
    setattr(wrapped, ACCESS_ATTRIBUTE, Access("authenticated"))
    return wrapped


def public(view: View) -> View:
    """Open to anonymous visitors. The URL name must also be added to PUBLIC_URLS."""
    # A fresh wrapper, so marking it does not mark a view object shared with other URLs.
    wrapped = login_not_required(_passthrough(view))
    setattr(wrapped, ACCESS_ATTRIBUTE, Access("public"))
    return wrapped


def _passthrough(view: View) -> View:
    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


class RoleRequiredMixin:
    """For class-based views: `allowed_roles = (Role.ORGANIZER,)`; as_view() returns a role_required view."""

    allowed_roles: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Callable[..., HttpResponse]:
        view = super().as_view(**initkwargs)  # type: ignore[misc]
        return role_required(*cls.allowed_roles)(view)
