"""Each morning a beat task e-mails every caseworker their overdue follow-ups, once."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from cases.tasks import remind_overdue_follow_ups
from tests.cases.factories import FollowUpFactory


def test_each_caseworker_gets_one_mail_with_their_overdue_follow_ups(
    case, lawyer, psychologist, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    FollowUpFactory(case=case, assigned_to=lawyer, due_on=today - timedelta(days=3))
    FollowUpFactory(case=case, assigned_to=lawyer, due_on=today - timedelta(days=1))
    FollowUpFactory(case=case, assigned_to=lawyer, due_on=today)  # due today: not overdue yet
    FollowUpFactory(case=case, assigned_to=lawyer, due_on=today - timedelta(days=9), done=True)
    FollowUpFactory(case=case, assigned_to=psychologist, due_on=today - timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):
        assert remind_overdue_follow_ups.delay().get() == 2

    assert sorted(message.to[0] for message in mail.outbox) == sorted([lawyer.email, psychologist.email])
    to_lawyer = next(message for message in mail.outbox if message.to == [lawyer.email])
    assert to_lawyer.body.count(f"/cases/{case.pk}/") == 2
    assert case.client.code in to_lawyer.body
    assert case.client.family_name not in to_lawyer.body


def test_a_second_run_the_same_day_sends_nothing(case, lawyer, django_capture_on_commit_callbacks):
    FollowUpFactory(case=case, assigned_to=lawyer, due_on=timezone.localdate() - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        remind_overdue_follow_ups.delay()
        remind_overdue_follow_ups.delay()
    assert len(mail.outbox) == 1


def test_the_task_is_in_the_beat_schedule():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["cases-overdue-follow-ups"]
    assert entry["task"] == remind_overdue_follow_ups.name
