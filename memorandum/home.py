"""The coordinator's panel on the home page (listed in ariptes.views.HOME_PANELS)."""

from django.http import HttpRequest
from django.utils import timezone

from memorandum import permissions, selectors
from memorandum.models import AWAITING_ANSWER_STATES, ReferralState


def coordinator_panel(request: HttpRequest) -> dict | None:
    """Overdue referrals to chase and caseworkers' drafts to approve, in two queries."""
    user = request.user
    if not permissions.can_see_referral_board(user):
        return None
    visible = selectors.referrals_visible_to(user)
    overdue = list(
        visible.filter(state__in=AWAITING_ANSWER_STATES, due_on__lt=timezone.localdate())
        .select_related("partner", "case__client")
        .order_by("due_on", "pk")[:10]
    )
    drafts = visible.filter(state=ReferralState.DRAFT).count()
    return {"template": "memorandum/home/_coordinator_panel.html", "overdue": overdue, "drafts": drafts}
