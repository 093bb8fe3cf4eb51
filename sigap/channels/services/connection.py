"""Periksa koneksi: ask each provider whether a channel account's stored credentials still work.

Nobody learns that a token expired (Instagram's long-lived tokens last 60 days) or was revoked
until acknowledgements start failing in the outbox; this check says so first. Each account costs
at most two provider calls with a short timeout, made through the same base URLs and clients the
transports send with, so a check against the stand-ins exercises the real path. The result is a
short Indonesian summary stored on the account. No secret ever enters it: every secret of the
account is scrubbed from the text, including Telegram's bot token, which sits in the URL path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.channels.adapters import SendError
from sigap.channels.email import imap_client, smtp_client
from sigap.channels.email.polling import imap_config
from sigap.channels.email.transport import smtp_config
from sigap.channels.forms import SECRET_FIELDS
from sigap.channels.instagram import transport as instagram_transport
from sigap.channels.models import ChannelAccount, ChannelKind
from sigap.channels.telegram import transport as telegram_transport
from sigap.channels.whatsapp import transport as whatsapp_transport

logger = logging.getLogger(__name__)

CHECK_TIMEOUT_SECONDS = 8.0  # per provider call: a check must not hold a worker or a page long
SUMMARY_LIMIT = 500  # ChannelAccount.check_summary
# The periodic job runs hourly and checks accounts whose last check is older than this, at most
# DAILY_BATCH per run: every account about once a day, a bounded number of calls per run.
RECHECK_AFTER = timedelta(hours=23)
DAILY_BATCH = 10  # 10 an hour: ~240 accounts a day, and ~3 minutes of worker time at worst
# A Telegram delivery error older than this is history, not a warning.
RECENT_WEBHOOK_ERROR = timedelta(hours=24)
# WhatsApp quality ratings at which Meta may lower the number's messaging limit.
POOR_QUALITY = ("YELLOW", "RED")
WHATSAPP_FIELDS = "display_phone_number,verified_name,quality_rating"
_REDACTED = "«rahasia»"

CheckStatus = Literal["ok", "warning", "failed", "unknown"]


@dataclass(frozen=True)
class ConnectionCheck:
    """``ok``: working; ``warning``: working with a problem to look at; ``failed``: not
    working; ``unknown``: cannot be checked live (or the check itself broke)."""

    status: CheckStatus
    summary: str

    @property
    def ok(self) -> bool | None:
        return {"ok": True, "warning": True, "failed": False}.get(self.status)


class _CheckFailed(Exception):
    """The provider's answer (or its silence) ends the check; the message is the summary."""


# -- the check ---------------------------------------------------------------------------------


def account_check(account: ChannelAccount) -> ConnectionCheck:
    """Ask the account's provider whether its credentials work; nothing is stored.

    Provider refusals, timeouts and odd answers become a ``failed`` result, never an exception.
    """
    checker = _CHECKERS.get(account.kind)
    if checker is None:
        result = ConnectionCheck(
            "unknown", _("Pemeriksaan langsung belum tersedia untuk kanal ini.")
        )
    else:
        try:
            result = checker(account)
        except _CheckFailed as failure:
            result = ConnectionCheck("failed", str(failure))
    return ConnectionCheck(result.status, secrets_scrub(result.summary, account)[:SUMMARY_LIMIT])


def secrets_scrub(text: str, account: ChannelAccount) -> str:
    """``text`` without any of the account's secrets (tokens, app secret, password …)."""
    for name in SECRET_FIELDS:
        secret = str(getattr(account, name) or "")
        # A one- or two-character "secret" would mangle the text and protects nothing anyway.
        if len(secret) >= 3:
            text = text.replace(secret, _REDACTED)
    return text


