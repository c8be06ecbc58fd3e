"""Who may do what with a client record. Views and templates ask these same functions."""

from accounts.models import User
from accounts.permissions import can_coordinate, can_manage, works_in_office
from accounts.visibility import is_visible
from clients.models import Client, ClientMerge
from clients.selectors import clients_visible_to


def can_view_client(user: User, client: Client) -> bool:
    """Whether ``client`` is among ``clients_visible_to(user)``: the rule lives in the selector only."""
    return is_visible(client, user, clients_visible_to)


def can_create_client(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.office_id is not None


def can_edit_client(user: User, client: Client) -> bool:
    return not client.is_anonymised and can_view_client(user, client)


def can_manage_client(user: User, client: Client) -> bool:
    """Export, anonymise, see the history: managers only."""
    return can_manage(user) and can_view_client(user, client)


def can_merge_clients(user: User, source: Client, target: Client) -> bool:
    return (
        can_coordinate(user)
        and source.pk != target.pk
        and not source.is_anonymised
        and not target.is_anonymised
        and can_view_client(user, source)
        and can_view_client(user, target)
    )


def can_import_clients(user: User) -> bool:
    return can_coordinate(user) and user.office_id is not None


def can_merge_into(user: User, target: Client) -> bool:
    """May open the merge page of ``target`` (the record that survives)."""
    return can_coordinate(user) and not target.is_anonymised and can_view_client(user, target)


def can_revert_merge(user: User, merge: ClientMerge) -> bool:
    return (
        can_coordinate(user)
        and merge.reverted_at is None
        # Anonymisation erased both records for good: an undo would only bring back an empty shell.
        and not merge.target.is_anonymised
        and can_view_client(user, merge.target)
        and works_in_office(user, merge.source.office_id)
    )
