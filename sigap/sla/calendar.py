"""Business-calendar arithmetic for SLA clocks.

Pure Python, no Django and no database: the `sla` services load a calendar's plain data (time zone,
weekly hours, holidays, overrides) from wherever it is stored and call into this module, so that a
sweeper can recompute thousands of deadlines cheaply.

Conventions:

* Every public function takes aware datetimes (a naive one raises ``ValueError``) and returns aware
  datetimes in UTC.
* Office hours are half-open intervals ``[open, close)`` in local wall-clock time. Breaks (lunch,
  Friday prayer) are simply the gaps between intervals.
* Arithmetic runs on local wall-clock time. That is exact for WIB, WITA and WIT, which have a fixed
  UTC offset and no daylight saving time; a calendar is not meant for zones with DST.
* The loops step a day at a time and only touch a day's few intervals, never individual minutes.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo

import holidays as holidays_lib

WIB = "Asia/Jakarta"  # UTC+7: Sumatra, Java, West and Central Kalimantan
WITA = "Asia/Makassar"  # UTC+8: Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi
WIT = "Asia/Jayapura"  # UTC+9: Maluku and Papua

Span = tuple[int, int]
"""One opening interval as seconds since local midnight, half-open ``[start, end)``."""
DayHours = tuple[Span, ...]
WeeklyHours = tuple[DayHours, ...]
"""Seven `DayHours`, index 0 is Monday (as `date.weekday()`)."""
TimeLike = time | str
ScheduleData = Mapping[int, Sequence[tuple[TimeLike, TimeLike]]]
"""Plain-data schedule ``{weekday: [(start, end), ...]}``, Monday = 0, times `time` or "HH:MM"."""
DateLike = date | str
Pause = tuple[datetime, datetime | None]
"""A clock pause ``(paused_at, resumed_at)``; ``resumed_at`` is None while still paused."""

_DAY_SECONDS = 24 * 60 * 60
_FULL_DAY: DayHours = ((0, _DAY_SECONDS),)
_MINUTE = timedelta(minutes=1)
_ZERO = timedelta(0)
_FIRST_HOLIDAY_YEAR = 2020  # the oldest year whose cases we still expect to recompute

# Typical Pemda office hours (37.5 hours a week). Defaults only: every agency can store its own.
DEFAULT_OFFICE_SCHEDULE: ScheduleData = MappingProxyType(
    {
        0: (("07:30", "12:00"), ("13:00", "16:00")),
        1: (("07:30", "12:00"), ("13:00", "16:00")),
        2: (("07:30", "12:00"), ("13:00", "16:00")),
        3: (("07:30", "12:00"), ("13:00", "16:00")),
        # Friday: a longer break for Friday prayer, made up by closing later.
        4: (("07:30", "11:30"), ("13:00", "16:30")),
    }
)


# --- parsing plain data ---------------------------------------------------------------------------


def _parse_clock(value: TimeLike) -> int:
    """Seconds since midnight for a `time` or "HH:MM[:SS]"; the string "24:00" means end of day."""
    if isinstance(value, time):
        if value.microsecond or value.tzinfo is not None:
            raise ValueError(f"office hours need whole seconds and no tzinfo: {value!r}")
        return value.hour * 3600 + value.minute * 60 + value.second
    parts = value.strip().split(":")
    if len(parts) not in (2, 3) or not all(part.isdigit() for part in parts):
        raise ValueError(f"expected HH:MM or HH:MM:SS, got {value!r}")
    hours, minutes, seconds = (int(part) for part in [*parts, "0"][:3])
    if minutes > 59 or seconds > 59:
        raise ValueError(f"invalid clock time {value!r}")
    total = hours * 3600 + minutes * 60 + seconds
    if total > _DAY_SECONDS:
        raise ValueError(f"clock time past 24:00: {value!r}")
    return total


def _parse_date(value: DateLike) -> date:
    if isinstance(value, datetime):
        # A datetime is a date subclass; silently dropping its time would hide a caller bug.
        raise ValueError(f"expected a date, got a datetime: {value!r}")
    return value if isinstance(value, date) else date.fromisoformat(value)


def _check_day(spans: DayHours) -> DayHours:
    """Validate one day's spans (sorted, in range, not overlapping) and merge touching ones."""
    merged: list[Span] = []
    for start, end in spans:
        if not 0 <= start < end <= _DAY_SECONDS:
            raise ValueError(f"office interval must satisfy 00:00 <= start < end <= 24:00: {spans}")
        if merged and start < merged[-1][1]:
            raise ValueError(f"office intervals overlap or are not sorted: {spans}")
        if merged and start == merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