def account_check_save(*, account: ChannelAccount) -> ConnectionCheck:
    """Check the account and store the result on it (only the three check columns)."""
    try:
        result = account_check(account)
    except Exception as exc:  # a bug or an answer of a shape nobody expected: record, go on
        error = secrets_scrub(f"{type(exc).__name__}: {exc}", account)[:300]
        logger.warning("connection check of channel account %s crashed: %s", account.code, error)
        text = _("Pemeriksaan tidak selesai karena galat internal (%(error)s); lihat log server.")
        result = ConnectionCheck("unknown", text % {"error": type(exc).__name__})
    now = timezone.now()
    # An UPDATE of the check columns only: an administrator saving the form meanwhile keeps
    # their edit, and the check never writes a secret back.
    ChannelAccount.objects.filter(pk=account.pk).update(
        checked_at=now, check_ok=result.ok, check_summary=result.summary
    )
    account.checked_at, account.check_ok, account.check_summary = now, result.ok, result.summary
    if result.status == "failed":
        logger.warning(
            "connection check of channel account %s (%s) failed: %s",
            account.code, account.kind, result.summary,
        )  # fmt: skip
    return result


def _due_q() -> Q:
    return Q(is_active=True) & (
        Q(checked_at__isnull=True) | Q(checked_at__lte=timezone.now() - RECHECK_AFTER)
    )


def accounts_due(*, limit: int = DAILY_BATCH) -> list[int]:
    """Active accounts not checked for a day, the longest unchecked first."""
    accounts = ChannelAccount.objects.filter(_due_q()).order_by(
        F("checked_at").asc(nulls_first=True), "pk"
    )
    return list(accounts.values_list("pk", flat=True)[:limit])


def account_check_if_due(account_id: int, *, force: bool = False) -> tuple[str, str] | None:
    """(code, outcome) for one due account, None when it is gone, inactive or was checked
    meanwhile (the hourly job may queue an account again before its first task ran).

    A crash while checking is stored on the account; one while storing is logged as "error".
    """
    wanted = Q(is_active=True) if force else _due_q()
    account = ChannelAccount.objects.filter(wanted, pk=account_id).first()
    if account is None:
        return None
    try:
        return account.code, account_check_save(account=account).status
    except Exception as exc:  # the database, most likely: the next account may still work
        logger.warning(
            "connection check of channel account %s could not be stored: %s",
            account.code, type(exc).__name__,
        )  # fmt: skip
        return account.code, "error"


def accounts_check(*, limit: int = DAILY_BATCH) -> dict[str, str]:
    """Check every due account here, one after the other (what the hourly job's tasks do,
    each account in its own task); one account's failure never stops the others."""
    outcomes = (account_check_if_due(account_id) for account_id in accounts_due(limit=limit))
    return dict(outcome for outcome in outcomes if outcome is not None)


# -- Telegram webhook registration (the admin action) -------------------------------------------


def telegram_webhook_url(account: ChannelAccount) -> str:
    """Where this deployment receives the bot's updates (as `sigap telegram set-webhook`)."""
    return settings.SIGAP_BASE_URL + reverse("webhook_telegram", args=[account.code])


def telegram_webhook_register(*, account: ChannelAccount) -> ConnectionCheck:
    """setWebhook to this deployment's URL with the account's secret token, then check again
    so the stored result says whether it took."""
    url = telegram_webhook_url(account)
    try:
        _bot(lambda: telegram_transport.webhook_set(account, url))
    except ValueError as exc:  # the stored secret cannot be a secret_token
        return ConnectionCheck("failed", str(exc))
    except _CheckFailed as failure:
        return ConnectionCheck("failed", secrets_scrub(str(failure), account)[:SUMMARY_LIMIT])
    return account_check_save(account=account)


# -- WhatsApp and Instagram (Graph API) ---------------------------------------------------------


