"""During the explanation round the unit adds supplementary documents (tài liệu bổ sung), until its
explanation deadline; the self-assessment's documents stay as they were submitted."""

import datetime as dt

import pytest

from parindex.assessments.models import State
from parindex.evidence.models import EvidenceDocument
from parindex.evidence.rules import REASON_EXPLANATION_OVER, REASON_NOT_EXPLAINING
from parindex.evidence.services import MSG_LOCKED, EvidenceRefused
from parindex.periods.models import Phase
from tests.cycle import deadline_of
from tests.evidence import documents
from tests.evidence.helpers import post_upload, set_state, upload


def test_an_upload_while_explaining_is_marked_supplementary(client, officer_a, assessment_a, audit_mark):
    set_state(assessment_a, State.EXPLANATION_REQUESTED)
    client.force_login(officer_a)
    page = client.get(f"/danh-gia/{assessment_a.pk}/tai-lieu/").content.decode()
    assert "Tải lên tài liệu bổ sung (giải trình)" in page
    mark = audit_mark()
    response = post_upload(client, assessment_a, "Báo cáo giải trình.pdf", documents.pdf("Giai trinh"))
    assert response.status_code == 302
    document = EvidenceDocument.objects.get()
    assert document.supplementary
    assert [str(m) for m in response.wsgi_request._messages] == [
        "Đã tải lên “Báo cáo giải trình.pdf” (tài liệu bổ sung khi giải trình)."
    ]
    assert mark.actions() == ["evidence.uploaded"]
    assert mark.events()[0].after["supplementary"] is True


def test_a_self_assessment_upload_is_refused_while_explaining(officer_a, assessment_a):
    set_state(assessment_a, State.EXPLANATION_REQUESTED)
    with pytest.raises(EvidenceRefused) as error:
        upload(officer_a, assessment_a, supplementary=False)
    assert str(error.value) == MSG_LOCKED.format(reason="Thủ trưởng đơn vị đã chốt kết quả tự đánh giá.")


@pytest.mark.parametrize("state", [State.DRAFT, State.SUBMITTED, State.APPRAISED, State.EXPLAINED])
def test_a_supplementary_upload_needs_an_explanation_request(officer_a, assessment_a, state):
    set_state(assessment_a, state)
    with pytest.raises(EvidenceRefused) as error:
        upload(officer_a, assessment_a, supplementary=True)
    assert str(error.value) == MSG_LOCKED.format(reason=REASON_NOT_EXPLAINING.format(state=State(state).label))


def test_a_supplementary_upload_is_refused_after_the_explanation_deadline(officer_a, assessment_a):
    set_state(assessment_a, State.EXPLANATION_REQUESTED)
    deadline = deadline_of(assessment_a.period, Phase.EXPLANATION, assessment_a.unit)
    with pytest.raises(EvidenceRefused) as error:
        upload(officer_a, assessment_a, supplementary=True, now=deadline + dt.timedelta(seconds=1))
    assert str(error.value) == MSG_LOCKED.format(reason=REASON_EXPLANATION_OVER)
    assert upload(officer_a, assessment_a, supplementary=True, now=deadline).supplementary
