"""The scoring rules, by the `type` a criteria-set file names them with."""

from __future__ import annotations

from collections.abc import Mapping

from parindex.engine.rules.base import Rule
from parindex.engine.rules.categorical import Level, QualityRule, Timeliness, TimelinessRule
from parindex.engine.rules.proportional import SEVERE, CountRule, DeductionRule, RatioRule
from parindex.engine.rules.simple import BinaryRule, ManualRule, ScaleRule, SurveyRule
from parindex.engine.rules.thresholds import Measured, Tier, TiersRule

RULE_TYPES: Mapping[str, type[Rule]] = {
    rule.type_name: rule
    for rule in (
        ManualRule,
        BinaryRule,
        TiersRule,
        RatioRule,
        CountRule,
        TimelinessRule,
        QualityRule,
        DeductionRule,
        ScaleRule,
        SurveyRule,
    )
}

__all__ = [
    "RULE_TYPES",
    "SEVERE",
    "BinaryRule",
    "CountRule",
    "DeductionRule",
    "Level",
    "ManualRule",
    "Measured",
    "QualityRule",
    "RatioRule",
    "Rule",
    "ScaleRule",
    "SurveyRule",
    "Tier",
    "TiersRule",
    "Timeliness",
    "TimelinessRule",
]
