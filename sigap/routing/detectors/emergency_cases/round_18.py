"""Round 18: 80 cases by a ninth author, written blind to the rules and to rounds 1 to 17.

40 emergencies in progress over all seven kinds and 40 tricky negatives, in the style of
WhatsApp messages to the Kabupaten Bandung Pemda. `Su` marks Sundanese, `Jv` Javanese.
Places are Kabupaten Bandung's; people and addresses are invented.
"""

Rows = list[tuple[str, str | None]]


_FIRE: Rows = [
    (
        "tlg pak di kp. Cibodas rt 03 Rancaekek ada asap item ngebul dr gudang kasur, "
        "apinya udh nyampe atap, warga lg nyiram pake ember 🔥🔥 cepet kirim mobil pemadam",
        "fire",
    ),
    (  # Su
        "punten gancang, imah bu Euis di Gg. Mawar Baleendah kahuruan, seuneuna geus "
        "ngagedean, aya budak keneh di jero!!",
        "fire",
    ),
    (
        "TOLONG!!! PASAR BANJARAN LAGI DILALAP SI JAGO MERAH, KIOS2 SEBELAH TIMUR UDH "
        "HABIS, APINYA MERAMBAT KE BLOK SAYUR",
        "fire",
    ),
    (  # Su
        "aya nu ngaduruk runtah di kebon tapi ayeuna seuneuna nyamber ka kebon awi "
        "jeung imah warga di Cimenyan, angin tarik, tulung damkar",
        "fire",
    ),
    (
        "Assalamualaikum min, sy mau komplain soal sampah di Jl. Sukamenak Margahayu yg "
        "udh 2 minggu gk diangkut, baunya kemana2 dan banyak lalat, truk DLH katanya "
        "rusak terus. Padahal kami bayar iuran tiap bulan. eh bentar ini tetangga sebelah "
        "teriak2, dapurnya kaya meledak kayanya tabung gas, asapnya udh masuk ke rumah "
        "saya, api keliatan dr jendela dia, tolong kirim pemadam sekarang",
        "fire",
    ),
    (  # Jv
        "mas tulung, pabrik tekstil cedhak omahku ning Majalaya kobong, genine gedhe "
        "banget, asepe ireng tekan ngendi-endi, buruhe isih akeh sing ning njero",
        "fire",
    ),
]

_FLOOD: Rows = [
    (
        "air di perum Bumi Asri Bojongsoang udh sepinggang orang dewasa dan naik terus, "
        "ada nenek2 gk bisa keluar rumah, butuh perahu karet skrg",
        "flood",
    ),
    (  # Su
        "cai Citarum ngabudal ka lembur, di Dayeuhkolot geus nepi ka dada, loba nu "
        "kajebak di luhur hateup, menta tulung parahu",
        "flood",
    ),
    (
        "Pak mohon bantuan evakuasi, Kampung Cieunteung Baleendah airnya sudah setinggi "
        "leher anak saya, kami di lantai 2, listrik mati, hp tinggal 10%",
        "flood",
    ),
    (  # Su
        "tanggul di Solokanjeruk bobol tadi subuh, caina ngagulung asup ka imah2, sawah "
        "geus teu katingali, barudak madrasah kajebak teu bisa balik",
        "flood",
    ),
    (
        "di Ciwidey barusan air bah dateng tiba2 dr atas!! lumpur + batang kayu kebawa "
        "arus, 2 motor keseret, ada bapak2 nyangkut di pohon minta tolong",
        "flood",
    ),
    (  # Jv
        "banyune mlebu omah wis sak weteng terus mundhak, ning Rancaekek cedhak tol, "
        "mbahku lumpuh ra iso mlaku, tulung dievakuasi saiki",
        "flood",
    ),
]

_LANDSLIDE: Rows = [
    (  # Su
        "gawir tukangeun imah pa Dadang di Pasirjambu ambrol, imahna katimbun taneuh, aya "
        "3 urang di jero can kaluar, urang keur ngali ku leungeun",
        "landslide",
    ),
    (
        "jalan raya Pangalengan km 12 ketutup tanah dr atas bukit, ada angkot ketimbun "
        "setengah, penumpangnya masih di dlm 😭",
        "landslide",
    ),
    (  # Su
        "taneuhna ngagugur deui ayeuna, geus nepi ka imah, di Cilengkrang, aya rengat "
        "gede jeung sora gemuruh, warga can kabeh ngungsi, kudu gancang",
        "landslide",
    ),
    (
        "Ibun desa Sudi: tanah dari lereng menimpa 2 rumah warga barusan, 1 anak blm "
        "ketemu, tanahnya masih gerak terus, butuh alat berat + tim SAR sekarang juga",
        "landslide",
    ),
    (
        "lereng di Kertasari deket kebun teh runtuh nimpa saung petani, 2 orang "
        "kekubur, warga gali pake cangkul tp gk nyampe2",
        "landslide",
    ),
]

