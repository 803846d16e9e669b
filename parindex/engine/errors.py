"""Errors the engine raises. Every message is Vietnamese and meant to be shown to a user as it is."""

from __future__ import annotations


class EngineError(Exception):
    """Base of the engine's errors."""


class InputError(EngineError, ValueError):
    """An answer does not fit its rule (a bad number, out of range, an unknown level …)."""


class RuleParamError(EngineError, ValueError):
    """A rule's parameters in a criteria set are wrong. Holds every problem found, not just the first."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
