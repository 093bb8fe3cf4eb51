"""Entry points of the Meta stand-in: `serve()` for code, `main()` for the command line."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from typing import Any

from sigap.standins.core import parse_pair
from sigap.standins.meta.server import MetaStandin


def serve(host: str = "127.0.0.1", port: int = 0, **config: Any) -> MetaStandin:
    """Start a Meta stand-in in a background thread; `.url`, `.stop()`, context manager."""
    return MetaStandin(host, port, **config).start()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m sigap.standins.meta", description="Fake Meta Graph API for Sigap."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100, help="0 picks a free port")
    parser.add_argument("--webhook-url", help="Sigap's WhatsApp webhook (status webhooks)")
    parser.add_argument("--app-secret", default="demo-app-secret")
    parser.add_argument(
        "--token", action="append", default=[], metavar="PHONE_NUMBER_ID=TOKEN", type=parse_pair
    )
    parser.add_argument(
        "--ig-token", action="append", default=[], metavar="IG_ACCOUNT_ID=TOKEN", type=parse_pair
    )
    parser.add_argument("--ig-webhook-url", help="Sigap's Instagram webhook (echoes)")
    parser.add_argument("--ig-app-secret")
    parser.add_argument("--status-delay", type=float, default=0.05)
    parser.add_argument("--no-status-webhooks", action="store_true")
    parser.add_argument("--read-receipts", action="store_true")
    parser.add_argument(
        "--open-windows", action="store_true", help="treat every customer-service window as open"
    )
    parser.add_argument("--webhook-workers", type=int, default=4)
    parser.add_argument(
        "--max-records", type=int, default=50_000, help="recorded requests kept (oldest dropped)"
    )
    return parser


def config_from_args(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "tokens": dict(args.token),
        "instagram_tokens": dict(args.ig_token),
        "webhook_url": args.webhook_url,
        "app_secret": args.app_secret,
        "instagram_webhook_url": args.ig_webhook_url,
        "instagram_app_secret": args.ig_app_secret,
        "status_delay": args.status_delay,
        "status_webhooks": not args.no_status_webhooks,
        "read_receipts": args.read_receipts,
        "enforce_windows": not args.open_windows,
        "webhook_workers": args.webhook_workers,
        "max_records": args.max_records,
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    server = MetaStandin(args.host, args.port, **config_from_args(args))
    print(f"Meta Graph API stand-in listening on {server.url}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
