"""HTTP control API of the Meta stand-in, for tests and benchmarks in another process."""

from __future__ import annotations

import base64
import functools
import time
from dataclasses import fields
from typing import TYPE_CHECKING

from sigap.standins.core import Request, Response
from sigap.standins.core.server import ControlRoute
from sigap.standins.meta.state import MetaConfig, wa_key

if TYPE_CHECKING:
    from sigap.standins.meta.server import MetaStandin


def meta_control_routes(server: MetaStandin) -> dict[tuple[str, str], ControlRoute]:
    """Meta-specific routes under `/_standin/` (the generic ones live in the base server)."""
    names = {
        "windows": control_windows,
        "media": control_media,
        "inbound": control_inbound,
        "tokens": control_tokens,
        "config": control_config,
    }
    return {("POST", name): functools.partial(handler, server) for name, handler in names.items()}


def control_windows(server: MetaStandin, request: Request) -> Response:
    """{"channel": "whatsapp"|"instagram", "business_id", "recipient", "at"?, "close"?}"""
    spec = request.json or {}
    channel = spec.get("channel", "whatsapp")
    business_id = str(spec.get("business_id") or spec.get("phone_number_id") or "")
    recipient = str(spec["recipient"])
    user = wa_key(recipient) if channel == "whatsapp" else recipient
    at = None if spec.get("close") else float(spec.get("at") or time.time())
    server.windows.set(channel, business_id, user, at)
    return Response.json(200, {"ok": True})


def control_media(server: MetaStandin, request: Request) -> Response:
    """{"data_base64", "mime_type"?, "media_id"?, "phone_number_id"?}"""
    spec = request.json or {}
    media = server.add_media(
        base64.b64decode(spec["data_base64"]),
        spec.get("mime_type", "image/jpeg"),
        media_id=spec.get("media_id"),
        phone_number_id=spec.get("phone_number_id"),
    )
    return Response.json(201, {"id": media.media_id, "sha256": media.sha256_b64})


def control_inbound(server: MetaStandin, request: Request) -> Response:
    """{"payload": envelope, "url"?}: sign, deliver to Sigap, open windows."""
    spec = request.json or {}
    delivery = server.deliver_inbound(spec["payload"], url=spec.get("url"))
    return Response.json(200, delivery.to_json())


def control_tokens(server: MetaStandin, request: Request) -> Response:
    """{"whatsapp": {phone_number_id: token}, "instagram": {account_id: token}}"""
    spec = request.json or {}
    server.config.tokens.update(spec.get("whatsapp") or {})
    server.config.instagram_tokens.update(spec.get("instagram") or {})
    return Response.json(200, {"ok": True})


def control_config(server: MetaStandin, request: Request) -> Response:
    """Change scalar settings at run time, e.g. {"status_webhooks": false}."""
    spec = request.json or {}
    names = {f.name for f in fields(MetaConfig)}
    unknown = set(spec) - names
    if unknown:
        raise ValueError(f"unknown settings: {sorted(unknown)}")
    for name, value in spec.items():
        setattr(server.config, name, value)
    return Response.json(200, {"ok": True})
