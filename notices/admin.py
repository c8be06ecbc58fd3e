from django.contrib import admin

from notices.models import Notice, NoticePreference, OutgoingMail


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


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["pk", "recipient", "kind", "subject", "count", "delivery", "updated_at", "read_at"]
    list_filter = ["kind", "delivery"]
    fields = ["recipient", "kind", "subject", "url", "count", "delivery", "mailed_count", "created_at", "read_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(NoticePreference)
class NoticePreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "delivery"]
    list_filter = ["kind", "delivery"]
