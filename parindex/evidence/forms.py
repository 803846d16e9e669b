from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from parindex.core.forms import BootstrapFormMixin
from parindex.evidence.files import ACCEPT
from parindex.evidence.models import EvidenceDocument

DATE_HELP = _("Ngày/tháng/năm, ví dụ 15/01/2025")
DATE_INVALID = _("Ngày ban hành phải viết theo dạng ngày/tháng/năm, ví dụ 15/01/2025.")


class EvidenceMetadataForm(BootstrapFormMixin, forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu"), required=False, max_length=100, help_text=_("Ví dụ: 123/QĐ-UBND"))
    issued_on = forms.DateField(
        label=_("Ngày ban hành"),
        required=False,
        # Day first, four-digit year only: "04/03/2025" is 4 March, never 3 April.
        input_formats=["%d/%m/%Y"],
        help_text=DATE_HELP,
        error_messages={"invalid": DATE_INVALID},
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}),
    )
    issuer = forms.CharField(
        label=_("Cơ quan ban hành"), required=False, max_length=255, help_text=_("Ví dụ: UBND tỉnh")
    )
    summary = forms.CharField(
        label=_("Trích yếu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ví dụ: Kế hoạch cải cách hành chính năm 2025"),
    )

    @classmethod
    def for_document(cls, document: EvidenceDocument, data: Any = None) -> EvidenceMetadataForm:
        initial = {name: getattr(document, name) for name in ("number", "issued_on", "issuer", "summary")}
        return cls(data, initial=initial)


class EvidenceUploadForm(EvidenceMetadataForm):
    file = forms.FileField(
        label=_("Tệp tài liệu"),
        help_text=_("PDF, Word (.docx), Excel (.xlsx), ảnh JPG hoặc PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        # The name is checked and cleaned by the service, which keeps Vietnamese names whatever their length.
        max_length=None,
    )
    field_order = ("file", "number", "issued_on", "issuer", "summary")


class CitationForm(BootstrapFormMixin, forms.Form):
    document = forms.IntegerField(label=_("Tài liệu"))
    locator = forms.CharField(
        label=_("Trang hoặc mục"),
        required=False,
        max_length=100,
        help_text=_("Ví dụ: trang 3, mục II.2"),
    )
