"""Round 16: 80 cases by a seventh author, written blind to the rules and to rounds 1 to 15.

40 emergencies in progress over all seven kinds and 40 tricky negatives, in the style of
WhatsApp messages to the Kabupaten Bandung Pemda. `Su` marks Sundanese, `Jv` Javanese.
Places are Kabupaten Bandung's; people and addresses are invented.
"""

Rows = list[tuple[str, str | None]]

_FIRE: Rows = [
    (
        "min tolong!! rmh pa haji Endang di gg Mekarsari RT 03 Desa Sukamenak Margahayu "
        "keluar asap item dr atap, apinya udh gede bgt, orgnya msh di dlm kayanya 😭😭",
        "fire",
    ),
    (  # Su
        "punten min, ieu di pasar Banjaran aya kios nu kahuruan, seuneuna geus nepi ka "
        "kios gigireunana, damkar can datang keneh, gancang pisan nya",
        "fire",
    ),
    (
        "assalamualaikum min mau nanya dulu, kalo bikin KTP baru di Soreang bisa hari sabtu "
        "gak? eh bentar min itu gudang kasur di belakang rumah saya di Katapang ngebul, "
        "udah keluar api dr jendelanya, warga lagi nyiram pake ember tp ga ngaruh",
        "fire",
    ),
    (  # Jv
        "mas tulung, pabrik tekstil cedhak omahku ing Majalaya kobong, genine gedhe banget, "
        "buruh-buruh isih akeh sing durung metu. damkar nang endi iki",
        "fire",
    ),
    (
        "min kabel di tiang depan warung saya jl raya Cicalengka meletik2 terus nyamber ke "
        "spanduk, skrg atap warungnya udah nyala. saya sm anak2 udah keluar tp tabung gas "
        "masih di dalem",
        "fire",
    ),
    (  # Su
        "di kontrakan Cileunyi Wetan aya nu masak terus kompor na ngabeledug, ayeuna dapur "
        "na hurung, budak leutik aya keneh di kamar luhur!!",
        "fire",
    ),
]

_FLOOD: Rows = [
    (  # Su
        "min cai Citarum naek deui, di Dayeuhkolot kampung Bojongasih geus sapinggang, aya "
        "nini-nini teu bisa kaluar ti imahna, peryogi perahu karet ayeuna",
        "flood",
    ),
    (
        "banjir bandang dr arah gunung di Desa Cibodas Pasirjambu, air coklat bawa kayu2 gede, "
        "2 rumah di pinggir sungai kebawa arus, tolong kirim tim sar",
        "flood",
    ),
    (
        "pak air udah masuk rumah selutut dan terus naik, listrik mati, ibu saya pake kursi "
        "roda di lantai 1, kita di perum Bumi Rancaekek Kencana blok C, ga bisa keluar sendiri",
        "flood",
    ),
    (  # Jv
        "nyuwun tulung, banyu kali ing Baleendah munggah cepet banget, omahku wis kelebon "
        "sak dada, aku karo bayiku nang loteng",
        "flood",
    ),
    (
        "BOJONGSOANG DESA LENGKONG RT 5 AIR NAEK TERUS!! ANAK2 TK KEJEBAK DI SEKOLAHAN, "
        "GURU2 GA BISA NYEBRANGIN MEREKA",
        "flood",
    ),
    (  # Su
        "wilujeng enjing, punten ngganggu, abdi warga Solokanjeruk. tadi peuting hujan teu "
        "eureun2, ayeuna walungan Citarik limpas, caina asup ka imah2 gancang pisan, aya "
        "5 KK kakurung teu bisa kaluar",
        "flood",
    ),
]

_LANDSLIDE: Rows = [
    (
        "jalan raya Pangalengan arah Cukul tebingnya ambrol nimpa warung kopi, ada org "
        "ketimbun, warga gali pake tangan, tolong alat berat!!",
        "landslide",
    ),
    (  # Su
        "tebing tukangeun imah Bu Eti di Desa Tarumajaya Kertasari ragrag, imahna katimbun "
        "satengah, anakna masih di jero, warga keur ngali ku leungeun",
        "landslide",
    ),
    (
        "tanah di kampung kami Desa Lebakmuncang Ciwidey barusan amblas, retakannya makin "
        "lebar sambil bunyi gemuruh, 3 rumah udah miring dan orang2 masih di dalem",
        "landslide",
    ),
    (  # Jv
        "pak, lemah ing bukit sebelah sekolah Cimenyan mlorot, kelas paling mburi ketutup "
        "lemah, ana bocah loro durung ketemu",
        "landslide",
    ),
    (
        "min mau lapor jalan desa rusak di Ibun... eh bukan, barusan pas saya lewat tanah dr "
        "atas tebing turun lagi nutup jalan dan nimpa satu motor, pengendaranya kejepit, "
        "warga lagi usaha ngangkat",
        "landslide",
    ),
]

