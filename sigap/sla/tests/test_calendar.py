"""Example tests for sigap.sla.calendar with real 2026 dates (WIB unless stated)."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from sigap.sla.calendar import (
    ALWAYS_OPEN,
    DEFAULT_OFFICE_SCHEDULE,
    WIB,
    WIT,
    WITA,
    BusinessCalendar,
    default_holiday_years,
    indonesian_calendar,
    indonesian_holidays,
)

JAKARTA = ZoneInfo(WIB)
CAL = indonesian_calendar(years=range(2025, 2028))

# SKB 3 Menteri on cuti bersama 2026, as shipped by holidays 0.108 (category "government").
CUTI_BERSAMA_2026 = {
    date(2026, 2, 16): "Imlek",
    date(2026, 3, 18): "Nyepi",
    date(2026, 3, 20): "Idul Fitri",
    date(2026, 3, 23): "Idul Fitri",
    date(2026, 3, 24): "Idul Fitri",
    date(2026, 5, 15): "Kenaikan Yesus Kristus",
    date(2026, 5, 28): "Idul Adha",
    date(2026, 12, 24): "Natal",
}


def wib(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=JAKARTA)


# --- holiday data ---------------------------------------------------------------------------------


def test_holidays_2026_include_cuti_bersama_and_public_holidays() -> None:
    found = indonesian_holidays([2026])
    for day, name in CUTI_BERSAMA_2026.items():
        assert "Cuti Bersama" in found[day]
        assert name in found[day]
    assert "Idul Fitri" in found[date(2026, 3, 21)]
    assert "Natal" in found[date(2026, 12, 25)]
    assert found[date(2026, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"


def test_cuti_bersama_can_be_left_out() -> None:
    public_only = indonesian_holidays([2026], cuti_bersama=False)
    assert not set(CUTI_BERSAMA_2026) & set(public_only)
    assert date(2026, 3, 21) in public_only
    assert indonesian_calendar(years=[2026], cuti_bersama=False).is_working_day(date(2026, 3, 23))


def test_calendar_closes_on_cuti_bersama_and_holidays() -> None:
    for day in [*CUTI_BERSAMA_2026, date(2026, 1, 16), date(2026, 12, 25)]:
        assert not CAL.is_working_day(day)
        assert not CAL.is_open(wib(day.year, day.month, day.day, 10))


def test_default_years_cover_the_recent_past_and_two_years_ahead() -> None:
    assert default_holiday_years(date(2026, 5, 1)) == range(2020, 2029)


# --- office hours, breaks, Friday -----------------------------------------------------------------


def test_office_hours_and_breaks() -> None:
    thursday, friday = (2026, 1, 8), (2026, 1, 9)
    assert CAL.is_open(wib(*thursday, 7, 30))
    assert not CAL.is_open(wib(*thursday, 7, 29))
    assert CAL.is_open(wib(*thursday, 11, 45))
    assert not CAL.is_open(wib(*thursday, 12, 30))  # lunch
    assert not CAL.is_open(wib(*thursday, 16, 0))  # closing time is already closed
    assert not CAL.is_open(wib(*friday, 11, 45))  # Friday prayer
    assert CAL.is_open(wib(*friday, 16, 15))  # Friday closes at 16:30
    assert not CAL.is_open(wib(2026, 1, 10, 10))  # Saturday


def test_friday_prayer_break_is_skipped() -> None:
    assert CAL.add_working_minutes(wib(2026, 1, 9, 11, 20), 15) == wib(2026, 1, 9, 13, 5)
    assert CAL.add_working_minutes(wib(2026, 1, 8, 11, 50), 15) == wib(2026, 1, 8, 13, 5)


def test_friday_1555_with_15_minutes_fits_before_1630() -> None:
    assert CAL.add_working_minutes(wib(2026, 1, 9, 15, 55), 15) == wib(2026, 1, 9, 16, 10)


def test_friday_1625_with_15_minutes_runs_into_monday() -> None:
    assert CAL.add_working_minutes(wib(2026, 1, 9, 16, 25), 15) == wib(2026, 1, 12, 7, 40)


def test_budget_ending_at_closing_time_is_due_at_closing_time() -> None:
    assert CAL.add_working_minutes(wib(2026, 1, 8, 15, 45), 15) == wib(2026, 1, 8, 16, 0)


def test_saturday_night_report() -> None:
    saturday_night = wib(2026, 1, 10, 21, 0)
    assert CAL.next_opening(saturday_night) == wib(2026, 1, 12, 7, 30)
    assert CAL.add_working_minutes(saturday_night, 15) == wib(2026, 1, 12, 7, 45)
    assert CAL.add_working_days(saturday_night, 3) == wib(2026, 1, 15, 16, 0)
    # Friday 16 January 2026 is Isra Mikraj, so five working days end on Tuesday.
    assert CAL.add_working_days(saturday_night, 5) == wib(2026, 1, 20, 16, 0)
    assert CAL.add_calendar_days(saturday_night, 14) == wib(2026, 1, 24, 21, 0)
    assert CAL.add_calendar_days(saturday_night, 60) == wib(2026, 3, 11, 21, 0)


def test_results_are_utc() -> None:
    due = CAL.add_working_minutes(wib(2026, 1, 9, 15, 55), 15)
    assert due.tzinfo is UTC
    assert due == datetime(2026, 1, 9, 9, 10, tzinfo=UTC)


# --- the working-day rule -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (wib(2026, 2, 2, 6, 0), wib(2026, 2, 5, 16, 0)),  # before opening: Monday is receipt day
        (wib(2026, 2, 2, 10, 0), wib(2026, 2, 5, 16, 0)),
        (wib(2026, 2, 2, 15, 59), wib(2026, 2, 5, 16, 0)),
        (wib(2026, 2, 2, 16, 0), wib(2026, 2, 6, 16, 30)),  # after closing: received Tuesday
        (wib(2026, 1, 31, 23, 0), wib(2026, 2, 5, 16, 0)),  # Saturday: received Monday
    ],
)
def test_three_working_days(received: datetime, due: datetime) -> None:
    assert CAL.add_working_days(received, 3) == due


def test_zero_working_days_means_close_of_receipt_day() -> None:
    assert CAL.add_working_days(wib(2026, 2, 2, 10, 0), 0) == wib(2026, 2, 2, 16, 0)
    assert CAL.add_working_days(wib(2026, 2, 7, 10, 0), 0) == wib(2026, 2, 9, 16, 0)


def test_idul_fitri_2026_three_working_days() -> None:
    # 18 Mar cuti Nyepi, 19 Nyepi, 20 cuti, 21-22 Idul Fitri, 23-24 cuti: work resumes 25 Mar.
    received = wib(2026, 3, 17, 10, 0)
    assert CAL.add_working_days(received, 3) == wib(2026, 3, 27, 16, 30)
    assert CAL.add_working_minutes(wib(2026, 3, 17, 15, 55), 15) == wib(2026, 3, 25, 7, 40)


def test_christmas_2026() -> None:
    # 24 Dec cuti bersama, 25 Dec Natal, 26-27 weekend.
    assert CAL.add_working_minutes(wib(2026, 12, 23, 15, 55), 15) == wib(2026, 12, 28, 7, 40)
    assert CAL.add_working_days(wib(2026, 12, 22, 10, 0), 3) == wib(2026, 12, 29, 16, 0)


def test_working_minutes_between() -> None:
    assert CAL.working_minutes_between(wib(2026, 1, 8, 7, 0), wib(2026, 1, 8, 17, 0)) == 7 * 60 + 30
    friday = CAL.working_minutes_between(wib(2026, 1, 9, 0, 0), wib(2026, 1, 10, 0, 0))
    assert friday == 7 * 60 + 30
    assert CAL.working_minutes_between(wib(2026, 1, 9, 12, 0), wib(2026, 1, 8, 12, 0)) == 0
    # Fractions of a minute are rounded down.
    assert CAL.working_minutes_between(wib(2026, 1, 8, 8, 0), wib(2026, 1, 8, 8, 1, 59)) == 1


# --- time zones -----------------------------------------------------------------------------------


def test_same_wall_clock_schedule_in_wib_wita_wit() -> None:
    results = []
    for tz_name in (WIB, WITA, WIT):
        tz_cal = indonesian_calendar(tz_name, years=[2026])
        start = datetime(2026, 1, 9, 15, 55, tzinfo=ZoneInfo(tz_name))
        results.append(tz_cal.add_working_minutes(start, 15))
    assert [r.hour for r in results] == [9, 8, 7]  # 16:10 local in UTC+7, +8, +9


def test_input_time_zone_does_not_matter() -> None:
    start = wib(2026, 1, 9, 15, 55)
    assert CAL.add_working_minutes(start.astimezone(UTC), 15) == CAL.add_working_minutes(start, 15)


# --- overrides and plain data ---------------------------------------------------------------------


def test_extra_open_overrides_a_cuti_bersama() -> None:
    cal = indonesian_calendar(years=[2026], extra_open=["2026-12-24"])
    assert cal.is_open(wib(2026, 12, 24, 10, 0))
    assert not cal.is_open(wib(2026, 12, 25, 10, 0))


def test_extra_open_saturday_uses_first_scheduled_weekday_hours() -> None:
    cal = CAL.with_overrides(extra_open=[date(2026, 1, 10)])
    assert cal.is_open(wib(2026, 1, 10, 7, 30))
    assert not cal.is_open(wib(2026, 1, 10, 12, 30))
    assert cal.add_working_days(wib(2026, 1, 9, 10, 0), 1) == wib(2026, 1, 10, 16, 0)


def test_extra_closed_regional_holiday() -> None:
    # Hari Jadi Kabupaten Bandung, 20 April, as a local closing day.
    cal = indonesian_calendar(years=[2026], extra_closed=[date(2026, 4, 20)])
    assert not cal.is_open(wib(2026, 4, 20, 10, 0))
    assert CAL.is_open(wib(2026, 4, 20, 10, 0))


def test_a_date_both_closed_and_open_is_rejected() -> None:
    with pytest.raises(ValueError, match="both closed and open"):
        indonesian_calendar(years=[2026], extra_closed=["2026-05-04"], extra_open=["2026-05-04"])


def test_saturday_service_from_plain_data() -> None:
    cal = BusinessCalendar.from_data(
        tz_name=WITA,
        schedule={**DEFAULT_OFFICE_SCHEDULE, 5: [(time(8, 0), "12:00")]},
        holidays=["2026-01-16"],
    )
    makassar = ZoneInfo(WITA)
    saturday = datetime(2026, 1, 10, 11, 50, tzinfo=makassar)
    assert cal.add_working_minutes(saturday, 15) == datetime(2026, 1, 12, 7, 35, tzinfo=makassar)
    assert not cal.is_open(datetime(2026, 1, 16, 10, 0, tzinfo=makassar))


def test_shift_across_midnight_is_continuous() -> None:
    night = {day: [("00:00", "06:00"), ("22:00", "24:00")] for day in range(7)}
    cal = BusinessCalendar.from_data(tz_name=WIB, schedule=night)
    assert cal.add_working_minutes(wib(2026, 1, 8, 23, 50), 20) == wib(2026, 1, 9, 0, 10)
    assert cal.add_working_days(wib(2026, 1, 8, 23, 0), 1) == wib(2026, 1, 10, 0, 0)


@pytest.mark.parametrize(
    "schedule",
    [
        {0: [("09:00", "12:00"), ("11:00", "13:00")]},  # overlap
        {0: [("12:00", "09:00")]},  # backwards
        {0: [("09:00", "25:00")]},
        {0: [("9", "10:00")]},
        {7: [("09:00", "10:00")]},  # no eighth weekday
        {},  # never open
    ],
)
def test_invalid_schedules_are_rejected(schedule: dict) -> None:
    with pytest.raises(ValueError):
        BusinessCalendar.from_data(tz_name=WIB, schedule=schedule)


def test_naive_datetimes_and_negative_amounts_are_rejected() -> None:
    naive = datetime(2026, 1, 8, 10, 0)
    for call in (
        lambda: CAL.is_open(naive),
        lambda: CAL.next_opening(naive),
        lambda: CAL.add_working_minutes(naive, 15),
        lambda: CAL.add_working_days(naive, 3),
        lambda: CAL.add_calendar_days(naive, 14),
        lambda: CAL.working_minutes_between(naive, wib(2026, 1, 9)),
        lambda: CAL.due_with_pauses(wib(2026, 1, 8), 15, [(naive, None)]),
        lambda: CAL.add_working_minutes(wib(2026, 1, 8), -1),
        lambda: CAL.add_working_days(wib(2026, 1, 8), -1),
    ):
        with pytest.raises(ValueError):
            call()


# --- pauses ("menunggu warga") --------------------------------------------------------------------


def test_pause_waiting_for_the_citizen_pushes_the_deadline() -> None:
    start = wib(2026, 2, 2, 9, 0)
    pauses = [(wib(2026, 2, 2, 9, 5), wib(2026, 2, 3, 9, 0))]
    assert CAL.due_with_pauses(start, 15, pauses) == wib(2026, 2, 3, 9, 10)


def test_open_pause_has_no_due_time() -> None:
    start = wib(2026, 2, 2, 9, 0)
    assert CAL.due_with_pauses(start, 15, [(wib(2026, 2, 2, 9, 5), None)]) is None


def test_pause_after_the_deadline_does_not_excuse_it() -> None:
    start = wib(2026, 2, 2, 9, 0)
    late = [(wib(2026, 2, 2, 10, 0), None)]
    assert CAL.due_with_pauses(start, 15, late) == wib(2026, 2, 2, 9, 15)


def test_overlapping_and_early_pauses_count_once() -> None:
    start = wib(2026, 2, 2, 9, 0)
    pauses = [
        (wib(2026, 2, 2, 8, 0), wib(2026, 2, 2, 9, 30)),  # began before the case
        (wib(2026, 2, 2, 10, 0), wib(2026, 2, 2, 11, 0)),
        (wib(2026, 2, 2, 10, 30), wib(2026, 2, 2, 11, 30)),
    ]
    # Paused 09:00-09:30 and 10:00-11:30: 60 + 30 + 90 working minutes from 09:00 end at noon.
    assert CAL.due_with_pauses(start, 60, pauses) == wib(2026, 2, 2, 12, 0)


def test_pause_resuming_before_it_starts_is_rejected() -> None:
    with pytest.raises(ValueError, match="resumes before"):
        CAL.due_with_pauses(wib(2026, 2, 2), 15, [(wib(2026, 2, 3), wib(2026, 2, 2))])


# --- 24/7 --------------------------------------------------------------------------------------


def test_always_open_is_plain_elapsed_time() -> None:
    saturday_night = wib(2026, 12, 26, 23, 50)  # a weekend after Christmas
    assert ALWAYS_OPEN.is_open(saturday_night)
    assert ALWAYS_OPEN.add_working_minutes(saturday_night, 15) == wib(2026, 12, 27, 0, 5)
    assert ALWAYS_OPEN.add_working_days(saturday_night, 3) == wib(2026, 12, 29, 23, 50)