def parse_schedule(schedule: ScheduleData) -> WeeklyHours:
    """Normalize ``{weekday: [(start, end), ...]}`` into `WeeklyHours`; missing days are off."""
    unknown = set(schedule) - set(range(7))
    if unknown:
        raise ValueError(f"weekdays are 0 (Monday) to 6 (Sunday), got {sorted(unknown)}")
    return tuple(
        _check_day(
            tuple(sorted((_parse_clock(a), _parse_clock(b)) for a, b in schedule.get(day, ())))
        )
        for day in range(7)
    )


def _require_aware(value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime not allowed, attach a time zone: {value!r}")


def _require_non_negative(amount: int, what: str) -> None:
    if amount < 0:
        raise ValueError(f"{what} must not be negative, got {amount}")


# --- the calendar ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BusinessCalendar:
    """When an office is open, and working-time arithmetic over it.

    A date's hours: if it is in ``extra_open`` it is a working day (its weekday's hours, or the
    first scheduled weekday's hours when that weekday is normally off, e.g. a Saturday made a
    working day); otherwise a date in ``holidays`` is closed; otherwise its weekday's hours apply.
    ``always_open`` (24/7, e.g. a command center) ignores hours and holidays altogether.

    Build one from plain data with `BusinessCalendar.from_data` or `indonesian_calendar`.
    """

    tz_name: str
    weekly_hours: WeeklyHours
    holidays: frozenset[date] = frozenset()
    extra_open: frozenset[date] = frozenset()
    always_open: bool = False
    _tz: ZoneInfo = field(init=False, repr=False, compare=False)
    _fallback_hours: DayHours = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.weekly_hours) != 7:
            raise ValueError("weekly_hours needs exactly seven days, Monday first")
        for day in self.weekly_hours:
            _check_day(day)
        open_days = [day for day in self.weekly_hours if day]
        # Without a single open weekday the day-stepping loops below would never end.
        if not open_days and not self.always_open:
            raise ValueError("a calendar must open on at least one weekday (or be always_open)")
        object.__setattr__(self, "_tz", ZoneInfo(self.tz_name))
        object.__setattr__(self, "_fallback_hours", open_days[0] if open_days else _FULL_DAY)

    @classmethod
    def from_data(
        cls,
        *,
        tz_name: str,
        schedule: ScheduleData,
        holidays: Iterable[DateLike] = (),
        extra_open: Iterable[DateLike] = (),
        always_open: bool = False,
    ) -> BusinessCalendar:
        """Build from JSON-friendly data: "HH:MM" strings and ISO date strings are accepted."""
        return cls(
            tz_name=tz_name,
            weekly_hours=parse_schedule(schedule),
            holidays=frozenset(_parse_date(day) for day in holidays),
            extra_open=frozenset(_parse_date(day) for day in extra_open),
            always_open=always_open,
        )

    def with_overrides(
        self, *, extra_closed: Iterable[DateLike] = (), extra_open: Iterable[DateLike] = ()
    ) -> BusinessCalendar:
        """A copy with more closed dates and more working dates (working dates win)."""
        return dataclasses.replace(
            self,
            holidays=self.holidays | {_parse_date(day) for day in extra_closed},
            extra_open=self.extra_open | {_parse_date(day) for day in extra_open},
        )

    # --- public API -------------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        return bool(self._hours_on(day))

    def is_open(self, at: datetime) -> bool:
        local = self._to_local(at)
        return any(start <= local < end for start, end in self._spans_on(local.date()))

    def next_opening(self, at: datetime) -> datetime:
        """The earliest instant at or after ``at`` when the office is open (``at`` if open)."""
        return self._to_utc(self._add_working(self._to_local(at), _ZERO))

    def add_working_minutes(self, start: datetime, minutes: int) -> datetime:
        """The instant when ``minutes`` of office time have passed since ``start``.

        Outside hours the clock starts at the next opening. The result lies inside office hours or
        exactly on a closing time (a budget that runs out at 16:00 is due at 16:00, not at the next
        morning's opening). Adding 0 minutes gives the moment the clock starts: `next_opening`.
        """
        _require_non_negative(minutes, "minutes")
        return self._to_utc(self._add_working(self._to_local(start), minutes * _MINUTE))

    def working_minutes_between(self, a: datetime, b: datetime) -> int:
        """Whole minutes of office time in ``[a, b)``, rounded down; 0 if ``b <= a``."""
        return self._working_between(self._to_local(a), self._to_local(b)) // _MINUTE

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """Deadline for "within N working days" (LAPOR!: 3 to dispose, 5 to follow up, 10 to close).

        The report counts as received on the working day on which the clock starts, that is the date
        of ``next_opening(start)``: during hours or before opening on a working day that is the same
        day; after closing, on a weekend or on a holiday it is the next working day. The receipt day
        itself never counts, so the deadline is the closing time of the N-th working day after it.
        Examples (Mon-Fri office): Monday 06:00, 10:00 or 15:59, and Saturday night, all give
        Thursday's closing time for N = 3; Monday 16:30 gives Friday's. N = 0 means by the close of
        the receipt day. Every received report therefore gets at least N full working days.

        An ``always_open`` calendar has no office day to end, so there N days are N x 24 hours.
        """
        _require_non_negative(days, "days")
        if self.always_open:
            return (start + timedelta(days=days)).astimezone(UTC)
        day = self._add_working(self._to_local(start), _ZERO).date()
        counted = 0
        while counted < days:
            day += timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return self._to_utc(self._closing_time(day))

    def add_calendar_days(self, start: datetime, days: int) -> datetime:
        """``start`` plus ``days`` calendar days at the same local clock time (14 and 60 days).

        Holidays and office hours do not matter here, so a deadline may fall on a Sunday night.
        """
        _require_non_negative(days, "days")
        return self._to_utc(self._to_local(start) + timedelta(days=days))

    def due_with_pauses(
        self, start: datetime, minutes: int, pauses: Iterable[Pause]
    ) -> datetime | None:
        """Due time of a ``minutes`` working-time budget whose clock stops during ``pauses``.

        Pauses model "menunggu warga" (waiting for the citizen): office time inside a pause is not
        spent. Pauses may overlap or start before ``start``; only their union after it counts.
        A pause that begins at or after the unpaused due time changes nothing: the deadline was
        already reached (the case is overdue, pausing it does not excuse that). Returns None when a
        still-open pause (``resumed_at`` None) began before the budget ran out: the clock is
        stopped, so there is no due time until the case resumes.
        """
        _require_non_negative(minutes, "minutes")
        cursor = self._to_local(start)
        remaining = minutes * _MINUTE
        for paused_at, resumed_at in self._merged_pauses(pauses):
            if resumed_at is not None and resumed_at <= cursor:
                continue
            if paused_at > cursor:
                due = self._add_working(cursor, remaining)
                if due <= paused_at:
                    return self._to_utc(due)
                remaining -= self._working_between(cursor, paused_at)
            if resumed_at is None:
                return None
            cursor = resumed_at  # later than cursor: earlier pauses were skipped above
        return self._to_utc(self._add_working(cursor, remaining))

    # --- internals: all on naive local wall-clock datetimes ---------------------------------------

    def _to_local(self, at: datetime) -> datetime:
        _require_aware(at)
        return at.astimezone(self._tz).replace(tzinfo=None)

    def _to_utc(self, local: datetime) -> datetime:
        return local.replace(tzinfo=self._tz).astimezone(UTC)

    def _hours_on(self, day: date) -> DayHours:
        if self.always_open:
            return _FULL_DAY
        if day in self.extra_open:
            return self.weekly_hours[day.weekday()] or self._fallback_hours
        if day in self.holidays:
            return ()
        return self.weekly_hours[day.weekday()]

    def _spans_on(self, day: date) -> Iterator[tuple[datetime, datetime]]:
        midnight = datetime.combine(day, time.min)
        for start, end in self._hours_on(day):
            yield midnight + timedelta(seconds=start), midnight + timedelta(seconds=end)

    def _closing_time(self, day: date) -> datetime:
        return datetime.combine(day, time.min) + timedelta(seconds=self._hours_on(day)[-1][1])

    def _add_working(self, start: datetime, amount: timedelta) -> datetime:
        if self.always_open:
            return start + amount
        day, remaining = start.date(), amount
        while True:
            for open_at, close_at in self._spans_on(day):
                if close_at <= start:
                    continue
                begin = max(open_at, start)
                if remaining <= close_at - begin:
                    return begin + remaining
                remaining -= close_at - begin
            day += timedelta(days=1)

    def _working_between(self, a: datetime, b: datetime) -> timedelta:
        if b <= a:
            return _ZERO
        if self.always_open:
            return b - a
        total, day = _ZERO, a.date()
        while day <= b.date():
            for open_at, close_at in self._spans_on(day):
                overlap = min(close_at, b) - max(open_at, a)
                if overlap > _ZERO:
                    total += overlap
            day += timedelta(days=1)
        return total

    def _merged_pauses(self, pauses: Iterable[Pause]) -> list[tuple[datetime, datetime | None]]:
        """Pauses in local time, sorted, overlapping ones merged; an open pause ends the list."""
        local: list[tuple[datetime, datetime | None]] = []
        for paused_at, resumed_at in pauses:
            begin = self._to_local(paused_at)
            end = None if resumed_at is None else self._to_local(resumed_at)
            if end is not None and end < begin:
                raise ValueError(f"pause resumes before it starts: {paused_at} > {resumed_at}")
            local.append((begin, end))
        local.sort(key=lambda pause: pause[0])
        merged: list[tuple[datetime, datetime | None]] = []
        for begin, end in local:
            last_end = merged[-1][1] if merged else None
            if last_end is not None and begin <= last_end:
                merged[-1] = (merged[-1][0], None if end is None else max(end, last_end))
            else:
                merged.append((begin, end))
            if merged[-1][1] is None:
                break  # an open pause swallows every later one
        return merged


