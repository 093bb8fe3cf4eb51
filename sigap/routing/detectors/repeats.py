"""Keys for spotting the same text sent again and again (flood guard).

The Django side counts messages per contact and key in a time window and holds a burst back
for review; nothing is dropped. The key only has to make "the same text" equal:
case, punctuation, emoji, spacing, accents and stretched letters are ignored ("TOLONG!!!
jalan rusak" == "tolong jalan rusaaak"), while words and digits must match (a different RT
number is a different report).
"""

from __future__ import annotations

import hashlib

from sigap.routing.detectors.text import plain_key


def identical_text_key(text: str) -> str:
    """A 32-character hex key, equal for texts that differ only in form, not in words.

    Hashed (BLAKE2b, 128 bits) so the key can be stored and indexed without keeping a second
    copy of a message that may hold personal data. Text without any letter or digit (only
    emoji or stickers) keys on its stripped characters, so two different stickers differ.
    """
    key = plain_key(text)
    if not key:
        key = "\x00" + "".join(text.split())
    return hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
