"""Closing a case with open referrals: the cases app asks, memorandum answers (registered in ``ready``)."""

from django.utils.translation import gettext_lazy as _

from cases.extensions import CloseQuestion
from memorandum.models import OPEN_STATES, Referral

WITHDRAW = "withdraw"
KEEP = "keep"


def open_referrals_question(case) -> CloseQuestion | None:
    references = list(
        Referral.objects.filter(case_id=case.pk, state__in=OPEN_STATES)
        .order_by("created_at", "pk")
        .values_list("reference", flat=True)
    )
    if not references:
        return None
    return CloseQuestion(
        key="referrals",
        label=_("This case has open referrals. Withdraw them?"),
        items=references,
        choices=[
            (WITHDRAW, _("Withdraw them: their links stop working and partners with e-mail are told")),
            (KEEP, _("Keep them open (a partner can no longer accept a referral of a closed case)")),
        ],
        apply=_apply,
    )


def _apply(case, answer: str, actor) -> None:
    from memorandum.services import referral_withdraw

    if answer != WITHDRAW:
        return
    for referral in Referral.objects.filter(case_id=case.pk, state__in=OPEN_STATES).order_by("pk"):
        referral_withdraw(referral=referral, actor=actor, note=str(_("The case was closed.")))
