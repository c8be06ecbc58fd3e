"""One Bootstrap 5 form field in a few microseconds: the case page's forms without crispy's layout work.

``{% load bootstrap_fields %}{% field form.summary %}`` gives the markup
``|as_crispy_field`` gives (label, widget with Bootstrap classes, errors, help
text), built in Python instead of through crispy's nested templates, which cost
about a millisecond per field on every case page and every consultation logged.
"""

from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


def _widget_class(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select) and not isinstance(widget, forms.SelectMultiple):
        return "form-select"
    if isinstance(widget, forms.SelectMultiple):
        return "form-select"
    return "form-control"


@register.simple_tag
def field(bound: forms.BoundField):
    widget = bound.field.widget
    css = _widget_class(widget)
    if bound.errors:
        css += " is-invalid"
    existing = widget.attrs.get("class")
    rendered = bound.as_widget(attrs={"class": f"{existing} {css}" if existing else css})
    errors = format_html_join(
        "", '<div class="invalid-feedback d-block"><strong>{}</strong></div>', ((e,) for e in bound.errors)
    )
    help_text = format_html('<div class="form-text">{}</div>', bound.help_text) if bound.help_text else ""
    required = mark_safe('<span class="asteriskField">*</span>') if bound.field.required else ""
    if isinstance(widget, forms.CheckboxInput):
        return format_html(
            '<div id="div_{}" class="mb-2 form-check">{}'
            '<label for="{}" class="form-check-label">{}{}</label>{}{}</div>',
            bound.auto_id,
            rendered,
            bound.id_for_label,
            bound.label,
            required,
            errors,
            help_text,
        )
    return format_html(
        '<div id="div_{}" class="mb-2"><label for="{}" class="form-label{}">{}{}</label>{}{}{}</div>',
        bound.auto_id,
        bound.id_for_label,
        " requiredField" if bound.field.required else "",
        bound.label,
        required,
        rendered,
        errors,
        help_text,
    )
