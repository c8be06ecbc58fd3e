"""Referrals partners make to us: recorded at client intake or on a new case, counted per partner and in reports."""

from __future__ import annotations

from datetime import date

from auditlog.context import set_actor
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clients.extensions import IntakePart
from memorandum.forms import PartnerChoiceField, active_partners
from memorandum.models import IncomingReferral, Partner, PartnerKind


@transaction.atomic
def incoming_referral_record(
    *, client, partner: Partner, actor, case=None, reference: str = "", referred_on: date | None = None
) -> IncomingReferral:
    if referred_on is not None and referred_on > timezone.localdate():
        raise ValidationError(_("The referral date cannot be in the future."))
    with set_actor(actor):
        return IncomingReferral.objects.create(
            client=client,
            case=case,
            partner=partner,
            reference=reference.strip()[:60],
            referred_on=referred_on,
            recorded_by=actor,
        )


class ReferredByForm(forms.Form):
    partner = PartnerChoiceField(
        label=gettext_lazy("Referred to us by"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label=gettext_lazy("nobody: came on their own or another way"),
    )
    reference = forms.CharField(label=gettext_lazy("Their reference number"), max_length=60, required=False)
    referred_on = forms.DateField(
        label=gettext_lazy("Referred on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = active_partners()

    def clean(self):
        data = super().clean()
        if not data.get("partner") and (data.get("reference") or data.get("referred_on")):
            self.add_error("partner", _("Choose the partner that referred the client."))
        referred_on = data.get("referred_on")
        if referred_on and referred_on > timezone.localdate():
            self.add_error("referred_on", _("The referral date cannot be in the future."))
        return data


def save_referred_by(form: ReferredByForm, *, client, actor, case=None) -> None:
    partner = form.cleaned_data.get("partner")
    if partner is None:
        return
    incoming_referral_record(
        client=client,
        case=case,
        partner=partner,
        actor=actor,
        reference=form.cleaned_data.get("reference") or "",
        referred_on=form.cleaned_data.get("referred_on"),
    )


INTAKE_PART = IntakePart(
    key="referred_by", form_class=ReferredByForm, template="memorandum/_referred_by.html", save=save_referred_by
)


def incoming_counts() -> dict[int, int]:
    """Per partner: clients it referred to us (all offices; counts single out nobody). One query."""
    rows = IncomingReferral.objects.values("partner_id").annotate(n=Count("client_id", distinct=True)).order_by()
    return {row["partner_id"]: row["n"] for row in rows}


# --- Reports: how clients reached the organisation ------------------------------------------------

ON_THEIR_OWN = "own"


def clients_by_how_they_reached_us(clients: QuerySet) -> list[tuple[str, str, int]]:
    """(key, label, number of clients) for a set of clients: one row per kind of partner that referred
    them, then those who came on their own or another way. A client referred by several partners counts
    under the kind of the first. Two queries whatever the number of clients, the same on SQLite and
    PostgreSQL; reports apply their small-cell suppression to the result.
    """
    first = (
        IncomingReferral.objects.filter(client__in=clients.values("pk"))
        .order_by("client_id", "recorded_at", "pk")
        .values_list("client_id", "partner__kind")
    )
    kind_of: dict[int, str] = {}
    for client_id, kind in first:
        kind_of.setdefault(client_id, kind)
    total = clients.count()
    counts = dict.fromkeys(PartnerKind.values, 0)
    for kind in kind_of.values():
        counts[kind] = counts.get(kind, 0) + 1
    rows = [(kind, str(PartnerKind(kind).label), counts[kind]) for kind in PartnerKind.values]
    rows.append((ON_THEIR_OWN, _("On their own or another way"), total - len(kind_of)))
    return rows


def referred_clients_metric(context) -> int:
    """Metric: clients a partner referred to us, recorded in the period (optionally of one partner kind)."""
    query = Q(recorded_at__date__gte=context.start, recorded_at__date__lte=context.end)
    if context.office_ids:
        query &= Q(client__office_id__in=context.office_ids)
    kind = context.filters.get("partner_kind")
    if kind:
        query &= Q(partner__kind=kind)
    return IncomingReferral.objects.filter(query).values("client_id").distinct().count()
