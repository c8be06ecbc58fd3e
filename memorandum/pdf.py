"""The referral letter: HTML from a template, made into a PDF by WeasyPrint.

Letters are official documents in Russian or Kazakh, so each language has its
own template (``memorandum/letter/<language>.html``) written in that language
instead of going through gettext. WeasyPrint never touches the network: the
product's one fetcher (``reference.pdf``) serves only our own static files.
"""

from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from memorandum.models import Referral, SharedData
from reference.ages import AGE_LIMITS, AgeBand, age_band

# Words the letter prints for choices, per letter language (not UI strings).
# The age bands are those of reference.ages; only their wording is the letter's.
LABELS = {
    "ru": {
        "sex": {"female": "женский", "male": "мужской"},
        "age_unknown": "не указан",
        "age_under": "до {limit} лет",
        "age_over": "{low} лет и старше",
        "age_range": "{low}–{high} лет",
    },
    "kk": {
        "sex": {"female": "әйел", "male": "ер"},
        "age_unknown": "көрсетілмеген",
        "age_under": "{limit} жасқа дейін",
        "age_over": "{low} жас және одан үлкен",
        "age_range": "{low}–{high} жас",
    },
}


def age_band_label(band: AgeBand, language: str) -> str:
    """The letter's words for ``band`` in ``language`` ("до 18 лет", "25–34 жас", ...)."""
    labels = LABELS[language]
    for limit_band, youngest, oldest in AGE_LIMITS:
        if limit_band != band:
            continue
        if youngest == 0 and oldest is not None:
            return labels["age_under"].format(limit=oldest + 1)
        if oldest is None:
            return labels["age_over"].format(low=youngest)
        return labels["age_range"].format(low=youngest, high=oldest)
    return labels["age_unknown"]


def age_group(birth_year: int | None, language: str, *, today: date | None = None) -> str:
    return age_band_label(age_band(birth_year, on=today), language)


def client_lines(referral: Referral) -> list[tuple[str, str]]:
    """The (field, value) pairs the partner may read: the code always, the rest only when chosen.

    Nothing from consultations (least of all psychological notes) is ever read here.
    """
    language = referral.language
    client = referral.case.client
    labels = LABELS[language]
    kk = language == "kk"
    lines = [("Клиент коды" if kk else "Код клиента", client.code)]
    if referral.shares(SharedData.NAME):
        lines.append(("Аты-жөні" if kk else "ФИО", client.full_name))
    if referral.shares(SharedData.SEX) and client.sex:
        lines.append(("Жынысы" if kk else "Пол", labels["sex"].get(client.sex, client.sex)))
    if referral.shares(SharedData.BIRTH_DATE) and client.birth_date:
        lines.append(("Туған күні" if kk else "Дата рождения", client.birth_date.strftime("%d.%m.%Y")))
    elif referral.shares(SharedData.AGE_GROUP):
        lines.append(("Жас тобы" if kk else "Возрастная группа", age_group(client.birth_year, language)))
    if referral.shares(SharedData.CITIZENSHIP) and client.citizenship_id:
        citizenship = client.citizenship
        lines.append(("Азаматтығы" if kk else "Гражданство", getattr(citizenship, f"name_{language}")))
    if referral.shares(SharedData.CONTACTS):
        contacts = client_contacts(client)
        if contacts:
            lines.append(("Байланыс" if kk else "Контакты", contacts))
    return lines


def client_contacts(client) -> str:
    values = [phone.number for phone in client.phones.all()]
    if client.messenger:
        values.append(client.get_messenger_display())
    return ", ".join(values)


def letter_context(referral: Referral) -> dict:
    language = referral.language
    categories = [getattr(c, f"name_{language}") for c in referral.categories.all()]
    office = referral.case.office
    return {
        "referral": referral,
        "office": office,
        "organisation": settings.ORGANISATION_NAME,
        "partner_name": referral.partner.name_in(language),
        "letter_date": timezone.localdate(referral.sent_at) if referral.sent_at else None,
        "client_lines": client_lines(referral),
        "categories": categories if referral.shares(SharedData.PROBLEM) else [],
        "signer": referral.sent_by or referral.created_by,
        "is_draft": referral.sent_at is None,
    }


def render_letter_html(referral: Referral) -> str:
    with translation.override(referral.language):
        return render_to_string(f"memorandum/letter/{referral.language}.html", letter_context(referral))


def render_letter(referral: Referral) -> bytes:
    html = render_letter_html(referral)
    # WeasyPrint is heavy: imported only where a letter is made, never when the site starts.
    from weasyprint import HTML

    from reference.pdf import PDF_BASE_URL, LocalFetcher

    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=LocalFetcher()).write_pdf()
