"""The scoring engine: pure Python, Decimal throughout, no Django.

Typical use::

    criteria_set = load_criteria_set(path)            # parindex.setfile
    answers, errors = parse_answers(criteria_set, {"1.1.1": "Có", "1.1.2": "45/50", "2.3": "KAD"})
    score = score_unit(criteria_set, answers)
    score.index, score.node("1").index, score.missing
    rank_group(criteria_set, {"Sở Y tế": score, ...})
"""

from parindex.engine.answers import NOT_APPLICABLE, AnswerError, explain_answer, parse_answer, parse_answers
from parindex.engine.errors import EngineError, InputError, RuleParamError
from parindex.engine.numbers import round_display
from parindex.engine.ranking import (
    GroupAverage,
    RankedUnit,
    band_for,
    competition_ranks,
    group_average,
    rank_group,
)
from parindex.engine.rules import RULE_TYPES, Rule
from parindex.engine.scoring import NodeScore, UnitScore, score_unit, score_units
from parindex.engine.statistics import LeafStatistics, leaf_statistics
from parindex.engine.tree import Band, CriteriaSet, Node, Rounding, Section

__all__ = [
    "NOT_APPLICABLE",
    "RULE_TYPES",
    "AnswerError",
    "Band",
    "CriteriaSet",
    "EngineError",
    "GroupAverage",
    "InputError",
    "LeafStatistics",
    "Node",
    "NodeScore",
    "RankedUnit",
    "Rounding",
    "Rule",
    "RuleParamError",
    "Section",
    "UnitScore",
    "band_for",
    "competition_ranks",
    "explain_answer",
    "group_average",
    "leaf_statistics",
    "parse_answer",
    "parse_answers",
    "rank_group",
    "round_display",
    "score_unit",
    "score_units",
]
