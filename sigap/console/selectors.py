"""Reads for the console: saved inbox views and the option lists of the inbox filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import CharField, F, Q, QuerySet, Value
from django.db.models.functions import Cast, Coalesce, NullIf

from sigap.agencies.models import Agency, Membership, Pemda, Role, User
from sigap.agencies.selectors import StaffScope, agency_list_for_scope
from sigap.catalog.models import Category
from sigap.console.models import SavedView
from sigap.regions.models import Region, RegionLevel

_WORKING_ROLES = [Role.AGENCY_ADMIN, Role.AGENCY_OFFICER, Role.OPERATOR]


def saved_view_list_for_user(user: User) -> QuerySet[SavedView]:
    """The user's own views and those shared with an agency they belong to."""
    agencies = Membership.objects.filter(user_id=user.pk).values("agency_id")
    return (
        SavedView.objects.filter(Q(owner_id=user.pk) | Q(shared_with_id__in=agencies))
        .select_related("owner", "shared_with")
        .order_by("name", "id")
    )


def saved_view_share_target(user: User) -> Agency | None:
    """The agency a shared view is shared with: the user's first membership's agency."""
    membership = (
        Membership.objects.filter(user_id=user.pk, agency__is_active=True)
        .select_related("agency")
        .order_by("id")
        .first()
    )
    return membership.agency if membership else None


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass
class InboxOptions:
    """Choices for the inbox's filter form and bulk bar, scoped to what the user may see."""

    agencies: list[Option] = field(default_factory=list)
    categories: list[Option] = field(default_factory=list)
    kecamatan: list[Option] = field(default_factory=list)
    staff: list[Option] = field(default_factory=list)


def inbox_options_for_scope(scope: StaffScope) -> InboxOptions:
    """All option lists in one round trip (a UNION ALL of four small scoped reads): the inbox
    page must stay within a handful of queries however the Pemda is configured."""
    options = InboxOptions()
    if scope.sees_nothing:
        return options
    agencies = agency_list_for_scope(scope)
    pemdas = Pemda.objects.filter(pk__in=agencies.values("pemda_id"))
    parts = [
        _rows("agencies", agencies, "id", "short_name", "path"),
        _rows(
            "categories",
            Category.objects.filter(pemda__in=pemdas.values("pk"), is_active=True),
            "id",
            "name",
            "name",
        ),
        _rows(
            "kecamatan",
            Region.objects.filter(
                level=RegionLevel.KECAMATAN, parent_id__in=pemdas.values("region_id")
            ),
            "code",
            "name",
            "name",
        ),
        _rows(
            "staff",
            User.objects.filter(
                is_active=True,
                pk__in=Membership.objects.filter(
                    agency__in=agencies.values("pk"), role__in=_WORKING_ROLES
                ).values("user_id"),
            ),
            "id",
            "full_name",
            "username",
            fallback="username",
        ),
    ]
    rows = parts[0].union(*parts[1:], all=True)
    for kind, value, label, _sort in sorted(rows, key=lambda row: (row[0], row[3] or "")):
        getattr(options, kind).append(Option(value=str(value), label=label))
    return options


def _rows(
    kind: str, queryset: QuerySet, value: str, label: str, sort: str, fallback: str = ""
) -> QuerySet:
    """(kind, value, label, sort key) rows of one option list, all as text for the UNION."""
    label_expression: Any = F(label)
    if fallback:  # people without a full name are listed by username
        label_expression = Coalesce(NullIf(F(label), Value("")), F(fallback))
    return (
        queryset.order_by()
        .annotate(
            o_kind=Value(kind, output_field=CharField()),
            o_value=Cast(F(value), CharField()),
            o_label=Cast(label_expression, CharField()),
            o_sort=Cast(F(sort), CharField()),
        )
        .values_list("o_kind", "o_value", "o_label", "o_sort")
    )
