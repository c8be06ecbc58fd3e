"""No URL moves a referral in a way the state machine does not allow."""

import pytest
from django.urls import reverse

from memorandum.actions import ACTIONS
from memorandum.models import TRANSITIONS, ReferralState
from tests.memorandum.factories import PartnerFactory, make_referral

ALL_STATES = list(ReferralState.values)
# Every button of the referral page, with a text good enough for the actions that need one.
URLS = dict.fromkeys(ACTIONS, "memorandum:referral-transition") | {"send": "memorandum:referral-send"}


def _post(http, referral, action, **extra):
    if action == "send":
        return http.post(reverse("memorandum:referral-send", args=[referral.pk]), {"version": referral.version})
    data = {"version": referral.version, "text": "Причина"} | extra
    return http.post(reverse("memorandum:referral-transition", args=[referral.pk, action]), data)


def _target(action: str) -> str:
    return ReferralState.SENT if action == "send" else ACTIONS[action].to_state


@pytest.mark.parametrize("state", ALL_STATES)
def test_every_illegal_transition_is_refused_and_changes_nothing(state, coordinator, as_coordinator):
    referral = make_referral(coordinator=coordinator, state=state)
    illegal = [action for action in URLS if _target(action) not in TRANSITIONS[state]]
    assert illegal, "every state has at least one illegal move"
    for action in illegal:
        before = (referral.state, referral.version, referral.events.count())

        response = _post(as_coordinator, referral, action)

        assert response.status_code == 409, action
        assert 'data-testid="referral-error"' in response.content.decode()
        referral.refresh_from_db()
        assert (referral.state, referral.version, referral.events.count()) == before, action


LEGAL_MOVES = [(state, action) for state in ALL_STATES for action in URLS if _target(action) in TRANSITIONS[state]]
FINAL_STATES = [state for state in ALL_STATES if not TRANSITIONS[state]]


@pytest.mark.parametrize(("state", "action"), LEGAL_MOVES)
def test_every_legal_transition_works_through_its_url(state, action, coordinator, as_coordinator):
    referral = make_referral(coordinator=coordinator, state=state)

    response = _post(as_coordinator, referral, action)

    assert response.status_code == 302, action
    referral.refresh_from_db()
    assert referral.state == _target(action)
    assert referral.events.last().actor == coordinator


def test_only_the_final_states_have_no_legal_move_and_each_legal_move_has_a_url():
    # A state with no legal move must be a final one, and each move the machine allows has a URL.
    final = {ReferralState.DECLINED, ReferralState.COMPLETED, ReferralState.CLOSED_NO_ANSWER, ReferralState.WITHDRAWN}
    assert set(FINAL_STATES) == final
    for state in ALL_STATES:
        if state in FINAL_STATES:
            assert not [action for moved_from, action in LEGAL_MOVES if moved_from == state]
        else:
            reachable = {_target(action) for moved_from, action in LEGAL_MOVES if moved_from == state}
            assert reachable == set(TRANSITIONS[state]), state


def test_a_resend_of_a_referral_that_is_not_declined_is_refused(coordinator, as_coordinator):
    for state in ALL_STATES:
        if state == ReferralState.DECLINED:
            continue
        referral = make_referral(coordinator=coordinator, state=state)
        response = as_coordinator.post(
            reverse("memorandum:referral-resend", args=[referral.pk]),
            {"version": referral.version, "partner": PartnerFactory().pk},
        )
        # Only a declined referral may be sent again: any other state is an illegal move.
        assert response.status_code == 409, state
        assert referral.case.referrals.count() == 1


def test_transitions_answer_only_post(coordinator, as_coordinator):
    referral = make_referral(coordinator=coordinator, state=ReferralState.SENT)
    for action in ACTIONS:
        response = as_coordinator.get(reverse("memorandum:referral-transition", args=[referral.pk, action]))
        assert response.status_code == 405
    assert as_coordinator.get(reverse("memorandum:referral-send", args=[referral.pk])).status_code == 405
    referral.refresh_from_db()
    assert referral.state == ReferralState.SENT


def test_an_unknown_action_is_not_found(coordinator, as_coordinator):
    referral = make_referral(coordinator=coordinator, state=ReferralState.SENT)

    response = as_coordinator.post(
        reverse("memorandum:referral-transition", args=[referral.pk, "delete"]), {"version": referral.version}
    )

    assert response.status_code == 404


def test_a_caseworker_cannot_record_answers_through_the_url(coordinator, as_lawyer):
    referral = make_referral(coordinator=coordinator, state=ReferralState.SENT)

    response = _post(as_lawyer, referral, "accept")

    assert response.status_code == 403
    referral.refresh_from_db()
    assert referral.state == ReferralState.SENT


def test_a_stale_page_is_refused(coordinator, as_coordinator):
    referral = make_referral(coordinator=coordinator, state=ReferralState.SENT)

    response = as_coordinator.post(
        reverse("memorandum:referral-transition", args=[referral.pk, "accept"]), {"version": referral.version - 1}
    )

    # Someone else saved first: a conflict (409), the one status every stale save gets (reference.errors).
    assert response.status_code == 409
    referral.refresh_from_db()
    assert referral.state == ReferralState.SENT