_TRAFFIC: Rows = [
    (
        "laka di tanjakan Nagreg, truk rem blong nyeruduk 3 motor, ada yg kejepit di "
        "kolong truk, darahnya banyak, ambulans blm dtg",
        "traffic_accident",
    ),
    (  # Su
        "aya tabrakan di jalan Soreang-Banjaran, motor jeung elf, nu numpak motor "
        "ngagoler teu usik di tengah jalan, tulung ambulans",
        "traffic_accident",
    ),
    (
        "BUS TERGULING DI JALAN CIWIDEY-RANCABALI, PENUMPANG BANYAK YG LUKA, ADA YG "
        "NANGIS KEJEPIT KURSI",
        "traffic_accident",
    ),
    (
        "mobil pick up nyebur ke selokan di Katapang abis serempetan sama motor, "
        "sopirnya gk bisa keluar pintunya penyok, bensin netes",
        "traffic_accident",
    ),
    (  # Su
        "di bundaran Cileunyi arah tol aya mobil adu hareup beruntun, hiji mobil "
        "malang di tengah jalan, bensina ngocor, aya nu getihan keneh di jero",
        "traffic_accident",
    ),
    (  # Jv
        "ono bocah SMP ketabrak mobil boks ning prapatan Margahayu, sirahe getihen, "
        "sopire mlayu, tulung kirim ambulans",
        "traffic_accident",
    ),
]

_VIOLENCE: Rows = [
    (
        "ada tawuran pelajar di jl. Raya Cicalengka deket SMK, bawa celurit & gir, 1 anak "
        "udh kena bacok, polisi blm ada",
        "violence",
    ),
    (  # Su
        "tulung, salaki tatangga keur neunggeulan pamajikanana, ceurik ngajerit ti tadi, "
        "ayeuna kadenge sora barang peupeus, di Arjasari",
        "violence",
    ),
    (
        "saya dibuntutin 2 org pake motor dr Margaasih, tadi mereka nodongin pisau "
        "minta hp, skrg saya ngumpet di minimarket, mereka msh nunggu di luar",
        "violence",
    ),
    (
        "ada maling ketangkep di pasar Ciparay lg digebukin massa, udh berdarah2 "
        "kasian, bisa mati itu, tlg polisi dtg",
        "violence",
    ),
    (  # Su
        "aya jelema mabok mawa bedog ngamuk di warung, ngancam rek maehan, di "
        "Cangkuang, warga sieun",
        "violence",
    ),
    (  # Jv
        "konco kostku dikroyok wong limo ning ngarep kost Cileunyi, saiki isih "
        "digebuki, tulung polisi",
        "violence",
    ),
]

_MEDICAL: Rows = [
    (
        "bapak saya tiba2 jatuh di kamar mandi, mulutnya mencong, gk bisa ngomong, "
        "tangan kiri lemes. Di Soreang, ambulans desa gk aktif tlg",
        "medical",
    ),
    (  # Su
        "aya ibu hamil rek ngalahirkeun di jero angkot, geus bitu cai kawahna, di "
        "jalan Majalaya-Rancaekek, teu kaburu ka bidan",
        "medical",
    ),
    (
        "ANAK SAYA KELOJOTAN DAN BADANNYA PANAS BANGET, MATANYA KE ATAS, GIMANA INI "
        "RUMAH DI KUTAWARINGIN",
        "medical",
    ),
    (  # Su
        "emang2 tukang dagang ngagubrag di hareupeun masjid Cimaung, teu ngarenghap, "
        "beungeutna geus biru, aya nu bisa CPR?",
        "medical",
    ),
    (
        "sekeluarga 6 orang muntah2 dan pusing abis makan nasi kotak hajatan di "
        "Pameungpeuk, 1 anak udh lemes gk sadar",
        "medical",
    ),
    (
        "tetangga aki2 tinggal sendiri di Paseh, dr tadi gk nyaut, pas diintip dr jendela "
        "keliatan tergeletak di lantai, napasnya ngorok2",
        "medical",
    ),
]

