"""The safety net behind the published approval: a snapshot row whose assessment is not itself published is
left out, and results asked for with an approval that is no longer the live published one are refused."""

import pytest

from parindex.assessments.models import Assessment, State
from parindex.council.models import Approval
from parindex.portal.selectors import NotPublished, public_results, published_approval


def test_a_snapshot_of_an_assessment_not_published_is_left_out(published):
    Assessment.objects.filter(pk=published.assessment("b").pk).update(state=State.APPROVED)

    approval = published_approval(2025, published.group.code)
    assert approval is not None

    results = public_results(approval)

    assert [row.unit_name for row in results.rows] == ["Sở Tư pháp", "Sở Đối ngoại", "Sở Giáo dục và Đào tạo"]


def test_an_approval_withdrawn_after_it_was_read_is_refused(published):
    approval = published_approval(2025, published.group.code)
    assert approval is not None
    Approval.objects.filter(pk=approval.pk).update(published_at=None)

    with pytest.raises(NotPublished):
        public_results(approval)


def test_an_approval_not_published_is_not_found_by_year_and_group(approved):
    assert published_approval(2025, approved.group.code) is None
