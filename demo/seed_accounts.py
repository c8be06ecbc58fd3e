"""Demo offices and staff accounts (password ``demo``)."""

from accounts.models import Office, Profession, Role, User
from reference.models import Region
from reference.translation import translations

DEMO_PASSWORD = "demo"

OFFICES = [
    # code, region code, then name, city and address, each as (ru, kk, en)
    (
        "ALA",
        "almaty-city",
        ("Алматинский офис", "Алматы кеңсесі", "Almaty office"),
        ("Алматы", "Алматы", "Almaty"),
        ("ул. Толе би, 100, Алматы", "Төле би көшесі, 100, Алматы", "100 Tole Bi Street, Almaty"),
    ),
    (
        "AST",
        "astana",
        ("Офис в Астане", "Астана кеңсесі", "Astana office"),
        ("Астана", "Астана", "Astana"),
        ("пр. Республики, 20, Астана", "Республика даңғылы, 20, Астана", "20 Respublika Avenue, Astana"),
    ),
    (
        "SHY",
        "shymkent",
        ("Южный офис", "Оңтүстік кеңсесі", "South office"),
        ("Шымкент", "Шымкент", "Shymkent"),
        ("ул. Байтурсынова, 15, Шымкент", "Байтұрсынов көшесі, 15, Шымкент", "15 Baitursynov Street, Shymkent"),
    ),
]

STAFF = [
    # username, first, last, office, role, profession, superuser
    ("lawyer", "Айгерим", "Нурланова", "ALA", Role.CASEWORKER, Profession.LAWYER, False),
    ("psychologist", "Динара", "Сейтказиева", "ALA", Role.CASEWORKER, Profession.PSYCHOLOGIST, False),
    ("coordinator", "Ержан", "Бекмуратов", "ALA", Role.COORDINATOR, "", False),
    ("manager", "Гульнара", "Ахметова", "ALA", Role.MANAGER, "", False),
    ("admin", "Админ", "Системный", None, Role.ADMINISTRATOR, "", True),
    ("outsider", "Марат", "Искаков", "AST", Role.CASEWORKER, Profession.LAWYER, False),
]


def seed_offices() -> dict[str, Office]:
    offices = {}
    for code, region_code, names, cities, addresses in OFFICES:
        office, _ = Office.objects.update_or_create(
            code=code,
            defaults={
                **translations("name", names),
                "region": Region.objects.get(code=region_code),
                **translations("city", cities),
                **translations("address", addresses),
                "phone": "+7 727 000 00 00",
                "email": f"{code.lower()}@ariptes.example",
                "allows_caseworker_referrals": code == "ALA",
            },
        )
        offices[code] = office
    return offices


def seed_staff(offices: dict[str, Office]) -> dict[str, User]:
    users = {}
    for username, first, last, office_code, role, profession, superuser in STAFF:
        user, created = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@ariptes.example"
        user.office = offices[office_code] if office_code else None
        user.role, user.profession = role, profession
        user.is_staff = user.is_superuser = superuser
        user.is_active = True
        if created:
            user.set_password(DEMO_PASSWORD)
        user.save()
        users[username] = user
    return users


def seed(context: dict, *, clients, rng, stdout) -> str:
    context["offices"] = seed_offices()
    context["users"] = seed_staff(context["offices"])
    return f"{len(context['offices'])} offices, {len(context['users'])} staff accounts"