_OTHER: Rows = [
    (
        "kabel PLN putus jatuh ke jalan di Baleendah, masih nyala percikannya, ada "
        "genangan air di situ, anak2 lagi main hujan2an deket situ",
        "other",
    ),
    (  # Su
        "aya budak tigebrus ka sumur heubeul di kebon, jerona kira2 10 meter, sorana "
        "masih kadenge ceurik, di Paseh",
        "other",
    ),
    (
        "bau gas nyengat bgt di satu gang di Margahayu, katanya pipa gas bocor, warga "
        "gk berani nyalain apa2, ada yg udh pusing",
        "other",
    ),
    (  # Su
        "tangkal kai gede rubuh nimpa imah di Pacet, hateupna ambruk, indung jeung orok "
        "kajepit di kamar",
        "other",
    ),
    (
        "ada yg keseret arus sungai Cisangkuy pas mandi di Banjaran, baru aja, "
        "warga lg nyari nyusurin sungai",
        "other",
    ),
]

_NEGATIVE: Rows = [
    (
        "bekas kebakaran pasar Banjaran bulan lalu puing2nya blm dibersihin sampe skrg, "
        "bau dan jadi sarang tikus",
        None,
    ),
    (  # Su
        "banjir taun kamari di Dayeuhkolot ngaruksak imah abdi, bantuanna iraha turun? "
        "tos ngadaptar ti bulan Maret",
        None,
    ),
    (
        "kemarin sore ada tabrakan di depan SPBU Cicalengka, skrg udh aman, cuma "
        "pembatas jalannya rusak tolong diperbaiki",
        None,
    ),
    (
        "kalo hujan deres dikit pasti banjir nih jalan Bojongsoang, drainasenya mampet, "
        "tolong dikeruk sebelum musim hujan",
        None,
    ),
    (  # Su
        "sieun longsor pa, tebing di tukangeun sakola di Pasirjambu geus rengat-rengat, "
        "mohon dicek ku dinas",
        None,
    ),
    (
        "mohon dipasang APAR di balai desa Cangkuang, soalnya gk ada sama sekali",
        None,
    ),
    (
        "wkwk banjir orderan bgt hari ini, makasih Sigap udah promosiin UMKM Katapang 🙏",
        None,
    ),
    (
        "pejabat desa pada kebakaran jenggot pas ada audit dana desa, lucu bgt",
        None,
    ),
    (
        "jalan Cijapati ini emang jalan maut, tiap bulan ada aja yg celaka, minta "
        "dipasang guard rail & lampu",
        None,
    ),
    (
        "Berapa nomor damkar Kab Bandung yg aktif 24 jam? buat disimpen aja",
        None,
    ),
    (  # Su
        "ambulans desa minggu kamari telat datang 2 jam waktu bapa abdi gering, ayeuna "
        "mah tos sehat, ngan hoyong ngalaporkeun pelayananna",
        None,
    ),
    (
        "hidran di depan kantor kecamatan Rancaekek bocor dan karatan, kayaknya gk pernah dicek",
        None,
    ),
    (
        "mau ajukan sosialisasi damkar soal bahaya kompor gas buat ibu2 PKK RW 05 "
        "Margaasih, prosedurnya gimana?",
        None,
    ),
    (
        "nonton film tentang tsunami td malem serem bgt, jd kepikiran rumah di "
        "Baleendah kalo ada gempa gmn ya jalur evakuasinya",
        None,
    ),
    (  # Su
        "data BPBD taun ieu aya 34 kajadian longsor di Kab Bandung, naha teu aya "
        "mitigasi di Kertasari?",
        None,
    ),
    (
        "berita di tv soal kebakaran hutan di Kalimantan bikin sedih, Kab Bandung ada "
        "program penggalangan bantuan gk?",
        None,
    ),
    (  # Jv
        "wingi bengi ono maling motor ning parkiran masjid Rancaekek, saiki wis "
        "dilaporke polisi, njaluk CCTV dipasang",
        None,
    ),
    (
        "rumah saya kerendam banjir awal tahun, sampe skrg lantai masih retak & tembok "
        "lembab, ada program perbaikan rumah gk?",
        None,
    ),
    (  # Su
        "abdi teh bade naros, upami aya kahuruan kedah nelepon ka mana? nomer damkar "
        "di Soreang sabaraha?",
        None,
    ),
    (  # Su
        "di lembur abdi unggal peuting aya nu nyetel lagu 'Seuneu Cinta' tarik pisan "
        "nepi ka jam 2, tolong ditegur",
        None,
    ),
    (
        "asap dari pembakaran sampah di TPS Cileunyi tiap sore masuk rumah, anak saya jd "
        "batuk2, tolong ditertibkan",
        None,
    ),
    (  # Su
        "jalan ka Pangalengan anu kamari katutup longsor ayeuna tos dibuka deui, hatur "
        "nuhun ka BPBD. Ngan aspalna rusak keneh",
        None,
    ),
    (
        "kemarin ada ribut2 antar pemuda di lapangan Ciparay, udh didamaikan pak RW, "
        "cuma minta patroli rutin aja",
        None,
    ),
    (
        "mau nanya prosedur klaim santunan Jasa Raharja buat korban laka kemarin, kakak "
        "saya masih dirawat di RS Al Ihsan",
        None,
    ),
    (  # Su
        "kamari peuting aya nu kapiuhan di pangajian, tapi tos dibawa ka puskesmas sareng "
        "tos damang. Naroskeun, aya ambulans siaga di desa Ciparay teu?",
        None,
    ),
    (
        "rumah kosong di blok C perum Soreang Indah udh lama ditinggal, atapnya hampir "
        "roboh, takut nimpa anak2 yg suka main di situ",
        None,
    ),
    (  # Su
        "caah taun 2010 mah nepi ka hateup di Baleendah, ayeuna mah alhamdulillah ngan "
        "samata suku. Hatur nuhun kolam retensina",
        None,
    ),
    (
        "kenapa sirine di pos damkar Baleendah tiap hari jam 12 bunyi? apa itu uji "
        "coba? bikin kaget",
        None,
    ),
    (  # Jv
        "tahun wingi omahku kebanjiran tekan dada, nganti saiki durung oleh ganti rugi, "
        "piye iki pak?",
        None,
    ),
    (  # Su
        "pasar malem di Ciwidey rame pisan nepi ka banjir jelema, parkir teu kaurus, "
        "macet nepi ka jalan raya",
        None,
    ),
    (  # Su
        "pa, lampu PJU di jalan Ciparay-Majalaya pareum kabeh, poek pisan, sok aya nu "
        "ragrag tina motor peuting",
        None,
    ),
    (
        "akun IG sigap kok lama bales? laporan saya soal pohon miring di Cimaung dr 2 "
        "minggu lalu blm ada tindakan",
        None,
    ),
    (
        "Selamat siang, saya warga Dayeuhkolot yg dulu rumahnya kena banjir besar 2016 "
        "dan sempat ngungsi 2 minggu di GOR, jadi dokumen2 saya banyak yg hilang waktu "
        "itu. Sekarang saya mau menanyakan soal pembuatan KTP anak saya yg sudah 3 bulan "
        "blm jadi juga, katanya blangko habis terus. Mohon infonya kapan bisa diambil di "
        "Disdukcapil, terima kasih",
        None,
    ),
    (
        "simulasi gempa di SD Negeri Cangkuang besok jam 9, mohon jangan panik kalau "
        "dengar bunyi sirine ya warga",
        None,
    ),
    (
        "yg fogging DBD di RW 07 Katapang td pagi asapnya tebel bgt sampe kaya ada yg "
        "kebakaran, lain kali tolong diinfo dulu",
        None,
    ),
    (  # Su
        "budak abdi kamari leungit 3 jam di Alun-alun Soreang, tapi tos kapendak. Usul, "
        "tolong aya pos informasi barudak leungit",
        None,
    ),
    (
        "viral di tiktok video orang kesetrum kabel di Bandung, itu dmn ya? takut "
        "daerah saya juga, kabel PLN di Cileunyi banyak yg ngegantung rendah",
        None,
    ),
    (
        "ada sarang tawon gede di plafon rumah, damkar bisa bantu evakuasi gk? gk "
        "urgent sih, tawonnya jarang keluar",
        None,
    ),
    (  # Su
        "naha ari kamari aya lini leutik karasa di Pangalengan? aya info ti BMKG teu? "
        "ayeuna mah tos aman",
        None,
    ),
    (
        "tolong dong jangan ada yg nyebar hoax lagi kalo waduk Saguling jebol, warga "
        "Margaasih panik semua padahal gk ada apa2",
        None,
    ),
]

ROUND_18: Rows = _FIRE + _FLOOD + _LANDSLIDE + _TRAFFIC + _VIOLENCE + _MEDICAL + _OTHER + _NEGATIVE
