from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.module_loading import import_string

from ariptes.navigation import sections_for

# Each panel is a function (request) -> dict(template=..., context...) or None.
# Apps add their panels here; the home page shows those that answer.
HOME_PANELS: list[str] = [
    "cases.home.notifications_panel",
    "cases.home.caseworker_panel",
    "reports.home.manager_panel",
    "memorandum.home.coordinator_panel",
    "outreach.home.planned_panel",
    "outreach.home.quarter_panel",
]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    panels = []
    for path in HOME_PANELS:
        panel = import_string(path)(request)
        if panel:
            panels.append(panel)
    return render(
        request,
        "home.html",
        {"sections": sections_for(request.user), "panels": panels},
    )
