"""Property-based tests for sigap.sla.calendar: the invariants the SLA sweeper relies on."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from sigap.sla.calendar import (
    ALWAYS_OPEN,
    DEFAULT_OFFICE_SCHEDULE,
    WIB,
    WITA,
    BusinessCalendar,
    indonesian_calendar,
)

YEARS = range(2025, 2028)
OFFICE = indonesian_calendar(WIB, years=YEARS)
OFFICE_WITA = indonesian_calendar(WITA, years=YEARS)
# A six-day service in WITA with a working Saturday override, and a night shift over midnight:
# shapes that the plain office calendar would not exercise.
SIX_DAY = indonesian_calendar(
    WITA,
    years=YEARS,
    schedule={**DEFAULT_OFFICE_SCHEDULE, 5: [("08:00", "12:00")]},
    extra_closed=["2026-04-20"],
    extra_open=["2026-12-24"],
)
NIGHT_SHIFT = BusinessCalendar.from_data(
    tz_name=WIB,
    schedule={day: [("00:00", "06:00"), ("22:00", "24:00")] for day in range(5)},
)
OFFICE_HOLIDAYS = sorted(d for d in OFFICE.holidays if d.year in YEARS and d.weekday() < 5)

calendars = st.sampled_from([OFFICE, SIX_DAY, NIGHT_SHIFT])
wall_times = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 6, 30))
budgets = st.integers(min_value=0, max_value=6 * 8 * 60)  # up to about six office days
gaps = st.integers(min_value=-24 * 60, max_value=6 * 24 * 60).map(lambda m: timedelta(minutes=m))


def in_zone(calendar: BusinessCalendar, wall: datetime) -> datetime:
    return wall.replace(tzinfo=ZoneInfo(calendar.tz_name))


def whole_minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


@given(calendars, wall_times, budgets)
def test_result_is_open_or_exactly_at_closing(
    cal: BusinessCalendar, wall: datetime, m: int
) -> None:
    due = cal.add_working_minutes(in_zone(cal, wall), m)
    assert due.tzinfo is UTC
    assert cal.is_open(due) or cal.is_open(due - timedelta(microseconds=1))


@given(calendars, wall_times, budgets)
def test_adding_then_measuring_round_trips(cal: BusinessCalendar, wall: datetime, m: int) -> None:
    start = in_zone(cal, wall)  # inside or outside hours alike
    assert cal.working_minutes_between(start, cal.add_working_minutes(start, m)) == m


@given(calendars, wall_times, gaps, budgets, budgets)
def test_monotonic(cal: BusinessCalendar, wall: datetime, gap: timedelta, m1: int, m2: int) -> None:
    start = in_zone(cal, wall)
    later = start + abs(gap)
    assert cal.add_working_minutes(later, m1) >= cal.add_working_minutes(start, m1)
    assert cal.add_working_minutes(start, m1 + m2) >= cal.add_working_minutes(start, m1)
    assert cal.add_working_days(later, m1 % 12) >= cal.add_working_days(start, m1 % 12)


@given(calendars, wall_times, budgets, budgets.filter(lambda m: m > 0))
def test_adding_is_additive(cal: BusinessCalendar, wall: datetime, m1: int, m2: int) -> None:
    # m2 = 0 is excluded on purpose: adding nothing to a closing time gives the next opening.
    start = in_zone(cal, wall)
    step = cal.add_working_minutes(cal.add_working_minutes(start, m1), m2)
    assert step == cal.add_working_minutes(start, m1 + m2)


@given(calendars, wall_times, gaps, gaps)
def test_between_is_additive(
    cal: BusinessCalendar, wall: datetime, gap1: timedelta, gap2: timedelta
) -> None:
    a = whole_minute(in_zone(cal, wall))
    b, c = sorted([a + abs(gap1), a + abs(gap1) + abs(gap2)])
    whole = cal.working_minutes_between(a, c)
    assert whole == cal.working_minutes_between(a, b) + cal.working_minutes_between(b, c)
    assert cal.working_minutes_between(c, a) == 0


@settings(max_examples=40)
@given(calendars, wall_times, st.integers(min_value=0, max_value=3 * 24 * 60))
def test_between_matches_minute_by_minute_count(
    cal: BusinessCalendar, wall: datetime, span: int
) -> None:
    start = whole_minute(in_zone(cal, wall))
    counted = sum(cal.is_open(start + timedelta(minutes=i)) for i in range(span))
    assert cal.working_minutes_between(start, start + timedelta(minutes=span)) == counted


@given(calendars, wall_times)
def test_next_opening_is_open_and_skips_no_open_time(cal: BusinessCalendar, wall: datetime) -> None:
    start = in_zone(cal, wall)
    opening = cal.next_opening(start)
    assert cal.is_open(opening)
    assert opening >= start
    assert cal.working_minutes_between(start, opening) == 0
    assert cal.add_working_minutes(start, 0) == opening


@given(st.sampled_from(OFFICE_HOLIDAYS), st.times(), budgets, wall_times)
def test_holidays_are_never_counted(holiday: date, clock: time, m: int, wall: datetime) -> None:
    moment = datetime.combine(holiday, clock, tzinfo=ZoneInfo(WIB))
    assert not OFFICE.is_open(moment)
    midnight = datetime.combine(holiday, time.min, tzinfo=ZoneInfo(WIB))
    assert OFFICE.working_minutes_between(midnight, midnight + timedelta(days=1)) == 0
    due = OFFICE.add_working_minutes(in_zone(OFFICE, wall), m)
    assert due.astimezone(ZoneInfo(WIB)).date() not in OFFICE.holidays


@given(wall_times, budgets)
def test_wib_and_wita_differ_by_exactly_one_hour(wall: datetime, m: int) -> None:
    in_wib, in_wita = in_zone(OFFICE, wall), in_zone(OFFICE_WITA, wall)
    assert OFFICE.is_open(in_wib) == OFFICE_WITA.is_open(in_wita)
    one_hour = timedelta(hours=1)
    minutes_apart = OFFICE.add_working_minutes(in_wib, m) - OFFICE_WITA.add_working_minutes(
        in_wita, m
    )
    assert minutes_apart == one_hour
    days_apart = OFFICE.add_working_days(in_wib, m % 12) - OFFICE_WITA.add_working_days(
        in_wita, m % 12
    )
    assert days_apart == one_hour


@given(calendars, wall_times, budgets)
def test_input_offset_does_not_matter(cal: BusinessCalendar, wall: datetime, m: int) -> None:
    start = in_zone(cal, wall)
    assert cal.add_working_minutes(start.astimezone(UTC), m) == cal.add_working_minutes(start, m)


@given(calendars, wall_times, budgets.filter(lambda m: m > 0), gaps, gaps)
def test_pause_pushes_deadline_by_exactly_the_paused_working_time(
    cal: BusinessCalendar, wall: datetime, m: int, offset: timedelta, length: timedelta
) -> None:
    start = whole_minute(in_zone(cal, wall))
    paused_at = start + offset  # may lie before the start: only the part after it counts
    resumed_at = paused_at + abs(length)
    unpaused = cal.add_working_minutes(start, m)
    due = cal.due_with_pauses(start, m, [(paused_at, resumed_at)])
    still_paused = cal.due_with_pauses(start, m, [(paused_at, None)])
    effective_start = max(paused_at, start)
    if effective_start >= unpaused:
        assert due == unpaused == still_paused
        return
    assert still_paused is None
    if resumed_at <= start:
        assert due == unpaused
        return
    paused_minutes = cal.working_minutes_between(effective_start, resumed_at)
    assert due == cal.add_working_minutes(start, m + paused_minutes)
    assert due is not None
    assert cal.working_minutes_between(unpaused, due) == paused_minutes


@given(calendars, wall_times, budgets, st.lists(st.tuples(gaps, gaps), max_size=4))
def test_pauses_never_pull_a_deadline_earlier(
    cal: BusinessCalendar, wall: datetime, m: int, raw: list[tuple[timedelta, timedelta]]
) -> None:
    start = in_zone(cal, wall)
    pauses = [(start + offset, start + offset + abs(length)) for offset, length in raw]
    due = cal.due_with_pauses(start, m, pauses)
    assert due is not None
    assert due >= cal.add_working_minutes(start, m)
    # Splitting every pause in two at its midpoint changes nothing.
    halves = [part for a, b in pauses for part in ((a, a + (b - a) / 2), (a + (b - a) / 2, b))]
    assert cal.due_with_pauses(start, m, halves) == due


@given(wall_times, gaps, st.integers(min_value=0, max_value=10**6))
def test_always_open_is_timedelta_arithmetic(wall: datetime, gap: timedelta, m: int) -> None:
    start = in_zone(ALWAYS_OPEN, wall)
    assert ALWAYS_OPEN.is_open(start)
    assert ALWAYS_OPEN.add_working_minutes(start, m) == start + timedelta(minutes=m)
    assert ALWAYS_OPEN.add_working_days(start, m % 90) == start + timedelta(days=m % 90)
    assert ALWAYS_OPEN.working_minutes_between(start, start + gap) == max(gap, timedelta(0)) // (
        timedelta(minutes=1)
    )
    assert ALWAYS_OPEN.due_with_pauses(start, m, []) == start + timedelta(minutes=m)


@given(calendars, wall_times, st.integers(min_value=0, max_value=20))
def test_working_day_deadline_closes_the_nth_working_day_after_receipt(
    cal: BusinessCalendar, wall: datetime, n: int
) -> None:
    start = in_zone(cal, wall)
    due = cal.add_working_days(start, n)
    last_open_moment = due - timedelta(microseconds=1)
    assert cal.is_open(last_open_moment)
    tz = ZoneInfo(cal.tz_name)
    receipt_day = cal.next_opening(start).astimezone(tz).date()
    # Measured on the last open moment, because a night shift closes at 24:00, the next date.
    due_day = last_open_moment.astimezone(tz).date()
    days_after = [
        receipt_day + timedelta(days=i) for i in range(1, (due_day - receipt_day).days + 1)
    ]
    assert sum(cal.is_working_day(day) for day in days_after) == n
    assert n == 0 or cal.is_working_day(due_day)
    assert due >= start
