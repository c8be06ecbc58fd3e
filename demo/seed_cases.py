"""Demo projects, cases, consultations and follow-ups.

Idempotent: every client without a case gets some (about 1.5 cases and 4
consultations per client). Rows are written with ``bulk_create`` in batches,
so ``seed_demo --clients 100000`` takes minutes, not hours; audit entries are
not written for demo rows.
"""

import time
from datetime import datetime, timedelta
from datetime import time as dtime
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts.models import Profession, Role, User
from cases.models import (
    Case,
    CaseEvent,
    CaseKind,
    CaseStatus,
    Consultation,
    ConsultationKind,
    ConsultationMode,
    FollowUp,
    Funder,
    Outcome,
    ProblemCategory,
    Project,
)
from cases.notifications import KIND_CASE_ASSIGNED, case_subject
from clients.models import Client
from demo import bulk
from notices.models import Delivery, Notice
from notices.rendering import make_line
from reference.models import Country, Language

ASSIGNED = gettext_lazy("Case %(number)s (client %(code)s) was assigned to you.")

CLIENT_BATCH = 5000
ROW_BATCH = 5000

FUNDERS = [
    # code, Russian, Kazakh, English
    ("iom", "МОМ", "ХКҰ", "IOM"),
    ("osce", "ОБСЕ", "ЕҚЫҰ", "OSCE"),
    ("ilo", "МОТ", "ХЕҰ", "ILO"),
    ("efca", "Фонд Евразия Центральной Азии", "Орталық Азия Еуразия қоры", "Eurasia Foundation of Central Asia"),
    (
        "mlsp",
        "Министерство труда и социальной защиты населения (государственный социальный заказ)",
        "Еңбек және халықты әлеуметтік қорғау министрлігі (мемлекеттік әлеуметтік тапсырыс)",
        "Ministry of Labour and Social Protection (state social order)",
    ),
    ("akimat-almaty", "Акимат города Алматы", "Алматы қаласының әкімдігі", "Akimat of Almaty"),
]

PROJECTS = [
    # code, funder code, names (ru, kk, en), starts, ends
    (
        "IOM-KZ-2026-01",
        "iom",
        (
            "Защита уязвимых трудовых мигрантов",
            "Осал еңбекші мигранттарды қорғау",
            "Protecting vulnerable labour migrants",
        ),
        "2026-01-01",
        "2026-12-31",
    ),
    (
        "OSCE-PO-2026-07",
        "osce",
        (
            "Правовая помощь трудовым мигрантам в Алматы и Астане",
            "Алматы мен Астанадағы еңбекші мигранттарға құқықтық көмек",
            "Legal aid to labour migrants in Almaty and Astana",
        ),
        "2026-03-01",
        "2027-02-28",
    ),
    (
        "ILO-FR-2025-03",
        "ilo",
        ("Справедливый наём и достойный труд", "Әділ жалдау және лайықты еңбек", "Fair recruitment and decent work"),
        "2025-06-01",
        "2026-12-31",
    ),
    (
        "EFCA-AJ-2026",
        "efca",
        (
            "Доступ к правосудию для мигрантов",
            "Мигранттардың сот төрелігіне қол жеткізуі",
            "Access to justice for migrants",
        ),
        "2026-02-01",
        "2027-01-31",
    ),
    (
        "GSZ-MTSZN-2026",
        "mlsp",
        (
            "Психологическая и правовая поддержка мигрантов",
            "Мигранттарға психологиялық және құқықтық қолдау",
            "Psychological and legal support for migrants",
        ),
        "2026-01-15",
        "2026-12-15",
    ),
    (
        "AKIMAT-ALA-2026",
        "akimat-almaty",
        (
            "Консультационный пункт для мигрантов",
            "Мигранттарға арналған консультациялық пункт",
            "Advice point for migrants",
        ),
        "2026-04-01",
        "2026-12-31",
    ),
]

