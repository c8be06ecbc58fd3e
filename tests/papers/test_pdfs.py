"""Every client paper, printed in every language, read back with pypdf the way a reader would see it."""

import re
from datetime import date

import pytest

from cases.models import Consultation
from papers import pdf
from papers.models import PaperLanguage
from papers.texts import DEFAULT_BRING_ITEMS, EXPORT_LANGUAGES
from tests.cases.factories import CaseFactory
from tests.papers.conftest import pdf_text

# Letters that only the language's own alphabet has (Uzbek Latin: oʻ and gʻ with U+02BB).
OWN_LETTERS = {
    "ru": ["ы", "й"],
    "kk": ["ә", "қ", "ң", "ө", "ү", "і"],
    "uz": ["oʻ", "gʻ"],
    "ky": ["ң", "ө", "ү"],
    "tg": ["ғ", "ӣ", "қ", "ӯ", "ҳ", "ҷ"],
    "en": ["the"],
}
# Russian words that have no place in a Kazakh (or Kyrgyz) paper; proper names never contain them.
# ("не" is also Kazakh, "what"; "паспорт" is also Kyrgyz.)
RUSSIAN_ONLY_WORDS = {
    "и", "в", "на", "что", "для", "или", "по", "от", "это", "при", "ваш", "ваши", "вас", "ваше",
    "данные", "согласие", "клиента", "дата", "подпись", "адрес", "помощь", "права",
}  # fmt: skip
FIELD_PATH = re.compile(r"\b[a-z]+_[a-z_]+\b|\buz-latn\b|\d{4}-\d{2}-\d{2}T|\{\{|\}\}")


def words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[^\W\d_]+", text)}


def check_paper(text: str, language: str, *, typed_by_staff=()) -> None:
    """``typed_by_staff``: free text from the record, printed as written (not the paper's words)."""
    squeezed = text.replace("\n", " ")
    for value in typed_by_staff:
        squeezed = squeezed.replace(value, "")
    for letter in OWN_LETTERS[language]:
        assert letter in squeezed, f"{language}: no {letter!r} in the paper"
    assert not FIELD_PATH.search(squeezed), FIELD_PATH.search(squeezed)
    if language in ("kk", "ky"):
        assert not words(squeezed) & RUSSIAN_ONLY_WORDS, words(squeezed) & RUSSIAN_ONLY_WORDS


@pytest.mark.parametrize("language", PaperLanguage.values)
def test_the_consent_form_reads_in_the_clients_language_with_every_scope_and_the_signature_lines(
    language, tajik_client, lawyer
):
    text = pdf_text(pdf.render_consent(tajik_client, language, staff=lawyer))
    check_paper(text, language)
    assert tajik_client.code in text
    assert "Рахмонов" not in text
    context = pdf.consent_context(tajik_client, language, staff=lawyer)
    assert len(context["scopes"]) == 4
    for scope in context["scopes"]:
        assert scope.split()[0] in text


@pytest.mark.parametrize("language", PaperLanguage.values)
def test_the_rights_sheet_reads_in_the_clients_language(language, tajik_client):
    text = pdf_text(pdf.render_rights(tajik_client, language))
    check_paper(text, language)
    assert "112" in text and "103" in text


@pytest.mark.parametrize("language", PaperLanguage.values)
def test_the_referral_slip_carries_only_the_code_unless_asked(language, tajik_client, inspectorate):
    text = pdf_text(
        pdf.render_slip(
            tajik_client,
            language,
            partner=inspectorate,
            contact=inspectorate.contacts.first(),
            hours="09:00–18:00",
            visit_on=date(2026, 12, 3),
            bring=DEFAULT_BRING_ITEMS,
            show=(),
        )
    )
    check_paper(text, language)
    assert tajik_client.code in text and "03.12.2026" in text and "09:00–18:00" in text
    assert "Рахмонов" not in text and "+77015550101" not in text
    assert "+77272000000" in text
    assert inspectorate.name_in(language)[:10] in text


def test_a_slip_prints_the_name_and_phone_when_the_client_wants(tajik_client, inspectorate):
    text = pdf_text(pdf.render_slip(tajik_client, "tg", partner=inspectorate, show=("name", "phone")))
    assert "Рахмонов" in text and "+77015550101" in text


@pytest.mark.parametrize("language", EXPORT_LANGUAGES)
def test_the_data_export_is_in_plain_words(language, tajik_client, lawyer, manager):
    typed = ("Зарплата не выплачена с сентября.", "Объяснили права.")
    case = CaseFactory(client=tajik_client, lead=lawyer, summary=typed[0])
    Consultation.objects.create(
        case=case, given_by=lawyer, summary=typed[1], psych_notes="не показывать", duration_minutes=45
    )
    text = pdf_text(pdf.render_export(tajik_client, language, viewer=manager))
    check_paper(text, language, typed_by_staff=typed)
    squeezed = text.replace("\n", " ")
    assert not FIELD_PATH.search(squeezed), FIELD_PATH.search(squeezed)
    assert "Рахмонов" in text and "Зарплата не выплачена" in text and "Объяснили права" in text
    assert "не показывать" not in text
    assert re.search(r"\d\d\.\d\d\.\d{4}", text)
    assert case.number in text


def test_the_export_for_a_tajik_reader_is_printed_in_russian(tajik_client, manager):
    text = pdf_text(pdf.render_export(tajik_client, "tg", viewer=manager))
    assert "Ваши данные" in text and "ы" in text


@pytest.mark.parametrize(("language", "letters"), [("tg", "ғӣқӯҳҷ"), ("ky", "ңөү"), ("uz", "ʻ"), ("kk", "әғқңөұүі")])
def test_the_letters_of_each_language_are_drawn_with_the_embedded_dejavu_font(language, letters, tajik_client):
    """The ToUnicode map of the embedded DejaVu Sans lists each letter: no glyph came from a fallback font."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf.render_rights(tajik_client, language)))
    mapped: dict[str, str] = {}
    for sheet in reader.pages:
        for font in sheet["/Resources"]["/Font"].values():
            font = font.get_object()
            mapped[font["/BaseFont"]] = mapped.get(font["/BaseFont"], "") + font["/ToUnicode"].get_data().decode()
    dejavu = "".join(cmap for name, cmap in mapped.items() if "DejaVu-Sans" in name).upper()
    for letter in letters:
        assert f"{ord(letter):04X}" in dejavu, f"{letter!r} is not drawn with DejaVu Sans"
