"""The Pemda, its agency tree (OPD → units, plus external bodies) and staff with roles."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Pemda(models.Model):
    """A regional government running Sigap: owns agencies, cases and tracking numbers."""

    code = models.SlugField(_("kode"), max_length=32, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    short_name = models.CharField(_("nama singkat"), max_length=60)
    tracking_prefix = models.CharField(
        _("awalan nomor laporan"),
        max_length=6,
        unique=True,
        help_text=_("Huruf kapital, mis. BDG untuk nomor BDG-2611-00042."),
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("wilayah"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    timezone = models.CharField(_("zona waktu"), max_length=40, default="Asia/Jakarta")
    open311_jurisdiction = models.CharField(_("yurisdiksi Open311"), max_length=100, blank=True)
    routing_threshold = models.FloatField(
        _("ambang keyakinan perutean"),
        default=0.8,
        help_text=_("Di bawah ambang ini laporan masuk antrean triase koordinator."),
    )
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("Pemda")
        verbose_name_plural = _("Pemda")
        constraints = [
            models.CheckConstraint(
                condition=Q(tracking_prefix__regex=r"^[A-Z]{2,6}$"), name="pemda_prefix_letters"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AgencyKind(models.TextChoices):
    PEMDA = "pemda", _("Pemerintah daerah")
    LEADER_OFFICE = "leader_office", _("Kantor pimpinan")
    COMMAND_CENTER = "command_center", _("Command center")
    DINAS = "dinas", _("Dinas")
    BADAN = "badan", _("Badan")
    RSUD = "rsud", _("RSUD")
    KECAMATAN = "kecamatan", _("Kecamatan")
    SETDA_BAGIAN = "setda_bagian", _("Bagian Setda")
    INSPEKTORAT = "inspektorat", _("Inspektorat")
    SATUAN = "satuan", _("Satuan")
    BIDANG = "bidang", _("Bidang")
    UPT = "upt", _("UPT")
    PUSKESMAS = "puskesmas", _("Puskesmas")
    DESA = "desa", _("Desa")
    KELURAHAN = "kelurahan", _("Kelurahan")
    EXTERNAL = "external", _("Lembaga luar")


class Agency(models.Model):
    """A node of the Pemda tree: OPD, unit, area office, or an external forward target."""

    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="agencies")
    parent = models.ForeignKey(
        "self", verbose_name=_("induk"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="children",
    )  # fmt: skip
    code = models.SlugField(_("kode"), max_length=40)
    name = models.CharField(_("nama"), max_length=200)
    short_name = models.CharField(_("nama singkat"), max_length=60)
    kind = models.CharField(_("jenis"), max_length=20, choices=AgencyKind.choices)
    description = models.TextField(_("keterangan"), blank=True)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("wilayah layanan"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="agencies",
    )  # fmt: skip
    calendar = models.ForeignKey(
        "sla.BusinessCalendar", verbose_name=_("jam kerja"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="agencies",
    )  # fmt: skip
    # Materialised path of ancestor ids ("/1/5/12/") so subtree scoping is one indexed LIKE.
    path = models.CharField(max_length=255, editable=False, db_index=True, default="/")
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["pemda", "path"]
        constraints = [
            models.UniqueConstraint(fields=["pemda", "code"], name="agency_code_per_pemda"),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    @property
    def is_external(self) -> bool:
        return self.kind == AgencyKind.EXTERNAL


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Koordinator")
    AGENCY_ADMIN = "agency_admin", _("Admin instansi")
    AGENCY_OFFICER = "agency_officer", _("Petugas instansi")
    OPERATOR = "operator", _("Operator command center")
    LEADER = "leader", _("Pimpinan")
    SYSTEM_ADMIN = "system_admin", _("Admin sistem")


class User(AbstractUser):
    """A staff member; citizens never log in (they follow cases with a token link)."""

    full_name = models.CharField(_("nama lengkap"), max_length=150, blank=True)
    phone = models.CharField(_("nomor WhatsApp"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("staf")
        verbose_name_plural = _("staf")

    def __str__(self) -> str:
        return self.full_name or self.username


class Membership(models.Model):
    """A staff member's role in one agency; one person may belong to several agencies."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.agency}"