def _whatsapp(account: ChannelAccount) -> ConnectionCheck:
    _token_required(account)
    number = _graph_json(
        lambda: whatsapp_transport.phone_number_get(
            account, fields=WHATSAPP_FIELDS, timeout=CHECK_TIMEOUT_SECONDS
        )
    )
    quality = str(number.get("quality_rating") or "UNKNOWN").upper()
    summary = _(
        "Terhubung: nomor %(number)s, nama terverifikasi «%(name)s», rating kualitas %(quality)s."
    ) % {
        "number": number.get("display_phone_number") or account.external_id,
        "name": number.get("verified_name") or "-",
        "quality": quality,
    }
    if quality in POOR_QUALITY:
        advice = _(
            "Kualitas nomor menurun: Meta dapat menurunkan batas pengiriman; periksa keluhan "
            "dan blokir di WhatsApp Manager."
        )
        return ConnectionCheck("warning", f"{summary} {advice}")
    return ConnectionCheck("ok", summary)


def _instagram(account: ChannelAccount) -> ConnectionCheck:
    """GET /me, the path sends use: with Instagram Login ``user_id`` is the professional
    account id (``id`` is app-scoped); a Page token (Facebook Login) names its linked account."""
    _token_required(account)
    facebook_login = account.config.get("api") == "facebook_login"
    fields = "id,name,instagram_business_account" if facebook_login else "user_id,username"
    me = _graph_json(
        lambda: instagram_transport.me_get(account, fields=fields, timeout=CHECK_TIMEOUT_SECONDS)
    )
    if facebook_login:
        linked = me.get("instagram_business_account")
        me = linked if isinstance(linked, dict) else {}
        found = str(me.get("id") or "")
    else:
        found = str(me.get("user_id") or me.get("id") or "")
    handle = f"@{me['username']}" if me.get("username") else _("(tanpa nama pengguna)")
    if not found:
        raise _CheckFailed(_("Graph API tidak menyebut akun Instagram milik token ini."))
    if found != account.external_id:
        raise _CheckFailed(
            _(
                "Token ini milik akun Instagram %(handle)s (ID %(found)s), bukan akun yang diatur "
                "(ID %(expected)s): perbarui token atau ID di penyedia."
            )
            % {"handle": handle, "found": found, "expected": account.external_id}
        )
    text = _("Terhubung ke Instagram %(handle)s (ID %(id)s).")
    return ConnectionCheck("ok", text % {"handle": handle, "id": found})


def _graph_json(send: Callable[[], httpx.Response]) -> dict[str, Any]:
    response = _http("Graph API", send)
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        text = _("Graph API menjawab HTTP %(status)d yang bukan JSON; coba lagi nanti.")
        raise _CheckFailed(text % {"status": response.status_code})
    if response.status_code == 200 and "error" not in data:
        return data
    raise _CheckFailed(_graph_error_text(response.status_code, data.get("error")))


def _graph_error_text(status: int, error: Any) -> str:
    """Meta's ``{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}``."""
    error = error if isinstance(error, dict) else {}
    code = str(error.get("code") or "")
    subcode = str(error.get("error_subcode") or "")
    if code == "190":
        head = _(
            "Token akses tidak berlaku: kedaluwarsa, dicabut atau salah. Buat token baru dan "
            "simpan di akun kanal."
        )
    elif code in ("10", "100", "200") or status == 403:
        head = _(
            "Token tidak berhak atas akun ini di penyedia: periksa ID di penyedia dan izin token."
        )
    elif status == 429 or code in ("4", "17", "32", "613", "80007"):
        head = _("Graph API membatasi permintaan saat ini; coba lagi nanti.")
    elif status >= 500 or code in ("1", "2"):
        head = _("Graph API sedang bermasalah; coba lagi nanti.")
    else:
        head = _("Graph API menolak pemeriksaan.")
    label = f"{code}/{subcode}" if subcode else code or "-"
    detail = f"HTTP {status}, kode {label}"
    if error.get("message"):
        detail += f": {str(error['message'])[:200]}"
    if error.get("fbtrace_id"):
        detail += f"; fbtrace_id {str(error['fbtrace_id'])[:40]}"
    return f"{head} ({detail})"


