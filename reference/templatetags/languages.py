from django import template

from reference.languages import AUTONYMS

register = template.Library()


@register.filter
def autonym(code: str) -> str:
    """A language by its own name ("Қазақша"), whatever the page's language."""
    return AUTONYMS.get(code, code)
