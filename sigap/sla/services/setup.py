"""The Pemda's SLA rules and agency calendars as the deadline recompute reads them, cached in
the process: a recompute runs on every new case and every relevant change, and these rows
change a few times a year. An edit takes effect within ``SETUP_TTL_SECONDS`` in every process
(like the router's and the FAQ index's re-checks), at once after ``sla_setup_cache_clear``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sigap.agencies.models import Agency
from sigap.cases.models import Case
from sigap.sla import calendar
from sigap.sla.models import BusinessCalendar, SlaPolicy, SlaRule
from sigap.sla.selectors import (
    agency_lineage,
    calendar_for,
    calendar_for_agency,
    sla_policy_for_case,
    sla_rule_list_for_pemda,
)

SETUP_TTL_SECONDS = 30.0


@dataclass(frozen=True)
class SlaSetup:
    """One Pemda's rules, and the calendar rows of its agencies that have one."""

    rules: tuple[SlaRule, ...]
    calendars: dict[int, BusinessCalendar]  # agency id → its own calendar

    def policy_for(self, case: Case) -> SlaPolicy:
        """``sla_policy_for_case`` over these rules (the case brings its category's policy)."""
        return sla_policy_for_case(case, rules=self.rules)

    def calendar_for(self, agency: Agency | None) -> calendar.BusinessCalendar:
        """``calendar_for_agency``: the agency's calendar, else its nearest ancestor's, else
        the national office calendar, walked in memory."""
        lineage = agency_lineage(agency)
        if agency is not None and (not lineage or lineage[-1] != agency.pk):
            return calendar_for_agency(agency)  # path not maintained: the selector walks it
        for agency_id in reversed(lineage):
            row = self.calendars.get(agency_id)
            if row is not None:
                return calendar_for(row)
        return calendar_for(None)


_setups: dict[int, tuple[float, SlaSetup]] = {}


def sla_setup_for(pemda_id: int) -> SlaSetup:
    """The Pemda's setup, read again when older than ``SETUP_TTL_SECONDS`` (two queries)."""
    now = time.monotonic()
    cached = _setups.get(pemda_id)
    if cached is not None and now - cached[0] < SETUP_TTL_SECONDS:
        return cached[1]
    # An agency's parent is always of its Pemda (``agency_save``): the Pemda's rows suffice.
    with_calendar = Agency.objects.filter(pemda_id=pemda_id, calendar__isnull=False)
    calendars = {a.pk: a.calendar for a in with_calendar.select_related("calendar")}
    setup = SlaSetup(
        rules=tuple(sla_rule_list_for_pemda(pemda_id)),
        calendars={agency_id: row for agency_id, row in calendars.items() if row is not None},
    )
    _setups[pemda_id] = (now, setup)
    return setup


def sla_setup_cache_clear() -> None:
    _setups.clear()
