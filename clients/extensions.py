"""Extension points through which higher apps (cases, memorandum) plug into client pages.

A higher app registers its providers in its ``AppConfig.ready``; this app never
imports it. Registering the same function twice is harmless.
"""

from collections.abc import Callable, Iterable

from django.http import HttpRequest

# func(request, client) -> {"template": "...", **context} | None
ClientSection = Callable[[HttpRequest, object], dict | None]
# func(since: datetime) -> iterable of client ids with activity at or after ``since``
ActivitySource = Callable[[object], Iterable[int]]

_sections: list[ClientSection] = []
_activity_sources: list[ActivitySource] = []


def register_client_section(func: ClientSection) -> ClientSection:
    """Show a section on the client page, e.g. "cases of this client". Usable as a decorator."""
    if func not in _sections:
        _sections.append(func)
    return func


def client_sections(request: HttpRequest, client) -> list[dict]:
    sections = []
    for func in _sections:
        section = func(request, client)
        if section:
            sections.append(section)
    return sections


def register_activity_source(func: ActivitySource) -> ActivitySource:
    """Tell the inactive-clients review which clients had activity elsewhere (consultations...)."""
    if func not in _activity_sources:
        _activity_sources.append(func)
    return func


def active_client_ids(since) -> set[int]:
    ids: set[int] = set()
    for func in _activity_sources:
        ids.update(func(since))
    return ids


# func(client) -> {"key": json-ready data}: added to the subject-access export (cases adds its cases).
ExportSection = Callable[[object], dict]
# func(client, actor) -> None: erase the personal data another app holds about an anonymised client.
Anonymiser = Callable[[object, object], None]

_export_sections: list[ExportSection] = []
_anonymisers: list[Anonymiser] = []


def register_export_section(func: ExportSection) -> ExportSection:
    if func not in _export_sections:
        _export_sections.append(func)
    return func


def export_sections(client) -> dict:
    data: dict = {}
    for func in _export_sections:
        data.update(func(client) or {})
    return data


def register_anonymiser(func: Anonymiser) -> Anonymiser:
    if func not in _anonymisers:
        _anonymisers.append(func)
    return func


def run_anonymisers(client, actor) -> None:
    for func in _anonymisers:
        func(client, actor)


# Extra parts of the intake forms (new client, new case) that a higher app owns, e.g. "referred to us by".
# ``form_class(data, prefix=...)`` renders with ``template``; ``save(form, client=, case=, actor=)`` runs in the
# same transaction as the client (or case) it belongs to, after it is created.
class IntakePart:
    def __init__(self, *, key: str, form_class, template: str, save: Callable) -> None:
        self.key, self.form_class, self.template, self.save = key, form_class, template, save


_intake_parts: list[IntakePart] = []


def register_intake_part(part: IntakePart) -> IntakePart:
    if all(existing.key != part.key for existing in _intake_parts):
        _intake_parts.append(part)
    return part


def intake_forms(data=None) -> list[tuple[IntakePart, object]]:
    """One bound (or blank) form per registered part, prefixed with the part's key."""
    return [(part, part.form_class(data, prefix=part.key)) for part in _intake_parts]


def intake_forms_valid(forms) -> bool:
    results = [form.is_valid() for _part, form in forms]  # every form validated, so each shows its errors
    return all(results)


def intake_forms_save(forms, *, client, actor, case=None) -> None:
    for part, form in forms:
        part.save(form, client=client, case=case, actor=actor)