# -- Telegram -----------------------------------------------------------------------------------


def _telegram(account: ChannelAccount) -> ConnectionCheck:
    _token_required(account)
    me = _bot(
        lambda: telegram_transport.bot_call(account, "getMe", {}, timeout=CHECK_TIMEOUT_SECONDS)
    )
    me = me if isinstance(me, dict) else {}
    bot_id = str(me.get("id") or "")
    if account.external_id.isdigit() and bot_id and bot_id != account.external_id:
        text = _(
            "Token ini milik bot lain (ID %(found)s), bukan bot yang diatur (ID %(expected)s)."
        )
        raise _CheckFailed(text % {"found": bot_id, "expected": account.external_id})
    info = _bot(lambda: telegram_transport.webhook_info(account, timeout=CHECK_TIMEOUT_SECONDS))
    bot = _("Bot @%(username)s terhubung.") % {"username": me.get("username") or bot_id or "?"}
    return _telegram_webhook(account, bot, info)


def _telegram_webhook(account: ChannelAccount, bot: str, info: dict[str, Any]) -> ConnectionCheck:
    url, expected = str(info.get("url") or ""), telegram_webhook_url(account)
    try:
        pending = int(info.get("pending_update_count") or 0)
    except (TypeError, ValueError):
        pending = 0
    tail = _("%(count)d update menunggu di Telegram.") % {"count": pending}
    error = _recent_webhook_error(info)
    if error:
        tail = f"{tail} {error}"
    action = _("Jalankan aksi «Daftarkan webhook Telegram».")
    if not url:
        text = _("Webhook belum didaftarkan: pesan warga tidak sampai ke Sigap.")
        raise _CheckFailed(f"{bot} {text} {action} {tail}")
    if url != expected:
        text = _("Webhook terdaftar ke %(url)s, bukan ke alamat Sigap ini (%(expected)s).")
        text %= {"url": url[:200], "expected": expected}
        raise _CheckFailed(f"{bot} {text} {action} {tail}")
    text = _("Webhook terdaftar ke alamat Sigap ini.")
    return ConnectionCheck("warning" if error else "ok", f"{bot} {text} {tail}")


