from django.contrib import admin

from notices.models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["pk", "to", "state", "attempts", "tag", "created_at", "sent_at"]
    list_filter = ["state"]
    search_fields = ["to", "tag"]
    # The body is never shown: it is read only by its recipient.
    fields = ["to", "subject", "tag", "state", "attempts", "last_error", "created_at", "next_attempt_at", "sent_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
