"""A cited document written straight into the tables: these tests read citations, the evidence app tests
how they are made."""

from parindex.evidence.models import Citation, EvidenceDocument


def cited(assessment, person, code, *, number="12/KH-STP", locator="trang 3", stage="self"):
    document = EvidenceDocument.objects.create(
        assessment=assessment,
        file="evidence/ke-hoach.pdf",
        original_name="Kế hoạch CCHC năm 2025.pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
        number=number,
        summary="Kế hoạch cải cách hành chính năm 2025",
        uploaded_by=person,
    )
    Citation.objects.create(
        document=document, assessment=assessment, code=code, stage=stage, locator=locator, created_by=person
    )
    return document
