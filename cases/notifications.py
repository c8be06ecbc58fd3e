"""Notices to staff about cases, through the notices app. No client names: case numbers and client codes only."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from cases.models import Case
from notices.kinds import register_kind
from notices.models import Notice
from notices.services import notice_send, notices_mark_read

KIND_CASE_ASSIGNED = register_kind("case_assigned", _("A case was assigned to me")).code
KIND_CASE_STATUS = register_kind("case_status", _("A case of mine changed status")).code
KIND_FOLLOW_UP = register_kind("follow_up", _("A follow-up was given to me")).code


def case_subject(case: Case) -> str:
    return f"case:{case.pk}"


def case_url(case: Case) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("cases:detail", args=[case.pk])


def notify(
    *,
    recipient: User,
    case: Case | None,
    message,
    params: dict | None = None,
    actor: User | None = None,
    kind: str = KIND_CASE_STATUS,
) -> Notice | None:
    """Tell ``recipient`` about a case (see ``notices.services.notice_send``).

    ``message`` is a lazy translatable string with ``%(name)s`` placeholders filled from ``params``;
    both are stored and rendered in the reader's language when shown or mailed.
    """
    return notice_send(
        recipient=recipient,
        kind=kind,
        message=message,
        params=params,
        subject=case_subject(case) if case is not None else "",
        url=reverse("cases:detail", args=[case.pk]) if case is not None else "",
        actor=actor,
    )


def notifications_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    return notices_mark_read(user=user, ids=ids)
