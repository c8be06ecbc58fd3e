"""A paginator that never counts a whole office's cases.

Counting 100,000 cases for "98,063 cases" cost more than building the page. The
list is exact up to ``COUNT_BOUND`` rows (counting stops there: ``COUNT(*)`` of a
``LIMIT``-ed subquery), and says "more than 1,000" beyond it; pages are still
numbered from the newest, "next" exists while there are more rows (the page asks
for one row more than it shows), and the last page (``?page=last``) reads the
list from its other end through the same index, so the user can always reach the
oldest cases, and filters narrow the list to an exact count again.
"""

import math
from dataclasses import dataclass

from django.db.models import QuerySet

COUNT_BOUND = 1000
LAST = "last"


@dataclass
class BoundedPage:
    object_list: list
    number: int | None  # None on the last page of a list too long to count
    count: int | None  # exact count, or None beyond the bound
    num_pages: int | None
    has_next: bool
    is_last: bool
    bound: int = COUNT_BOUND

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def paginator(self) -> "BoundedPage":
        """Django's Page API: ``page.paginator.count`` and ``.num_pages`` (None beyond the bound)."""
        return self

    @property
    def has_previous(self) -> bool:
        return self.number != 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    @property
    def next_page_number(self) -> int | None:
        return self.number + 1 if self.has_next and self.number else None

    @property
    def previous_page_number(self) -> int | str | None:
        if self.number is None:
            return None  # from the far end, only the first page is known
        return self.number - 1 if self.number > 1 else None


def bounded_page(queryset: QuerySet, requested, per_page: int, bound: int = COUNT_BOUND) -> BoundedPage:
    """The requested page (a number, ``last``, or anything else for the first) of an ordered queryset."""
    count = queryset.order_by()[: bound + 1].count()
    exact = count <= bound
    if exact:
        num_pages = max(1, math.ceil(count / per_page))
        number = num_pages if requested == LAST else _number(requested, num_pages)
        rows = list(queryset[(number - 1) * per_page : number * per_page])
        return BoundedPage(rows, number, count, num_pages, number < num_pages, number == num_pages, bound)
    if requested != LAST:
        number = _number(requested, None)
        rows = list(queryset[(number - 1) * per_page : number * per_page + 1])
        if rows or number == 1:
            return BoundedPage(rows[:per_page], number, None, None, len(rows) > per_page, False, bound)
    # The far end: the same order reversed walks the same index from its other side.
    rows = list(queryset.reverse()[:per_page])
    rows.reverse()
    return BoundedPage(rows, None, None, None, False, True, bound)


def _number(requested, num_pages: int | None) -> int:
    try:
        number = int(requested)
    except (TypeError, ValueError):
        return 1
    if number < 1:
        return 1
    return min(number, num_pages) if num_pages else number
