"""Demo clients: a few hundred realistic records through the services, or N fast ones for benchmarks.

``seed`` is idempotent: it tops the number of clients up to the target.
"""

import time
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from clients.models import (
    Client,
    ClientPhone,
    Consent,
    ConsentMethod,
    ConsentScope,
    DocumentSituation,
    HowFoundUs,
    MigrationStatus,
    Relation,
    Schooling,
    Sector,
    Sex,
    Vulnerability,
)
from clients.services import client_create, family_member_add
from clients.services.records import refresh_derived_fields, reserve_client_codes
from demo import bulk
from reference.models import Country, Language, Region

DEFAULT_CLIENTS = 300
TRIGRAM_INDEX = "clients_client_search_key_trgm"  # created by migration 0002
TRIGRAM_INDEX_SQL = f"CREATE INDEX {TRIGRAM_INDEX} ON clients_client USING gin (search_key gin_trgm_ops)"
BATCH = 5000

# (Cyrillic, Latin) pairs. Family names are the male form; women add -а / -a.
NAMES = {
    "uz": {
        "family": [
            ("Абдуллаев", "Abdullayev"),
            ("Каримов", "Karimov"),
            ("Рахимов", "Rahimov"),
            ("Юсупов", "Yusupov"),
            ("Турсунов", "Tursunov"),
            ("Эргашев", "Ergashev"),
            ("Назаров", "Nazarov"),
            ("Холматов", "Xolmatov"),
            ("Кодиров", "Qodirov"),
            ("Мирзаев", "Mirzayev"),
            ("Саидов", "Saidov"),
            ("Умаров", "Umarov"),
            ("Собиров", "Sobirov"),
            ("Тошматов", "Toshmatov"),
            ("Алимов", "Alimov"),
            ("Нуриддинов", "Nuriddinov"),
        ],
        "male": [
            ("Рустам", "Rustam"),
            ("Жамшид", "Jamshid"),
            ("Сардор", "Sardor"),
            ("Бекзод", "Bekzod"),
            ("Дилшод", "Dilshod"),
            ("Шерзод", "Sherzod"),
            ("Отабек", "Otabek"),
            ("Улугбек", "Ulug'bek"),
            ("Азиз", "Aziz"),
            ("Фаррух", "Farrux"),
            ("Жасур", "Jasur"),
            ("Баходир", "Bahodir"),
        ],
        "female": [
            ("Дилноза", "Dilnoza"),
            ("Гулнора", "Gulnora"),
            ("Нигора", "Nigora"),
            ("Феруза", "Feruza"),
            ("Малика", "Malika"),
            ("Шахноза", "Shahnoza"),
            ("Зульфия", "Zulfiya"),
            ("Мохира", "Mohira"),
            ("Нилуфар", "Nilufar"),
            ("Мадина", "Madina"),
        ],
    },
    "kg": {
        "family": [
            ("Асанов", "Asanov"),
            ("Мамытов", "Mamytov"),
            ("Садыков", "Sadykov"),
            ("Абдыкадыров", "Abdykadyrov"),
            ("Жумабаев", "Zhumabaev"),
            ("Токтогулов", "Toktogulov"),
            ("Осмонов", "Osmonov"),
            ("Турдубаев", "Turdubaev"),
            ("Бекмурзаев", "Bekmurzaev"),
        ],
        "male": [
            ("Азамат", "Azamat"),
            ("Нурлан", "Nurlan"),
            ("Бакыт", "Bakyt"),
            ("Эрлан", "Erlan"),
            ("Кубанычбек", "Kubanychbek"),
            ("Алмазбек", "Almazbek"),
            ("Талант", "Talant"),
            ("Тилек", "Tilek"),
        ],
        "female": [
            ("Айжан", "Aizhan"),
            ("Айгуль", "Aigul"),
            ("Чолпон", "Cholpon"),
            ("Назгуль", "Nazgul"),
            ("Гульзат", "Gulzat"),
            ("Жылдыз", "Zhyldyz"),
            ("Асель", "Asel"),
            ("Айдай", "Aidai"),
        ],
    },
    "tj": {
        "family": [
            ("Рахмонов", "Rahmonov"),
            ("Шарипов", "Sharipov"),
            ("Давлатов", "Davlatov"),
            ("Мирзоев", "Mirzoev"),
            ("Курбонов", "Qurbonov"),
            ("Сафаров", "Safarov"),
            ("Одинаев", "Odinaev"),
            ("Худойбердиев", "Khudoiberdiev"),
        ],
        "male": [
            ("Фирдавс", "Firdavs"),
            ("Сухроб", "Sukhrob"),
            ("Фаридун", "Faridun"),
            ("Далер", "Daler"),
            ("Джамшед", "Jamshed"),
            ("Умед", "Umed"),
            ("Парвиз", "Parviz"),
        ],
        "female": [
            ("Мехрона", "Mehrona"),
            ("Тахмина", "Tahmina"),
            ("Зарина", "Zarina"),
            ("Фируза", "Firuza"),
            ("Манижа", "Manizha"),
            ("Ситора", "Sitora"),
        ],
    },
}
CITIZENSHIP_WEIGHTS = [("uz", 55), ("kg", 25), ("tj", 20)]
OFFICE_WEIGHTS = [("ALA", 70), ("AST", 15), ("SHY", 15)]
REGION_BY_OFFICE = {
    "ALA": ["almaty-city", "almaty-region"],
    "AST": ["astana", "akmola"],
    "SHY": ["shymkent", "turkistan"],
}
LANGUAGE_BY_COUNTRY = {"uz": ["uz-latn", "uz-cyrl", "ru"], "kg": ["ky", "ru"], "tj": ["tg", "ru"]}
# prefix, number of digits that follow
PHONE_PREFIX = {"uz": ("+99890", 7), "kg": ("+996555", 6), "tj": ("+99290", 7)}
CITY_BY_REGION = {"almaty-region": ["Каскелен", "Талгар", "Есик"], "turkistan": ["Сарыагаш", "Туркестан"]}


