"""Business calendars as clock objects, built from their rows and cached per process."""

from __future__ import annotations

from functools import lru_cache

from sigap.agencies.models import Agency
from sigap.sla import calendar
from sigap.sla.models import BusinessCalendar, SlaPolicy

DEFAULT_FIRST_RESPONSE_MINUTES = 15


def _schedule(rows: dict[str, list[list[str]]]) -> dict[int, list[tuple[str, str]]]:
    return {int(day): [(start, end) for start, end in spans] for day, spans in rows.items()}


@lru_cache(maxsize=256)
def _calendar_cached(
    calendar_id: int, version: str
) -> calendar.BusinessCalendar:  # version busts the cache on edits
    row = BusinessCalendar.objects.get(pk=calendar_id)
    if row.always_open:
        return calendar.ALWAYS_OPEN
    if row.use_national_holidays:
        return calendar.indonesian_calendar(
            tz=row.timezone,
            schedule=_schedule(row.schedule),
            extra_closed=row.extra_closed_dates,
            extra_open=row.extra_open_dates,
        )
    return calendar.BusinessCalendar.from_data(
        tz_name=row.timezone,
        schedule=_schedule(row.schedule),
        holidays=row.extra_closed_dates,
        extra_open=row.extra_open_dates,
    )


def calendar_for(row: BusinessCalendar | None) -> calendar.BusinessCalendar:
    if row is None:
        return calendar.indonesian_calendar()
    version = f"{row.timezone}|{row.always_open}|{row.schedule}|{row.extra_closed_dates}|" + (
        f"{row.extra_open_dates}|{row.use_national_holidays}"
    )
    return _calendar_cached(row.pk, version)


def calendar_for_agency(agency: Agency | None) -> calendar.BusinessCalendar:
    """The agency's calendar, else its nearest ancestor's, else the national office calendar."""
    node = agency
    while node is not None:
        if node.calendar_id:
            return calendar_for(node.calendar)
        node = node.parent
    return calendar_for(None)


def first_response_minutes(policy: SlaPolicy | None) -> int:
    return policy.first_response_minutes if policy else DEFAULT_FIRST_RESPONSE_MINUTES
