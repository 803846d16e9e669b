"""Plausible answers for the demonstration province: facts as a unit would enter them, rule by rule.

Deterministic (seeded per unit), and shaped by a unit's "diligence" so that the demo's results spread the
way real ones do: most units good, a few weak, nobody perfect everywhere.
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from parindex.assessments.inputs import NA, NOT_DONE
from parindex.engine import Node
from parindex.engine.rules import (
    BinaryRule,
    CountRule,
    DeductionRule,
    ManualRule,
    QualityRule,
    RatioRule,
    ScaleRule,
    TiersRule,
    TimelinessRule,
)
from parindex.engine.text import num


def demo_answer(node: Node, rng: random.Random, diligence: float, allows_na: bool) -> str:
    """An answer text for the leaf, as the self-assessment screen would send it."""
    rule = node.rule
    good = rng.random() < diligence
    if allows_na and rng.random() < 0.15:
        return NA
    if isinstance(rule, BinaryRule):
        return "Có" if good else "Không"
    if isinstance(rule, QualityRule):
        levels = sorted(rule.levels, key=lambda level: level.share, reverse=True)
        return levels[0 if good else min(len(levels) - 1, rng.randint(1, 2))].label
    if isinstance(rule, TimelinessRule):
        if rule.deadline is None:
            return "đúng hạn" if good else rng.choice(["trễ hạn", NOT_DONE])
        shift = -rng.randint(1, 20) if good else rng.randint(1, 15)
        return (rule.deadline + timedelta(days=shift)).strftime("%d/%m/%Y")
    if isinstance(rule, TiersRule):
        if rule.on == "count":
            top = int(rule.tiers[0].min)
            return str(top + rng.randint(0, 2) if good else rng.randint(0, max(top - 1, 0)))
        total = rng.randint(20, 400)
        share = rng.uniform(0.95, 1.0) if good else rng.uniform(0.6, 0.95)
        return f"{min(total, round(total * share))}/{total}"
    if isinstance(rule, RatioRule):
        required = rule.required or Decimal(rng.randint(5, 40))
        achieved = required if good else (required * Decimal(rng.randint(50, 95)) / 100).quantize(Decimal(1))
        return num(achieved) if rule.required is not None else f"{num(achieved)}/{num(required)}"
    if isinstance(rule, CountRule):
        needed = int((rule.effective_cap / rule.per_item).to_integral_value())
        return str(needed + rng.randint(0, 2) if good else rng.randint(0, max(needed - 1, 0)))
    if isinstance(rule, DeductionRule):
        return "0" if good else str(rng.randint(1, 3))
    if isinstance(rule, ScaleRule):
        value = rule.scale * Decimal(str(round(rng.uniform(0.85, 1.0) if good else rng.uniform(0.5, 0.85), 2)))
        return num(value.quantize(Decimal("0.1")))
    if isinstance(rule, ManualRule):
        step = rule.step or Decimal("0.25")
        steps = int(node.maximum / step)
        return num(step * (steps if good else rng.randint(0, steps)))
    raise AssertionError(type(rule).__name__)
