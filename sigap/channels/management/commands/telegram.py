from __future__ import annotations

import json
from typing import Any

import httpx
from django.core.management.base import BaseCommand, CommandError

from sigap.channels.models import ChannelAccount, ChannelKind
from sigap.channels.services.connection import telegram_webhook_url
from sigap.channels.telegram import transport


class Command(BaseCommand):
    help = (
        "Bot Telegram: `sigap telegram set-webhook KODE [--url https://…/webhooks/telegram/KODE]`,"
        " `sigap telegram webhook-info KODE`."
    )

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        set_hook = sub.add_parser("set-webhook", help="Daftarkan URL webhook dan token rahasia.")
        set_hook.add_argument("code", help="Kode akun kanal Telegram.")
        set_hook.add_argument(
            "--url", help="URL HTTPS publik; bawaan: SIGAP_BASE_URL/webhooks/telegram/KODE."
        )
        set_hook.add_argument(
            "--drop-pending", action="store_true", help="Buang update yang masih antre."
        )
        info = sub.add_parser("webhook-info", help="Tampilkan getWebhookInfo (antrean, galat).")
        info.add_argument("code", help="Kode akun kanal Telegram.")

    def handle(self, *args: Any, **options: Any) -> None:
        account = _account(options["code"])
        try:
            if options["action"] == "set-webhook":
                url = options["url"] or telegram_webhook_url(account)
                answer = transport.webhook_set(account, url, drop_pending=options["drop_pending"])
                self.stdout.write(f"{answer}: {url}")
            else:
                info = transport.webhook_info(account)
                self.stdout.write(json.dumps(info, indent=2, ensure_ascii=False))
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        except transport.BotApiError as exc:
            raise CommandError(f"Telegram menolak: {exc}") from exc
        except httpx.HTTPError as exc:
            raise CommandError(f"Telegram tidak dapat dihubungi: {type(exc).__name__}") from exc


def _account(code: str) -> ChannelAccount:
    account = ChannelAccount.objects.filter(kind=ChannelKind.TELEGRAM, code=code).first()
    if account is None:
        raise CommandError(f"Akun kanal Telegram dengan kode {code!r} tidak ada.")
    if not account.access_token:
        raise CommandError(f"Akun {code!r} belum punya token bot (access token).")
    return account
