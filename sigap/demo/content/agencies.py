"""The demo Pemda (Kabupaten Bandung): the Pemda itself, its agencies, kecamatan and demo staff.

Plain data only; ``sigap.demo.seed`` turns it into rows. Parents come before their children in
``AGENCIES``. Kecamatan offices are not listed here: the seeder derives them from ``KECAMATAN``.
"""

from sigap.demo.content.rows import AgencyRow, PemdaRow, StaffRow

PEMDA: PemdaRow = {
    "code": "bdg",
    "name": "Pemerintah Kabupaten Bandung",
    "short_name": "Pemkab Bandung",
    "tracking_prefix": "BDG",
    "region_code": "32.04",
    "timezone": "Asia/Jakarta",
}


def _agency(
    code: str, name: str, short_name: str, kind: str, parent: str | None, description: str = ""
) -> AgencyRow:
    return {
        "code": code,
        "name": name,
        "short_name": short_name,
        "kind": kind,
        "parent": parent,
        "description": description,
    }


AGENCIES: list[AgencyRow] = [
    _agency("bdg", "Pemerintah Kabupaten Bandung", "Pemkab Bandung", "pemda", None),
    _agency(
        "bupati",
        "Kantor Bupati Bandung",
        "Kantor Bupati",
        "leader_office",
        "bdg",
        "Pesan warga yang dikirim langsung ke Bupati (DM Instagram, WhatsApp pimpinan) masuk ke "
        "sini lalu didisposisikan ke OPD yang berwenang.",
    ),
    _agency(
        "cc",
        "Command Center 112 Kabupaten Bandung",
        "CC 112",
        "command_center",
        "bdg",
        "Layanan darurat 112 selama 24 jam; meneruskan kejadian darurat ke Damkar, BPBD, PSC 119, "
        "dan kepolisian.",
    ),
    # Sekretariat Daerah
    _agency(
        "bag-hukum",
        "Bagian Hukum Sekretariat Daerah",
        "Bag. Hukum",
        "setda_bagian",
        "bdg",
        "Produk hukum daerah (Perda, Perbup) dan bantuan hukum.",
    ),
    _agency(
        "bag-organisasi",
        "Bagian Organisasi Sekretariat Daerah",
        "Bag. Organisasi",
        "setda_bagian",
        "bdg",
        "Kelembagaan, tata laksana, standar pelayanan dan maklumat pelayanan publik.",
    ),
    _agency(
        "inspektorat",
        "Inspektorat Daerah Kabupaten Bandung",
        "Inspektorat",
        "inspektorat",
        "bdg",
        "Pengawasan internal: pengaduan terhadap ASN, pungutan liar, dan penyalahgunaan wewenang.",
    ),
    # Dinas
    _agency(
        "disdik", "Dinas Pendidikan", "Disdik", "dinas", "bdg", "PAUD, SD, SMP, dan SPMB/PPDB."
    ),
    _agency(
        "dinkes",
        "Dinas Kesehatan",
        "Dinkes",
        "dinas",
        "bdg",
        "Puskesmas, PSC 119, kesehatan masyarakat, dan layanan kunjungan rumah.",
    ),
    _agency(
        "dputr",
        "Dinas Pekerjaan Umum dan Tata Ruang",
        "DPUTR",
        "dinas",
        "bdg",
        "Jalan dan jembatan kabupaten, sumber daya air, drainase, dan tata ruang.",
    ),
    _agency(
        "disperkimtan",
        "Dinas Perumahan, Kawasan Permukiman dan Pertanahan",
        "Disperkimtan",
        "dinas",
        "bdg",
        "Rumah tidak layak huni (rutilahu), prasarana permukiman, dan pertanahan.",
    ),
    _agency(
        "disdukcapil",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Disdukcapil",
        "dinas",
        "bdg",
        "KTP-el, KK, KIA, akta kelahiran, akta kematian, dan pindah datang.",
    ),
    _agency(
        "dishub",
        "Dinas Perhubungan",
        "Dishub",
        "dinas",
        "bdg",
        "Lalu lintas, angkutan umum, terminal, perparkiran, dan penerangan jalan umum (PJU).",
    ),
    _agency(
        "dlh",
        "Dinas Lingkungan Hidup",
        "DLH",
        "dinas",
        "bdg",
        "Sampah, pencemaran air dan udara, limbah industri, serta pohon dan ruang terbuka hijau.",
    ),
    _agency(
        "dinsos",
        "Dinas Sosial",
        "Dinsos",
        "dinas",
        "bdg",
        "Bantuan sosial, PKH, DTKS/DTSEN, PBI JK, ODGJ terlantar, dan rehabilitasi sosial.",
    ),
    _agency(
        "damkar",
        "Dinas Pemadam Kebakaran dan Penyelamatan",
        "Damkar",
        "dinas",
        "bdg",
        "Pemadaman kebakaran dan penyelamatan (evakuasi hewan liar, sarang tawon, korban "
        "terjebak).",
    ),
    _agency(
        "diskominfo",
        "Dinas Komunikasi, Informatika dan Statistik",
        "Diskominfo",
        "dinas",
        "bdg",
        "PPID utama, aplikasi dan layanan digital Pemkab, jaringan internet, dan statistik "
        "sektoral.",
    ),
    _agency(
        "disnaker",
        "Dinas Tenaga Kerja",
        "Disnaker",
        "dinas",
        "bdg",
        "Hubungan industrial, perselisihan kerja, PHK, upah, pelatihan dan penempatan kerja.",
    ),
    _agency(
        "dpmptsp",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
        "dinas",
        "bdg",
        "Perizinan berusaha (OSS), Persetujuan Bangunan Gedung (PBG), dan penanaman modal.",
    ),
    _agency(
        "dp2kbp3a",
        "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
        "Perlindungan Anak",
        "DP2KBP3A",
        "dinas",
        "bdg",
        "Keluarga berencana, perlindungan perempuan dan anak, UPTD PPA.",
    ),
    _agency(
        "dpmd",
        "Dinas Pemberdayaan Masyarakat dan Desa",
        "DPMD",
        "dinas",
        "bdg",
        "Pembinaan pemerintahan desa dan dana desa.",
    ),
    _agency("distan", "Dinas Pertanian", "Distan", "dinas", "bdg", "Pertanian, pupuk bersubsidi."),
    _agency(
        "diskan",
        "Dinas Perikanan dan Peternakan",
        "Diskannak",
        "dinas",
        "bdg",
        "Perikanan budidaya, peternakan, dan kesehatan hewan.",
    ),
    _agency(
        "diskopukm",
        "Dinas Koperasi dan Usaha Kecil dan Menengah",
        "Diskopukm",
        "dinas",
        "bdg",
        "Pembinaan koperasi dan UMKM.",
    ),
    _agency(
        "disdagin",
        "Dinas Perdagangan dan Perindustrian",
        "Disdagin",
        "dinas",
        "bdg",
        "Pasar rakyat, harga bahan pokok, metrologi, dan industri.",
    ),
    _agency(
        "disparbud",
        "Dinas Kebudayaan dan Pariwisata",
        "Disbudpar",
        "dinas",
        "bdg",
        "Destinasi wisata, seni budaya, dan cagar budaya.",
    ),
    _agency("dispora", "Dinas Pemuda dan Olahraga", "Dispora", "dinas", "bdg"),
    # Badan
    _agency(
        "bapenda",
        "Badan Pendapatan Daerah",
        "Bapenda",
        "badan",
        "bdg",
        "Pajak daerah: PBB-P2, BPHTB, pajak restoran, hotel, reklame, dan lainnya.",
    ),
    _agency(
        "bpbd",
        "Badan Penanggulangan Bencana Daerah",
        "BPBD",
        "badan",
        "bdg",
        "Banjir, longsor, angin kencang, gempa: kaji cepat, evakuasi, dan logistik pengungsi.",
    ),
    _agency(
        "bkpsdm",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "BKPSDM",
        "badan",
        "bdg",
        "Kepegawaian ASN.",
    ),
    _agency(
        "satpolpp",
        "Satuan Polisi Pamong Praja",
        "Satpol PP",
        "satuan",
        "bdg",
        "Ketertiban umum, penegakan Perda, PKL, bangunan liar, dan reklame liar.",
    ),
    # RSUD
    _agency(
        "rsud-soreang",
        "RSUD Oto Iskandar Di Nata",
        "RSUD Otista Soreang",
        "rsud",
        "bdg",
        "Rumah sakit umum daerah di Soreang.",
    ),
    _agency("rsud-majalaya", "RSUD Majalaya", "RSUD Majalaya", "rsud", "bdg"),
    _agency("rsud-cicalengka", "RSUD Cicalengka", "RSUD Cicalengka", "rsud", "bdg"),
    # Units
    _agency(
        "dputr-binamarga",
        "Bidang Bina Marga DPUTR",
        "Bina Marga",
        "bidang",
        "dputr",
        "Pembangunan dan pemeliharaan jalan serta jembatan kabupaten.",
    ),
    _agency(
        "dputr-sda",
        "Bidang Sumber Daya Air DPUTR",
        "SDA DPUTR",
        "bidang",
        "dputr",
        "Irigasi, drainase, dan pengendalian genangan.",
    ),
    _agency(
        "dishub-upt-terminal",
        "UPT Terminal Dinas Perhubungan",
        "UPT Terminal",
        "upt",
        "dishub",
        "Pengelolaan terminal penumpang tipe C (antara lain Soreang, Banjaran, Majalaya).",
    ),
    _agency("pkm-soreang", "UPTD Puskesmas Soreang", "PKM Soreang", "puskesmas", "dinkes"),
    _agency("pkm-baleendah", "UPTD Puskesmas Baleendah", "PKM Baleendah", "puskesmas", "dinkes"),
    _agency("pkm-majalaya", "UPTD Puskesmas Majalaya", "PKM Majalaya", "puskesmas", "dinkes"),
    _agency("pkm-rancaekek", "UPTD Puskesmas Rancaekek", "PKM Rancaekek", "puskesmas", "dinkes"),
    # External bodies: reports are forwarded to them, not handled inside the Pemda.
    _agency(
        "pln",
        "PT PLN (Persero) UP3 Majalaya",
        "PLN UP3 Majalaya",
        "external",
        "bdg",
        "Gangguan listrik; sebagian wilayah barat dan utara kabupaten dilayani UP3 lain "
        "(Cimahi, Bandung). Layanan pelanggan PLN 123.",
    ),
    _agency(
        "pdam",
        "Perumda Air Minum Tirta Raharja",
        "Tirta Raharja",
        "external",
        "bdg",
        "BUMD air minum Kabupaten Bandung.",
    ),
    _agency(
        "polresta",
        "Kepolisian Resor Kota Bandung",
        "Polresta Bandung",
        "external",
        "bdg",
        "Polresta Bandung di Soreang; darurat polisi 110.",
    ),
    _agency(
        "bpn",
        "Kantor Pertanahan Kabupaten Bandung",
        "BPN Kab. Bandung",
        "external",
        "bdg",
        "Kantor Pertanahan (ATR/BPN): sertifikat dan pendaftaran tanah.",
    ),
    _agency(
        "bpjs-kes",
        "BPJS Kesehatan Kantor Cabang Soreang",
        "BPJS Kesehatan Soreang",
        "external",
        "bdg",
        "Kepesertaan dan layanan JKN-KIS; BPJS Kesehatan Care Center 165.",
    ),
]

