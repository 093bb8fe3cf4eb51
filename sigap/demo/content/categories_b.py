# ruff: noqa: SIM905 - keyword lists are written as one comma-separated string to stay compact
"""Demo categories, part B: health, education, civil registration, social welfare."""

from sigap.demo.content.rows import CategoryRow

CATEGORIES: list[CategoryRow] = [
    {
        "code": "layanan-puskesmas",
        "name": "Pelayanan puskesmas",
        "group": "Kesehatan",
        "kind": "complaint",
        "agency": "dinkes",
        "default_priority": "normal",
        "open311_code": "layanan-puskesmas",
        "description": "Antrean, jam buka, petugas tidak ada, obat kosong, atau sikap petugas "
        "di puskesmas, pustu, dan posyandu.",
        "keywords": (
            "puskesmas, pkm, pustu, posyandu, bidan, antri, antrian, obat habis, dokter ga ada, "
            "petugas jutek, imunisasi, poli, berobat, ubar, mantri"
        ).split(", "),
        "examples": [
            "antri di puskesmas soreang dari jam 7 baru dipanggil jam 11, loket cuma satu",
            "dokter di pkm majalaya ga ada, katanya lagi rapat, pasien disuruh pulang",
            "obat di puskesmas baleendah kosong terus, disuruh beli di apotek luar",
            "punten, puskesmas di pangalengan buka jam sabaraha? tadi jam 8 masih ditutup",
            "petugas pendaftaran di puskesmas rancaekek judes banget ke ibu2 hamil",
            "Yth Dinkes, posyandu di RW kami di Desa Mekarsari tidak aktif lagi sejak kader "
            "pindah, padahal banyak balita. Mohon dibina kembali.",
            "pustu di desa kami di kertasari kosong, bidannya jarang dateng",
            "imunisasi anak sy ditolak di puskesmas cileunyi katanya vaksin habis",
            "mau berobat pake bpjs di pkm ciparay malah ditarik biaya",
            "pkm dayeuhkolot kotor, toiletnya ga ada air",
            "kumaha ieu puskesmas teu aya dokter gigi na, tos 3 kali kadieu",
        ],
    },
    {
        "code": "layanan-rsud",
        "name": "Pelayanan RSUD",
        "group": "Kesehatan",
        "kind": "complaint",
        "agency": "rsud-soreang",
        "default_priority": "tinggi",
        "open311_code": "layanan-rsud",
        "description": "Keluhan di RSUD Kabupaten Bandung: sikap perawat/dokter, IGD, kamar penuh, "
        "rujukan, biaya. Diarahkan ke RSUD yang disebut (Soreang, Majalaya, Cicalengka).",
        "keywords": (
            "rsud, rumah sakit, igd, perawat judes, jutek, dokter, kamar penuh, rujukan, "
            "rawat inap, otista, rsud majalaya, rsud cicalengka, ditolak, suster, antri obat"
        ).split(", "),
        "examples": [
            "perawat di rsud otista soreang jutek pisan ka kolot abdi, ditanya malah dibentak",
            "pak bupati, bapak saya ditolak di IGD RSUD Majalaya katanya kamar penuh, disuruh "
            "cari rs lain padahal udah sesak napas",
            "antri ambil obat di rsud soreang 4 jam, ga manusiawi",
            "suster bangsal anak rsud cicalengka main hp terus, dipanggil ga dateng2",
            "Mohon evaluasi pelayanan RSUD Oto Iskandar Di Nata. Istri saya melahirkan dan "
            "kami diminta membeli obat sendiri di luar padahal peserta BPJS.",
            "dokter spesialis jarang visit di rsud majalaya, pasien nunggu seharian",
            "parkir rsud soreang mahal dan semrawut",
            "kenapa rujukan dari puskesmas ciparay ke rsud majalaya dipersulit",
            "toilet ruang rawat inap rsud cicalengka mampet",
            "satpam rsud kasar ka nu nungguan pasien",
            "igd rsud soreang lambat, anak sy demam tinggi nunggu 2 jam",
        ],
    },
    {
        "code": "jaminan-kesehatan-pbi",
        "name": "KIS / BPJS PBI tidak aktif",
        "group": "Kesehatan",
        "kind": "complaint",
        "agency": "dinsos",
        "default_priority": "tinggi",
        "open311_code": "jaminan-kesehatan-pbi",
        "description": "Kepesertaan JKN-KIS PBI nonaktif, pengusulan PBI, reaktivasi karena sakit. "
        "Dinsos memverifikasi data DTKS/DTSEN; urusan iuran mandiri diteruskan ke BPJS Kesehatan.",
        "keywords": (
            "kis, bpjs, pbi, bpjs nonaktif, kartu sehat, jkn, iuran, reaktivasi, uhc, "
            "ditanggung pemda, kis mati, bpjs ga aktif, jamkesda, kartu indonesia sehat"
        ).split(", "),
        "examples": [
            "kis bapa abdi dinonaktifkeun, ayeuna nuju dirawat di rsud majalaya, kumaha carana "
            "aktifkeun deui?",
            "bpjs pbi sy tiba2 ga aktif pas mau berobat di puskesmas banjaran",
            "Mohon bantuan, ibu saya lansia di Baleendah tidak punya BPJS, mau diusulkan PBI",
            "kartu kis istri nonaktif padahal kami masih miskin, suami kerja serabutan",
            "gimana cara reaktivasi bpjs pbi, dinsos jauh di soreang",
            "anak baru lahir belum masuk kis, padahal ibunya peserta pbi",
            "punten, KIS teu tiasa dianggo di rs, cenah tos dicabut ti pusat",
            "bpjs mandiri nunggak, mau pindah ke yg ditanggung pemda bisa ga",
            "udah ngajuin pbi lewat desa di cicalengka 3 bulan belum ada kabar",
            "bpjs nonaktif rancaekek",
            "katanya kabupaten bandung udah UHC, tapi kok tetangga sy masih ditolak berobat",
        ],
    },
    {
        "code": "kunjungan-rumah-nakes",
        "name": "Permintaan kunjungan rumah tenaga kesehatan",
        "group": "Kesehatan",
        "kind": "service_request",
        "agency": "dinkes",
        "default_priority": "tinggi",
        "open311_code": "kunjungan-rumah-nakes",
        "description": "Permintaan kunjungan tenaga kesehatan puskesmas ke rumah (home care) untuk "
        "lansia, penyandang disabilitas, atau pasien yang tidak bisa ke fasilitas kesehatan.",
        "keywords": (
            "home care, kunjungan rumah, visit rumah, lansia, stroke, lumpuh, ngadeg, "
            "teu tiasa leumpang, perawat ke rumah, ganti perban, luka, kateter, pasien di rumah"
        ).split(", "),
        "examples": [
            "nenek saya stroke di rumah di Cimaung ga bisa jalan, bisa ada petugas yg dateng "
            "periksa?",
            "punten, apa bisa perawat puskesmas ka bumi? bapa abdi teu tiasa leumpang di Ibun",
            "minta tolong ganti kateter ayah di rumah, daerah Solokanjeruk",
            "Assalamualaikum, kami mohon layanan kunjungan rumah untuk ibu kami (82 th) di "
            "Katapang, tensinya tinggi tapi tidak kuat dibawa ke puskesmas.",
            "luka diabetes bapak perlu dirawat tiap hari, bisa dikunjungi nakes ga",
            "anak sy disabilitas berat di Paseh, perlu cek kesehatan di rumah",
            "ada program dokter datang ke rumah ga di kab bandung?",
            "ibu sy pasca operasi di rumah di pacet, butuh ganti perban",
            "kakek di arjasari kurus banget ga mau makan, tolong dicek ke rumah",
            "home care soreang",
            "tetangga lansia sebatang kara di dayeuhkolot sakit2an, bisa dikunjungi petugas?",
        ],
    },
    {
        "code": "spmb-ppdb",
        "name": "Penerimaan murid baru (SPMB/PPDB)",
        "group": "Pendidikan",
        "kind": "complaint",
        "agency": "disdik",
        "default_priority": "tinggi",
        "open311_code": "spmb-ppdb",
        "description": "Pendaftaran SD/SMP negeri: jalur domisili/zonasi, afirmasi, mutasi, "
        "prestasi; kuota dan titik koordinat. SMA/SMK kewenangan provinsi.",
        "keywords": (
            "ppdb, spmb, zonasi, domisili, daftar sekolah, jalur afirmasi, kuota, smp negeri, "
            "sd negeri, ga keterima, titik koordinat, kk numpang, sekolah negeri, pendaftaran"
        ).split(", "),
        "examples": [
            "anak sy ga keterima di smpn deket rumah di baleendah padahal jaraknya cuma 300 m",
            "ppdb zonasi banyak yg numpang kk, warga asli malah ga dapet sekolah",
            "punten, pendaftaran spmb smp negeri di soreang dibuka iraha?",
            "Website pendaftaran SPMB error terus dari pagi, tidak bisa upload KK",
            "jalur afirmasi buat anak yatim syaratnya apa aja?",
            "kuota smpn di cileunyi sedikit banget, anak2 kami harus ke swasta yg mahal",
            "titik koordinat rumah sy salah di sistem, jadi jauh dari sekolah",
            "kenapa anak tetangga yg rumahnya lebih jauh malah keterima di smp negeri majalaya",
            "mau nanya ppdb sma itu lewat disdik kabupaten apa provinsi",
            "anak abdi teu ka tampa di sd negeri, umurna kirang saminggu ti 7 taun",
            "ppdb curang",
        ],
    },
    {
        "code": "guru-kbm",
        "name": "Guru dan kegiatan belajar mengajar",
        "group": "Pendidikan",
        "kind": "complaint",
        "agency": "disdik",
        "default_priority": "normal",
        "open311_code": "guru-kbm",
        "description": "Guru jarang masuk, perundungan, kekerasan oleh guru, ruang kelas rusak, "
        "kekurangan guru, ijazah ditahan.",
        "keywords": (
            "guru, sekolah, kbm, bolos, bully, perundungan, kelas rusak, atap bocor, ijazah, "
            "ditahan, honorer, murid, sakola, guru galak, pr"
        ).split(", "),
        "examples": [
            "guru kelas 4 di SD di pasirjambu sering ga masuk, murid cuma dikasih tugas",
            "anak sy dibully terus di sekolah di margaasih, wali kelas diem aja",
            "atap kelas SDN di Ciparay bocor, kalau hujan murid belajar sambil kehujanan",
            "ijazah anak sy ditahan sekolah karena belum lunas uang gedung",
            "guru olahraga mukul murid di smp di cikancung, ada videonya",
            "Kami orang tua murid mohon penambahan guru, satu guru pegang dua kelas sekaligus",
            "sakola di ibun kaca na baroncel, bangku loba nu potong",
            "kenapa guru honorer di sekolah kami belum dibayar 3 bulan",
            "anak sd di rancabali harus jalan 5 km ke sekolah, ada bantuan antar jemput ga",
            "guru les di sekolah maksa murid ikut les berbayar",
            "wc sekolah di banjaran ga ada airnya",
        ],
    },
    {
        "code": "pungutan-sekolah",
        "name": "Pungutan di sekolah",
        "group": "Pendidikan",
        "kind": "complaint",
        "agency": "disdik",
        "default_priority": "tinggi",
        "open311_code": "pungutan-sekolah",
        "description": "Pungutan, jual beli seragam/LKS wajib, uang perpisahan di sekolah negeri. "
        "Indikasi pungli oleh ASN diteruskan ke Inspektorat.",
        "keywords": (
            "pungutan, pungli, iuran sekolah, uang gedung, seragam, lks, buku paket, sumbangan, "
            "komite, study tour, perpisahan, bayar, wajib beli, duit"
        ).split(", "),
        "examples": [
            "smpn di soreang minta uang seragam 1,5jt katanya wajib beli di koperasi sekolah",
            "daftar ulang di sd negeri ditarik 500rb buat 'sumbangan komite'",
            "LKS wajib beli di sekolah, padahal katanya sekolah negeri gratis",
            "Mohon ditindak, ada pungutan study tour ke Jogja Rp2,8 juta dan yang tidak ikut "
            "tetap harus bayar. Sekolah di Kecamatan Rancaekek.",
            "uang perpisahan kelas 6 mahal pisan, 700 rebu",
            "ijazah baru dikasih kalau bayar uang administrasi",
            "punten, naha di sakola negeri aya iuran bulanan?",
            "anak sy di smpn cicalengka disuruh bayar uang bangunan",
            "sumbangan buat pagar sekolah dibagi rata per murid, ga bayar anaknya disindir",
            "jual buku paket di sekolah majalaya",
            "pungli sekolah dayeuhkolot",
        ],
    },
    {
        "code": "adminduk",
        "name": "KTP-el, KK, KIA, akta",
        "group": "Kependudukan",
        "kind": "complaint",
        "agency": "disdukcapil",
        "default_priority": "normal",
        "open311_code": "adminduk",
        "description": "Pelayanan dokumen kependudukan: KTP-el, KK, KIA, akta kelahiran/kematian, "
        "pindah datang, blangko kosong, data ganda, calo.",
        "keywords": (
            "ktp, e-ktp, ktp-el, kk, kartu keluarga, akta, akta lahir, akta kematian, kia, "
            "blangko, pindah, nik, disdukcapil, capil, calo, data ganda, rekam"
        ).split(", "),
        "examples": [
            "ktp udah rekam 6 bulan belum jadi juga, katanya blangko habis",
            "ngurus kk di disdukcapil soreang antri dari subuh, kuota abis jam 9",
            "ada calo di depan kantor capil, minta 200rb biar cepet",
            "NIK sy ganda sama org lain, jadi ga bisa daftar bpjs",
            "akta kelahiran anak salah nama bapaknya, gimana benerinnya",
            "Saya warga Margahayu pindah dari Kota Bandung, surat pindah sudah 3 minggu belum "
            "diproses. Mohon dibantu.",
            "punten, kk abdi teu acan robih statusna, padahal tos nikah",
            "ktp hilang di angkot, mau bikin lagi di kecamatan cileunyi bisa?",
            "petugas kecamatan minta bayar buat ngurus akta kematian",
            "kia anak sy belum jadi2",
            "website online adminduk ga bisa dibuka",
        ],
    },
    {
        "code": "bansos-dtks",
        "name": "Bansos, PKH, DTKS/DTSEN",
        "group": "Sosial",
        "kind": "complaint",
        "agency": "dinsos",
        "default_priority": "normal",
        "open311_code": "bansos-dtks",
        "description": "Bantuan sosial tidak tepat sasaran, tidak cair, pemotongan, pendaftaran "
        "DTKS/DTSEN, PKH, BPNT.",
        "keywords": (
            "bansos, pkh, bpnt, dtks, dtsen, sembako, blt, ga dapet bantuan, salah sasaran, "
            "dipotong, kpm, pendamping, bantuan, miskin, raskin"
        ).split(", "),
        "examples": [
            "keluarga sy miskin ga pernah dapet bansos, yg punya mobil malah dapet",
            "pkh ibu sy dipotong pendamping 50rb tiap cair",
            "punten, kumaha carana daptar dtks? abdi di Ciparay teu kungsi kenging bantosan",
            "bpnt bulan ini belum cair di desa kami di Nagreg",
            "Mohon dicek data penerima bansos di RW 03 Desa Sangkanhurip, banyak yang sudah "
            "meninggal masih terdaftar.",
            "kartu kks hilang, gimana ngambil bantuannya",
            "blt dana desa dibagi rata, ga sesuai data",
            "pendamping pkh minta uang fotokopi",
            "nama saya hilang dari dtks padahal kondisi masih sama",
            "bansos salah sasaran banjaran",
            "kpm pkh dipaksa beli sembako di warung tertentu",
        ],
    },
    {
        "code": "odgj-terlantar",
        "name": "ODGJ, gelandangan, orang terlantar",
        "group": "Sosial",
        "kind": "service_request",
        "agency": "dinsos",
        "default_priority": "tinggi",
        "open311_code": "odgj-terlantar",
        "description": "Orang dengan gangguan jiwa di jalan atau dipasung, gelandangan, pengemis, "
        "lansia atau anak terlantar yang perlu penjangkauan.",
        "keywords": (
            "odgj, gangguan jiwa, gila, stres, dipasung, gelandangan, pengemis, terlantar, "
            "manusia gerobak, anak jalanan, lansia terlantar, teu waras, ngamuk"
        ).split(", "),
        "examples": [
            "ada odgj ngamuk di pasar ciparay, lempar2 batu ke orang",
            "punten, aya jalmi teu waras saré di halte soreang unggal peuting, karunya",
            "tetangga sy di Kertasari dipasung keluarganya bertahun2, tolong dibantu berobat",
            "pengemis bawa bayi di lampu merah cileunyi tiap hari",
            "lansia terlantar di pinggir jalan raya banjaran, kayaknya ga punya keluarga",
            "Mohon penjangkauan, ada seorang ibu dengan gangguan jiwa berjalan tanpa busana di "
            "sekitar alun-alun Majalaya.",
            "anak jalanan di terminal cicalengka masih kecil2, ga sekolah",
            "manusia gerobak tidur di depan ruko rancaekek",
            "odgj di kampung kami di pameungpeuk sering ganggu anak sekolah",
            "ada nenek kebingungan ga tau rumahnya di bojongsoang",
            "gelandangan dayeuhkolot",
        ],
    },
]
