"""Writes to client records. Views, the import, admin actions and seeders all go through these functions."""

from clients.services.consent import (
    CONSENT_SCOPES,
    consent_allows,
    consent_record,
    consent_withdraw,
    current_consent,
)
from clients.services.records import (
    EDITABLE_FIELDS,
    ClientVersionConflict,
    client_assign_staff,
    client_create,
    client_unassign_staff,
    client_update,
    family_member_add,
    family_member_remove,
    next_client_code,
    refresh_derived_fields,
    refresh_restriction,
    vulnerability_refresh_clients,
)
from clients.services.restrictions import may_lift_restriction, restriction_lift_decide, restriction_lift_request

__all__ = [
    "CONSENT_SCOPES",
    "EDITABLE_FIELDS",
    "ClientVersionConflict",
    "client_assign_staff",
    "client_create",
    "client_unassign_staff",
    "client_update",
    "consent_allows",
    "consent_record",
    "consent_withdraw",
    "current_consent",
    "family_member_add",
    "family_member_remove",
    "next_client_code",
    "refresh_derived_fields",
    "may_lift_restriction",
    "refresh_restriction",
    "restriction_lift_decide",
    "restriction_lift_request",
    "vulnerability_refresh_clients",
]