# Kode wilayah Kemendagri: 31 kecamatan of Kabupaten Bandung (codes are not contiguous).
KECAMATAN: list[tuple[str, str]] = [
    ("32.04.05", "Cileunyi"),
    ("32.04.06", "Cimenyan"),
    ("32.04.07", "Cilengkrang"),
    ("32.04.08", "Bojongsoang"),
    ("32.04.09", "Margahayu"),
    ("32.04.10", "Margaasih"),
    ("32.04.11", "Katapang"),
    ("32.04.12", "Dayeuhkolot"),
    ("32.04.13", "Banjaran"),
    ("32.04.14", "Pameungpeuk"),
    ("32.04.15", "Pangalengan"),
    ("32.04.16", "Arjasari"),
    ("32.04.17", "Cimaung"),
    ("32.04.25", "Cicalengka"),
    ("32.04.26", "Nagreg"),
    ("32.04.27", "Cikancung"),
    ("32.04.28", "Rancaekek"),
    ("32.04.29", "Ciparay"),
    ("32.04.30", "Pacet"),
    ("32.04.31", "Kertasari"),
    ("32.04.32", "Baleendah"),
    ("32.04.33", "Majalaya"),
    ("32.04.34", "Solokanjeruk"),
    ("32.04.35", "Paseh"),
    ("32.04.36", "Ibun"),
    ("32.04.37", "Soreang"),
    ("32.04.38", "Pasirjambu"),
    ("32.04.39", "Ciwidey"),
    ("32.04.40", "Rancabali"),
    ("32.04.44", "Cangkuang"),
    ("32.04.46", "Kutawaringin"),
]

