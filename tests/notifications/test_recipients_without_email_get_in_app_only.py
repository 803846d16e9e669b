from parindex.notifications.models import Kind, Notification
from parindex.notifications.services import notify


def test_people_without_an_email_address_are_notified_in_the_app_only(
    officer_a_with_email, head_a, django_capture_on_commit_callbacks, mailoutbox
):
    assert head_a.email == ""

    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipients=[officer_a_with_email, head_a],
            kind=Kind.EXPLANATION_REQUESTED,
            title="Yêu cầu giải trình 2 tiêu chí",
            body="",
        )

    assert [message.to for message in mailoutbox] == [[officer_a_with_email.email]]
    assert Notification.objects.get(recipient=officer_a_with_email).email_sent_at is not None
    assert Notification.objects.get(recipient=head_a).email_sent_at is None


def test_each_person_gets_their_own_message(
    officer_a_with_email, head_a_with_email, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[officer_a_with_email, head_a_with_email], kind=Kind.INFO, title="Thử", body="")

    # Nobody learns who else was notified from the To: line.
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [officer_a_with_email.email, head_a_with_email.email]
    )
    assert all(len(message.to) == 1 and not message.cc and not message.bcc for message in mailoutbox)
