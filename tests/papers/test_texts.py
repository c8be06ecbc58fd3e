"""The texts behind the papers: seeded in six languages, complete, safe, and reviewed only when someone says so."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clients.models import ConsentScope
from papers.markup import to_html
from papers.models import PaperKind, PaperLanguage, PaperText
from papers.texts import label_keys, labels, preferred_language
from reference.models import Language
from tests.clients.factories import ClientFactory

pytestmark = pytest.mark.django_db


def test_every_paper_is_seeded_in_every_language_and_waits_for_a_native_speakers_review():
    for language in PaperLanguage.values:
        for kind in (PaperKind.CONSENT, PaperKind.RIGHTS, PaperKind.SLIP, PaperKind.LABELS):
            text = PaperText.objects.get(kind=kind, language=language)
            assert text.body and not text.is_reviewed
    assert set(PaperText.objects.filter(kind=PaperKind.EXPORT).values_list("language", flat=True)) == {"ru", "kk", "en"}


@pytest.mark.parametrize("language", PaperLanguage.values)
def test_every_language_has_every_word_the_papers_print(language):
    row = PaperText.objects.get(kind=PaperKind.LABELS, language=language)
    keys = {line.partition(":")[0].strip() for line in row.body.splitlines()}
    assert set(label_keys()) <= keys
    assert {f"scope_{scope}" for scope in ConsentScope.values} <= keys


def test_an_administrators_correction_of_a_word_is_printed(db):
    row = PaperText.objects.get(kind=PaperKind.LABELS, language="tg")
    row.body = row.body.replace("client_code: Рамзи мизоҷ", "client_code: Рамзи мизоҷи идора")
    row.save()
    assert labels("tg")["client_code"] == "Рамзи мизоҷи идора"


def test_unknown_placeholders_and_half_reviews_are_refused():
    text = PaperText(kind=PaperKind.RIGHTS, language="ru", body="Имя: {{ client.full_name }}")
    with pytest.raises(ValidationError, match="client"):
        text.full_clean(exclude=["kind", "language"])
    text = PaperText(kind=PaperKind.SLIP, language="ru", body="{{ office_phone }}", reviewed_by="Айгуль")
    with pytest.raises(ValidationError):
        text.clean()


def test_the_markup_escapes_html_and_fills_only_office_values():
    html = to_html("# Заголовок\n<script>x</script>\n- пункт {{ office_phone }}", {"office_phone": "+7 727"})
    assert "<h2>Заголовок</h2>" in html and "&lt;script&gt;" in html and "<li>пункт +7 727</li>" in html


def test_the_preferred_language_is_the_clients_own_else_russian(office_a):
    client = ClientFactory(office=office_a)
    assert preferred_language(client) == "ru"
    client.languages.set(Language.objects.filter(code__in=["ru", "uz-latn"]))
    assert preferred_language(client) == "uz"
    client.languages.set(Language.objects.filter(code__in=["ky"]))
    assert preferred_language(client) == "ky"


def test_an_administrator_confirms_a_review_and_a_later_edit_clears_it(admin_client):
    row = PaperText.objects.get(kind=PaperKind.CONSENT, language="uz")
    url = reverse("admin:papers_papertext_change", args=[row.pk])
    data = {"title": row.title, "body": row.body, "reviewed_by": "Dilnoza Karimova", "reviewed_on": "2026-11-28"}
    assert admin_client.post(url, data).status_code == 302
    row.refresh_from_db()
    assert row.is_reviewed
    # The same review fields, a changed text: the review no longer vouches for it.
    assert admin_client.post(url, {**data, "body": row.body + "\nYangi gap."}).status_code == 302
    row.refresh_from_db()
    assert not row.is_reviewed and row.body.endswith("Yangi gap.")
