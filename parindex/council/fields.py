"""A Decimal stored as its exact text.

Official figures are kept at the engine's full precision (28 significant digits: 16,9 ÷ 18 × 100 is
93,888…8889). A DecimalField cannot hold that on SQLite: its NUMERIC affinity stores a non-integer as a
float, so 28 digits come back as 17, and a tie at full precision could split after a reload. Text is exact
on every database, and the snapshot is read back digit for digit as the engine wrote it.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models


class DecimalTextField(models.CharField):
    description = "Số thập phân lưu nguyên văn (đủ mọi chữ số)"
    # What django-stubs reads as the field's types: set with a Decimal (or its text), read as a Decimal.
    _pyi_private_set_type: Decimal | str | None  # type: ignore[assignment]
    _pyi_private_get_type: Decimal  # type: ignore[assignment]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 80)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Decimal | None:
        return None if value is None else Decimal(value)

    def to_python(self, value: Any) -> Decimal | None:
        if value is None or isinstance(value, Decimal):
            return value
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise ValidationError(f"“{value}” không phải là số.") from None

    def get_prep_value(self, value: Any) -> str | None:
        number = self.to_python(value)
        # Positional notation ("0.00001", never "1E-5"): readable in the database and in exports.
        return None if number is None else format(number, "f")
