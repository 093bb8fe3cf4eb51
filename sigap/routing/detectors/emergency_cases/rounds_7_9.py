"""Rounds 7 and 8 (dev) and 9 (held out) of the labelled emergency set: see the package
docstring."""

from __future__ import annotations

Rows = list[tuple[str, str | None]]

# Round 7: written on 2026-12-05 after round 6's misses were fixed, by the same hand, in new
# wording; measured once with the rules frozen (precision 1.0, recall 0.825), then its misses
# were fixed and it joined dev.
ROUND_7: Rows = [
    (
        "tolong ada kebakaran rumah di komplek Griya Bandung Asri blok F, asapnya udah "
        "kemana2 🔥🔥",
        "fire",
    ),
    ("pak, gardu listrik di ujung gang meledak terus api nyala, warga ketakutan", "fire"),
    ("Hutan pinus di atas Ciwidey kebakar, apinya udah deket ke rumah warga paling atas", "fire"),
    ("ada api di atap masjid Al Falah, kayaknya dari kabel, tolong cepet damkar", "fire"),
    ("Kahuruan pabrik di Rancaekek, seuneu ngagedean, aya pagawe nu can kaluar", "fire"),
    ("Omah pak Lurah kobong saiki, genine wis gedhe", "fire"),
    ("Banjir naik terus di Dayeuhkolot, rumah saya sudah sepinggang, kami naik ke atap", "flood"),
    (
        "air sungai Cisangkuy luber ke jalan dan rumah warga, arusnya deras banget, tolong "
        "evakuasi",
        "flood",
    ),
    ("Cai walungan naek, geus asup ka imah-imah di Andir, sieun, tulung", "flood"),
    ("URGENT banjir masuk rumah di Perum Bojong Indah, ada bayi sama nenek", "flood"),
    ("Tanggul penahan di Cipalasari ambrol barusan, air masuk ke sawah dan rumah", "flood"),
    (
        "Kampung Cijagra kebanjiran dari tadi subuh, airnya makin tinggi, warga belum dievakuasi",
        "flood",
    ),
    ("Longsor di Desa Margamukti, dua rumah ketimbun, ada penghuninya di dalam", "landslide"),
    (
        "tolong, tebing belakang sekolah ambruk menimpa ruang kelas, ada siswa di dalam",
        "landslide",
    ),
    (
        "Jalan Pangalengan-Garut tertutup longsor barusan, ada mobil yang terseret ke jurang",
        "landslide",
    ),
    ("Lemahé ambles, omah loro ambruk, isih ana wong sing durung metu", "landslide"),
    ("Aya taneuh urug ka jalan, motor katimbun, nu ngajalankeunna teu acan kapendak", "landslide"),
    (
        "Kecelakaan bus pariwisata di tanjakan Emen, banyak korban, butuh ambulans",
        "traffic_accident",
    ),
    (
        "tabrakan mobil vs motor depan Alfamart Soreang, pengendara motor berdarah di kepala",
        "traffic_accident",
    ),
    (
        "tolong ada yang ketabrak kereta di perlintasan Kiaracondong, masih hidup",
        "traffic_accident",
    ),
    (
        "truk tronton rem blong nabrak rumah warga di Cileunyi, ada yang kejepit",
        "traffic_accident",
    ),
    ("Kacilakaan motor di Jl. Raya Banjaran, nu tabrakan dua-duana teu sadar", "traffic_accident"),
    ("Ana tabrakan neng dalan Soreang, wong e getihen, ndang ditulungi", "traffic_accident"),
    (
        "Suami saya dadanya sakit banget keringat dingin, kayaknya serangan jantung, tolong "
        "ambulan",
        "medical",
    ),
    ("Ibu hamil 9 bulan di Kp. Cipeujeuh pendarahan, jalan ke puskesmas putus", "medical"),
    ("Ada anak kejang-kejang di masjid, badannya panas tinggi, orang tuanya gak ada", "medical"),
    ("tolong nenek saya tidak sadarkan diri sejak 10 menit lalu, napasnya pendek", "medical"),
    ("Keracunan massal di hajatan warga Katapang, puluhan orang muntah-muntah", "medical"),
    ("abdi digigit oray di kebon, sukuna bareuh, tulung", "medical"),
    ("Ada pencurian dengan kekerasan di rumah tetangga, pelaku masih di dalam rumah", "violence"),
    ("Tolong tetangga saya dipukuli suaminya, teriak-teriak minta tolong sekarang", "violence"),
    (
        "geng motor ngerusak warung dan bacok orang di Jl. Kopo, sekarang masih keliling",
        "violence",
    ),
    ("rampok bawa pistol di minimarket Majalaya, karyawan disekap di gudang", "violence"),
    ("Aya nu gelut make peso di pasar, geus aya nu raheut", "violence"),
    ("Tabung elpiji di rumah makan meledak, beberapa orang luka", "other"),
    ("Dua anak tenggelam di kolam renang desa, satu belum ditemukan", "other"),
    ("Pohon besar roboh menimpa rumah, ada orang tertimpa di dalam", "other"),
    ("Ada pekerja tersengat listrik di atas tiang PLN, masih nyangkut", "other"),
    ("Atap aula sekolah ambruk saat upacara, banyak siswa tertimpa", "other"),
    ("Bau gas kuat sekali di seluruh lantai 2 kantor kecamatan, orang2 pusing", "other"),
    ("Puing-puing bekas kebakaran di Pasar Cicalengka dibiarkan menumpuk, mohon diangkut", None),
    (
        "Korban kebakaran Kamis lalu masih tinggal di masjid, mohon dibantu tempat tinggal "
        "sementara",
        None,
    ),
    ("Mohon informasi jadwal pengerukan sungai Citarum untuk antisipasi banjir tahun ini", None),
    ("kemarin sore banjir sepaha tapi sekarang sudah surut, tinggal lumpur di jalan", None),
    ("kalau longsor lagi akses desa kami bisa terputus, mohon dibangun jalan alternatif", None),
    ("Daerah tikungan Cipatik rawan kecelakaan karena tidak ada lampu jalan", None),
    ("Saya korban tabrak lari bulan Juni, pelakunya belum ditangkap sampai sekarang", None),
    ("Terima kasih BPBD atas bantuan evakuasi saat banjir minggu kemarin", None),
    ("Apakah ada pelatihan relawan tanggap bencana untuk pemuda desa?", None),
    ("Tolong pohon mahoni depan rumah dipangkas, dahannya sudah mau patah kena kabel", None),
    ("Jalan desa retak dan bergelombang, mohon diaspal ulang", None),
    ("Bagaimana cara mengajukan bantuan rumah rusak akibat angin puting beliung kemarin?", None),
    ("Anak saya pernah tersedak mainan, apakah ada kelas P3K untuk orang tua?", None),
    ("Pipa PDAM bocor di Jl. Raya Soreang sudah seminggu, airnya terbuang", None),
    (
        "Tolong tindak tegas tempat hiburan yang sering jadi lokasi keributan tiap akhir pekan",
        None,
    ),
    ("Polisi tidur di depan sekolah terlalu tinggi, banyak motor hampir jatuh", None),
    ("Mau tanya apakah damkar bisa bantu ambil cincin yang masuk saluran?", None),
    ("Ada rencana simulasi gempa di SD kami, perlu izin dari BPBD atau tidak?", None),
    ("Harga gas elpiji naik terus, warga kesulitan, mohon operasi pasar", None),
    ("kebun saya terbakar tahun 2019, apakah ada ganti rugi dari pemerintah?", None),
    ("Petugas Dishub kurang tegas, angkot ngetem sembarangan bikin macet", None),
    (
        "Mohon dipasang pagar pengaman di pinggir jurang jalan Ciwidey, takut ada yang masuk "
        "jurang",
        None,
    ),
    ("Dulu waktu banjir 2010 air sampai atap, sekarang tanggul sudah ada tapi mulai retak", None),
    ("wkwk rumahku kebanjiran cucian kotor, males nyuci 😂", None),
    ("Lampu jalan mati sepanjang Jl. Cibaduyut, rawan begal malam hari", None),
    ("Minta data rumah terdampak longsor Pasirjambu untuk laporan kecamatan", None),
    ("Tetangga bakar sampah plastik tiap pagi, asapnya hitam dan bau", None),
    ("Saya mau lapor kehilangan dompet di angkot jurusan Soreang-Leuwipanjang", None),
    ("Kapan pencairan santunan kematian untuk keluarga korban banjir bandang?", None),
    ("sungai di belakang SD penuh eceng gondok, khawatir meluap kalau hujan deras", None),
    ("Tahun lalu ada anak tenggelam di situ Cileunca, sekarang belum ada penjaga", None),
    ("Mohon ditertibkan truk tambang yang sering ugal-ugalan, sudah banyak korban", None),
    ("Jembatan penyeberangan orang sudah karatan, bahaya kalau ambruk", None),
    ("Anak-anak main layangan dekat kabel PLN, takut kesetrum", None),
    ("Bapak saya dirawat di RSUD karena stroke, mohon info cara pengurusan BPJS", None),
    ("Pos ronda RW 09 minta bantuan senter dan HT untuk siaga bencana", None),
    ("mau komplain, ambulans desa dipakai pribadi oleh kades", None),
    ("Sosialisasi jalur evakuasi tsunami? Kan kita jauh dari laut hehe", None),
    ("Kenapa pemadam kebakaran lama sekali datang waktu kebakaran gudang bulan lalu?", None),
    ("Saya mau daftar jadi relawan PMI untuk donor darah rutin", None),
]

