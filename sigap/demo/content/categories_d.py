# ruff: noqa: SIM905 - keyword lists are written as one comma-separated string to stay compact
"""Demo categories, part D: information requests, aspirations, rescue and emergencies."""

from sigap.demo.content.rows import CategoryRow

CATEGORIES: list[CategoryRow] = [
    {
        "code": "informasi-publik",
        "name": "Permohonan informasi publik (PPID)",
        "group": "Informasi",
        "kind": "information_request",
        "agency": "diskominfo",
        "default_priority": "normal",
        "open311_code": "informasi-publik",
        "description": "Permohonan informasi publik menurut UU 14/2008 melalui PPID: anggaran, "
        "data, dokumen kegiatan, dan informasi layanan Pemkab.",
        "keywords": (
            "ppid, informasi publik, minta data, anggaran, apbd, dokumen, kip, salinan, "
            "data statistik, rencana proyek, info, nanya, mohon informasi"
        ).split(", "),
        "examples": [
            "sy mahasiswa mau minta data jumlah penduduk miskin per kecamatan kab bandung",
            "mohon informasi anggaran perbaikan jalan di Kecamatan Arjasari tahun ini",
            "Dengan hormat, kami dari LSM ingin mengajukan permohonan salinan dokumen kontrak "
            "pembangunan pasar. Bagaimana prosedurnya?",
            "cara ngajuin permohonan informasi ke ppid gimana",
            "punten bade naros, data curah hujan di Pangalengan tiasa dipenta ka mana?",
            "minta info jadwal musrenbang kecamatan soreang",
            "ada data jumlah sekolah negeri per kecamatan ga",
            "berapa apbd kab bandung tahun ini",
            "mohon info rencana pelebaran jalan di bojongsoang, rumah sy kena ga",
            "info lowongan pppk pemkab",
            "permohonan informasi sudah 14 hari kerja belum dijawab",
        ],
    },
    {
        "code": "informasi-adminduk",
        "name": "Pertanyaan syarat dokumen kependudukan",
        "group": "Kependudukan",
        "kind": "information_request",
        "agency": "disdukcapil",
        "default_priority": "rendah",
        "open311_code": "informasi-adminduk",
        "description": "Pertanyaan syarat dan tata cara KTP-el, KK, KIA, akta, pindah datang; "
        "dijawab dari basis pengetahuan Disdukcapil.",
        "keywords": (
            "syarat, cara bikin, cara ngurus, ktp, kk, akta, kia, pindah domisili, biaya, "
            "berapa lama, dimana, jam buka, online, naros"
        ).split(", "),
        "examples": [
            "syarat bikin ktp buat anak umur 17 apa aja?",
            "bikin akta lahir bayar ga?",
            "punten, ngadamel kk enggal saatos nikah kedah nyandak naon?",
            "jam buka disdukcapil kab bandung sampe jam berapa",
            "ngurus pindah dari kab garut ke soreang gimana caranya",
            "kia itu wajib ga buat anak",
            "bisa ngurus ktp di kecamatan baleendah atau harus ke soreang?",
            "Mohon informasi, apakah cetak ulang KTP yang rusak perlu surat pengantar RT/RW?",
            "akta kematian syaratnya apa",
            "ktp hilang harus lapor polisi dulu ga",
            "berapa lama jadinya kk",
        ],
    },
    {
        "code": "aspirasi-pembangunan",
        "name": "Aspirasi dan usulan pembangunan",
        "group": "Pelayanan Publik",
        "kind": "aspiration",
        "agency": "bupati",
        "default_priority": "rendah",
        "open311_code": "aspirasi-pembangunan",
        "description": "Usulan, saran, dan harapan warga untuk pembangunan daerah; dicatat untuk "
        "bahan perencanaan dan diteruskan ke OPD terkait.",
        "keywords": (
            "usul, usulan, aspirasi, saran, mohon dibangun, harapan, pembangunan, musrenbang, "
            "program, bapak bupati, pak bupati, tolong bangun, ide"
        ).split(", "),
        "examples": [
            "pak bupati, usul dibangun gor di kecamatan cimaung buat anak muda",
            "saran: angkutan umum dari pangalengan ke soreang ditambah, sekarang jarang",
            "Kami warga Desa Tarajusari mengusulkan pembangunan posyandu permanen karena selama "
            "ini menumpang di rumah kader.",
            "harapan kami sekolah smp negeri ditambah di kecamatan kutawaringin",
            "punten pa bupati, kanggo barudak ngora mangga damel tempat latihan kerja di Ibun",
            "tolong bikin jalur sepeda di soreang",
            "usul taman bermain ramah anak di baleendah",
            "mohon dibangun jalan tembus solokanjeruk - rancaekek biar ga muter",
            "pemda sebaiknya bikin pasar tani langsung dari petani pangalengan",
            "saran buat pemkab",
            "semoga ada program beasiswa buat anak buruh pabrik",
        ],
    },
    {
        "code": "evakuasi-satwa",
        "name": "Evakuasi ular, tawon, dan hewan",
        "group": "Ketertiban",
        "kind": "service_request",
        "agency": "damkar",
        "default_priority": "tinggi",
        "open311_code": "evakuasi-satwa",
        "description": "Permintaan penyelamatan non-kebakaran: ular masuk rumah, sarang tawon "
        "vespa, hewan terjebak, cincin tidak bisa dilepas.",
        "keywords": (
            "ular, oray, sarang tawon, tawon, vespa, nyiruan, kobra, biawak, monyet, "
            "kucing nyangkut, evakuasi, cincin nyangkut, hewan liar"
        ).split(", "),
        "examples": [
            "tolong ada ular kobra masuk dapur di rumah sy di cilengkrang",
            "sarang tawon vespa gede di pohon depan sd di katapang, udah ada murid kesengat",
            "oray asup ka kamar, di Ciparay, gancang pa!",
            "kucing nyangkut di atas tiang listrik di margaasih dari kemarin",
            "Mohon bantuan evakuasi sarang tawon di plafon rumah kami, Jl. Raya Banjaran",
            "monyet liar masuk permukiman di cimenyan, ganggu warga",
            "cincin anak sy ga bisa lepas jarinya bengkak, damkar bisa bantu?",
            "ada biawak gede di selokan komplek bojongsoang",
            "ular sanca di kebun belakang rumah pasirjambu",
            "tawon numpuk di atap masjid cicalengka",
            "sapi nyemplung ke sumur di pacet",
        ],
    },
    {
        "code": "kebakaran",
        "name": "Kebakaran",
        "group": "Darurat",
        "kind": "emergency",
        "agency": "damkar",
        "default_priority": "darurat",
        "open311_code": "kebakaran",
        "description": "Kebakaran rumah, pabrik, lahan, kendaraan, korsleting, atau kebocoran gas.",
        "keywords": (
            "kebakaran, kahuruan, seuneu, api, terbakar, asap tebal, damkar, korslet, "
            "gas bocor, meledak, hangus, kebakar, hurung"
        ).split(", "),
        "examples": [
            "KEBAKARAN di pabrik tekstil majalaya, asap item tinggi banget, cepet!!",
            "kahuruan imah di Kp. Babakan Dayeuhkolot, seuneuna ageung, gancang pa",
            "rumah tetangga kebakar di cileunyi wetan, api udah ke atap",
            "gas elpiji bocor bau nyengat di rumah makan soreang, takut meledak",
            "tolong damkar ke pasar banjaran, kios kebakaran",
            "lahan alang2 kebakar di dekat perumahan rancaekek, angin kenceng",
            "korslet listrik di rumah kontrakan baleendah, ada asap dari plafon",
            "mobil terbakar di jalan tol soroja arah soreang",
            "api!! gudang kasur di katapang",
            "kahuruan di pasar cicalengka",
            "Ada kebakaran di permukiman padat RW 08 Desa Sayati Margahayu, akses gang sempit, "
            "mohon segera dikirim unit pemadam.",
        ],
    },
    {
        "code": "banjir",
        "name": "Banjir",
        "group": "Darurat",
        "kind": "emergency",
        "agency": "bpbd",
        "default_priority": "darurat",
        "open311_code": "banjir",
        "description": "Banjir merendam permukiman atau jalan, sungai meluap, warga perlu "
        "evakuasi.",
        "keywords": (
            "banjir, caah, cai naek, kebanjiran, sungai meluap, citarum meluap, evakuasi, "
            "perahu, ngungsi, banjir bandang, tanggul jebol, terendam, rob"
        ).split(", "),
        "examples": [
            "banjir di andir baleendah udah sepinggang, ada lansia belum dievakuasi",
            "caah gede di Dayeuhkolot, cai tos dugi ka hateup, peryogi parahu",
            "citarum meluap, jalan raya dayeuhkolot ketutup air, motor mogok semua",
            "tanggul sungai cikeruh jebol di rancaekek, air masuk perumahan",
            "banjir bandang di kampung kami di cimenyan, bawa lumpur dan batu",
            "Mohon bantuan logistik untuk pengungsi banjir di Kampung Cieunteung, sudah 2 hari "
            "belum dapat makanan.",
            "air naik cepet bgt di bojongsoang, tolong perahu karet",
            "banjir majalaya",
            "jalan cicalengka - nagreg kebanjiran, kendaraan terjebak",
            "sekolah di solokanjeruk terendam, anak2 ga bisa pulang",
            "hujan dari sore, sungai cisangkuy banjaran mau meluap",
        ],
    },
    {
        "code": "longsor",
        "name": "Tanah longsor",
        "group": "Darurat",
        "kind": "emergency",
        "agency": "bpbd",
        "default_priority": "darurat",
        "open311_code": "longsor",
        "description": "Longsor menimpa rumah atau menutup jalan, tebing retak, pergerakan tanah.",
        "keywords": (
            "longsor, urug, tanah longsor, tebing, retak, pergerakan tanah, tertimbun, "
            "kaurugan, jalan putus, amblas, tanah bergerak, gempa"
        ).split(", "),
        "examples": [
            "longsor di jalan raya pangalengan km 30, jalan ketutup tanah",
            "urug di Kp. Cibunar Pasirjambu, aya imah nu kaurugan, aya jalmi di jero",
            "tebing di belakang rumah retak2 abis hujan di cimenyan, kami takut",
            "tanah longsor nutup akses jalan ke desa di kertasari, warga terisolir",
            "Terjadi pergerakan tanah di Desa Margamulya Pangalengan, beberapa rumah retak "
            "dan lantainya ambles. Mohon kaji cepat BPBD.",
            "longsor di ciwidey arah rancabali, mobil ga bisa lewat",
            "tolong!! rumah ketimbun longsor di ibun",
            "urug deui di nagreg",
            "tebing sungai di arjasari longsor, rumah di pinggir tinggal 1 meter",
            "longsor kecil di jalan cimaung, batu2 jatuh terus",
            "abis gempa banyak retakan tanah di kebun kami di pacet",
        ],
    },
    {
        "code": "kecelakaan",
        "name": "Kecelakaan lalu lintas",
        "group": "Darurat",
        "kind": "emergency",
        "agency": "cc",
        "default_priority": "darurat",
        "open311_code": "kecelakaan",
        "description": "Kecelakaan dengan korban; Command Center 112 mengirim ambulans PSC 119 "
        "dan memberi tahu kepolisian.",
        "keywords": (
            "kecelakaan, tabrakan, laka, lakalantas, tabrakan beruntun, korban, terguling, "
            "nabrak, titabrak, motor jatuh, truk rem blong, tertabrak"
        ).split(", "),
        "examples": [
            "tabrakan motor vs truk di jalan raya banjaran depan pasar, korban luka parah",
            "kecelakaan beruntun di nagreg, truk rem blong, banyak korban",
            "aya nu titabrak di jalan soreang, getihan, teu aya ambulan",
            "mobil terguling masuk jurang di jalan pangalengan",
            "laka di bundaran cibiru cileunyi, pengendara ga sadar",
            "Mohon segera dikirim ambulans, kecelakaan tunggal di Jl. Raya Laswi Ciparay, "
            "korban seorang pelajar tidak sadarkan diri.",
            "tabrakan angkot sama motor di baleendah",
            "truk pasir nabrak rumah di katapang",
            "kecelakaan tol soroja",
            "bus pariwisata nyungsep di ciwidey arah kawah putih",
            "ada yg ketabrak kereta di rancaekek",
        ],
    },
    {
        "code": "darurat-medis",
        "name": "Kegawatdaruratan medis",
        "group": "Darurat",
        "kind": "emergency",
        "agency": "dinkes",
        "default_priority": "darurat",
        "open311_code": "darurat-medis",
        "description": "Pasien gawat darurat perlu ambulans atau pertolongan segera; ditangani "
        "PSC 119 Dinas Kesehatan.",
        "keywords": (
            "ambulans, ambulan, pingsan, sesak napas, kejang, pendarahan, serangan jantung, "
            "stroke, keracunan, melahirkan, darurat, psc 119, teu sadar"
        ).split(", "),
        "examples": [
            "tolong ambulans ke majalaya, bapak sy pingsan ga sadar",
            "ibu hamil mau lahiran pendarahan di rumah di kertasari, jauh dari puskesmas",
            "keracunan makanan hajatan di cikancung, puluhan warga muntah2",
            "anak kejang2 demam tinggi, rumah di Ciparay, butuh ambulan sekarang",
            "nini abdi sesak napas teu tiasa ngambekan, di Cicalengka, punten ambulan",
            "ada org jatuh dari atap, kepalanya berdarah, di soreang",
            "Mohon bantuan PSC 119, ayah saya kemungkinan serangan jantung, nyeri dada hebat, "
            "alamat Komplek Permata Kopo Margahayu.",
            "orang tenggelam di situ cileunca",
            "ambulans desa ga ada, pasien stroke di paseh",
            "pingsan di pasar baleendah",
            "korban tersengat listrik di rancaekek",
        ],
    },
    {
        "code": "kekerasan-kdrt",
        "name": "Kekerasan terhadap perempuan dan anak / KDRT",
        "group": "Darurat",
        "kind": "emergency",
        "agency": "dp2kbp3a",
        "default_priority": "darurat",
        "open311_code": "kekerasan-kdrt",
        "description": "KDRT, kekerasan seksual, atau kekerasan terhadap anak yang sedang atau "
        "baru "
        "terjadi. UPTD PPA mendampingi korban; bila sedang berlangsung, segera libatkan "
        "Polresta Bandung (110) melalui Command Center 112.",
        "keywords": (
            "kdrt, dipukul, dianiaya, kekerasan, pelecehan, pemerkosaan, kekerasan anak, "
            "suami mukul, disiksa, ancaman, tolong, diteunggeul, digebugin, ppa"
        ).split(", "),
        "examples": [
            "tolong tetangga sy dipukulin suaminya sekarang, teriak2 minta tolong, di Soreang",
            "anak kecil di sebelah rumah sering disiksa ibu tirinya, barusan nangis kejer",
            "sy dipukul suami, skrg ngunci diri di kamar, takut, di Baleendah",
            "aya budak awewe diganggu lalaki di gang, Rancaekek, gancang!",
            "Mohon pendampingan, adik saya korban pelecehan oleh tetangga di Banjaran dan "
            "keluarga diancam jika melapor.",
            "suami ngancem pake golok di rumah, ciparay",
            "ada anak dikurung di rumah kosong di margahayu",
            "kdrt dayeuhkolot",
            "teman sy di pabrik dilecehkan mandor, dia takut lapor",
            "ibu dihajar anaknya yg mabok di cileunyi",
            "istri tetangga diteunggeul ku salakina unggal peuting di Majalaya",
        ],
    },
]