DEMO_STAFF: list[StaffRow] = [
    {
        "username": "koordinator",
        "full_name": "Rina Kurniasih",
        "email": "koordinator@demo.sigap.invalid",
        "memberships": [("bdg", "coordinator")],
    },
    {
        "username": "admin.dputr",
        "full_name": "Asep Saepudin",
        "email": "admin.dputr@demo.sigap.invalid",
        "memberships": [("dputr", "agency_admin")],
    },
    {
        "username": "petugas.dputr",
        "full_name": "Dedi Supriadi",
        "email": "petugas.dputr@demo.sigap.invalid",
        "memberships": [("dputr", "agency_officer")],
    },
    {
        "username": "admin.dinkes",
        "full_name": "dr. Siti Nurhayati",
        "email": "admin.dinkes@demo.sigap.invalid",
        "memberships": [("dinkes", "agency_admin")],
    },
    {
        "username": "petugas.dinkes",
        "full_name": "Euis Komalasari",
        "email": "petugas.dinkes@demo.sigap.invalid",
        "memberships": [("dinkes", "agency_officer")],
    },
    {
        "username": "operator.cc",
        "full_name": "Yogi Permana",
        "email": "operator.cc@demo.sigap.invalid",
        "memberships": [("cc", "operator")],
    },
    {
        "username": "bupati",
        "full_name": "H. Hendra Gunawan",
        "email": "bupati@demo.sigap.invalid",
        "memberships": [("bdg", "leader")],
    },
    {
        "username": "admin.sistem",
        "full_name": "Ujang Hidayat",
        "email": "admin.sistem@demo.sigap.invalid",
        "memberships": [("bdg", "system_admin")],
    },
]

EMERGENCY_NUMBERS: dict[str, str] = {
    "112": "Layanan darurat terpadu",
    "113": "Pemadam kebakaran",
    "119": "Ambulans / gawat darurat medis (PSC 119)",
    "110": "Polisi",
    "115": "Basarnas (SAR)",
}
