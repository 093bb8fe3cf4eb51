"""Demo Pemda content (Kabupaten Bandung), read by ``sigap.demo.seed``.

The content itself lives in small modules under ``sigap.demo.content``; this module only gathers it.
"""

from sigap.demo.content import categories_a, categories_b, categories_c, categories_d
from sigap.demo.content.agencies import AGENCIES, DEMO_STAFF, EMERGENCY_NUMBERS, KECAMATAN, PEMDA
from sigap.demo.content.canned import CANNED_REPLIES
from sigap.demo.content.knowledge import KNOWLEDGE_ARTICLES

CATEGORIES = [
    *categories_a.CATEGORIES,
    *categories_b.CATEGORIES,
    *categories_c.CATEGORIES,
    *categories_d.CATEGORIES,
]

__all__ = [
    "AGENCIES",
    "CANNED_REPLIES",
    "CATEGORIES",
    "DEMO_STAFF",
    "EMERGENCY_NUMBERS",
    "KECAMATAN",
    "KNOWLEDGE_ARTICLES",
    "PEMDA",
]
