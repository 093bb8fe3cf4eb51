"""Agency pickers grouped by kind and sorted by name: a Pemda has some seventy agencies, and a
list in creation order mixes Dinas, Kecamatan and Puskesmas."""

from __future__ import annotations

from collections.abc import Iterable

from sigap.agencies.models import Agency, AgencyKind

_KIND_ORDER = {kind: index for index, kind in enumerate(AgencyKind.values)}


def agency_groups(agencies: Iterable[Agency]) -> list[tuple[str, list[Agency]]]:
    """(kind label, agencies of that kind by name), kinds in their declared order."""
    groups: dict[str, list[Agency]] = {}
    for agency in agencies:
        groups.setdefault(agency.kind, []).append(agency)
    return [
        (str(AgencyKind(kind).label) if kind in _KIND_ORDER else kind,
         sorted(members, key=lambda a: a.name.casefold()))
        for kind, members in sorted(groups.items(), key=lambda g: _KIND_ORDER.get(g[0], 99))
    ]  # fmt: skip


def agency_choices(agencies: Iterable[Agency]) -> list[tuple[object, object]]:
    """Grouped choices for a ModelChoiceField (validation still goes through its queryset)."""
    return [("", "---------")] + [
        (label, [(agency.pk, agency.name) for agency in members])
        for label, members in agency_groups(agencies)
    ]
