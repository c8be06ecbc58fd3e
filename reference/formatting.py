"""Numbers and money in the reader's language: the one place that decides separators and the currency sign.

ru and kk write ``450 000 ₸`` (non-breaking spaces between groups and before the sign), en writes
``KZT 450,000``. Templates use the filters of ``reference_tags`` (``{{ amount|money }}``,
``{{ count|number }}``); Python code (PDFs, reports, mails) imports these functions.
"""

from decimal import Decimal, InvalidOperation

from django.utils import formats, translation

from reference.translation import active_language

NBSP = "\xa0"


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def format_number(value, decimals: int | None = None, *, language: str | None = None) -> str:
    """``value`` with the language's group and decimal separators; whole numbers print no decimals.

    ``decimals=None`` prints up to two places when the value is not whole.
    """
    number = _decimal(value)
    if number is None:
        return ""
    if decimals is None:
        decimals = 0 if number == number.to_integral_value() else 2
    with translation.override(language or active_language()):
        text = formats.number_format(number, decimal_pos=decimals, use_l10n=True, force_grouping=True)
    # Django's Russian format groups with a plain or non-breaking space; one kind everywhere.
    return text.replace(" ", NBSP)


def format_money(amount, *, language: str | None = None) -> str:
    """An amount in tenge: ``450 000 ₸`` in ru/kk, ``KZT 450,000`` in en."""
    language = (language or active_language())[:2]
    number = format_number(amount, language=language)
    if not number:
        return ""
    if language == "en":
        return f"KZT{NBSP}{number}"
    return f"{number}{NBSP}₸"
