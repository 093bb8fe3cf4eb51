"""Fake Meta Graph API: WhatsApp Cloud API sends and media, Instagram Send API.

Sigap reaches it through `SIGAP_META_GRAPH_URL` (e.g. `http://127.0.0.1:9100/v21.0`). Behaviour
follows protocols.md sections 1 and 2: any `/vXX.X/` version segment, bearer tokens per phone
number id / Instagram account id, the documented success and error envelopes, the 24-hour
customer-service window (and Instagram's 7-day HUMAN_AGENT window), media served through a
bearer-protected lookaside URL, and `sent`/`delivered` status webhooks posted back to Sigap,
signed with the app secret.

Run it: `python -m sigap.standins.meta --port 9100 --webhook-url
http://127.0.0.1:8000/webhooks/whatsapp --app-secret demo-app-secret
--token 100000000000001=demo-access-token`.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Mapping
from typing import Any

from sigap.standins import payloads
from sigap.standins.core import Delivery, Fault, Request, Response, StandinServer, parse_json
from sigap.standins.core.server import ControlRoute
from sigap.standins.meta.control import meta_control_routes
from sigap.standins.meta.graph import (
    GraphError,
    expired_token,
    instagram_outside_window,
    invalid_token,
    selected_fields,
    unknown_object,
    validate_instagram_send,
    validate_mark_read,
    validate_whatsapp_send,
)
from sigap.standins.meta.state import (
    CUSTOMER_SERVICE_WINDOW,
    HUMAN_AGENT_WINDOW,
    AcceptedSend,
    Media,
    MetaConfig,
    WindowBook,
    status_pricing,
    wa_key,
)

JSON = dict[str, Any]
_VERSION = re.compile(r"v\d+(\.\d+)?")


class MetaStandin(StandinServer):
    """The fake Graph API. Configure with `MetaConfig` fields as keyword arguments.

    In-process control: `add_phone_number`, `add_instagram_account`, `add_media`,
    `open_window`/`close_window`, `open_instagram_window`/`close_instagram_window`,
    `deliver_inbound`/`deliver_to`, `graph_error_next`, `fail_async_next`, plus the base
    `fail_next`, `hang_next`, `drop_next`, `requests`, `wait_for`, `deliveries`, `reset`.
    Every request is answered from memory; keep the path lean for the 1,000 req/s benchmark.
    """

    name = "meta"

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        max_records: int = 50_000,
        webhook_workers: int = 4,
        webhook_timeout: float = 10.0,
        **config: Any,
    ) -> None:
        self.config = MetaConfig(**config)
        self.windows = WindowBook()
        self._media: dict[str, Media] = {}
        self._url_key = secrets.token_bytes(16)
        super().__init__(
            host,
            port,
            max_records=max_records,
            webhook_workers=webhook_workers,
            webhook_timeout=webhook_timeout,
        )

    # -- configuration and state (in-process control API) ---------------------------------

    def add_phone_number(
        self,
        phone_number_id: str,
        token: str,
        display_phone_number: str | None = None,
        *,
        verified_name: str | None = None,
        quality_rating: str | None = None,
    ) -> None:
        self.config.tokens[phone_number_id] = token
        if display_phone_number:
            self.config.display_phone_numbers[phone_number_id] = display_phone_number
        if verified_name:
            self.config.verified_names[phone_number_id] = verified_name
        if quality_rating:
            self.config.quality_ratings[phone_number_id] = quality_rating

    def add_instagram_account(
        self, account_id: str, token: str, *, username: str | None = None
    ) -> None:
        self.config.instagram_tokens[account_id] = token
        if username:
            self.config.instagram_usernames[account_id] = username

    def add_media(
        self,
        data: bytes,
        mime_type: str = "image/jpeg",
        *,
        media_id: str | None = None,
        phone_number_id: str | None = None,
    ) -> Media:
        """Register bytes retrievable as WhatsApp media (and on the Instagram CDN path)."""
        media = Media(media_id or payloads.new_media_id(), data, mime_type, phone_number_id)
        self._media[media.media_id] = media
        return media

    def instagram_cdn_url(self, media_id: str) -> str:
        """An expiring-CDN-like URL for an Instagram attachment (no bearer needed)."""
        query = f"asset_id={media_id}&signature={self._sig(media_id)}"
        return f"{self._public_url}/ig_messaging_cdn/?{query}"

    def open_window(self, phone_number_id: str, recipient: str, *, at: float | None = None) -> None:
        """Declare that `recipient` wrote to `phone_number_id` at `at` (default now)."""
        self.windows.set("whatsapp", phone_number_id, wa_key(recipient), at or time.time())

    def close_window(self, phone_number_id: str, recipient: str) -> None:
        self.windows.set("whatsapp", phone_number_id, wa_key(recipient), None)

    def open_instagram_window(
        self, account_id: str, user_id: str, *, at: float | None = None
    ) -> None:
        self.windows.set("instagram", account_id, user_id, at or time.time())

    def close_instagram_window(self, account_id: str, user_id: str) -> None:
        self.windows.set("instagram", account_id, user_id, None)

    def reset(self) -> None:
        super().reset()
        self.windows.clear()

    # -- faults (Meta-shaped shortcuts) ---------------------------------------------------

    def graph_error_next(
        self,
        code: int,
        n: int | None = 1,
        *,
        path_contains: str | None = None,
        recipient: str | None = None,
        method: str | None = None,
        subcode: int | None = None,
        details: str | None = None,
        http_status: int | None = None,
    ) -> Fault:
        """Answer the next `n` matching requests with Graph error `code` (130429, 131056, 190…)."""
        error = fault_error(code, subcode=subcode, details=details, http_status=http_status)
        return self.add_fault(
            Fault(n, path_contains, method, recipient, status=error.http_status, body=error.body())
        )

    def fail_async_next(
        self, code: int, n: int | None = 1, *, recipient: str | None = None
    ) -> Fault:
        """Accept the next `n` WhatsApp sends, then report a `failed` status with `code`."""
        return self.add_fault(Fault(n, "/messages", "POST", recipient, async_error=code))

    def error_body(self, status: int) -> Any:
        if status == 401:
            return invalid_token().body()
        code = {429: 4, 500: 1, 502: 1, 503: 2, 504: 2}.get(status, 100)
        return GraphError(code, whatsapp=False).body()

    def fault_from_spec(self, spec: dict[str, Any]) -> Fault:
        """HTTP fault specs also take `graph_error` (+ `subcode`, `details`, `http_status`)."""
        if "graph_error" in spec:
            error = fault_error(
                int(spec.pop("graph_error")),
                subcode=spec.pop("subcode", None),
                details=spec.pop("details", None),
                http_status=spec.pop("http_status", None),
            )
            spec.setdefault("status", error.http_status)
            spec.setdefault("body", error.body())
        return super().fault_from_spec(spec)

    # -- inbound injection ------------------------------------------------------------------

    def deliver_to(
        self, url: str, body: bytes, headers: Mapping[str, str], *, kind: str = "inbound"
    ) -> Delivery:
        """POST a payload to Sigap, opening the customer-service windows of its messages."""
        self._open_windows_from(parse_json(body))
        return self.post_recorded(url, body, headers, kind)

    def deliver_inbound(self, payload: Mapping[str, Any], *, url: str | None = None) -> Delivery:
        """Sign `payload` (WhatsApp or Instagram envelope) and deliver it to Sigap's webhook."""
        instagram = payload.get("object") == "instagram"
        target = url or (self.config.instagram_webhook_url if instagram else None)
        target = target or self.config.webhook_url
        if not target:
            raise ValueError("no webhook URL configured for inbound delivery")
        wire = payloads.meta_wire(payload, self._secret(instagram))
        return self.deliver_to(target, wire.body, wire.headers)

    def _secret(self, instagram: bool) -> str:
        if instagram and self.config.instagram_app_secret:
            return self.config.instagram_app_secret
        return self.config.app_secret

    def _open_windows_from(self, payload: Any) -> None:
        if not isinstance(payload, dict):
            return
        for entry in payload.get("entry") or []:
            if payload.get("object") == "whatsapp_business_account":
                for change in entry.get("changes") or []:
                    self._open_whatsapp_windows(change.get("value") or {})
            elif payload.get("object") == "instagram":
                for item in entry.get("messaging") or []:
                    self._open_instagram_window(item)

    def _open_whatsapp_windows(self, value: JSON) -> None:
        phone_number_id = str((value.get("metadata") or {}).get("phone_number_id"))
        for message in value.get("messages") or []:
            at = float(message.get("timestamp") or time.time())
            for user in (message.get("from"), message.get("from_user_id")):
                if user:
                    self.windows.touch("whatsapp", phone_number_id, wa_key(user), at)

    def _open_instagram_window(self, item: JSON) -> None:
        if (item.get("message") or {}).get("is_echo"):
            return  # our own message echoed back: not a customer action
        sender, recipient = item.get("sender") or {}, item.get("recipient") or {}
        if sender.get("id") and recipient.get("id"):
            at = float(item.get("timestamp") or time.time() * 1000) / 1000
            self.windows.touch("instagram", str(recipient["id"]), str(sender["id"]), at)

    # -- routing ----------------------------------------------------------------------------

    def recipient_of(self, request: Request) -> str | None:
        body = request.json
        if not isinstance(body, dict):
            return None
        recipient = body.get("to") or body.get("recipient")
        if isinstance(recipient, dict):  # Instagram: {"id": IGSID}
            recipient = recipient.get("id")
        return None if recipient is None else str(recipient)

    def route(self, request: Request) -> Response:
        parts = [part for part in request.path.split("/") if part]
        if parts and parts[0] == "lookaside":
            return self._lookaside(request)
        if parts and parts[0] == "ig_messaging_cdn":
            return self._instagram_cdn(request)
        if parts and _VERSION.fullmatch(parts[0]):
            parts = parts[1:]  # Graph also answers unversioned paths (default version)
        try:
            return self._route_graph(request, parts)
        except GraphError as error:
            return error.response()

    def _route_graph(self, request: Request, parts: list[str]) -> Response:
        if len(parts) == 2 and parts[1] == "messages" and request.method == "POST":
            if parts[0] == "me" or parts[0] in self.config.instagram_tokens:
                return self._instagram_send(request, None if parts[0] == "me" else parts[0])
            return self._whatsapp_send(request, parts[0], request.fault)
        if len(parts) == 1 and request.method == "GET" and parts[0] == "me":
            return self._instagram_me(request)
        if len(parts) == 1 and request.method == "GET" and parts[0] in self.config.tokens:
            return self._phone_number(request, parts[0])
        if len(parts) == 1 and request.method in ("GET", "DELETE"):
            return self._media_object(request, parts[0])
        raise GraphError(
            100, message=f"(#100) Unknown path components: /{'/'.join(parts)}", whatsapp=False
        )

    def _check_token(self, request: Request, object_id: str, tokens: Mapping[str, str]) -> None:
        token = request.bearer_token()
        if token is None or not self._known_token(token):
            raise invalid_token()
        if tokens.get(object_id) != token:
            raise unknown_object(object_id)

    def _known_token(self, token: str) -> bool:
        return (
            token in self.config.tokens.values() or token in self.config.instagram_tokens.values()
        )

    # -- WhatsApp ---------------------------------------------------------------------------

    def _whatsapp_send(
        self, request: Request, phone_number_id: str, fault: Fault | None
    ) -> Response:
        self._check_token(request, phone_number_id, self.config.tokens)
        body = request.json
        if isinstance(body, dict) and body.get("status") == "read":
            validate_mark_read(body)
            return Response.json(200, {"success": True})
        kind = validate_whatsapp_send(body)
        to, bsuid = body.get("to"), body.get("recipient")
        wa_id = wa_key(to) if to else None
        contact = {"input": to, "wa_id": wa_id} if to else {"input": bsuid, "user_id": bsuid}
        message: JSON = {"id": payloads.new_wamid()}
        if kind == "template":
            message["message_status"] = "accepted"
        outcome = AcceptedSend(
            phone_number_id, message["id"], wa_id, None if to else bsuid, kind, body
        )
        self._schedule_statuses(outcome, fault)
        answer = {"messaging_product": "whatsapp", "contacts": [contact], "messages": [message]}
        return Response.json(200, answer)

    def _window_open(self, channel: str, business_id: str, user_id: str, limit: float) -> bool:
        if not self.config.enforce_windows:
            return True
        age = self.windows.age(channel, business_id, user_id)
        return age is not None and age <= limit

    def _schedule_statuses(self, send: AcceptedSend, fault: Fault | None) -> None:
        cfg = self.config
        if not (cfg.status_webhooks and cfg.webhook_url):
            return
        user = send.wa_id or send.bsuid or ""
        in_window = self._window_open(
            "whatsapp", send.phone_number_id, user, CUSTOMER_SERVICE_WINDOW
        )
        steps: list[tuple[str, JSON]]
        if fault is not None and fault.async_error:
            steps = [("failed", {"errors": [GraphError(fault.async_error).status_error()]})]
        elif send.kind != "template" and not in_window:
            # Meta accepts free-form sends outside the window (HTTP 200) and fails them later.
            steps = [("failed", {"errors": [GraphError(131047).status_error()]})]
        else:
            pricing = {"pricing": status_pricing(send.kind, in_window)}
            names = ["sent", "delivered"] + (["read"] if cfg.read_receipts else [])
            steps = [(name, pricing) for name in names]
        for number, (status, extra) in enumerate(steps, start=1):
            post = functools.partial(self._post_status, send, status, extra)
            self.schedule(cfg.status_delay * number, post)

    def _post_status(self, send: AcceptedSend, status: str, extra: JSON) -> None:
        cfg = self.config
        item = payloads.whatsapp_status(
            send.wamid,
            status,
            recipient_id=send.wa_id,
            recipient_user_id=send.bsuid,
            biz_opaque_callback_data=send.body.get("biz_opaque_callback_data"),
            **extra,
        )
        display = cfg.display_phone_numbers.get(
            send.phone_number_id, payloads.DEFAULT_DISPLAY_PHONE_NUMBER
        )
        envelope = payloads.whatsapp_envelope(
            phone_number_id=send.phone_number_id,
            statuses=[item],
            waba_id=cfg.waba_id,
            display_phone_number=display,
        )
        wire = payloads.meta_wire(envelope, cfg.app_secret)
        if cfg.webhook_url:
            self.post_recorded(cfg.webhook_url, wire.body, wire.headers, "status")

    # -- media ------------------------------------------------------------------------------

    @property
    def _public_url(self) -> str:
        return (self.config.public_url or self.url).rstrip("/")

    def _sig(self, *parts: str) -> str:
        message = "|".join(parts).encode()
        return hmac.new(self._url_key, message, hashlib.sha256).hexdigest()[:32]

    def _phone_number(self, request: Request, phone_number_id: str) -> Response:
        """`GET /{phone_number_id}`: what a health check or the admin page reads."""
        self._check_token(request, phone_number_id, self.config.tokens)
        display = self.config.display_phone_numbers.get(
            phone_number_id, payloads.DEFAULT_DISPLAY_PHONE_NUMBER
        )
        number = {
            "verified_name": self.config.verified_names.get(phone_number_id, "Sigap Stand-in"),
            "display_phone_number": display,
            "id": phone_number_id,
            "quality_rating": self.config.quality_ratings.get(phone_number_id, "GREEN"),
            "code_verification_status": "VERIFIED",
            "platform_type": "CLOUD_API",
            "throughput": {"level": "STANDARD"},
        }
        return Response.json(200, selected_fields(request, number, "WhatsAppBusinessPhoneNumber"))

    def _media_object(self, request: Request, media_id: str) -> Response:
        token = request.bearer_token()
        if token is None or not self._known_token(token):
            raise invalid_token()
        media = self._media.get(media_id)
        owner = request.query_value("phone_number_id")
        if media is None or (owner and media.phone_number_id not in (None, owner)):
            raise unknown_object(media_id)
        if request.method == "DELETE":
            self._media.pop(media_id, None)
            return Response.json(200, {"success": True})
        expires = str(int(time.time() + self.config.media_url_ttl))
        url = (
            f"{self._public_url}/lookaside/whatsapp_business/attachments/"
            f"?mid={media_id}&ext={expires}&hash={self._sig(media_id, expires)}"
        )
        info = {
            "messaging_product": "whatsapp",
            "url": url,
            "mime_type": media.mime_type,
            "sha256": media.sha256_hex,
            "file_size": len(media.data),
            "id": media.media_id,
        }
        return Response.json(200, info)

    def _lookaside(self, request: Request) -> Response:
        # The download needs the same bearer token; a plain GET gets nothing useful.
        token = request.bearer_token()
        if token is None or token not in self.config.tokens.values():
            return Response(401, b"Unauthorized", "text/plain")
        media_id = request.query_value("mid") or ""
        expires = request.query_value("ext") or "0"
        valid = hmac.compare_digest(request.query_value("hash") or "", self._sig(media_id, expires))
        media = self._media.get(media_id)
        if not valid or media is None or not expires.isdigit() or int(expires) < time.time():
            return Response(404, b"URL expired or unknown: fetch the media id again", "text/plain")
        return Response(200, media.data, media.mime_type)

    def _instagram_cdn(self, request: Request) -> Response:
        media_id = request.query_value("asset_id") or ""
        signature = request.query_value("signature") or ""
        media = self._media.get(media_id)
        if media is None or not hmac.compare_digest(signature, self._sig(media_id)):
            return Response(403, b"URL signature mismatch", "text/plain")
        return Response(200, media.data, media.mime_type)

    # -- Instagram --------------------------------------------------------------------------

    def _instagram_send(self, request: Request, account_id: str | None) -> Response:
        account_id = self._instagram_account(request, account_id)
        human_agent = validate_instagram_send(request.json)
        body: JSON = request.json
        user = str(body["recipient"]["id"])
        if "sender_action" in body:
            return Response.json(200, {"recipient_id": user})
        self._check_instagram_window(account_id, user, human_agent)
        mid = payloads.new_instagram_mid()
        self._schedule_echo(account_id, user, body["message"], mid)
        return Response.json(200, {"recipient_id": user, "message_id": mid})

    def _instagram_me(self, request: Request) -> Response:
        """`GET /me`: the Instagram account the token belongs to (an unknown token is 190).

        With Instagram Login, `id` is the app-scoped id and `user_id` the professional account
        id that webhooks and sends use; `instagram_business_account` is what a Page token of the
        Facebook Login variant answers with.
        """
        account_id = self._instagram_account(request, None)
        username = self.config.instagram_usernames.get(account_id, f"akun_{account_id[-4:]}")
        scoped = int(hashlib.sha256(f"app-scoped:{account_id}".encode()).hexdigest()[:13], 16)
        user = {
            "id": str(scoped),
            "user_id": account_id,
            "username": username,
            "name": username,
            "account_type": "BUSINESS",
            "instagram_business_account": {"id": account_id, "username": username},
        }
        return Response.json(200, selected_fields(request, user, "User", default=("id",)))

    def _instagram_account(self, request: Request, account_id: str | None) -> str:
        if account_id is not None:
            self._check_token(request, account_id, self.config.instagram_tokens)
            return account_id
        # `/me/messages`: the account is the one the token belongs to.
        token = request.bearer_token()
        for candidate, candidate_token in self.config.instagram_tokens.items():
            if token == candidate_token:
                return candidate
        raise invalid_token()

    def _check_instagram_window(self, account_id: str, user: str, human_agent: bool) -> None:
        limit = HUMAN_AGENT_WINDOW if human_agent else CUSTOMER_SERVICE_WINDOW
        if not self._window_open("instagram", account_id, user, limit):
            raise instagram_outside_window()

    def _schedule_echo(self, account_id: str, user: str, message: JSON, mid: str) -> None:
        cfg = self.config
        if not (cfg.instagram_echoes and cfg.instagram_webhook_url):
            return
        attachment = message.get("attachment")
        item = payloads.instagram_message(
            message.get("text"),
            sender_id=account_id,
            recipient_id=user,
            is_echo=True,
            mid=mid,
            attachments=[attachment] if attachment else (),
        )
        wire = payloads.meta_wire(payloads.instagram_envelope(item), self._secret(True))
        self.schedule_delivery(
            cfg.status_delay, cfg.instagram_webhook_url, wire.body, wire.headers, "echo"
        )

    def control_routes(self) -> dict[tuple[str, str], ControlRoute]:
        return super().control_routes() | meta_control_routes(self)


def fault_error(
    code: int, *, subcode: int | None, details: str | None, http_status: int | None
) -> GraphError:
    if code == 190:
        return expired_token()
    return GraphError(code, subcode=subcode, details=details, http_status=http_status)
