"""Reads that depend on who asks. Every list, page, export and panel starts here."""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, prefetch_related_objects
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from accounts.visibility import remember_visible
from cases.models import OPEN_STATUSES, Case, Consultation, ConsultationKind, FollowUp
from cases.permissions import can_read_psych_notes
from clients.models import Client
from clients.selectors import client_visibility, clients_visible_to
from notices.models import Notice
from notices.selectors import notices_of


def cases_visible_to(user: User) -> QuerySet[Case]:
    """Cases of the clients the user may see, in the user's office (managers: every office).

    Built on ``clients_visible_to`` so a restricted client's cases are restricted too.
    """
    if not user.is_authenticated or not user.is_active:
        return Case.objects.none()
    cases = Case.objects.filter(client__in=clients_visible_to(user).values("pk"))
    if not user.sees_all_offices:
        if user.office_id is None:
            return Case.objects.none()
        cases = cases.filter(office_id=user.office_id)
    return cases


def case_visibility(user: User, prefix: str = "") -> Q | None:
    """The rule of ``cases_visible_to`` as a condition on a related case (``prefix``: the path to it, e.g.
    ``"case__"``): lists of things that belong to cases (referrals) join their case and client instead of
    collecting every visible case first. None: nothing visible."""
    condition = client_visibility(user, f"{prefix}client__")
    if condition is None:
        return None
    if not user.sees_all_offices:
        condition &= Q(**{f"{prefix}office_id": user.office_id})
    return condition


def case_list_for(user: User) -> QuerySet[Case]:
    """The case list with what its rows show, newest first, in a fixed number of queries.

    Newest first (not urgent first, as on the home page) so PostgreSQL can walk the
    ``opened_on`` index instead of sorting every case of the office.
    """
    return (
        cases_visible_to(user)
        .select_related("client", "office", "lead", "project")
        .prefetch_related("categories")
        .order_by("-opened_on", "-pk")
    )


def get_case_for(user: User, pk: int) -> Case:
    """One case the user may see, with what its page needs, or 404."""
    try:
        case = (
            cases_visible_to(user)
            .select_related("client", "office", "lead", "project", "language", "updated_by")
            .prefetch_related("categories", "staff")
            .get(pk=pk)
        )
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    remember_visible(case.client, user, clients_visible_to)
    return remember_visible(case, user, cases_visible_to)


def get_case_for_logging(user: User, pk: int) -> Case:
    """A case the user may see, with what logging a consultation on it needs (its staff for the rights), or 404."""
    try:
        case = cases_visible_to(user).select_related("client", "office").prefetch_related("staff").get(pk=pk)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    # It came through the visibility query: the service's own check needs no second query.
    remember_visible(case.client, user, clients_visible_to)
    return remember_visible(case, user, cases_visible_to)


def case_page_for(user: User, pk: int) -> tuple[Case, list[Case]]:
    """The case page's case (or 404) and the client's other cases the user may see, in one query.

    Every visible case of the case's client comes back with what the page shows of it;
    the case itself gets its categories. ``case_people`` adds its staff.
    """
    client_of = Case.objects.filter(pk=pk).values("client_id")[:1]
    try:
        rows = list(
            cases_visible_to(user)
            .filter(client_id=Subquery(client_of))
            .select_related("client", "office", "lead", "project", "language", "updated_by")
            .order_by("-opened_on", "-pk")
        )
    except (ValueError, TypeError):
        raise Http404 from None
    case = next((row for row in rows if row.pk == int(pk)), None)
    if case is None:
        raise Http404
    prefetch_related_objects([case], "categories")
    return case, [row for row in rows if row is not case]


