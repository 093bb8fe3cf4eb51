"""Staff-maintained other names of desa and kecamatan, found by the gazetteer at triage."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sigap.agencies.models import Pemda
from sigap.cases.models import Case
from sigap.core.errors import Conflict, DomainError
from sigap.regions.models import Region, RegionLevel
from sigap.routing.gazetteer.aliases import region_alias_create, region_aliases
from sigap.routing.models import RegionAlias
from sigap.routing.triage import case_triage


@pytest.fixture
def places(pemda):
    """Kabupaten Bandung with two kecamatan and a desa of each, as Kemendagri names them."""
    kabupaten = Region.objects.create(
        code="32.04", name="Kabupaten Bandung", level=RegionLevel.KABUPATEN_KOTA
    )

    def region(code, name, level, parent):
        return Region.objects.create(code=code, name=name, level=level, parent=parent)

    bojongsoang = region("32.04.27", "Bojongsoang", RegionLevel.KECAMATAN, kabupaten)
    dayeuhkolot = region("32.04.13", "Dayeuhkolot", RegionLevel.KECAMATAN, kabupaten)
    places = {
        "kabupaten": kabupaten,
        "bojongsoang": bojongsoang,
        "dayeuhkolot": dayeuhkolot,
        "bojongsari": region(
            "32.04.27.2004", "Bojongsari", RegionLevel.DESA_KELURAHAN, bojongsoang
        ),
        "citeureup": region("32.04.13.2001", "Citeureup", RegionLevel.DESA_KELURAHAN, dayeuhkolot),
    }
    pemda.region = kabupaten
    pemda.save()
    return places


def placed(make_case, text):
    case = make_case(text)
    result = case_triage(Case.objects.select_related("pemda").get(pk=case.pk))
    case.refresh_from_db()
    return case, result


def test_abbreviation_after_kec_sets_the_kecamatan(
    pemda, places, make_case, django_capture_on_commit_callbacks
):
    text = "Jalan di kec. bjs depan SD rusak parah, banyak lubang"
    case, result = placed(make_case, text)
    assert result.place == {} and case.region is None  # not known yet
    with django_capture_on_commit_callbacks(execute=True):  # the cached gazetteer is rebuilt
        region_alias_create(
            pemda=pemda, region=places["bojongsoang"], alias="bjs", note="singkatan"
        )
    case, result = placed(make_case, text)
    assert result.place["code"] == "32.04.27" and case.region == places["bojongsoang"]
    assert case.events.filter(kind="location", data__source="gazetteer").exists()


def test_local_name_of_a_desa_sets_the_desa(pemda, places, make_case):
    region_alias_create(pemda=pemda, region=places["bojongsari"], alias="Bosar")
    case, result = placed(make_case, "Banjir lagi di Bosar RT 03 RW 07, air sudah sepinggang")
    assert result.place["code"] == "32.04.27.2004" and case.region == places["bojongsari"]


def test_old_spelling_alias_works_with_a_kecamatan_named_beside_it(pemda, places, make_case):
    region_alias_create(pemda=pemda, region=places["citeureup"], alias="Citarip")
    case, _result = placed(make_case, "Sampah numpuk di desa Citarip kecamatan Dayeuhkolot")
    assert case.region == places["citeureup"]


def test_aliases_belong_to_their_pemda(pemda, places, make_case):
    other = Pemda.objects.create(code="lain", name="Kota Lain", short_name="Lain",
                                 tracking_prefix="LAIN", region=places["kabupaten"])  # fmt: skip
    region_alias_create(pemda=other, region=places["bojongsoang"], alias="bjs")
    assert region_aliases(pemda) == {}
    assert region_aliases(other) == {"32.04.27": ["bjs"]}
    case, result = placed(make_case, "Jalan di kec. bjs rusak parah")
    assert result.place == {} and case.region is None


@pytest.mark.parametrize(
    ("region_key", "alias", "error", "message"),
    [
        ("bojongsoang", " ... ", DomainError, "harus memuat huruf"),
        ("bojongsoang", "Bojong Soang", DomainError, "sama dengan nama resminya"),
        ("kabupaten", "Kab. Bdg", DomainError, "hanya untuk kecamatan atau desa"),
        ("bojongsoang", "B.J.S", Conflict, "sudah terdaftar"),
    ],
)
def test_bad_alias_is_refused_with_a_reason_and_nothing_stored(
    pemda, places, region_key, alias, error, message
):
    region_alias_create(pemda=pemda, region=places["bojongsoang"], alias="bjs")
    with pytest.raises(error, match=message):
        region_alias_create(pemda=pemda, region=places[region_key], alias=alias)
    assert list(RegionAlias.objects.values_list("alias", flat=True)) == ["bjs"]


def test_alias_outside_the_pemda_is_refused(pemda, places):
    elsewhere = Region.objects.create(code="32.73.01", name="Sukasari", level=RegionLevel.KECAMATAN)
    with pytest.raises(DomainError, match="bukan wilayah Kabupaten Uji"):
        region_alias_create(pemda=pemda, region=elsewhere, alias="Sukasari Kota")
    assert not RegionAlias.objects.exists()


def test_admin_lists_and_validates_aliases(admin_client, pemda, places):
    region_alias_create(pemda=pemda, region=places["bojongsoang"], alias="bjs")
    listing = admin_client.get(reverse("admin:routing_regionalias_changelist"))
    assert listing.status_code == 200 and "bjs" in listing.content.decode()
    add = reverse("admin:routing_regionalias_add")
    refused = admin_client.post(
        add, {"pemda": pemda.pk, "region": places["bojongsoang"].pk, "alias": "B J S", "note": ""}
    )
    assert refused.status_code == 200 and "sudah terdaftar" in refused.content.decode()
    saved = admin_client.post(
        add, {"pemda": pemda.pk, "region": places["dayeuhkolot"].pk, "alias": "Dayeuh", "note": ""}
    )
    assert saved.status_code == 302
    assert region_aliases(pemda) == {"32.04.13": ["Dayeuh"], "32.04.27": ["bjs"]}
