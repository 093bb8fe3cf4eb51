"""Console-only state: saved inbox views and canned replies."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedView(models.Model):
    """A named inbox filter (the query string of the inbox), private or shared with an agency."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_views"
    )
    # Shared views appear for every member of this agency; private when empty.
    shared_with = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("nama"), max_length=80)
    query = models.CharField(_("filter"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tampilan tersimpan")
        verbose_name_plural = _("tampilan tersimpan")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="savedview_owner_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class CannedReply(models.Model):
    """A reusable answer with variables such as {nomor}, {nama}, {instansi}, {tautan}.

    Pemda-wide when ``agency`` is empty, otherwise offered to that agency's staff only.
    """

    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("judul"), max_length=120)
    body = models.TextField(_("isi"))
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("balasan siap pakai")
        verbose_name_plural = _("balasan siap pakai")
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title
