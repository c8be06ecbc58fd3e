"""Referrals on the case timeline (cases owns the page; we register a provider into it)."""

from cases.timeline import TimelineItem
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
