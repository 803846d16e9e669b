"""Evidence documents (tài liệu kiểm chứng): a registry per unit and period, one document cited by many answers.

Files are stored under a random internal name (never the uploaded name, which may carry path tricks or
clash); the original name, with its Vietnamese diacritics, is kept for the download. The SHA-256 proves the
file is the one uploaded.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SignatureStatus(models.TextChoices):
    NOT_CHECKED = "not_checked", _("Chưa kiểm tra")
    UNSIGNED = "unsigned", _("Không có chữ ký số (bản scan)")
    VALID = "valid", _("Chữ ký số hợp lệ")
    INVALID = "invalid", _("Chữ ký số không hợp lệ")
    UNTRUSTED = "untrusted", _("Chữ ký số chưa xác thực được chứng thư")


class EvidenceDocument(models.Model):
    assessment = models.ForeignKey("assessments.Assessment", on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(_("tệp"), upload_to="evidence/%Y/%m/", max_length=300)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    content_type = models.CharField(_("loại tệp"), max_length=100)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True, help_text=_("Ví dụ: 123/QĐ-UBND"))
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    summary = models.TextField(_("trích yếu"), blank=True)
    signature_status = models.CharField(
        _("chữ ký số"), max_length=12, choices=SignatureStatus.choices, default=SignatureStatus.NOT_CHECKED
    )
    signer = models.CharField(_("người ký"), max_length=255, blank=True)
    signed_at = models.DateTimeField(_("thời điểm ký"), null=True, blank=True)
    signature_detail = models.TextField(_("chi tiết kiểm tra chữ ký"), blank=True)
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Added during the explanation round (tài liệu bổ sung), as opposed to the self-assessment.
    supplementary = models.BooleanField(_("tài liệu bổ sung"), default=False)

    class Meta:
        ordering = ("-uploaded_at",)
        verbose_name = _("tài liệu kiểm chứng")
        verbose_name_plural = _("tài liệu kiểm chứng")
        # One file once per registry: the same decision uploaded twice would split its citations. The
        # service refuses with a pointer to the existing document; this catches two uploads racing.
        constraints = (models.UniqueConstraint(fields=("assessment", "sha256"), name="evidence_unique_file"),)

    def __str__(self) -> str:
        return self.number or self.original_name


class Citation(models.Model):
    """An answer's leaf cites a document, with the page or section where the proof is."""

    document = models.ForeignKey(EvidenceDocument, on_delete=models.PROTECT, related_name="citations")
    assessment = models.ForeignKey("assessments.Assessment", on_delete=models.CASCADE, related_name="citations")
    code = models.CharField(_("mã tiêu chí"), max_length=50)
    stage = models.CharField(_("vòng"), max_length=12)
    locator = models.CharField(_("trang hoặc mục"), max_length=100, blank=True, help_text=_("Ví dụ: trang 3, mục II.2"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ("code", "created_at")
        constraints = (
            models.UniqueConstraint(fields=("document", "assessment", "code", "stage"), name="citation_unique"),
        )

    def __str__(self) -> str:
        return f"{self.code}: {self.document} {self.locator}".strip()
