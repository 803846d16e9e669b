"""Reads on evidence, and who may see which document: whoever may see its assessment, nobody else."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import QuerySet

from parindex.assessments.models import Assessment
from parindex.assessments.selectors import assessments_visible_to
from parindex.evidence.models import Citation, EvidenceDocument


def evidence_assessments_visible_to(user: Any) -> QuerySet[Assessment]:
    """The assessments whose evidence the user may read: exactly those they may see (an appraiser, the units
    assigned to them, never their own)."""
    return assessments_visible_to(user)


def documents_visible_to(user: Any) -> QuerySet[EvidenceDocument]:
    return EvidenceDocument.objects.filter(
        assessment__in=evidence_assessments_visible_to(user).values("pk")
    ).select_related("assessment", "assessment__unit", "assessment__period")


def citations_visible_to(user: Any) -> QuerySet[Citation]:
    return Citation.objects.filter(assessment__in=evidence_assessments_visible_to(user).values("pk")).select_related(
        "document", "assessment", "assessment__unit", "assessment__period"
    )


def _leaf_order(assessment: Assessment) -> dict[str, int]:
    return {leaf.code: position for position, leaf in enumerate(assessment.criteria_set.all_leaves)}


def registry_documents(assessment: Assessment) -> list[EvidenceDocument]:
    """The unit's registry for the period, newest first, each with its citations in the set's order. Three
    queries whatever the number of documents."""
    documents = list(
        EvidenceDocument.objects.filter(assessment=assessment)
        .select_related("uploaded_by")
        .prefetch_related("citations")
    )
    order = _leaf_order(assessment)
    for document in documents:
        # The prefetched citations, sorted here: a leaf's position in the set is not something SQL knows.
        citations = sorted(
            document.citations.all(),
            key=lambda citation: (citation.stage != "self", order.get(citation.code, len(order)), citation.code),
        )
        setattr(document, "citation_list", citations)  # noqa: B010  (an attribute for the template only)
    return documents


def leaf_citations(assessment: Assessment, code: str, stage: str) -> list[Citation]:
    """What a leaf cites in one stage, with the documents, for evidence/_citations.html."""
    return list(
        Citation.objects.filter(assessment=assessment, code=code, stage=stage)
        .select_related("document")
        .order_by("created_at", "id")
    )


def citations_by_code(assessment: Assessment, stage: str) -> dict[str, list[Citation]]:
    """Every leaf's citations in one stage, in one query: for a page that shows all the leaves."""
    grouped: dict[str, list[Citation]] = defaultdict(list)
    for citation in (
        Citation.objects.filter(assessment=assessment, stage=stage)
        .select_related("document")
        .order_by("created_at", "id")
    ):
        grouped[citation.code].append(citation)
    return dict(grouped)


def registry_choices(assessment: Assessment) -> list[EvidenceDocument]:
    """The documents a leaf may cite: the assessment's own registry, without loading the citations."""
    return list(EvidenceDocument.objects.filter(assessment=assessment).order_by("-uploaded_at", "-id"))
