"""The demo seeder: the 2008 memorandum, partners, and referrals in every state; run twice, same data."""

import io
import random

from django.db.models import Count

from demo import seed_memorandum as demo
from memorandum.models import Memorandum, Partner, PartnerKind, Referral, ReferralState, Signatory
from tests.cases.factories import CaseFactory, make_client
from tests.memorandum.conftest import PARTNERS_AND_POLICE


def _seed(context, clients=None):
    return demo.seed(context, clients=clients, rng=random.Random(1), stdout=io.StringIO())


def test_the_memorandum_has_fifteen_signatories_by_kind_and_three_other_partners(db):
    _seed({})

    memorandum = Memorandum.objects.get()
    kinds = dict(Signatory.objects.filter(memorandum=memorandum).values_list("partner__kind").annotate(n=Count("id")))
    assert kinds == {"government": 5, "law_enforcement": 3, "trade_union": 4, "ngo": 3}
    assert memorandum.signed_on.year == 2008 and memorandum.document
    assert Signatory.objects.filter(partner__code="labour-inspectorate").exists()
    assert Signatory.objects.filter(partner__code="migration-police").exists()
    assert Signatory.objects.filter(partner__code="ftuk").exists()
    outside = Partner.objects.exclude(signatures__isnull=False).values_list("code", flat=True)
    assert set(outside) == {"embassy-tajikistan", "ftu-uzbekistan", "ftu-kyrgyzstan"}
    assert Partner.objects.get(code="embassy-tajikistan").kind == PartnerKind.EMBASSY
    assert all(s.commitments.exists() for s in Signatory.objects.all())


def test_referrals_in_every_state_and_a_second_run_changes_nothing(office_a, coordinator, lawyer, manager):
    for _ in range(12):
        CaseFactory(lead=lawyer, client=make_client(office_a, actor=lawyer, consent=PARTNERS_AND_POLICE))
    context = {"users": {"coordinator": coordinator, "lawyer": lawyer}}

    _seed(context)
    counts = (Partner.objects.count(), Referral.objects.count(), Signatory.objects.count())
    _seed(context)

    assert (Partner.objects.count(), Referral.objects.count(), Signatory.objects.count()) == counts
    assert set(Referral.objects.values_list("state", flat=True)) == set(ReferralState.values)
    overdue = [r for r in Referral.objects.filter(state=ReferralState.SENT) if r.is_overdue]
    assert overdue, "the demo board shows an overdue referral"
    assert Referral.objects.filter(answer_days__gt=0).exists()


def test_with_many_clients_about_a_tenth_of_cases_get_a_referral(office_a, coordinator, lawyer):
    for _ in range(40):
        CaseFactory(lead=lawyer, client=make_client(office_a, actor=lawyer))
    context = {"users": {"coordinator": coordinator, "lawyer": lawyer}}

    _seed(context, clients=40)

    bulk = Referral.objects.filter(reference__contains="-B")
    assert bulk.count() == 4
    assert all(r.events.exists() for r in bulk)
    open_cases = bulk.filter(state__in=["sent", "acknowledged", "accepted"]).values_list("case__status", flat=True)
    assert set(open_cases) <= {"waiting"}


def test_the_demo_case_timeline_changes_status_when_its_referral_moved(office_a, coordinator, lawyer):
    from cases.models import CaseEvent

    for _ in range(12):
        CaseFactory(lead=lawyer, client=make_client(office_a, actor=lawyer, consent=PARTNERS_AND_POLICE))
    _seed({"users": {"coordinator": coordinator, "lawyer": lawyer}})

    checked = 0
    for referral in Referral.objects.exclude(sent_at=None):
        waiting = CaseEvent.objects.filter(
            case_id=referral.case_id, to_status="waiting", reason_params__reference=referral.reference
        )
        for event in waiting:
            assert event.at == referral.sent_at, referral.reference
            checked += 1
        for event in CaseEvent.objects.filter(
            case_id=referral.case_id, reason_params__reference=referral.reference
        ).exclude(to_status="waiting"):
            assert event.at == referral.closed_at, referral.reference
            checked += 1
    assert checked
