from __future__ import annotations

import pytest
from django.core.management import call_command

from sigap.conftest import shared_data_path
from sigap.core.errors import DomainError
from sigap.regions import geometry
from sigap.regions.models import Region, RegionLevel
from sigap.regions.selectors import kecamatan_of, region_at_point
from sigap.regions.services import regions_import_csv

SQUARE_WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],
    ],
}


def test_point_in_polygon_respects_holes():
    assert geometry.contains(SQUARE_WITH_HOLE, lat=1, lng=1)
    assert not geometry.contains(SQUARE_WITH_HOLE, lat=5, lng=5)
    assert not geometry.contains(SQUARE_WITH_HOLE, lat=11, lng=1)
    assert geometry.bbox(SQUARE_WITH_HOLE) == (0, 10, 0, 10)


def test_csv_import_derives_levels_and_parents(db, tmp_path):
    path = tmp_path / "wilayah.csv"
    path.write_text(
        "kode,nama\n32,Jawa Barat\n32.04,Kabupaten Bandung\n32.04.05,Cileunyi\n"
        "32.04.05.2001,Cileunyi Kulon\n32.04.05.1001,Kelurahan Uji\n"
    )
    result = regions_import_csv(path=path)
    assert result.created == 5
    desa = Region.objects.get(code="32.04.05.2001")
    assert desa.level == RegionLevel.DESA_KELURAHAN and desa.village_kind == "desa"
    assert desa.parent.code == "32.04.05" and desa.parent.parent.code == "32.04"
    assert Region.objects.get(code="32.04.05.1001").village_kind == "kelurahan"
    again = regions_import_csv(path=path)
    assert (again.created, again.updated) == (0, 5)


def test_csv_without_the_right_columns_is_refused(db, tmp_path):
    path = tmp_path / "salah.csv"
    path.write_text("id,name\n1,x\n")
    with pytest.raises(DomainError, match="kolom"):
        regions_import_csv(path=path)


@pytest.mark.shared_data
def test_import_kabupaten_bandung_and_find_desa_by_point(db):
    codes = shared_data_path("wilayah_kemendagri", "kab_bandung_3204.csv")
    desa = shared_data_path(
        "wilayah_boundaries_kab_bandung", "kab_bandung_3204_desa_kelurahan.geojson"
    )
    call_command("regions", "import", str(codes), str(desa), verbosity=0)
    assert Region.objects.filter(level=RegionLevel.KECAMATAN).count() == 31
    assert Region.objects.filter(level=RegionLevel.DESA_KELURAHAN).count() == 280
    # Each desa's own centroid falls inside the desa (centroids of these shapes are interior).
    hits = 0
    sample = Region.objects.filter(level=RegionLevel.DESA_KELURAHAN, centroid_lat__isnull=False)[
        :40
    ]
    for region in sample:
        found = region_at_point(lat=region.centroid_lat, lng=region.centroid_lng)
        hits += found == region
    assert hits >= 36
    soreang = Region.objects.get(code="32.04.05.2001")
    assert kecamatan_of(soreang).code == "32.04.05"
    assert region_at_point(lat=-6.2, lng=106.8) is None  # Jakarta is not in Kabupaten Bandung
