"""Fake SMS gateway speaking Sigap's generic SMS contract (docs/channels-sms.md).

It plays the gateway box (a Gammu relay, an SMS Gateway for Android relay, an aggregator):

- accepts sends at ``POST /send`` — ``{"id", "to", "text", "from"}`` signed with
  ``X-Sigap-Signature: sha256=<hex HMAC-SHA256 of f"{X-Sigap-Timestamp}.{raw body}">`` and, when
  configured, ``Authorization: Bearer <token>``; answers ``{"id": "<gateway id>", "parts": n}``,
  treating a repeated ``id`` as the same send (idempotency);
- posts signed inbound SMS, split multipart SMS and delivery reports to Sigap
  (`deliver_sms`, `deliver_multipart`, `deliver_status`), and optionally reports ``sent`` /
  ``delivered`` for every accepted send by itself (``status_url`` + ``auto_status``);
- injects failures through the shared fault book: `fail_next` (5xx), `rate_limit_next` (429 with
  ``Retry-After``), `hang_next` (timeouts), `drop_next`.

It counts parts with its own GSM-7/UCS-2 code, independent of Sigap's, so tests have an oracle.
Run it: ``python -m sigap.standins.sms --port 9300 --secret demo-sms-secret
--webhook-url http://127.0.0.1:8000/webhooks/sms/sms-demo``. Imports nothing from Django.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import hmac
import itertools
import json
import secrets
import sys
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlencode

from sigap.standins.core import Delivery, Fault, Request, Response, StandinServer
from sigap.standins.core.server import ControlRoute
from sigap.standins.payloads.wire import WirePayload

SIGNATURE_HEADER = "X-Sigap-Signature"
TIMESTAMP_HEADER = "X-Sigap-Timestamp"
MAX_SKEW_SECONDS = 300
DEFAULT_NUMBER = "6281100002222"
WIB = timezone(timedelta(hours=7))
JSON = dict[str, Any]

_GSM7 = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_ESCAPED = frozenset("^{}\\[~]|€\f")


# -- the contract ------------------------------------------------------------------------------


def sign(secret: str, timestamp: str, body: bytes) -> str:
    message = timestamp.encode("ascii") + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed_headers(
    secret: str,
    body: bytes,
    *,
    content_type: str = "application/json",
    timestamp: int | None = None,
) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    return {
        "Content-Type": content_type,
        TIMESTAMP_HEADER: stamp,
        SIGNATURE_HEADER: sign(secret, stamp, body),
    }


def encode(payload: Mapping[str, Any], *, form: bool = False) -> tuple[bytes, str]:
    """JSON (UTF-8, as a relay would write it) or a form with ``parts[ref]``-style names."""
    if not form:
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        return body, "application/json"
    flat: list[tuple[str, str]] = []
    for name, value in payload.items():
        if isinstance(value, Mapping):
            flat.extend((f"{name}[{key}]", str(inner)) for key, inner in value.items())
        elif value is not None:
            flat.append((name, str(value)))
    return urlencode(flat).encode(), "application/x-www-form-urlencoded"


def sms_payload(
    from_: str,
    text: str,
    *,
    to: str = DEFAULT_NUMBER,
    message_id: str | None = None,
    received_at: str | None = None,
    parts: Mapping[str, Any] | None = None,
) -> JSON:
    payload: JSON = {
        "id": message_id or f"in-{secrets.token_hex(6)}",
        "from": from_,
        "to": to,
        "text": text,
        "received_at": received_at or datetime.now(WIB).isoformat(timespec="seconds"),
    }
    if parts is not None:
        payload["parts"] = dict(parts)
    return payload


def inbound_wire(
    secret: str,
    from_: str,
    text: str,
    *,
    form: bool = False,
    timestamp: int | None = None,
    **fields: Any,
) -> WirePayload:
    """An inbound SMS exactly as the gateway posts it (raw bytes + signed headers)."""
    body, content_type = encode(sms_payload(from_, text, **fields), form=form)
    return WirePayload(body, signed_headers(secret, body, content_type=content_type,
                                            timestamp=timestamp))  # fmt: skip


def status_wire(
    secret: str,
    gateway_id: str,
    status: str,
    *,
    error: str = "",
    form: bool = False,
    timestamp: int | None = None,
) -> WirePayload:
    payload: JSON = {"id": gateway_id, "status": status}
    if error:
        payload["error"] = error
    body, content_type = encode(payload, form=form)
    return WirePayload(body, signed_headers(secret, body, content_type=content_type,
                                            timestamp=timestamp))  # fmt: skip


def split_text(text: str, total: int) -> list[str]:
    """``text`` in ``total`` consecutive pieces (as a phone splits a long SMS)."""
    size = -(-len(text) // total)
    return [text[i * size : (i + 1) * size] for i in range(total)]


def sms_encoding(text: str) -> str:
    return "gsm7" if all(ch in _GSM7 or ch in _GSM7_ESCAPED for ch in text) else "ucs2"


def sms_parts(text: str) -> int:
    """How many SMS the gateway would send: 160/153 septets (GSM-7), 70/67 UTF-16 units."""
    if sms_encoding(text) == "gsm7":
        units = [2 if ch in _GSM7_ESCAPED else 1 for ch in text]
        single, per_part = 160, 153
    else:
        units = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
        single, per_part = 70, 67
    if sum(units) <= single:
        return 1
    parts, filled = 1, 0
    for unit in units:  # a two-unit character never straddles two parts
        if filled + unit > per_part:
            parts, filled = parts + 1, 0
        filled += unit
    return parts


# -- the server --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SentSms:
    """One send the gateway accepted."""

    gateway_id: str
    id: str  # Sigap's idempotency id
    to: str
    text: str
    from_: str
    encoding: str
    parts: int
    time: float

    def to_json(self) -> JSON:
        return {
            "gateway_id": self.gateway_id, "id": self.id, "to": self.to, "text": self.text,
            "from": self.from_, "encoding": self.encoding, "parts": self.parts, "time": self.time,
        }  # fmt: skip


class SmsGatewayStandin(StandinServer):
    """The fake gateway. In-process control: `deliver_sms`, `deliver_multipart`,
    `deliver_status`, `sent_messages`, `rate_limit_next`, plus the base `fail_next`,
    `hang_next`, `drop_next`, `requests`, `deliveries`, `reset`."""

    name = "sms"

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        secret: str,
        token: str | None = None,
        number: str = DEFAULT_NUMBER,
        send_path: str = "/send",
        webhook_url: str | None = None,
        status_url: str | None = None,
        auto_status: Iterable[str] = (),
        status_delay: float = 0.05,
        max_records: int = 50_000,
        webhook_workers: int = 2,
        webhook_timeout: float = 10.0,
    ) -> None:
        """`secret`: the shared secret (both directions). `token`: bearer the sends must carry.
        `webhook_url` / `status_url`: Sigap's URLs for the CLI, the control API and
        `auto_status` (statuses reported by itself after each accepted send)."""
        self.secret = secret
        self.token = token
        self.number = number
        self.send_path = send_path
        self.webhook_url = webhook_url
        self.status_url = status_url
        self.auto_status = tuple(auto_status)
        self.status_delay = status_delay
        self._sent: list[SentSms] = []
        self._by_id: dict[str, SentSms] = {}
        self._lock = threading.Lock()
        self._gateway_seq = itertools.count(1)
        self._ref_seq = itertools.count(1)
        super().__init__(
            host, port, max_records=max_records, webhook_workers=webhook_workers,
            webhook_timeout=webhook_timeout,
        )  # fmt: skip

    # -- in-process control --------------------------------------------------------------------

    def sent_messages(self, to: str | None = None) -> list[SentSms]:
        with self._lock:
            sent = list(self._sent)
        return sent if to is None else [s for s in sent if s.to == to]

    def rate_limit_next(
        self, retry_after: int, n: int | None = 1, *, recipient: str | None = None
    ) -> Fault:
        """Answer 429 with ``Retry-After: <retry_after>`` to the next `n` sends."""
        return self.add_fault(
            Fault(n, self.send_path, None, recipient, status=429,
                  body={"error": "terlalu banyak permintaan"},
                  headers={"Retry-After": str(retry_after)})
        )  # fmt: skip

    def deliver_sms(
        self,
        url: str | None,
        from_: str,
        text: str,
        parts: Mapping[str, Any] | None = None,
        *,
        form: bool = False,
        timestamp: int | None = None,
        secret: str | None = None,
        **fields: Any,
    ) -> Delivery:
        """POST one inbound SMS (or one part of a split one) to Sigap now.

        `fields`: `to`, `message_id`, `received_at` of `sms_payload`. `secret` signs with another
        key and `timestamp` backdates the signature (to test refusals).
        """
        fields.setdefault("to", self.number)
        wire = inbound_wire(
            secret or self.secret, from_, text, form=form, timestamp=timestamp, parts=parts,
            **fields,
        )  # fmt: skip
        return self.post_recorded(self._target(url), wire.body, wire.headers, "sms")

    def deliver_multipart(
        self,
        url: str | None,
        from_: str,
        text: str,
        total: int,
        *,
        order: Sequence[int] | None = None,
        ref: str | None = None,
        **fields: Any,
    ) -> list[Delivery]:
        """Split `text` into `total` parts and POST them (1-based `order`, default 1..total)."""
        ref = ref or str(next(self._ref_seq) % 256)
        pieces = split_text(text, total)
        base = fields.pop("message_id", None) or f"in-{secrets.token_hex(5)}"
        return [
            self.deliver_sms(
                url,
                from_,
                pieces[index - 1],
                {"ref": ref, "index": index, "total": total},
                message_id=f"{base}-{index}",
                **fields,
            )
            for index in (order or range(1, total + 1))
        ]

    def deliver_status(
        self,
        url: str | None,
        gateway_id: str,
        status: str,
        error: str = "",
        *,
        form: bool = False,
        timestamp: int | None = None,
    ) -> Delivery:
        """POST a delivery report (`sent`, `delivered`, `failed`) to Sigap's status URL."""
        wire = status_wire(
            self.secret, gateway_id, status, error=error, form=form, timestamp=timestamp
        )
        target = url or self.status_url or (self._target(None) + "/status")
        return self.post_recorded(target, wire.body, wire.headers, "status")

    def reset(self) -> None:
        super().reset()
        with self._lock:
            self._sent.clear()
            self._by_id.clear()

    def _target(self, url: str | None) -> str:
        target = url or self.webhook_url
        if not target:
            raise ValueError("no url given and the stand-in has no webhook_url")
        return target

    # -- request handling ----------------------------------------------------------------------

    def recipient_of(self, request: Request) -> str | None:
        if isinstance(request.json, dict) and request.json.get("to") is not None:
            return str(request.json["to"])
        return None

    def error_body(self, status: int) -> Any:
        return {"error": {429: "terlalu banyak permintaan"}.get(status, f"gateway error {status}")}

    def route(self, request: Request) -> Response:
        if request.method == "POST" and request.path == self.send_path:
            return self._send(request)
        return Response.json(404, {"error": "not found"})

    def _send(self, request: Request) -> Response:
        refused = self._authenticate(request)
        if refused is not None:
            return refused
        body = request.json
        if not isinstance(body, dict):
            return Response.json(400, {"error": "body must be a JSON object"})
        missing = [name for name in ("id", "to", "text") if not str(body.get(name) or "")]
        if missing:
            return Response.json(400, {"error": f"missing {', '.join(missing)}"})
        to = str(body["to"])
        if not (to.isdigit() and to.startswith("62") and 9 <= len(to) <= 15):
            return Response.json(400, {"error": f"invalid recipient {to!r}: expected 62…"})
        sent, repeated = self._accept(body)
        if not repeated:
            self._report(sent)
        return Response.json(200, {"id": sent.gateway_id, "parts": sent.parts})

    def _authenticate(self, request: Request) -> Response | None:
        if self.token is not None and request.bearer_token() != self.token:
            return Response.json(401, {"error": "invalid bearer token"})
        stamp = request.headers.get(TIMESTAMP_HEADER.lower(), "")
        if not stamp.isdigit() or abs(time.time() - int(stamp)) > MAX_SKEW_SECONDS:
            return Response.json(401, {"error": "missing or stale timestamp"})
        expected = sign(self.secret, stamp, request.body)
        if not hmac.compare_digest(expected, request.headers.get(SIGNATURE_HEADER.lower(), "")):
            return Response.json(401, {"error": "invalid signature"})
        return None

    def _accept(self, body: JSON) -> tuple[SentSms, bool]:
        """Record a send once per idempotency id; a repeat gets the first answer again."""
        text = str(body["text"])
        with self._lock:
            existing = self._by_id.get(str(body["id"]))
            if existing is not None:
                return existing, True
            sent = SentSms(
                gateway_id=f"gw-{next(self._gateway_seq):06d}-{secrets.token_hex(3)}",
                id=str(body["id"]), to=str(body["to"]), text=text,
                from_=str(body.get("from") or self.number), encoding=sms_encoding(text),
                parts=sms_parts(text), time=time.time(),
            )  # fmt: skip
            self._by_id[sent.id] = sent
            self._sent.append(sent)
        return sent, False

    def _report(self, sent: SentSms) -> None:
        if not self.status_url:
            return
        url = self.status_url
        for step, status in enumerate(self.auto_status, start=1):
            wire = status_wire(self.secret, sent.gateway_id, status)
            self.schedule_delivery(self.status_delay * step, url, wire.body, wire.headers, "status")

    # -- HTTP control API ----------------------------------------------------------------------

    def fault_from_spec(self, spec: dict[str, Any]) -> Fault:
        """HTTP fault specs also take `retry_after` (a 429 with that Retry-After)."""
        if "retry_after" in spec:
            seconds = int(spec.pop("retry_after"))
            spec.setdefault("status", 429)
            spec.setdefault("headers", {"Retry-After": str(seconds)})
        spec.setdefault("path_contains", self.send_path)
        return super().fault_from_spec(spec)

    def control_routes(self) -> dict[tuple[str, str], ControlRoute]:
        return super().control_routes() | {
            ("POST", "sms"): self._control_sms,
            ("POST", "status"): self._control_status,
            ("GET", "sent"): lambda r: Response.json(
                200, {"sent": [s.to_json() for s in self.sent_messages(r.query_value("to"))]}
            ),
        }

    def _control_sms(self, request: Request) -> Response:
        """{"from", "text", "url"?, "to"?, "message_id"?, "received_at"?, "parts"?, "split"?,
        "form"?}: "split": n posts the text as n parts."""
        spec = dict(request.json or {})
        url, from_, text = spec.pop("url", None), str(spec.pop("from")), str(spec.pop("text"))
        split = int(spec.pop("split", 0) or 0)
        if split > 1:
            deliveries = self.deliver_multipart(url, from_, text, split, **spec)
        else:
            deliveries = [self.deliver_sms(url, from_, text, spec.pop("parts", None), **spec)]
        return Response.json(200, {"deliveries": [d.to_json() for d in deliveries]})

    def _control_status(self, request: Request) -> Response:
        """{"id", "status", "error"?, "url"?}"""
        spec = request.json or {}
        delivery = self.deliver_status(
            spec.get("url"), str(spec["id"]), str(spec["status"]), str(spec.get("error") or "")
        )
        return Response.json(200, {"delivery": delivery.to_json()})


