from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.channels.forms import SECRET_FIELDS, ChannelAccountForm
from sigap.channels.models import (
    ChannelAccount,
    ChannelKind,
    InboundEvent,
    MailboxState,
    OutboundMessage,
)
from sigap.channels.services.connection import (
    ConnectionCheck,
    account_check_save,
    telegram_webhook_register,
)
from sigap.channels.services.events import inbound_events_reprocess
from sigap.channels.tasks import channel_account_check_task
from sigap.core.admin_scoping import AgencyScopedAdmin, CaseContentHiddenAdmin, is_system_admin

# Accounts one admin action takes: each costs up to two provider calls with a timeout, and the
# page waits for them. Past ACTION_SECONDS no further account is started in the request (one
# e-mail account may take 16 s, and gunicorn kills a request at 30 s by default): the rest are
# checked by the workers, or the user runs the registration again.
ACTION_BATCH = 10
ACTION_SECONDS = 10.0
_LEVELS = {
    "ok": messages.SUCCESS,
    "warning": messages.WARNING,
    "failed": messages.ERROR,
    "unknown": messages.INFO,
}


@admin.register(ChannelAccount)
class ChannelAccountAdmin(AgencyScopedAdmin):
    form = ChannelAccountForm
    list_display = [
        "name", "kind", "agency", "external_id", "display_address", "is_active", "last_check",
    ]  # fmt: skip
    list_filter = ["kind", "is_active", "check_ok"]
    search_fields = ["name", "code", "external_id"]
    # Both act on the rows the changelist shows the user (AgencyScopedAdmin.get_queryset): a
    # forged id of another agency's account is not in that queryset.
    actions = ["connection_check", "telegram_webhook_action"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = super().get_fields(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fields  # the form's password inputs never render a stored secret
        # A view-only page prints every field's value as text: secrets only say they are set.
        return [name for name in fields if name not in SECRET_FIELDS] + ["stored_secrets"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))
        if not is_system_admin(request):
            # The settings name hosts Sigap connects to (an SMS gateway's send_url, a mail
            # server) and the staff line: pointing them at an internal service, or taking the
            # Pemda's alerts, is not an agency's call. Agencies keep their names and secrets.
            fields += ["config"] if obj is None else ["config", "kind"]
        return fields if obj is None else [*fields, "last_check"]

    def save_model(
        self, request: HttpRequest, obj: ChannelAccount, form: Any, change: bool
    ) -> None:
        # New credentials or a new number void the last check: "Baik" for the old token would
        # stand until the next daily check.
        if change and set(form.changed_data) & {*SECRET_FIELDS, "external_id", "config", "kind"}:
            obj.checked_at, obj.check_ok, obj.check_summary = None, None, ""
        super().save_model(request, obj, form, change)

    @admin.display(description=_("rahasia tersimpan"))
    def stored_secrets(self, account: ChannelAccount) -> str:
        names = [
            str(field.verbose_name)
            for field in ChannelAccount._meta.concrete_fields
            if field.name in SECRET_FIELDS and getattr(account, field.name)
        ]
        return ", ".join(names) or str(_("Belum ada"))

    @admin.display(description=_("Koneksi terakhir"), ordering="checked_at")
    def last_check(self, account: ChannelAccount) -> str:
        if account.checked_at is None:
            return str(_("Belum diperiksa"))
        if account.check_ok is None:
            verdict = _("Tidak dapat dipastikan")
        else:
            verdict = _("Baik") if account.check_ok else _("Gagal")
        when = timezone.localtime(account.checked_at).strftime("%d-%m-%Y %H:%M")
        return f"{verdict} ({when}): {account.check_summary}"

    @admin.action(description=_("Periksa koneksi"), permissions=["change"])
    def connection_check(self, request: HttpRequest, queryset: QuerySet[ChannelAccount]) -> None:
        accounts = self._batch(request, queryset)
        done = self._within_time(accounts, lambda a: account_check_save(account=a), request)
        for account in accounts[done:]:
            channel_account_check_task.enqueue(account_id=account.pk, force=True)
        if done < len(accounts):
            text = _(
                "%(n)d akun lainnya diperiksa di latar belakang; hasilnya tampil di kolom "
                "Koneksi terakhir dalam beberapa saat."
            )
            self.message_user(request, text % {"n": len(accounts) - done}, messages.INFO)

    @admin.action(description=_("Daftarkan webhook Telegram"), permissions=["change"])
    def telegram_webhook_action(
        self, request: HttpRequest, queryset: QuerySet[ChannelAccount]
    ) -> None:
        skipped = queryset.exclude(kind=ChannelKind.TELEGRAM).count()
        if skipped:
            text = _("%(n)d akun bukan Telegram dilewati.") % {"n": skipped}
            self.message_user(request, text, messages.WARNING)
        accounts = self._batch(request, queryset.filter(kind=ChannelKind.TELEGRAM))
        done = self._within_time(accounts, lambda a: telegram_webhook_register(account=a), request)
        if done < len(accounts):
            late = _("%(n)d akun belum diproses karena batas waktu; jalankan lagi untuk akun itu.")
            self.message_user(request, late % {"n": len(accounts) - done}, messages.WARNING)

    def _within_time(
        self,
        accounts: list[ChannelAccount],
        act: Callable[[ChannelAccount], ConnectionCheck],
        request: HttpRequest,
    ) -> int:
        """Act on accounts in turn, the first always, no new one past ACTION_SECONDS; how many
        were done."""
        started = time.monotonic()
        for done, account in enumerate(accounts):
            if done and time.monotonic() - started > ACTION_SECONDS:
                return done
            self._report(request, account, act(account))
        return len(accounts)

    def _batch(
        self, request: HttpRequest, queryset: QuerySet[ChannelAccount]
    ) -> list[ChannelAccount]:
        accounts = list(queryset.order_by("pk")[: ACTION_BATCH + 1])
        if len(accounts) > ACTION_BATCH:
            text = _("Hanya %(n)d akun pertama yang diproses; pilih lebih sedikit akun.")
            self.message_user(request, text % {"n": ACTION_BATCH}, messages.WARNING)
        return accounts[:ACTION_BATCH]

    def _report(
        self, request: HttpRequest, account: ChannelAccount, result: ConnectionCheck
    ) -> None:
        self.message_user(request, f"{account.name}: {result.summary}", _LEVELS[result.status])


@admin.register(InboundEvent)
class InboundEventAdmin(CaseContentHiddenAdmin):
    """Raw deliveries, including malformed, unroutable and failed ones, for administrators;
    the body (what the citizen wrote, their number) for superusers only."""

    list_display = ["received_at", "channel", "account", "status", "attempts", "short_error"]
    list_filter = ["channel", "status"]
    search_fields = ["external_id", "last_error"]
    readonly_fields = [f.name for f in InboundEvent._meta.fields]
    content_fields = ("body", "headers")
    actions = ["reprocess"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("galat"))
    def short_error(self, event: InboundEvent) -> str:
        return event.last_error[:120]

    @admin.action(description=_("Proses ulang kejadian terpilih"), permissions=["change"])
    def reprocess(self, request: HttpRequest, queryset: QuerySet[InboundEvent]) -> None:
        count = inbound_events_reprocess(event_ids=list(queryset.values_list("pk", flat=True)))
        messages.success(request, _("%(n)d kejadian diantrekan ulang.") % {"n": count})


@admin.register(OutboundMessage)
class OutboundMessageAdmin(CaseContentHiddenAdmin):
    """The outbox: every send, its attempts and last error, visible to staff; the recipient
    (a citizen's number or handle) for superusers only."""

    list_display = ["created_at", "purpose", "account", "status", "attempts", "error_code"]
    list_filter = ["status", "purpose", "account__kind"]
    search_fields = ["provider_message_id", "idempotency_key", "last_error"]
    readonly_fields = [f.name for f in OutboundMessage._meta.fields]
    content_fields = ("identity",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(MailboxState)
class MailboxStateAdmin(admin.ModelAdmin):
    """Where IMAP polling of each mailbox stands and why it last failed (read-only)."""

    list_display = ["account", "last_polled_at", "consecutive_failures", "short_error", "last_uid"]
    list_filter = ["consecutive_failures"]
    search_fields = ["account__name", "account__external_id", "last_error"]
    readonly_fields = [f.name for f in MailboxState._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: MailboxState | None = None) -> bool:
        return False

    @admin.display(description=_("galat terakhir"))
    def short_error(self, state: MailboxState) -> str:
        return state.last_error[:120]
