"""The email channel's pure parts: parse inbound MIME, compose replies, poll IMAP, send SMTP.

Nothing here imports Django, so the channel adapter (wired by the channel framework) and the
stand-in tests can use these functions in any process. Threading rules, in order of trust:
`In-Reply-To`/`References` against the Message-IDs we sent, then a tracking number such as
`[BDG-2611-00042]` in the subject or body. Auto-replies and bounces never become cases.
"""
