"""Referrals on the case page (cases owns it; we register into its extension points)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from cases.models import CaseStatus
from cases.timeline import TimelineItem
from memorandum.permissions import can_start_referral
from memorandum.selectors import referrals_of_case


def referral_items(case, user) -> list[TimelineItem]:
    """One item per referral, from one query: the case page already checked that ``user`` sees the case."""
    return [
        TimelineItem(
            when=referral.sent_at or referral.created_at,
            template="memorandum/_timeline_item.html",
            context={"referral": referral},
        )
        for referral in referrals_of_case(case)
    ]


def refer_action(request, case) -> dict | None:
    """The "Refer to a partner" button in the case page's header, for those who may refer the case."""
    if case.status == CaseStatus.CLOSED or not can_start_referral(request.user, case):
        return None
    return {
        "label": _("Refer to a partner"),
        "url": reverse("memorandum:referral-new") + f"?case={case.pk}",
        "testid": "refer-case",
    }