SUMMARIES = {
    "unpaid-wages": "Работодатель на стройке не выплатил зарплату за {months} мес., около {amount} тенге.",
    "documents-withheld": "Работодатель удерживает паспорт клиента и отказывается его вернуть.",
    "registration": "Истёк срок регистрации по месту пребывания, нужна помощь с продлением.",
    "work-permit": "Вопросы по оформлению патента и оплате ИПН за прошлые месяцы.",
    "labour-contract": "Трудовой договор не заключён, работодатель грозит увольнением без расчёта.",
    "injury": "Травма на производстве, работодатель не оплачивает лечение.",
    "detention": "Клиент задержан миграционной полицией, протокол о выдворении.",
    "trafficking": "Признаки принудительного труда: работа без оплаты, отобраны документы, ограничено передвижение.",
    "violence": "Клиентка сообщает о насилии со стороны супруга, нужна безопасная кризисная помощь.",
    "medical-care": "Ребёнку отказали в приёме в поликлинике без прикрепления.",
    "schooling": "Ребёнка не принимают в школу без регистрации родителей.",
    "housing": "Клиента выселили из общежития работодателя вместе с семьёй.",
    "return-home": "Паспорт утерян, нужен документ на возвращение через консульство.",
    "psychological": "Тревога и бессонница после потери работы, конфликт в семье.",
}

CONSULTATION_TEXTS = {
    ConsultationKind.LEGAL: [
        "Разъяснены права по Трудовому кодексу РК и порядок обращения в инспекцию труда.",
        "Разъяснён порядок продления регистрации и необходимые документы.",
        "Разобраны условия договора, даны рекомендации по расчёту при увольнении.",
        "Разъяснён порядок оформления патента и оплаты ИПН.",
    ],
    ConsultationKind.PSYCHOLOGICAL: [
        "Первичная встреча, оценка состояния, договорились о следующих сессиях.",
        "Сессия поддержки, техники стабилизации и работы с тревогой.",
        "Работа с переживаниями, связанными с потерей работы.",
    ],
    ConsultationKind.DRAFTING: [
        "Подготовлена претензия работодателю о выплате задолженности.",
        "Составлено заявление в инспекцию труда.",
        "Подготовлено обращение в консульство.",
    ],
    ConsultationKind.ACCOMPANIMENT: [
        "Сопровождение в департамент по миграционной службе.",
        "Сопровождение на заседание суда по трудовому спору.",
    ],
    ConsultationKind.GROUP: ["Групповое информирование о правах мигрантов на рынке."],
    ConsultationKind.FOLLOW_UP_CALL: [
        "Звонок: клиент сообщил, что работодатель выплатил часть долга.",
        "Звонок: документы поданы, ждём ответа.",
        "Звонок: клиент не вышел на связь, перезвонить позже.",
    ],
}
NEXT_STEPS = ["Ждать ответа работодателя 10 дней.", "Подготовить иск в суд.", "Встреча через неделю.", ""]
PSYCH_NOTES = [
    "Сон улучшился, тревога снижена. Продолжить техники дыхания.",
    "Выраженная тревога, мысли о возвращении домой. Наблюдение.",
    "Сообщила о давлении со стороны мужа; обсуждён план безопасности.",
]
OUTREACH_PLACES = ["Рынок «Алтын Орда»", "Барахолка", "Стройка в мкр. Шугыла", "Рынок «Шапагат»"]
FOLLOW_UPS = [
    "Позвонить клиенту и узнать ответ работодателя",
    "Проверить ответ инспекции труда",
    "Подготовить документы для суда",
    "Напомнить клиенту о сроке регистрации",
]
# How often each problem comes up (unpaid wages and documents far more than trafficking).
CATEGORY_WEIGHTS = {
    "unpaid-wages": 25,
    "documents-withheld": 10,
    "registration": 12,
    "work-permit": 10,
    "labour-contract": 8,
    "injury": 4,
    "detention": 5,
    "trafficking": 2,
    "violence": 3,
    "medical-care": 5,
    "schooling": 4,
    "housing": 4,
    "return-home": 5,
    "psychological": 6,
}
LANGUAGE_OF_COUNTRY = {"uz": "uz-latn", "kg": "ky", "tj": "tg"}


