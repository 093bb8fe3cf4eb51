"""Admin pages of rows that hot paths cache per process (SLA rules, triage limits, aliases)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.contrib import admin
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest


class ClearsCachesOnChange(admin.ModelAdmin):
    """Once an add, change or delete commits, clear ``caches``: the edit applies at once in the
    process serving the admin; the others re-read within their caches' time to live."""

    caches: ClassVar[tuple[Callable[[], None], ...]] = ()

    def _clear_on_commit(self) -> None:
        for clear in self.caches:
            transaction.on_commit(clear)

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        self._clear_on_commit()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)  # many-to-many rows and inlines
        self._clear_on_commit()

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        super().delete_model(request, obj)
        self._clear_on_commit()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        super().delete_queryset(request, queryset)
        self._clear_on_commit()
