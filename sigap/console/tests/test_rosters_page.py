"""The roster page: admins edit their agency's piket, officers read it, others get nothing."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from sigap.agencies.models import DutyKind, DutyOverride, DutyShift, RosterMember, RosterSetting
from sigap.agencies.rosters import duty_shift_create

URL = "/konsol/piket/"
WIB = ZoneInfo("Asia/Jakarta")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _monday_morning(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = datetime(2025, 11, 17, 9, 0, tzinfo=WIB).astimezone(UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)


def post(client: Any, action: str, data: dict[str, Any], code: str = "dputr", **extra: Any) -> Any:
    return client.post(f"{URL}{code}/{action}/", data, **extra)


def test_admin_adds_a_weekday_shift_with_htmx(client, admin_a, staff_a):
    client.force_login(admin_a)
    page = client.get(URL)
    assert page.status_code == 200 and "Jadwal piket DPUTR" in page.text
    response = post(
        client,
        "jadwal",
        {
            "shift-user": "petugas.a",
            "shift-weekdays": ["0", "1", "2", "3", "4"],
            "shift-starts_at": "07:30",
            "shift-ends_at": "12:00",
            "shift-kind": "office",
        },
        **HTMX,
    )
    assert response.status_code == 200
    assert "5 jadwal piket petugas.a disimpan." in response.text
    assert DutyShift.objects.filter(user=staff_a, kind=DutyKind.OFFICE).count() == 5
    assert '<div id="roster-board"' in response.text and "<html" not in response.text
    # Monday 09:00: the roster now says only petugas.a is on duty.
    now = client.get(URL).text
    assert "Sedang piket sekarang" in now and "jam kerja" in now


def test_shift_errors_are_indonesian_and_store_nothing(client, admin_a, staff_a, staff_b):
    duty_shift_create(
        agency=staff_a.memberships.get().agency, user=staff_a, weekday=0,
        starts_at=time(7, 30), ends_at=time(12), actor=None,
    )  # fmt: skip
    client.force_login(admin_a)
    cases = [
        ({"shift-weekdays": ["0", "1"], "shift-starts_at": "11:00", "shift-ends_at": "13:00"},
         "bertabrakan"),
        ({"shift-weekdays": ["1"], "shift-starts_at": "13:00", "shift-ends_at": "09:00"},
         "Jam selesai harus setelah jam mulai"),
        ({"shift-weekdays": [], "shift-starts_at": "08:00", "shift-ends_at": "09:00"},
         "Pilih minimal satu hari."),
        ({"shift-weekdays": ["1"], "shift-starts_at": "8 pagi", "shift-ends_at": "09:00"},
         "Tulis jam seperti 07:30."),
        ({"shift-weekdays": ["1"], "shift-starts_at": "08:00", "shift-ends_at": "09:00",
          "shift-user": "petugas.b"}, "Petugas tidak dikenal."),
    ]  # fmt: skip
    for data, error in cases:
        payload = {"shift-user": "petugas.a", "shift-kind": "office", **data}
        response = post(client, "jadwal", payload, **HTMX)
        assert response.status_code == 200 and error in response.text, error
    # The overlapping Monday made Tuesday's slot roll back too: one stored shift, as before.
    assert DutyShift.objects.count() == 1


def test_override_times_are_the_agency_local_time(client, admin_a, staff_a, agency_a):
    from sigap.sla.models import BusinessCalendar

    agency_a.calendar = BusinessCalendar.objects.create(name="WITA", timezone="Asia/Makassar")
    agency_a.save(update_fields=["calendar"])
    client.force_login(admin_a)
    data = {
        "override-user": "petugas.a",
        "override-is_absence": "1",
        "override-kind": "office",
        "override-starts_at": "2025-11-18T08:00",
        "override-ends_at": "2025-11-18T16:00",
        "override-note": "Cuti",
    }
    response = post(client, "perubahan", data)
    assert response.status_code == 302
    override = DutyOverride.objects.get()
    assert override.is_absence and override.starts_at == datetime(2025, 11, 18, 0, 0, tzinfo=UTC)
    bad = post(client, "perubahan", {**data, "override-ends_at": "2025-11-18T07:00"}, **HTMX)
    assert "Waktu selesai harus setelah waktu mulai." in bad.text
    assert DutyOverride.objects.count() == 1


def test_settings_caps_and_deletion(client, admin_a, staff_a, agency_a):
    client.force_login(admin_a)
    post(client, "pengaturan", {"setting-autoassign": "on", "setting-default_cap": "5"})
    setting = RosterSetting.objects.get(agency=agency_a)
    assert setting.autoassign and setting.default_cap == 5
    bad = post(client, "pengaturan", {"setting-default_cap": "-1"}, **HTMX)
    assert "Batas laporan harus antara 0 dan 1000." in bad.text
    post(client, "batas", {"cap-user": "petugas.a", "cap-case_cap": "2"})
    assert RosterMember.objects.get(user=staff_a).case_cap == 2
    page = client.get(URL).text
    assert "Laporan baru dibagi otomatis" in page and "(pribadi)" in page

    shift = duty_shift_create(agency=agency_a, user=staff_a, weekday=0, starts_at=time(8),
                              ends_at=time(12), actor=None)  # fmt: skip
    response = client.post(f"{URL}dputr/jadwal-hapus/{shift.pk}/", **HTMX)
    assert "Jadwal piket dihapus." in response.text
    assert not DutyShift.objects.exists()


def test_officers_read_only_and_other_agencies_hidden(client, staff_a, staff_b, agency_b, leader):
    shift = duty_shift_create(agency=agency_b, user=staff_b, weekday=0, starts_at=time(8),
                              ends_at=time(12), actor=None)  # fmt: skip
    client.force_login(staff_a)
    page = client.get(URL)
    assert page.status_code == 200 and "Simpan jadwal" not in page.text
    assert client.get(URL, {"instansi": "dinkes"}).status_code == 404
    data = {"shift-user": "petugas.a", "shift-weekdays": ["2"], "shift-starts_at": "08:00",
            "shift-ends_at": "09:00", "shift-kind": "office"}  # fmt: skip
    assert post(client, "jadwal", data).status_code == 403
    assert post(client, "jadwal", data, code="dinkes").status_code == 404
    assert client.post(f"{URL}dinkes/jadwal-hapus/{shift.pk}/").status_code == 404
    assert DutyShift.objects.count() == 1
    client.force_login(leader)  # Pemda-wide: reads every agency's roster, changes none
    page = client.get(URL, {"instansi": "dinkes"})
    assert page.status_code == 200 and "Simpan jadwal" not in page.text
    assert post(client, "jadwal", data, code="dinkes").status_code == 403
    assert DutyShift.objects.count() == 1


def test_staff_without_agency_get_403(client, pemda):
    from sigap.agencies.models import User

    client.force_login(User.objects.create_user(username="tanpa.instansi", password="x"))
    assert client.get(URL).status_code == 403


def test_admin_cannot_delete_another_agencys_shift_through_their_own(
    client, admin_a, staff_b, agency_b
):
    shift = duty_shift_create(agency=agency_b, user=staff_b, weekday=0, starts_at=time(8),
                              ends_at=time(12), actor=None)  # fmt: skip
    client.force_login(admin_a)
    assert client.post(f"{URL}dputr/jadwal-hapus/{shift.pk}/").status_code == 404
    assert DutyShift.objects.filter(pk=shift.pk).exists()


def test_roster_page_query_budget(client, admin_a, agency_a, django_assert_num_queries):
    from sigap.agencies.models import User
    from sigap.agencies.services import membership_add

    client.force_login(admin_a)
    for size in (2, 10):
        for n in range(size):
            user = User.objects.create_user(username=f"p{size}-{n}", password="x")
            membership_add(user=user, agency=agency_a, role="agency_officer")
            duty_shift_create(agency=agency_a, user=user, weekday=n % 7, starts_at=time(8),
                              ends_at=time(12), actor=None)  # fmt: skip
        # 18 with the navigation bar's staff scope (may this user triage?).
        with django_assert_num_queries(18):
            assert client.get(URL).status_code == 200
