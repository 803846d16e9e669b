"""Sở Nội vụ edits the generated summary, saves it (audited), and can go back to the generated one."""

import pytest

from parindex.analysis.models import AnalysisSummary
from parindex.analysis.selectors import summary_text
from parindex.analysis.services import (
    MSG_NOTHING_TO_REVERT,
    MSG_ORGANIZER_ONLY,
    MSG_TEXT_REQUIRED,
    AnalysisRefused,
    summary_revert,
    summary_save,
)
from parindex.audit.models import AuditEvent

EDITED = "Nhóm sở đạt kết quả khá.\r\nCần tập trung cải thiện tiêu chí 2.2 (sự hài lòng của người dân)."


def url(scenario, suffix=""):
    return f"/phan-tich/{scenario.period.pk}/{scenario.group.code}/{suffix}"


def test_the_organizer_saves_an_edited_summary_that_the_report_then_reads(client, approved):
    client.force_login(approved.organizer)
    response = client.post(url(approved, "nhan-dinh/"), {"text": EDITED})
    assert response.status_code == 302
    saved = AnalysisSummary.objects.get()
    assert saved.text == EDITED.replace("\r\n", "\n")
    assert saved.edited_by == approved.organizer
    assert summary_text(approved.period, approved.group) == saved.text
    page = client.get(url(approved)).content.decode()
    assert "Cần tập trung cải thiện tiêu chí 2.2" in page
    assert "Dùng lại nội dung tự động" in page
    event = AuditEvent.objects.get(action="analysis.summary_edited")
    assert event.after == {"text": saved.text}
    assert event.before == {"text": None}


def test_going_back_to_the_generated_summary(client, approved):
    summary_save(actor=approved.organizer, period=approved.period, group=approved.group, text=EDITED)
    client.force_login(approved.organizer)
    assert client.post(url(approved, "nhan-dinh/tu-dong/")).status_code == 302
    assert not AnalysisSummary.objects.exists()
    assert "Chỉ số CCHC trung bình của nhóm đạt 83,25%" in summary_text(approved.period, approved.group)
    event = AuditEvent.objects.get(action="analysis.summary_reverted")
    assert event.before == {"text": EDITED.replace("\r\n", "\n")}


def test_an_empty_summary_is_refused_in_place(client, approved):
    client.force_login(approved.organizer)
    response = client.post(url(approved, "nhan-dinh/"), {"text": "   "})
    assert response.status_code == 400
    assert "Cần nhập nội dung nhận định" in response.content.decode()
    assert not AnalysisSummary.objects.exists()
    with pytest.raises(AnalysisRefused) as refused:
        summary_save(actor=approved.organizer, period=approved.period, group=approved.group, text=" ")
    assert refused.value.problems == [MSG_TEXT_REQUIRED]


def test_only_the_organizer_edits(client, approved, council):
    client.force_login(council)
    assert client.post(url(approved, "nhan-dinh/"), {"text": EDITED}).status_code == 403
    assert client.post(url(approved, "nhan-dinh/tu-dong/")).status_code == 403
    with pytest.raises(AnalysisRefused) as refused:
        summary_save(actor=council, period=approved.period, group=approved.group, text=EDITED)
    assert refused.value.problems == [MSG_ORGANIZER_ONLY]
    assert not AnalysisSummary.objects.exists()


def test_reverting_with_nothing_edited_says_so(client, approved):
    client.force_login(approved.organizer)
    response = client.post(url(approved, "nhan-dinh/tu-dong/"), follow=True)
    assert MSG_NOTHING_TO_REVERT in response.content.decode()
    with pytest.raises(AnalysisRefused):
        summary_revert(actor=approved.organizer, period=approved.period, group=approved.group)


def test_an_edit_made_before_the_approval_is_flagged_for_rereading(client, appraised):
    from parindex.council.services import approval_record
    from tests.council.conftest import DECISION_DATE, DECISION_NUMBER

    summary_save(actor=appraised.organizer, period=appraised.period, group=appraised.group, text=EDITED)
    client.force_login(appraised.organizer)
    assert 'data-testid="summary-outdated"' not in client.get(url(appraised)).content.decode()

    approval_record(
        actor=appraised.organizer,
        period=appraised.period,
        group=appraised.group,
        decision_number=DECISION_NUMBER,
        decision_date=DECISION_DATE,
    )
    assert 'data-testid="summary-outdated"' in client.get(url(appraised)).content.decode()

    # Saved again after the approval: read against the figures it now summarises.
    summary_save(
        actor=appraised.organizer, period=appraised.period, group=appraised.group, text=EDITED + " Đã rà soát."
    )
    assert 'data-testid="summary-outdated"' not in client.get(url(appraised)).content.decode()
