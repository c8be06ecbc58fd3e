"""Notices are stored as message ids and parameters; this renders them in the active language.

A parameter may itself be translatable (a status label): it is stored as ``{"_m": msgid, "_c": context}``
and translated when shown. Dates are stored as ``{"_d": "2026-11-29"}`` and formatted per language.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext


def message_key(message) -> tuple[str, str]:
    """The msgid (and context) of a lazy translatable string, or a plain string taken as its own msgid."""
    if isinstance(message, Promise):
        args = getattr(message, "_args", ())
        if len(args) == 1 and isinstance(args[0], str):
            return args[0], ""
        if len(args) == 2 and all(isinstance(arg, str) for arg in args):  # pgettext_lazy(context, message)
            return args[1], args[0]
        return str(message), ""
    return str(message), ""


def freeze(value):
    """A parameter as JSON that can be rendered later in any language."""
    if isinstance(value, Promise):
        msgid, context = message_key(value)
        return {"_m": msgid, "_c": context} if context else {"_m": msgid}
    if isinstance(value, datetime):
        return {"_t": value.isoformat()}
    if isinstance(value, date):
        return {"_d": value.isoformat()}
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    return str(value)


def thaw(value):
    if isinstance(value, dict):
        if "_m" in value:
            return _translate(value["_m"], value.get("_c", ""))
        if "_d" in value:
            return formats.date_format(date.fromisoformat(value["_d"]), "SHORT_DATE_FORMAT")
        if "_t" in value:
            return formats.date_format(datetime.fromisoformat(value["_t"]), "SHORT_DATETIME_FORMAT")
    return value


def _translate(msgid: str, context: str = "") -> str:
    return pgettext(context, msgid) if context else gettext(msgid)


def make_line(message, params: dict | None, at: datetime) -> dict:
    msgid, context = message_key(message)
    line = {"m": msgid, "p": {key: freeze(value) for key, value in (params or {}).items()}, "at": at.isoformat()}
    if context:
        line["c"] = context
    return line


def render_line(line: dict) -> str:
    text = _translate(line.get("m", ""), line.get("c", ""))
    params = {key: thaw(value) for key, value in (line.get("p") or {}).items()}
    try:
        return text % params if params else text
    except (KeyError, TypeError, ValueError):
        # A translation with a broken placeholder must not hide the notice: fall back to the msgid.
        return line.get("m", "") % params if params else line.get("m", "")
