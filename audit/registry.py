from collections.abc import Iterable

from auditlog.registry import auditlog
from django.db import models


def register(
    model: type[models.Model],
    *,
    exclude: Iterable[str] = (),
    mask: Iterable[str] = (),
    m2m: Iterable[str] = (),
) -> None:
    """Record every create, update and delete of ``model``.

    ``mask`` lists personal fields whose values must not be readable in the
    audit trail (the entry says the field changed, not what it became).
    """
    auditlog.register(
        model,
        exclude_fields=[*exclude, "version", "search_key"],
        mask_fields=list(mask),
        m2m_fields=set(m2m),
    )
