"""The sentence splitter: a golden table of cases per error class, its invariants, its word lists and --lines.

Why a table: each row is one class of mistake that general splitters make on Indonesian text; a change to
the rules that breaks a class shows up as the row's id. Known failures stay in the table as strict xfails,
so that fixing one is noticed (and the mark removed) instead of silently passing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.segment.rules import Abbreviations, load_abbreviations
from pipeline.segment.splitter import sentence_spans

ROOT = Path(__file__).resolve().parents[2]

# (id, text, expected sentences). Written from the error classes of the issue, not copied from any data set.
GOLDEN_ID: list[tuple[str, str, list[str]]] = [
    # --- abbreviations and titles before names ---
    ("titles-before-names",
     "Pertemuan dihadiri Prof. Dr. Ir. H. Ahmad Syafii dan Hj. Siti Aminah. Mereka membahas anggaran.",
     ["Pertemuan dihadiri Prof. Dr. Ir. H. Ahmad Syafii dan Hj. Siti Aminah.", "Mereka membahas anggaran."]),
    ("lower-dr-and-address",
     "Ia diperiksa dr. Rina di RS. Harapan, Jl. Sudirman No. 12, Kec. Menteng, Kab. Bogor. Hasilnya baik.",
     ["Ia diperiksa dr. Rina di RS. Harapan, Jl. Sudirman No. 12, Kec. Menteng, Kab. Bogor.", "Hasilnya baik."]),
    ("honorifics-tn-ny-sdr-bpk",
     "Tn. Ali, Ny. Tien dan Sdr. Andi bertemu bpk. Lurah di Kel. Cempaka. Pertemuan berlangsung singkat.",
     ["Tn. Ali, Ny. Tien dan Sdr. Andi bertemu bpk. Lurah di Kel. Cempaka.", "Pertemuan berlangsung singkat."]),
    ("degrees-after-name",
     "Sidang dipimpin Budi Santoso, S.H., M.H. dan Rina Wati, S.Kom. yang baru dilantik. Sidang ditunda.",
     ["Sidang dipimpin Budi Santoso, S.H., M.H. dan Rina Wati, S.Kom. yang baru dilantik.", "Sidang ditunda."]),
    ("degree-ends-sentence",
     "Pembicara utama adalah Rina Wati, S.Kom. Acara itu dibuka pukul sembilan.",
     ["Pembicara utama adalah Rina Wati, S.Kom.", "Acara itu dibuka pukul sembilan."]),
    ("degree-after-comma-vs-initials",
     "Sidang dipimpin Budi Santoso, S.H. Budi dikenal tegas. Novel S.H. Mintardja laris.",
     ["Sidang dipimpin Budi Santoso, S.H.", "Budi dikenal tegas.", "Novel S.H. Mintardja laris."]),
    ("company-pt-cv-tbk",
     "Saham PT. Bank Rakyat Indonesia Tbk. naik, sementara CV. Maju Jaya merugi. Investor lega.",
     ["Saham PT. Bank Rakyat Indonesia Tbk. naik, sementara CV. Maju Jaya merugi.", "Investor lega."]),
    ("company-suffix-ends-sentence",
     "Kontrak diteken dengan PT Astra International Tbk. Perseroan akan membangun pabrik baru.",
     ["Kontrak diteken dengan PT Astra International Tbk.", "Perseroan akan membangun pabrik baru."]),
    ("inc-ends-sentence",
     "Satelit itu dimiliki GeoEye Inc. Seperti satelit sebelumnya, ia mengorbit rendah.",
     ["Satelit itu dimiliki GeoEye Inc.", "Seperti satelit sebelumnya, ia mengorbit rendah."]),
    ("company-suffix-before-bracket-or-lower-case",
     "Saham Apple Inc. (AAPL) naik, dan PT Telkom Indonesia (Persero) Tbk. atau Telkom untung. Pasar lega.",
     ["Saham Apple Inc. (AAPL) naik, dan PT Telkom Indonesia (Persero) Tbk. atau Telkom untung.", "Pasar lega."]),
    ("shortened-given-names",
     "Proklamasi dibacakan oleh Ir. Soekarno dan Drs. Moh. Hatta. Buku Prof. Muh. Yamin dan Abd. Rahman dibaca.",
     ["Proklamasi dibacakan oleh Ir. Soekarno dan Drs. Moh. Hatta.",
      "Buku Prof. Muh. Yamin dan Abd. Rahman dibaca."]),
    ("police-ranks-and-pkl",
     "Kapolda Irjen Pol. Drs. Budi Santoso tiba pkl. 10.00 WIB. Ia didampingi Kombes Pol. Andi.",
     ["Kapolda Irjen Pol. Drs. Budi Santoso tiba pkl. 10.00 WIB.", "Ia didampingi Kombes Pol. Andi."]),
    ("bracketed-title-before-name",
     "Jenderal TNI (Purn.) Moeldoko hadir. Ia berpidato singkat.",
     ["Jenderal TNI (Purn.) Moeldoko hadir.", "Ia berpidato singkat."]),
    ("honorific-chain-with-degrees-ends-sentence",
     "Acara dibuka oleh Prof. Dr. H. Ahmad Syafii, S.H., M.H. Ia adalah rektor. Bupati Hj. Ade Yasin, S.H., M.H. "
     "meresmikan pasar.",
     ["Acara dibuka oleh Prof. Dr. H. Ahmad Syafii, S.H., M.H.", "Ia adalah rektor.",
      "Bupati Hj. Ade Yasin, S.H., M.H. meresmikan pasar."]),
    ("persero-tbk-ends-sentence",
     "Dana itu disalurkan melalui PT Bank Rakyat Indonesia (Persero) Tbk. Bank itu mencatat laba. Saham "
     "PT Bank Central Asia Tbk. (BBCA) naik.",
     ["Dana itu disalurkan melalui PT Bank Rakyat Indonesia (Persero) Tbk.", "Bank itu mencatat laba.",
      "Saham PT Bank Central Asia Tbk. (BBCA) naik."]),
    ("phone-extension",
     "Hubungi Telp. (021) 1234567 ext. 9 untuk info. Layanan buka pukul 08.00 WIB.",
     ["Hubungi Telp. (021) 1234567 ext. 9 untuk info.", "Layanan buka pukul 08.00 WIB."]),
    ("place-suffix-dc-ends-sentence",
     "Ia mengatakan hal itu di Washington D.C. Pernyataan itu dikutip media.",
     ["Ia mengatakan hal itu di Washington D.C.", "Pernyataan itu dikutip media."]),
    ("et-al-before-year",
     "Smith et al. (2020) menemukan hal serupa. Temuan itu dikutip luas.",
     ["Smith et al. (2020) menemukan hal serupa.", "Temuan itu dikutip luas."]),
    ("month-abbreviation-before-year",
     "Aturan itu berlaku sejak 12 Jan. 2020 dan diubah 5 Agt. 2021. Aturan baru lebih ketat.",
     ["Aturan itu berlaku sejak 12 Jan. 2020 dan diubah 5 Agt. 2021.", "Aturan baru lebih ketat."]),
    ("company-suffix-after-stray-period",
     "Usaha patungan dibentuk dengan Hyundai Merchant Marine. Co. Ltd. dari Korea. Nilainya besar.",
     ["Usaha patungan dibentuk dengan Hyundai Merchant Marine. Co. Ltd. dari Korea.", "Nilainya besar."]),
    ("dkk-ends-sentence",
     "Penelitian itu ditulis oleh Suharto dkk. Mereka meneliti padi.",
     ["Penelitian itu ditulis oleh Suharto dkk.", "Mereka meneliti padi."]),
    ("dll-ends-sentence",
     "Ia membeli buku, pensil, penggaris, dll. Setelah itu ia pulang.",
     ["Ia membeli buku, pensil, penggaris, dll.", "Setelah itu ia pulang."]),
    ("dsb-tsb-mid-sentence",
     "Barang seperti sabun, sampo, dsb. dijual murah di toko tsb. sejak pagi. Pembeli antre.",
     ["Barang seperti sabun, sampo, dsb. dijual murah di toko tsb. sejak pagi.", "Pembeli antre."]),
    ("hlm-an-sd",
     "Lihat hlm. 45 untuk surat a.n. Direktur yang berlaku 1 s.d. 5 Mei. Surat itu asli.",
     ["Lihat hlm. 45 untuk surat a.n. Direktur yang berlaku 1 s.d. 5 Mei.", "Surat itu asli."]),
    ("title-then-sentence-opener",
     "Rapat dipimpin oleh Kepala Desa. Ia didampingi Sekretaris Kec. Mereka tiba pagi.",
     ["Rapat dipimpin oleh Kepala Desa.", "Ia didampingi Sekretaris Kec.", "Mereka tiba pagi."]),
    ("upper-case-spelling-of-listed-abbreviation",
     "Kantornya di JL. Gatot Subroto NO. 3 Jakarta. Kantor itu baru.",
     ["Kantornya di JL. Gatot Subroto NO. 3 Jakarta.", "Kantor itu baru."]),
    ("rp-with-period",
     "Harga tiket Rp. 50.000 per orang. Anak-anak gratis.",
     ["Harga tiket Rp. 50.000 per orang.", "Anak-anak gratis."]),
    ("military-ranks",
     "Upacara dipimpin Brigjen. Agus dan Kol. Inf. Bambang. Upacara berjalan khidmat.",
     ["Upacara dipimpin Brigjen. Agus dan Kol. Inf. Bambang.", "Upacara berjalan khidmat."]),
    ("unlisted-short-abbreviation-before-lower-case",
     "Dalam zoologi, sisik (Ingg. scale, Lat. squama) melindungi kulit. Sisik ikan keras.",
     ["Dalam zoologi, sisik (Ingg. scale, Lat. squama) melindungi kulit.", "Sisik ikan keras."]),
    ("abbreviations-inside-brackets",
     "Honje hutan (E. hemisphaerica (Bl.) RM Smith) rasanya asam. Bandara Sultan Syarif Kasim II (SSK. II) "
     "ramai. (Ia lahir 1900. Ia wafat 1950.) Makamnya di Solo.",
     ["Honje hutan (E. hemisphaerica (Bl.) RM Smith) rasanya asam.", "Bandara Sultan Syarif Kasim II (SSK. II) ramai.",
      "(Ia lahir 1900.", "Ia wafat 1950.)", "Makamnya di Solo."]),
    ("file-name-split-by-space",
     "Berkas: Crowning MW 2009. jpg | Pemenang dinobatkan. Acara selesai.",
     ["Berkas: Crowning MW 2009. jpg | Pemenang dinobatkan.", "Acara selesai."]),
    # --- numbers, times, dates ---
    ("thousands-decimals",
     "Produksi mencapai 120.000 ton, naik 3,5 persen dari Rp15.850 per kilogram. Angka itu rekor.",
     ["Produksi mencapai 120.000 ton, naik 3,5 persen dari Rp15.850 per kilogram.", "Angka itu rekor."]),
    ("time-wib",
     "Rapat dimulai pukul 14.30 WIB. Semua peserta hadir pukul 14.00.",
     ["Rapat dimulai pukul 14.30 WIB.", "Semua peserta hadir pukul 14.00."]),
    ("dotted-date",
     "Proklamasi dibacakan pada 17.8.1945. Teksnya diketik Sayuti Melik.",
     ["Proklamasi dibacakan pada 17.8.1945.", "Teksnya diketik Sayuti Melik."]),
    ("decade-suffix",
     "Musik dangdut populer pada 1970-an. Rhoma Irama menjadi ikonnya.",
     ["Musik dangdut populer pada 1970-an.", "Rhoma Irama menjadi ikonnya."]),
    ("number-split-by-space",
     "Jumlah pengikutnya 2.904. 678 orang menurut data resmi. Itu banyak.",
     ["Jumlah pengikutnya 2.904. 678 orang menurut data resmi.", "Itu banyak."]),
    ("code-with-inner-periods",
     "Aturan itu mengacu pada Peraturan Bapepam No.XI.B.2. jangka waktunya tiga bulan. Aturan berlaku.",
     ["Aturan itu mengacu pada Peraturan Bapepam No.XI.B.2. jangka waktunya tiga bulan.", "Aturan berlaku."]),
    # --- initials ---
    ("initial-in-name",
     "Presiden Susilo B. Yudhoyono tiba di Bandung. Ia disambut warga.",
     ["Presiden Susilo B. Yudhoyono tiba di Bandung.", "Ia disambut warga."]),
    ("initial-after-lower-case-word",
     "Buku itu disunting oleh M. Yusuf dan R. A. Kartini Putri. Bukunya laris.",
     ["Buku itu disunting oleh M. Yusuf dan R. A. Kartini Putri.", "Bukunya laris."]),
    ("joined-initials",
     "Novel karya A.A. Navis dibaca banyak orang. Novel itu terbit 1956.",
     ["Novel karya A.A. Navis dibaca banyak orang.", "Novel itu terbit 1956."]),
    ("letter-label-ends-sentence",
     "Peserta dibagi ke kelompok A, B dan C. Kelompok A bermain lebih dulu.",
     ["Peserta dibagi ke kelompok A, B dan C.", "Kelompok A bermain lebih dulu."]),
    ("letter-label-before-next-label",
     "Hasilnya konsisten pada kelompok A. Kelompok B berbeda.",
     ["Hasilnya konsisten pada kelompok A.", "Kelompok B berbeda."]),
    ("roman-numeral-before-opener",
     "Pesawat itu dikembangkan dalam seri V. Pada tahun 1917 pesawat itu terbang.",
     ["Pesawat itu dikembangkan dalam seri V.", "Pada tahun 1917 pesawat itu terbang."]),
    ("regnal-number-ends-sentence",
     "Acara itu dihadiri Sri Sultan Hamengku Buwono X. Raja Yogyakarta itu datang pagi.",
     ["Acara itu dihadiri Sri Sultan Hamengku Buwono X.", "Raja Yogyakarta itu datang pagi."]),
    ("unit-letter-ends-sentence",
     "Kecepatan jaringan mencapai 1000 Mbit/s. Geng itu sudah lama ada.",
     ["Kecepatan jaringan mencapai 1000 Mbit/s.", "Geng itu sudah lama ada."]),
    # --- ellipses ---
    ("ellipsis-dots-then-capital",
     "Dia menunggu lama... Akhirnya ia pulang.",
     ["Dia menunggu lama...", "Akhirnya ia pulang."]),
    ("ellipsis-char-then-lower",
     "Ia ragu… tapi tetap datang. Semua senang.",
     ["Ia ragu… tapi tetap datang.", "Semua senang."]),
    ("spaced-ellipsis",
     "Katanya . . . entahlah. Kami tidak tahu.",
     ["Katanya . . . entahlah.", "Kami tidak tahu."]),
    # --- quotations ---
    ("question-in-quote-speech-tag",
     '"Apa?" tanya dia. "Kamu gila!" serunya.',
     ['"Apa?" tanya dia.', '"Kamu gila!" serunya.']),
    ("curly-quote-comma-speech-tag",
     "“Kami siap menang,” kata pelatih. “Semua pemain sehat.” Ia optimistis.",
     ["“Kami siap menang,” kata pelatih.", "“Semua pemain sehat.”", "Ia optimistis."]),
    ("period-in-quote-lower-tag",
     "“Saya tidak akan mundur.” ujarnya kepada wartawan. Rapat bubar.",
     ["“Saya tidak akan mundur.” ujarnya kepada wartawan.", "Rapat bubar."]),
    ("capitalised-speech-tag",
     "“Mengapa harus sekarang?” Tanya Budi heran. Tidak ada jawaban.",
     ["“Mengapa harus sekarang?” Tanya Budi heran.", "Tidak ada jawaban."]),
    ("multi-sentence-quote-with-tag",
     "“Kami tidak akan mundur. Tidak akan pernah!” tegas Ketua Umum partai itu, Rabu (5/6). Ia yakin menang.",
     ["“Kami tidak akan mundur.", "Tidak akan pernah!” tegas Ketua Umum partai itu, Rabu (5/6).", "Ia yakin menang."]),
    ("single-quotes",
     "Ia berkata, ‘Saya lelah.’ Lalu ia tidur. ‘Besok saja,’ pikirnya.",
     ["Ia berkata, ‘Saya lelah.’", "Lalu ia tidur.", "‘Besok saja,’ pikirnya."]),
    ("new-sentence-opens-with-quote",
     'Ia pergi. "Saya tidak akan kembali," katanya.',
     ["Ia pergi.", '"Saya tidak akan kembali," katanya.']),
    ("quote-after-colon",
     "Dia bertanya: “Mengapa?” Tidak ada yang menjawab.",
     ["Dia bertanya: “Mengapa?”", "Tidak ada yang menjawab."]),
    ("quoted-title-then-period",
     'Moto mereka adalah "Satu Dunia, Satu Impian". Moto itu terkenal.',
     ['Moto mereka adalah "Satu Dunia, Satu Impian".', "Moto itu terkenal."]),
    ("backtick-quotes",
     "Ia menyebutnya pengabdian. ``Apa arti semua ini?'' Tidak ada yang tahu.",
     ["Ia menyebutnya pengabdian.", "``Apa arti semua ini?''", "Tidak ada yang tahu."]),
    ("name-then-prefixed-speech-verb-after-quoted-exclamation",
     "“Jangan!” Budi berteriak. “Siapa kamu?” Kapten Andi bertanya. “Apa?” Ia bertanya. Semua diam.",
     ["“Jangan!” Budi berteriak.", "“Siapa kamu?” Kapten Andi bertanya.", "“Apa?”", "Ia bertanya.", "Semua diam."]),
    ("quoted-period-then-subject-is-a-new-sentence",
     "“Itu urusan mereka.” Budi lalu pergi. “Hidup Persib!” Stadion bergemuruh.",
     ["“Itu urusan mereka.”", "Budi lalu pergi.", "“Hidup Persib!”", "Stadion bergemuruh."]),
    ("news-quotes-with-speech-tags",
     "“Kami akan terus berjuang,” kata dia. “Tidak ada yang bisa menghentikan kami.” Harga naik lagi, ujarnya. "
     "Gubernur mengatakan, “Kami sudah siap.” Ketua KPK berkata: “Kami akan usut tuntas.” Publik menunggu.",
     ["“Kami akan terus berjuang,” kata dia.", "“Tidak ada yang bisa menghentikan kami.”",
      "Harga naik lagi, ujarnya.", "Gubernur mengatakan, “Kami sudah siap.”",
      "Ketua KPK berkata: “Kami akan usut tuntas.”", "Publik menunggu."]),
    ("quoted-title-with-question-mark",
     "Film “Ada Apa dengan Cinta?” dirilis tahun 2002. Film itu laris.",
     ["Film “Ada Apa dengan Cinta?” dirilis tahun 2002.", "Film itu laris."]),
    ("question-mark-in-brackets",
     "Ia lahir pada 1890 (?) di Solo. Ia wafat muda.",
     ["Ia lahir pada 1890 (?) di Solo.", "Ia wafat muda."]),
    # --- sentence openers that are not capital letters ---
    ("opens-with-digit",
     "Harga beras naik. 15 orang berunjuk rasa di depan kantor bupati.",
     ["Harga beras naik.", "15 orang berunjuk rasa di depan kantor bupati."]),
    ("opens-with-lower-case",
     "Ia lahir di Batavia pada 1879. iPhone baru dirilis pekan ini. Harganya mahal.",
     ["Ia lahir di Batavia pada 1879.", "iPhone baru dirilis pekan ini.", "Harganya mahal."]),
    ("question-then-lower-case",
     "Apakah ia akan sadar dari komanya? naskah berikutnya menjawabnya.",
     ["Apakah ia akan sadar dari komanya?", "naskah berikutnya menjawabnya."]),
    ("opens-with-non-latin",
     "Huruf itu ditulis dalam katakana. ひ dibaca hi.",
     ["Huruf itu ditulis dalam katakana.", "ひ dibaca hi."]),
    ("closing-bracket-then-period",
     "Ia tinggal di Seongbuk (Seoul). pada tahun 1473 ia pindah.",
     ["Ia tinggal di Seongbuk (Seoul).", "pada tahun 1473 ia pindah."]),
    # --- URLs and e-mail ---
    ("urls-and-email",
     "Kunjungi www.kompas.com atau https://detik.com/news?id=5&x=1. Kirim surel ke redaksi@tempo.co.id. Terima kasih.",
     ["Kunjungi www.kompas.com atau https://detik.com/news?id=5&x=1.", "Kirim surel ke redaksi@tempo.co.id.",
      "Terima kasih."]),
    ("url-with-path-and-news-dateline",
     "JAKARTA, KOMPAS.com - Data ada di https://www.bps.go.id/news/2024/01/02/index.html. Hubungi "
     "humas@kemenkeu.go.id. Layanan buka pukul 08.00 WIB.",
     ["JAKARTA, KOMPAS.com - Data ada di https://www.bps.go.id/news/2024/01/02/index.html.",
      "Hubungi humas@kemenkeu.go.id.", "Layanan buka pukul 08.00 WIB."]),
    ("yahoo-exclamation",
     "Yahoo! mengumumkan laba kuartalan. Google juga.",
     ["Yahoo! mengumumkan laba kuartalan.", "Google juga."]),
    # --- numbered list items and lines ---
    ("numbered-item-at-block-start", "81. selama satu hari", ["81. selama satu hari"]),
    ("numbered-item-then-sentence",
     "3. Siapkan bahan. Campur semuanya.",
     ["3. Siapkan bahan.", "Campur semuanya."]),
    ("numbered-lines",
     "1. Siapkan bahan\n2. Campur semua bahan\n3. Panggang 30 menit",
     ["1. Siapkan bahan", "2. Campur semua bahan", "3. Panggang 30 menit"]),
    ("headline-line",
     "Gempa Guncang Aceh\nRibuan warga mengungsi setelah gempa mengguncang wilayah itu pada Selasa pagi.",
     ["Gempa Guncang Aceh", "Ribuan warga mengungsi setelah gempa mengguncang wilayah itu pada Selasa pagi."]),
    ("hard-wrapped-lines",
     "Ribuan warga mengungsi setelah gempa berkekuatan 6,5 SR mengguncang\n"
     "wilayah Aceh pada Selasa pagi. Sebagian rumah rusak ringan dan kantor\n"
     "Pemerintah Daerah mengirim bantuan ke lokasi pengungsian warga di sana.",
     ["Ribuan warga mengungsi setelah gempa berkekuatan 6,5 SR mengguncang\nwilayah Aceh pada Selasa pagi.",
      "Sebagian rumah rusak ringan dan kantor\n"
      "Pemerintah Daerah mengirim bantuan ke lokasi pengungsian warga di sana."]),
    ("one-sentence-per-line-with-a-long-unpunctuated-line",
     "Rapat dimulai pukul sembilan pagi.\nSemua anggota hadir tepat waktu.\n"
     "Pusat Pengkajian dan Pengembangan Sistem Informasi Kearsipan Nasional\nKegiatan itu dibuka menteri.",
     ["Rapat dimulai pukul sembilan pagi.", "Semua anggota hadir tepat waktu.",
      "Pusat Pengkajian dan Pengembangan Sistem Informasi Kearsipan Nasional", "Kegiatan itu dibuka menteri."]),
    ("bullet-lines",
     "Bantuan yang dikirim:\n- beras 10 ton\n- air minum\n• selimut",
     ["Bantuan yang dikirim:", "- beras 10 ton", "- air minum", "• selimut"]),
    ("short-list-lines-without-punctuation",
     "Bahan\nGula pasir 200 gram\nTepung terigu 1 kilogram\nTelur ayam 3 butir",
     ["Bahan", "Gula pasir 200 gram", "Tepung terigu 1 kilogram", "Telur ayam 3 butir"]),
    ("line-ending-in-function-word-is-wrapped",
     "Menteri Keuangan Sri Mulyani menyampaikan laporan kepada\nDPR pada Senin.",
     ["Menteri Keuangan Sri Mulyani menyampaikan laporan kepada\nDPR pada Senin."]),
    ("label-line-ends-at-newline",
     "Pedagang mengeluh.\nBaca juga: Revitalisasi Pasar Senen Molor Dua Bulan\nPemerintah berjanji menambah papan.",
     ["Pedagang mengeluh.", "Baca juga: Revitalisasi Pasar Senen Molor Dua Bulan", "Pemerintah berjanji menambah papan."]),
    ("byline-and-dateline-lines",
     "Oleh: Budi Santoso\nJakarta, 3 Maret 2025\nHarga beras medium naik Rp1.000 per kilogram.",
     ["Oleh: Budi Santoso", "Jakarta, 3 Maret 2025", "Harga beras medium naik Rp1.000 per kilogram."]),
    ("long-title-case-headline-ends-even-when-widest",
     "Presiden Resmikan Bendungan Terbesar di Jawa Timur Hari Ini\nBendungan itu selesai.\nWarga senang.",
     ["Presiden Resmikan Bendungan Terbesar di Jawa Timur Hari Ini", "Bendungan itu selesai.", "Warga senang."]),
    ("prose-line-is-a-hard-wrap-whatever-the-width",
     "Rapat paripurna DPR yang dipimpin oleh Wakil Ketua DPR\nSufmi Dasco Ahmad itu dihadiri 312 anggota. "
     "Sebanyak delapan fraksi menyetujui rancangan undang-undang\ntersebut.",
     ["Rapat paripurna DPR yang dipimpin oleh Wakil Ketua DPR\nSufmi Dasco Ahmad itu dihadiri 312 anggota.",
      "Sebanyak delapan fraksi menyetujui rancangan undang-undang\ntersebut."]),
    ("long-list-line-ends-at-newline",
     "Syaratnya:\n- berdomisili di wilayah kecamatan setempat sejak lama\nBerkas diserahkan Jumat.",
     ["Syaratnya:", "- berdomisili di wilayah kecamatan setempat sejak lama", "Berkas diserahkan Jumat."]),
    ("unpunctuated-line-before-dateline",
     "Laporan wartawan Tribunnews.com, Budi Santoso\nTRIBUNNEWS.COM, JAKARTA - Harga cabai naik.",
     ["Laporan wartawan Tribunnews.com, Budi Santoso", "TRIBUNNEWS.COM, JAKARTA - Harga cabai naik."]),
    ("unpunctuated-line-before-pronoun",
     "Sebagian besar penduduk desa itu bekerja sebagai petani padi\nMereka menanam palawija saat kemarau.",
     ["Sebagian besar penduduk desa itu bekerja sebagai petani padi", "Mereka menanam palawija saat kemarau."]),
    ("wrap-before-name-word-is-not-a-cut",
     "Surat itu ditandatangani oleh Sekretaris Jenderal Kementerian\nDalam Negeri pada Senin.",
     ["Surat itu ditandatangani oleh Sekretaris Jenderal Kementerian\nDalam Negeri pada Senin."]),
    ("lower-case-letter-run-after-comma-is-not-a-degree",
     "Sejumlah pihak, a.l. LSM dan akademisi, menolak rencana itu. Pemerintah bergeming.",
     ["Sejumlah pihak, a.l. LSM dan akademisi, menolak rencana itu.", "Pemerintah bergeming."]),
    ("dash-bullet-after-sentence",
     "Ia menyerang dengan membabi buta. - agak boros, katanya.",
     ["Ia menyerang dengan membabi buta.", "- agak boros, katanya."]),
    ("missing-period-before-function-word",
     "Daerah ini berbatasan dengan Provinsi Nusa Tenggara Timur Harus dibedakan dengan suku lain.",
     ["Daerah ini berbatasan dengan Provinsi Nusa Tenggara Timur", "Harus dibedakan dengan suku lain."]),
    ("missing-period-after-number",
     "Ia lulus dari SMA Negeri 3 Kemudian ia merantau ke Jakarta.",
     ["Ia lulus dari SMA Negeri 3", "Kemudian ia merantau ke Jakarta."]),
    ("capitalised-opener-inside-a-title-is-not-a-run-on",
     "Film Ketika Cinta Bertasbih dan lagu Akan Datang Masanya diputar. Tetapi Mereka yang datang sedikit.",
     ["Film Ketika Cinta Bertasbih dan lagu Akan Datang Masanya diputar.", "Tetapi Mereka yang datang sedikit."]),
    ("god-pronouns-are-not-run-ons",
     "Bagaimanakah Ia melakukan-Nya? Kami turunkan Kitab Suci Kami kepada umat.",
     ["Bagaimanakah Ia melakukan-Nya?", "Kami turunkan Kitab Suci Kami kepada umat."]),
    ("label-letter-before-non-opener",  # a letter after "Serie", "Grup", "vitamin" is a label, not an initial
     "Catania berada di puncak klasemen Serie A. Tim tuan rumah tampil bagus. Indonesia di Grup B. Tim Garuda "
     "siap. Jeruk kaya vitamin C. Zat itu baik.",
     ["Catania berada di puncak klasemen Serie A.", "Tim tuan rumah tampil bagus.", "Indonesia di Grup B.",
      "Tim Garuda siap.", "Jeruk kaya vitamin C.", "Zat itu baik."]),
    ("police-rank-insp",
     "Ia diperiksa oleh Insp. Budi kemarin. Pemeriksaan berjalan lancar.",
     ["Ia diperiksa oleh Insp. Budi kemarin.", "Pemeriksaan berjalan lancar."]),
    ("acting-office-titles",
     "Pelantikan dihadiri Pj. Gubernur DKI dan Plt. Kepala Dinas Kesehatan. Acara berlangsung singkat.",
     ["Pelantikan dihadiri Pj. Gubernur DKI dan Plt. Kepala Dinas Kesehatan.", "Acara berlangsung singkat."]),
    ("bracket-closes-mid-sentence-before-lower-case",
     "Dia (Budi, red.) mengaku tidak tahu. Kami tidak tahu (atau tidak mau tahu?) soal itu. Polisi mendalami.",
     ["Dia (Budi, red.) mengaku tidak tahu.", "Kami tidak tahu (atau tidak mau tahu?) soal itu.",
      "Polisi mendalami."]),
    ("abbreviation-after-slash",
     "Ia tinggal di RT. 02/RW. 07 Kel. Cibubur. Rumahnya kecil.",
     ["Ia tinggal di RT. 02/RW. 07 Kel. Cibubur.", "Rumahnya kecil."]),
    ("hijri-year-and-religious-honorifics",
     "Pemerintah menetapkan 1 Ramadhan 1445 H. Umat Islam berpuasa. Nabi Muhammad SAW. lahir di Mekah. "
     "Semua bersyukur kepada Allah SWT. Acara ditutup doa.",
     ["Pemerintah menetapkan 1 Ramadhan 1445 H.", "Umat Islam berpuasa.", "Nabi Muhammad SAW. lahir di Mekah.",
      "Semua bersyukur kepada Allah SWT.", "Acara ditutup doa."]),
    ("letter-after-number-is-a-unit",
     "Kerugian negara ditaksir Rp 3,2 M. Penyidik masih menghitung. Pada Mei 1998 B. J. Habibie dilantik.",
     ["Kerugian negara ditaksir Rp 3,2 M.", "Penyidik masih menghitung.", "Pada Mei 1998 B. J. Habibie dilantik."]),
    ("list-run-into-a-sentence",
     "Syaratnya: a. WNI; b. berusia 17 tahun. Tuntutannya: 1. kenaikan upah; 2. jaminan kesehatan. Ia pulang; "
     "10. Dengan itu selesai.",
     ["Syaratnya: a. WNI; b. berusia 17 tahun.", "Tuntutannya: 1. kenaikan upah; 2. jaminan kesehatan.",
      "Ia pulang; 10.", "Dengan itu selesai."]),
    ("lower-case-opener-after-a-short-name",
     "Ia pindah ke Bali. iPhone miliknya hilang. Seminar digelar di Solo. dr. Tirta hadir. Ia bertemu Andi. "
     "kemudian mereka makan.",
     ["Ia pindah ke Bali.", "iPhone miliknya hilang.", "Seminar digelar di Solo.", "dr. Tirta hadir.",
      "Ia bertemu Andi.", "kemudian mereka makan."]),
    ("final-abbreviation-before-number-or-bracketed-sentence",
     "Kerja sama diteken dengan Apple Inc. 2025 menjadi target. Bantuan berupa beras, air, dsb. "
     "(Semua diserahkan bupati.) Penyaluran berlanjut.",
     ["Kerja sama diteken dengan Apple Inc.", "2025 menjadi target.", "Bantuan berupa beras, air, dsb.",
      "(Semua diserahkan bupati.)", "Penyaluran berlanjut."]),
    ("web-address-before-lower-case-brand",
     "Jadwal ada di https://kai.id. eFishery juga membuka lowongan.",
     ["Jadwal ada di https://kai.id.", "eFishery juga membuka lowongan."]),
    ("english-titles-in-translated-news",
     "Ia bertemu Sen. Elizabeth Warren dan Gov. Gavin Newsom. Pendaki itu mencapai puncak Mt. Everest. Ia lelah.",
     ["Ia bertemu Sen. Elizabeth Warren dan Gov. Gavin Newsom.", "Pendaki itu mencapai puncak Mt. Everest.",
      "Ia lelah."]),
    ("acronym-is-not-a-shouted-abbreviation",
     "Laporan itu diaudit oleh BPK. Hasilnya wajar. Kantornya di JL. Gatot Subroto. Kantor itu baru.",
     ["Laporan itu diaudit oleh BPK.", "Hasilnya wajar.", "Kantornya di JL. Gatot Subroto.", "Kantor itu baru."]),
    ("all-caps-acronym-is-not-a-lower-case-abbreviation",  # "SD." is Sekolah Dasar, not "sd." (s/d)
     "Vaksin diberikan kepada siswi kelas 5 SD. Program ini gratis. Ia lahir di JL. Kenari. DR. Budi hadir.",
     ["Vaksin diberikan kepada siswi kelas 5 SD.", "Program ini gratis.", "Ia lahir di JL. Kenari.",
      "DR. Budi hadir."]),
    # --- Islamic texts: scripture references and honorifics ---
    ("scripture-reference-after-colon-is-not-a-list-item",
     "Perintah puasa ada dalam QS. Al-Baqarah: 183. Ayat itu terkenal. Syaratnya: 1. Islam; 2. Balig.",
     ["Perintah puasa ada dalam QS. Al-Baqarah: 183.", "Ayat itu terkenal.",
      "Syaratnya: 1. Islam; 2. Balig."]),
    ("islamic-honorifics-any-case",
     "Nabi Muhammad saw. bersabda tentang puasa. Rasulullah SAW. juga berpesan. Hadis ini HR. Bukhari. Ia sahih.",
     ["Nabi Muhammad saw. bersabda tentang puasa.", "Rasulullah SAW. juga berpesan.", "Hadis ini HR. Bukhari.",
      "Ia sahih."]),
    # --- wiki citation marks after the period (seg_hard4) ---
    ("citation-marks-after-the-period-end-the-sentence",
     "Danau itu terbentuk akibat letusan gunung api purba.[2] Luasnya sekitar 1.130 km².[3][4] Di tengahnya ada pulau.",
     ["Danau itu terbentuk akibat letusan gunung api purba.[2]", "Luasnya sekitar 1.130 km².[3][4]",
      "Di tengahnya ada pulau."]),
    ("citation-needed-after-the-period",
     "Tradisi itu sudah ada sejak abad ke-16.[butuh rujukan] Kini tradisi tersebut jarang dilakukan.",
     ["Tradisi itu sudah ada sejak abad ke-16.[butuh rujukan]", "Kini tradisi tersebut jarang dilakukan."]),
    ("citation-mark-at-a-line-end",
     "Kota itu pernah menjadi ibu kota provinsi selama dua dekade.[7]\nPada 1950, ibu kota dipindahkan ke pesisir.",
     ["Kota itu pernah menjadi ibu kota provinsi selama dua dekade.[7]", "Pada 1950, ibu kota dipindahkan ke pesisir."]),
    # --- novel dialogue with dashes (seg_hard4) ---
    ("dash-dialogue-speech-tag-after-question",
     "— Kenapa kau diam saja? — tanyanya. Aku tidak menjawab.",
     ["— Kenapa kau diam saja? — tanyanya.", "Aku tidak menjawab."]),
    ("dash-dialogue-speech-tag-with-first-person-ending",
     "— Pergi dari sini! — bentakku.\n— Baik, aku pergi.",
     ["— Pergi dari sini! — bentakku.", "— Baik, aku pergi."]),
    # --- letter salutations and closings on a line of their own (seg_hard4) ---
    ("letter-salutation-line-ends-with-comma",
     "Dengan hormat,\nKami mengajukan permohonan izin keramaian untuk acara pernikahan.",
     ["Dengan hormat,", "Kami mengajukan permohonan izin keramaian untuk acara pernikahan."]),
    ("letter-closing-line-ends-with-comma",
     "Mohon maaf atas keterlambatan laporan ini.\nSalam hangat,\nTim Redaksi",
     ["Mohon maaf atas keterlambatan laporan ini.", "Salam hangat,", "Tim Redaksi"]),
    # --- recipes and instructions (seg_hard5) ---
    ("kitchen-measure-mid-sentence",
     "Masukkan 3 sdt. merica bubuk dan 1 sdm. garam ke dalam rebusan.",
     ["Masukkan 3 sdt. merica bubuk dan 1 sdm. garam ke dalam rebusan."]),
    ("kitchen-measure-ends-sentence",
     "Tuang minyak goreng sebanyak 4 sdm. Nyalakan api sedang.",
     ["Tuang minyak goreng sebanyak 4 sdm.", "Nyalakan api sedang."]),
    ("numbered-step-label",
     "Tahap 3. Jemur kain hingga kering di tempat teduh.\nTahap 4. Setrika kain dengan suhu rendah.",
     ["Tahap 3. Jemur kain hingga kering di tempat teduh.", "Tahap 4. Setrika kain dengan suhu rendah."]),
    # --- references, signature blocks (seg_hard5) ---
    ("translator-before-name",
     "Novel itu terbit dalam bahasa Belanda, terj. Henk Maier, pada 1995.",
     ["Novel itu terbit dalam bahasa Belanda, terj. Henk Maier, pada 1995."]),
    ("signature-block-title-line-then-name",
     "Kepala Kantor Kecamatan,\nIr. Made Suarta\nNIP. 19750312 200212 1 002",
     ["Kepala Kantor Kecamatan,", "Ir. Made Suarta", "NIP. 19750312 200212 1 002"]),
    # --- social media: emoji and hashtags close the sentence (seg_hard5) ---
    ("emoji-after-the-mark-stay-with-sentence",
     "Timnas menang lagi! 🔥⚽ Besok kita nonton bareng.",
     ["Timnas menang lagi! 🔥⚽", "Besok kita nonton bareng."]),
    ("hashtags-after-the-mark-stay-with-sentence",
     "Stok terbatas, buruan order! 🛒 #DiskonKilat #PromoGajian Pengiriman mulai besok.",
     ["Stok terbatas, buruan order! 🛒 #DiskonKilat #PromoGajian", "Pengiriman mulai besok."]),
    ("hashtag-opening-next-sentence-is-not-a-trailer",
     "Warganet bereaksi keras. #BoikotProdukX menjadi trending sejak pagi.",
     ["Warganet bereaksi keras.", "#BoikotProdukX menjadi trending sejak pagi."]),
    ("emoji-ends-an-unmarked-sentence",
     "Antrean di loket panjang sekali 😫 Semoga besok lebih sepi.",
     ["Antrean di loket panjang sekali 😫", "Semoga besok lebih sepi."]),
    # --- plain cases that must not break ---
    ("single-sentence-no-final-punctuation", "Wilayah Belgorod dalam keadaan darurat",
     ["Wilayah Belgorod dalam keadaan darurat"]),
    ("colon-and-semicolon-do-not-split",
     "Delapan tim bersaing; tujuh tim dari Sydney. Syaratnya: Tim harus terdaftar.",
     ["Delapan tim bersaing; tujuh tim dari Sydney.", "Syaratnya: Tim harus terdaftar."]),
    ("ordinal-ke-n-before-number-opener",  # "ke-79." is an ordinal, not a version broken by a space ("v9. 1")
     "Kota itu merayakan HUT ke-79. 3.000 warga ikut pawai.",
     ["Kota itu merayakan HUT ke-79.", "3.000 warga ikut pawai."]),
    ("abad-ke-n-before-number-opener",
     "Masjid itu dibangun pada abad ke-17. 2 menaranya masih asli.",
     ["Masjid itu dibangun pada abad ke-17.", "2 menaranya masih asli."]),
    ("label-noun-number-then-lower-case",  # "butir 12." is a numbered reference, the sentence goes on
     "Larangan itu tercantum dalam butir 12. huruf b perjanjian kerja. Perusahaan wajib menaatinya.",
     ["Larangan itu tercantum dalam butir 12. huruf b perjanjian kerja.", "Perusahaan wajib menaatinya."]),
]

# Known failures: classes the rules do not handle yet. strict=True: a fix makes the test fail until unmarked.
XFAIL_ID: list[tuple[str, str, list[str]]] = [
    ("ellipsis-inside-title",
     "Pada 2003 ia membintangi Koi... Mil Gaya bersama Preity Zinta.",
     ["Pada 2003 ia membintangi Koi... Mil Gaya bersama Preity Zinta."]),
    ("missing-period-before-noun",  # only function words are known openers; "Kecaman" could be in a name
     "Ia bekerja di Pusat Informasi Kearsipan Kecaman itu tidak berdasar, katanya.",
     ["Ia bekerja di Pusat Informasi Kearsipan", "Kecaman itu tidak berdasar, katanya."]),
    ("colon-ended-list-head",
     "Disney Junior Asia dibagi dalam 5 saluran operasi: Bagaimana kisah cinta mereka berakhir?",
     ["Disney Junior Asia dibagi dalam 5 saluran operasi:", "Bagaimana kisah cinta mereka berakhir?"]),
    ("pantun-line-ends-with-comma",  # a lower-case line after a comma looks like a hard wrap
     "Air dalam bertambah dalam,\nhujan di hulu belum lagi teduh.",
     ["Air dalam bertambah dalam,", "hujan di hulu belum lagi teduh."]),
    ("company-suffix-before-job-title",
     "CEO Apple Inc. Tim Cook hadir. Ia berbicara singkat.",
     ["CEO Apple Inc. Tim Cook hadir.", "Ia berbicara singkat."]),
    ("dotted-company-suffix-at-sentence-end",  # S.A. is read as initials before a name (S.A. Nasution)
     "Pesawat itu dipesan dari Airbus S.A. Pengirimannya dimulai 2026.",
     ["Pesawat itu dipesan dari Airbus S.A.", "Pengirimannya dimulai 2026."]),
]

GOLDEN_EN: list[tuple[str, str, list[str]]] = [
    ("en-titles-and-us",
     "Mr. Smith met Dr. Jones in the U.S. Senate at 5 p.m. on Monday. They talked for an hour.",
     ["Mr. Smith met Dr. Jones in the U.S. Senate at 5 p.m. on Monday.", "They talked for an hour."]),
    ("en-eg-lower-case",
     "Some fruits, e.g. apples and pears, grow here. Others do not.",
     ["Some fruits, e.g. apples and pears, grow here.", "Others do not."]),
    ("en-quote-speech-tag",
     '"Why?" she asked. "Because it is late," he said. It was.',
     ['"Why?" she asked.', '"Because it is late," he said.', "It was."]),
    ("en-inc-ends-sentence",
     "The satellite is owned by GeoEye Inc. The company was founded in 1992.",
     ["The satellite is owned by GeoEye Inc.", "The company was founded in 1992."]),
    ("en-initials",
     "John F. Kennedy was elected in 1960. He was young.",
     ["John F. Kennedy was elected in 1960.", "He was young."]),
    ("en-decimals-and-money",
     "Prices rose 3.5 percent to $15.85 per kilogram. Traders were surprised!",
     ["Prices rose 3.5 percent to $15.85 per kilogram.", "Traders were surprised!"]),
]


def _sentences(text: str, abbreviations: Iterable[str] | None = None, lang: str = "id") -> list[str]:
    """The sentences as strings, so a table row reads as the reader sees it."""
    return [text[s:e] for s, e in sentence_spans(text, abbreviations, lang=lang)]


def _params(rows: list[tuple[str, str, list[str]]], xfail: bool = False) -> list:
    marks = [pytest.mark.xfail(strict=True, reason="known failure class")] if xfail else []
    return [pytest.param(text, expected, id=name, marks=marks) for name, text, expected in rows]


def _check_invariants(text: str, spans: list[tuple[int, int]]) -> None:
    """Exact, ordered, non-overlapping, stripped substrings; everything between them is whitespace."""
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        assert not text[prev:s].strip(), f"lost text {text[prev:s]!r}"
        prev = e
    assert not text[prev:].strip(), f"lost text {text[prev:]!r}"


@pytest.mark.parametrize(("text", "expected"), _params(GOLDEN_ID) + _params(XFAIL_ID, xfail=True))
def test_golden_indonesian(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), _params(GOLDEN_EN))
def test_golden_english(text: str, expected: list[str]) -> None:
    assert _sentences(text, lang="en") == expected


@pytest.mark.parametrize("name,text,expected", GOLDEN_ID + XFAIL_ID + GOLDEN_EN, ids=lambda v: "")
def test_golden_cases_keep_invariants(name: str, text: str, expected: list[str]) -> None:
    lang = "en" if name.startswith("en-") else "id"
    _check_invariants(text, sentence_spans(text, lang=lang))
    # the expected splits themselves must be exact substrings in order (a typo in the table would hide a bug)
    pos = 0
    for sent in expected:
        pos = text.index(sent, pos) + len(sent)


#: Gold sets of hard news-style paragraphs written for this project, with floors a little under what the splitter
#: reaches, so that a change that breaks a class of news text fails here before the hidden test set finds it.
#: seg_hard.jsonl was written alongside the rules (F1 1.0, exact 1.0). seg_hard2.jsonl was written before
#: reading the splitter, in other genres (sports, courts, economics, health, wire copy, Islamic texts, social
#: media); held out it scored F1 0.9880, exact 0.9700, and 1.0 / 1.0 after fixing three classes. seg_hard3.jsonl
#: (newlines inside paragraphs, quotations, final abbreviations) held out scored F1 0.9880, exact 0.9659.
HARD_SETS = [
    # (file, minimum paragraphs, minimum boundary F1, minimum exact match)
    ("seg_hard.jsonl", 150, 0.99, 0.98),
    ("seg_hard2.jsonl", 100, 0.99, 0.97),
    ("seg_hard3.jsonl", 85, 0.99, 0.97),
    ("seg_hard4.jsonl", 80, 0.99, 0.97),
    ("seg_hard5.jsonl", 70, 0.985, 0.98),
    ("seg_hard6.jsonl", 80, 0.99, 0.98),
]
HARD_SET_IDS = [name for name, *_ in HARD_SETS]


def _hard_rows(name: str) -> list[dict]:
    path = ROOT / "tests" / "data" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _boundaries(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {e for _, e in spans} - {len(text.rstrip())}


@pytest.mark.parametrize(("name", "min_rows", "min_f1", "min_exact"), HARD_SETS, ids=HARD_SET_IDS)
def test_hard_set_gold_is_well_formed(name: str, min_rows: int, min_f1: float, min_exact: float) -> None:
    rows = _hard_rows(name)
    assert len(rows) >= min_rows
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        spans = [tuple(s) for s in r["spans"]]
        _check_invariants(r["text"], spans)


@pytest.mark.parametrize("name", HARD_SET_IDS)
def test_hard_set_is_what_its_cases_build(name: str) -> None:
    """The committed set is exactly what ``tests/data/make_seg_hard.py`` builds from ``seg_hard/<set>.txt``:
    a case edited without rebuilding (or a set edited by hand) fails here."""
    from helpers import load_script

    generator = load_script(ROOT / "tests" / "data" / "make_seg_hard.py")
    cases = ROOT / "tests" / "data" / "seg_hard" / name.replace(".jsonl", ".txt")
    assert generator.render(cases) == (ROOT / "tests" / "data" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "min_rows", "min_f1", "min_exact"), HARD_SETS, ids=HARD_SET_IDS)
def test_hard_set_score_floor(name: str, min_rows: int, min_f1: float, min_exact: float) -> None:
    """Boundary F1 and paragraph exact match on a hard-case news set (tests/data/seg_hard*.jsonl)."""
    rows = _hard_rows(name)
    abbrevs = load_abbreviations()
    tp = fp = fn = exact = 0
    wrong = []
    for r in rows:
        text = r["text"]
        gold = _boundaries(text, [tuple(s) for s in r["spans"]])
        pred = _boundaries(text, sentence_spans(text, abbrevs))
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
        exact += gold == pred
        if gold != pred:
            wrong.append(r["id"])
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= min_f1 and exact / len(rows) >= min_exact, f"F1 {f1:.4f}, wrong: {wrong}"


def test_english_does_not_split_before_lower_case_but_indonesian_does() -> None:
    text = "He arrived at 5. then he left."
    assert _sentences(text, lang="en") == [text]
    assert _sentences(text) == ["He arrived at 5.", "then he left."]


def test_empty_and_blank_text() -> None:
    assert sentence_spans("") == []
    assert sentence_spans("  \n ") == []
    assert sentence_spans("  Satu.  ") == [(2, 7)]


def test_plain_set_of_abbreviations_still_accepted() -> None:
    text = "Ia bertemu Zq. Budi kemarin. Mereka makan."
    assert _sentences(text, {"Zq."}) == ["Ia bertemu Zq. Budi kemarin.", "Mereka makan."]
    assert _sentences(text, set()) == ["Ia bertemu Zq.", "Budi kemarin.", "Mereka makan."]


def test_user_abbreviation_file_extends_the_builtin_list(tmp_path: Path) -> None:
    extra = tmp_path / "mine.txt"
    extra.write_text("# my office's abbreviations\nZq.\nMtr.\tend\n", encoding="utf-8")
    abbrevs = load_abbreviations((str(extra),))
    assert isinstance(abbrevs, Abbreviations)
    assert {"Zq.", "Mtr.", "Dr.", "dkk."} <= abbrevs
    assert abbrevs.classify("Zq.") == "title" and abbrevs.classify("Mtr.") == "end"
    assert abbrevs.classify("JL.") == "title"  # upper-case spelling finds "Jl."
    assert abbrevs.classify("kol.") is None  # lower-case "kol" (cabbage) is not the rank "Kol."
    text = "Ia bertemu Zq. Budi di ruang Mtr. Mereka makan."
    assert _sentences(text, abbrevs) == ["Ia bertemu Zq. Budi di ruang Mtr.", "Mereka makan."]


def test_config_points_segment_stage_at_user_abbreviations(tmp_path: Path) -> None:
    from pipeline.config import Config
    from pipeline.segment.stage import segment_text

    extra = tmp_path / "mine.txt"
    extra.write_text("Zq.\n", encoding="utf-8")
    config = Config()
    config.segment.abbreviations = [str(extra)]
    doc = segment_text("Ia bertemu Zq. Budi kemarin. Mereka makan.\n", source_file="a.txt", config=config)
    assert [s.text for s in doc.blocks[0].source] == ["Ia bertemu Zq. Budi kemarin.", "Mereka makan."]


@pytest.mark.parametrize(
    ("content", "needle"),
    [(None, "not found"), ("Zq.\tmaybe\n", "unknown tag")],
)
def test_bad_abbreviation_file_is_a_config_error(tmp_path: Path, content: str | None, needle: str) -> None:
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=needle):
        load_abbreviations((str(path),))


def test_unknown_language_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown splitter language"):
        sentence_spans("Satu.", lang="fr")


# --- property test: the invariants hold on any text built from the risky pieces -------------------------

try:  # hypothesis is in the test extra; without it only the property tests are skipped
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    given = None

_PIECES = [
    "Dr.", "dr.", "H.", "B.", "A.A.", "S.H.,", "dkk.", "dll.", "Tbk.", "Inc.", "Jl.", "No.", "81.", "3,5", "120.000",
    "14.30", "17.8.1945.", "1960-an.", "...", "…", ". . .", "“", "”", "‘", "’", '"', "'", "``", "''",
    "?", "!", "?!", "(", ")", "(?)", "-", "•", ":", ";", ",", "www.kompas.com.", "a@b.co.id", "Yahoo!", "tanya",
    "Kata", "Ia", "dia", "Budi", "iPhone", "ひ", "pergi", "Pada", "Lalu", "X.", "15", "\n", "\n\n", " ", "  ", "\t",
    ".", "Rp15.850",
]

if given is not None:

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["id", "en"]))
    def test_spans_are_exact_ordered_and_lossless(pieces: list[str], lang: str) -> None:
        text = " ".join(pieces)
        spans = sentence_spans(text, lang=lang)
        _check_invariants(text, spans)

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=200))
    def test_spans_lossless_on_arbitrary_unicode(text: str) -> None:
        _check_invariants(text, sentence_spans(text))

else:  # pragma: no cover

    def test_properties_need_hypothesis() -> None:
        pytest.skip("hypothesis is not installed")


# --- the CLI: bilingual segment --lines ------------------------------------------------------------------


def _run(*args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], input=input, capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=60)


ARTICLE = (
    "Gempa Guncang Aceh\n\n"
    "Ribuan warga mengungsi. “Kami takut,” kata Ny. Siti\n"
    "kepada wartawan.\n\n"
    '"Apa?" tanya dia. Prof. Dr. Budi menjawab.\n'
)
EXPECTED_LINES = (
    "Gempa Guncang Aceh\n\n"
    "Ribuan warga mengungsi.\n“Kami takut,” kata Ny. Siti kepada wartawan.\n\n"
    '"Apa?" tanya dia.\nProf. Dr. Budi menjawab.\n'
)


def test_cli_segment_lines_from_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    proc = _run("segment", "a.txt", "--lines", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == EXPECTED_LINES
    assert list(tmp_path.iterdir()) == [tmp_path / "a.txt"]  # --lines prints, it writes no bitext file


def test_cli_segment_lines_from_stdin(tmp_path: Path) -> None:
    proc = _run("segment", "-", "--lines", input=ARTICLE, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == EXPECTED_LINES


def test_cli_segment_lines_bad_abbreviation_config_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c.toml").write_text('[segment]\nabbreviations = ["missing.txt"]\n', encoding="utf-8")
    proc = _run("segment", "a.txt", "--lines", "--config", "c.toml", cwd=tmp_path)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert [ln for ln in proc.stderr.splitlines() if ln.strip()] == [
        next(ln for ln in proc.stderr.splitlines() if "missing.txt" in ln)
    ]
