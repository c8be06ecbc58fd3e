"""Which texts a paper prints: the administrators' rows, falling back to the seeded texts."""

from dataclasses import dataclass

from clients.models import ConsentScope
from papers.markup import parse_labels
from papers.models import PaperKind, PaperLanguage, PaperText
from papers.seed import seed_texts

# What a client may be asked to bring to a partner, in the order a slip lists them.
BRING_ITEMS = (
    "passport",
    "migration_card",
    "registration",
    "work_permit",
    "contract",
    "pay_records",
    "problem_papers",
    "this_slip",
)
DEFAULT_BRING_ITEMS = ("passport", "problem_papers", "this_slip")

# The Language codes of the reference table that each paper language stands for.
REFERENCE_LANGUAGES = {
    PaperLanguage.RUSSIAN: ("ru",),
    PaperLanguage.KAZAKH: ("kk",),
    PaperLanguage.UZBEK: ("uz-latn", "uz-cyrl", "uz"),
    PaperLanguage.KYRGYZ: ("ky",),
    PaperLanguage.TAJIK: ("tg",),
    PaperLanguage.ENGLISH: ("en",),
}
# The data export is printed in a staff language (its words come from the translated interface).
EXPORT_LANGUAGES = (PaperLanguage.RUSSIAN, PaperLanguage.KAZAKH, PaperLanguage.ENGLISH)


def scope_label_key(scope: str) -> str:
    return f"scope_{scope}"


def label_keys() -> list[str]:
    """Every word a paper prints besides its text; a test checks each language has them all."""
    keys = [
        "client_code",
        "date",
        "client_signature",
        "staff_signature",
        "staff_name",
        "office_contacts",
        "phone",
        "email",
        "address",
        "consent_choice",
        "agree",
        "disagree",
        "where_to_go",
        "opening_hours",
        "contact",
        "visit_date",
        "what_to_bring",
        "name",
    ]
    keys += [scope_label_key(scope) for scope in ConsentScope.values]
    keys += [f"bring_{item}" for item in BRING_ITEMS]
    return keys


@dataclass
class Text:
    title: str
    body: str
    row: PaperText | None


def paper_text(kind: str, language: str) -> Text:
    row = PaperText.objects.filter(kind=kind, language=language).first()
    if row is not None:
        return Text(row.title, row.body, row)
    title, body = seed_texts(language).get(kind) or seed_texts(PaperLanguage.RUSSIAN)[kind]
    return Text(title, body, None)


def labels(language: str) -> dict[str, str]:
    """The language's words; a missing one comes from the seed, never as a bare key."""
    words = parse_labels(seed_texts(PaperLanguage.RUSSIAN)["labels"][1])
    words.update(parse_labels(seed_texts(language)["labels"][1]))
    row = PaperText.objects.filter(kind=PaperKind.LABELS, language=language).first()
    if row is not None:
        words.update({key: text for key, text in parse_labels(row.body).items() if text})
    return words


def preferred_language(client) -> str:
    """The client's own language if a paper exists in it (not Russian, the shared one), else Russian."""
    codes = {language.code for language in client.languages.all()}
    for paper_language in (PaperLanguage.UZBEK, PaperLanguage.KYRGYZ, PaperLanguage.TAJIK):
        if codes.intersection(REFERENCE_LANGUAGES[paper_language]):
            return paper_language
    for paper_language in (PaperLanguage.KAZAKH, PaperLanguage.ENGLISH):
        if codes.intersection(REFERENCE_LANGUAGES[paper_language]):
            return paper_language
    return PaperLanguage.RUSSIAN


def export_language(language: str) -> str:
    return language if language in EXPORT_LANGUAGES else PaperLanguage.RUSSIAN
