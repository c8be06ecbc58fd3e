"""The service contract's errors, shared by every app, and the one place views turn them into responses.

Services check the actor's right and raise these typed errors (with a translated message); views
catch ``ServiceError`` and call ``error_status`` / ``add_to_form`` instead of deciding each time.

- ``NotAllowed``: the actor may not do this (403; a record they may not *see* is a 404 earlier).
- ``StaleVersion``: someone else saved the record after the user opened it (409); ``current`` is
  the saved row, ``changes`` what differs, when the service knows.
- ``InvalidTransition``: the record's state does not allow this move now (409).
- anything else: the input is refused (400).
"""

from typing import Any

from django.core.exceptions import ValidationError


class ServiceError(ValidationError):
    """A service refused; the message says why, in the user's language."""


class NotAllowed(ServiceError):
    """The actor's role or relation to the record does not allow this action."""


class InvalidTransition(ServiceError):
    """The record's current state does not allow this move."""


class StaleVersion(ServiceError):
    """Someone saved the record after the user opened it; nothing of the user's was saved."""

    def __init__(
        self, message: Any = "", *, current: Any = None, changes: list[Any] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(message or "The record was changed by someone else.", **kwargs)
        self.current = current
        self.changes = changes or []


def error_status(error: ValidationError) -> int:
    """The HTTP status of a refused action: 403, 409 or 400."""
    if isinstance(error, NotAllowed):
        return 403
    if isinstance(error, StaleVersion | InvalidTransition):
        return 409
    return 400


def add_to_form(form: Any, error: ValidationError) -> None:
    """Show a refusal on ``form``: per field where the service named fields, else above the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
