import pytest

from parindex.assessments.models import State
from parindex.audit.models import AuditEvent
from parindex.council.models import Approval
from parindex.council.services import (
    MSG_ALREADY_PUBLISHED,
    MSG_NOT_APPROVED,
    MSG_ORGANIZER_ONLY,
    CouncilRefused,
    results_publish,
)
from parindex.notifications.models import Kind, Notification


def test_publishing_marks_the_approval_and_every_assessment_published(approved):
    last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()

    approval = results_publish(actor=approved.organizer, period=approved.period, group=approved.group)

    assert approval.published_at is not None
    assert approval.published_by == approved.organizer
    assert {approved.assessment(key).state for key in approved.units} == {State.PUBLISHED}
    events = list(AuditEvent.objects.filter(id__gt=last).order_by("id").values_list("action", flat=True))
    assert events == ["assessment.published"] * 4 + ["council.published"]


def test_results_not_approved_cannot_be_published(appraised):
    with pytest.raises(CouncilRefused) as refused:
        results_publish(actor=appraised.organizer, period=appraised.period, group=appraised.group)

    assert refused.value.problems == [MSG_NOT_APPROVED]


def test_results_are_published_once(published):
    with pytest.raises(CouncilRefused) as refused:
        results_publish(actor=published.organizer, period=published.period, group=published.group)

    assert refused.value.problems == [MSG_ALREADY_PUBLISHED]


def test_only_the_organizer_publishes(approved, council):
    with pytest.raises(CouncilRefused) as refused:
        results_publish(actor=council, period=approved.period, group=approved.group)

    assert refused.value.problems == [MSG_ORGANIZER_ONLY]
    assert Approval.objects.get().published_at is None


def test_the_publish_button_publishes(approved, client, organizer):
    client.force_login(organizer)

    response = client.post(approved.results_url + "cong-bo/", follow=True)

    assert response.status_code == 200
    assert "Đã công bố kết quả." in response.content.decode()
    assert 'data-testid="group-status">Đã công bố<' in response.content.decode()


def test_publishing_tells_each_units_people_with_a_link_to_their_own_result(approved):
    results_publish(actor=approved.organizer, period=approved.period, group=approved.group)

    for key in approved.units:
        officer, head = approved.people[key]
        for person in (officer, head):
            notice = Notification.objects.get(recipient=person, kind=Kind.RESULTS_PUBLISHED)
            assert notice.link == f"/hoi-dong/ket-qua/{approved.assessment(key).pk}/"
            assert approved.units[key].name in notice.body
    assert not Notification.objects.filter(recipient=approved.organizer, kind=Kind.RESULTS_PUBLISHED).exists()


def test_a_refused_publication_tells_nobody(published):
    before = Notification.objects.filter(kind=Kind.RESULTS_PUBLISHED).count()
    with pytest.raises(CouncilRefused):
        results_publish(actor=published.organizer, period=published.period, group=published.group)

    assert Notification.objects.filter(kind=Kind.RESULTS_PUBLISHED).count() == before
