"""Partner-facing URLs, outside the staff login (mounted at /p/ by ariptes.urls)."""

from django.urls import path

from memorandum import partner_views

app_name = "partner"

urlpatterns = [
    path("<str:token>/", partner_views.page, name="page"),
    path("<str:token>/letter.pdf", partner_views.letter, name="letter"),
    path("<str:token>/<slug:action>/", partner_views.act, name="act"),
]
