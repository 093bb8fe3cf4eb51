"""Fake Telegram Bot API.

See `sigap.standins.telegram.server` for the behaviour; `serve()` and `main()` are the entry points.
"""

from sigap.standins.telegram.cli import build_parser, main, serve
from sigap.standins.telegram.model import Bot, TelegramError, TelegramFile, Webhook
from sigap.standins.telegram.server import TelegramStandin

__all__ = [
    "Bot",
    "TelegramError",
    "TelegramFile",
    "TelegramStandin",
    "Webhook",
    "build_parser",
    "main",
    "serve",
]