# Enum .values builds a new list on every access: read them once.
DOCUMENT_SITUATIONS, SECTORS, FOUND_VIA = DocumentSituation.values, Sector.values, HowFoundUs.values


def _weighted(rng, pairs):
    return rng.choices([value for value, _w in pairs], weights=[weight for _v, weight in pairs])[0]


class _Refs:
    def __init__(self, context):
        self.offices = context["offices"]
        self.users = context["users"]
        self.countries = {c.code: c for c in Country.objects.filter(code__in=["uz", "kg", "tj"])}
        self.regions = {r.code: r for r in Region.objects.all()}
        self.languages = {language.code: language for language in Language.objects.all()}
        self.statuses = list(MigrationStatus.objects.all())
        self.vulnerabilities = {v.code: v for v in Vulnerability.objects.all()}
        self.staff_by_office = {}
        for user in self.users.values():
            if user.office_id:
                self.staff_by_office.setdefault(user.office.code, []).append(user)


def _person(rng, refs: _Refs) -> dict:
    """The record of one invented person, as keyword arguments of client_create."""
    country = _weighted(rng, CITIZENSHIP_WEIGHTS)
    names = NAMES[country]
    sex = Sex.FEMALE if rng.random() < 0.55 else Sex.MALE
    family_cyr, family_lat = rng.choice(names["family"])
    given_cyr, given_lat = rng.choice(names["female" if sex == Sex.FEMALE else "male"])
    if sex == Sex.FEMALE:
        family_cyr, family_lat = family_cyr + "а", family_lat + "a"
    cyrillic = rng.random() < 0.6
    office_code = _weighted(rng, OFFICE_WEIGHTS)
    region_code = rng.choice(REGION_BY_OFFICE[office_code])
    birth_year = rng.randint(1965, 2007) if rng.random() < 0.85 else None
    person = {
        "office_code": office_code,
        "family_name": family_cyr if cyrillic else family_lat,
        "given_name": given_cyr if cyrillic else given_lat,
        "latin_name": f"{family_lat.upper()} {given_lat.upper()}" if cyrillic and rng.random() < 0.5 else "",
        "sex": sex,
        "birth_year": birth_year,
        "birth_date": (
            date(birth_year, rng.randint(1, 12), rng.randint(1, 28)) if birth_year and rng.random() < 0.5 else None
        ),
        "citizenship": refs.countries[country],
        "region": refs.regions[region_code],
        "city": rng.choice(CITY_BY_REGION.get(region_code, [""])),
        "arrived_on": timezone.localdate() - timedelta(days=rng.randint(20, 2500)),
        "migration_status": rng.choice(refs.statuses),
        "document_situation": rng.choice(DOCUMENT_SITUATIONS),
        "sector": rng.choice(SECTORS),
        "found_us_via": rng.choice(FOUND_VIA),
        "needs_interpreter": rng.random() < 0.2,
        "messenger": rng.choice(["whatsapp", "telegram", "imo", ""]),
        "country": country,
    }
    return person


def _phones(rng, country: str) -> list[str]:
    phones = [f"+7{rng.choice(['701', '702', '705', '707', '747', '777'])}{rng.randint(1000000, 9999999)}"]
    if rng.random() < 0.4:
        prefix, digits = PHONE_PREFIX[country]
        phones.append(f"{prefix}{rng.randint(10 ** (digits - 1), 10**digits - 1)}")
    return phones


def _consent(rng, given_on: date) -> dict:
    return {
        "given_on": given_on,
        "method": rng.choice(
            [ConsentMethod.WRITTEN, ConsentMethod.VERBAL, ConsentMethod.VERBAL, ConsentMethod.ELECTRONIC]
        ),
        ConsentScope.SHARE_PARTNERS: rng.random() < 0.7,
        ConsentScope.SHARE_LAW_ENFORCEMENT: rng.random() < 0.2,
        ConsentScope.RESEARCH: rng.random() < 0.5,
    }