def seed(context: dict, *, clients, rng, stdout) -> str:
    started = time.monotonic()
    projects = _seed_projects()
    seeder = _Seeder(context, projects, rng)
    pending = list(
        Client.objects.filter(merged_into__isnull=True, cases__isnull=True)
        .order_by("pk")
        .values_list("pk", "office_id", "citizenship_id", "is_restricted", "created_at")
    )
    totals = {"cases": 0, "consultations": 0}
    for start in range(0, len(pending), CLIENT_BATCH):
        with transaction.atomic():
            made = seeder.seed_batch(pending[start : start + CLIENT_BATCH])
        for key in totals:
            totals[key] += made[key]
        if len(pending) > CLIENT_BATCH:
            stdout.write(f"  cases: {min(start + CLIENT_BATCH, len(pending))}/{len(pending)} clients")
    if totals["cases"] and clients is None:
        _seed_notifications(context)
    if totals["cases"] > CLIENT_BATCH:
        bulk.analyze(["cases_case", "cases_consultation", "cases_caseevent", "cases_followup"])
    elapsed = time.monotonic() - started
    return (
        f"{len(projects)} projects, {totals['cases']} new cases, "
        f"{totals['consultations']} new consultations ({elapsed:.1f} s)"
    )


def _seed_projects() -> list[Project]:
    projects = []
    funders = {}
    for order, (code, ru, kk, en) in enumerate(FUNDERS):
        funders[code], _ = Funder.objects.update_or_create(
            code=code, defaults={"name_ru": ru, "name_kk": kk, "name_en": en, "ordering": order}
        )
    for code, funder, (ru, kk, en), starts, ends in PROJECTS:
        project, _ = Project.objects.update_or_create(
            code=code,
            defaults={
                "funder": funders[funder],
                "name_ru": ru,
                "name_kk": kk,
                "name_en": en,
                "starts_on": starts,
                "ends_on": ends,
            },
        )
        projects.append(project)
    return projects


# A case opens before its first consultation of the day and closes after its last one.
OPENS, CLOSES = dtime(8, 45), dtime(18, 30)


