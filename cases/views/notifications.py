from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cases import selectors
from cases.notifications import notifications_mark_read


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/notification_list.html", {"notifications": selectors.notifications_of(request.user)})


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    notifications_mark_read(user=request.user)
    if request.POST.get("next") == "home":
        return redirect("home")
    return redirect("cases:notifications")
