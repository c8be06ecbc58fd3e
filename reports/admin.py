from django.contrib import admin

from reports.models import ReportJob


@admin.register(ReportJob)
class ReportJobAdmin(admin.ModelAdmin):
    """Read-only: reports are requested on /reports/ and built by the worker."""

    list_display = ["pk", "period_start", "period_end", "project", "language", "state", "created_by", "created_at"]
    list_filter = ["state", "language"]
    list_select_related = ["project", "created_by"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
