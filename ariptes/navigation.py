"""The navigation bar: one entry per section, shown only to roles that may open it.

Apps own their permission functions; the project package wires them together
here because it is the only place allowed to import every app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from accounts.permissions import can_coordinate, can_manage


def _staff(user) -> bool:
    return user.is_authenticated and (user.office_id is not None or user.sees_all_offices)


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    url_name: str
    visible: Callable
    prefix: str


SECTIONS = [
    Section("clients", _("Clients"), "clients:list", _staff, "/clients/"),
    Section("cases", _("Cases"), "cases:list", _staff, "/cases/"),
    Section("referrals", _("Referrals"), "memorandum:referral-board", can_coordinate, "/memorandum/referrals/"),
    Section("memorandum", _("Memorandum"), "memorandum:index", _staff, "/memorandum/"),
    Section("outreach", _("Outreach"), "outreach:list", _staff, "/outreach/"),
    Section("reports", _("Reports"), "reports:list", can_manage, "/reports/"),
]


def sections_for(user) -> list[dict]:
    items = []
    for section in SECTIONS:
        if not section.visible(user):
            continue
        try:
            url = reverse(section.url_name)
        except NoReverseMatch:
            continue  # the app does not serve this section (yet)
        items.append({"key": section.key, "label": section.label, "url": url, "prefix": section.prefix})
    return items


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_sections": []}
    sections = sections_for(user)
    # The longest matching prefix wins: /memorandum/referrals/ is Referrals, not Memorandum.
    matching = [s for s in sections if request.path.startswith(s["prefix"])]
    if matching:
        max(matching, key=lambda s: len(s["prefix"]))["active"] = True
    return {"nav_sections": sections}