def case_people(case: Case) -> list[User]:
    """Who may be named on the case's forms (active staff of its office), in one query that also
    loads the case's own staff into ``case.staff.all()`` (for the page and the permission checks)."""
    on_case = Case.staff.through.objects.filter(case_id=case.pk, user_id=OuterRef("pk"))
    rows = list(
        User.objects.filter(Q(is_active=True, office_id=case.office_id) | Q(Exists(on_case)))
        .annotate(on_case=Exists(on_case))
        .order_by("last_name", "first_name", "username")
    )
    staff = case.staff.all()  # an unevaluated queryset: it becomes the prefetched list
    staff._result_cache = [user for user in rows if user.on_case]
    staff._prefetch_done = True  # type: ignore[attr-defined]
    case._prefetched_objects_cache = {  # type: ignore[attr-defined]
        **getattr(case, "_prefetched_objects_cache", {}),
        "staff": staff,
    }
    return [user for user in rows if user.is_active and user.office_id == case.office_id]


def consultations_of(case: Case, user: User) -> list[Consultation]:
    """A case's consultations; psychological notes are not even loaded for those who may not read them.

    A psychologist who gave a session without being assigned to the case reads that session only.
    """
    consultations = case.consultations.select_related("given_by", "language")
    if can_read_psych_notes(user, case):
        return list(consultations)
    own_notes = {}
    if user.is_psychologist:
        own_notes = dict(case.consultations.filter(given_by=user).values_list("pk", "psych_notes"))
    shown = []
    for consultation in consultations.defer("psych_notes"):
        if consultation.pk in own_notes:
            consultation.psych_notes = own_notes[consultation.pk]
            shown.append(consultation)
        else:
            shown.append(mask_consultation(consultation))
    return shown


def mask_consultation(consultation: Consultation) -> Consultation:
    """What a reader without the right to psychological notes may see: that a session happened.

    Values are set (to None), so a template touching them cannot lazily load them.
    """
    # The model declares these as text; None here means "not loaded, not shown".
    masked: Any = None
    consultation.psych_notes = masked
    if consultation.kind == ConsultationKind.PSYCHOLOGICAL:
        consultation.summary = masked
        consultation.next_steps = masked
    return consultation


def other_cases_of_client(user: User, case: Case) -> list[Case]:
    return list(
        cases_visible_to(user)
        .filter(client_id=case.client_id)
        .exclude(pk=case.pk)
        .select_related("lead")
        .order_by("-opened_on")
    )


def cases_of_client(user: User, client: Client) -> QuerySet[Case]:
    return cases_visible_to(user).filter(client=client).select_related("lead").prefetch_related("categories")


def _on_case(user: User) -> Q:
    return Q(lead=user) | Q(pk__in=Case.staff.through.objects.filter(user_id=user.pk).values("case_id"))


def open_cases_of(user: User, *, limit: int = 15) -> list[Case]:
    """The user's own open cases, urgent first."""
    return list(
        cases_visible_to(user)
        .filter(_on_case(user), status__in=OPEN_STATUSES)
        .select_related("client")
        .prefetch_related("categories")
        .order_by("-is_urgent", "-opened_on", "-pk")[:limit]
    )


def follow_ups_visible_to(user: User) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(case__in=cases_visible_to(user).values("pk"))


def due_follow_ups_of(user: User, *, limit: int = 15) -> list[FollowUp]:
    """The user's follow-ups due today or overdue, oldest first."""
    return list(
        follow_ups_visible_to(user)
        .filter(assigned_to=user, done=False, due_on__lte=timezone.localdate())
        .select_related("case__client")
        .order_by("due_on", "pk")[:limit]
    )


def recent_consultations_by(user: User, *, limit: int = 10) -> list[Consultation]:
    return list(
        Consultation.objects.filter(given_by=user, case__in=cases_visible_to(user).values("pk"))
        .defer("psych_notes")
        .select_related("case__client")
        .order_by("-started_at", "-pk")[:limit]
    )


def notifications_of(user: User, *, unread_only: bool = False, limit: int = 50) -> list[Notice]:
    return notices_of(user, unread_only=unread_only, limit=limit)


def case_users_for(office_id: int | None) -> QuerySet[User]:
    """Staff who can be assigned to a case of this office."""
    users = User.objects.filter(is_active=True).order_by("last_name", "first_name", "username")
    if office_id is not None:
        users = users.filter(office_id=office_id)
    return users
