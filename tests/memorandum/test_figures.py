"""Per-partner figures: counted in the database, the same on SQLite and PostgreSQL."""

from memorandum.models import Referral, ReferralState
from memorandum.selectors import partner_figures
from tests.memorandum.factories import PartnerFactory, make_referral


def _answered_after(referral, days):
    Referral.objects.filter(pk=referral.pk).update(answer_days=days)


def test_median_days_to_answer_with_an_odd_and_an_even_number_of_answers(coordinator, case):
    odd, even, silent = PartnerFactory(), PartnerFactory(), PartnerFactory()
    for days in (9, 1, 4):
        _answered_after(make_referral(coordinator=coordinator, case=case, partner=odd, state="accepted"), days)
    for days in (2, 10, 3, 7):
        _answered_after(make_referral(coordinator=coordinator, case=case, partner=even, state="declined"), days)
    make_referral(coordinator=coordinator, case=case, partner=silent, state=ReferralState.SENT)

    figures = partner_figures()

    assert figures[odd.pk].median_days == 4
    assert figures[even.pk].median_days == 5  # (3 + 7) / 2
    assert figures[silent.pk].median_days is None
    assert (figures[even.pk].referred, figures[even.pk].accepted) == (4, 0)


def test_drafts_are_not_counted_and_completed_ones_count_as_accepted(coordinator, case):
    partner = PartnerFactory()
    make_referral(coordinator=coordinator, case=case, partner=partner)
    make_referral(coordinator=coordinator, case=case, partner=partner, state=ReferralState.COMPLETED)
    make_referral(coordinator=coordinator, case=case, partner=partner, state=ReferralState.ACCEPTED)

    figures = partner_figures()[partner.pk]

    assert (figures.referred, figures.accepted, figures.completed) == (2, 2, 1)


def test_the_figures_take_two_queries_whatever_the_data(coordinator, case, django_assert_num_queries):
    partners = [PartnerFactory() for _ in range(3)]
    for partner in partners:
        make_referral(coordinator=coordinator, case=case, partner=partner, state=ReferralState.COMPLETED)

    with django_assert_num_queries(2):
        partner_figures()


def test_a_referral_the_partner_accepted_counts_as_accepted_even_if_we_withdrew_it_later(coordinator, case):
    from memorandum import services

    partner = PartnerFactory()
    accepted = make_referral(coordinator=coordinator, case=case, partner=partner, state=ReferralState.ACCEPTED)
    services.referral_withdraw(referral=accepted, actor=coordinator, note="Клиент уехал домой")
    make_referral(coordinator=coordinator, case=case, partner=partner, state=ReferralState.SENT)
    never_sent = make_referral(coordinator=coordinator, case=case, partner=partner)
    services.referral_withdraw(referral=never_sent, actor=coordinator)

    figures = partner_figures()[partner.pk]

    assert (figures.referred, figures.accepted, figures.completed) == (2, 1, 0)
