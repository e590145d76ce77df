"""Build tests/data/align_hard/align.jsonl: a held-out Indonesian-English sentence-alignment set.

All text is our own: hand-written pairs (texts_a.py, texts_b.py) and template-generated pairs for the
repetitive genres (football results, weather per city, election counts, market prices), where many
sentences differ only in a name or a number. Non-1:1 beads are then made exactly like align-dev's recipe:
walk the pairs left to right; with p = 0.11 merge the next 2 (75 %) or 3 (25 %) sentences of ONE side
(ID or EN, 50/50) into one line; otherwise with p = 0.035 (never first or last) delete one side's sentence;
otherwise keep the pair. A document must contain at least one merge (else the next seed is tried). The
gold is exact by construction.

Run: python tests/data/align_hard/make_align_hard.py  (deterministic; rewrites align.jsonl)
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from texts_a import DIALOGUE, ECONOMY, HEADLINES  # noqa: E402
from texts_b import HEALTH, INTERVIEW, NAMES  # noqa: E402

Pair = tuple[str, str]


def _id_num(x: float, dec: int = 1) -> str:
    """Indonesian format: 1.234,5"""
    s = f"{x:,.{dec}f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


def _en_num(x: float, dec: int = 1) -> str:
    return f"{x:,.{dec}f}"


CLUBS = [("Persib Bandung", "Bandung"), ("Persija Jakarta", "Jakarta"), ("Arema FC", "Malang"),
         ("PSM Makassar", "Makassar"), ("Bali United", "Gianyar"), ("Persebaya Surabaya", "Surabaya"),
         ("PSIS Semarang", "Semarang"), ("Borneo FC", "Samarinda"), ("Persita Tangerang", "Tangerang"),
         ("Madura United", "Pamekasan"), ("Dewa United", "Tangerang"), ("Persik Kediri", "Kediri")]
SCORERS = ["Ciro Alves", "Marko Simic", "Dedik Setiawan", "Yakob Sayuri", "Irfan Jaya", "Bruno Moreira",
           "Septian David", "Stefano Lilipaly", "Ramadhan Sananta", "Wiliam Marcilio", "Egy Maulana", "Riko Simanjuntak"]


def football(rng: random.Random) -> list[Pair]:
    out: list[Pair] = [
        ("Hasil Pekan Ke-14 Liga 1", "Liga 1 Week 14 Results"),
        ("Persib Bandung memperlebar jarak di puncak klasemen setelah pekan ke-14 Liga 1.",
         "Persib Bandung extended their lead at the top of the table after week 14 of Liga 1."),
    ]
    clubs = CLUBS[:]
    rng.shuffle(clubs)
    for k in range(0, 12, 2):
        (h, city), (a, _) = clubs[k], clubs[k + 1]
        g1, g2 = rng.randint(0, 4), rng.randint(0, 3)
        if g1 > g2:
            out.append((f"{h} mengalahkan {a} {g1}-{g2} di {city}.", f"{h} beat {a} {g1}-{g2} in {city}."))
        elif g1 < g2:
            out.append((f"{h} kalah {g1}-{g2} dari {a} di kandang sendiri.", f"{h} lost {g1}-{g2} at home to {a}."))
        else:
            out.append((f"{h} bermain imbang {g1}-{g2} dengan {a}.", f"{h} drew {g1}-{g2} with {a}."))
        if g1 + g2:
            s = rng.choice(SCORERS)
            m = rng.randint(3, 90)
            out.append((f"Gol dicetak {s} pada menit ke-{m}.", f"{s} scored in the {m}th minute."))
        if rng.random() < 0.5:
            n = rng.randint(5, 30) * 1000
            out.append((f"Pertandingan disaksikan {_id_num(n, 0)} penonton.", f"The match was watched by {_en_num(n, 0)} spectators."))
        if rng.random() < 0.4:
            out.append(("\"Kami bermain bagus,\" kata pelatih tim tamu.", "\"We played well,\" the visiting coach said."))
    out += [
        ("Klasemen sementara:", "Standings:"),
    ]
    pts = sorted(rng.sample(range(12, 35), 5), reverse=True)
    for rank, (pt, (club, _)) in enumerate(zip(pts, CLUBS), 1):
        out.append((f"{rank}. {club}, {pt} poin", f"{rank}. {club}, {pt} points"))
    out += [
        ("Pekan depan, Persib bertandang ke markas Arema FC.", "Next week, Persib travel to Arema FC."),
        ("Laga itu akan disiarkan langsung pukul 19.00 WIB.", "The match will be broadcast live at 7 p.m. Western Indonesia Time."),
        ("Tiket sudah habis terjual.", "Tickets have sold out."),
    ]
    return out


CITIES = ["Jakarta", "Bandung", "Semarang", "Yogyakarta", "Surabaya", "Denpasar", "Medan", "Padang", "Palembang",
          "Pontianak", "Banjarmasin", "Makassar", "Manado", "Ambon", "Kupang", "Jayapura", "Mataram", "Pekanbaru",
          "Bengkulu", "Kendari"]
WEATHER = [("cerah berawan", "partly cloudy"), ("hujan ringan", "light rain"), ("hujan sedang", "moderate rain"),
           ("berawan", "cloudy"), ("hujan petir", "thunderstorms"), ("cerah", "sunny")]
WHEN = [("pagi", "morning"), ("siang", "afternoon"), ("sore", "late afternoon"), ("malam", "evening")]


def weather(rng: random.Random) -> list[Pair]:
    out: list[Pair] = [
        ("Prakiraan Cuaca Kamis", "Thursday Weather Forecast"),
        ("BMKG merilis prakiraan cuaca untuk kota-kota besar di Indonesia pada Kamis.",
         "BMKG released the weather forecast for Indonesia's major cities for Thursday."),
    ]
    for city in rng.sample(CITIES, 16):
        w_id, w_en = rng.choice(WEATHER)
        t_id, t_en = rng.choice(WHEN)
        lo = rng.randint(21, 26)
        hi = lo + rng.randint(5, 10)
        style = rng.random()
        if style < 0.4:
            out.append((f"{city}: {w_id} pada {t_id} hari, suhu {lo}-{hi} derajat Celsius.",
                        f"{city}: {w_en} in the {t_en}, temperature {lo}-{hi} degrees Celsius."))
        elif style < 0.8:
            out.append((f"Di {city}, cuaca diperkirakan {w_id} pada {t_id} hari.",
                        f"In {city}, the weather is expected to be {w_en} in the {t_en}."))
            out.append((f"Suhu berkisar antara {lo} dan {hi} derajat Celsius.",
                        f"Temperatures will range between {lo} and {hi} degrees Celsius."))
        else:
            h = rng.randint(60, 95)
            out.append((f"{city} {w_id}, kelembapan {h} persen.", f"{city} {w_en}, humidity {h} percent."))
    out += [
        ("Warga diimbau membawa payung.", "Residents are advised to carry an umbrella."),
        ("Gelombang setinggi 2,5 meter berpotensi terjadi di Laut Jawa.", "Waves as high as 2.5 metres may occur in the Java Sea."),
        ("Nelayan diminta berhati-hati.", "Fishermen are asked to be careful."),
    ]
    return out


PROVINCES = [("Aceh", "Aceh"), ("Sumatra Utara", "North Sumatra"), ("Sumatra Barat", "West Sumatra"),
             ("Riau", "Riau"), ("Jambi", "Jambi"), ("Lampung", "Lampung"), ("Banten", "Banten"),
             ("Jawa Barat", "West Java"), ("Jawa Tengah", "Central Java"), ("Jawa Timur", "East Java"),
             ("Bali", "Bali"), ("Nusa Tenggara Barat", "West Nusa Tenggara"), ("Kalimantan Barat", "West Kalimantan"),
             ("Kalimantan Timur", "East Kalimantan"), ("Sulawesi Selatan", "South Sulawesi"),
             ("Sulawesi Utara", "North Sulawesi"), ("Maluku", "Maluku"), ("Papua", "Papua")]


def election(rng: random.Random) -> list[Pair]:
    out: list[Pair] = [
        ("Hasil Hitung Suara Pemilihan Ketua Asosiasi Petani", "Vote Count in the Farmers' Association Chair Election"),
        ("Panitia menyelesaikan rekapitulasi suara dari 18 provinsi pada Minggu malam.",
         "The committee finished tallying votes from 18 provinces on Sunday night."),
        ("Ada dua kandidat: Hartono Wibisono dan Siti Aminah.", "There were two candidates: Hartono Wibisono and Siti Aminah."),
    ]
    for pid, pen in rng.sample(PROVINCES, 17):
        a = rng.randint(1000, 90000)
        b = rng.randint(1000, 90000)
        win = "Hartono" if a > b else "Siti"
        if rng.random() < 0.5:
            out.append((f"Di {pid}, Hartono meraih {_id_num(a, 0)} suara dan Siti {_id_num(b, 0)} suara.",
                        f"In {pen}, Hartono won {_en_num(a, 0)} votes and Siti {_en_num(b, 0)}."))
        else:
            pct = 100 * max(a, b) / (a + b)
            out.append((f"{win} unggul di {pid} dengan {_id_num(pct, 1)} persen suara.",
                        f"{win} led in {pen} with {_en_num(pct, 1)} percent of the vote."))
    out += [
        ("Secara nasional, Siti Aminah menang tipis.", "Nationally, Siti Aminah won narrowly."),
        ("Selisihnya hanya 3.412 suara.", "The margin was only 3,412 votes."),
        ("\"Saya menerima hasilnya,\" kata Hartono.", "\"I accept the result,\" Hartono said."),
        ("\"Terima kasih,\" kata Siti.", "\"Thank you,\" Siti said."),
        ("Tingkat partisipasi mencapai 71,8 persen.", "Turnout reached 71.8 percent."),
        ("Pelantikan dijadwalkan pada 1 Maret.", "The inauguration is scheduled for 1 March."),
    ]
    return out


GOODS = [("beras", "rice"), ("gula pasir", "granulated sugar"), ("minyak goreng", "cooking oil"),
         ("bawang merah", "shallots"), ("bawang putih", "garlic"), ("cabai merah", "red chilli"),
         ("telur ayam", "chicken eggs"), ("daging sapi", "beef"), ("daging ayam", "chicken"), ("tepung terigu", "wheat flour")]
MARKETS = ["Pasar Minggu", "Pasar Senen", "Pasar Kramat Jati", "Pasar Jatinegara"]


def prices(rng: random.Random) -> list[Pair]:
    out: list[Pair] = [
        ("Harga Pangan Hari Ini", "Food Prices Today"),
        ("Berikut harga rata-rata bahan pokok di pasar tradisional Jakarta pada Rabu.",
         "Here are the average prices of staples at Jakarta's traditional markets on Wednesday."),
    ]
    for gid, gen in GOODS:
        p = rng.randint(10, 140) * 500
        d = rng.choice([-1500, -500, 0, 500, 1000, 2000])
        unit_id, unit_en = ("liter", "litre") if gid == "minyak goreng" else ("kilogram", "kilogram")
        out.append((f"Harga {gid} Rp{_id_num(p, 0)} per {unit_id}.", f"The price of {gen} was Rp{_en_num(p, 0)} per {unit_en}."))
        if d > 0:
            out.append((f"Naik Rp{_id_num(d, 0)} dari pekan lalu.", f"Up Rp{_en_num(d, 0)} from last week."))
        elif d < 0:
            out.append((f"Turun Rp{_id_num(-d, 0)} dari pekan lalu.", f"Down Rp{_en_num(-d, 0)} from last week."))
        else:
            out.append(("Harganya stabil.", "The price was stable."))
    m = rng.choice(MARKETS)
    out += [
        (f"Harga tertinggi tercatat di {m}.", f"The highest prices were recorded at {m}."),
        ("Pemerintah menyiapkan operasi pasar di 45 titik.", "The government is preparing market operations at 45 locations."),
        ("Stok beras Bulog mencapai 1,2 juta ton.", "Bulog's rice stock reached 1.2 million tonnes."),
        ("Stok itu cukup hingga Maret.", "That stock is enough until March."),
        ("\"Masyarakat tidak perlu panik,\" kata Kepala Badan Pangan.", "\"The public need not panic,\" the head of the food agency said."),
        ("\"Tidak perlu memborong.\"", "\"There is no need to stockpile.\""),
    ]
    return out


def edit(pairs: list[Pair], rng: random.Random) -> tuple[list[str], list[str], list[tuple[list[int], list[int]]], int]:
    """align-dev's recipe: one walk, merges of one side (p=0.11), deletions of one side (p=0.035)."""
    src: list[str] = []
    tgt: list[str] = []
    gold: list[tuple[list[int], list[int]]] = []
    merges = 0
    k, n = 0, len(pairs)
    while k < n:
        r = rng.random()
        if r < 0.11:
            size = 2 if rng.random() < 0.75 else 3
            side = rng.choice("st")
            if k + size <= n:
                chunk = pairs[k:k + size]
                if side == "s":  # ID side merged -> 1:size
                    gold.append(([len(src)], list(range(len(tgt), len(tgt) + size))))
                    src.append(" ".join(p[0] for p in chunk))
                    tgt.extend(p[1] for p in chunk)
                else:
                    gold.append((list(range(len(src), len(src) + size)), [len(tgt)]))
                    src.extend(p[0] for p in chunk)
                    tgt.append(" ".join(p[1] for p in chunk))
                merges += 1
                k += size
                continue
        elif r < 0.11 + 0.035 and 0 < k < n - 1:
            if rng.random() < 0.5:
                gold.append(([len(src)], []))
                src.append(pairs[k][0])
            else:
                gold.append(([], [len(tgt)]))
                tgt.append(pairs[k][1])
            k += 1
            continue
        gold.append(([len(src)], [len(tgt)]))
        src.append(pairs[k][0])
        tgt.append(pairs[k][1])
        k += 1
    return src, tgt, gold, merges


def main() -> None:
    gen = random.Random(20261126)
    docs: list[tuple[str, str, list[Pair]]] = [
        ("hard-eco", "economy", ECONOMY),
        ("hard-dialogue", "fiction", DIALOGUE),
        ("hard-headlines", "news digest", HEADLINES),
        ("hard-names", "culture", NAMES),
        ("hard-interview", "interview", INTERVIEW),
        ("hard-health", "health", HEALTH),
        ("hard-football", "sport", football(gen)),
        ("hard-weather", "weather", weather(gen)),
        ("hard-election", "politics", election(gen)),
        ("hard-prices", "economy", prices(gen)),
    ]
    lines = []
    for k, (source, genre, pairs) in enumerate(docs):
        assert 25 <= len(pairs) <= 45, (source, len(pairs))
        for seed in range(100):
            src, tgt, gold, merges = edit(pairs, random.Random(1000 * k + seed))
            if merges:
                break
        lines.append(json.dumps({"doc_id": f"hard{k:03d}", "source": source, "genre": genre, "id": src,
                                 "en": tgt, "gold": gold, "seed": 1000 * k + seed}, ensure_ascii=False))
    (HERE / "align.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} documents to {HERE / 'align.jsonl'}")


if __name__ == "__main__":
    main()
