"""`/webhooks/instagram`: one URL for every Instagram account, routed by `entry[].id`.

The signature key is the Instagram app secret, which differs from the Meta app secret, so it is
stored per account (research/protocols.md 2.1).
"""

from __future__ import annotations

from typing import Any

from sigap.channels.meta_webhook import make_webhook
from sigap.channels.models import ChannelKind


def account_ids(envelope: Any) -> set[str]:
    return {str(entry["id"]) for entry in envelope.get("entry", []) if "id" in entry}


webhook = make_webhook(
    kind=ChannelKind.INSTAGRAM, ids_in=account_ids, unknown_note="ID akun Instagram tidak dikenal"
)
