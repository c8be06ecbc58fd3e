"""Import of a training's sign-in sheet (XLSX or CSV): a dry run, then all rows or none.

``plan_attendance`` checks every row (name present, agency known, partner known if given, sex, scores
0–100, no post-test without a pre-test) and returns what each row would become or why it cannot;
``attendees_import`` (services) then adds the rows of a clean sheet in one transaction.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import tablib
from django.db.models import Q
from django.utils.translation import gettext as _

from clients.importing import SEX_VALUES
from memorandum.models import Partner
from outreach.models import Agency

MAX_ROWS = 500
HEADERS = {
    "full_name": ("full_name", "name", "фио", "ф.и.о.", "имя", "аты-жөні", "full name"),
    "agency": ("agency", "ведомство", "орган", "мекеме", "организация"),
    "partner": ("partner", "партнёр", "партнер", "серіктес"),
    "position": ("position", "должность", "лауазымы", "лауазым"),
    "sex": ("sex", "пол", "жынысы", "gender"),
    "pre_score": ("pre_score", "pre", "pre-test", "пре-тест", "тест до", "до"),
    "post_score": ("post_score", "post", "post-test", "пост-тест", "тест после", "после"),
}
REQUIRED = ("full_name", "agency")


class SheetError(Exception):
    """The file cannot be read at all (format, encoding, header, size)."""


@dataclass
class SheetRow:
    line: int
    values: dict = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.reasons


def read_sheet(content: bytes) -> list[dict]:
    if content.startswith(b"PK\x03\x04"):
        try:
            dataset = tablib.Dataset().load(io.BytesIO(content), format="xlsx")
        except Exception as error:  # openpyxl raises many kinds on a broken file
            raise SheetError(_("The XLSX file cannot be read.")) from error
    else:
        for encoding in ("utf-8-sig", "cp1251"):
            try:
                text = content.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise SheetError(_("The CSV file is not in UTF-8 or Windows-1251."))
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        try:
            dataset = tablib.Dataset().load(text, format="csv", delimiter=delimiter)
        except Exception as error:  # tablib/csv errors on malformed input
            raise SheetError(_("The CSV file cannot be read.")) from error
    columns = {}
    for index, header in enumerate(dataset.headers or []):
        name = str(header or "").strip().lower()
        for field_name, aliases in HEADERS.items():
            if name in aliases and field_name not in columns:
                columns[field_name] = index
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise SheetError(_("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)})
    if len(dataset) > MAX_ROWS:
        raise SheetError(_("At most %(count)s rows per file.") % {"count": MAX_ROWS})
    return [{name: row[index] for name, index in columns.items()} for row in dataset]


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _lookup(model, value: str):
    wanted = value.strip()
    return (
        model.objects.filter(is_active=True)
        .filter(
            Q(code__iexact=wanted) | Q(name_ru__iexact=wanted) | Q(name_kk__iexact=wanted) | Q(name_en__iexact=wanted)
        )
        .first()
    )


def _score(value, label: str, reasons: list[str]) -> Decimal | None:
    text = _text(value).replace(",", ".").rstrip("%")
    if not text:
        return None
    try:
        score = Decimal(text)
    except InvalidOperation:
        reasons.append(_("%(what)s is not a number: “%(value)s”.") % {"what": label, "value": text})
        return None
    if not (0 <= score <= 100):
        reasons.append(_("%(what)s must be between 0 and 100.") % {"what": label})
        return None
    return score.quantize(Decimal("0.1"))


def plan_attendance(rows: list[dict]) -> list[SheetRow]:
    planned = []
    for line, raw in enumerate(rows, start=2):
        reasons: list[str] = []
        name = _text(raw.get("full_name"))
        if not name:
            if not any(_text(value) for value in raw.values()):
                continue  # an empty line of the sheet
            reasons.append(_("The name is missing."))
        agency_text = _text(raw.get("agency"))
        agency = _lookup(Agency, agency_text) if agency_text else None
        if agency is None:
            reasons.append(
                _("Unknown agency “%(agency)s”: use one of the agencies of the list.") % {"agency": agency_text}
                if agency_text
                else _("The agency is missing.")
            )
        partner_text = _text(raw.get("partner"))
        partner = _lookup(Partner, partner_text) if partner_text else None
        if partner_text and partner is None:
            reasons.append(_("Unknown memorandum partner “%(partner)s”.") % {"partner": partner_text})
        sex_text = _text(raw.get("sex")).lower()
        sex = SEX_VALUES.get(sex_text, "") if sex_text else ""
        if sex_text and not sex:
            reasons.append(_("Sex “%(value)s” is not understood.") % {"value": sex_text})
        pre = _score(raw.get("pre_score"), _("Pre-test"), reasons)
        post = _score(raw.get("post_score"), _("Post-test"), reasons)
        if post is not None and pre is None and not _text(raw.get("pre_score")):
            reasons.append(_("A post-test score needs a pre-test score."))
        planned.append(
            SheetRow(
                line=line,
                values={
                    "full_name": name,
                    "agency": agency,
                    "partner": partner,
                    "position": _text(raw.get("position"))[:200],
                    "sex": sex,
                    "pre_score": pre,
                    "post_score": post,
                },
                reasons=reasons,
            )
        )
    return planned