# -- entry points ------------------------------------------------------------------------------


def serve(
    port: int = 0, *, secret: str, host: str = "127.0.0.1", **config: Any
) -> SmsGatewayStandin:
    """Start the SMS gateway stand-in in a background thread; `.url`, `.stop()`, context manager."""
    return SmsGatewayStandin(host, port, secret=secret, **config).start()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m sigap.standins.sms",
        description="Fake SMS gateway speaking Sigap's generic SMS contract.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9300, help="0 picks a free port")
    parser.add_argument("--secret", default="demo-sms-secret", help="shared signing secret")
    parser.add_argument("--token", default=None, help="bearer token sends must carry")
    parser.add_argument("--number", default=DEFAULT_NUMBER, help="the gateway's own MSISDN")
    parser.add_argument(
        "--webhook-url", default=None, help="Sigap's /webhooks/sms/<code> for injected SMS"
    )
    parser.add_argument(
        "--auto-status",
        default="",
        help="comma-separated statuses to report after each send, e.g. sent,delivered",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    webhook_url = args.webhook_url.rstrip("/") if args.webhook_url else None
    server = SmsGatewayStandin(
        args.host, args.port, secret=args.secret, token=args.token, number=args.number,
        webhook_url=webhook_url, status_url=f"{webhook_url}/status" if webhook_url else None,
        auto_status=[s for s in args.auto_status.split(",") if s],
    )  # fmt: skip
    print(f"SMS gateway stand-in listening on {server.url} (sends: POST {server.url}/send)")
    if webhook_url:
        print(f'Inject an SMS: POST {server.url}/_standin/sms {{"from": "0812…", "text": …}}')
    sys.stdout.flush()
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