def _vulnerabilities(rng, refs: _Refs, sex: str) -> list:
    chosen = []
    if rng.random() < 0.06:
        chosen.append(refs.vulnerabilities["trafficking"])
    if sex == Sex.FEMALE and rng.random() < 0.04:
        chosen.append(refs.vulnerabilities["gbv"])
    for code, share in (("health", 0.08), ("detention", 0.05), ("disability", 0.02)):
        if rng.random() < share:
            chosen.append(refs.vulnerabilities[code])
    if sex == Sex.FEMALE and rng.random() < 0.05:
        chosen.append(refs.vulnerabilities["pregnancy"])
    return chosen


def _seed_realistic(count: int, refs: _Refs, rng) -> None:
    now = timezone.now()
    # Oldest first, so that codes grow with the registration date.
    ages = sorted((rng.randint(0, 3 * 365) for _index in range(count)), reverse=True)
    for age in ages:
        person = _person(rng, refs)
        office = refs.offices[person.pop("office_code")]
        country = person.pop("country")
        actor = rng.choice(refs.staff_by_office.get(office.code) or list(refs.users.values()))
        created_at = now - timedelta(days=age, minutes=rng.randint(0, 600))
        client = client_create(
            actor=actor,
            office=office,
            created_at=created_at,
            phones=_phones(rng, country),
            languages=[refs.languages[code] for code in rng.sample(LANGUAGE_BY_COUNTRY[country], k=rng.randint(1, 2))],
            vulnerabilities=_vulnerabilities(rng, refs, person["sex"]),
            consent=_consent(rng, timezone.localtime(created_at).date()),
            **person,
        )
        if rng.random() < 0.3:
            child_year = timezone.localdate().year - rng.randint(2, 15)
            family_member_add(
                client=client,
                actor=actor,
                relation=Relation.CHILD,
                sex=rng.choice(Sex.values),
                birth_year=child_year,
                schooling=rng.choice(Schooling.values),
            )
        if rng.random() < 0.03:
            client.consents.update(withdrawn_on=timezone.localdate(), withdrawn_by=actor)


def _seed_bulk(count: int, refs: _Refs, rng, stdout) -> None:
    """Many clients fast: bulk inserts, no per-row services or audit entries (benchmark data only)."""
    year = timezone.localdate().year
    now = timezone.now()
    # The restricted rule of the clients app: a flag that restricts access restricts the record.
    restricted = set(Vulnerability.objects.filter(restricts_access=True).values_list("pk", flat=True))
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        people = [_person(rng, refs) for _index in range(size)]
        codes = {}
        for code in {person["office_code"] for person in people}:
            wanted = sum(1 for person in people if person["office_code"] == code)
            codes[code] = iter(reserve_client_codes(office=refs.offices[code], year=year, count=wanted))
        clients, extras = [], []
        for person in people:
            office_code, country = person.pop("office_code"), person.pop("country")
            vulnerabilities = [v.pk for v in _vulnerabilities(rng, refs, person["sex"])]
            actor = rng.choice(refs.staff_by_office.get(office_code) or list(refs.users.values()))
            client = Client(
                office=refs.offices[office_code],
                code=next(codes[office_code]),
                created_by=actor,
                created_at=now - timedelta(days=rng.randint(0, 364), minutes=rng.randint(0, 600)),
                is_restricted=bool(restricted.intersection(vulnerabilities)),
                **person,
            )
            refresh_derived_fields(client)  # search key and birth year, as client_create sets them
            clients.append(client)
            extras.append((country, vulnerabilities, actor))
        bulk.insert(clients, batch_size=1000)
        phones, consents, flags, assigned = [], [], [], []
        for client, (country, vulnerabilities, actor) in zip(clients, extras, strict=True):
            phones.extend(ClientPhone(client=client, number=number) for number in _phones(rng, country))
            consents.append(Consent(client=client, recorded_by=actor, **_consent(rng, client.created_at.date())))
            flags.extend(
                Client.vulnerabilities.through(client_id=client.pk, vulnerability_id=pk) for pk in vulnerabilities
            )
            if client.is_restricted:
                assigned.append(Client.assigned_staff.through(client_id=client.pk, user_id=actor.pk))
        bulk.insert_all(phones, consents, flags, assigned)
        made += size
        stdout.write(f"  clients: {made}/{count}")


def seed(context: dict, *, clients, rng, stdout) -> str:
    refs = _Refs(context)
    target = DEFAULT_CLIENTS if clients is None else clients
    existing = Client.objects.count()
    missing = max(0, target - existing)
    started = time.monotonic()
    with transaction.atomic():
        if missing and (clients is None or missing <= DEFAULT_CLIENTS):
            _seed_realistic(missing, refs, rng)
        elif missing:
            with bulk.without_index(TRIGRAM_INDEX, create_sql=TRIGRAM_INDEX_SQL, large=missing > 20000):
                _seed_bulk(missing, refs, rng, stdout)
    if missing:
        bulk.analyze(["clients_client"])
    context["client_ids"] = list(Client.objects.filter(merged_into__isnull=True).values_list("pk", flat=True))
    elapsed = time.monotonic() - started
    return f"{len(context['client_ids'])} clients ({missing} new in {elapsed:.1f} s)"