class _Seeder:
    def __init__(self, context: dict, projects: list[Project], rng):
        self.rng = rng
        self.projects = projects
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.categories = {c.code: c.pk for c in ProblemCategory.objects.all()}
        self.category_codes = list(self.categories)
        self.category_weights = [CATEGORY_WEIGHTS.get(code, 3) for code in self.category_codes]
        caseworkers = User.objects.filter(role=Role.CASEWORKER, is_active=True, office__isnull=False)
        self.lawyers: dict[int, list[int]] = {}
        self.psychologists: dict[int, list[int]] = {}
        for user in caseworkers:
            target = self.psychologists if user.profession == Profession.PSYCHOLOGIST else self.lawyers
            target.setdefault(user.office_id, []).append(user.pk)
        # An office without caseworkers (the demo's southern office) has its cases led by a manager,
        # who sees every office; a caseworker of another office could not open them.
        all_offices = User.objects.filter(is_active=True, role__in=(Role.MANAGER, Role.ADMINISTRATOR))
        self.fallback_lead = (
            all_offices.order_by("role", "pk").values_list("pk", flat=True).first()
            or User.objects.order_by("pk").values_list("pk", flat=True).first()
        )
        self.office_names = {office.pk: office.name for office in context["offices"].values()}
        countries = dict(Country.objects.values_list("pk", "code"))
        languages = dict(Language.objects.values_list("code", "pk"))
        self.language_of = {pk: languages.get(LANGUAGE_OF_COUNTRY.get(code, "ru")) for pk, code in countries.items()}
        self.russian = languages.get("ru")

    def _lead(self, office_id: int, psychological: bool) -> int:
        pool = (
            (self.psychologists if psychological else self.lawyers).get(office_id)
            or self.lawyers.get(office_id)
            or self.psychologists.get(office_id)
        )
        return self.rng.choice(pool) if pool else self.fallback_lead

    def seed_batch(self, clients: list[tuple]) -> dict:
        rng = self.rng
        cases, plans = [], []
        for client_id, office_id, citizenship_id, restricted, created_at in clients:
            count = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
            first_day = timezone.localtime(created_at).date() if created_at else self.today - timedelta(days=365)
            for number in range(count):
                plan = self._plan_case(client_id, office_id, citizenship_id, first_day, last=number == count - 1)
                plans.append((plan, restricted))
                cases.append(plan["case"])
        bulk.insert(cases, batch_size=ROW_BATCH)
        categories, staff, events, consultations, follow_ups, assigned = [], [], [], [], [], set()
        for plan, restricted in plans:
            case = plan["case"]
            categories += [Case.categories.through(case_id=case.pk, problemcategory_id=pk) for pk in plan["categories"]]
            members = {case.lead_id}
            if plan["psychologist"] and plan["psychologist"] != case.lead_id:
                staff.append(Case.staff.through(case_id=case.pk, user_id=plan["psychologist"]))
                members.add(plan["psychologist"])
            if restricted:
                assigned.update((case.client_id, member) for member in members)
            events += self._events(case)
            consultations += self._consultations(case, plan)
            follow_ups += self._follow_ups(case)
        bulk.insert_all(categories, staff, batch_size=ROW_BATCH)
        bulk.insert(
            [Client.assigned_staff.through(client_id=c, user_id=u) for c, u in assigned],
            batch_size=ROW_BATCH,
            ignore_conflicts=True,
        )
        bulk.insert_all(events, consultations, follow_ups, batch_size=ROW_BATCH)
        return {"cases": len(cases), "consultations": len(consultations)}

    def _plan_case(self, client_id, office_id, citizenship_id, first_day, *, last: bool) -> dict:
        rng = self.rng
        drawn = rng.choices(self.category_codes, weights=self.category_weights, k=rng.choice((1, 1, 2)))
        codes = sorted(set(drawn), key=self.category_codes.index)
        psychological = any(code in ("psychological", "violence", "trafficking") for code in codes)
        kind = (
            rng.choice((CaseKind.PSYCHOLOGICAL, CaseKind.BOTH))
            if psychological
            else rng.choices((CaseKind.LEGAL, CaseKind.BOTH), weights=(85, 15))[0]
        )
        span = max((self.today - first_day).days, 0)
        opened_on = first_day + timedelta(days=rng.randint(0, span)) if span else self.today
        age = (self.today - opened_on).days
        # Older cases are mostly closed; the newest case of a client is more often still open.
        closed = age > 30 and rng.random() < (0.55 if last else 0.9)
        status = CaseStatus.CLOSED if closed else rng.choice(CaseStatus.values[:3])
        lead = self._lead(office_id, kind == CaseKind.PSYCHOLOGICAL)
        psychologist = None
        if kind == CaseKind.BOTH:
            psychologist = (self.psychologists.get(office_id) or [None])[0]
        wages = "unpaid-wages" in codes
        claimed = Decimal(rng.randrange(80, 1500) * 1000) if wages else None
        case = Case(
            client_id=client_id,
            office_id=office_id,
            kind=kind,
            summary=SUMMARIES[codes[0]].format(
                months=rng.randint(1, 6), amount=f"{claimed or 0:,.0f}".replace(",", " ")
            ),
            is_urgent=any(code in ("detention", "violence", "trafficking") for code in codes) or rng.random() < 0.05,
            lead_id=lead,
            project_id=rng.choice(self.projects).pk if rng.random() < 0.8 else None,
            language_id=self.language_of.get(citizenship_id) if rng.random() < 0.6 else self.russian,
            opened_on=opened_on,
            status=status,
            updated_by_id=lead,
        )
        if closed:
            case.closed_on = min(opened_on + timedelta(days=rng.randint(3, 120)), self.today)
            case.outcome = rng.choices(Outcome.values, weights=(45, 20, 10, 15, 10))[0]
            case.wages_claimed = claimed
            if claimed and case.outcome in (Outcome.RESOLVED, Outcome.PARTLY_RESOLVED):
                share = 1 if case.outcome == Outcome.RESOLVED else rng.choice((0.3, 0.5, 0.7))
                case.wages_recovered = (claimed * Decimal(str(share))).quantize(Decimal("1"))
            case.documents_returned = "documents-withheld" in codes and case.outcome == Outcome.RESOLVED
            case.status_regularised = "registration" in codes and rng.random() < 0.6
            case.deportation_avoided = "detention" in codes and rng.random() < 0.5
            case.return_home_arranged = "return-home" in codes and rng.random() < 0.7
        return {
            "case": case,
            "categories": [self.categories[code] for code in codes],
            "psychologist": psychologist,
            "consultations": rng.choices((1, 2, 3, 4, 5), weights=(20, 30, 25, 15, 10))[0],
        }

    def _moment(self, day, at: dtime | None = None) -> datetime:
        """A working-hours moment of ``day``, never later than now (today's demo work has already happened)."""
        at = at or dtime(self.rng.randint(9, 17), self.rng.choice((0, 15, 30, 45)))
        return min(timezone.make_aware(datetime.combine(day, at)), self.now)

    def _events(self, case: Case) -> list[CaseEvent]:
        events = [
            CaseEvent(
                case_id=case.pk,
                kind=CaseEvent.Kind.OPENED,
                to_status=CaseStatus.OPEN,
                actor_id=case.lead_id,
                at=self._moment(case.opened_on, OPENS),
            )
        ]
        if case.status == CaseStatus.CLOSED:
            events.append(
                CaseEvent(
                    case_id=case.pk,
                    kind=CaseEvent.Kind.CLOSED,
                    from_status=CaseStatus.IN_PROGRESS,
                    to_status=CaseStatus.CLOSED,
                    actor_id=case.lead_id,
                    at=self._moment(case.closed_on, CLOSES),
                )
            )
        elif case.status != CaseStatus.OPEN:
            events.append(
                CaseEvent(
                    case_id=case.pk,
                    kind=CaseEvent.Kind.STATUS,
                    from_status=CaseStatus.OPEN,
                    to_status=case.status,
                    actor_id=case.lead_id,
                    at=self._moment(min(case.opened_on + timedelta(days=1), self.today)),
                )
            )
        return events

    def _consultations(self, case: Case, plan: dict) -> list[Consultation]:
        rng = self.rng
        end = case.closed_on or self.today
        span = max((end - case.opened_on).days, 0)
        rows = []
        for _number in range(plan["consultations"]):
            psych = case.kind == CaseKind.PSYCHOLOGICAL or (case.kind == CaseKind.BOTH and rng.random() < 0.4)
            if psych:
                kind = ConsultationKind.PSYCHOLOGICAL
            else:
                kind = rng.choices(
                    (ConsultationKind.LEGAL, ConsultationKind.DRAFTING, ConsultationKind.ACCOMPANIMENT,
                     ConsultationKind.FOLLOW_UP_CALL, ConsultationKind.GROUP),
                    weights=(45, 20, 10, 20, 5),
                )[0]  # fmt: skip
            mode = (
                ConsultationMode.PHONE
                if kind == ConsultationKind.FOLLOW_UP_CALL
                else rng.choices(ConsultationMode.values, weights=(60, 20, 10, 10))[0]
            )
            given_by = plan["psychologist"] if psych and plan["psychologist"] else case.lead_id
            rows.append(
                Consultation(
                    case_id=case.pk,
                    started_at=self._moment(case.opened_on + timedelta(days=rng.randint(0, span) if span else 0)),
                    duration_minutes=50 if psych else rng.choice((15, 20, 30, 45, 60)),
                    given_by_id=given_by,
                    kind=kind,
                    mode=mode,
                    place=rng.choice(OUTREACH_PLACES)
                    if mode == ConsultationMode.OUTREACH
                    else self.office_names.get(case.office_id, "")
                    if mode == ConsultationMode.OFFICE
                    else "",
                    language_id=case.language_id,
                    interpreter_used=rng.random() < 0.1,
                    summary=rng.choice(CONSULTATION_TEXTS[kind]),
                    next_steps=rng.choice(NEXT_STEPS),
                    psych_notes=rng.choice(PSYCH_NOTES) if psych else "",
                    created_by_id=given_by,
                )
            )
        return rows

    def _follow_ups(self, case: Case) -> list[FollowUp]:
        if case.status == CaseStatus.CLOSED or self.rng.random() < 0.5:
            return []
        return [
            FollowUp(
                case_id=case.pk,
                title=self.rng.choice(FOLLOW_UPS),
                assigned_to_id=case.lead_id,
                due_on=self.today + timedelta(days=self.rng.randint(-3, 14)),
                created_by_id=case.lead_id,
            )
        ]


def _seed_notifications(context: dict) -> None:
    lawyer = context["users"].get("lawyer")
    if lawyer is None or Notice.objects.filter(recipient=lawyer).exists():
        return
    for case in Case.objects.filter(lead=lawyer).exclude(status=CaseStatus.CLOSED).select_related("client")[:3]:
        Notice.objects.create(
            recipient=lawyer,
            kind=KIND_CASE_ASSIGNED,
            subject=case_subject(case),
            url=reverse("cases:detail", args=[case.pk]),
            delivery=Delivery.APP,
            lines=[make_line(ASSIGNED, {"number": case.number, "code": case.client.code}, timezone.now())],
        )
