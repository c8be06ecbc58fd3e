"""The kinds of notice users choose a delivery for. Apps register theirs in ``AppConfig.ready``."""

from dataclasses import dataclass

from django.utils.functional import Promise

from notices.models import Delivery


@dataclass(frozen=True)
class NoticeKind:
    code: str
    label: Promise | str
    default: str = Delivery.IMMEDIATE


_kinds: dict[str, NoticeKind] = {}


def register_kind(code: str, label, *, default: str = Delivery.IMMEDIATE) -> NoticeKind:
    kind = NoticeKind(code, label, default)
    _kinds[code] = kind
    return kind


def notice_kinds() -> list[NoticeKind]:
    return list(_kinds.values())


def default_delivery(code: str) -> str:
    kind = _kinds.get(code)
    return kind.default if kind else Delivery.IMMEDIATE
