"""Round 14: 80 cases by a fifth author, written blind to the rules and to rounds 1 to 13.

40 emergencies in progress over all seven kinds and 40 tricky negatives, in the style of
WhatsApp messages to the Kabupaten Bandung Pemda. `Su` marks Sundanese, `Jv` Javanese.
Places are Kabupaten Bandung's; people and addresses are invented.
"""

Rows = list[tuple[str, str | None]]

_FIRE: Rows = [
    (
        "tolong pak rumah tetangga sy di kp. Cibodas RT 03 desa Sukamanah ciparay "
        "kebakaran, apinya udah nyambar ke atap sebelah, damkar mana ini 🔥🔥",
        "fire",
    ),
    (  # Su
        "Punten, ieu aya seuneu gede pisan di gudang kasur deukeut pasar Majalaya, "
        "haseupna hideung, cenah aya pagawe nu masih di jero keneh, gancang kirim "
        "damkar!!",
        "fire",
    ),
    (
        "asep tebel keluar dari dapur rumah bu Ecin gg mawar Katapang, orgnya masih di "
        "dalem, nenek2 gak bisa jalan sendiri. warga lagi nyiram pake ember tp malah "
        "makin gede",
        "fire",
    ),
    (
        "selamat malam min, mau nanya nomor damkar wilayah cileunyi berapa ya? soalnya "
        "ini lahan alang2 di belakang perum Griya Bumi Cileunyi lagi kebakar, angin "
        "kenceng, udah deket banget sama tembok rumah warga",
        "fire",
    ),
    (  # Jv
        "Tulung pak, omahe mbah Karto ing Rancaekek Wetan kobong, genine wis gedhe tekan "
        "payon, mbahe isih ning njero durung iso metu",
        "fire",
    ),
    (
        "PABRIK TEKSTIL DI JL MOH TOHA DAYEUHKOLOT TERBAKAR!!! karyawan shift malem masih "
        "pada kejebak di lantai atas, tolong kirim mobil pemadam sebanyak2nya",
        "fire",
    ),
]
_FLOOD: Rows = [
    (
        "min air citarum udh masuk rumah sepinggang di Andir Baleendah, masih naik terus, "
        "ada lansia & bayi di RT 05 blm dievakuasi. butuh perahu karet SEKARANG",
        "flood",
    ),
    (  # Su
        "Cai geus nepi ka dada di kampung Bojongasih Dayeuhkolot, barudak jeung kolot "
        "keur naraek ka para imah, tulungan kirim parahu karet",
        "flood",
    ),
    (
        "pak kami sekeluarga udah di atas genteng dari subuh, air coklat di bawah makin "
        "deres, hp mau lowbat. alamat perum Bumi Asri blok C no 12 Bojongsoang",
        "flood",
    ),
    (
        "sungai di desa Maruyung Pacet tiba2 meluap bawa kayu2 gede, barusan ada motor "
        "sama pengendaranya keseret arus ke bawah jembatan 😭",
        "flood",
    ),
    (  # Jv
        "Pak banyune wis mlebu omah sak dengkul lan isih mundhak terus, aku karo "
        "bocah-bocah ora iso metu soale dalane wis dadi kali. Rancaekek Kencana blok D",
        "flood",
    ),
    (
        "assalamualaikum bapak/ibu, maaf ganggu malem2. di kp Cieunteung Baleendah air "
        "sungai udah luber ke jalan & rumah, di bagian bawah udah se-leher orang dewasa, "
        "masih ada warga nyangkut di lantai 2 minta dijemput",
        "flood",
    ),
]
_LANDSLIDE: Rows = [
    (
        "longsor di jalan Pangalengan arah Cisanti deket kebun teh, 2 rumah ketimbun, "
        "suara minta tolong masih kedengeran dari bawah tanah",
        "landslide",
    ),
    (  # Su
        "Tebing tukangeun imah Mang Ujang di Kp. Cibeureum Kertasari ambruk, taneuhna "
        "ngurugan kamar, budakna keur sare di jero. warga keur ngali ku pacul",
        "landslide",
    ),
    (
        "tanah di atas kampung kami retaknya makin lebar dari tadi, kedengeran gemuruh & "
        "batu2 mulai jatuh ke rumah paling atas, warga desa Sukaluyu Pangalengan panik, "
        "mohon petugas segera",
        "landslide",
    ),
    (  # Jv
        "Pak, aku sopir truk saka Solo. Lemahe longsor nutup dalan Nagreg arah Garut, ana "
        "mobil pick up kependhem separo, sopire isih ning njero",
        "landslide",
    ),
    (
        "MIN TOLONG!! tebing cadas di jalan Ciwidey arah Rancabali runtuh nimpa warung "
        "pinggir jalan, yg punya warung belum ketemu",
        "landslide",
    ),
]
_TRAFFIC: Rows = [
    (
        "tabrakan beruntun di tol Purbaleunyi deket gerbang Cileunyi arah Jakarta, bus "
        "sama truk, banyak yg masih kejepit, ambulans blm dateng",
        "traffic_accident",
    ),
    (  # Su
        "Aya motor nabrak tihang di jalan Soreang-Banjaran, nu dibonceng ngagoler di "
        "jalan teu usik-usik, sirahna getihan",
        "traffic_accident",
    ),
    (  # Jv
        "Pak, ning turunan Nagreg truk reme blong nubruk angkot, penumpange akeh sing "
        "tatu, isih ono sing kejepit",
        "traffic_accident",
    ),
    (
        "barusan denger suara brakk kenceng bgt di perempatan Sapan, pas keluar ada mobil "
        "kebalik, sopirnya gak gerak, bensin netes2, warga belum berani deket",
        "traffic_accident",
    ),
    (
        "min ini pengaduan jalan rusak bisa lewat sini? eh tp skrg darurat dulu, depan "
        "pabrik di Rancaekek ada pejalan kaki ketabrak elf, orangnya kejang2 di aspal",
        "traffic_accident",
    ),
]
_VIOLENCE: Rows = [
    (
        "tolong ada tawuran pelajar di jembatan Dayeuhkolot, pada bawa celurit, udah ada "
        "yg kebacok, polisi belum ada",
        "violence",
    ),
    (  # Su
        "Di imah hareupeun, salakina keur neunggeulan pamajikanana, budakna ceurik "
        "ngajerit, ayeuna kadenge sora barang dibantingkeun. Ciparay, Desa Sarimahi",
        "violence",
    ),
    (
        "pak ada maling motor ketangkep warga di Margahayu, skrg lagi digebukin rame2, "
        "orangnya udah berdarah2, tolong polisi cepet sebelum mati",
        "violence",
    ),
    (  # Jv
        "Tulung, bojoku ngamuk nggowo lading, aku ndhelik ning kamar mandi karo anakku. "
        "omahku Perum Margaasih Indah",
        "violence",
    ),
    (
        "ada cowo mabok ngacung2in golok di depan minimarket Cileunyi Wetan, ngejar2 "
        "orang, pembeli pada ngumpet di dalem",
        "violence",
    ),
    (
        "begal di jalan sepi Arjasari arah Pinggirsari, temen saya ditusuk perutnya, "
        "pelaku kabur, saya lagi nahan darahnya pake jaket",
        "violence",
    ),
    (  # Su
        "Punten pa, aya rombongan ormas keur ngaruksak lapak jeung ngancam padagang ku "
        "bedog di Pasar Banjaran, ayeuna keneh",
        "violence",
    ),
]
_MEDICAL: Rows = [
    (
        "tolong kirim ambulans ke masjid Al-Ikhlas Katapang, ada jamaah tiba2 ambruk pas "
        "sholat, gak napas, bibirnya biru",
        "medical",
    ),
    (  # Su
        "Indung abdi ujug-ujug teu tiasa nyarios, beungeutna merot ka kenca, leungeunna "
        "teu tiasa diangkat. Desa Cinanggela Pacet, puskesmas tebih, nyuhunkeun ambulan",
        "medical",
    ),
    (
        "anak sy 2 th demam tinggi skrg kejang2 matanya ke atas, sy di Pameungpeuk gak "
        "ada kendaraan tolongg",
        "medical",
    ),
    (  # Jv
        "Pak bojoku meh nglairke, ketubane wis pecah lan getihe metu akeh, bidan ora iso "
        "dihubungi. Solokanjeruk",
        "medical",
    ),
    (
        "siang bu, saya guru SMP di Cikancung. mau lapor ada 14 murid muntah2 & pusing "
        "abis makan nasi kotak acara sekolah, 3 anak lemes banget gak bisa bangun",
        "medical",
    ),
    (
        "bapak2 di pos ronda Cilengkrang tiba2 megangin dada trus jatoh, keringet dingin, "
        "skrg gak nyaut dipanggil, kami lagi pompa dadanya",
        "medical",
    ),
]
_OTHER: Rows = [
    (
        "bau gas nyengat bgt dari rumah kosong sebelah di komplek Sukamenak Indah "
        "Margahayu, kayanya tabung bocor, tetangga ada yg mau nyalain kompor, tolong "
        "cepet",
        "other",
    ),
    (  # Su
        "Budak abdi umur 5 taun leungit ti tadi asar di alun-alun Soreang, tos dipilarian "
        "teu kapendak, nganggo baju beureum",
        "other",
    ),
    (  # Jv
        "Ono bocah cilik kecemplung sumur ning mburi omahe Pak RT, Desa Lengkong "
        "Bojongsoang, isih krungu nangis",
        "other",
    ),
    (
        "ada cewe duduk di pinggir pager jembatan Citarum Baleendah udah 30 menit, nangis "
        "terus bilang mau lompat, kami lagi ajak ngobrol, tolong kirim petugas",
        "other",
    ),
    (
        "kabel PLN putus jatuh ke genangan depan SD di Rancamanyar, nyetrum, ada kucing "
        "mati disitu, bentar lagi anak2 sekolah lewat",
        "other",
    ),
]
_NEGATIVE: Rows = [
    (
        "min mau nanya bantuan utk korban banjir minggu lalu di Dayeuhkolot kapan "
        "cairnya? kasur sm beras udah habis",
        None,
    ),
    (  # Su
        "Kamari aya kahuruan di Pasar Ciparay, ayeuna tos pareum. mung bade naroskeun "
        "padagang nu lapakna kaduruk aya bantosan teu?",
        None,
    ),
    (
        "jalan depan SMAN 1 Bojongsoang tiap ujan pasti banjir semata kaki, mohon "
        "drainasenya diperbaiki, udah bertahun2 gini",
        None,
    ),
    (
        "takut nanti longsor kalo hujan terus, tebing di belakang rumah di Cimenyan udah "
        "ada retakan kecil, bisa dicek dinas ga?",
        None,
    ),
    (  # Jv
        "Wingi ana tabrakan ning perempatan Cangkuang, saiki korbane wis ning RS lan wis "
        "stabil. aku mung arep takon rekaman CCTV-ne iso dijaluk ora",
        None,
    ),
    (
        "bener ga besok jam 9 ada simulasi kebakaran di kantor kecamatan Soreang? biar "
        "warga gak panik kalo liat asap & denger sirine",
        None,
    ),
    (
        "hoax itu min yg nyebar di grup wa katanya jembatan di Majalaya ambruk, saya "
        "barusan lewat aman2 aja. tolong diklarifikasi",
        None,
    ),
    (
        "lagi nonton berita, ada banjir bandang di Garut ya? semoga warga kab Bandung aman2 aja 🙏",
        None,
    ),
    (  # Su
        "Bade naroskeun, kumaha carana nyuhunkeun APAR kanggo masjid di Desa Jelekong? "
        "sieun aya kahuruan",
        None,
    ),
    (
        "anjir siang ini panas bgt kaya kebakaran, AC di kantor desa mati min 😂 tolong diservis",
        None,
    ),
    (
        "pak kemarin ambulans desa dipake buat nganter pengantin, pas warga butuh malah "
        "gak ada. tolong ditegur kadesnya",
        None,
    ),
    (
        "saya mau daftar jadwal ambulans buat bawa ibu saya cuci darah hari kamis ke RSUD "
        "Soreang, gimana caranya?",
        None,
    ),
    (  # Jv
        "Kulo ajeng takon, klaim Jasa Raharja kanggo kecelakaan sasi wingi niku ngurus "
        "ning pundi nggih?",
        None,
    ),
    (
        "api udah padam kok min, tadi cuma korsleting kecil di dapur warga Rancaekek, "
        "damkar udah dateng & pulang. lapor aja biar tercatat",
        None,
    ),
    (  # Su
        "Tos rengse, korban nu katabrak tadi enjing tos dibantun ka RSUD Majalaya sareng "
        "tos stabil. hatur nuhun ka petugas nu gancang dongkap",
        None,
    ),
    (
        "bekas kebakaran gudang di Katapang udah 3 bulan dibiarin, puing2nya bau & jadi "
        "sarang tikus, kapan dibersihin?",
        None,
    ),
    (
        "anak2 SD di Banjaran katanya mau ada latihan evakuasi gempa, orang tua perlu jemput ga?",
        None,
    ),
    (
        "harga cabe di pasar Baleendah udah kaya bom meledak min, naik 3x lipat, tolong disidak",
        None,
    ),
    (  # Su
        "Lampu PJU di jalan ka Cibeusi pareum tos saminggu, poek pisan, sieun aya begal",
        None,
    ),
    (
        "pelatihan P3K buat kader posyandu Cikancung kapan diadain lagi? kemaren ada yg "
        "pingsan pas posyandu dan kami bingung harus ngapain",
        None,
    ),
    (
        "kok pengerukan sungai Cisangkuy di Pameungpeuk berhenti? nanti musim hujan pasti "
        "banjir lagi",
        None,
    ),
    (  # Jv
        "Pak, laporan 'ana maling' sing dikirim anakku mau bengi iku mung guyonan, ora "
        "ana apa-apa, nyuwun ngapura",
        None,
    ),
    (
        "mau laporin tetangga yg tiap sore bakar sampah di Margaasih, asepnya masuk "
        "rumah, anak saya jadi batuk2",
        None,
    ),
    (
        "tahun lalu rumah saya kena longsor di Pasirjambu dan dijanjiin relokasi, sampe "
        "skrg blm ada kabar. tolong ditindaklanjuti",
        None,
    ),
    (  # Su
        "Tadi wengi aya nu gelut di lapang bal Desa Cangkuang, tos dipisahkeun ku hansip. "
        "ngan hoyong ngalaporkeun supados aya patroli",
        None,
    ),
    (
        "gimana cara ngurus surat keterangan kehilangan dari kecamatan? dompet saya ilang "
        "pas banjir kemaren",
        None,
    ),
    (
        "anak2 karang taruna Cileunyi tiap malem 'perang' main ML di balai RW sampe jam "
        "2, teriak2 berisik, bisa ditertibin ga min 🙏",
        None,
    ),
    (  # Jv
        "Kali cedhak omahku ning Rancaekek saben udan mesthi mbludak, tulung dikeruk "
        "sakdurunge musim udan",
        None,
    ),
    (
        "postingan IG yg viral soal kebakaran hutan di Kertasari itu video lama 2019 ya "
        "min, bukan sekarang",
        None,
    ),
    (
        "film tadi malem di TV tentang tsunami serem bgt, anak saya jadi takut tidur. ada "
        "sosialisasi bencana buat sekolah ga?",
        None,
    ),
    (
        "Puskesmas Cimaung pelayanannya lama banget, ibu saya sesak napas kemaren harus "
        "nunggu 3 jam baru diperiksa. skrg udah mendingan sih",
        None,
    ),
    (  # Su
        "Punten, naha hidran di komplek Bumi Kopo Kencana tos lami teu aya caian? upami "
        "aya kahuruan kumaha",
        None,
    ),
    (
        "tolong dong jembatan gantung di Ibun udah goyang2 & papannya bolong, ngeri nanti "
        "ada yg jatuh",
        None,
    ),
    (
        "laporan pertanggungjawaban dana tanggap darurat banjir Baleendah 2023 bisa "
        "diakses dimana?",
        None,
    ),
    (  # Jv
        "Pak, wit gedhe ning pinggir dalan Paseh wis doyong, yen ana angin gedhe iso "
        "ambruk, tulung dipangkas",
        None,
    ),
    (
        "tetangga saya kalo karaoke suaranya kaya orang minta tolong kebakaran, tiap "
        "malem sampe jam 1, mohon ditegur 🙏",
        None,
    ),
    (  # Su
        "Abdi hariwang bilih caah deui siga taun kamari di Cieunteung, naha tos aya "
        "rencana pompa anyar?",
        None,
    ),
    (
        "dana santunan buat keluarga korban meninggal ketimbun longsor di Cimenyan bulan "
        "lalu udah cair blm ya?",
        None,
    ),
    (
        "bapak saya kena serangan jantung 2 minggu lalu, skrg udah pulang dr RS. mau "
        "nanya BPJS nya kok ditolak pas kontrol?",
        None,
    ),
    (
        "tadi siang anak2 pramuka SMP Ciparay latihan nolong korban tenggelam di kolam "
        "renang, keren min, lanjutkan 👍",
        None,
    ),
]
ROUND_14: Rows = _FIRE + _FLOOD + _LANDSLIDE + _TRAFFIC + _VIOLENCE + _MEDICAL + _OTHER + _NEGATIVE
