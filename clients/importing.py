"""Import of an existing client list from CSV or XLSX.

``plan_import`` is the dry run: each row becomes "create", "duplicate" (skipped:
likely the same person as an existing record or an earlier row) or "error" with
its reasons. ``run_import`` re-plans and creates every "create" row in one
transaction; a file with any bad row is refused, so nothing is half-imported.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clients.models import ConsentMethod, Sex
from clients.phones import normalise_phone
from clients.search import find_duplicates
from clients.selectors import clients_visible_to
from clients.services import client_create
from clients.transliteration import fold
from reference.dates import EARLIEST_BIRTH
from reference.forms import is_birth_year
from reference.models import Country, Region

MAX_ROWS = 5000

# Accepted column headers (lower case) for each field.
HEADERS = {
    "family_name": ("family_name", "фамилия", "тегі", "surname", "last name", "last_name"),
    "given_name": ("given_name", "имя", "аты", "first name", "first_name", "given name"),
    "patronymic": ("patronymic", "отчество", "әкесінің аты"),
    "latin_name": ("latin_name", "имя латиницей", "name in latin"),
    "sex": ("sex", "пол", "жынысы", "gender"),
    "birth_date": ("birth_date", "дата рождения", "date of birth"),
    "birth_year": ("birth_year", "год рождения", "year of birth"),
    "citizenship": ("citizenship", "гражданство", "азаматтығы", "country"),
    "phones": ("phone", "phones", "телефон", "телефоны"),
    "region": ("region", "регион", "область", "облыс"),
    "city": ("city", "город", "қала"),
    "consent": ("consent_store_data", "consent", "согласие", "келісім"),
}
REQUIRED = ("family_name", "given_name", "sex", "citizenship", "consent")
YES = {"yes", "y", "да", "иә", "1", "true", "x", "+"}
SEX_VALUES = {
    "female": Sex.FEMALE,
    "f": Sex.FEMALE,
    "ж": Sex.FEMALE,
    "жен": Sex.FEMALE,
    "женский": Sex.FEMALE,
    "әйел": Sex.FEMALE,
    "male": Sex.MALE,
    "m": Sex.MALE,
    "м": Sex.MALE,
    "муж": Sex.MALE,
    "мужской": Sex.MALE,
    "ер": Sex.MALE,
}


class ImportFileError(Exception):
    """The file cannot be read at all (wrong format, no header, too many rows)."""


@dataclass
class PlannedRow:
    line: int
    status: str  # "create" | "duplicate" | "error"
    values: dict = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    duplicate_codes: list[str] = field(default_factory=list)

    @property
    def display_name(self) -> str:
        return " ".join(str(self.values.get(name) or "") for name in ("family_name", "given_name")).strip()


def _too_many_xlsx_rows(content: bytes) -> bool:
    """Counts the rows of the first sheet while streaming it (read-only openpyxl), stopping past the limit."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a broken file
        raise ImportFileError(_("The XLSX file cannot be read.")) from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            return False
        # The header and MAX_ROWS rows; any() stops at the first row past them.
        return any(count > MAX_ROWS + 1 for count, _row in enumerate(sheet.iter_rows(values_only=True), start=1))
    finally:
        workbook.close()


def _too_many_csv_rows(text: str) -> bool:
    """A cheap line count before parsing: a file with fewer lines cannot hold more rows."""
    if text.count("\n") <= MAX_ROWS + 1:
        return False
    return any(count > MAX_ROWS + 1 for count, _row in enumerate(csv.reader(io.StringIO(text)), start=1))


