from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from ariptes import health, probes, views

admin.site.site_header = _("Ariptes administration")
admin.site.site_title = _("Ariptes")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("healthz/live", probes.live, name="healthz-live"),
    path("healthz/ready", probes.ready, name="healthz-ready"),
    path("healthz/detail", health.healthz_detail, name="healthz-detail"),
    path("accounts/", include("accounts.urls")),
    path("clients/", include("clients.urls")),
    path("clients/", include("papers.urls")),
    path("cases/", include("cases.urls")),
    path("memorandum/", include("memorandum.urls")),
    path("outreach/", include("outreach.urls")),
    path("reports/", include("reports.urls")),
    path("notices/", include("notices.urls")),
    # The partner's page for one referral, by token: no staff login.
    path("p/", include("memorandum.partner_urls")),
    path("admin/", admin.site.urls),
]

handler400 = "ariptes.errors.bad_request"
handler403 = "ariptes.errors.permission_denied"
handler404 = "ariptes.errors.page_not_found"
handler500 = "ariptes.errors.server_error"
