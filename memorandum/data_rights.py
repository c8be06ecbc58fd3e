"""What memorandum adds to a client's data rights: who their data went to, and erasure.

Registered with the clients app's extension points in ``MemorandumConfig.ready``.
"""

from django.db import transaction

import audit
from audit.masking import MASK
from memorandum.models import Referral, ReferralEvent

# Free text that may describe the client; partners, states, dates and the list of shared items stay for reports.
FREE_TEXT = ["request", "client_needs", "decline_reason", "result", "closing_note", "consent_override_reason"]


def export_client_referrals(client) -> dict:
    """For a subject-access export: each referral, the partner it went to, and which data it carried."""
    referrals = (
        Referral.objects.filter(case__client=client)
        .select_related("partner", "case")
        .prefetch_related("categories")
        .order_by("created_at", "pk")
    )
    return {
        "referrals": [
            {
                "reference": referral.reference,
                "case": referral.case.number,
                "partner": referral.partner.name_ru,
                "partner_kind": referral.partner.kind,
                "state": referral.state,
                "sent_at": referral.sent_at.isoformat() if referral.sent_at else None,
                "answered_at": referral.answered_at.isoformat() if referral.answered_at else None,
                "data_shared": ["client_code", *referral.shared_data] if referral.sent_at else [],
                "categories": [category.code for category in referral.categories.all()],
                "request": referral.request,
                "client_needs": referral.client_needs,
                "result": referral.result,
                "decline_reason": referral.decline_reason,
                "sent_without_consent": bool(referral.consent_override_reason),
            }
            for referral in referrals
        ]
    }


def anonymise_client_referrals(client, actor) -> None:
    """Erase the free text and the stored letters of the client's referrals (and their copies in the audit trail)."""
    referrals = Referral.objects.filter(case__client=client)
    letters = list(referrals.exclude(letter="").values_list("letter", flat=True))
    ids = list(referrals.values_list("pk", flat=True))
    referrals.update(letter="", letter_is_final=False, **dict.fromkeys(FREE_TEXT, MASK))
    ReferralEvent.objects.filter(referral_id__in=ids).update(note="")
    audit.scrub_personal_values(model=Referral, object_ids=ids, fields=FREE_TEXT)
    storage = Referral._meta.get_field("letter").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in letters])


def client_ids_with_referral_activity(since) -> set[int]:
    """For the inactive-records review: clients whose referrals moved since ``since``."""
    return set(ReferralEvent.objects.filter(at__gte=since).values_list("referral__case__client_id", flat=True))
