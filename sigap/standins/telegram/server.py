"""Fake Telegram Bot API (protocols.md section 3).

Sigap reaches it through `SIGAP_TELEGRAM_API_URL` (e.g. `http://127.0.0.1:9200`). It answers
`/bot<token>/<method>` with JSON, form, multipart or query parameters, serves files under
`/file/bot<token>/<file_path>`, and POSTs updates to the registered webhook with the
`X-Telegram-Bot-Api-Secret-Token` header and increasing `update_id`s.

Run it: `python -m sigap.standins.telegram --port 9200 --token 123456:demo-bot-token`.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sigap.standins import payloads
from sigap.standins.core import Delivery, Fault, Request, Response, StandinServer, parse_json
from sigap.standins.core.server import ControlRoute
from sigap.standins.telegram.control import telegram_control_routes
from sigap.standins.telegram.formatting import EntityError, plain_text
from sigap.standins.telegram.model import (
    BOT_CAPABILITIES,
    OPT_IN_UPDATES,
    REASONS,
    Bot,
    Described,
    TelegramError,
    TelegramFile,
    Webhook,
    bad_request,
    chat_key,
    rate_limited,
    synthetic_chat,
)
from sigap.standins.telegram.params import bot_api_params

JSON = dict[str, Any]
TEXT_LIMIT = 4096
_BOT_PATH = re.compile(r"/bot([^/]+)/([A-Za-z]+)/?")
_FILE_PATH = re.compile(r"/file/bot([^/]+)/(.+)")
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")

Method = Callable[[Bot, JSON], Any]


class TelegramStandin(StandinServer):
    """The fake Bot API.

    In-process control: `add_bot`, `add_chat`, `block_chat`, `add_file`, `deliver_update`,
    `deliver_message`, `sent_messages`, `rate_limit_next`, `error_next`, plus the base
    `fail_next`, `hang_next`, `drop_next`, `requests`, `wait_for`, `deliveries`, `reset`.
    """

    name = "telegram"

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        tokens: Iterable[str] | Mapping[str, str] = (),
        allow_http_webhooks: bool = True,
        max_records: int = 50_000,
        webhook_workers: int = 2,
        webhook_timeout: float = 10.0,
    ) -> None:
        """`tokens`: bot tokens, or a mapping token -> bot username.

        `allow_http_webhooks`: real Telegram demands HTTPS; tests need plain loopback URLs.
        """
        self.allow_http_webhooks = allow_http_webhooks
        self._bots: dict[str, Bot] = {}
        self._chats: dict[int | str, JSON] = {}
        self._blocked: set[int | str] = set()
        self._message_ids: dict[int | str, int] = {}
        self._messages: dict[tuple[int | str, int], JSON] = {}
        self._files: dict[str, TelegramFile] = {}
        self._sent: list[JSON] = []
        self._lock = threading.Lock()
        self._file_seq = itertools.count(1)
        names = tokens if isinstance(tokens, Mapping) else dict.fromkeys(tokens, None)
        for token, username in names.items():
            self.add_bot(token, username)
        self._methods: dict[str, Method] = {
            "getme": lambda bot, params: {**bot.user(), **BOT_CAPABILITIES},
            "sendmessage": self._send_message,
            "sendchataction": self._send_chat_action,
            "answercallbackquery": lambda bot, params: True,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": lambda bot, params: bot.webhook.info(),
            "getupdates": self._get_updates,
            "getfile": self._get_file,
        }
        super().__init__(
            host,
            port,
            max_records=max_records,
            webhook_workers=webhook_workers,
            webhook_timeout=webhook_timeout,
        )

    # -- in-process control API -------------------------------------------------------------

    def add_bot(self, token: str, username: str | None = None, first_name: str = "Sigap") -> Bot:
        prefix = token.partition(":")[0]
        bot_id = int(prefix) if prefix.isdigit() else 6_000_000_000 + len(self._bots)
        bot = Bot(token, bot_id, username or f"sigap_{bot_id}_bot", first_name)
        self._bots[token] = bot
        return bot

    def bot(self, token: str) -> Bot:
        return self._bots[token]

    def block_chat(self, chat_id: int | str, blocked: bool = True) -> None:
        """Make sends to `chat_id` fail with 403 "bot was blocked by the user"."""
        key = chat_key(chat_id)
        with self._lock:
            if blocked:
                self._blocked.add(key)
            else:
                self._blocked.discard(key)

    def add_chat(self, chat: Mapping[str, Any]) -> None:
        with self._lock:
            self._chats[chat_key(chat["id"])] = dict(chat)

    def add_file(
        self, data: bytes, *, file_path: str | None = None, file_id: str | None = None
    ) -> TelegramFile:
        number = next(self._file_seq)
        file = TelegramFile(
            file_id=file_id or "AgACAgUAAxkBAAI" + secrets.token_urlsafe(24),
            file_unique_id="AQAD" + secrets.token_urlsafe(8),
            file_path=file_path or f"photos/file_{number}.jpg",
            data=data,
        )
        self._files[file.file_id] = file
        return file

    def sent_messages(self, chat_id: int | str | None = None) -> list[JSON]:
        """Messages the bot sent (results of sendMessage), oldest first."""
        with self._lock:
            sent = list(self._sent)
        if chat_id is None:
            return sent
        return [m for m in sent if m["chat"]["id"] == chat_key(chat_id)]

    def rate_limit_next(
        self,
        retry_after: int,
        n: int | None = 1,
        *,
        chat_id: int | str | None = None,
        api_method: str | None = None,
    ) -> Fault:
        """Answer 429 with `parameters.retry_after` to the next `n` matching calls."""
        return self.error_next(rate_limited(retry_after), n, chat_id=chat_id, api_method=api_method)

    def error_next(
        self,
        error: TelegramError,
        n: int | None = 1,
        *,
        chat_id: int | str | None = None,
        api_method: str | None = None,
    ) -> Fault:
        path = f"/{api_method}" if api_method else None
        recipient = None if chat_id is None else str(chat_id)
        fault = Fault(n, path, None, recipient, status=error.code, body=error.body())
        return self.add_fault(fault)

    def reset(self) -> None:
        super().reset()
        with self._lock:
            self._blocked.clear()
            self._sent.clear()

    # -- update delivery ----------------------------------------------------------------------

    def deliver_update(self, token: str, update: Mapping[str, Any]) -> Delivery | None:
        """Send an update to the bot's webhook (or queue it for getUpdates when none is set).

        The stand-in assigns `update_id` (increasing per bot); any `update_id` given is replaced.
        Returns None when the update was queued or filtered out by `allowed_updates`.
        """
        bot = self._bots[token]
        with self._lock:
            update_id = bot.next_update_id
            bot.next_update_id += 1
        full = {"update_id": update_id, **{k: v for k, v in update.items() if k != "update_id"}}
        self._remember(full)
        hook = bot.webhook
        if not hook.url:
            bot.queue.append(full)
            return None
        kind = payloads.telegram_update_kind(full) or ""
        allowed = hook.allowed_updates
        if (allowed and kind not in allowed) or (not allowed and kind in OPT_IN_UPDATES):
            return None
        wire = payloads.telegram_wire(full, hook.secret_token)
        delivery = self.post_recorded(hook.url, wire.body, wire.headers, "update")
        self._after_webhook(bot, delivery)
        return delivery

    def deliver_message(self, token: str, message: Mapping[str, Any]) -> Delivery | None:
        return self.deliver_update(token, {"message": message})

    def _remember(self, update: JSON) -> None:
        # Chats and message ids seen in updates make later replies realistic.
        for kind in ("message", "edited_message", "channel_post"):
            message = update.get(kind)
            if isinstance(message, dict) and isinstance(message.get("chat"), dict):
                key = chat_key(message["chat"]["id"])
                with self._lock:
                    self._chats.setdefault(key, message["chat"])
                    message_id = int(message.get("message_id", 0))
                    self._messages[(key, message_id)] = message
                    self._message_ids[key] = max(self._message_ids.get(key, 0), message_id)

    def _after_webhook(self, bot: Bot, delivery: Delivery) -> None:
        hook = bot.webhook
        if not delivery.ok:
            # Telegram keeps the update and shows the failure in getWebhookInfo.
            hook.pending_update_count += 1
            hook.last_error_date = int(time.time())
            hook.last_error_message = (
                f"Wrong response from the webhook: {delivery.status_code}"
                if delivery.status_code is not None
                else "Connection refused"
            )
            return
        reply = parse_json(delivery.response_body)
        if isinstance(reply, dict) and isinstance(reply.get("method"), str):
            self._webhook_reply(bot, reply)

    def _webhook_reply(self, bot: Bot, reply: JSON) -> None:
        """A webhook response body may carry one Bot API call; Telegram executes it."""
        params = {key: value for key, value in reply.items() if key != "method"}
        request = Request(
            method="POST",
            path=f"/bot{bot.token}/{reply['method']}",
            query={},
            headers={"x-standin-source": "webhook-response"},
            body=json.dumps(reply).encode(),
            json=params,
        )
        self._record(request)
        method = self._methods.get(str(reply["method"]).lower())
        if method is not None:
            # Telegram gives no feedback for calls made through the webhook reply.
            with contextlib.suppress(TelegramError):
                method(bot, params)

    # -- request handling ---------------------------------------------------------------------

    def prepare(self, request: Request) -> None:
        if request.path.startswith("/bot"):
            request.json = bot_api_params(request)

    def recipient_of(self, request: Request) -> str | None:
        if isinstance(request.json, dict) and request.json.get("chat_id") is not None:
            return str(request.json["chat_id"])
        return None

    def error_body(self, status: int) -> Any:
        description = REASONS.get(status, "Internal Server Error" if status >= 500 else "Error")
        return {"ok": False, "error_code": status, "description": description}

    def route(self, request: Request) -> Response:
        file_match = _FILE_PATH.fullmatch(request.path)
        if file_match:
            return self._download(*file_match.groups())
        match = _BOT_PATH.fullmatch(request.path)
        if match is None:
            return Response.json(404, self.error_body(404))
        bot = self._bots.get(match.group(1))
        if bot is None:
            return Response.json(401, self.error_body(401))
        method = self._methods.get(match.group(2).lower())  # method names are case-insensitive
        if method is None:
            return Response.json(404, self.error_body(404))
        try:
            result = method(bot, request.json or {})
        except TelegramError as error:
            return error.response()
        if isinstance(result, Described):
            return Response.json(
                200, {"ok": True, "result": result.result, "description": result.description}
            )
        return Response.json(200, {"ok": True, "result": result})

    def _download(self, token: str, file_path: str) -> Response:
        if token not in self._bots:
            return Response.json(401, self.error_body(401))
        for file in self._files.values():
            if file.file_path == file_path:
                return Response(200, file.data, "application/octet-stream")
        return Response.json(404, self.error_body(404))

    # -- Bot API methods ----------------------------------------------------------------------

    def _send_message(self, bot: Bot, params: JSON) -> JSON:
        chat = self._target_chat(params)
        text = params.get("text")
        if text is None or text == "":
            raise bad_request("message text is empty")
        try:
            visible = plain_text(str(text), params.get("parse_mode"))
        except EntityError as error:
            raise bad_request(f"can't parse entities: {error}") from None
        except ValueError:
            raise bad_request("unsupported parse_mode") from None
        if not visible.strip():
            raise bad_request("message text is empty")
        if len(visible) > TEXT_LIMIT:
            raise bad_request("message is too long")
        markup = params.get("reply_markup")
        if markup is not None and not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        message = self._new_message(bot, chat, visible, params.get("reply_parameters"))
        if markup and "inline_keyboard" in markup:
            message["reply_markup"] = markup  # only inline keyboards are echoed back
        with self._lock:
            self._sent.append(message)
        return message

    def _new_message(self, bot: Bot, chat: JSON, text: str, reply_parameters: Any) -> JSON:
        key = chat_key(chat["id"])
        with self._lock:
            message_id = self._message_ids.get(key, 0) + 1
            self._message_ids[key] = message_id
            replied = None
            if isinstance(reply_parameters, dict):
                replied = self._messages.get((key, int(reply_parameters.get("message_id", 0))))
        message: JSON = {
            "message_id": message_id,
            "from": bot.user(),
            "chat": chat,
            "date": int(time.time()),
        }
        if replied is not None:
            message["reply_to_message"] = replied
        message["text"] = text
        return message

    def _target_chat(self, params: JSON) -> JSON:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        key = chat_key(chat_id)
        with self._lock:
            if key in self._blocked:
                raise TelegramError(403, "Forbidden: bot was blocked by the user")
            known = self._chats.get(key)
        return dict(known) if known is not None else synthetic_chat(key)

    def _send_chat_action(self, bot: Bot, params: JSON) -> bool:
        self._target_chat(params)
        if not params.get("action"):
            raise bad_request("action is empty")
        return True

    def _set_webhook(self, bot: Bot, params: JSON) -> Described:
        url = str(params.get("url") or "")
        if not url:
            return self._delete_webhook(bot, params)
        if not (
            url.startswith("https://") or (self.allow_http_webhooks and url.startswith("http://"))
        ):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not _SECRET_TOKEN.fullmatch(str(secret)):
            raise bad_request("secret token contains unallowed characters")
        max_connections = int(params.get("max_connections") or 40)
        if not 1 <= max_connections <= 100:
            raise bad_request("bad webhook: max_connections must be between 1 and 100")
        previous = bot.webhook
        pending = 0 if params.get("drop_pending_updates") else previous.pending_update_count
        bot.webhook = Webhook(
            url=url,
            secret_token=str(secret) if secret is not None else None,
            allowed_updates=list(params.get("allowed_updates") or []),
            max_connections=max_connections,
            pending_update_count=pending,
        )
        same = previous.url == url
        return Described(True, "Webhook is already set" if same else "Webhook was set")

    def _delete_webhook(self, bot: Bot, params: JSON) -> Described:
        had_url = bool(bot.webhook.url)
        bot.webhook = Webhook()
        if params.get("drop_pending_updates"):
            bot.queue.clear()
        return Described(True, "Webhook was deleted" if had_url else "Webhook is already deleted")

    def _get_updates(self, bot: Bot, params: JSON) -> list[JSON]:
        if bot.webhook.url:
            raise TelegramError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        with self._lock:
            # Passing an offset confirms (drops) every earlier update.
            bot.queue[:] = [u for u in bot.queue if u["update_id"] >= offset]
            return bot.queue[:limit]

    def _get_file(self, bot: Bot, params: JSON) -> JSON:
        file = self._files.get(str(params.get("file_id") or ""))
        if file is None:
            raise bad_request("invalid file_id")
        return file.to_json()

    # -- HTTP control API ---------------------------------------------------------------------

    def fault_from_spec(self, spec: dict[str, Any]) -> Fault:
        """HTTP fault specs also take `retry_after`, or `error_code` + `description`."""
        if "retry_after" in spec:
            error = rate_limited(int(spec.pop("retry_after")))
        elif "error_code" in spec:
            error = TelegramError(int(spec.pop("error_code")), str(spec.pop("description", "")))
        else:
            return super().fault_from_spec(spec)
        if "chat_id" in spec:
            spec["recipient"] = str(spec.pop("chat_id"))
        spec.setdefault("status", error.code)
        spec.setdefault("body", error.body())
        return super().fault_from_spec(spec)

    def control_routes(self) -> dict[tuple[str, str], ControlRoute]:
        return super().control_routes() | telegram_control_routes(self)
