"""Reads of memorandum data. Every read of referrals starts from ``referrals_visible_to``."""

import uuid
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Case as When_
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from cases.models import Case
from cases.selectors import case_visibility
from memorandum.incoming import incoming_counts
from memorandum.models import (
    AWAITING_ANSWER_STATES,
    Commitment,
    Memorandum,
    Partner,
    PartnerContact,
    PartnerKind,
    Referral,
    ReferralEvent,
    ReferralState,
    Signatory,
)


def referrals_visible_to(user: User) -> QuerySet[Referral]:
    """A referral is visible exactly when its case is (``cases_visible_to``'s rule, joined through the
    referral's case and client: the board reads referrals, never the list of every visible case)."""
    condition = case_visibility(user, "case__")
    if condition is None:
        return Referral.objects.none()
    return Referral.objects.filter(condition)


def get_referral_for(user: User, pk: int | str) -> Referral:
    try:
        return (
            referrals_visible_to(user)
            .select_related(
                "case__client__citizenship",
                "case__office",
                "partner",
                "created_by",
                "sent_by",
                "consent_override_by",
                "resent_from",
            )
            .get(pk=pk)
        )
    except (Referral.DoesNotExist, ValueError):
        raise Http404 from None


def with_overdue(queryset: QuerySet[Referral]) -> QuerySet[Referral]:
    today = timezone.localdate()
    return queryset.annotate(
        overdue=When_(
            When(state__in=AWAITING_ANSWER_STATES, due_on__lt=today, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


# The board lists states in the order a coordinator works through them.
BOARD_STATE_ORDER = [
    ReferralState.SENT,
    ReferralState.ACKNOWLEDGED,
    ReferralState.ACCEPTED,
    ReferralState.DRAFT,
    ReferralState.DECLINED,
    ReferralState.COMPLETED,
    ReferralState.CLOSED_NO_ANSWER,
    ReferralState.WITHDRAWN,
]
BOARD_DEFAULT_STATES = [ReferralState.SENT, ReferralState.ACKNOWLEDGED, ReferralState.ACCEPTED, ReferralState.DRAFT]


def _board_order(queryset: QuerySet[Referral]) -> QuerySet[Referral]:
    """Overdue first, then by state in working order, then by due date."""
    state_rank = When_(
        *[When(state=state, then=Value(rank)) for rank, state in enumerate(BOARD_STATE_ORDER)],
        output_field=IntegerField(),
    )
    return (
        with_overdue(queryset)
        .annotate(state_rank=state_rank)
        .order_by("-overdue", "state_rank", F("due_on").asc(nulls_last=True), "-created_at", "-pk")
    )


def board_referrals(user: User, *, states: list[str]) -> QuerySet[Referral]:
    """Overdue first, then by state in working order, then by due date (the whole list, for exports)."""
    return _board_order(referrals_visible_to(user).filter(state__in=states)).select_related(
        "case__client", "partner", "created_by"
    )


BOARD_WINDOW_MIN = 200
BOARD_WINDOW_FACTOR = 4  # a window holds this many times the rows it must fill


class BoardRows:
    """The board's rows as a sequence a Paginator slices, without sorting every visible referral.

    A slice first takes the referrals in board order from the referral table alone (a window a few
    times the rows it needs), then keeps those the user may see (joined through their case and
    client) in the same order; a window that held too few visible rows is widened and read again.
    The rows read scale with the page asked for, not with the cases or referrals the user may see.
    """

    def __init__(self, user: User, states: list[str], count: int) -> None:
        self.user, self.states, self.count = user, states, count

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, item: slice) -> list[Referral]:
        start, stop = item.start or 0, item.stop or self.count
        wanted = stop - start
        in_states = Referral.objects.filter(state__in=self.states)
        window = max(BOARD_WINDOW_FACTOR * stop, BOARD_WINDOW_MIN)
        while True:
            candidates = _board_order(in_states).values("pk")[:window]
            rows = list(board_referrals(self.user, states=self.states).filter(pk__in=candidates)[start:stop])
            if len(rows) >= wanted or window >= in_states.count():
                return rows
            window *= 4


def board_counts(user: User) -> dict[str, int]:
    """Referrals the user may see, per state; kept in the cache until a referral, case or client changes."""
    key = f"board-counts:{_version()}:{user.pk}:{user.office_id}:{user.role}"
    counts: dict[str, int] | None = cache.get(key)
    if counts is None:
        rows = referrals_visible_to(user).values("state").annotate(n=Count("id")).order_by()
        found = {row["state"]: row["n"] for row in rows}
        counts = {state: found.get(state, 0) for state in BOARD_STATE_ORDER}
        cache.set(key, counts, BOARD_COUNTS_SECONDS)
    return counts


BOARD_COUNTS_SECONDS = 300
_VERSION_KEY = "board-counts-version"


def _version() -> str:
    version: str | None = cache.get(_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(_VERSION_KEY, version, None)
        version = cache.get(_VERSION_KEY, version)
    return str(version)


def board_counts_stale(**kwargs: Any) -> None:
    """A referral, or the visibility of one (its case, its client, a restricted client's staff), changed."""
    cache.set(_VERSION_KEY, uuid.uuid4().hex, None)


def referrals_of_case(case: Case) -> list[Referral]:
    """All referrals of one case, with their partners, in one query (for the case timeline)."""
    return list(Referral.objects.filter(case=case).select_related("partner", "sent_by").order_by("created_at"))


@dataclass
class PartnerFigures:
    referred: int = 0
    accepted: int = 0
    completed: int = 0
    median_days: float | None = None
    # Clients the partner referred to us (the other direction).
    incoming: int = 0


def partner_figures() -> dict[int, PartnerFigures]:
    """Per partner: referrals sent, accepted (even if later completed or withdrawn), completed, median days to answer.

    Aggregates over every office: counts of referrals single out no client. Two
    queries whatever the data: one grouped count, one that finds the middle
    answer times with window functions (the same SQL on SQLite and PostgreSQL,
    which has no MEDIAN aggregate in common).
    """
    # Accepted by the partner, whatever happened next (completed, or withdrawn by us afterwards).
    was_accepted = Exists(ReferralEvent.objects.filter(referral_id=OuterRef("pk"), to_state=ReferralState.ACCEPTED))
    counts = (
        Referral.objects.filter(sent_at__isnull=False)
        .values("partner_id")
        .annotate(
            referred=Count("id"),
            accepted=Count(
                "id", filter=Q(state__in=[ReferralState.ACCEPTED, ReferralState.COMPLETED]) | Q(was_accepted)
            ),
            completed=Count("id", filter=Q(state=ReferralState.COMPLETED)),
        )
        .order_by()
    )
    figures = {row["partner_id"]: PartnerFigures(row["referred"], row["accepted"], row["completed"]) for row in counts}
    # The middle row (odd count) or the two middle rows (even count) of each
    # partner's answer times: 2 * position lies between n and n + 2.
    middle = (
        Referral.objects.filter(answer_days__isnull=False)
        .annotate(
            position=Window(RowNumber(), partition_by=[F("partner_id")], order_by=[F("answer_days"), F("id")]),
            total=Window(Count("id"), partition_by=[F("partner_id")]),
        )
        .annotate(double_position=F("position") * 2, total_plus_two=F("total") + 2)
        .filter(double_position__gte=F("total"), double_position__lte=F("total_plus_two"))
        .values_list("partner_id", "answer_days")
    )
    middles: dict[int, list[int]] = {}
    for partner_id, days in middle:
        if days is not None:
            middles.setdefault(partner_id, []).append(days)
    for partner_id, values in middles.items():
        figures.setdefault(partner_id, PartnerFigures()).median_days = sum(values) / len(values)
    return figures


def memorandum_page_data() -> dict[str, Any]:
    """Everything /memorandum/ shows, in a fixed number of queries."""
    memoranda = list(
        Memorandum.objects.prefetch_related(
            Prefetch(
                "signatories",
                queryset=Signatory.objects.select_related("partner").prefetch_related(
                    Prefetch("commitments", queryset=Commitment.objects.order_by("ordering", "id"))
                ),
            )
        )
    )
    partners = list(
        Partner.objects.filter(is_active=True)
        .select_related("region")
        .prefetch_related(
            "categories",
            Prefetch("contacts", queryset=PartnerContact.objects.filter(is_active=True)),
        )
    )
    figures = partner_figures()
    incoming = incoming_counts()
    for partner in partners:
        partner.figures = figures.get(partner.pk, PartnerFigures())  # type: ignore[attr-defined]
        partner.figures.incoming = incoming.get(partner.pk, 0)  # type: ignore[attr-defined]
    # Kinds in the order the memorandum lists them, not alphabetically by code.
    rank = {kind: number for number, kind in enumerate(PartnerKind.values)}
    partners.sort(key=lambda partner: (rank.get(partner.kind, 99), partner.name))
    for memorandum in memoranda:
        memorandum.signatory_list = sorted(  # type: ignore[attr-defined]
            memorandum.signatories.all(), key=lambda s: (rank.get(s.partner.kind, 99), s.partner.name)
        )
    return {"memoranda": memoranda, "partners": partners}
