"""Referrals show on the case page's timeline, from one query."""

from django.urls import reverse

from cases.timeline import timeline_for
from memorandum.models import ReferralState
from memorandum.timeline import referral_items
from tests.memorandum.factories import PartnerFactory, make_referral


def test_the_case_page_shows_the_referral(case, coordinator, as_lawyer, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)

    response = as_lawyer.get(reverse("cases:detail", args=[case.pk]))

    content = response.content.decode()
    assert 'data-testid="timeline-referral"' in content
    assert reverse("memorandum:referral-detail", args=[referral.pk]) in content


def test_the_provider_runs_one_query_however_many_referrals(case, coordinator, lawyer, django_assert_num_queries):
    for _ in range(4):
        make_referral(coordinator=coordinator, case=case, partner=PartnerFactory(), state=ReferralState.SENT)

    with django_assert_num_queries(1):
        items = referral_items(case, lawyer)

    assert len(items) == 4
    assert all(item.template == "memorandum/_timeline_item.html" for item in items)


def test_the_case_timeline_includes_referrals(case, coordinator, lawyer, inspectorate):
    make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)

    templates = [item.template for item in timeline_for(case, lawyer)]

    assert "memorandum/_timeline_item.html" in templates


def test_the_case_page_offers_the_refer_button_to_those_who_may_refer(case, as_coordinator, as_lawyer, lawyer):
    url = reverse("cases:detail", args=[case.pk])
    new_referral = reverse("memorandum:referral-new") + f"?case={case.pk}"

    assert new_referral in as_coordinator.get(url).content.decode()
    assert new_referral not in as_lawyer.get(url).content.decode()

    lawyer.office.allows_caseworker_referrals = True
    lawyer.office.save()
    assert new_referral in as_lawyer.get(url).content.decode()


def test_a_closed_case_has_no_refer_button(as_coordinator, lawyer):
    from tests.cases.factories import CaseFactory

    closed = CaseFactory(lead=lawyer, status="closed")

    content = as_coordinator.get(reverse("cases:detail", args=[closed.pk])).content.decode()

    assert 'data-testid="refer-case"' not in content
