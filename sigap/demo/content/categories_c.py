# ruff: noqa: SIM905 - keyword lists are written as one comma-separated string to stay compact
"""Demo categories, part C: public order, permits, taxes, labour, economy, oversight, digital."""

from sigap.demo.content.rows import CategoryRow

CATEGORIES: list[CategoryRow] = [
    {
        "code": "pkl-ketertiban",
        "name": "PKL dan ketertiban umum",
        "group": "Ketertiban",
        "kind": "complaint",
        "agency": "satpolpp",
        "default_priority": "normal",
        "open311_code": "pkl-ketertiban",
        "description": "PKL di trotoar atau badan jalan, bangunan liar, reklame liar, miras, "
        "tempat hiburan yang mengganggu, pelanggaran Perda.",
        "keywords": (
            "pkl, pedagang kaki lima, trotoar, lapak, bangli, bangunan liar, spanduk liar, "
            "reklame, miras, ciu, karaoke, balap liar, satpol pp, ketertiban, berisik"
        ).split(", "),
        "examples": [
            "pkl di trotoar depan pasar banjaran makan setengah jalan, pejalan kaki turun ke jalan",
            "ada warung jual ciu di gang dekat sekolah di majalaya, anak2 mabuk",
            "spanduk sama baliho liar nutupin rambu di simpang soreang",
            "balap liar tiap malem minggu di jalan tol soroja arah kutawaringin, berisik pisan",
            "Mohon penertiban bangunan liar di sempadan Sungai Citarum wilayah Baleendah",
            "karaoke di rancaekek buka sampe subuh, musiknya kenceng",
            "lapak pkl di alun2 ciparay numpuk sampah",
            "punten, padagang di sisi jalan cicalengka nutupan solokan",
            "ada orang jualan petasan di pinggir jalan dayeuhkolot",
            "pkl bojongsoang macet",
            "tolong razia warung remang2 di nagreg",
        ],
    },
    {
        "code": "izin-usaha-pbg",
        "name": "Perizinan usaha dan PBG",
        "group": "Perizinan",
        "kind": "complaint",
        "agency": "dpmptsp",
        "default_priority": "normal",
        "open311_code": "izin-usaha-pbg",
        "description": "NIB/OSS, izin usaha, Persetujuan Bangunan Gedung (PBG, pengganti IMB), "
        "bangunan tanpa izin, pelayanan MPP.",
        "keywords": (
            "izin, ijin, nib, oss, pbg, imb, simbg, izin usaha, izin bangunan, perizinan, "
            "mpp, bangunan tanpa izin, tower, perumahan, slf"
        ).split(", "),
        "examples": [
            "pengajuan pbg rumah sy di simbg udah 3 bulan statusnya verifikasi terus",
            "cara bikin nib buat usaha keripik di rumah gimana?",
            "ada pabrik baru di katapang belum punya izin tapi udah produksi",
            "Mohon dicek izin tower di tengah permukiman Desa Cangkuang, warga tidak pernah "
            "dimintai persetujuan.",
            "imb jaman dulu masih berlaku ga sekarang udah ganti pbg",
            "petugas perizinan minta uang pelicin biar cepet",
            "perumahan baru di cileunyi ngurug sawah, izinnya ada ga",
            "punten, ngurus izin warung kopi kedah ka mana?",
            "oss error terus pas upload dokumen",
            "mpp soreang buka hari sabtu ga",
            "tetangga bangun 3 lantai nempel tembok rumah sy di margahayu, izinnya dicek dong",
        ],
    },
    {
        "code": "pajak-pbb",
        "name": "Pajak daerah dan PBB",
        "group": "Pelayanan Publik",
        "kind": "complaint",
        "agency": "bapenda",
        "default_priority": "normal",
        "open311_code": "pajak-pbb",
        "description": "SPPT PBB-P2 salah atau belum diterima, kenaikan NJOP, BPHTB, pajak "
        "restoran/hotel/reklame, pembayaran pajak daerah.",
        "keywords": (
            "pbb, sppt, pajak, njop, bphtb, pajak bumi, tunggakan, denda pajak, bayar pbb, "
            "pajak naik, luas tanah salah, pajak restoran, mutasi pbb"
        ).split(", "),
        "examples": [
            "sppt pbb taun ini naik 3x lipat, njop di ciparay kok tinggi banget",
            "luas tanah di sppt salah, harusnya 100 m2 ditulis 400",
            "pbb sy belum dateng sppt nya, bayar dimana?",
            "udah bayar pbb lewat aplikasi tapi masih tercatat nunggak",
            "Mohon bantuan mutasi nama wajib pajak PBB karena ayah sudah meninggal",
            "bphtb jual beli tanah di soreang ngitungnya gimana",
            "punten, pajeg bumi tiasa dibayar di desa teu?",
            "restoran besar di cileunyi ga pernah kasih struk pajak",
            "denda pbb numpuk dari 2019, bisa diputihkan ga",
            "pbb naik rancaekek",
            "petugas desa narik pbb tapi ga ngasih bukti bayar",
        ],
    },
    {
        "code": "ketenagakerjaan",
        "name": "Ketenagakerjaan, PHK, upah",
        "group": "Ketenagakerjaan",
        "kind": "complaint",
        "agency": "disnaker",
        "default_priority": "normal",
        "open311_code": "ketenagakerjaan",
        "description": "PHK sepihak, upah di bawah UMK, THR, pesangon, BPJS Ketenagakerjaan tidak "
        "didaftarkan, lowongan dan pelatihan kerja.",
        "keywords": (
            "phk, pecat, gaji, upah, umk, thr, pesangon, buruh, pabrik, kontrak, lembur, "
            "bpjs tk, loker, kartu kuning, ak1, dirumahkan"
        ).split(", "),
        "examples": [
            "di phk sepihak dari pabrik tekstil di majalaya tanpa pesangon",
            "gaji di bawah umk kab bandung, lembur ga dibayar",
            "thr belum dibayar padahal udah lewat lebaran",
            "Kami karyawan garmen di Rancaekek sudah 2 bulan dirumahkan tanpa upah. Mohon "
            "Disnaker turun tangan.",
            "pabrik ga daftarin bpjs ketenagakerjaan, potongan gaji tiap bulan ada",
            "cara bikin kartu kuning ak1 dimana",
            "kontrak kerja diperpanjang terus 5 taun ga diangkat",
            "punten, aya pelatihan kerja gratis teu kanggo nu nganggur?",
            "ijazah asli ditahan perusahaan di dayeuhkolot",
            "loker kab bandung",
            "buruh pabrik di banjaran disuruh kerja 12 jam tanpa istirahat",
        ],
    },
    {
        "code": "rutilahu",
        "name": "Rumah tidak layak huni (rutilahu)",
        "group": "Sosial",
        "kind": "service_request",
        "agency": "disperkimtan",
        "default_priority": "normal",
        "open311_code": "rutilahu",
        "description": "Permohonan atau pengaduan bantuan perbaikan rumah tidak layak huni dan "
        "prasarana permukiman.",
        "keywords": (
            "rutilahu, rumah tidak layak huni, rumah rusak, bedah rumah, atap bocor, "
            "bilik, rumah panggung, hampir roboh, bantuan rumah, imah butut, ambruk"
        ).split(", "),
        "examples": [
            "imah nini abdi di Cikancung bilikna tos rapuh, hateupna bocor, kenging bantosan "
            "rutilahu teu?",
            "rumah janda tua di pasirjambu hampir roboh, mohon bedah rumah",
            "daftar rutilahu lewat desa syaratnya apa",
            "Kami mengajukan rutilahu sejak 2022 di Desa Cipedes Paseh tapi belum ada kabar",
            "bantuan rutilahu di desa kami cuma buat saudara kades",
            "dana rutilahu dipotong aparat, cuma nerima setengah",
            "rumah sy retak2 abis gempa, bisa dapet bantuan perbaikan?",
            "rumah panggung di pangalengan tiangnya lapuk",
            "atap rumah ambruk sebagian di solokanjeruk, tidur di rumah saudara",
            "rutilahu kapan cair",
            "perbaikan rumah tidak layak huni kertasari",
        ],
    },
    {
        "code": "pupuk-pertanian",
        "name": "Pupuk subsidi dan pertanian",
        "group": "Ekonomi",
        "kind": "complaint",
        "agency": "distan",
        "default_priority": "normal",
        "open311_code": "pupuk-pertanian",
        "description": "Pupuk bersubsidi langka atau di atas HET, RDKK, alsintan, hama, gagal "
        "panen, "
        "penyuluh pertanian.",
        "keywords": (
            "pupuk, pupuk subsidi, urea, npk, rdkk, het, kios pupuk, petani, sawah, hama, "
            "gagal panen, alsintan, traktor, penyuluh, ppl, tani"
        ).split(", "),
        "examples": [
            "pupuk urea langka di kios ciparay, kalaupun ada harganya di atas het",
            "petani di pacet ga kebagian pupuk subsidi katanya ga masuk rdkk",
            "punten, pupuk bersubsidi di kios Banjaran dijual 180 rebu sakarung",
            "hama wereng nyerang sawah di solokanjeruk, minta bantuan obat",
            "Mohon bantuan traktor untuk kelompok tani kami di Desa Cibiru Wetan",
            "petani kentang pangalengan butuh penyuluhan soal penyakit tanaman",
            "kios resmi maksa beli pupuk non subsidi sekalian",
            "sawah kami di rancaekek gagal panen kebanjiran, ada asuransi ga",
            "penyuluh pertanian ga pernah dateng ke desa",
            "pupuk npk langka",
            "harga gabah anjlok pas panen di majalaya, tolong pemda bantu",
        ],
    },
    {
        "code": "harga-pasar",
        "name": "Harga bahan pokok dan pasar",
        "group": "Ekonomi",
        "kind": "complaint",
        "agency": "disdagin",
        "default_priority": "normal",
        "open311_code": "harga-pasar",
        "description": "Harga bahan pokok melonjak, kelangkaan minyak goreng/gas elpiji, timbangan "
        "curang, kondisi pasar rakyat.",
        "keywords": (
            "harga, sembako, minyak goreng, beras, cabe, elpiji, gas 3 kg, langka, pasar, "
            "timbangan, takaran, kios pasar, retribusi pasar, operasi pasar"
        ).split(", "),
        "examples": [
            "gas 3 kg langka di baleendah, sekalinya ada 30rb",
            "harga beras di pasar soreang naik terus, kapan ada operasi pasar",
            "timbangan pedagang daging di pasar banjaran curang, 1 kg cuma 8 ons",
            "Atap Pasar Majalaya bocor dan becek, pembeli jadi sepi",
            "minyakita dijual di atas het di warung cileunyi",
            "punten, cabe di pasar ciparay mahal pisan ayeuna, aya operasi pasar teu?",
            "retribusi kios pasar naik tanpa sosialisasi",
            "pasar cicalengka kumuh, lorongnya sempit",
            "elpiji 3 kg dijual ke restoran, warga susah dapet",
            "harga telur naik",
            "pedagang pasar sayati direlokasi tapi tempat barunya sepi",
        ],
    },
    {
        "code": "wisata",
        "name": "Destinasi wisata",
        "group": "Ekonomi",
        "kind": "complaint",
        "agency": "disparbud",
        "default_priority": "rendah",
        "open311_code": "wisata",
        "description": "Tiket dan pungutan di lokasi wisata, kebersihan, keamanan, akses jalan, "
        "kemacetan di kawasan wisata (Ciwidey, Rancabali, Pangalengan).",
        "keywords": (
            "wisata, tiket, objek wisata, kawah putih, situ patenggang, ranca upas, ciwidey, "
            "cileunca, pangalengan, parkir wisata, pungli wisata, glamping, curug"
        ).split(", "),
        "examples": [
            "tiket masuk kawah putih beda sama yg di papan, ditarik lagi di dalem",
            "macet total ke ciwidey tiap weekend, ga ada pengaturan",
            "situ patenggang toiletnya kotor, bayar 5rb",
            "Mohon pengawasan parkir liar di sekitar Ranca Upas, kami ditarik Rp20 ribu",
            "sampah di situ cileunca banyak bgt, sayang tempat seindah itu",
            "jalan ke curug di pasirjambu rusak, wisatawan jatuh",
            "punten, objek wisata di kab bandung nu cocog keur budak naon wae?",
            "banyak calo di pintu masuk wisata rancabali",
            "glamping di pinggir danau bikin air kotor ga",
            "wisata ciwidey mahal",
            "lampu penerangan di jalan wisata pangalengan mati, bahaya malam",
        ],
    },
    {
        "code": "pengaduan-asn-pungli",
        "name": "Pengaduan ASN dan pungli",
        "group": "Pelayanan Publik",
        "kind": "complaint",
        "agency": "inspektorat",
        "default_priority": "tinggi",
        "open311_code": "pengaduan-asn-pungli",
        "description": "Pungutan liar, gratifikasi, penyalahgunaan wewenang, ASN bolos atau "
        "berpolitik praktis, penyimpangan dana desa.",
        "keywords": (
            "pungli, asn, pns, suap, uang pelicin, gratifikasi, korupsi, dana desa, kades, "
            "bolos, netralitas, mark up, calo, sogok, amplop"
        ).split(", "),
        "examples": [
            "pegawai kecamatan minta amplop buat tanda tangan surat",
            "pns di dinas main game pas jam kerja, layanan ditinggal",
            "Dana desa di desa kami dipakai untuk kepentingan pribadi kepala desa, laporan "
            "pertanggungjawaban tidak pernah diumumkan.",
            "ada pungli di uji kir dishub, bayar di luar tarif resmi",
            "asn ikut kampanye pake seragam",
            "proyek jalan desa di arjasari di-mark up, kualitasnya jelek",
            "punten, pagawe kantor desa nyuhunkeun artos kanggo ngurus surat pindah",
            "oknum minta uang biar anak bisa jadi honorer",
            "kades jarang ngantor",
            "lapor pungli",
            "petugas pasar narik retribusi tanpa karcis di pasar baleendah",
        ],
    },
    {
        "code": "layanan-digital",
        "name": "Internet dan aplikasi layanan Pemda",
        "group": "Informasi",
        "kind": "complaint",
        "agency": "diskominfo",
        "default_priority": "normal",
        "open311_code": "layanan-digital",
        "description": "Situs dan aplikasi Pemkab tidak bisa diakses, wifi publik, blank spot "
        "sinyal, "
        "hoaks, akun media sosial palsu mengatasnamakan Pemkab.",
        "keywords": (
            "website, aplikasi, error, wifi, internet, sinyal, blank spot, hoaks, hoax, "
            "akun palsu, server down, login, situs, teu aya sinyal"
        ).split(", "),
        "examples": [
            "website bandungkab.go.id ga bisa dibuka dari kemarin",
            "wifi gratis di alun2 soreang mati terus",
            "desa kami di rancabali blank spot, anak sekolah susah belajar online",
            "ada akun ig ngaku2 pemkab bandung nawarin bantuan, minta transfer",
            "aplikasi layanan pemda error pas login, otp ga masuk",
            "Mohon klarifikasi berita yang beredar soal pemadaman air se-Kabupaten Bandung",
            "punten, di kertasari teu aya sinyal pisan, iraha dipasang tower?",
            "server daftar online error",
            "link pengaduan di web dinas rusak",
            "hoaks penculikan anak beredar di grup wa warga cicalengka, resahkan orang tua",
            "internet di kantor desa lemot banget, pelayanan jadi lama",
        ],
    },
]
