"""The inbox's filter form (GET) and the "save this view" form (POST)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import CaseStatus
from sigap.cases.search import MAX_QUERY_LENGTH
from sigap.cases.selectors import CaseFilters, InboxSort, InboxView
from sigap.catalog.models import Priority
from sigap.contacts.models import Channel

VIEW_LABELS = {
    InboxView.QUEUE: _("Antrean saya"),
    InboxView.MINE: _("Milik saya"),
    InboxView.UNASSIGNED: _("Belum ditangani"),
    InboxView.AT_RISK: _("Mendekati tenggat"),
    InboxView.WAITING: _("Menunggu warga"),
    InboxView.EMERGENCY: _("Darurat"),
    InboxView.OPEN: _("Semua terbuka"),
    InboxView.CLOSED: _("Selesai (30 hari)"),
    InboxView.ALL: _("Semua"),
}
SORT_LABELS = {
    InboxSort.NEWEST: _("Terbaru"),
    InboxSort.OLDEST: _("Terlama"),
    InboxSort.DEADLINE: _("Tenggat terdekat"),
    InboxSort.RELEVANCE: _("Paling relevan"),
}
MAX_PAGE = 20
_ANY: list[tuple[str, Any]] = [("", _("Semua"))]


MAX_ID = 2**31 - 1
EARLIEST_DAY, LATEST_DAY = date(2000, 1, 1), date(2100, 12, 31)


class InboxFilterForm(forms.Form):
    """Every inbox parameter; a bad value is reported and ignored, never a 500 or a leak."""

    view = forms.ChoiceField(
        label=_("Tampilan"), required=False, choices=[(v, v) for v in InboxView.ALL_VIEWS]
    )
    q = forms.CharField(label=_("Cari"), required=False, max_length=200, strip=True)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[*_ANY, *CaseStatus.choices]
    )
    priority = forms.ChoiceField(
        label=_("Prioritas"), required=False, choices=[*_ANY, *Priority.choices]
    )
    channel = forms.ChoiceField(label=_("Kanal"), required=False, choices=[*_ANY, *Channel.choices])
    # Bounded like the database's integer keys: a larger number overflows SQLite's parameters.
    category = forms.IntegerField(
        label=_("Kategori"), required=False, min_value=1, max_value=MAX_ID
    )
    agency = forms.IntegerField(label=_("Instansi"), required=False, min_value=1, max_value=MAX_ID)
    kecamatan = forms.RegexField(
        label=_("Kecamatan"),
        required=False,
        regex=r"^\d{2}(\.\d{2}){1,3}$",
        error_messages={"invalid": _("Kode kecamatan tidak dikenal.")},
    )
    date_from = forms.DateField(label=_("Dari tanggal"), required=False)
    date_to = forms.DateField(label=_("Sampai tanggal"), required=False)
    sort = forms.ChoiceField(
        label=_("Urutan"), required=False, choices=[(s, s) for s in InboxSort.ALL_SORTS]
    )
    page = forms.IntegerField(label=_("Halaman"), required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, *args: Any, default_view: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default_view = default_view
        for name in ("date_from", "date_to"):
            self.fields[name].error_messages["invalid"] = _(
                "Tanggal tidak valid; gunakan format TTTT-BB-HH."
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for name in ("date_from", "date_to"):
            day = cleaned.get(name)
            # The filter turns days into moments a day either side: year 1 or 9999 overflows.
            if day is not None and not EARLIEST_DAY <= day <= LATEST_DAY:
                self.add_error(name, _("Tanggal di luar jangkauan (tahun 2000 sampai 2100)."))
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return cleaned

    def value(self, name: str) -> Any:
        """The cleaned value of a field, or empty when it was invalid (ignored)."""
        self.is_valid()
        return self.cleaned_data.get(name) if name not in self.errors else None

    @property
    def current_view(self) -> str:
        return self.value("view") or self.default_view

    @property
    def page_number(self) -> int:
        return self.value("page") or 1

    def filters(self) -> CaseFilters:
        return CaseFilters(
            view=self.current_view,
            query=(self.value("q") or "")[:MAX_QUERY_LENGTH],
            status=self.value("status") or "",
            priority=self.value("priority") or "",
            channel=self.value("channel") or "",
            category_id=self.value("category"),
            agency_id=self.value("agency"),
            agency_subtree=True,
            region_code=self.value("kecamatan") or "",
            created_from=self.value("date_from"),
            created_to=self.value("date_to"),
            sort=self.value("sort") or "",
        )


class SavedViewForm(forms.Form):
    name = forms.CharField(
        label=_("Nama tampilan"),
        required=False,  # the service says what is wrong (empty, too long), in one place
    )
    query = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)
    share = forms.BooleanField(label=_("Bagikan ke instansi saya"), required=False)
