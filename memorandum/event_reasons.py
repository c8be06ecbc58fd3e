"""Reasons this app gives a case's status events (see cases.event_reasons): keys and their texts."""

from django.utils.translation import gettext_lazy as _

REFERRAL_SENT = "memorandum.referral_sent"
REFERRAL_CLOSED = "memorandum.referral_closed"

CASE_EVENT_REASONS = {
    REFERRAL_SENT: _("Referral %(reference)s sent to a partner"),
    REFERRAL_CLOSED: _("Referral %(reference)s is closed"),
}
