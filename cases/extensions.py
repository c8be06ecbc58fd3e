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


class CloseQuestion:
    """A question closing a case must answer, asked by a higher app (memorandum: "withdraw the open referrals?").

    ``key`` names the form field; ``items`` say what it is about (e.g. referral numbers); ``choices`` are
    (value, label) pairs. ``apply(case, answer, actor)`` runs in the closing transaction, after the case
    is closed; it may raise ``ValidationError`` to refuse the closing.
    """

    def __init__(self, *, key: str, label, items: list[str], choices: list[tuple[str, object]], apply: Callable):
        self.key, self.label, self.items, self.choices, self.apply = key, label, items, choices, apply


# func(case) -> CloseQuestion | None
BeforeClose = Callable[[object], "CloseQuestion | None"]
_before_close: list[BeforeClose] = []


def register_before_close(func: BeforeClose) -> BeforeClose:
    if func not in _before_close:
        _before_close.append(func)
    return func


def close_questions(case) -> list[CloseQuestion]:
    questions = []
    for func in _before_close:
        question = func(case)
        if question is not None:
            questions.append(question)
    return questions