# Round 8: written on 2026-12-05 after round 7's misses were fixed, by the same hand, in new
# wording; measured once with the rules frozen (precision 1.0, recall 0.775), then its misses
# were fixed and it joined dev.
ROUND_8: Rows = [
    ("Tlg!! rmh di gg Melati 3 kebakaran, api udh ke rmh sebelah", "fire"),
    (
        "Ada kebakaran lapak pemulung di bawah jembatan tol Buahbatu, asap item banget, warga "
        "coba padamin pake ember",
        "fire",
    ),
    (
        "Dapur warung seblak kebakaran, tabung gasnya masih di dalam, takut meledak, tolong "
        "damkar cepat",
        "fire",
    ),
    ("Seuneu ngahuru imah bilik di Kampung Cikoneng, geura kirim damkar", "fire"),
    ("Pasar Sayati kobong saiki, tulung damkar", "fire"),
    (
        "mobil pick up muatan jerami terbakar di tengah jalan Raya Majalaya, apinya makin besar",
        "fire",
    ),
    (
        "Pak tolong, banjir di Rancamanyar makin tinggi, sudah sedada orang dewasa, banyak "
        "anak-anak",
        "flood",
    ),
    (
        "air bah datang tiba-tiba dari hulu Cikapundung, beberapa warung di pinggir sungai terbawa",
        "flood",
    ),
    ("Banjir bandang di Kertasari!! rumah warga rusak, ada yang hilang terbawa arus", "flood"),
    ("Sawah sareng imah kakeueum caah, cai terus nambihan, pangungsian acan aya", "flood"),
    ("Banyu kali wis mlebu omah-omah warga, dhuwure sak dodo, tulung dievakuasi", "flood"),
    (
        "Rumah kami terendam sampai atap, kami di lantai 2 bersama 5 orang, belum ada bantuan",
        "flood",
    ),
    (
        "Longsor barusan di Cilengkrang, menimbun jalan dan satu warung, pemiliknya belum "
        "ditemukan",
        "landslide",
    ),
    (
        "Tanah tebing di belakang rumah mulai runtuh sedikit-sedikit, retakannya makin lebar, "
        "kami takut, mohon BPBD cek sekarang",
        "landslide",
    ),
    ("Ada longsoran besar menutup rel kereta dekat Cicalengka, kereta mau lewat!", "landslide"),
    ("Urug ti gunung nimpa dua imah di Cimenyan, aya nu katimbun", "landslide"),
    (
        "Tanah longsor menimbun kandang dan peternaknya di Pasirjambu, warga menggali pakai tangan",
        "landslide",
    ),
    ("Jalan ambles mendadak di Jl. Terusan Kopo, ada motor yang jatuh ke lubangnya", "landslide"),
    (
        "Tolong, tabrakan beruntun 5 mobil di tol Purbaleunyi km 121 arah Jakarta, ada yang "
        "terjepit",
        "traffic_accident",
    ),
    (
        "ada motor nabrak pejalan kaki di depan pasar Ciparay, korban tidak bergerak",
        "traffic_accident",
    ),
    (
        "kecelakaan di jembatan Citarum, motor masuk sungai, pengendaranya belum muncul",
        "traffic_accident",
    ),
    ("Bus sekolah terbalik di turunan Ciwidey, anak-anak banyak yang luka", "traffic_accident"),
    (
        "Ada truk nabrak warung, pemilik warung ketimpa, masih hidup tapi kejepit",
        "traffic_accident",
    ),
    ("Katabrak motor di payuneun masjid, budakna getihan, gancang ambulans", "traffic_accident"),
    (
        "Tetangga saya tiba-tiba jatuh dan tidak bergerak, mulutnya mencong, tolong kirim ambulans",
        "medical",
    ),
    ("Ada pekerja bangunan jatuh dari lantai 3, kepalanya berdarah banyak", "medical"),
    ("anak saya makan obat nyamuk, sekarang muntah-muntah dan lemas, kami di Soreang", "medical"),
    ("Ibu saya sesak napas parah, bibirnya biru, tabung oksigen habis", "medical"),
    ("Wonten tiyang sepuh ambruk teng masjid, mboten saged napas", "medical"),
    ("Istri saya mau melahirkan, ketuban sudah pecah, jalanan banjir, butuh ambulans", "medical"),
    ("Ada perkelahian pakai celurit di Jl. Cibaduyut, satu orang sudah tergeletak", "violence"),
    ("tolong tetangga saya KDRT, istrinya dipukul pakai helm, anaknya nangis", "violence"),
    ("Sekelompok orang bersenjata menyerang rumah warga di Cimaung sekarang", "violence"),
    (
        "Pelaku begal masih di lokasi, korbannya dibacok di tangan, di jalan sepi Cikalong",
        "violence",
    ),
    ("Ada orang ngamuk bawa golok di pasar Banjaran, sudah melukai dua pedagang", "violence"),
    ("Aya nu diculik di hareupeun sakola, mobil avanza hideung kabur ka kaler", "violence"),
    ("Anak terjatuh ke sumur sedalam 15 meter di Ciparay, masih terdengar suaranya", "other"),
    ("Pohon beringin tumbang menimpa dua motor di alun-alun, pengendaranya tertimpa", "other"),
    ("Ada kebocoran amonia di pabrik es Dayeuhkolot, warga sekitar sesak", "other"),
    ("Tiang listrik roboh dan kabelnya nyetrum di genangan air, ada warga kena setrum", "other"),
    ("Sisa kebakaran gudang kemarin masih berasap sedikit, tapi sudah dicek damkar, aman", None),
    ("Kebakaran hutan di Gunung Guntur tahun lalu merusak mata air warga, mohon reboisasi", None),
    ("Banjir sudah surut pak, tolong kirim petugas kebersihan untuk lumpur di jalan", None),
    ("Kalau nanti banjir lagi, posko pengungsian ada di mana?", None),
    ("Antisipasi musim hujan, tolong tanggul di Cieunteung ditinggikan", None),
    ("Desa kami rawan longsor, mohon BPBD pasang rambu peringatan", None),
    ("Kapan pengaspalan jalan bekas longsor di Cipelah dilakukan?", None),
    ("Jalan ini langganan kecelakaan karena lampu merah sering mati", None),
    ("saya mau cek status klaim asuransi kecelakaan kerja suami saya", None),
    ("Mohon info prosedur pengajuan bantuan untuk korban kebakaran rumah minggu lalu", None),
    ("Pengumuman: simulasi kebakaran di kantor kecamatan besok pukul 09.00", None),
    ("Video kecelakaan di Nagreg yang viral itu kejadian tahun 2019, bukan sekarang", None),
    (
        "Tetangga saya dulu pernah pingsan karena darah rendah, apakah posbindu melayani cek "
        "tensi?",
        None,
    ),
    ("tolong ditebang pohon randu di Jl. Sukamenak sebelum tumbang kena angin", None),
    ("Gorong-gorong di depan rumah jebol, mohon diperbaiki sebelum hujan", None),
    ("Kemarin malam ada keributan di kafe dekat rumah, mohon izin kafenya dicek", None),
    (
        "Anak saya jatuh dari sepeda minggu lalu, jahitannya sudah dilepas, mau tanya dokter kulit",
        None,
    ),
    ("Angka kebakaran di Kabupaten Bandung tahun ini menurun, apresiasi untuk damkar", None),
    ("Mohon pendataan ulang rumah rusak akibat gempa, rumah saya belum didata", None),
    ("Ada mobil damkar parkir di bahu jalan tiap pagi, menghalangi pejalan kaki", None),
    ("Banjir info lowongan kerja di grup WA desa, isinya penipuan semua", None),
    ("Jangan sampai terjadi kebakaran lagi, tolong cek instalasi listrik di pasar", None),
    (
        "saya pernah hampir tertabrak di zebra cross depan sekolah, mohon dipasang lampu "
        "penyeberangan",
        None,
    ),
    ("tiap kali hujan air masuk rumah karena saluran tersumbat, mohon dinormalisasi", None),
    ("Bekas tawuran semalam, banyak batu dan pecahan kaca di jalan, mohon dibersihkan", None),
    ("kapan ada vaksinasi rabies gratis? banyak anjing liar menggigit kemarin", None),
    ("Tolong perbaiki jembatan yang rusak diterjang banjir tahun lalu", None),
    ("Sirine damkar tengah malam bikin kaget, tapi ternyata latihan", None),
    ("Kebakaran jenggot nih pejabat kalau ditanya soal anggaran", None),
    ("Sudah tiga bulan bantuan korban banjir belum cair", None),
    ("Apakah BPBD menerima donasi untuk korban longsor Cimenyan?", None),
    ("Takut ada yang jatuh, lubang di trotoar Jl. Kopo mohon ditutup", None),
    ("Sopir angkot ugal-ugalan, hampir saja terjadi kecelakaan tadi pagi", None),
    ("Mohon dicek hidran di perumahan kami, katanya sudah tidak ada airnya", None),
    ("Gempa tadi malam terasa kencang, tapi alhamdulillah tidak ada kerusakan", None),
    ("Sopir ambulans desa minta gaji dinaikkan, mohon perhatian", None),
    ("hahaha rumahku kebakaran, kebakaran diskon maksudnya, di toko sebelah lagi sale", None),
    ("Saya ingin mengusulkan pembuatan embung untuk mengatasi kekeringan dan banjir", None),
    ("Tahun 2021 anak kami tenggelam di sungai ini, kami minta dipasang pagar", None),
    ("Kapan pelebaran jalan di tikungan maut Cadas Pangeran yang sering memakan korban?", None),
]