def read_rows(content: bytes) -> list[dict]:
    """The rows of a CSV (UTF-8 or Windows-1251) or XLSX file as dicts keyed by our field names.

    The row limit is checked while streaming, before the whole file is parsed.
    """
    too_many = ImportFileError(_("At most %(count)s rows per file.") % {"count": MAX_ROWS})
    if content.startswith(b"PK\x03\x04"):
        if _too_many_xlsx_rows(content):
            raise too_many
        try:
            dataset = tablib.Dataset().load(io.BytesIO(content), format="xlsx")
        except Exception as error:  # openpyxl raises many kinds on a broken file
            raise ImportFileError(_("The XLSX file cannot be read.")) from error
    else:
        for encoding in ("utf-8-sig", "cp1251"):
            try:
                text = content.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ImportFileError(_("The CSV file is not in UTF-8 or Windows-1251."))
        if _too_many_csv_rows(text):
            raise too_many
        delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        try:
            dataset = tablib.Dataset().load(text, format="csv", delimiter=delimiter)
        except Exception as error:  # tablib/csv errors on malformed input
            raise ImportFileError(_("The CSV file cannot be read.")) from error
    columns = {}
    for index, header in enumerate(dataset.headers or []):
        name = str(header or "").strip().lower()
        for field_name, aliases in HEADERS.items():
            if name in aliases:
                columns[field_name] = index
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise ImportFileError(_("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)})
    if len(dataset) > MAX_ROWS:
        raise ImportFileError(_("At most %(count)s rows per file.") % {"count": MAX_ROWS})
    return [{name: row[index] for name, index in columns.items()} for row in dataset]


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _country(value: str, countries: list[Country]) -> Country | None:
    wanted = value.strip().lower()
    for country in countries:
        if wanted in (country.code, country.name_ru.lower(), country.name_en.lower(), country.name_kk.lower()):
            return country
    return None


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _clean(raw: dict, countries: list[Country], regions: list[Region]) -> tuple[dict, list[str]]:
    values: dict = {"phones": []}
    errors = []
    for name in ("family_name", "given_name", "patronymic", "latin_name", "city"):
        values[name] = _text(raw.get(name))[:100]
        if "\x00" in values[name]:
            # Broken exports carry NUL bytes, which PostgreSQL refuses in text columns.
            errors.append(_("%(column)s contains a NUL character.") % {"column": name})
    for name in ("family_name", "given_name"):
        if not values[name]:
            errors.append(_("%(column)s is empty.") % {"column": name})
    sex = SEX_VALUES.get(_text(raw.get("sex")).lower())
    if sex is None:
        errors.append(_("Unknown sex “%(value)s”.") % {"value": _text(raw.get("sex"))})
    values["sex"] = sex
    values["citizenship"] = _country(_text(raw.get("citizenship")), countries)
    if values["citizenship"] is None:
        errors.append(_("Unknown citizenship “%(value)s”.") % {"value": _text(raw.get("citizenship"))})
    if _text(raw.get("consent")).lower() not in YES:
        errors.append(_("No consent to store the data."))
    values["birth_date"] = values["birth_year"] = None
    if _text(raw.get("birth_date")):
        try:
            values["birth_date"] = _date(raw["birth_date"])
        except ValueError:
            errors.append(_("Bad date of birth “%(value)s”.") % {"value": _text(raw["birth_date"])})
    year_text = _text(raw.get("birth_year")).removesuffix(".0")
    if year_text:
        if year_text.isdigit() and is_birth_year(int(year_text)):
            values["birth_year"] = int(year_text)
        else:
            errors.append(_("Bad year of birth “%(value)s”.") % {"value": year_text})
    birth_date = values["birth_date"]
    if birth_date and birth_date > timezone.localdate():
        errors.append(_("The date of birth is in the future."))
    elif birth_date and birth_date < EARLIEST_BIRTH:
        errors.append(_("The date of birth is before 1900."))
    elif birth_date and values["birth_year"] and birth_date.year != values["birth_year"]:
        errors.append(_("The year does not match the date of birth."))
    home = (
        values["citizenship"].code.upper() if values["citizenship"] and len(values["citizenship"].code) == 2 else None
    )
    for raw_phone in re.split(r"[,;\n]+", _text(raw.get("phones"))):
        if raw_phone.strip():
            try:
                values["phones"].append(normalise_phone(raw_phone, home_region=home))
            except ValidationError:
                errors.append(_("Bad phone “%(value)s”.") % {"value": raw_phone.strip()})
    region_text = _text(raw.get("region")).lower()
    values["region"] = None
    if region_text:
        values["region"] = next(
            (r for r in regions if region_text in (r.code, r.name_ru.lower(), r.name_en.lower(), r.name_kk.lower())),
            None,
        )
        if values["region"] is None:
            errors.append(_("Unknown region “%(value)s”.") % {"value": _text(raw.get("region"))})
    return values, errors


def plan_import(rows: list[dict], *, user) -> list[PlannedRow]:
    countries = list(Country.objects.all())
    regions = list(Region.objects.all())
    visible = clients_visible_to(user)
    seen: dict[str, int] = {}  # name key + year, or phone → line of the file
    planned = []
    for line, raw in enumerate(rows, start=2):  # line 1 is the header
        values, errors = _clean(raw, countries, regions)
        row = PlannedRow(line=line, status="error" if errors else "create", values=values, reasons=errors)
        if not errors:
            year = values["birth_year"] or (values["birth_date"].year if values["birth_date"] else None)
            keys = [f"{fold(values['family_name'])} {fold(values['given_name'])} {year or ''}", *values["phones"]]
            earlier = next((seen[key] for key in keys if key in seen), None)
            if earlier:
                row.status = "duplicate"
                row.reasons.append(_("Same person as line %(line)s.") % {"line": earlier})
            else:
                duplicates = find_duplicates(
                    visible,
                    family_name=values["family_name"],
                    given_name=values["given_name"],
                    latin_name=values["latin_name"],
                    birth_year=year,
                    phones=values["phones"],
                    limit=3,
                )
                if duplicates:
                    row.status = "duplicate"
                    row.duplicate_codes = [d.client.code for d in duplicates]
                    row.reasons.append(
                        _("Likely already registered: %(codes)s.") % {"codes": ", ".join(row.duplicate_codes)}
                    )
            for key in keys:
                seen.setdefault(key, line)
        planned.append(row)
    return planned


@transaction.atomic
def run_import(rows: list[dict], *, user) -> list:
    """Create every new client of the file, or none: refused when any row is bad."""
    planned = plan_import(rows, user=user)
    bad = [row for row in planned if row.status == "error"]
    if bad:
        raise ValidationError(_("The file has %(count)s bad rows; fix them and upload it again.") % {"count": len(bad)})
    created = []
    for row in planned:
        if row.status != "create":
            continue
        values = dict(row.values)
        phones = values.pop("phones")
        created.append(client_create(actor=user, phones=phones, consent={"method": ConsentMethod.WRITTEN}, **values))
    return created
