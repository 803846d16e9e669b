"""Who is told what during the cycle: in the app (and by e-mail after the change commits)."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from parindex.appraisals.services import (
    appraisal_accept,
    appraisal_close_round,
    appraisal_save,
    explanation_save,
    explanation_submit,
)
from parindex.notifications.models import Kind, Notification
from parindex.periods.models import Phase
from parindex.periods.selectors import due_reminders
from tests.cycle import assessment_of, deadline_of, make_period, submit_self_assessment


def kinds_for(user):
    return list(Notification.objects.filter(recipient=user).order_by("id").values_list("kind", flat=True))


def test_opening_the_period_tells_every_units_people_once(organizer, officer_a, head_a, officer_b, unit_a, unit_b):
    make_period(organizer, [unit_a, unit_b])
    for user in (officer_a, head_a, officer_b):
        assert kinds_for(user) == [Kind.PHASE_OPENED]
    notice = Notification.objects.get(recipient=officer_a)
    assert notice.title == "Bắt đầu tự đánh giá Chỉ số CCHC năm 2025"
    assert notice.link.endswith("/tu-danh-gia/")
    assert kinds_for(organizer) == []


def test_submission_tells_sở_nội_vụ_and_explanation_requests_tell_the_unit(
    organizer, officer_a, head_a, unit_a, unit_b
):
    period = make_period(organizer, [unit_a, unit_b])
    assessment = submit_self_assessment(officer_a, head_a, assessment_of(period, unit_a))
    assert kinds_for(organizer) == [Kind.SUBMITTED]
    for code in ("1.1", "1.3", "1.4", "2.1"):
        appraisal_accept(actor=organizer, assessment=assessment, code=code)
    appraisal_save(
        actor=organizer,
        assessment=assessment,
        code="1.2",
        raw="30/40",
        note="?",
        expected_version=None,
        explanation_requested=True,
    )
    appraisal_close_round(actor=organizer, assessment=assessment)
    assert kinds_for(officer_a) == [Kind.PHASE_OPENED, Kind.EXPLANATION_REQUESTED]
    explanation_save(
        actor=officer_a, assessment=assessment, code="1.2", raw="", note="Đã bổ sung", expected_version=None
    )
    explanation_submit(actor=head_a, assessment=assessment)
    assert kinds_for(organizer) == [Kind.SUBMITTED, Kind.INFO]


def test_reminders_come_three_days_and_one_day_before_a_units_deadline_once(organizer, officer_a, unit_a, unit_b):
    period = make_period(organizer, [unit_a, unit_b])
    deadline = deadline_of(period, Phase.SELF_ASSESSMENT, unit_a)
    three_days_before = deadline - timedelta(days=3)
    reminders = [r for r in due_reminders(three_days_before) if r.phase_label == "Tự đánh giá"]
    assert len(reminders) == 2  # one per unit
    assert [r.days_left for r in reminders] == [3, 3]
    assert list(due_reminders(deadline - timedelta(days=2))) == []


def test_the_daily_job_sends_each_reminder_once(organizer, officer_a, unit_a, unit_b, monkeypatch):
    period = make_period(organizer, [unit_a, unit_b])
    one_day_before = deadline_of(period, Phase.SELF_ASSESSMENT, unit_a) - timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: one_day_before)
    call_command("send_deadline_reminders")
    call_command("send_deadline_reminders")
    assert kinds_for(officer_a) == [Kind.PHASE_OPENED, Kind.DEADLINE_SOON]
    assert (
        "Còn 1 ngày đến hạn tự đánh giá" in Notification.objects.get(recipient=officer_a, kind=Kind.DEADLINE_SOON).title
    )
