"""Factories for partners and the memorandum; referrals are made through the services, as the app does."""

import factory

from memorandum import services
from memorandum.models import Memorandum, Partner, PartnerKind, Referral, ReferralState, Signatory
from tests.cases.factories import CaseFactory, make_client


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"partner-{n}")
    name_ru = factory.Sequence(lambda n: f"Партнёр {n}")
    name_kk = factory.Sequence(lambda n: f"Серіктес {n}")
    name_en = factory.Sequence(lambda n: f"Partner {n}")
    kind = PartnerKind.GOVERNMENT
    response_days = 10


class MemorandumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Memorandum

    title = "Меморандум о сотрудничестве по проблемам трудящихся-мигрантов"
    signed_on = factory.Faker("date_between", start_date="-20y", end_date="-10y")


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signatory

    memorandum = factory.SubFactory(MemorandumFactory)
    partner = factory.SubFactory(PartnerFactory)


# The services that take a sent referral one step further, by target state.
_STEPS = {
    ReferralState.ACKNOWLEDGED: lambda r, a: services.referral_acknowledge(referral=r, actor=a),
    ReferralState.ACCEPTED: lambda r, a: services.referral_accept(referral=r, actor=a),
    ReferralState.DECLINED: lambda r, a: services.referral_decline(referral=r, actor=a, reason="Не наш вопрос"),
    ReferralState.COMPLETED: lambda r, a: services.referral_complete(referral=r, actor=a, result="Зарплата выплачена"),
    ReferralState.CLOSED_NO_ANSWER: lambda r, a: services.referral_close_no_answer(referral=r, actor=a),
    ReferralState.WITHDRAWN: lambda r, a: services.referral_withdraw(referral=r, actor=a),
}
_PATHS = {
    ReferralState.DRAFT: [],
    ReferralState.SENT: [ReferralState.SENT],
    ReferralState.ACKNOWLEDGED: [ReferralState.SENT, ReferralState.ACKNOWLEDGED],
    ReferralState.ACCEPTED: [ReferralState.SENT, ReferralState.ACCEPTED],
    ReferralState.DECLINED: [ReferralState.SENT, ReferralState.DECLINED],
    ReferralState.COMPLETED: [ReferralState.SENT, ReferralState.ACCEPTED, ReferralState.COMPLETED],
    ReferralState.CLOSED_NO_ANSWER: [ReferralState.SENT, ReferralState.CLOSED_NO_ANSWER],
    ReferralState.WITHDRAWN: [ReferralState.WITHDRAWN],
}


def make_referral(
    *, coordinator, case=None, partner=None, state: str = ReferralState.DRAFT, shared_data=None, **fields
) -> Referral:
    """A referral by ``coordinator`` walked through the services to ``state``."""
    if case is None:
        consent = {"share_partners": True, "share_law_enforcement": True}
        case = CaseFactory(lead=coordinator, client=make_client(coordinator.office, consent=consent))
    partner = partner or PartnerFactory()
    referral = services.referral_create(
        case=case,
        partner=partner,
        actor=coordinator,
        request=fields.pop("request", "Просим провести проверку работодателя"),
        client_needs=fields.pop("client_needs", "Получить зарплату за три месяца"),
        categories=list(case.categories.all()),
        shared_data=shared_data,
        **fields,
    )
    for step in _PATHS[state]:
        if step == ReferralState.SENT:
            services.referral_send(referral=referral, actor=coordinator)
        else:
            _STEPS[step](referral, coordinator)
    referral.refresh_from_db()
    return referral
