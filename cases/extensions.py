"""Extension points of the case page for higher apps (memorandum), registered in their ``AppConfig.ready``.

The timeline has its own: ``cases.timeline.register_provider``.
"""

from collections.abc import Callable

from django.http import HttpRequest

# func(request, case) -> {"label": str, "url": str, "testid": str} | None: a button in the case page's header.
CaseAction = Callable[[HttpRequest, object], dict | None]

_actions: list[CaseAction] = []


def register_case_action(func: CaseAction) -> CaseAction:
    """Add a button to the case page (e.g. "Refer to a partner"). Registering twice is harmless."""
    if func not in _actions:
        _actions.append(func)
    return func


def case_actions(request: HttpRequest, case) -> list[dict]:
    actions = []
    for func in _actions:
        action = func(request, case)
        if action:
            actions.append(action)
    return actions
