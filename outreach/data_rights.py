"""What outreach adds to a client's data rights: quick contacts that became the client.

Registered with the clients app's extension points in ``OutreachConfig.ready``.
"""

from outreach.models import QuickContact


def export_client_quick_contacts(client) -> dict:
    contacts = QuickContact.objects.filter(client=client).prefetch_related("categories").order_by("at", "pk")
    return {
        "quick_contacts": [
            {
                "at": contact.at.isoformat(),
                "channel": contact.channel,
                "action": contact.action,
                "categories": [category.code for category in contact.categories.all()],
                "note": contact.note,
            }
            for contact in contacts
        ]
    }


def anonymise_client_quick_contacts(client, actor) -> None:
    """The one-line note is free text: once it is linked to a person, it goes with their anonymisation."""
    QuickContact.objects.filter(client=client).update(note="")
