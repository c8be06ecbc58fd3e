"""Who may print what for a client: the client pages' own rules, asked once here."""

from accounts.models import User
from clients.models import Client
from clients.permissions import can_edit_client, can_manage_client, can_view_client


def can_print_papers(user: User, client: Client) -> bool:
    return can_view_client(user, client) and not client.is_anonymised


def can_record_signed_consent(user: User, client: Client) -> bool:
    return can_edit_client(user, client)


def can_print_data_export(user: User, client: Client) -> bool:
    """Like the subject-access export of the clients app: managers only."""
    return can_manage_client(user, client) and not client.is_anonymised
