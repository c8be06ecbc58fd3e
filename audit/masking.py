"""Masking of personal values in the audit trail.

django-auditlog's default mask keeps the second half of the value (a phone
number's last digits, half a passport number). The trail must say that a
field changed, never what it was or became, so every character goes.
"""

# The product's one mask: the audit trail, anonymised records and anything else that hides a value.
MASK = "********"


def mask_all(value: str) -> str:
    return MASK if value not in ("", "None") else value
