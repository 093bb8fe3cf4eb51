"""HTTP control API of the Telegram stand-in, for tests and benchmarks in another process."""

from __future__ import annotations

import base64
import functools
from typing import TYPE_CHECKING

from sigap.standins.core import Request, Response
from sigap.standins.core.server import ControlRoute

if TYPE_CHECKING:
    from sigap.standins.telegram.server import TelegramStandin


def telegram_control_routes(server: TelegramStandin) -> dict[tuple[str, str], ControlRoute]:
    """Telegram-specific routes under `/_standin/` (the generic ones live in the base server)."""
    names = {
        "bots": control_bots,
        "blocked": control_blocked,
        "updates": control_updates,
        "files": control_files,
    }
    return {("POST", name): functools.partial(handler, server) for name, handler in names.items()}


def control_bots(server: TelegramStandin, request: Request) -> Response:
    """{"token", "username"?}"""
    spec = request.json or {}
    bot = server.add_bot(str(spec["token"]), spec.get("username"))
    return Response.json(201, bot.user())


def control_blocked(server: TelegramStandin, request: Request) -> Response:
    """{"chat_id", "blocked": true|false}"""
    spec = request.json or {}
    server.block_chat(spec["chat_id"], bool(spec.get("blocked", True)))
    return Response.json(200, {"ok": True})


def control_updates(server: TelegramStandin, request: Request) -> Response:
    """{"token", "update": {...}}: deliver now with the next update_id."""
    spec = request.json or {}
    delivery = server.deliver_update(str(spec["token"]), spec["update"])
    return Response.json(200, {"delivery": delivery.to_json() if delivery else None})


def control_files(server: TelegramStandin, request: Request) -> Response:
    """{"data_base64", "file_path"?, "file_id"?}"""
    spec = request.json or {}
    file = server.add_file(
        base64.b64decode(spec["data_base64"]),
        file_path=spec.get("file_path"),
        file_id=spec.get("file_id"),
    )
    return Response.json(201, file.to_json())
