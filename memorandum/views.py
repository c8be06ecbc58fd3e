"""Thin views: parse the request, call a selector or a service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import audit
from cases.selectors import get_case_for
from memorandum import permissions, selectors, services
from memorandum.actions import ACTIONS, available_actions
from memorandum.forms import ReferralForm, ResendForm, SendForm, TransitionForm
from memorandum.models import LetterLanguage, Memorandum, ReferralState, SharedData
from memorandum.partner_staff import partner_loop_context
from memorandum.selectors import BOARD_DEFAULT_STATES, BOARD_STATE_ORDER
from reference.errors import error_status
from reference.files import private_file_response
from reference.pagination import paginate


def _require_staff(user) -> None:
    if not (user.office_id is not None or user.sees_all_offices):
        raise Http404


@login_required
def index(request: HttpRequest) -> HttpResponse:
    _require_staff(request.user)
    return render(request, "memorandum/index.html", selectors.memorandum_page_data())


@login_required
def memorandum_document(request: HttpRequest, pk: int) -> HttpResponse:
    _require_staff(request.user)
    memorandum = get_object_or_404(Memorandum, pk=pk)
    if not memorandum.document:
        raise Http404
    return private_file_response(memorandum.document, filename=f"memorandum-{pk}.pdf")


@login_required
def board(request: HttpRequest) -> HttpResponse:
    if not permissions.can_see_referral_board(request.user):
        raise Http404
    state = request.GET.get("state", "")
    states = [state] if state in ReferralState.values else BOARD_DEFAULT_STATES
    counts = selectors.board_counts(request.user)
    # The tabs' counts already hold the total: no second COUNT, and only the page's rows are read.
    rows = selectors.BoardRows(request.user, states, sum(counts[s] for s in states))
    page = paginate(request, rows, 50)
    return render(
        request,
        "memorandum/board.html",
        {
            "page": page,
            "state": state if state in ReferralState.values else "",
            "tabs": [(s, ReferralState(s).label, counts[s]) for s in BOARD_STATE_ORDER],
            "open_count": sum(counts[s] for s in BOARD_DEFAULT_STATES),
        },
    )


@login_required
def referral_new(request: HttpRequest) -> HttpResponse:
    case = get_case_for(request.user, request.GET.get("case") or request.POST.get("case") or 0)
    if not permissions.can_start_referral(request.user, case):
        raise PermissionDenied
    initial = {"categories": list(case.categories.all()), "language": request.LANGUAGE_CODE[:2]}
    if initial["language"] not in LetterLanguage.values:
        initial["language"] = LetterLanguage.RUSSIAN
    form = ReferralForm(request.POST or None, initial=initial, case=case)
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_create(
                case=case,
                partner=form.cleaned_data["partner"],
                actor=request.user,
                request=form.cleaned_data["request"],
                client_needs=form.cleaned_data["client_needs"],
                categories=form.cleaned_data["categories"],
                shared_data=form.cleaned_data["shared_data"],
                language=form.cleaned_data["language"],
            )
        except services.ReferralRefused as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Referral %(reference)s drafted.") % {"reference": referral.reference})
            return redirect("memorandum:referral-detail", pk=referral.pk)
    return render(request, "memorandum/referral_form.html", {"form": form, "case": case})


@login_required
def referral_edit(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.get_referral_for(request.user, pk)
    if not permissions.can_edit_referral(request.user, referral):
        raise PermissionDenied
    initial = {
        "partner": referral.partner,
        "request": referral.request,
        "client_needs": referral.client_needs,
        "categories": list(referral.categories.all()),
        "shared_data": referral.shared_data,
        "language": referral.language,
    }
    form = ReferralForm(request.POST or None, initial=initial, case=referral.case)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_update(
                referral=referral,
                actor=request.user,
                expected_version=_int_or_none(request.POST.get("version")),
                **form.cleaned_data,
            )
        except services.ReferralRefused as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Referral %(reference)s saved.") % {"reference": referral.reference})
            return redirect("memorandum:referral-detail", pk=referral.pk)
    return render(request, "memorandum/referral_form.html", {"form": form, "case": referral.case, "referral": referral})


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _detail_context(request: HttpRequest, referral, *, error: str = "") -> dict:
    user = request.user
    missing = services.consent_missing_scopes(referral) if referral.state == ReferralState.DRAFT else []
    resent_as = list(referral.resent_as.values("pk", "reference"))
    can_resend = (
        referral.state == ReferralState.DECLINED and not resent_as and permissions.can_send_referral(user, referral)
    )
    return {
        "referral": referral,
        "case": referral.case,
        "client": referral.case.client,
        "events": referral.events.select_related("actor"),
        "categories": referral.categories.all(),
        "shared_labels": [label for value, label in SharedData.choices if referral.shares(value)],
        "actions": [
            (action, TransitionForm(initial={"version": referral.version}))
            for action in available_actions(user, referral)
        ],
        "can_send": referral.state == ReferralState.DRAFT and permissions.can_send_referral(user, referral),
        "can_edit": permissions.can_edit_referral(user, referral),
        "send_form": SendForm(
            initial={"version": referral.version, "contact": services.default_contact(referral.partner)},
            partner=referral.partner,
        ),
        **partner_loop_context(request, referral),
        "consent_missing": missing,
        "can_override": permissions.can_override_consent(user),
        "resend_form": ResendForm(initial={"version": referral.version}, exclude_partner_id=referral.partner_id)
        if can_resend
        else None,
        "resent_as": resent_as,
        "error": error,
    }


@login_required
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.get_referral_for(request.user, pk)
    audit.record_access(actor=request.user, instance=referral, what="view")
    return render(request, "memorandum/referral_detail.html", _detail_context(request, referral))


def _refused(request: HttpRequest, referral, error: services.ReferralRefused) -> HttpResponse:
    status = error_status(error)
    referral.refresh_from_db()
    message = " ".join(error.messages)
    return render(
        request, "memorandum/referral_detail.html", _detail_context(request, referral, error=message), status=status
    )


@require_POST
@login_required
def referral_send(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.get_referral_for(request.user, pk)
    form = SendForm(request.POST, partner=referral.partner)
    if not form.is_valid():
        return _refused(request, referral, services.ReferralRefused(_("The form was incomplete; try again.")))
    contact = form.cleaned_data["contact"]
    try:
        referral = services.referral_send(
            referral=referral,
            actor=request.user,
            consent_override_reason=form.cleaned_data["consent_override_reason"],
            expected_version=form.cleaned_data["version"],
            contact=contact,
            by_hand="contact" in request.POST and contact is None,
        )
    except services.ReferralRefused as error:
        return _refused(request, referral, error)
    if referral.sent_by_hand:
        messages.warning(
            request,
            _(
                "Referral %(reference)s is marked as sent by hand: the partner's contact has no e-mail address. "
                "Print the letter and deliver it."
            )
            % {"reference": referral.reference},
        )
    else:
        messages.success(
            request,
            _("Referral %(reference)s sent: an e-mail with a link goes to %(email)s.")
            % {"reference": referral.reference, "email": referral.contact.email},
        )
    return redirect("memorandum:referral-detail", pk=referral.pk)


@require_POST
@login_required
def referral_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    referral = selectors.get_referral_for(request.user, pk)
    chosen = ACTIONS.get(action)
    if chosen is None:
        raise Http404
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return _refused(request, referral, services.ReferralRefused(_("The form was incomplete; try again.")))
    try:
        chosen.call(referral, request.user, form.cleaned_data["text"], form.cleaned_data["version"])
    except services.ReferralRefused as error:
        return _refused(request, referral, error)
    messages.success(request, _("Referral %(reference)s updated.") % {"reference": referral.reference})
    return redirect("memorandum:referral-detail", pk=referral.pk)


@require_POST
@login_required
def referral_resend(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.get_referral_for(request.user, pk)
    form = ResendForm(request.POST, exclude_partner_id=referral.partner_id)
    if not form.is_valid():
        return _refused(request, referral, services.ReferralRefused(_("Choose the partner to send it to.")))
    try:
        new = services.referral_resend(
            referral=referral,
            partner=form.cleaned_data["partner"],
            actor=request.user,
            consent_override_reason=form.cleaned_data["consent_override_reason"],
            expected_version=form.cleaned_data["version"],
        )
    except services.ReferralRefused as error:
        return _refused(request, referral, error)
    messages.success(request, _("Referral %(reference)s sent.") % {"reference": new.reference})
    return redirect("memorandum:referral-detail", pk=new.pk)


@login_required
def referral_letter(request: HttpRequest, pk: int) -> HttpResponse:
    referral = selectors.get_referral_for(request.user, pk)
    referral = services.referral_letter(referral=referral)
    audit.record_access(actor=request.user, instance=referral, what="letter download")
    return private_file_response(referral.letter, filename=f"{referral.reference}.pdf", content_type="application/pdf")
