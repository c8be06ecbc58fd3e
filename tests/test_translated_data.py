"""Translated data: every name staff or readers see has ru/kk/en values, falls back to Russian, and the
admin edits the three side by side and lists what is still missing."""

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import Office
from cases.models import ProblemCategory, Project
from memorandum.models import Commitment, Memorandum, Partner, PartnerContact, Signatory
from reference.translation import TRANSLATION_LANGUAGES, localized
from tests.factories import OfficeFactory, UserFactory

# Every model whose names or texts a reader sees, and the fields translated on it.
TRANSLATED_MODELS = {
    Office: ("name", "city", "address"),
    Project: ("name",),
    ProblemCategory: ("name",),
    Partner: ("name", "address"),
    PartnerContact: ("position",),
    Memorandum: ("title", "summary"),
    Commitment: ("text",),
    Signatory: ("signed_by",),
}


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(username="admin", office=None, role="administrator", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


@pytest.mark.parametrize("model", TRANSLATED_MODELS, ids=lambda m: m.__name__)
def test_every_translated_field_has_a_column_per_language(model):
    assert tuple(model.translated_fields) == TRANSLATED_MODELS[model]
    for base in model.translated_fields:
        for language in TRANSLATION_LANGUAGES:
            model._meta.get_field(f"{base}_{language}")


def test_a_name_follows_the_language_and_falls_back_to_russian(db):
    office = OfficeFactory(code="KRG", name_ru="Карагандинский офис", name_kk="Қарағанды кеңсесі", name_en="")

    with translation.override("kk"):
        assert office.name == str(office) == "Қарағанды кеңсесі"
    with translation.override("en"):
        assert office.name == "Карагандинский офис"  # not translated yet: Russian, never empty
    with translation.override("ru"):
        assert office.name == "Карагандинский офис"


def test_writing_the_plain_name_writes_the_russian_column(db):
    office = Office(code="PAV", name="Павлодарский офис", city="Павлодар")

    assert (office.name_ru, office.city_ru, office.name_kk) == ("Павлодарский офис", "Павлодар", "")


def test_a_list_orders_by_the_name_the_reader_sees(db):
    OfficeFactory(code="AAA", name_ru="Астана", name_en="Zhezkazgan office")
    OfficeFactory(code="BBB", name_ru="Шымкент", name_en="Almaty office")
    offices = Office.objects.filter(code__in=["AAA", "BBB"])

    with translation.override("en"):
        assert [o.code for o in offices.order_by(localized("name"))] == ["BBB", "AAA"]
    with translation.override("ru"):
        assert [o.code for o in offices.order_by(localized("name"))] == ["AAA", "BBB"]


def test_the_admin_lists_what_is_missing(db, admin_client):
    done = OfficeFactory(
        code="DON",
        name_ru="Офис",
        name_kk="Кеңсе",
        name_en="Office",
        city_ru="Атырау",
        city_kk="Атырау",
        city_en="Atyrau",
    )
    missing = OfficeFactory(code="MIS", name_ru="Офис без перевода", city_ru="Актобе")
    url = reverse("admin:accounts_office_changelist")

    listed = admin_client.get(url, {"missing_translation": "kk"}).context["cl"].result_list

    assert missing in listed and done not in listed
    page = admin_client.get(url).content.decode()
    assert "missing translation" in page


@pytest.mark.parametrize("model", TRANSLATED_MODELS, ids=lambda m: m.__name__)
def test_every_translated_model_has_the_missing_filter_and_a_side_by_side_form(admin_client, model):
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    add = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")

    assert admin_client.get(changelist, {"missing_translation": "en"}).status_code == 200
    page = admin_client.get(add).content.decode()
    for base in model.translated_fields:
        assert f"form-row field-{base}_ru field-{base}_kk field-{base}_en" in page


def test_the_admin_edits_the_three_languages_side_by_side(admin_client, db):
    office = OfficeFactory(code="SID")

    page = admin_client.get(reverse("admin:accounts_office_change", args=[office.pk])).content.decode()

    # One admin row holding the three columns (Django marks each row with its fields' names).
    assert "form-row field-name_ru field-name_kk field-name_en" in page
    assert "form-row field-address_ru field-address_kk field-address_en" in page
