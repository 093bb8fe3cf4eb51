"""Round 18b: 13 dev cases written by the reviewer of round 18's rule changes.

Each one broke a change made after round 18 before it was narrowed: the suffix rule read
`makanya` ("that is why") as `makan` + `-nya` (and so `makanya korban` as the chronic `makan
korban`); rubbish, mud and ducks also `masuk selokan` / `masuk sawah` with a `tolong`; Jv
`nangis kejer` is crying hard, not a seizure; Su `adu hareup` also means "facing each other".
"""

Rows = list[tuple[str, str | None]]

ROUND_18B: Rows = [
    ("Motor jatuh di tikungan Cikancung, makanya korban gak bisa bangun", "traffic_accident"),
    ("Pohon tumbang di jl Soreang, makanya korban belum dievakuasi", "other"),
    ("pak ada motor terguling di jembatan, makanya korban msh di bawah", "traffic_accident"),
    ("Tolong, sampah dari pasar masuk ke selokan terus, air jadi hitam", None),
    ("Pak tolong segera, banyak sampah masuk ke parit depan SD", None),
    ("Tolong! kotoran ayam masuk selokan", None),
    ("Mohon segera, lumpur proyek tol masuk ke sawah warga", None),
    ("Segera pak, bebek warga masuk ke sawah tetangga jadi ribut", None),
    ("Gerobak sampah masuk parit, tolong segera diangkat", None),
    ("Warga nangis kejer rumahnya digusur tanpa pemberitahuan, tolong pak", None),  # Jv
    ("Anak tetangga nangis kejer karena dimarahi, tolong", None),  # Jv
    ("Tolong, warung adu hareup sareng masjid ngaganggu", None),  # Su
    ("anak2 pada nyebur ke kali tiap sore tolong dilarang bahaya", None),
]
