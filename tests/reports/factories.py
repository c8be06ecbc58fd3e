"""A small hand-built world whose every figure we know, for the report tests.

Quarter 2026 Q3 (1 July – 30 September), compared with 2026 Q2:

Group W — 6 women of Uzbekistan, born 1990 (35-49 in 2026), in Almaty, with a
  work permit; 2 of them flagged "trafficking". Each: a legal case in office A
  for the IOM project opened 10 July (category documents-withheld), one legal
  consultation in the office of 60 minutes on 15 July, and a referral to an NGO
  sent 20 July; 5 referrals accepted on 23 July (3 days), 1 still waiting.
Group M — 5 men of Kyrgyzstan, born 2000 (25-34), in Astana, irregular.
  Each: a psychological case in office A without project opened 5 March
  (so they are *returning* clients), a consultation by phone of 45 minutes on
  5 May (Q2) and on 3 August (Q3); closed 20 September "resolved", documents
  returned, 100 000 KZT recovered each; 2 of them referred to an embassy on
  5 August, declined on 15 August (10 days).
Group T — 3 boys of Tajikistan, born 2010 (0-17), region and status not
  recorded. Each: a legal case in office B opened 1 September (labour
  contract), an outreach consultation of 30 minutes on 2 September, closed
  25 September "not resolved".
Group K — 2 women of Kazakhstan, born 1960 (50+), in Almaty. Each: a legal case
  in office A for IOM opened 10 May, a messenger consultation of 30 minutes on
  11 May (Q2 only).

Every client's family name is "Секретова"/"Секретов" and given name "Зарина"/
"Тимур", so a test can check no name reaches a report.
"""

import datetime as dt
import itertools
from decimal import Decimal

import factory
from django.utils import timezone

from cases.models import (
    Case,
    CaseKind,
    CaseStatus,
    Consultation,
    ConsultationKind,
    ConsultationMode,
    Funder,
    Outcome,
    ProblemCategory,
    Project,
)
from clients.models import Client, MigrationStatus, Vulnerability
from memorandum.models import Partner, PartnerKind, Referral, ReferralState
from reference.models import Country, Region
from reports.models import ReportJob, ReportState

SECRET_NAMES = ["Секретова", "Секретов", "Зарина", "Тимур"]
_numbers = itertools.count(1)


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=timezone.get_current_timezone())


def make_project() -> Project:
    funder, _created = Funder.objects.get_or_create(
        code="iom", defaults={"name_ru": "МОМ", "name_kk": "ХКҰ", "name_en": "IOM"}
    )
    return Project.objects.create(
        funder=funder,
        name_ru="Безопасная трудовая миграция",
        name_kk="Қауіпсіз еңбек көші-қоны",
        name_en="Safe labour migration",
        code="IOM-KZ-01",
        starts_on=dt.date(2026, 1, 1),
    )


def make_client(office, *, sex, birth_year, country, region=None, status=None, vulnerabilities=()) -> Client:
    number = next(_numbers)
    female = sex == "female"
    client = Client.objects.create(
        office=office,
        code=f"{office.code}-2026-{number:05d}",
        family_name="Секретова" if female else "Секретов",
        given_name="Зарина" if female else "Тимур",
        sex=sex,
        birth_year=birth_year,
        citizenship=Country.objects.get(code=country),
        region=Region.objects.get(code=region) if region else None,
        migration_status=MigrationStatus.objects.get(code=status) if status else None,
    )
    if vulnerabilities:
        client.vulnerabilities.set(Vulnerability.objects.filter(code__in=vulnerabilities))
    return client


def make_case(client, office, *, kind, opened, category, lead, project=None, **closing) -> Case:
    case = Case.objects.create(
        client=client,
        office=office,
        kind=kind,
        summary="Секретова: не для отчёта",
        lead=lead,
        project=project,
        opened_on=dt.date.fromisoformat(opened),
        status=CaseStatus.CLOSED if closing else CaseStatus.OPEN,
        **closing,
    )
    case.categories.set([ProblemCategory.objects.get(code=category)])
    return case


