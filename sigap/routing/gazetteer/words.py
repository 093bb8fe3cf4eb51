"""Word lists of the gazetteer: cue words before a place name and words that are not places.

All entries are in folded form (see `text.fold`): lower case, doubled letters collapsed.
"""

from __future__ import annotations

from enum import Enum

from sigap.routing.gazetteer.text import fold


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(word) for word in text.split())


class CueLevel(Enum):
    """What a cue word says about the place after it."""

    DESA = "desa"
    KECAMATAN = "kecamatan"
    ANY = "any"


# Strong cues name the administrative level; "kampung"/"kp" name a hamlet, which often shares
# its desa's name but not always, so they are strong without saying which level.
STRONG_CUES: dict[str, CueLevel] = {
    **dict.fromkeys(
        ("desa", "ds", "des", "kel", "kelurahan", "kalurahan", "kelur", "lurah"), CueLevel.DESA
    ),
    **dict.fromkeys(("kec", "kecamatan", "kecamatn", "kc", "kcm", "camat"), CueLevel.KECAMATAN),
    **dict.fromkeys(("kp", "kampung", "kmp", "lembur", "dusun", "dsn"), CueLevel.ANY),
}
# Weak cues: prepositions and area words that often, not always, come before a place.
WEAK_CUES: frozenset[str] = _words(
    "di daerah wilayah wil sekitar area lokasi alamat warga dekat deket ti dari ke arah "
    "perbatasan wewengkon"
)
NEIGHBOURHOOD_WORDS: frozenset[str] = frozenset(("rt", "rw"))
# Anti-cues. Streets, stations and hospitals are named after places they are not always in:
# on real Surabaya complaints the kecamatan found after "jl."/"jalan" agreed with the recorded
# one 70 % of the time, against 93-97 % after "kel."/"kec.".
STREET_WORDS: frozenset[str] = _words("jl jln jalan jalanan")
NAMESAKE_WORDS: frozenset[str] = _words(
    "rs rsud rsia rsu stasiun terminal tol bandara universitas univ kampus apartemen hotel mall "
    "plaza indomaret alfamart"
)

# Place names that are also ordinary words or personal names: they match only with a strong
# cue, an RT/RW nearby, or a related place (their kecamatan or one of its desa) in the message.
# Compounds such as "Sukamaju" are real names, not words: they stay, scored as ambiguous when
# several kecamatan have one. Names that are in COMMON_WORDS (or a deployment's known words)
# are treated as generic too.
GENERIC_NAMES: frozenset[str] = _words(
    "baru tengah sari mekar jaya pasar jalan biru sudi laksana rahayu santosa sulaiman "
    "babakan bojong dukuh talun andir loa baros sadu linggar dampit waluya lengkong "
    "harapan damai indah ujung kota pusat timur barat selatan utara kali gunung sungai tanjung "
    "pantai pulau bukit lembah muara kuala teluk darat laut batu tanah padang kebun sawah rawa"
)

# Frequent words of complaint text, spelt as meant: a fuzzy window never starts with one. Without
# this "di persawahan" would read as a misspelt desa Pasawahan (two edits); skipping them also
# keeps `find` fast.
COMMON_WORDS: frozenset[str] = _words(
    """
    ada adalah agar air akan aku anak anda antri apa apakah atas atau ayo bagaimana bagus bahaya
    baik bakal banget banjir bantu bantuan banyak bapak barang baru bau bawah bayar beberapa
    becek belakang belum benar berapa berat berobat bersih besar biaya bikin bila bisa bocor
    boleh bu buang buat bulan bupati cepat coba cuma dalam dan dapat dari darurat datang dekat
    dengan depan desa dia dinas dong dua gak gang ganggu gelap gimana gitu hampir hanya hari
    harus hilang hujan ibu ini itu jadi jalan jalannya jam jauh jembatan juga kabel kalau kali
    kami kampung kantor karena kasih kata katanya kebakaran kecamatan kecelakaan kejadian
    kelurahan kemarin kendaraan kepada kerja kita kok kondisi kosong kotor kurang lagi lah lalu
    lama lambat lampu langsung lapor laporan lewat licin lihat listrik longsor lubang macet
    malam mana masih masuk masyarakat mati mau meluap minggu minta mobil mohon motor mulai
    mungkin nama nanti nya oleh orang pada padahal pagi pak parah pasar pegawai pelayanan
    pemerintah penuh perbaikan perlu petugas pinggir pohon puluhan pukul rawan rumah rusak
    saat sakit salah saluran sama sampah sampai sangat satu saya sebelah sebelum sedang segera
    sejak sekali sekarang sekitar sekolah selalu selokan semua sendiri sering setiap siang sore
    sudah sungai supaya surat tadi tahun tanah tanggal tapi telah teman tempat tengah terima
    terjadi tersebut tiang tidak tiga tinggal tolong tumbang tunggu uang untuk waktu warga
    wilayah ya yang yg sy dgn tdk udah udh blm gk ga krn jg aja sih deh
    assalamualaikum waalaikumsalam selamat permisi punten mohon maaf terimakasih hormat
    diperbaiki ditindaklanjuti ditangani diperhatikan dibantu dibersihkan diangkut ditutup
    dibuka dibiarkan dilaporkan diperiksa ditebang dipangkas dikeruk dipasang diganti
    memperbaiki menangani membersihkan mengangkut melaporkan mengeluh mengeluhkan meminta
    memohon menutup membuka mengganggu membahayakan menyebabkan mengakibatkan menggenangi
    tergenang terendam terbakar tertimpa terputus tersumbat terlambat terganggu terjadi
    persawahan sawah perumahan permukiman pemukiman perkampungan kebun ladang hutan gunung
    lapangan halaman parkir trotoar gorong drainase irigasi bendungan waduk kolam sumur
    puskesmas rumahsakit sekolahan madrasah pesantren masjid musala mushola gereja kuburan
    makam terminal stasiun pabrik gudang warung toko kios minimarket bengkel pangkalan
    pertigaan perempatan tikungan turunan tanjakan jembatan gapura pos ronda balai aula
    penerangan jalanan aspal berlubang bergelombang amblas ambles retak longsoran genangan
    kebanjiran banjirnya sampahnya airnya listriknya lampunya jalanan warganya rumahnya
    pelayanannya petugasnya pegawainya pengurusan pembuatan pendaftaran pembayaran
    penanganan pengangkutan pembangunan pemeliharaan pengaduan keluhan aduan informasi
    kesehatan pendidikan kependudukan ketertiban keamanan kebersihan lingkungan sosial
    pemadam ambulans polisi tentara satpol camat lurah kades bidan dokter perawat guru
    murid siswa mahasiswa pedagang petani buruh karyawan pengendara pejalan penduduk
    tetangga keluarga saudara bapak ibu nenek kakek orangtua balita lansia korban pelaku
    bulanan mingguan harian tahunan kemarin besok lusa sekarang nanti tadi pagi siang sore
    malam subuh dzuhur ashar maghrib isya senin selasa rabu kamis jumat sabtu minggu
    januari februari maret april mei juni juli agustus september oktober november desember
    kawasan tanjung kembang patungan ketapang sawahan kompleks blok lorong
    """
)
