"""Who may download the report: the unit's own people and those who see every unit; another unit's people get
404, appraisers 403 (they have their own screen; see parindex/assessments/report_views.py), anonymous users
the login page."""

import pytest
from django.urls import reverse

from parindex.assessments import report_views

KINDS = ("report_pdf", "report_xlsx")


@pytest.fixture
def quick_pdf(monkeypatch):
    """The access matrix is about who, not about WeasyPrint: a stand-in PDF keeps it fast."""
    monkeypatch.setattr(report_views, "report_pdf", lambda report: b"%PDF-1.7 stand-in")


def url(kind, assessment):
    return reverse(f"assessments:{kind}", args=[assessment.pk])


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("who", ["officer_a", "head_a", "organizer", "admin_user", "council"])
def test_the_units_people_and_those_who_see_every_unit_download_it(request, client, quick_pdf, assessment_a, who, kind):
    client.force_login(request.getfixturevalue(who))
    response = client.get(url(kind, assessment_a))
    assert response.status_code == 200
    extension = kind.removeprefix("report_")
    assert response["Content-Disposition"] == f'attachment; filename="bao-cao-tu-danh-gia-SA-2025.{extension}"'
    assert response["Content-Type"] == (report_views.PDF_TYPE if extension == "pdf" else report_views.XLSX_TYPE)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("kind", KINDS)
def test_another_units_officer_gets_404(client, quick_pdf, officer_b, assessment_a, kind):
    client.force_login(officer_b)
    assert client.get(url(kind, assessment_a)).status_code == 404


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("who", ["appraiser", "no_role_user"])
def test_appraisers_and_users_without_a_role_get_403(request, client, quick_pdf, assessment_a, who, kind):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url(kind, assessment_a)).status_code == 403


@pytest.mark.parametrize("kind", KINDS)
def test_anonymous_users_go_to_the_login_page(client, assessment_a, kind):
    response = client.get(url(kind, assessment_a))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_post_is_refused(client, quick_pdf, officer_a, assessment_a):
    client.force_login(officer_a)
    assert client.post(url("report_xlsx", assessment_a)).status_code == 405


def test_the_real_pdf_comes_through_the_view(client, officer_a, assessment_a):
    client.force_login(officer_a)
    response = client.get(url("report_pdf", assessment_a))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
