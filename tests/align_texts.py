"""Sentence pairs of our own writing (Indonesian, English), each on a topic of its own, for alignment tests
that run the real bundled encoder: which sentence belongs to which is then a question of meaning, as in use.
"""

from __future__ import annotations

#: ``PAIRS[k]`` is sentence k and its translation; no two pairs share a topic.
PAIRS: list[tuple[str, str]] = [
    ("Hujan deras turun di Bogor sejak Senin pagi.", "Heavy rain has been falling in Bogor since Monday morning."),
    ("Sungai Ciliwung meluap dan merendam ratusan rumah warga.",
     "The Ciliwung river burst its banks and flooded hundreds of homes."),
    ("Harga cabai di pasar tradisional naik dua kali lipat minggu ini.",
     "The price of chillies at traditional markets doubled this week."),
    ("Para pedagang mengatakan pasokan dari petani berkurang karena gagal panen.",
     "Traders said supplies from farmers had fallen because of a failed harvest."),
    ("Tim nasional bulu tangkis memenangi final di Istora Senayan.",
     "The national badminton team won the final at Istora Senayan."),
    ("Ribuan penonton bersorak sampai larut malam.", "Thousands of spectators cheered until late at night."),
    ("Pemerintah daerah membuka sekolah baru di sebuah desa terpencil di Papua.",
     "The regional government opened a new school in a remote village in Papua."),
    ("Guru-guru didatangkan dari kota terdekat dengan pesawat kecil.",
     "Teachers were flown in from the nearest town on a small plane."),
    ("Murid-murid pertama mulai belajar pada bulan Juli.", "The first pupils began lessons in July."),
    ("Sebuah kapal nelayan tenggelam di lepas pantai Sulawesi Utara.",
     "A fishing boat sank off the coast of North Sulawesi."),
    ("Seluruh awak kapal berhasil diselamatkan oleh tim SAR gabungan.",
     "All of the crew were rescued by a joint search and rescue team."),
]

#: English sentences that translate nothing in ``PAIRS`` (a translator's additions).
ADDED = ["The museum in the old town also shows a collection of wooden masks.",
         "Entry is free for children under twelve.",
         "Tickets can be bought online from next month."]


def source(k: int) -> str:
    return PAIRS[k][0]


def target(k: int) -> str:
    return PAIRS[k][1]