_TRAFFIC: Rows = [
    (
        "TABRAKAN BERUNTUN DI TANJAKAN NAGREG ARAH GARUT, TRUK REM BLONG NYERUDUK 3 MOBIL, "
        "ADA YG KEJEPIT DI DALEM, AMBULANS CEPET",
        "traffic_accident",
    ),
    (  # Su
        "di jl raya Soreang deukeut bunderan, motor ditabrak angkot, nu numpakna ngagoler di "
        "jalan teu usik2, getihna loba",
        "traffic_accident",
    ),
    (
        "pak saya sopir elf, barusan pemotor di depan saya di jalan Banjaran-Pangalengan "
        "nyusruk ke jurang kecil, motornya nindih badannya, orgnya ga jawab dipanggil",
        "traffic_accident",
    ),
    (  # Jv
        "mas ana wong ketabrak sepur neng perlintasan Rancaekek, sikile kejepit, isih urip "
        "tapi ora iso metu, tulung",
        "traffic_accident",
    ),
    (
        "bu saya guru SD di Cangkuang, murid kami barusan diserempet mobil pas nyebrang "
        "depan sekolah, mobilnya kabur, anaknya pingsan kepalanya bocor, kami bawa kemana ini??",
        "traffic_accident",
    ),
    (  # Su
        "punten kang, ieu di tol Soroja KM 10an arah Soreang aya mobil ngagulung, sigana aya "
        "nu kajepit di jero, haseup kaluar tina kap mesin",
        "traffic_accident",
    ),
]

_VIOLENCE: Rows = [
    (
        "pak ada tawuran pelajar di jl raya Ciparay bawa celurit, satu anak udah kena bacok "
        "tergeletak di pinggir jalan",
        "violence",
    ),
    (  # Su
        "tulungan, tatangga abdi di Margaasih nuju neunggeulan pamajikanna, awewena ngajerit "
        "menta tulung, budakna ceurik, abdi teu wani asup",
        "violence",
    ),
    (
        "min ada org mabok ngamuk di pos ronda Arjasari sambil ngacung2in golok, udah nyabet "
        "lengan satu bapak, warga pada ngumpet",
        "violence",
    ),
    (  # Jv
        "pak ana maling ketangkep, saiki diamuk massa ing pasar Cicalengka, wonge wis "
        "getihen, tulung polisi gek teka sadurunge mati",
        "violence",
    ),
    (
        "kak aku takut banget, ayah tiri aku mabuk lagi dan mukulin ibu aku pake gagang sapu, "
        "aku ngunci diri di kamar mandi, rumah di Katapang",
        "violence",
    ),
    (  # Su
        "aya begal di jalan sepi Cimaung arah Cikalong, babaturan abdi dibacok pas motorna "
        "rek dicokot, ayeuna masih getihan, pelakuna kabur ka leuweung",
        "violence",
    ),
]

_MEDICAL: Rows = [
    (
        "tolong min bapak saya tiba2 ga bisa ngomong, mulutnya mencong sebelah, tangan "
        "kirinya lemes, kami di Desa Sukamanah Paseh, ambulans puskesmas nomornya berapa??",
        "medical",
    ),
    (  # Su
        "pamajikan abdi bade ngalahirkeun, cai kawah geus pecah ti tadi, getihan loba, bidan "
        "teu aya di imahna, urang Kertasari jauh ka rumah sakit",
        "medical",
    ),
    (  # Jv
        "bu tulung, simbah ambruk nang kamar mandi, ora sadar, ambegane megap-megap, omah "
        "ing Rancaekek Kulon",
        "medical",
    ),
    (
        "saya guru, murid kelas 5 kejang2 ga berhenti udah 10 menit, bibirnya biru, "
        "SDN Bojongsoang 2",
        "medical",
    ),
    (
        "puluhan warga Kampung Cikoneng abis makan nasi kotak hajatan muntah2 dan ada yg "
        "pingsan, puskesmas Ciparay udah penuh, tolong kirim ambulans tambahan",
        "medical",
    ),
    (  # Su
        "min eta naon, anu... tatangga abdi nuju ngarit terus dipacok oray tiris, sukuna "
        "bareuh sareng anjeunna mimiti hese napas, di sawah Pameungpeuk",
        "medical",
    ),
]

