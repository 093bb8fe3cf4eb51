"""Entry points of the Telegram stand-in: `serve()` for code, `main()` for the command line."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from typing import Any

from sigap.standins.telegram.server import TelegramStandin


def serve(host: str = "127.0.0.1", port: int = 0, **config: Any) -> TelegramStandin:
    """Start a Telegram stand-in in a background thread; `.url`, `.stop()`, context manager."""
    return TelegramStandin(host, port, **config).start()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m sigap.standins.telegram", description="Fake Telegram Bot API for Sigap."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9200, help="0 picks a free port")
    parser.add_argument("--token", action="append", default=[], help="bot token (repeatable)")
    parser.add_argument(
        "--https-only", action="store_true", help="refuse http:// webhook URLs like Telegram"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    server = TelegramStandin(
        args.host, args.port, tokens=args.token, allow_http_webhooks=not args.https_only
    )
    print(f"Telegram Bot API stand-in listening on {server.url}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
