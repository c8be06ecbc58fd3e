"""Quick contacts: log a call in one POST, see the last ones, turn one into a client."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from clients import permissions as client_permissions
from clients.forms import ClientCreateForm
from clients.models import HowFoundUs
from clients.search import find_duplicates
from clients.selectors import clients_visible_to
from clients.services import client_create
from outreach import permissions, selectors, services
from outreach.forms import QuickContactForm
from outreach.models import ContactChannel
from outreach.views.common import apply_validation_error
from reference.ages import birth_year_range


@login_required
@require_http_methods(["GET", "POST"])
def contacts(request: HttpRequest) -> HttpResponse:
    """The hotline page: the form on top (focus on the channel), the last contacts below."""
    if not permissions.can_log_quick_contact(request.user):
        raise Http404
    form = QuickContactForm(request.POST or None, auto_id="qc_%s")
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.quick_contact_log(actor=request.user, **form.service_values())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Contact %(number)s logged at %(time)s.")
                % {"number": contact.pk, "time": timezone.localtime(contact.at).strftime("%H:%M")},
            )
            # The next call: same channel, the rest fresh (post/redirect/get, so F5 logs nothing twice).
            return redirect(f"{request.path}?channel={contact.channel}")
    if not form.is_bound and request.GET.get("channel") in ContactChannel.values:
        form.initial["channel"] = request.GET["channel"]
    today = timezone.localdate()
    recent = selectors.recent_quick_contacts_of(request.user)
    return render(
        request,
        "outreach/contacts.html",
        {
            "form": form,
            "recent": recent,
            "today_count": selectors.quick_contacts_visible_to(request.user)
            .filter(office_id=request.user.office_id, at__date=today)
            .count(),
            "name_warning": getattr(form, "name_warning", False),
            "can_create_client": client_permissions.can_create_client(request.user),
        },
        status=200 if not form.is_bound or form.is_valid() else 400,
    )


CHANNEL_FOUND_US = {
    ContactChannel.IN_PERSON: HowFoundUs.OUTREACH,
}


def _client_initial(contact) -> dict:
    earliest, latest = birth_year_range(contact.age_band, on=timezone.localtime(contact.at).date())
    initial = {
        "sex": contact.sex or None,
        "citizenship": contact.citizenship_id,
        "languages": [contact.language_id] if contact.language_id else [],
        "found_us_via": CHANNEL_FOUND_US.get(contact.channel, HowFoundUs.HOTLINE),
        "consent_language": contact.language_id,
    }
    if earliest and latest:
        initial["birth_year"] = (earliest + latest) // 2
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def contact_to_client(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Turn into a client": the new-client form pre-filled from the contact; saving links the two."""
    contact = selectors.get_quick_contact_for(request.user, pk)
    if not client_permissions.can_create_client(request.user) or not permissions.can_log_quick_contact(request.user):
        raise Http404
    if contact.client_id:
        messages.info(request, _("This contact already became client %(code)s.") % {"code": contact.client.code})
        return redirect("clients:detail", pk=contact.client_id)
    duplicates = []
    if request.method == "POST":
        form = ClientCreateForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            duplicates = find_duplicates(
                clients_visible_to(request.user),
                family_name=data.get("family_name") or "",
                given_name=data.get("given_name") or "",
                latin_name=data.get("latin_name") or "",
                birth_year=data.get("birth_year") or (data["birth_date"].year if data.get("birth_date") else None),
                phones=data.get("phones") or [],
            )
            if not duplicates or request.POST.get("create_anyway") == "1":
                try:
                    with transaction.atomic():
                        client = client_create(
                            actor=request.user,
                            phones=data["phones"],
                            languages=data["languages"],
                            vulnerabilities=data["vulnerabilities"],
                            consent=form.consent_values(),
                            **form.field_values(),
                        )
                        services.quick_contact_link_client(contact=contact, client=client, actor=request.user)
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(
                        request,
                        _("Client %(code)s created from contact %(number)s.")
                        % {"code": client.code, "number": contact.pk},
                    )
                    return redirect("clients:detail", pk=client.pk)
    else:
        form = ClientCreateForm(initial=_client_initial(contact))
    return render(
        request,
        "clients/form.html",
        {
            "form": form,
            "duplicates": duplicates,
            "creating": True,
            "prefill_note": _(
                "Filled in from quick contact %(number)s: saving links the contact to the new client, "
                "so reports count the person once."
            )
            % {"number": contact.pk},
        },
    )