def consult(case, *, day, kind, mode, minutes, by) -> Consultation:
    return Consultation.objects.create(
        case=case,
        started_at=at(day),
        duration_minutes=minutes,
        given_by=by,
        kind=kind,
        mode=mode,
        summary="Секретова рассказала о работодателе",
    )


def partner(kind: str) -> Partner:
    return Partner.objects.create(
        code=f"partner-{kind}", name_ru=kind, name_kk=kind, name_en=kind, kind=kind, response_days=7
    )


def refer(case, to: Partner, *, sent, answered=None, state, by) -> Referral:
    return Referral.objects.create(
        case=case,
        partner=to,
        state=state,
        request="Просим помочь Секретовой",
        created_by=by,
        sent_by=by,
        sent_at=at(sent),
        answered_at=at(answered) if answered else None,
    )


def build_world(*, office_a, office_b, lawyer, outsider) -> dict:
    project = make_project()
    ngo, embassy = partner(PartnerKind.NGO), partner(PartnerKind.EMBASSY)
    world = {"project": project, "women": [], "men": [], "boys": [], "elders": []}
    for index in range(6):
        client = make_client(
            office_a,
            sex="female",
            birth_year=1990,
            country="uz",
            region="almaty-city",
            status="work-permit",
            vulnerabilities=["trafficking"] if index < 2 else [],
        )
        case = make_case(
            client, office_a, kind=CaseKind.LEGAL, opened="2026-07-10", category="documents-withheld",
            lead=lawyer, project=project,
        )  # fmt: skip
        consult(
            case, day="2026-07-15", kind=ConsultationKind.LEGAL, mode=ConsultationMode.OFFICE, minutes=60, by=lawyer
        )
        if index < 5:
            refer(case, ngo, sent="2026-07-20", answered="2026-07-23", state=ReferralState.ACCEPTED, by=lawyer)
        else:
            refer(case, ngo, sent="2026-07-20", state=ReferralState.SENT, by=lawyer)
        world["women"].append(client)
    for index in range(5):
        client = make_client(office_a, sex="male", birth_year=2000, country="kg", region="astana", status="irregular")
        case = make_case(
            client, office_a, kind=CaseKind.PSYCHOLOGICAL, opened="2026-03-05", category="housing", lead=lawyer,
            closed_on=dt.date(2026, 9, 20), outcome=Outcome.RESOLVED, documents_returned=True,
            wages_claimed=Decimal("150000"), wages_recovered=Decimal("100000"),
        )  # fmt: skip
        for day in ("2026-05-05", "2026-08-03"):
            consult(
                case, day=day, kind=ConsultationKind.PSYCHOLOGICAL, mode=ConsultationMode.PHONE, minutes=45, by=lawyer
            )
        if index < 2:
            refer(case, embassy, sent="2026-08-05", answered="2026-08-15", state=ReferralState.DECLINED, by=lawyer)
        world["men"].append(client)
    for _index in range(3):
        client = make_client(office_b, sex="male", birth_year=2010, country="tj")
        case = make_case(
            client, office_b, kind=CaseKind.LEGAL, opened="2026-09-01", category="labour-contract", lead=outsider,
            closed_on=dt.date(2026, 9, 25), outcome=Outcome.NOT_RESOLVED,
        )  # fmt: skip
        consult(
            case, day="2026-09-02", kind=ConsultationKind.LEGAL, mode=ConsultationMode.OUTREACH, minutes=30, by=outsider
        )
        world["boys"].append(client)
    for _index in range(2):
        client = make_client(office_a, sex="female", birth_year=1960, country="kz", region="almaty-city")
        case = make_case(
            client, office_a, kind=CaseKind.LEGAL, opened="2026-05-10", category="documents-withheld", lead=lawyer,
            project=project,
        )  # fmt: skip
        consult(
            case, day="2026-05-11", kind=ConsultationKind.LEGAL, mode=ConsultationMode.MESSENGER, minutes=30, by=lawyer
        )
        world["elders"].append(client)
    return world


class ReportJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportJob

    period_start = dt.date(2026, 7, 1)
    period_end = dt.date(2026, 9, 30)
    language = "en"
    state = ReportState.PENDING
