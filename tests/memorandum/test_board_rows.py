"""The referral board reads only the page it shows, joined through cases and clients, with the same visibility."""

import pytest
from django.urls import reverse

from cases.selectors import cases_visible_to
from memorandum import selectors
from memorandum.models import Referral, ReferralState
from tests.cases.factories import CaseFactory, make_client
from tests.memorandum.factories import make_referral

BOARD = reverse("memorandum:referral-board")


@pytest.fixture
def referrals_everywhere(coordinator, lawyer, outsider, office_a, office_b):
    """Sent referrals of office A (one of a restricted client no one is assigned to) and of office B."""
    consent = {"share_partners": True}
    made = {}
    for name in ("a1", "a2"):
        client = make_client(office_a, consent=consent)
        made[name] = make_referral(coordinator=coordinator, case=CaseFactory(lead=lawyer, client=client), state="sent")
    # The coordinator may not act on a restricted client's case they are not on (the services refuse
    # since issue 14): the hidden referral is written directly, as if its assigned staff had sent it.
    secret_case = CaseFactory(lead=lawyer, client=make_client(office_a, consent=consent, restricted=True))
    made["secret"] = Referral.objects.create(
        case=secret_case, partner=made["a1"].partner, created_by=lawyer, state=ReferralState.SENT
    )
    b_coordinator = outsider
    b_case = CaseFactory(lead=outsider, client=make_client(office_b, consent=consent))
    made["b"] = Referral.objects.create(case=b_case, partner=made["a1"].partner, created_by=b_coordinator)
    return made


def test_the_joined_rule_sees_exactly_the_referrals_of_visible_cases(
    referrals_everywhere, lawyer, psychologist, coordinator, manager, outsider
):
    for user in (lawyer, psychologist, coordinator, manager, outsider):
        through_cases = set(Referral.objects.filter(case__in=cases_visible_to(user)).values_list("pk", flat=True))
        assert set(selectors.referrals_visible_to(user).values_list("pk", flat=True)) == through_cases, user


def test_a_page_skips_referrals_the_user_may_not_see_however_many_come_first(
    referrals_everywhere, coordinator, as_coordinator, monkeypatch
):
    # The newest referrals (office B's, the restricted one) come first: a window of two holds no visible row.
    monkeypatch.setattr(selectors, "BOARD_WINDOW_MIN", 1)
    monkeypatch.setattr(selectors, "BOARD_WINDOW_FACTOR", 1)
    rows = selectors.BoardRows(coordinator, [ReferralState.SENT], 2)

    assert {r.pk for r in rows[0:2]} == {referrals_everywhere["a1"].pk, referrals_everywhere["a2"].pk}
    listed = {r.pk for r in as_coordinator.get(BOARD).context["page"].object_list}
    assert listed == {referrals_everywhere["a1"].pk, referrals_everywhere["a2"].pk}


def test_the_tab_counts_follow_a_change_of_state(referrals_everywhere, coordinator, as_coordinator):
    from tests.memorandum.factories import _STEPS

    assert as_coordinator.get(BOARD).context["open_count"] == 2
    _STEPS[ReferralState.ACKNOWLEDGED](referrals_everywhere["a1"], coordinator)

    tabs = {state: count for state, _label, count in as_coordinator.get(BOARD).context["tabs"]}
    assert tabs[ReferralState.SENT] == 1
    assert tabs[ReferralState.ACKNOWLEDGED] == 1
