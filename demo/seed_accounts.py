"""Demo offices and staff accounts (password ``demo``)."""

from accounts.models import Office, Profession, Role, User
from reference.models import Region

DEMO_PASSWORD = "demo"

OFFICES = [
    # code, name, region code, city, address
    ("ALA", "Алматинский офис", "almaty-city", "Алматы", "ул. Толе би, 100, Алматы"),
    ("AST", "Офис в Астане", "astana", "Астана", "пр. Республики, 20, Астана"),
    ("SHY", "Южный офис", "shymkent", "Шымкент", "ул. Байтурсынова, 15, Шымкент"),
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
    for code, name, region_code, city, address in OFFICES:
        office, _ = Office.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "region": Region.objects.get(code=region_code),
                "city": city,
                "address": address,
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
