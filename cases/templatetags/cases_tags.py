from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def timeline_item(context, item):
    """Render one timeline item with its own context on top of the page's (can, case, csrf...)."""
    with context.push(**item.context):
        return context.template.engine.get_template(item.template).render(context)


@register.filter
def status_badge(status: str) -> str:
    return {
        "open": "text-bg-primary",
        "in_progress": "text-bg-info",
        "waiting": "text-bg-warning",
        "closed": "text-bg-secondary",
    }.get(status, "text-bg-light")


@register.filter
def client_url(client) -> str:
    """The client's page, when the clients app serves one."""
    try:
        return reverse("clients:detail", args=[client.pk])
    except NoReverseMatch:
        return ""
