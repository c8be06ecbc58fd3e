"""The one pagination of every list: a page of the items and the query string its links keep."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items, per_page: int) -> Page:
    """The requested page (a bad or too high number gives the nearest page, never an error).

    ``page.query`` is the request's query string without ``page``, for the links of
    ``templates/includes/_pagination.html`` (filters and search survive paging).
    """
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    page.query = params.urlencode()  # type: ignore[attr-defined]
    return page
