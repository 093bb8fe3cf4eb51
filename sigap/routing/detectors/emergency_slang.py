"""Chat abbreviations and regional words of the emergency detector, by the canonical word they
stand for (the table format is emergency_lexicon's: `word: variant, variant (note)`).

Kept apart from the hazard and cue tables because it grows with every round of messages:
each new author brings Sundanese and Javanese words the rules have not seen.
"""

SLANG_TABLE = """
tolong:               tlg, tlng, tolongin, tulung (Jv), tulungan (Su), help
cepat:                cpt, cepet, cepetan, gage (Jv)
segera:               ndang (Jv)
segera:               sgr, sgra, gpl
darurat:              urgent, urgen, emergency
ambulans:             ambulance, ambulan
sekarang:             skrg, skrng, skr, skarang, ayeuna (Su), saiki (Jv)
sedang:               keur (Su), nuju (Su), sdg, lagek (Jv), saweg (Jv)
barusan:              bieu (Su: just now), nembe (Jv)
lagi:                 lg, lgi
masih:                msh, masi, isih (Jv)
kemarin:              kmrn, kmren, kemaren, kmaren, wingi (Jv), kamari (Su)
nanti:                mengko (Jv), engke (Su), ntar, nnti
besok:                sesuk (Jv), isukan (Su), bsk
bekas:                tilas (Jv/Su)
khawatir:             bisi (Su: lest)
setiap:               saben (Jv), unggal (Su)
sering:               kerep (Jv), sok (Su: often), srg
dulu:                 dlu, biyen (Jv), mbiyen (Jv), baheula (Su)
tadi:                 td, tdi
tahun:                th, thn, taun
bulan:                bln
minggu:               mgg
lalu:                 kepungkur (Jv), kapungkur (Su), kalawarsih (Su: last year)
sudah:                sdh, udh, udah, dah, wis (Jv), wes (Jv), uwis (Jv), geus (Su), atos (Su),
                      tos (Su), parantos (Su), sampun (Jv)
pernah:               pernh
tidak:                tdk, gak, ga, gk, nggak, ngga, enggak, engga, ndak, ora (Jv), teu (Su),
                      mboten (Jv), boten (Jv),
                      henteu (Su)
belum:                blm, blum, belom, durung (Jv), acan (Su), can (Su)
yang:                 yg
banyak:               bnyk, byk
karena:               krn, krna, karna, soale (Jv)
sampai:               sampe, sampek (Jv), nganti (Jv), smp
kalau:                klo, kalo, kl, klu, pabila, lek (Jv), nek (Jv), mun (Su), lamun (Su),
                      upami (Su), yen (Jv)
supaya:               spy
sepertinya:           kayaknya, kayake (Jv), kayane (Jv), sigana (Su), keliatannya, kelihatannya,
                      kyknya, kykny, kayanya, keknya, kyaknya
tiba:                 ujug (Su: ujug-ujug = suddenly)
ada:                  aya (Su), onok (Jv), wonten (Jv), ana (Jv)
bisa:                 iso (Jv), isa (Jv), tiasa (Su), bs, saged (Jv)
keluar:               metu (Jv), kaluar (Su)
hanyut:               palid (Su), kintir (Jv), keli (Jv)
tenggelam:            kalelep (Su), kelelep (Jv), ngalelep (Su), titeuleum (Su)
meninggal:            maot (Su), tilar (Jv)
tewas:                tiwas (Jv)
kecelakaan:           kacilakaan (Su), kcelakaan, kclkaan, kecelakan, kecelakaaan
dilindas:             dilindes (Jv), kalindes (Su)
membacok:             ngebacok, mbacok (Jv)
perampok:             garong
kebanjiran:           kabanjiran (Su), banjiran
mendadak:             ndadak (Jv)
seperti:              kyk, kayak, kaya, spt, sprt, koyok (Jv), koyo (Jv), siga (Su)
rumah:                rmh, omah (Jv), imah (Su)
jalan:                jln, jl
orang:                org, wong (Jv), jalma (Su)
air:                  cai (Su), banyu (Jv), toya (Jv), aer
api:                  seuneu (Su), geni (Jv), seuneuna (Su: its fire)
asap:                 haseup (Su)
banjir:               bnjr, bnjir
kebakaran:            kbakaran, kbkrn
longsor:              longsr
napas:                nafas
bernapas:             bernafas
sesak:                sesek
ditabrak:             katabrak (Su), ketabrak, ditubruk (Jv/Su), ketubruk
menabrak:             nubruk
tersetrum:            kesetrum, kesetrom, nyetrum
mengamuk:             ngamuk
menyengat:            nyengat
berkobar:             mubal (Jv), murub (Jv)
dalam:                njero (Jv), jero (Su/Jv)
tertimpa:             katindihan (Su), ketindihan (Jv), ketiban, katiban (Su), kejatuhan
merembes:             ngerembes, rembes
meluap:               luber, meluber, ngaluber (Su)
ular:                 oray (Su)
terendam:             kakeueum (Su), keleleb (Jv), kerendem, kerendam, karendem (Su)
bertambah:            nambihan (Su), nambahan (Su), tambah (`tambah tinggi`), nambah
naik:                 munggah (Jv), naek
jatuh:                terjatuh, tijalikeuh (Su), murag (Su), ragrag (Su), labuh (Su),
                      tigebrus (Su: fell into a hole or well), tigejrut (Su)
padam:                pareum (Su)
hilang:               leungit (Su), ilang
ditemukan:            kapendak (Su), kapanggih (Su), ketemu, katemu (Su/Jv)
mau:                  arep (Jv), rek (Su), bade (Su)
untuk:                pikeun (Su), kanggo (Su/Jv), kangge (Jv)
melompat:             nglumpat (Jv), nglompat (Jv), ngaluncat (Su), luncat (Su), loncat, lompat,
                      ngeloncat
bicara:               nyarios (Su), ngomong, ngobrol
sebelah:              sabeulah (Su)
badan:                awak (Su/Jv: body), awakna (Su)
digerakkan:           digerakkeun (Su), digerakke (Jv)
menyeruduk:           nyeruduk, nyruduk, nyeruduk
pisau:                peso (Su/Jv), lading (Jv)
luka:                 raheut (Su), tatu (Jv/Su)
runtuh:               rugrug (Su), ugrug (Su)
putus:                pegat (Su/Jv)
melempar:             ngalungkeun (Su), alungkeun (Su), malangan (Su), nyawat (Su)
saling:               silih (Su)
lemas:                lemes
asap:                 asep
dalam:                dalem
atap:                 genteng, hateup (Su)
keringat:             keringet, kesang (Su)
menyahut:             nyaut, nyahut, ngajawab (Su)
memegang:             megangin, megang, nyekel (Jv), nyepeng (Su)
jatuh:                jatoh
menimbun:             ngurugan (Su), ngurug (Su)
selesai:              rengse (Su), rampung (Jv)
dibawa:               dibantun (Su), digawa (Su), digowo (Jv)
pagi:                 enjing (Su), isuk (Su)
dari:                 ti (Su)
memukuli:             neunggeulan (Su), neunggeul (Su)
percikan:             ngaletik (Su: sparking)
sembuh:               mari (Jv), waras (Jv), cageur (Su)
menjerit:             ngajerit (Su), njerit (Jv)
memukuli:             ngagebugan (Su), ngagebug (Su), ngagebukan (Su)
dipukuli:             dipukulin, digebukin, digebuki (Jv), digebugan (Su), dikepruk (Jv)
tawuran:              tawur
celurit:              clurit
amblas:               ambles
khawatir:             kawatir, kwatir, hawatir, kuwatir
dikhawatirkan:        dikawatirkan
sungai:               walungan (Su)
anak anak:            barudak (Su)
anak:                 bocah, budak (Su: child)
terjebak:             kejebak, kajebak (Su)
menimpa:              nimpa
tercebur:             kecebur, kacebur (Su), nyemplung (Jv), kecemplung, kacemplung (Su)
memukuli:             mukulin, mukuli (Jv)
gas:                  elpiji, lpg
masuk:                asup (Su), mlebu (Jv)
ke:                   ka (Su), kana (Su)
lutut:                dengkul (Jv)
tertimbun:            ketimbun, katimbun (Su)
terguling:            ngaguling (Su)
berdarah:             getihan (Su), getihen (Jv)
terperosok:           nyungsep (`nyungsep ke jurang`), nyusruk (Su), kejeblos (Jv)
hitam:                item
tebal:                tebel
malam:                malem
mengungsi:            ngungsi
kecil:                leutik (Su), cilik (Jv)
ikut:                 melu (Jv), milu (Su)
bergerak:             gerak
saya:                 sy, sya, gw, gue
diikuti:              diikutin
mengancam:            ngancam, ngancem, mengancem
menguntit:            nguntit
menyeret:             nyeret
membunuh:             ngebunuh, maehan (Su), mateni (Jv)
bernapas:             ambegan (Jv), ambekan (Jv)
sampai:               nepi (Su: `nepi ka tuur` = up to the knee), tekan (Jv)
lutut:                tuur (Su)
pinggang:             cangkeng (Su), bangkekan (Su)
paha:                 pingping (Su)
perut:                beuteung (Su), weteng (Jv)
leher:                beuheung (Su)
betis:                bitis (Su)
lereng:               lamping (Su)
kejang:               kelojotan, kalojotan (Su) (not Jv `kejer`: `nangis kejer` is crying hard)
meluap:               ngabudal (Su: pouring over)
"""