def _recent_webhook_error(info: dict[str, Any]) -> str:
    """Telegram's last failure to deliver to the webhook, when it is recent enough to matter."""
    message = str(info.get("last_error_message") or "")
    if not message:
        return ""
    try:
        when = datetime.fromtimestamp(int(info.get("last_error_date") or 0), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        when = None
    if when is not None and timezone.now() - when > RECENT_WEBHOOK_ERROR:
        return ""
    moment = timezone.localtime(when).strftime("%d-%m-%Y %H:%M") if when else "?"
    text = _("Pengiriman terakhir Telegram ke webhook gagal (%(when)s): %(error)s.")
    return text % {"when": moment, "error": message[:200]}


def _bot(call: Callable[[], Any]) -> Any:
    try:
        return _http("Telegram", call)
    except telegram_transport.BotApiError as exc:
        detail = f"{exc.status} {exc.description[:200]}".strip()
        if exc.status in (401, 404):  # 404: a token of the wrong shape
            text = _(
                "Token bot ditolak Telegram (%(detail)s): salah atau sudah dicabut lewat "
                "@BotFather. Simpan token baru di akun kanal."
            )
        elif exc.status == 0:
            text = _("Telegram menjawab sesuatu yang bukan JSON (%(detail)s); coba lagi nanti.")
        elif exc.status == 429 or exc.status >= 500:
            text = _("Telegram sedang bermasalah atau membatasi permintaan (%(detail)s).")
        else:
            text = _("Telegram menolak permintaan (%(detail)s).")
        raise _CheckFailed(text % {"detail": detail}) from exc


# -- e-mail and SMS -----------------------------------------------------------------------------


def _email(account: ChannelAccount) -> ConnectionCheck:
    """IMAP login and EXAMINE of the folder polled, then SMTP EHLO (+ STARTTLS and login)."""
    imap_ok, imap_text = _imap_check(account)
    smtp_ok, smtp_text = _smtp_check(account)
    return ConnectionCheck("ok" if imap_ok and smtp_ok else "failed", f"{imap_text} {smtp_text}")


def _imap_check(account: ChannelAccount) -> tuple[bool, str]:
    try:
        config = replace(imap_config(account), timeout=CHECK_TIMEOUT_SECONDS)
        imap_client.mailbox_check(config)
    except (ValueError, TypeError) as exc:  # incomplete settings, a port that is not a number
        return False, f"IMAP: {exc}"
    except imap_client.ImapError as exc:
        return False, f"IMAP: {exc.message}"
    text = _("IMAP %(where)s: login berhasil, folder %(folder)s terbuka.")
    return True, text % {"where": f"{config.host}:{config.port}", "folder": config.folder}


def _smtp_check(account: ChannelAccount) -> tuple[bool, str]:
    try:
        config = replace(smtp_config(account), timeout=CHECK_TIMEOUT_SECONDS)
        smtp_client.relay_check(config)
    except SendError as exc:  # incomplete settings
        return False, f"SMTP: {exc.message}"
    except (ValueError, TypeError) as exc:
        return False, f"SMTP: {exc}"
    except smtp_client.SmtpError as exc:
        return False, f"SMTP: {exc.message}"
    where = f"{config.host}:{config.port}"
    if config.username:
        return True, _("SMTP %(where)s: terhubung, login berhasil.") % {"where": where}
    return True, _("SMTP %(where)s: terhubung (tanpa login).") % {"where": where}


def _sms(account: ChannelAccount) -> ConnectionCheck:
    """A generic gateway has no standard check endpoint: report the settings, claim nothing."""
    send_url = str(account.config.get("send_url") or "")
    missing = [] if send_url else ["send_url"]
    if not account.webhook_secret:
        missing.append(_("rahasia webhook"))
    if missing:
        text = _("Gateway SMS belum lengkap: %(missing)s belum diisi; SMS tidak dapat dikirim.")
        raise _CheckFailed(text % {"missing": ", ".join(missing)})
    parts = urlsplit(send_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _CheckFailed(_("Alamat kirim gateway SMS (send_url) bukan URL http(s) yang sah."))
    # Only the host: some gateways carry their API key in the URL's query.
    text = _(
        "Gateway SMS diatur: alamat kirim di %(host)s, rahasia webhook tersimpan. Pemeriksaan "
        "langsung tidak tersedia untuk gateway ini; pantau status SMS di pesan keluar."
    )
    return ConnectionCheck("unknown", text % {"host": parts.hostname})


# -- shared -------------------------------------------------------------------------------------


def _token_required(account: ChannelAccount) -> None:
    if not account.access_token:
        raise _CheckFailed(_("Access token belum diisi pada akun kanal."))


def _http(provider: str, call: Callable[[], Any]) -> Any:
    try:
        return call()
    except httpx.TimeoutException as exc:
        text = _("%(provider)s tidak menjawab dalam %(seconds)g detik; coba lagi nanti.")
        raise _CheckFailed(text % {"provider": provider, "seconds": CHECK_TIMEOUT_SECONDS}) from exc
    except httpx.HTTPError as exc:
        text = _("%(provider)s tidak dapat dihubungi (%(error)s).")
        error = f"{type(exc).__name__}: {str(exc)[:150]}"
        raise _CheckFailed(text % {"provider": provider, "error": error}) from exc


_CHECKERS: dict[str, Callable[[ChannelAccount], ConnectionCheck]] = {
    ChannelKind.WHATSAPP: _whatsapp,
    ChannelKind.INSTAGRAM: _instagram,
    ChannelKind.TELEGRAM: _telegram,
    ChannelKind.EMAIL: _email,
    ChannelKind.SMS: _sms,
}
