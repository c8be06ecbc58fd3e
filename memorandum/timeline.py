"""Referrals on the case timeline (cases owns the page; we register a provider into it)."""

from django.utils import timezone

from cases.timeline import TimelineItem
from memorandum.permissions import can_start_referral
from memorandum.selectors import referrals_of_case


def referral_items(case, user) -> list[TimelineItem]:
    """One item per referral, from one query: the case page already checked that ``user`` sees the case.

    Cases has no extension point for buttons, so the "Refer to a partner" button
    rides on the timeline as its newest item, for those who may refer the case.
    """
    items = [
        TimelineItem(
            when=referral.sent_at or referral.created_at,
            template="memorandum/_timeline_item.html",
            context={"referral": referral},
        )
        for referral in referrals_of_case(case)
    ]
    if case.status != "closed" and can_start_referral(user, case):
        items.append(TimelineItem(when=timezone.now(), template="memorandum/_timeline_refer.html", context={}))
    return items
