"""Kemendagri regions: provinsi → kabupaten/kota → kecamatan → desa/kelurahan."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN_KOTA = "kabupaten_kota", _("Kabupaten/kota")
    KECAMATAN = "kecamatan", _("Kecamatan")
    DESA_KELURAHAN = "desa_kelurahan", _("Desa/kelurahan")


class Region(models.Model):
    code = models.CharField(_("kode Kemendagri"), max_length=13, unique=True)
    name = models.CharField(_("nama"), max_length=120, db_index=True)
    level = models.CharField(_("tingkat"), max_length=20, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    # desa or kelurahan for level 4 (4th code segment starting with 2 or 1).
    village_kind = models.CharField(max_length=10, blank=True)
    centroid_lat = models.FloatField(null=True, blank=True)
    centroid_lng = models.FloatField(null=True, blank=True)
    # Bounding box for a fast indexed prefilter before the exact point-in-polygon test.
    min_lat = models.FloatField(null=True, blank=True)
    max_lat = models.FloatField(null=True, blank=True)
    min_lng = models.FloatField(null=True, blank=True)
    max_lng = models.FloatField(null=True, blank=True)
    # GeoJSON geometry (Polygon or MultiPolygon) as imported; no PostGIS needed.
    boundary = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "min_lat", "max_lat"], name="region_bbox_idx")]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def kecamatan_code(self) -> str | None:
        parts = self.code.split(".")
        return ".".join(parts[:3]) if len(parts) >= 3 else None
