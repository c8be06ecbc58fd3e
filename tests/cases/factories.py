"""Factories for cases. Clients are made through the clients service, as the app itself does."""

import itertools
from datetime import date, timedelta

import factory
from django.utils import timezone

from cases.models import Case, CaseKind, Consultation, FollowUp, Funder, ProblemCategory, Project
from clients.models import Sex, Vulnerability
from clients.services import client_create
from tests.factories import country

_names = itertools.count(1)


def make_client(office, *, actor=None, restricted: bool = False, family_name: str = "", **fields):
    """A client of ``office``; ``restricted`` flags suspected trafficking (only assigned staff see it)."""
    number = next(_names)
    return client_create(
        actor=actor,
        office=office,
        family_name=family_name or f"Абдуллаев{number}",
        given_name=fields.pop("given_name", "Рустам"),
        sex=fields.pop("sex", Sex.MALE),
        citizenship=fields.pop("citizenship", None) or country("uz"),
        vulnerabilities=[Vulnerability.objects.get(code="trafficking")] if restricted else [],
        **fields,
    )


def category(code: str = "unpaid-wages") -> ProblemCategory:
    return ProblemCategory.objects.get(code=code)


def iom() -> Funder:
    funder, _ = Funder.objects.get_or_create(
        code="iom", defaults={"name_ru": "МОМ", "name_kk": "ХКҰ", "name_en": "IOM"}
    )
    return funder


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        django_get_or_create = ("code",)

    funder = factory.LazyFunction(iom)
    name_ru = factory.Sequence(lambda n: f"Protection of migrant workers {n}")
    code = factory.Sequence(lambda n: f"IOM-{n:03d}")
    starts_on = date(2026, 1, 1)
    ends_on = date(2026, 12, 31)


class CaseFactory(factory.django.DjangoModelFactory):
    """A case of office A's lawyer unless told otherwise; ``client`` defaults to a new client of the office."""

    class Meta:
        model = Case
        skip_postgeneration_save = True

    office = factory.LazyAttribute(lambda case: case.lead.office)
    client = factory.LazyAttribute(lambda case: make_client(case.office))
    kind = CaseKind.LEGAL
    summary = "Работодатель не выплатил зарплату за три месяца"
    opened_on = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create:
            self.categories.set(extracted or [category()])


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    started_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    given_by = factory.LazyAttribute(lambda consultation: consultation.case.lead)
    summary = "Разъяснены права, подготовлена претензия работодателю"


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    title = "Позвонить клиенту"
    assigned_to = factory.LazyAttribute(lambda follow_up: follow_up.case.lead)
    due_on = factory.LazyFunction(timezone.localdate)
