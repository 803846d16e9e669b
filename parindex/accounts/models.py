from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

USER_UNIT_REQUIRED = _("Cán bộ đầu mối và thủ trưởng đơn vị phải gắn với một đơn vị.")
USER_UNIT_NOT_ALLOWED = _("Vai trò này không gắn với đơn vị cụ thể; hãy để trống ô đơn vị.")


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    ORGANIZER = "organizer", _("Sở Nội vụ (tổ chức đánh giá)")
    APPRAISER = "appraiser", _("Thành viên Tổ thẩm định")
    COUNCIL = "council", _("Thành viên Hội đồng")
    UNIT_OFFICER = "unit_officer", _("Cán bộ đầu mối CCHC")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")


# The roles that act for one assessed unit and see only that unit's data.
UNIT_ROLES = frozenset({Role.UNIT_OFFICER, Role.UNIT_HEAD})
# An appraiser may name the department they come from (Sở Tư pháp, Sở Tài chính …): it is how the system
# knows they must never appraise that unit (conflict of interest).
UNIT_OPTIONAL_ROLES = frozenset({Role.APPRAISER})


class User(AbstractUser):
    # Blank means "no role yet": such an account can sign in but every role-restricted page refuses it.
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, blank=True)
    unit = models.ForeignKey(
        "organization.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("đơn vị"),
        help_text=_("Chỉ dành cho cán bộ đầu mối và thủ trưởng đơn vị."),
    )
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=30, blank=True)
    # Set on accounts created with a generated first password (Excel import): the sign-in sends the user
    # straight to the password change, and changing the password clears it.
    must_change_password = models.BooleanField(
        _("phải đổi mật khẩu"),
        default=False,
        help_text=_("Lần đăng nhập tới, người dùng được đưa ngay tới trang đổi mật khẩu."),
    )

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username

    def clean(self) -> None:
        super().clean()
        if self.role in UNIT_ROLES and self.unit_id is None:
            raise ValidationError({"unit": USER_UNIT_REQUIRED})
        if self.role not in UNIT_ROLES | UNIT_OPTIONAL_ROLES and self.unit_id is not None:
            raise ValidationError({"unit": USER_UNIT_NOT_ALLOWED})

    def get_full_name(self) -> str:
        # Vietnamese names do not split into first and last the Western way: one full-name field.
        return self.full_name or self.username

    def get_short_name(self) -> str:
        return self.full_name.rsplit(" ", 1)[-1] if self.full_name else self.username
