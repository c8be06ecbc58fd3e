"""Audit trail: who changed or looked at which record, and when.

Built on django-auditlog (one table, JSON diffs, access entries, field
masking). Apps register their models with one line in ``AppConfig.ready``::

    audit.register(Client, mask=["phone"], m2m=["languages"])

and record a view of personal data with ``audit.record_access(actor=user, instance=client)``.
"""


def register(model, **kwargs):
    from audit.registry import register as _register

    return _register(model, **kwargs)


def record_access(**kwargs):
    from audit.services import record_access as _record_access

    return _record_access(**kwargs)


def record_action(**kwargs):
    from audit.services import record_action as _record_action

    return _record_action(**kwargs)


def record_bulk_access(**kwargs):
    from audit.services import record_bulk_access as _record_bulk_access

    return _record_bulk_access(**kwargs)


def scrub_personal_values(**kwargs):
    from audit.services import scrub_personal_values as _scrub

    return _scrub(**kwargs)
