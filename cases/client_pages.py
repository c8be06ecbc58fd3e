"""What cases add to the clients app: a section on the client page and document items on the timeline."""

from django.http import HttpRequest
from django.urls import reverse

from cases.permissions import can_open_case
from cases.selectors import cases_of_client
from cases.timeline import TimelineItem
from clients.models import ClientDocument


def client_cases_section(request: HttpRequest, client) -> dict:
    """ "Cases of this client", registered with clients.extensions.register_client_section."""
    cases = list(cases_of_client(request.user, client).order_by("-opened_on", "-pk"))
    return {
        "template": "cases/_client_cases.html",
        "client": client,
        "client_cases": cases,
        "can_open_case": can_open_case(request.user),
    }


def client_documents(case, user) -> list[TimelineItem]:
    """The client's documents uploaded since the case was opened, in one query."""
    documents = ClientDocument.objects.filter(client_id=case.client_id, uploaded_at__date__gte=case.opened_on)
    return [
        TimelineItem(
            when=document.uploaded_at,
            template="cases/timeline/_document.html",
            context={
                "document": document,
                "document_url": reverse("clients:document-download", args=[case.client_id, document.pk]),
            },
        )
        for document in documents.select_related("uploaded_by")
    ]
