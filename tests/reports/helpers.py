"""Reading the exports back: the workbook's sheets as figures, a PDF's text."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pypdf
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet


def open_workbook(content: bytes):
    return load_workbook(io.BytesIO(content))


def number(value: object) -> Decimal | None:
    """A numeric cell as the Decimal it stands for (a float prints exactly what openpyxl stored)."""
    if value is None:
        return None
    assert isinstance(value, int | float), f"not a numeric cell: {value!r}"
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def column_values(sheet: Worksheet, row: int) -> list[object]:
    return [cell.value for cell in sheet[row]]


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def font_names(content: bytes) -> set[str]:
    """The fonts the pages use (WeasyPrint names an embedded subset "ABCDEF+LiberationSerif")."""
    found = set()
    for page in pypdf.PdfReader(io.BytesIO(content)).pages:
        resources: Any = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            found.add(str(font.get_object()["/BaseFont"]))
    return found
