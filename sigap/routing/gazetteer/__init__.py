"""Gazetteer: desa/kelurahan and kecamatan names found in informal complaint text.

Pure Python, no Django: the caller passes plain `RegionName` rows.

    gazetteer = Gazetteer.from_regions(regions, aliases={"32.04.08": ["Bojong Soang"]})
    gazetteer.find("jalan rusak di ds. Sukamenak kec. Margahayu")
    # [PlaceMatch(code="32.04.10.2003", name="Sukamenak", level="desa_kelurahan", ...), ...]

Tolerates spacing and old spellings ("Solokan Jeruk", "Bale Endah", "Tjiparaj"), typos on
longer names, cue words ("desa", "kec.", "kp.", "di", RT/RW) and resolves a desa name shared by
several kecamatan with a kecamatan named in the same message. See `scoring` for the score.
"""

from sigap.routing.gazetteer.index import Gazetteer
from sigap.routing.gazetteer.model import DESA, KECAMATAN, PlaceMatch, RegionName

__all__ = ["DESA", "KECAMATAN", "Gazetteer", "PlaceMatch", "RegionName"]
