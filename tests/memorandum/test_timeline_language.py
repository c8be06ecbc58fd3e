"""The case timeline reads in the reader's language: the partner sentence and the reasons the product wrote."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cases.models import CaseEvent
from memorandum.models import ReferralState
from tests.memorandum.factories import make_referral


def _partner_sentence(referral, language: str) -> str:
    with translation.override(language):
        html = render_to_string("memorandum/_timeline_item.html", {"referral": referral})
    start = html.index('data-testid="referral-addressee">') + len('data-testid="referral-addressee">')
    return html[start : html.index("</span>", start)]


def test_the_kazakh_timeline_names_the_partner_in_its_placeholder(case, coordinator, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)

    assert _partner_sentence(referral, "kk") == "алушы: Мемлекеттік еңбек инспекциясы"
    assert _partner_sentence(referral, "ru") == "адресат: Государственная инспекция труда"
    assert _partner_sentence(referral, "en") == "to State Labour Inspectorate"


def test_the_kazakh_timeline_does_not_say_new_state(case, coordinator, inspectorate, as_lawyer):
    make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)

    page = as_lawyer.get(reverse("cases:detail", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="kk").content.decode()

    assert "алушы: Мемлекеттік еңбек инспекциясы" in page
    assert "жаңа күйі" not in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "отправлено партнёру"),
        ("kk", "жолдамасы серіктеске жіберілді"),
        ("en", "sent to a partner"),
    ],
)
def test_the_reason_a_referral_gave_the_case_is_shown_in_the_reader_s_language(
    case, coordinator, inspectorate, language, expected
):
    with translation.override("ru"):  # written by a Russian-speaking coordinator
        referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    event = CaseEvent.objects.get(case=case, to_status="waiting")

    assert event.reason == "" and event.reason_params == {"reference": referral.reference}
    with translation.override(language):
        assert expected in event.reason_text and referral.reference in event.reason_text


@pytest.mark.parametrize(
    "stored",
    [
        "Направление {ref} отправлено партнёру",
        "{ref} жолдамасы серіктеске жіберілді",
        "Referral {ref} sent to a partner",
    ],
)
def test_sentences_stored_before_become_a_key_and_a_reference(case, coordinator, stored):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("memorandum.migrations.0004_case_event_reason_keys")
    old = CaseEvent.objects.create(
        case=case, kind="status", to_status="waiting", reason=stored.format(ref="R-2026-0007"), actor=coordinator
    )
    typed = CaseEvent.objects.create(
        case=case, kind="status", to_status="open", reason="Клиент вернулся", actor=coordinator
    )

    migration.to_keys(apps, None)

    old.refresh_from_db()
    typed.refresh_from_db()
    assert (old.reason, old.reason_key, old.reason_params) == (
        "",
        "memorandum.referral_sent",
        {"reference": "R-2026-0007"},
    )
    assert typed.reason == "Клиент вернулся" and typed.reason_key == ""
    with translation.override("en"):
        assert old.reason_text == "Referral R-2026-0007 sent to a partner"
