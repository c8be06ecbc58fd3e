"""The referral letter: a PDF with the reference, the client code and only the data chosen."""

import io

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from pypdf import PdfReader

from memorandum import pdf, services
from memorandum.models import ReferralState
from reference.pdf import STATIC_PREFIX, LocalFetcher
from tests.cases.factories import ConsultationFactory
from tests.memorandum.factories import make_referral


def _download(http, referral) -> tuple[int, str]:
    response = http.get(reverse("memorandum:referral-letter", args=[referral.pk]))
    if response.status_code != 200:
        return response.status_code, ""
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    # Extracted text may break lines anywhere; compare without whitespace.
    return response.status_code, "".join(text.split())


def _squeeze(value: str) -> str:
    return "".join(value.split())


def test_the_letter_has_the_reference_and_client_code_but_not_the_name_by_default(
    case, coordinator, as_coordinator, inspectorate, client_a
):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    ConsultationFactory(case=case, psych_notes="Плачет по ночам, боится хозяина")

    status, text = _download(as_coordinator, referral)

    assert status == 200
    assert referral.reference in text
    assert client_a.code in text
    assert "Каримов" not in text and "Бахтиёр" not in text
    assert _squeeze("Просим провести проверку работодателя") in text
    assert "Плачет" not in text
    assert _squeeze("Государственная инспекция труда") in text


def test_the_name_is_in_the_letter_when_it_was_chosen(case, coordinator, as_coordinator, inspectorate):
    referral = make_referral(
        coordinator=coordinator,
        case=case,
        partner=inspectorate,
        state=ReferralState.SENT,
        shared_data=["name", "sex"],
    )

    status, text = _download(as_coordinator, referral)

    assert status == 200
    assert _squeeze("Каримов Бахтиёр") in text
    assert "мужской" in text
    assert "Узбекистан" not in text  # citizenship was not chosen this time


def test_a_kazakh_letter_is_written_in_kazakh(case, coordinator, as_coordinator, inspectorate):
    referral = make_referral(
        coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT, language="kk"
    )

    status, text = _download(as_coordinator, referral)

    assert _squeeze("Өтінішті жолдау туралы") in text
    assert _squeeze("Мемлекеттік еңбек инспекциясы") in text
    assert referral.reference in text


def test_the_letter_is_stored_with_the_referral_and_made_once(case, coordinator, as_coordinator, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    _download(as_coordinator, referral)
    referral.refresh_from_db()
    stored = referral.letter.name
    assert stored and referral.letter_is_final

    _download(as_coordinator, referral)

    referral.refresh_from_db()
    assert referral.letter.name == stored


def test_a_draft_letter_is_a_preview_replaced_once_sent(case, coordinator, as_coordinator, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate)
    _, preview = _download(as_coordinator, referral)
    assert "ПРОЕКТ" in preview

    services.referral_send(referral=referral, actor=coordinator)
    _, final = _download(as_coordinator, referral)

    assert "ПРОЕКТ" not in final
    referral.refresh_from_db()
    assert referral.letter_is_final


def test_downloading_the_letter_is_audited(case, coordinator, as_lawyer, lawyer, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)

    status, _ = _download(as_lawyer, referral)

    assert status == 200
    assert LogEntry.objects.filter(
        object_id=referral.pk, action=LogEntry.Action.ACCESS, actor=lawyer, additional_data__access="letter download"
    ).exists()


def test_an_outsider_cannot_download_the_letter(case, coordinator, as_outsider, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)

    status, _ = _download(as_outsider, referral)

    assert status == 404


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/logo.png",
        "https://pdf.ariptes.invalid/static/../../etc/passwd",
        "file:///etc/passwd",
        "data:text/plain,hello",
    ],
)
def test_the_letter_renderer_refuses_anything_but_local_static_files(url):
    with pytest.raises(ValueError):
        LocalFetcher().fetch(url)


def test_the_letter_renderer_serves_our_static_files():
    response = LocalFetcher().fetch(STATIC_PREFIX + "memorandum/letterhead.svg")

    assert response.content_type == "image/svg+xml"
    assert b"<svg" in response.read()


@pytest.mark.parametrize(
    ("birth_year", "expected"),
    [(None, "не указан"), (2010, "до 18 лет"), (1996, "25–34 лет"), (1980, "35–49 лет"), (1960, "50 лет и старше")],
)
def test_age_groups_in_letters(birth_year, expected):
    # The funders' bands of reference.ages (the letter used to say 35–44, 45–54 and "55 and over").
    from datetime import date

    assert pdf.age_group(birth_year, "ru", today=date(2026, 6, 1)) == expected


def test_each_free_text_the_letter_prints_is_marked_as_printed_on_the_form(case, coordinator, as_coordinator):
    from django.utils import translation

    from memorandum.forms import ReferralForm

    referral = make_referral(
        coordinator=coordinator, case=case, request="Проверить работодателя", client_needs="Вернуть паспорт"
    )
    _status, text = _download(as_coordinator, referral)

    with translation.override("en"):
        form = ReferralForm(case=case)
        for name in ("request", "client_needs"):
            assert _squeeze(getattr(referral, name)) in text, name
            assert "printed in the letter" in str(form.fields[name].help_text).lower(), name


def test_reports_use_the_same_fetcher_with_data_uris_for_their_charts():
    fetcher = LocalFetcher(data_uris=True)
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    with pytest.raises(ValueError):
        fetcher.fetch("http://example.org/logo.png")