# Round 9: written on 2026-12-05 after round 8's misses were fixed, by the same hand, in new
# wording; the held-out set. Measured once with the rules frozen; never tuned on.
ROUND_9: Rows = [
    ("Pak RT tolong, kios fotokopi di depan kampus kebakaran, apinya keluar dari jendela", "fire"),
    (
        "asap tebal keluar dari rumah kosong di Jl. Mekar Sari, kayaknya ada yang kebakar di dalam",
        "fire",
    ),
    (
        "Tolong damkar ke Desa Cangkuang Wetan, lumbung padi warga terbakar habis-habisan sekarang",
        "fire",
    ),
    ("Imah Bi Enok kahuruan, seuneuna tos ka imah gigireun, hayu tulungan", "fire"),
    ("Gedung sekolah SD Sukamaju ada api di ruang guru, murid-murid lagi dievakuasi", "fire"),
    ("omah kayu neng Dusun Krajan kobong, angine banter, genine nyebar", "fire"),
    ("Tolong evakuasi, banjir sudah masuk rumah setinggi 1 meter di Kampung Bojongasih", "flood"),
    (
        "Sungai Cikeruh meluap malam ini, air masuk ke permukiman, warga mengungsi ke masjid",
        "flood",
    ),
    ("Caah ngadadak di Cimenyan, imah-imah kakeueum, aya nu kajebak di luhur hateup", "flood"),
    (
        "tanggul Citarum di Sapan bobol, air deras ke kampung, warga butuh perahu karet sekarang",
        "flood",
    ),
    ("banjir dadakan di underpass Kopo, ada mobil terjebak dan airnya terus naik", "flood"),
    (
        "Kampung kami kebanjiran sampai sepinggang, ada orang tua lumpuh yang belum bisa "
        "dievakuasi",
        "flood",
    ),
    (
        "Tolong, longsor timbun rumah di Kampung Pasir Angin, satu keluarga belum keluar",
        "landslide",
    ),
    ("Tebing jalan Ciwidey-Rancabali ambruk barusan, dua motor tertimbun material", "landslide"),
    (
        "tanah longsor di lereng Gunung Tilu, beberapa petani sedang di kebun waktu kejadian, "
        "belum ada kabar",
        "landslide",
    ),
    ("Aya longsor di Desa Neglasari ayeuna, jalan pegat, aya imah nu kaurugan", "landslide"),
    ("Lemah longsor nutup dalan desa, ana wong sing ketimbun", "landslide"),
    (
        "Tabrakan motor lawan truk di Jl. Raya Cicalengka, pengendaranya terlindas, tolong "
        "ambulans",
        "traffic_accident",
    ),
    (
        "Mobil nyemplung ke sungai di Jembatan Dayeuhkolot, penumpangnya masih di dalam",
        "traffic_accident",
    ),
    (
        "kecelakaan beruntun di turunan Nagreg, rem truk blong, banyak korban luka",
        "traffic_accident",
    ),
    ("anak SMP ketabrak angkot pas nyebrang, kakinya patah, ga bisa bangun", "traffic_accident"),
    (
        "Laka tunggal di Jl. Soekarno-Hatta, pengendara motor tergeletak, belum ada polisi",
        "traffic_accident",
    ),
    (
        "Motor tabrakan karo mobil neng prapatan Banjaran, wonge getihen ora obah",
        "traffic_accident",
    ),
    ("tolong, anak saya 5 tahun tidak sadarkan diri setelah jatuh dari pohon", "medical"),
    (
        "Ada jamaah pingsan waktu salat Jumat di Masjid Agung Soreang, tidak bangun-bangun",
        "medical",
    ),
    (
        "Ayah saya sesak napas dan dadanya nyeri hebat, bibirnya membiru, butuh ambulans segera",
        "medical",
    ),
    ("ibu hamil di Desa Sukarame pendarahan hebat, bidan tidak bisa menangani", "medical"),
    ("Pak, anak tetangga kejang dan demam tinggi, ibunya sendirian, tolong", "medical"),
    ("Puluhan siswa keracunan makanan di SD Margahayu, muntah dan pingsan", "medical"),
    ("Emak kapiuhan di dapur, teu tiasa diajak ngobrol, tulung gancang", "medical"),
    ("Tolong ada begal di Jl. Gedebage, pengendara ojol dibacok, pelaku kabur", "violence"),
    ("Suami tetangga mukulin istrinya pakai kayu sekarang, anaknya teriak-teriak", "violence"),
    ("tawuran antar kampung di Cileunyi, ada yang bawa samurai, warga ketakutan", "violence"),
    ("Ada penodongan di angkot jurusan Soreang, penumpang diancam pisau", "violence"),
    ("Pencuri ketahuan warga, sekarang dikeroyok di lapangan, tolong polisi segera", "violence"),
    ("Aya jalma mabok ngamuk, mukulan jalma-jalma make batu di terminal", "violence"),
    ("Anak kecil hanyut di selokan besar saat hujan deras, warga masih mencari", "other"),
    ("Kabel PLN putus jatuh ke jalan, ada anak tersetrum, tolong matikan listrik", "other"),
    ("Ledakan di gudang petasan Ciparay, ada korban luka bakar", "other"),
    (
        "pohon tumbang menimpa mobil di Jl. Raya Banjaran, sopirnya masih terjebak di dalam",
        "other",
    ),
    ("Bekas kebakaran pabrik di Rancaekek jadi sarang tikus, mohon dibersihkan", None),
    ("Banjir tahun lalu menghanyutkan jembatan desa, sampai sekarang warga pakai rakit", None),
    ("kemarin air sempat masuk rumah tapi sekarang sudah surut, mohon saluran dibersihkan", None),
    ("Kalau nanti musim hujan, tolong siagakan perahu karet di Baleendah", None),
    ("Mohon antisipasi pohon tua di sepanjang Jl. Raya Soreang, takut tumbang", None),
    ("Lereng di belakang SD rawan longsor, mohon dibangun bronjong", None),
    ("Keluarga korban kecelakaan bus bulan lalu belum menerima santunan", None),
    ("Tolong buatkan polisi tidur, sering ada kecelakaan anak sekolah di sini", None),
    ("Pelatihan damkar untuk relawan kebakaran desa kapan dibuka lagi?", None),
    ("Ada berita hoaks tentang kebakaran pasar Soreang di grup WA", None),
    ("Warga minta pengecekan instalasi listrik pasar karena sering korsleting", None),
    ("Apakah rumah sakit daerah punya layanan ambulans 24 jam? mau simpan nomornya", None),
    ("Anak saya kemarin kejang, sekarang sudah stabil di rumah, terima kasih puskesmas", None),
    ("Sering terjadi jambret di Jl. Cibaduyut malam hari, mohon patroli", None),
    ("Pak, tolong data korban banjir di RW 04 diperbarui, ada yang belum terdata", None),
    ("Untuk pencegahan banjir, warga mau gotong royong bersihkan sungai Minggu depan", None),
    ("Bagaimana prosedur mengurus akta kematian korban kecelakaan?", None),
    ("Kemarin ada kebakaran kecil di dapur, sudah dipadamkan sendiri, cuma mau lapor ke RT", None),
    ("Kebakaran lahan tiap kemarau di bukit belakang desa, mohon penyuluhan ke petani", None),
    ("Jembatan retak setelah gempa tahun lalu, khawatir ambruk kalau dilewati truk", None),
    ("Saluran air mampet, kalau hujan sedikit saja jalan langsung tergenang", None),
    ("Apakah boleh membakar sampah di lahan sendiri?", None),
    ("Sirine peringatan dini banjir di Dayeuhkolot rusak, mohon diperbaiki", None),
    ("Tanah urugan proyek perumahan menutup saluran warga", None),
    ("Mohon bantuan bibit pohon untuk penghijauan bekas longsoran", None),
    ("Waktu kecelakaan kemarin, polisi lama datang, mohon pos polisi didekatkan", None),
    ("Stok darah di PMI Kabupaten Bandung menipis, ayo donor", None),
    ("Banjir promo di pasar murah kecamatan, warga antusias", None),
    ("Motor tetangga dicuri tadi malam, pelaku terekam CCTV, mohon ditindaklanjuti", None),
    ("Kapan ada pemeriksaan kesehatan gratis untuk lansia?", None),
    ("Perahu karet milik desa bocor, mohon diganti sebelum musim hujan", None),
    ("Saya mau tanya, rumah saya yang terbakar 2018 bisa ikut program bedah rumah?", None),
    ("Latihan evakuasi banjir untuk anak sekolah bagus sekali, terima kasih BPBD", None),
    ("Pohon yang tumbang minggu lalu belum diangkut, menghalangi jalan", None),
    ("saya khawatir kalau ada gempa, gedung sekolah anak saya sudah retak-retak", None),
    ("Min, film kebakaran hutan semalam di TV seru banget wkwk", None),
    ("Angkot sering berhenti mendadak di tikungan, hampir bikin tabrakan", None),
    ("Mohon izin penggunaan lapangan untuk latihan pemadam kebakaran", None),
    ("Tolong cek kondisi lansia sebatang kara di RW 03, sudah sakit-sakitan", None),
    ("Sudah aman pak, api sudah padam dan warga sudah pulang ke rumah masing-masing", None),
]
