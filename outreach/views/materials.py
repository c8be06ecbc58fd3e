"""Printed materials: each office's stock, what is running low, deliveries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from outreach import permissions, selectors, services
from outreach.forms import StockForm
from outreach.views.common import apply_validation_error


@login_required
@require_http_methods(["GET", "POST"])
def stock(request: HttpRequest) -> HttpResponse:
    user = request.user
    can_manage = permissions.can_manage_stock(user)
    form = StockForm(request.POST or None, user=user) if can_manage else None
    if request.method == "POST":
        if form is None:
            return redirect("outreach:stock")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.stock_add(
                    office=data["office"],
                    material=data["material"],
                    quantity=data["quantity"],
                    low_threshold=data["low_threshold"],
                    actor=user,
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Stock updated."))
                return redirect("outreach:stock")
    stocks = list(
        selectors.stocks_visible_to(user)
        .select_related("office", "material__language")
        .order_by("office__code", "material__kind", "material__code")
    )
    return render(
        request,
        "outreach/stock.html",
        {"stocks": stocks, "low": [s for s in stocks if s.is_low], "form": form},
    )
