from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from parindex.core.forms import BootstrapFormMixin
from parindex.organization import sheets


class ImportUploadForm(BootstrapFormMixin, forms.Form):
    """The upload of a unit or user list. Only the size is checked here, before the file is read into memory;
    what the file holds is the import's business."""

    file = forms.FileField(
        label=_("Tệp Excel (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,{sheets.XLSX_CONTENT_TYPE}"}),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        limit = sheets.IMPORT_MAX_UPLOAD_BYTES
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(sheets.MSG_FILE_TOO_LARGE.format(limit=limit // 2**20))
        return upload
