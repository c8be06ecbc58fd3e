"""factory_boy factories for the foundation models. Apps add theirs in tests/<app>/factories.py."""

import factory

from accounts.models import Office, Profession, Role, User
from reference.models import Country, Language, Region


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office
        django_get_or_create = ("code",)

    name_ru = factory.Sequence(lambda n: f"Office {n}")
    code = factory.Sequence(lambda n: f"O{n:02d}")
    region = factory.LazyFunction(lambda: Region.objects.get(code="almaty-city"))
    city_ru = "Алматы"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="ru_RU")
    last_name = factory.Faker("last_name", locale="ru_RU")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    office = factory.SubFactory(OfficeFactory)
    role = Role.CASEWORKER
    profession = Profession.LAWYER
    password = factory.django.Password("demo-password-1")


def country(code: str) -> Country:
    return Country.objects.get(code=code)


def language(code: str) -> Language:
    return Language.objects.get(code=code)
