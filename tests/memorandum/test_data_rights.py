"""A client's data rights reach their referrals: the export says who got what, anonymisation erases the letters."""

from datetime import timedelta

from django.utils import timezone

from audit.masking import MASK
from clients.extensions import active_client_ids
from clients.services.data_rights import client_anonymise, client_export_data
from memorandum.models import ReferralState
from memorandum.services import referral_letter
from tests.memorandum.factories import make_referral


def test_the_subject_access_export_lists_each_referral_and_the_data_it_carried(
    case, client_a, coordinator, inspectorate
):
    make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)

    exported = client_export_data(client_a)["referrals"]

    assert len(exported) == 1
    assert exported[0]["partner"] == "Государственная инспекция труда"
    assert exported[0]["data_shared"] == ["client_code", "sex", "age_group", "citizenship", "problem"]
    assert exported[0]["sent_without_consent"] is False


def test_anonymising_the_client_erases_referral_texts_and_letters(
    case, client_a, coordinator, manager, inspectorate, django_capture_on_commit_callbacks
):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.COMPLETED)
    referral = referral_letter(referral=referral)
    storage, letter = referral.letter.storage, referral.letter.name
    assert storage.exists(letter)

    with django_capture_on_commit_callbacks(execute=True):
        client_anonymise(client=client_a, actor=manager, confirmation=client_a.code)

    referral.refresh_from_db()
    assert (referral.request, referral.result, referral.letter.name) == (MASK, MASK, "")
    assert referral.state == ReferralState.COMPLETED and referral.partner == inspectorate
    assert not storage.exists(letter)
    assert not referral.events.exclude(note="").exists()


def test_a_moving_referral_keeps_the_client_active(case, client_a, coordinator, inspectorate):
    make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)

    assert client_a.pk in active_client_ids(timezone.now() - timedelta(days=1))
