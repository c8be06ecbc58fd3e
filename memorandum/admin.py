from django.contrib import admin

from memorandum.models import Commitment, Memorandum, Partner, PartnerContact, Referral, Signatory


class PartnerContactInline(admin.TabularInline):
    model = PartnerContact
    extra = 0
    fields = ["name", "position", "phone", "email", "is_active"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name_ru", "kind", "region", "response_days", "is_active"]
    list_filter = ["kind", "is_active", "region"]
    search_fields = ["name_ru", "name_kk", "name_en", "code"]
    filter_horizontal = ["categories"]
    fields = [
        "code",
        "name_ru",
        "name_kk",
        "name_en",
        "kind",
        "region",
        "categories",
        "address",
        "response_days",
        "is_active",
    ]
    inlines = [PartnerContactInline]


class SignatoryInline(admin.TabularInline):
    model = Signatory
    extra = 0
    fields = ["partner", "signed_by"]
    show_change_link = True


@admin.register(Memorandum)
class MemorandumAdmin(admin.ModelAdmin):
    list_display = ["title", "signed_on", "valid_until"]
    fields = ["title", "signed_on", "valid_until", "document", "summary"]
    inlines = [SignatoryInline]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 1
    fields = ["text", "ordering"]


@admin.register(Signatory)
class SignatoryAdmin(admin.ModelAdmin):
    list_display = ["partner", "memorandum", "signed_by"]
    list_filter = ["memorandum", "partner__kind"]
    fields = ["memorandum", "partner", "signed_by"]
    inlines = [CommitmentInline]


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    """Read-only: referrals change only through the referral pages, which check the state machine and consent."""

    list_display = ["reference", "partner", "state", "sent_at", "due_on"]
    list_filter = ["state", "partner__kind"]
    search_fields = ["reference"]
    fields = ["reference", "partner", "state", "sent_at", "due_on", "answered_at", "completed_at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