class LoginFailure(models.Model):
    """A failed login, kept briefly to lock out password guessing."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.username} @ {self.created_at:%Y-%m-%d %H:%M}"


class ApiToken(models.Model):
    """A personal API token; only its SHA-256 is stored, the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("nama"), max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


# --- standby rosters (piket) ----------------------------------------------------------------------


class DutyKind(models.TextChoices):
    OFFICE = "office", _("Piket jam kerja")
    AFTER_HOURS = "after_hours", _("Piket di luar jam kerja")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Senin")
    TUESDAY = 1, _("Selasa")
    WEDNESDAY = 2, _("Rabu")
    THURSDAY = 3, _("Kamis")
    FRIDAY = 4, _("Jumat")
    SATURDAY = 5, _("Sabtu")
    SUNDAY = 6, _("Minggu")


class RosterSetting(models.Model):
    """An agency's roster rules: whether new cases are assigned automatically, and the cap."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="roster_setting")
    autoassign = models.BooleanField(
        _("tugaskan otomatis"),
        default=False,
        help_text=_("Laporan baru dibagi bergiliran kepada petugas yang sedang piket."),
    )
    default_cap = models.PositiveSmallIntegerField(
        _("batas laporan terbuka per petugas"),
        default=10,
        help_text=_("0 berarti tanpa batas."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pengaturan piket")
        verbose_name_plural = _("pengaturan piket")

    def __str__(self) -> str:
        return str(self.agency)


class RosterMember(models.Model):
    """One person's roster state in one agency: their own cap and the round-robin position."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="roster_members")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roster_members")
    case_cap = models.PositiveSmallIntegerField(
        _("batas laporan terbuka"),
        null=True,
        blank=True,
        help_text=_("Kosong: ikut batas instansi. 0 berarti tanpa batas."),
    )
    last_assigned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("anggota piket")
        verbose_name_plural = _("anggota piket")
        constraints = [
            models.UniqueConstraint(fields=["agency", "user"], name="roster_member_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.agency}"


class DutyShift(models.Model):
    """A weekly recurring duty slot in the wall-clock time of the agency's calendar.

    An end at or before the start means the slot runs past midnight into the next day (the
    after-hours officer's 16:00–07:30), so a night needs one row, not two.
    """

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="duty_shifts")
    user = models.ForeignKey(
        User, verbose_name=_("petugas"), on_delete=models.CASCADE, related_name="duty_shifts"
    )
    kind = models.CharField(
        _("jenis piket"), max_length=12, choices=DutyKind.choices, default=DutyKind.OFFICE
    )
    weekday = models.PositiveSmallIntegerField(_("hari"), choices=Weekday.choices)
    starts_at = models.TimeField(_("mulai"))
    ends_at = models.TimeField(_("selesai"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("jadwal piket")
        verbose_name_plural = _("jadwal piket")
        ordering = ["agency", "weekday", "starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(weekday__lte=6), name="dutyshift_weekday_0_6"),
            models.CheckConstraint(
                condition=~Q(starts_at=models.F("ends_at")), name="dutyshift_not_empty"
            ),
        ]
        indexes = [models.Index(fields=["agency", "weekday"], name="dutyshift_agency_day_idx")]

    def __str__(self) -> str:
        day = self.get_weekday_display()
        return f"{self.user} · {day} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def is_overnight(self) -> bool:
        return self.ends_at <= self.starts_at


class DutyOverride(models.Model):
    """A one-off change to the weekly roster: extra duty (covering) or absence (leave, sick)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="duty_overrides")
    user = models.ForeignKey(
        User, verbose_name=_("petugas"), on_delete=models.CASCADE, related_name="duty_overrides"
    )
    kind = models.CharField(
        _("jenis piket"), max_length=12, choices=DutyKind.choices, default=DutyKind.OFFICE
    )
    is_absence = models.BooleanField(
        _("tidak bertugas"), default=False, help_text=_("Cuti, sakit, atau dinas luar.")
    )
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"))
    note = models.CharField(_("keterangan"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("perubahan piket")
        verbose_name_plural = _("perubahan piket")
        ordering = ["agency", "starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="dutyoverride_ends_after_start"
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "ends_at"], name="dutyoverride_agency_end_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%Y-%m-%d %H:%M}"
