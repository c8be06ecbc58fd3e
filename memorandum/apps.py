from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MemorandumConfig(AppConfig):
    name = "memorandum"
    verbose_name = _("Memorandum")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        import audit
        from cases import timeline
        from cases.event_reasons import register_reason
        from cases.extensions import register_before_close, register_case_action
        from cases.models import Case
        from clients.extensions import (
            register_activity_source,
            register_anonymiser,
            register_export_section,
            register_intake_part,
        )
        from clients.models import Client
        from memorandum import (
            closing,
            data_rights,
            incoming,
            partner_answers,  # noqa: F401 - registers the kinds of notice about partners
        )
        from memorandum.event_reasons import CASE_EVENT_REASONS
        from memorandum.models import (
            Commitment,
            IncomingReferral,
            Memorandum,
            Partner,
            PartnerContact,
            Referral,
            ReferralMessage,
            Signatory,
        )
        from memorandum.selectors import board_counts_stale
        from memorandum.timeline import refer_action, referral_items
        from reference import metrics

        for model in (Referral, Case, Client):
            post_save.connect(board_counts_stale, sender=model, dispatch_uid=f"board-counts-save-{model.__name__}")
            post_delete.connect(board_counts_stale, sender=model, dispatch_uid=f"board-counts-del-{model.__name__}")
        m2m_changed.connect(
            board_counts_stale, sender=Client.assigned_staff.through, dispatch_uid="board-counts-client-staff"
        )
        audit.register(Partner, m2m=["categories"])
        audit.register(PartnerContact)
        audit.register(Memorandum)
        audit.register(Signatory)
        audit.register(Commitment)
        # The letter file and the reminder stamp are bookkeeping, not changes of the referral.
        audit.register(
            Referral, m2m=["categories"], exclude=["letter", "letter_is_final", "reminded_at", "partner_reminded_at"]
        )
        audit.register(ReferralMessage)
        timeline.register_provider(referral_items)
        for key, text in CASE_EVENT_REASONS.items():
            register_reason(key, text)
        register_case_action(refer_action)
        register_before_close(closing.open_referrals_question)
        register_intake_part(incoming.INTAKE_PART)
        audit.register(IncomingReferral)
        metrics.register(
            metrics.Metric(
                code="clients_referred_by_partners",
                label=_("Clients referred to us by partners"),
                compute=incoming.referred_clients_metric,
                unit="people",
                filters=frozenset({"partner_kind"}),
                source="memorandum",
            )
        )
        register_export_section(data_rights.export_client_referrals)
        register_anonymiser(data_rights.anonymise_client_referrals)
        register_activity_source(data_rights.client_ids_with_referral_activity)
