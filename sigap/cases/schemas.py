from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Schema
from pydantic import Field


class AgencyOut(Schema):
    code: str
    name: str
    short_name: str


class CaseOut(Schema):
    tracking_number: str
    code: str
    kind: str
    status: str
    priority: str
    channel: str
    category: str | None
    agency: AgencyOut | None
    assignee: str | None
    region_code: str | None
    latitude: float | None
    longitude: float | None
    description: str
    is_anonymous: bool
    is_confidential: bool
    created_at: datetime
    first_response_due_at: datetime | None
    resolution_due_at: datetime | None
    version: int

    # Resolvers read the select_related rows, so a page of cases costs one query. A dict
    # (an already serialised case, as the detail view builds) passes through unchanged.
    @staticmethod
    def resolve_category(obj: Any) -> str | None:
        if isinstance(obj, dict):
            return obj.get("category")
        return obj.category.code if obj.category_id else None

    @staticmethod
    def resolve_assignee(obj: Any) -> str | None:
        if isinstance(obj, dict):
            return obj.get("assignee")
        return obj.assignee.username if obj.assignee_id else None

    @staticmethod
    def resolve_region_code(obj: Any) -> str | None:
        if isinstance(obj, dict):
            return obj.get("region_code")
        return obj.region.code if obj.region_id else None


class ReporterOut(Schema):
    name: str
    phone: str
    email: str


class EventOut(Schema):
    kind: str
    from_value: str
    to_value: str
    note: str
    actor: str | None
    created_at: datetime


class CaseDetailOut(CaseOut):
    reporter: ReporterOut | None
    events: list[EventOut]


class CaseAcceptedOut(Schema):
    """A recorded case the caller may not read (routed to, or since moved to, another agency):
    the number to quote and the status, nothing of its content."""

    tracking_number: str
    status: str


class CaseCreateIn(Schema):
    """A case recorded by staff: received at the desk, by phone or by letter."""

    channel: str = Field("walk_in", description="walk_in, phone atau letter")
    description: str = Field(..., min_length=1, max_length=20000)
    category: str | None = Field(None, description="Kode kategori")
    # Stored on a contact of this case alone: never matched to an existing citizen.
    reporter_name: str = Field("", max_length=150)
    reporter_phone: str = Field("", max_length=20)
    reporter_email: str = Field("", max_length=254)
    latitude: float | None = None
    longitude: float | None = None
    location_text: str = ""
    is_anonymous: bool = False
    is_confidential: bool = False
    external_id: str = Field("", max_length=200, description="Kunci idempoten dari pemanggil")


class TransitionIn(Schema):
    status: str
    note: str = ""
    expected_version: int | None = None
