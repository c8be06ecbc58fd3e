"""Template filters for translated data and language-aware numbers: ``{% load reference_tags %}``."""

from django import template

from reference.formatting import format_money, format_number
from reference.translation import value_in

register = template.Library()


@register.filter
def translated(obj, field: str) -> str:
    """``{{ office|translated:"address" }}``: a translated field in the active language (Russian fallback)."""
    if obj is None:
        return ""
    return value_in(obj, field)


@register.filter
def in_language(obj, spec: str) -> str:
    """``{{ office|in_language:"name:kk" }}``: a translated field in a given language."""
    if obj is None:
        return ""
    field, _sep, language = spec.partition(":")
    return value_in(obj, field, language or None)


@register.filter
def money(amount) -> str:
    """``{{ case.wages_claimed|money }}`` → ``450 000 ₸`` (ru, kk) or ``KZT 450,000`` (en)."""
    return format_money(amount)


@register.filter
def number(value, decimals=None) -> str:
    """``{{ count|number }}`` with the language's separators."""
    return format_number(value, None if decimals in (None, "") else int(decimals))
