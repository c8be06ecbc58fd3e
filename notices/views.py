from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from notices import selectors, services
from notices.models import Delivery


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    """Each user chooses, per kind of notice: in the app only, e-mail at once, or the daily digest."""
    rows = selectors.notice_preferences_of(request.user)
    context = {"rows": rows, "deliveries": Delivery.choices}
    if request.method == "POST":
        choices = {kind.code: request.POST.get(f"kind-{kind.code}", "") for kind, _current in rows}
        if any(value not in Delivery.values for value in choices.values()):
            messages.error(request, _("Choose how to receive each kind of notice."))
            return render(request, "notices/preferences.html", context, status=400)
        services.notice_preferences_set(user=request.user, choices=choices)
        messages.success(request, _("Your notice settings are saved."))
        return redirect("notices:preferences")
    return render(request, "notices/preferences.html", context)
