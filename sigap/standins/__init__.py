"""Local stand-ins for the messaging providers Sigap talks to.

Tests and benchmarks cannot reach Meta or Telegram, so they point Sigap's configurable base URLs
(`SIGAP_META_GRAPH_URL`, `SIGAP_TELEGRAM_API_URL`) at these servers. They speak the providers'
documented wire formats over real HTTP (see `research/protocols.md` sections 1-3 and 8):

- `sigap.standins.meta`: fake Graph API (WhatsApp Cloud API send/media, Instagram Send API) that
  posts signed status webhooks back to Sigap.
- `sigap.standins.telegram`: fake Telegram Bot API that posts updates to the registered webhook.
- `sigap.standins.payloads`: pure builders for inbound webhook payloads (raw bytes + headers).

The servers import nothing from Django so they can run in any process.
"""