_OTHER: Rows = [
    (
        "bau gas nyengat banget di kontrakan 10 pintu di Cileunyi, tabung 3kg bocor "
        "desis2, ada yg lagi masak di sebelah, kami panik",
        "other",
    ),
    (  # Su
        "aya budak nu tikerelep di Situ Cileunca, ayeuna can timbul deui, babaturanana "
        "ngajerit, teu aya nu bisa ngojay",
        "other",
    ),
    (
        "anak saya umur 4 thn ilang di alun2 Majalaya sejak 1 jam lalu, pake baju merah "
        "rambut dikuncir, tolong umumin 🙏🙏",
        "other",
    ),
    (  # Jv
        "ana cah lanang menek pager jembatan Citarum Dayeuhkolot, jare arep mlumpat, "
        "wong-wong ora wani nyedhaki",
        "other",
    ),
    (
        "pak ada kakek jatuh ke sumur tua di belakang masjid Desa Sangkanhurip Katapang, "
        "dalemnya sekitar 8 m, masih kedengeran suaranya, warga ga punya tali panjang",
        "other",
    ),
]

_NEGATIVE: Rows = [
    (
        "min kebakaran di pasar Majalaya minggu lalu itu korbannya udah dapet bantuan "
        "belum ya? kios ibu saya ikut hangus",
        None,
    ),
    (  # Su
        "tadi subuh aya seuneu di dapur tatangga tapi geus pareum ku warga, teu aya korban, "
        "ngan hoyong naros kumaha ngalaporkeun ka desa kanggo bantosan",
        None,
    ),
    (
        "kabel2 di gang kami semrawut bgt, takut kalau nanti korslet bisa kebakaran, bisa "
        "tolong dirapihin PLN ga min",
        None,
    ),
    (
        "mohon pengerukan sungai Cisangkuy sebelum musim hujan, tiap tahun kami kebanjiran "
        "di Pameungpeuk",
        None,
    ),
    (  # Su
        "abdi korban banjir Dayeuhkolot bulan kamari, bantuan sembako ti dinsos teu acan "
        "nampi, kedah ka saha ngadaptarna?",
        None,
    ),
    (
        "klaim jasa raharja buat kecelakaan motor adik saya bulan lalu di Cileunyi prosesnya "
        "gimana ya, berkas apa aja",
        None,
    ),
    (
        "min mau pesen ambulans buat antar ibu saya kontrol cuci darah ke RS Al Ihsan hari "
        "kamis jam 7 pagi, bisa?",
        None,
    ),
    (
        "bapak saya meninggal kemarin di rumah karena sakit jantung, ngurus akta kematian "
        "di disdukcapil Soreang syaratnya apa aja?",
        None,
    ),
    (
        "RT kami di Rancaekek mau ngajuin bantuan APAR sama pelatihan pemadaman, prosedurnya "
        "lewat kecamatan atau langsung ke damkar?",
        None,
    ),
    (
        "liat di tv longsor di Cianjur parah banget ya, semoga korban cepet ditemukan. "
        "Kab Bandung ada rencana kirim relawan ga?",
        None,
    ),
    (
        "di grup WA katanya ada penculikan anak di SD Ciparay pake mobil putih, bener ga "
        "sih min? kayaknya hoax deh soalnya fotonya sama kaya tahun lalu",
        None,
    ),
    (
        "besok jam 9 di SMPN 1 Baleendah ada simulasi gempa dan evakuasi kebakaran, jadi "
        "kalau ada sirine bunyi warga jangan panik ya",
        None,
    ),
    (  # Su
        "punten, pelatihan P3K jeung CPR kanggo kader posyandu di Banjaran teh iraha deui "
        "dibuka? hoyong ngiringan",
        None,
    ),
    (
        "min kantor kecamatan kebakaran jenggot ya pas bupati mau dateng 😂 tiba2 jalan "
        "ditambal semua",
        None,
    ),
    (  # Jv
        "sirahku meh njeblug mas, honor guru ngaji telat telu sasi, kapan dibayar?",
        None,
    ),
    (
        "ambulans puskesmas Cicalengka kemarin telat 2 jam pas jemput tetangga saya yg "
        "stroke, alhamdulillah sekarang udah stabil di RS, tapi tolong dievaluasi",
        None,
    ),
    (  # Su
        "perawat di IGD RSUD Soreang judes pisan ka indung abdi kamari, padahal nuju sesak "
        "napas. ayeuna mah tos mulih, ngan hoyong dilaporkeun sikepna",
        None,
    ),
    (
        "kalau ada kebakaran nomor damkar Kab Bandung berapa ya? mau saya tempel di pos ronda",
        None,
    ),
    (
        "DARURAT MIN!!! lampu PJU di jalan Cibiru Hilir Cileunyi mati total udah seminggu, "
        "gelap gulita, tolong segera!!",
        None,
    ),
    (
        "TOLONG SEGERA!! sampah di TPS pasar Baleendah numpuk 5 hari ga diangkut, baunya "
        "kaya bangkai, lalat dimana2",
        None,
    ),
    (  # Su
        "tatangga nuju hajatan dangdutan nepi ka jam 2 peuting, sorana tarik pisan, budak "
        "abdi teu tiasa sare, tulung ditegor",
        None,
    ),
    (
        "lubang di jalan raya Majalaya-Ciparay gede bgt kaya kolam, bahaya bisa bikin celaka, "
        "udah bbrp kali ada motor jatuh, tolong ditambal secepatnya",
        None,
    ),
    (
        "longsor yg nutup jalan ke Desa Mekarjaya Arjasari kemaren udah dibersihin alat "
        "berat, makasih pak, tapi tebingnya mohon dipasang bronjong",
        None,
    ),
    (  # Jv
        "tebing mburi omahku ing Cimenyan ana retakan cilik wiwit sasi wingi, aku wedi yen "
        "mengko udan gedhe dadi longsor, iso dicek petugas BPBD ora?",
        None,
    ),
    (  # Su
        "kacilakaan di Cileunyi minggu kamari nu viral tea, supirna geus ditewak acan?",
        None,
    ),
    (
        "mohon dipasang lampu merah di pertigaan Bojongsoang, tiap minggu ada aja tabrakan "
        "disitu, nunggu ada korban jiwa dulu?",
        None,
    ),
    (
        "semalam ada ribut2 di warung tuak Rancaekek tapi udah dibubarin polisi, mohon "
        "warungnya ditutup permanen",
        None,
    ),
    (
        "anak saya di SMP Katapang sering dibully dan pernah dipukul temennya bulan lalu, "
        "sekolah ga ada tindakan, saya harus lapor kemana?",
        None,
    ),
    (  # Su
        "kartu BPJS indung abdi teu aktif, padahal minggu payun kedah operasi katarak, "
        "kumaha ngaktifkeunana?",
        None,
    ),
    (
        "fogging dong min, di RW 07 Margahayu udah 3 anak kena DBD bulan ini, skrg udah pada "
        "sembuh tapi takut nambah",
        None,
    ),
    (
        "wkwk grup WA RT kami lagi kebakaran gara2 debat pilkades, admin tolong kirim "
        "damkar nya 🔥🔥",
        None,
    ),
    (  # Jv
        "aku kelelep tugas kantor, hehe. btw mas, jadwal car free day Soreang minggu iki ana ora?",
        None,
    ),
    (
        "kemarin tabung gas melon di rumah saya bocor, udah diganti sama agen. mau nanya "
        "aja, gas 3kg di Pangalengan kok langka terus?",
        None,
    ),
    (
        "makasih buat petugas yg kemaren bantu nyari anak saya yg ilang di Situ Patenggang, "
        "alhamdulillah udah ketemu lagi main di warung",
        None,
    ),
    (  # Su
        "monyet ti leuweung sok ngaruksak kebon sayur di Kertasari, unggal minggu, aya "
        "solusi teu ti dinas?",
        None,
    ),
    (
        "kalau Citarum meluap lagi malam ini, posko pengungsian terdekat di Baleendah "
        "dimana ya? biar siap2 aja, skrg sih air masih normal",
        None,
    ),
    (  # Su
        "tangkal kai ageung di sisi jalan Ciwidey tos rapuh, pang ditebang sateuacan usum "
        "angin, bilih ragrag",
        None,
    ),
    (
        "SOS!!! air PDAM mati 3 hari di perumahan Katapang, kami ga bisa mandi ga bisa masak",
        None,
    ),
    (
        "ini tes kirim laporan aja min, kalau ada kebakaran beneran balesnya cepet ga? 🙏",
        None,
    ),
    (  # Jv
        "jare tanggaku tanggul Citarum Dayeuhkolot jebol, tapi aku ora percaya, ning "
        "berita ora ana, banyune yo biasa wae. bener ora mas?",
        None,
    ),
]

ROUND_16: Rows = _FIRE + _FLOOD + _LANDSLIDE + _TRAFFIC + _VIOLENCE + _MEDICAL + _OTHER + _NEGATIVE