ALWAYS_OPEN = BusinessCalendar.from_data(tz_name=WIB, schedule={}, always_open=True)
"""24/7 calendar (command center, emergencies): working time is plain elapsed time."""


# --- Indonesian holidays --------------------------------------------------------------------------


def indonesian_holidays(
    years: Iterable[int], *, cuti_bersama: bool = True, language: str = "id"
) -> dict[date, str]:
    """National holidays (``public``) and, optionally, cuti bersama (``government``) by date.

    Comes from the ``holidays`` package: public holidays for any year (lunar ones marked
    "(estimated)" beyond the years with a published decree), cuti bersama only for years whose SKB
    the package knows. Names are in Indonesian by default, for showing staff why a day is closed.
    """
    categories = ("public", "government") if cuti_bersama else ("public",)
    found = holidays_lib.country_holidays(
        "ID", years=sorted(set(years)), categories=categories, language=language
    )
    return dict(sorted(found.items()))


@functools.lru_cache(maxsize=32)
def _holiday_dates(years: tuple[int, ...], cuti_bersama: bool) -> frozenset[date]:
    # Cached: the sweeper may build calendars often, and the package computes lunar dates each time.
    return frozenset(indonesian_holidays(years, cuti_bersama=cuti_bersama))


def default_holiday_years(today: date | None = None) -> range:
    """2020 up to two years ahead: far enough back for old cases, ahead for long deadlines."""
    return range(_FIRST_HOLIDAY_YEAR, (today or date.today()).year + 3)


def indonesian_calendar(
    tz: str = WIB,
    years: Iterable[int] | None = None,
    schedule: ScheduleData = DEFAULT_OFFICE_SCHEDULE,
    extra_closed: Iterable[DateLike] = (),
    extra_open: Iterable[DateLike] = (),
    *,
    cuti_bersama: bool = True,
) -> BusinessCalendar:
    """An Indonesian office calendar: national holidays and cuti bersama plus local overrides.

    ``extra_closed`` adds dates (regional holidays, a cuti bersama the package lacks);
    ``extra_open`` makes dates working days (a cancelled cuti bersama, a working Saturday).
    A date in both is a configuration mistake and raises ``ValueError``.
    """
    closed = {_parse_date(day) for day in extra_closed}
    opened = {_parse_date(day) for day in extra_open}
    if clash := closed & opened:
        raise ValueError(f"dates both closed and open: {sorted(clash)}")
    year_key = tuple(sorted(set(default_holiday_years() if years is None else years)))
    return BusinessCalendar(
        tz_name=tz,
        weekly_hours=parse_schedule(schedule),
        holidays=_holiday_dates(year_key, cuti_bersama) | closed,
        extra_open=frozenset(opened),
    )
