"""`/webhooks/instagram`: one URL for every Instagram account, routed by `entry[].id`.

The signature key is the Instagram app secret, which differs from the Meta app secret, so it is
stored per account (research/protocols.md 2.1).
"""

from __future__ import annotations

from typing import Any

from sigap.channels.meta_webhook import make_webhook
from sigap.channels.models import ChannelKind


def account_ids(envelope: Any) -> set[str]:
    """Every account the task's parser will read from the body, items of the wrong shape
    skipped as the parser skips them (see whatsapp.views.phone_number_ids)."""
    entries = envelope.get("entry") if isinstance(envelope, dict) else None
    return {
        str(entry.get("id", ""))
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict)
    }


webhook = make_webhook(
    kind=ChannelKind.INSTAGRAM, ids_in=account_ids, unknown_note="ID akun Instagram tidak dikenal"
)
