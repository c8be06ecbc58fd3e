"""Demo outreach: a year of information sessions, campaigns, trainings and hotline calls in Almaty, Astana
and Shymkent; at the benchmark scale (``--clients 100000``) about 20,000 activities and 150,000 quick contacts.

Everything is written with ``bulk_create`` (the demo needs no audit entries of its own making); running
the seeder again tops the numbers up to their target and changes nothing else.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Office, User
from cases.models import ProblemCategory, Project
from memorandum.models import Partner
from outreach.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Agency,
    Attendee,
    Audience,
    ChannelReach,
    CitizenshipCount,
    ContactAction,
    ContactChannel,
    Material,
    MaterialHandout,
    MaterialKind,
    MaterialStock,
    OutreachPoint,
    ParticipantCount,
    QuickContact,
    ReachChannel,
)
from reference.ages import AGE_BANDS, AgeBand
from reference.models import Country, Language

OFFICE_CODES = ("ALA", "AST", "SHY")
BATCH = 5000
# A normal demo: activities and quick contacts per office over the last year.
ACTIVITIES_PER_OFFICE = 48
CONTACTS_PER_OFFICE = 400
# The benchmark scale, per 100,000 clients.
ACTIVITIES_PER_CLIENT = 0.2
CONTACTS_PER_CLIENT = 1.5

KINDS = [
    (ActivityKind.INFORMATION_SESSION, 55),
    (ActivityKind.CAMPAIGN, 12),
    (ActivityKind.TRAINING_OFFICIALS, 18),
    (ActivityKind.TRAINING_PARTNERS, 8),
    (ActivityKind.OTHER, 7),
]
TITLES = {
    ActivityKind.INFORMATION_SESSION: [
        ("market", "Информационная встреча на рынке «{place}»", Audience.MIGRANTS),
        ("construction-site", "Встреча с рабочими на стройке ({place})", Audience.MIGRANTS),
        ("dormitory", "Консультации в общежитии ({place})", Audience.MIGRANTS),
        ("consulate", "День информации в консульстве", Audience.MIGRANTS),
        ("office", "Встреча с работодателями о найме мигрантов", Audience.EMPLOYERS),
    ],
    ActivityKind.CAMPAIGN: [
        ("market", "Кампания «Знай свои права» (памятки на узбекском, кыргызском, таджикском)", Audience.MIGRANTS),
        ("office", "Радиокампания о патентах и регистрации", Audience.MIGRANTS),
        ("office", "Кампания в Telegram и WhatsApp-группах о невыплате зарплаты", Audience.MIGRANTS),
    ],
    ActivityKind.TRAINING_OFFICIALS: [
        ("office", "Тренинг для сотрудников полиции о правах трудящихся-мигрантов", Audience.POLICE),
        ("office", "Семинар для миграционной службы", Audience.MIGRATION_SERVICE),
        ("office", "Тренинг для трудовых инспекторов", Audience.LABOUR_INSPECTION),
        ("office", "Круглый стол для судей и прокуроров", Audience.JUDICIARY),
    ],
    ActivityKind.TRAINING_PARTNERS: [
        ("office", "Обучение профсоюзных активистов", Audience.PARTNER_STAFF),
        ("office", "Тренинг для сотрудников кризисных центров", Audience.PARTNER_STAFF),
    ],
    ActivityKind.OTHER: [("office", "Встреча с акиматом о доступе детей мигрантов в школы", Audience.LOCAL_GOVERNMENT)],
}
PLACES = {
    "ALA": ["Алтын Орда", "Барахолка", "Бостандыкский район", "Алатауский район", "Турксиб"],
    "AST": ["Шапагат", "Артём", "левый берег", "Промзона", "Жибек жолы"],
    "SHY": ["Шымкент Плаза", "Кайнар", "Абайский район", "Самал", "Туркестанская трасса"],
}
AGENCY_OF_AUDIENCE = {
    Audience.POLICE: "police",
    Audience.MIGRATION_SERVICE: "migration-service",
    Audience.LABOUR_INSPECTION: "labour-inspection",
    Audience.JUDICIARY: "prosecutor",
    Audience.PARTNER_STAFF: "trade-union",
}
FAMILY_NAMES = ["Ахметов", "Сериков", "Жумабаев", "Нурланов", "Касымов", "Ибраев", "Омаров", "Сейтжанов", "Бекова"]
GIVEN_NAMES = ["Ерлан", "Данияр", "Асель", "Айгуль", "Нурлан", "Бауыржан", "Мадина", "Руслан", "Алия"]
POSITIONS = ["участковый инспектор", "старший инспектор", "специалист", "оперуполномоченный", "начальник отдела"]
CITIZENSHIP_WEIGHTS = [("uz", 50), ("kg", 20), ("tj", 18), ("kz", 4), ("ru", 3)]
NOTES = [
    "не платят зарплату за два месяца",
    "паспорт у работодателя",
    "спрашивал про патент",
    "нужна справка для школы",
    "задержали на рынке, штраф",
    "вопрос о регистрации по месту пребывания",
    "",
    "",
]


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _split(rng, total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` non-negative counts that add up."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


class _Seeder:
    def __init__(self, rng):
        self.rng = rng
        self.today = timezone.localdate()
        self.offices = {office.code: office for office in Office.objects.filter(code__in=OFFICE_CODES)}
        self.staff = {
            code: list(User.objects.filter(office=office, is_active=True).values_list("pk", flat=True))
            for code, office in self.offices.items()
        }
        self.points = {point.code: point for point in OutreachPoint.objects.all()}
        self.agencies = {agency.code: agency for agency in Agency.objects.all()}
        self.materials = list(Material.objects.filter(is_active=True))
        self.leaflets = [m for m in self.materials if m.kind == MaterialKind.LEAFLET]
        self.countries = {country.code: country for country in Country.objects.all()}
        self.languages = {language.code: language for language in Language.objects.all()}
        self.partners = list(Partner.objects.filter(is_active=True).values_list("pk", flat=True))
        self.projects = list(Project.objects.values_list("pk", flat=True))
        self.categories = list(ProblemCategory.objects.filter(is_active=True).values_list("pk", flat=True))

    # --- activities ------------------------------------------------------------------------------

    def plan_activity(self, office: Office, day) -> Activity:
        rng = self.rng
        kind = _weighted(rng, KINDS)
        point_code, title, audience = rng.choice(TITLES[kind])
        status = ActivityStatus.PLANNED
        if day <= self.today:
            status = ActivityStatus.CANCELLED if rng.random() < 0.05 else ActivityStatus.HELD
        return Activity(
            office=office,
            kind=kind,
            status=status,
            title=title.format(place=rng.choice(PLACES[office.code])),
            starts_on=day,
            duration_hours=Decimal(rng.choice(["1.5", "2", "3", "4", "6"])),
            region_id=office.region_id,
            point=self.points.get(point_code),
            place=rng.choice(PLACES[office.code]),
            project_id=rng.choice(self.projects) if self.projects and rng.random() < 0.7 else None,
            audience=audience,
            description="Разъяснение прав, порядок получения патента, куда обращаться при невыплате зарплаты.",
            created_at=timezone.make_aware(datetime.combine(day - timedelta(days=14), datetime.min.time())),
        )

    def details(self, activity: Activity) -> dict[str, list]:
        rng = self.rng
        made: dict[str, list] = {"counts": [], "nations": [], "reach": [], "attendees": [], "handouts": []}
        made["languages"] = [
            Activity.languages.through(activity_id=activity.pk, language_id=self.languages[code].pk)
            for code in rng.sample(["ru", "uz-latn", "ky", "tg", "kk"], k=rng.randint(1, 3))
            if code in self.languages
        ]
        staff = self.staff.get(activity.office.code) or []
        made["staff"] = [
            Activity.staff.through(activity_id=activity.pk, user_id=pk)
            for pk in rng.sample(staff, k=min(len(staff), rng.randint(1, 2)))
        ]
        made["partners"] = (
            [Activity.partners.through(activity_id=activity.pk, partner_id=rng.choice(self.partners))]
            if self.partners and rng.random() < 0.4
            else []
        )
        if activity.status != ActivityStatus.HELD:
            return made
        training = activity.kind in (ActivityKind.TRAINING_OFFICIALS, ActivityKind.TRAINING_PARTNERS)
        total = rng.randint(8, 25) if training else rng.randint(10, 80)
        activity.participants = total
        adult_bands = [band for band in AGE_BANDS if band not in (AgeBand.UNDER_18,)]
        cells = [(sex, band) for sex in ("female", "male") for band in adult_bands]
        for (sex, band), count in zip(cells, _split(rng, total, len(cells)), strict=True):
            if count:
                made["counts"].append(ParticipantCount(activity=activity, sex=sex, age_band=band, count=count))
        if training:
            nations = {self.countries["kz"].pk: total}
        else:
            shares = _split(rng, total, len(CITIZENSHIP_WEIGHTS) + 1)
            nations = {self.countries[code].pk: n for (code, _w), n in zip(CITIZENSHIP_WEIGHTS, shares, strict=False)}
            nations[None] = shares[-1]
        made["nations"] = [
            CitizenshipCount(activity=activity, country_id=pk, count=n) for pk, n in nations.items() if n
        ]
        if activity.kind == ActivityKind.CAMPAIGN:
            made["reach"] = [
                ChannelReach(activity=activity, channel=channel, estimate=rng.randint(500, 20000))
                for channel in rng.sample(list(ReachChannel.values), k=rng.randint(1, 4))
            ]
        if training:
            agency = self.agencies.get(AGENCY_OF_AUDIENCE.get(activity.audience, "other"))
            scored = rng.random() < 0.8
            for _n in range(rng.randint(5, total)):
                pre = Decimal(rng.randint(25, 65)) if scored else None
                made["attendees"].append(
                    Attendee(
                        activity=activity,
                        full_name=f"{rng.choice(FAMILY_NAMES)} {rng.choice(GIVEN_NAMES)}",
                        agency=agency,
                        position=rng.choice(POSITIONS),
                        sex=rng.choice(["female", "male", "male"]),
                        pre_score=pre,
                        post_score=(pre + rng.randint(0, 35)).min(Decimal(100)) if pre is not None else None,
                    )
                )
            if not scored:
                activity.pre_test_mean = Decimal(rng.randint(35, 55))
                activity.post_test_mean = activity.pre_test_mean + rng.randint(10, 30)
        if self.leaflets and activity.kind in (ActivityKind.INFORMATION_SESSION, ActivityKind.CAMPAIGN):
            for material in rng.sample(self.leaflets, k=min(len(self.leaflets), rng.randint(1, 3))):
                made["handouts"].append(
                    MaterialHandout(activity=activity, material=material, quantity=rng.choice([20, 50, 100, 200]))
                )
        return made

    def seed_activities(self, office: Office, count: int, *, stdout) -> int:
        # Spread over the last year, with a few in the coming weeks (the home pages' calendar).
        made = 0
        for start in range(0, count, BATCH):
            days = [self.today - timedelta(days=self.rng.randint(-42, 365)) for _ in range(min(BATCH, count - start))]
            with transaction.atomic():
                activities = Activity.objects.bulk_create([self.plan_activity(office, day) for day in days])
                rows: dict[str, list] = {}
                for activity in activities:
                    activity.office = office
                    for key, values in self.details(activity).items():
                        rows.setdefault(key, []).extend(values)
                Activity.objects.bulk_update(
                    [a for a in activities if a.status == ActivityStatus.HELD],
                    ["participants", "pre_test_mean", "post_test_mean"],
                    batch_size=BATCH,
                )
                for model, key in (
                    (ParticipantCount, "counts"),
                    (CitizenshipCount, "nations"),
                    (ChannelReach, "reach"),
                    (Attendee, "attendees"),
                    (MaterialHandout, "handouts"),
                    (Activity.languages.through, "languages"),
                    (Activity.staff.through, "staff"),
                    (Activity.partners.through, "partners"),
                ):
                    model.objects.bulk_create(rows.get(key, []), batch_size=BATCH)
            made += len(activities)
            if count > BATCH:
                stdout.write(f"  outreach {office.code}: {made}/{count} activities")
        return made

    def seed_stock(self, office: Office) -> None:
        for material in self.materials:
            MaterialStock.objects.get_or_create(
                office=office,
                material=material,
                defaults={"quantity": self.rng.choice([150, 800, 1200, 2500, 3000]), "low_threshold": 200},
            )

    # --- quick contacts --------------------------------------------------------------------------

    def seed_contacts(self, office: Office, count: int, *, stdout) -> int:
        rng = self.rng
        staff = self.staff.get(office.code) or [None]
        now = timezone.now()
        made = 0
        for start in range(0, count, BATCH):
            contacts = []
            for _n in range(min(BATCH, count - start)):
                country = _weighted(rng, [*CITIZENSHIP_WEIGHTS, (None, 10)])
                contacts.append(
                    QuickContact(
                        office=office,
                        at=now - timedelta(minutes=rng.randint(5, 365 * 24 * 60)),
                        channel=_weighted(
                            rng,
                            [
                                (ContactChannel.PHONE, 45),
                                (ContactChannel.WHATSAPP, 25),
                                (ContactChannel.TELEGRAM, 10),
                                (ContactChannel.IN_PERSON, 20),
                            ],
                        ),
                        citizenship=self.countries.get(country) if country else None,
                        sex=rng.choice(["female", "female", "male", ""]),
                        age_band=rng.choice([band.value for band in AGE_BANDS]),
                        language=self.languages.get(rng.choice(["ru", "uz-latn", "ky", "tg"])),
                        action=_weighted(
                            rng,
                            [(ContactAction.ADVICE, 70), (ContactAction.REFERRED, 15), (ContactAction.INVITED, 15)],
                        ),
                        note=rng.choice(NOTES),
                        logged_by_id=rng.choice(staff),
                    )
                )
            with transaction.atomic():
                contacts = QuickContact.objects.bulk_create(contacts)
                QuickContact.categories.through.objects.bulk_create(
                    [
                        QuickContact.categories.through(quickcontact_id=contact.pk, problemcategory_id=pk)
                        for contact in contacts
                        for pk in rng.sample(self.categories, k=min(len(self.categories), rng.choice([1, 1, 2])))
                    ],
                    batch_size=BATCH,
                )
            made += len(contacts)
            if count > BATCH:
                stdout.write(f"  outreach {office.code}: {made}/{count} quick contacts")
        return made


def seed(context: dict, *, clients, rng, stdout) -> str:
    started = time.monotonic()
    seeder = _Seeder(rng)
    offices = [seeder.offices[code] for code in OFFICE_CODES if code in seeder.offices]
    if not offices:
        return "outreach: no demo offices"
    scale = max(1, len(offices))
    activity_target = max(ACTIVITIES_PER_OFFICE, round((clients or 0) * ACTIVITIES_PER_CLIENT / scale))
    contact_target = max(CONTACTS_PER_OFFICE, round((clients or 0) * CONTACTS_PER_CLIENT / scale))
    activities = contacts = 0
    for office in offices:
        seeder.seed_stock(office)
        have = Activity.objects.filter(office=office).count()
        if have < activity_target:
            activities += seeder.seed_activities(office, activity_target - have, stdout=stdout)
        have = QuickContact.objects.filter(office=office).count()
        if have < contact_target:
            contacts += seeder.seed_contacts(office, contact_target - have, stdout=stdout)
    if activities + contacts > BATCH and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in ("outreach_activity", "outreach_quickcontact", "outreach_participantcount"):
                cursor.execute(f"ANALYZE {table}")  # noqa: S608 (fixed table names)
    return f"outreach: {activities} new activities, {contacts} new quick contacts ({time.monotonic() - started:.1f} s)"
