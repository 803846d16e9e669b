import pytest

from parindex.audit.models import AuditEvent
from parindex.council.models import CouncilComment
from parindex.council.services import (
    MSG_COMMENT_EMPTY,
    MSG_COMMENT_OTHER_UNIT,
    MSG_COMMENTERS_ONLY,
    CouncilRefused,
    council_comment_add,
)


def test_a_council_member_comments_on_the_group_and_on_one_unit(appraised, council):
    on_group = council_comment_add(
        actor=council, period=appraised.period, group=appraised.group, text="  Cần làm rõ tiêu chí 1.2  "
    )
    on_unit = council_comment_add(
        actor=council,
        period=appraised.period,
        group=appraised.group,
        text="Sở Y tế cần giải trình thêm",
        assessment=appraised.assessment("b"),
    )

    assert (on_group.text, on_group.assessment) == ("Cần làm rõ tiêu chí 1.2", None)
    assert on_unit.assessment == appraised.assessment("b")
    assert AuditEvent.objects.filter(action="council.comment_added").count() == 2


def test_the_organizer_may_comment_too(appraised, organizer):
    council_comment_add(actor=organizer, period=appraised.period, group=appraised.group, text="Đã bổ sung số liệu")

    assert CouncilComment.objects.get().author == organizer


@pytest.mark.parametrize("who", ["officer_a", "appraiser", "admin_user"])
def test_other_roles_may_not_comment(appraised, request, who):
    with pytest.raises(CouncilRefused) as refused:
        council_comment_add(
            actor=request.getfixturevalue(who), period=appraised.period, group=appraised.group, text="Ý kiến"
        )

    assert refused.value.problems == [MSG_COMMENTERS_ONLY]


def test_an_empty_comment_or_a_unit_from_elsewhere_is_refused(appraised, council, unit_b):
    from tests.cycle import make_period

    elsewhere = make_period(appraised.organizer, [unit_b]).assessments.get()
    with pytest.raises(CouncilRefused) as refused:
        council_comment_add(
            actor=council, period=appraised.period, group=appraised.group, text=" ", assessment=elsewhere
        )

    assert refused.value.problems == [MSG_COMMENT_EMPTY, MSG_COMMENT_OTHER_UNIT]
    assert not CouncilComment.objects.exists()


def test_the_page_lists_comments_and_takes_new_ones(appraised, client, council):
    client.force_login(council)

    response = client.post(
        appraised.results_url + "y-kien/",
        {"text": "Thống nhất kết quả", "assessment": appraised.assessment("a").pk},
        follow=True,
    )

    text = response.content.decode()
    assert "Đã ghi ý kiến." in text
    comments = text[text.index('data-testid="comments"') :]
    assert "Thống nhất kết quả" in comments
    assert "Hoàng Văn Hội Đồng" in comments
    assert "Sở Tư pháp" in comments


def test_a_unit_officer_cannot_post_a_comment(appraised, client, officer_a):
    client.force_login(officer_a)

    assert client.post(appraised.results_url + "y-kien/", {"text": "x"}).status_code == 403
    assert not CouncilComment.objects.exists()
