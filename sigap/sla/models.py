"""SLA policies and business calendars (the clock arithmetic lives in ``calendar.py``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


def default_office_schedule() -> dict[str, list[list[str]]]:
    """Typical Pemda office hours: Mon–Thu 07:30–16:00, Fri 07:30–16:30, breaks between."""
    weekday = [["07:30", "12:00"], ["13:00", "16:00"]]
    return {
        "0": weekday,
        "1": weekday,
        "2": weekday,
        "3": weekday,
        "4": [["07:30", "11:30"], ["13:00", "16:30"]],
    }


class BusinessCalendar(models.Model):
    """Office hours, time zone and closed/open overrides of one or more agencies."""

    name = models.CharField(_("nama"), max_length=100, unique=True)
    timezone = models.CharField(
        _("zona waktu"),
        max_length=40,
        default="Asia/Jakarta",
        choices=[
            ("Asia/Jakarta", "WIB"),
            ("Asia/Makassar", "WITA"),
            ("Asia/Jayapura", "WIT"),
        ],
    )
    always_open = models.BooleanField(_("24 jam"), default=False)
    # {"0": [["07:30","12:00"], ["13:00","16:00"]], ...}; Monday is "0".
    schedule = models.JSONField(_("jam kerja mingguan"), default=default_office_schedule)
    extra_closed_dates = models.JSONField(_("tanggal libur tambahan"), default=list, blank=True)
    extra_open_dates = models.JSONField(_("tanggal masuk tambahan"), default=list, blank=True)
    use_national_holidays = models.BooleanField(_("libur nasional dan cuti bersama"), default=True)

    class Meta:
        verbose_name = _("kalender kerja")
        verbose_name_plural = _("kalender kerja")

    def __str__(self) -> str:
        return self.name


class SlaPolicy(models.Model):
    """Response and resolution targets; LAPOR! stages are counted in working days."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    first_response_minutes = models.PositiveIntegerField(
        _("respons pertama (menit kerja)"), default=15
    )
    verification_days = models.PositiveIntegerField(
        _("verifikasi dan disposisi (hari kerja)"), default=3
    )
    followup_days = models.PositiveIntegerField(_("tindak lanjut (hari kerja)"), default=5)
    resolution_days = models.PositiveIntegerField(_("penyelesaian (hari kalender)"), default=14)
    autoclose_days = models.PositiveIntegerField(_("tutup otomatis (hari kerja)"), default=10)

    class Meta:
        verbose_name = _("kebijakan SLA")
        verbose_name_plural = _("kebijakan SLA")

    def __str__(self) -> str:
        return self.name
