"""The coordinator hears about each overdue referral once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from memorandum.models import Referral, ReferralState
from memorandum.reminders import referrals_remind_overdue
from memorandum.tasks import remind_overdue_referrals
from tests.memorandum.factories import make_referral


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the reminder pass as a committed request would: its mail leaves after the commit."""

    def run(task=False):
        with django_capture_on_commit_callbacks(execute=True):
            return remind_overdue_referrals.delay().get() if task else referrals_remind_overdue()

    return run


def _overdue(referral, days=2):
    Referral.objects.filter(pk=referral.pk).update(due_on=timezone.localdate() - timedelta(days=days))


def test_the_coordinator_is_reminded_of_an_overdue_referral_once(remind, case, coordinator, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    _overdue(referral)

    assert remind(task=True) == 1
    assert remind(task=True) == 0

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coordinator.email]
    assert referral.reference in message.subject
    assert f"/memorandum/referrals/{referral.pk}/" in message.body
    # Mail carries the reference, never the client.
    assert case.client.code not in message.body and case.client.family_name not in message.body
    referral.refresh_from_db()
    assert referral.reminded_at is not None


def test_referrals_not_yet_due_or_already_answered_are_not_reminded(remind, case, coordinator, inspectorate):
    make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    answered = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.ACCEPTED)
    _overdue(answered)

    assert remind() == 0
    assert mail.outbox == []


def test_a_referral_claimed_by_another_run_is_skipped(remind, case, coordinator, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    _overdue(referral)
    # Another worker claimed it between our read and our update.
    Referral.objects.filter(pk=referral.pk).update(reminded_at=timezone.now())

    assert remind() == 0
    assert mail.outbox == []


def test_when_the_sender_left_the_office_coordinators_are_reminded(remind, case, coordinator, inspectorate, office_a):
    from tests.factories import UserFactory

    other = UserFactory(username="coordinator2", office=office_a, role="coordinator", profession="")
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    _overdue(referral)
    coordinator.is_active = False
    coordinator.save()

    remind()

    assert [m.to for m in mail.outbox] == [[other.email]]


def test_an_overdue_referral_nobody_can_be_told_about_waits_for_the_next_run(
    remind, case, coordinator, inspectorate, office_a
):
    from tests.factories import UserFactory

    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    _overdue(referral)
    coordinator.is_active = False
    coordinator.save()

    assert remind() == 0
    referral.refresh_from_db()
    assert referral.reminded_at is None

    newcomer = UserFactory(username="coordinator2", office=office_a, role="coordinator", profession="")
    assert remind() == 1
    assert [m.to for m in mail.outbox] == [[newcomer.email]]


def test_a_referral_a_manager_sent_is_chased_by_the_office_coordinator(
    remind, case, coordinator, manager, inspectorate
):
    from memorandum import services

    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate)
    services.referral_send(referral=referral, actor=manager)
    _overdue(referral)

    assert remind() == 1

    assert [m.to for m in mail.outbox] == [[coordinator.email]]
