"""The letter in Kazakh is Kazakh from letterhead to signature: office and partner come from translated data."""

import pytest

from memorandum import pdf
from memorandum.models import ReferralState
from tests.memorandum.factories import make_referral

# Russian words that must not appear in a Kazakh letter (proper names aside).
RUSSIAN_ONLY = ["Алматинский", "офис", "г. Астана", "г. Алматы", "ул.", "пр.", "Уважением", "Исх.", "Направление"]


@pytest.fixture
def office_in_three_languages(office_a):
    office_a.name_kk, office_a.name_en = "Алматы кеңсесі", "Almaty office"
    office_a.address_ru = "ул. Толе би, 100, Алматы"
    office_a.address_kk = "Төле би көшесі, 100, Алматы"
    office_a.save()
    return office_a


def test_the_kazakh_letter_prints_the_office_and_partner_in_kazakh(
    case, coordinator, inspectorate, office_in_three_languages
):
    inspectorate.address_ru, inspectorate.address_kk = "г. Астана", "Астана қ."
    inspectorate.save()
    referral = make_referral(
        coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT, language="kk"
    )

    html = pdf.render_letter_html(referral)

    assert "Алматы кеңсесі" in html  # letterhead and signature
    assert html.count("Алматы кеңсесі") == 2
    assert "Төле би көшесі, 100, Алматы" in html
    assert "Мемлекеттік еңбек инспекциясы" in html and "Астана қ." in html
    for word in RUSSIAN_ONLY:
        assert word not in html, word


def test_the_russian_letter_keeps_the_russian_names(case, coordinator, inspectorate, office_in_three_languages):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)

    html = pdf.render_letter_html(referral)

    assert "Алматинский офис" in html and "ул. Толе би, 100, Алматы" in html
    assert "Алматы кеңсесі" not in html
