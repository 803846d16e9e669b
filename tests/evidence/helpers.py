"""Shared steps of the evidence tests."""

from __future__ import annotations

import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from parindex.assessments.models import Assessment
from parindex.evidence.services import citation_add, evidence_upload
from tests.evidence import documents

_serial = itertools.count(1)


def registry_url(assessment):
    return reverse("evidence:registry", args=[assessment.pk])


def post_upload(client, assessment, name, content, **fields):
    return client.post(registry_url(assessment), {"file": SimpleUploadedFile(name, content), **fields})


def upload(actor, assessment, name="Kế hoạch CCHC năm 2025.pdf", content=None, **fields):
    """Upload through the service; a fresh PDF (its text from the name, so never a duplicate) by default."""
    content = documents.pdf(f"Tai lieu so {next(_serial)}") if content is None else content
    return evidence_upload(
        actor=actor, assessment=assessment, uploaded_file=SimpleUploadedFile(name, content), **fields
    )


def cite(actor, document, code, locator="", stage="self", **kwargs):
    return citation_add(actor=actor, document=document, code=code, stage=stage, locator=locator, **kwargs)


def set_state(assessment, state):
    Assessment.objects.filter(pk=assessment.pk).update(state=state)
    assessment.refresh_from_db()
    return assessment
