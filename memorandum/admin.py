from django.contrib import admin

from memorandum.models import Commitment, Memorandum, Partner, PartnerContact, Referral, Signatory
from reference.admin import TranslatedAdminMixin, translated_row


class PartnerContactInline(admin.TabularInline):
    model = PartnerContact
    extra = 0
    fields = ["name", *translated_row("position"), "phone", "email", "is_active"]


@admin.register(Partner)
class PartnerAdmin(TranslatedAdminMixin, admin.ModelAdmin):
    list_display = ["name_ru", "kind", "region", "response_days", "is_active"]
    list_filter = ["kind", "is_active", "region"]
    search_fields = ["name_ru", "name_kk", "name_en", "code"]
    filter_horizontal = ["categories"]
    fields = [
        "code",
        translated_row("name"),
        "kind",
        "region",
        "categories",
        translated_row("address"),
        "response_days",
        "is_active",
    ]
    inlines = [PartnerContactInline]


class SignatoryInline(admin.TabularInline):
    model = Signatory
    extra = 0
    fields = ["partner", *translated_row("signed_by")]
    show_change_link = True


@admin.register(Memorandum)
class MemorandumAdmin(TranslatedAdminMixin, admin.ModelAdmin):
    list_display = ["title_ru", "signed_on", "valid_until"]
    fields = [translated_row("title"), "signed_on", "valid_until", "document", translated_row("summary")]
    inlines = [SignatoryInline]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 1
    fields = [*translated_row("text"), "ordering"]


@admin.register(Commitment)
class CommitmentAdmin(TranslatedAdminMixin, admin.ModelAdmin):
    """Commitments one by one, to find and fill the missing translations."""

    list_display = ["__str__", "signatory"]
    list_filter = ["signatory__memorandum"]
    fields = ["signatory", translated_row("text"), "ordering"]


@admin.register(PartnerContact)
class PartnerContactAdmin(TranslatedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "position_ru", "partner", "is_active"]
    list_filter = ["is_active"]
    fields = ["partner", "name", translated_row("position"), "phone", "email", "is_active"]


@admin.register(Signatory)
class SignatoryAdmin(TranslatedAdminMixin, admin.ModelAdmin):
    list_display = ["partner", "memorandum", "signed_by_ru"]
    list_filter = ["memorandum", "partner__kind"]
    fields = ["memorandum", "partner", translated_row("signed_by")]
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
