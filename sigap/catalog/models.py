"""The catalog: categories (services) a case can be about, with their routing hints."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseKind(models.TextChoices):
    COMPLAINT = "complaint", _("Pengaduan")
    ASPIRATION = "aspiration", _("Aspirasi")
    INFORMATION_REQUEST = "information_request", _("Permintaan informasi")
    SERVICE_REQUEST = "service_request", _("Permintaan layanan")
    EMERGENCY = "emergency", _("Kedaruratan")


class Priority(models.TextChoices):
    EMERGENCY = "emergency", _("Darurat")
    HIGH = "high", _("Tinggi")
    NORMAL = "normal", _("Normal")
    LOW = "low", _("Rendah")


class Category(models.Model):
    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.PROTECT, related_name="categories")
    code = models.SlugField(_("kode"), max_length=60)
    name = models.CharField(_("nama"), max_length=150)
    group = models.CharField(_("kelompok"), max_length=80, blank=True)
    description = models.TextField(_("keterangan"), blank=True)
    kind = models.CharField(_("jenis"), max_length=24, choices=CaseKind.choices)
    default_agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("instansi bawaan"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="categories",
    )  # fmt: skip
    default_priority = models.CharField(
        _("prioritas bawaan"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    keywords = models.JSONField(_("kata kunci"), default=list, blank=True)
    examples = models.JSONField(_("contoh teks"), default=list, blank=True)
    sla_policy = models.ForeignKey(
        "sla.SlaPolicy", verbose_name=_("kebijakan SLA"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="categories",
    )  # fmt: skip
    open311_code = models.SlugField(_("kode layanan Open311"), max_length=60, blank=True)
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("kategori")
        verbose_name_plural = _("kategori")
        ordering = ["group", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["pemda", "code"], name="category_code_per_pemda"),
            models.UniqueConstraint(
                fields=["pemda", "open311_code"],
                condition=~models.Q(open311_code=""),
                name="category_open311_code_per_pemda",
            ),
        ]

    def __str__(self) -> str:
        return self.name
