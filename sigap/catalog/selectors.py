from __future__ import annotations

from itertools import groupby

from django.db.models import QuerySet

from sigap.agencies.models import Pemda
from sigap.catalog.models import Category


def category_list_active(*, pemda: Pemda) -> QuerySet[Category]:
    return Category.objects.filter(pemda=pemda, is_active=True).select_related("default_agency")


def category_groups(*, pemda: Pemda) -> list[tuple[str, list[Category]]]:
    """Active categories grouped for display (forms, Open311 service list)."""
    categories = category_list_active(pemda=pemda).order_by("group", "sort_order", "name")
    return [
        (group or "Lainnya", list(items)) for group, items in groupby(categories, lambda c: c.group)
    ]
