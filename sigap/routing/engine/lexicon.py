"""Built-in word lists and loaders for optional external lexicons.

The built-in lists were written for this project (informal complaint Indonesian with common
Javanese and Sundanese words). External lists (the colloquial lexicon and the Tala stopwords in
`../shared/data`) are only *read* at run time when a path is given or discovered; nothing from
them is copied here.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from pathlib import Path

# Slang, abbreviations and regional words -> formal Indonesian. Keys are lower-case tokens.
_SLANG_ROWS = """
gak tidak|ga tidak|gk tidak|g tidak|nggak tidak|ngga tidak|enggak tidak|engga tidak|ndak tidak
tdk tidak|tak tidak|tdak tidak|kagak tidak|ora tidak|mboten tidak|teu tidak|henteu tidak
blm belum|blum belum|belom belum|durung belum|dereng belum|acan belum|can belum
jgn jangan|jngn jangan|ojo jangan|aja saja|aj saja|ae saja|wae saja|mek hanya|cm cuma
cuman cuma|doang saja|udh sudah|udah sudah|sdh sudah|sdah sudah|uda sudah|dah sudah
wis sudah|uwis sudah|sampun sudah|atos sudah|parantos sudah|geus sudah|yg yang|yng yang
sy saya|sya saya|aku saya|aq saya|gw saya|gue saya|kulo saya|kula saya|abdi saya
sampeyan anda|panjenengan anda|njenengan anda|km kamu|kmu kamu|dgn dengan|dg dengan
dng dengan|karo dengan|sareng dengan|jeung dan|dn dan|n dan|utk untuk|untk untuk
tuk untuk|kanggo untuk|kagem untuk|ngge untuk|dr dari|dri dari|ti dari|krn karena
krna karena|karna karena|karena karena|soale karena|tp tapi|tpi tapi|tapi tetapi
tsb tersebut|trsb tersebut|jg juga|jga juga|uga juga|lg lagi|lgi lagi|maneh lagi
dpt dapat|dapet dapat|bs bisa|bsa bisa|iso bisa|isa bisa|saget bisa
tiasa bisa|hrs harus|kudu harus|msh masih|masi masih|isih masih
skrg sekarang|skrng sekarang|skr sekarang|saiki sekarang|ayeuna sekarang
kmrn kemarin|kemaren kemarin|wingi kemarin|besok besok|sesuk besok|enjing besok
bln bulan|thn tahun|th tahun|hr hari|tgl tanggal|mgg minggu|jam jam
org orang|wong orang|uwong orang|jalma orang|rmh rumah|omah rumah|imah rumah
jln jalan|jl jalan|jlan jalan|dalan jalan|gg gang|kel kelurahan|kec kecamatan
kab kabupaten|kota kota|sby surabaya|pemkot pemerintah kota|pemda pemerintah daerah
dlm dalam|dpn depan|ngarep depan|blkg belakang|mburi belakang|sblh sebelah
smp sampai|sampe sampai|sampek sampai|nganti sampai|smpai sampai|dll dan lain lain
dsb dan sebagainya|spt seperti|kyk seperti|kayak seperti|koyok seperti|kaya seperti
sbg sebagai|pd pada|kpd kepada|bbrp beberapa|byk banyak|bnyk banyak|akeh banyak
loba banyak|seueur banyak|kabeh semua|sedoyo semua|smua semua
knp kenapa|kenopo kenapa|ngapa kenapa|naha kenapa|gmn bagaimana|gimana bagaimana
piye bagaimana|kumaha bagaimana|opo apa|naon apa|apaan apa|sopo siapa|saha siapa
endi mana|ndi mana|iki ini|ieu ini|iku itu|eta itu|kuwi itu|onok ada|enek ada
aya ada|ono ada|nang di|neng di|ning di|ndek di|ing di|ka ke|menyang ke
klo kalau|kalo kalau|kl kalau|klu kalau|lek kalau|nek kalau|mun kalau|lamun kalau
pdhl padahal|pdahal padahal|trus terus|trs terus|terus terus|terusan terus
mhn mohon|mhon mohon|monggo silakan|mangga silakan|tlg tolong|tlong tolong|tulung tolong
plis tolong|please tolong|makasih terima kasih|mksh terima kasih|trims terima kasih
tks terima kasih|thx terima kasih|trimakasih terima kasih|trima terima|suwun terima kasih
nuwun terima kasih|nuhun terima kasih|maturnuwun terima kasih|punten permisi
nggih ya|ngih ya|iya ya|yo ya|muhun ya|ok oke|okey oke|oke oke
bgt banget|bngt banget|pisan sangat|sanget sangat
gede besar|gedhe besar|ageung besar|cilik kecil|leutik kecil|alit kecil
banyu air|cai air|toya air|ledeng pdam|got selokan|kalen selokan|solokan selokan
walungan sungai|lampune lampu|mati mati|pejah mati
rusak rusak|ancur hancur|ajur hancur|bolong berlubang|growong berlubang|lobang lubang
lubang lubang|macet macet|banjir banjir|bau bau|mambu bau|ambu bau|sampah sampah
uwuh sampah|runtah sampah|reget kotor|kotor kotor|resik bersih|suwe lama|suwi lama
lawas lama|lami lama|kesuwen terlalu lama|cepet cepat|cpt cepat|gancang cepat
sgr segera|sgera segera|ndang segera|enggal segera|ortu orang tua|bpk bapak|pak bapak
bu ibu|mak ibu|ank anak|arek anak|bocah anak|budak anak|adek adik|dek adik
rt rt|rw rw|hp telepon|telp telepon|tlp telepon|wa whatsapp|nomer nomor|no nomor
dukcapil kependudukan|capil kependudukan|akte akta|ktp ktp|kk kartu keluarga
lpju pju
satpol satpol|dishub perhubungan|dinsos sosial|dispendukcapil kependudukan
dlh lingkungan hidup|dkrth lingkungan hidup|dsdabm sumber daya air bina marga
dinkes kesehatan|dispendik pendidikan|sklh sekolah|sekul sekolah|skul sekolah
ngurus mengurus|ngurusin mengurus|nunggu menunggu|nungguin menunggu|ngasih memberi
ngecek mengecek|dicek dicek|ngeluh mengeluh|ngadu mengadu|nyuwun mohon|nyuhunkeun mohon
bikin buat|gawe buat|damel buat|pake pakai|dipake dipakai|pas saat|wktu waktu|wkt waktu
ngga tidak|gpp tidak apa apa|gapapa tidak apa apa|emg memang|emang memang|mmg memang
bener benar|bnr benar|leres benar|sae bagus|apik bagus|alus bagus|jelek jelek|elek jelek
awon jelek|ribet rumit|susah susah|angel susah|hese susah|ngerti mengerti|paham paham
tau tahu|tw tahu|ngerti tahu|weruh tahu|liat lihat|ndelok lihat|ningali lihat
denger dengar|krungu dengar|ngomong bicara|omong bicara|nyarios bicara|mau mau
pengen ingin|pingin ingin|pengin ingin|hoyong ingin|hayang ingin|arep akan|ate akan
bade akan|badhe akan|kapan kapan|iraha kapan|bsk besok|td tadi
mlm malam|bengi malam|wengi malam|peuting malam|sore sore|esuk pagi|isuk pagi|enjing pagi
siang siang|beurang siang|min admin|mimin admin|minn admin
""".strip()


def _parse_slang(rows: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for row in rows.replace("\n", "|").split("|"):
        slang, _, formal = row.strip().partition(" ")
        if slang and formal and slang != formal:
            mapping.setdefault(slang, formal)
    return mapping


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BUILTIN_SLANG: dict[str, str] = _parse_slang(_SLANG_ROWS)

# Negations and words that carry routing meaning: never dropped as stopwords.
KEEP_WORDS: frozenset[str] = _words(
    "tidak belum jangan bukan tanpa kurang sudah lama baru mati rusak air jalan"
)

# A short stopword list written for complaint text (greetings, pronouns, politeness).
BUILTIN_STOPWORDS: frozenset[str] = _words(
    """
    yang dan di ke dari ini itu dengan untuk pada adalah akan juga atau saya kami kita anda
    mereka dia ia nya pun lah kah tersebut sebagai oleh karena agar supaya bahwa jika kalau
    saja hanya sangat lebih ada para sang si ya oke sih dong deh kok tolong mohon terima kasih
    selamat pagi siang sore malam assalamualaikum wr wb salam hormat yth bapak ibu admin
    permisi silakan maaf mas mbak kak
    """
)

# Common formal words used to decide whether a token is already "known" (no repair needed).
COMMON_WORDS: frozenset[str] = _words(
    """
    air anak ada akan antri bagus banjir bantuan banyak baru bau belum besar bisa bocor buang
    bulan dapat depan dinas gang harus hari hidup ibu ini itu jalan jam kampung kartu kasih
    keluarga kelurahan kecamatan kesehatan kota kotor lama lampu lingkungan lubang maaf macet
    mati minggu mohon orang padam pagi pasar pemerintah perbaikan pohon rumah rusak saat sakit
    saluran sampah sangat sekolah selokan sekarang sudah sungai surabaya taman tanggal terima
    tidak tolong tunggu uang warga waktu wilayah sosial tinggal tunggakan minggu tanggung
    """
)


def shared_data_dir() -> Path | None:
    """Find `../shared/data` (env `SIGAP_SHARED_DATA_DIR` first), or None when absent."""
    candidates: list[Path] = []
    if env := os.environ.get("SIGAP_SHARED_DATA_DIR"):
        candidates.append(Path(env))
    repo_root = Path(__file__).resolve().parents[3]
    candidates += [repo_root.parent / "shared" / "data", Path.cwd().parent / "shared" / "data"]
    return next((path for path in candidates if path.is_dir()), None)


def load_colloquial_lexicon(path: Path) -> dict[str, str]:
    """Read a `slang,formal,...` CSV; for ambiguous slang keep its most frequent formal form."""
    votes: dict[str, Counter[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            slang = (row.get("slang") or "").strip().lower()
            formal = (row.get("formal") or "").strip().lower()
            if slang and formal and slang != formal and slang.isalpha():
                votes.setdefault(slang, Counter())[formal] += 1
    return {slang: counts.most_common(1)[0][0] for slang, counts in votes.items()}


def load_stopwords(path: Path) -> frozenset[str]:
    """Read a one-word-per-line stopword file, minus negations and routing words."""
    with path.open(encoding="utf-8") as handle:
        words = {line.strip().lower() for line in handle if line.strip()}
    return frozenset(words - KEEP_WORDS)


def discover_lexicon() -> dict[str, str]:
    """The shared colloquial lexicon when present, else an empty mapping."""
    base = shared_data_dir()
    path = base / "kamus_alay" / "colloquial-indonesian-lexicon.csv" if base else None
    return load_colloquial_lexicon(path) if path and path.is_file() else {}


def discover_stopwords() -> frozenset[str]:
    """The shared Tala stopword list when present, else an empty set."""
    base = shared_data_dir()
    if base is None:
        return frozenset()
    files = sorted((base / "stopwords_tala").glob("*.txt"))
    return load_stopwords(files[0]) if files else frozenset()
