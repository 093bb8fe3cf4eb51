"""Contacts: one citizen across channels, each channel identity keyed by its external id."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    WHATSAPP = "whatsapp", "WhatsApp"
    INSTAGRAM = "instagram", "Instagram"
    TELEGRAM = "telegram", "Telegram"
    EMAIL = "email", _("Email")
    SMS = "sms", "SMS"
    WEB = "web", _("Formulir web")
    OPEN311 = "open311", "Open311"
    LAPOR = "lapor", "SP4N-LAPOR!"
    PHONE = "phone", _("Telepon")
    LETTER = "letter", _("Surat")
    WALK_IN = "walk_in", _("Datang langsung")


# Channels on which staff type the reporter in (at the desk, from a call, from a letter): the
# only channels a staff member may record a case on, and the ones without channel identities
# (``sigap.contacts.services.contact_record``).
STAFF_ENTRY_CHANNELS = frozenset({Channel.WALK_IN.value, Channel.PHONE.value, Channel.LETTER.value})


class Contact(models.Model):
    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.PROTECT, related_name="contacts")
    display_name = models.CharField(_("nama"), max_length=150, blank=True)
    phone = models.CharField(_("telepon"), max_length=20, blank=True, db_index=True)
    email = models.EmailField(_("email"), blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("warga")
        verbose_name_plural = _("warga")

    def __str__(self) -> str:
        return self.display_name or self.phone or self.email or f"Warga #{self.pk}"


class ContactIdentity(models.Model):
    """How a contact is known on one channel (wa_id, IGSID, Telegram user id, email, MSISDN)."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="identities")
    pemda = models.ForeignKey("agencies.Pemda", on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=16, choices=Channel.choices)
    external_id = models.CharField(max_length=200)
    # A second id from the same provider (WhatsApp's business-scoped user id next to wa_id).
    alternate_id = models.CharField(max_length=200, blank=True, db_index=True)
    display_name = models.CharField(max_length=150, blank=True)
    is_reachable = models.BooleanField(default=True)
    last_inbound_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("identitas kanal")
        verbose_name_plural = _("identitas kanal")
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "channel", "external_id"], name="identity_unique_per_channel"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.external_id}"
