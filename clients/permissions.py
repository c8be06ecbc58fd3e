"""Who may do what with a client record. Views and templates ask these same functions."""

from accounts.permissions import can_coordinate, can_manage, works_in_office
from clients.models import Client


def _is_assigned(user, client: Client) -> bool:
    return client.assigned_staff.filter(pk=user.pk).exists()


def can_view_client(user, client: Client) -> bool:
    """Office scope, then the restricted rule: restricted records only to assigned staff and managers."""
    if not works_in_office(user, client.office_id) or client.merged_into_id is not None:
        return False
    if client.is_restricted and not user.is_manager:
        return _is_assigned(user, client)
    return True


def can_create_client(user) -> bool:
    return user.is_authenticated and user.is_active and user.office_id is not None


def can_edit_client(user, client: Client) -> bool:
    return not client.is_anonymised and can_view_client(user, client)


def can_manage_client(user, client: Client) -> bool:
    """Export, anonymise, see the history: managers only."""
    return can_manage(user) and can_view_client(user, client)


def can_merge_clients(user, source: Client, target: Client) -> bool:
    return (
        can_coordinate(user)
        and source.pk != target.pk
        and not source.is_anonymised
        and not target.is_anonymised
        and can_view_client(user, source)
        and can_view_client(user, target)
    )


def can_import_clients(user) -> bool:
    return can_coordinate(user) and user.office_id is not None


def can_merge_into(user, target: Client) -> bool:
    """May open the merge page of ``target`` (the record that survives)."""
    return can_coordinate(user) and not target.is_anonymised and can_view_client(user, target)


def can_revert_merge(user, merge) -> bool:
    return (
        can_coordinate(user)
        and merge.reverted_at is None
        # Anonymisation erased both records for good: an undo would only bring back an empty shell.
        and not merge.target.is_anonymised
        and can_view_client(user, merge.target)
        and works_in_office(user, merge.source.office_id)
    )
