"""The answer "không áp dụng" (not applicable), in a module of its own so that every part can import it."""

from __future__ import annotations

from typing import Final


class _NotApplicable:
    """The answer "không áp dụng": removes the leaf's maximum from the unit's applicable maximum."""

    _instance: _NotApplicable | None = None

    def __new__(cls) -> _NotApplicable:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_APPLICABLE"

    def __reduce__(self) -> str:
        return "NOT_APPLICABLE"


NOT_APPLICABLE: Final = _NotApplicable()
