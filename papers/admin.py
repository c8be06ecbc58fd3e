from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from papers.models import PaperText


@admin.register(PaperText)
class PaperTextAdmin(admin.ModelAdmin):
    list_display = ["kind", "language", "title", "reviewed_by", "reviewed_on", "updated_at"]
    list_filter = ["kind", "language", ("reviewed_on", admin.EmptyFieldListFilter)]
    search_fields = ["title", "body", "reviewed_by"]
    fields = ["kind", "language", "title", "body", "reviewed_by", "reviewed_on"]
    readonly_fields = []

    def get_readonly_fields(self, request, obj=None):
        return ["kind", "language"] if obj else []

    def save_model(self, request, obj, form, change):
        # A changed text is a new text: its old review no longer vouches for it, unless given again.
        text_changed = {"title", "body"} & set(form.changed_data)
        review_changed = {"reviewed_by", "reviewed_on"} & set(form.changed_data)
        if change and text_changed and not review_changed:
            obj.reviewed_by, obj.reviewed_on = "", None
        obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)
        if change and text_changed and not review_changed:
            self.message_user(
                request, _("The text changed, so it is marked as not reviewed until a native speaker confirms it.")
            )
