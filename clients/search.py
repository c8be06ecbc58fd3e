"""Search by name (any script, typos), phone (any format) or client code, and duplicate detection.

On PostgreSQL names are matched with pg_trgm word similarity over ``Client.search_key``
(GIN-indexed); on SQLite every folded word of the query must occur in the key.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, QuerySet, Value, When

from clients.models import Client, ClientPhone
from clients.phones import normalise_phone, phone_query
from clients.transliteration import fold

CODE = re.compile(r"^[A-Za-z]{2,5}-\d{4}(-\d{1,5})?$|^[A-Za-z]{2,5}-\d{4}-?$")
DIGITS_ONLY = re.compile(r"^[\d\s()+\-.]+$")


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _name_filter(key: str) -> Q:
    """Rows whose search key matches every word of the folded query."""
    condition = Q()
    for word in key.split():
        if _postgres() and len(word) >= 3:
            # %> uses the GIN trigram index; contains catches short prefixes like "abd".
            condition &= Q(search_key__trigram_word_similar=word) | Q(search_key__contains=word)
        else:
            condition &= Q(search_key__contains=word)
    return condition


def _has_phone(**lookup) -> Exists:
    return Exists(ClientPhone.objects.filter(client_id=OuterRef("pk"), **lookup))


def search_clients(clients: QuerySet[Client], query: str) -> QuerySet[Client]:
    """Filter ``clients`` (already scoped by clients_visible_to) by a free-text query."""
    query = (query or "").strip()
    if not query:
        return clients
    if CODE.match(query):
        # Codes are stored in capitals: a case-sensitive prefix can use the index.
        code = query.upper()
        condition = Q(code__startswith=code)
        parts = code.split("-")
        if len(parts) == 3 and parts[2]:
            # "ALA-2026-42" is how a code is said aloud: the stored number has five digits.
            exact = f"{parts[0]}-{parts[1]}-{int(parts[2]):05d}"
            exact_first = Case(When(code=exact, then=Value(0)), default=Value(1))
            return clients.filter(condition | Q(code=exact)).order_by(exact_first, "-created_at", "-id")
        return clients.filter(condition)
    if DIGITS_ONLY.match(query):
        number = phone_query(query)
        if number:
            return clients.filter(_has_phone(number=number))
        digits = re.sub(r"\D", "", query)
        if len(digits) >= 4:
            return clients.filter(_has_phone(number__contains=digits))
        return clients.none()
    key = fold(query)
    if not key:
        return clients.none()
    matched = clients.filter(_name_filter(key))
    if _postgres():
        from django.contrib.postgres.search import TrigramWordSimilarity

        matched = matched.annotate(similarity=TrigramWordSimilarity(key, "search_key")).order_by(
            "-similarity", "-created_at", "-id"
        )
    return matched


@dataclass
class Duplicate:
    client: Client
    reasons: list[str] = field(default_factory=list)


def find_duplicates(
    clients: QuerySet[Client],
    *,
    family_name: str = "",
    given_name: str = "",
    latin_name: str = "",
    birth_year: int | None = None,
    phones: list[str] = (),
    exclude_pk: int | None = None,
    limit: int = 10,
) -> list[Duplicate]:
    """Likely existing records of the same person: the same phone, or a similar name with a compatible birth year."""
    from django.utils.translation import gettext as _

    numbers = set()
    for raw in phones:
        try:
            numbers.add(normalise_phone(raw))
        except ValidationError:
            continue  # the form reports an invalid phone; it cannot match anything
    conditions = Q(pk__in=[])
    if numbers:
        conditions |= Q(_has_phone(number__in=numbers))
    by_name = Q(pk__in=[])
    family_key, given_key = fold(family_name), fold(given_name)
    if family_key and given_key:
        by_name |= _name_filter(f"{family_key} {given_key}")
    latin_key = fold(latin_name)
    if latin_key:
        by_name |= _name_filter(latin_key)
    if birth_year:
        by_name &= Q(birth_year__isnull=True) | Q(birth_year__range=(birth_year - 1, birth_year + 1))
    candidates = clients.filter(conditions | by_name).annotate(
        name_match=Case(When(by_name, then=Value(True)), default=Value(False), output_field=BooleanField())
    )
    if exclude_pk:
        candidates = candidates.exclude(pk=exclude_pk)
    candidates = (
        candidates.select_related("citizenship", "office")
        .prefetch_related("phones")
        .order_by("-created_at", "-id")[:limit]
    )
    result = []
    for client in candidates:
        duplicate = Duplicate(client=client)
        if numbers & {phone.number for phone in client.phones.all()}:
            duplicate.reasons.append(_("same phone"))
        if client.name_match:
            duplicate.reasons.append(_("similar name"))
        if birth_year and client.birth_year == birth_year:
            duplicate.reasons.append(_("same birth year"))
        result.append(duplicate)
    return result
