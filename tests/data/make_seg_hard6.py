"""Build ``seg_hard6.jsonl``: a sixth held-out set of hard Indonesian paragraphs with gold spans.

Why a sixth set: the hidden test set is described as news, translated text, many quotations, honorifics,
company names, URLs and hard cases. The first five sets cover those only in part, so this one was written,
before looking at the splitter, in exactly that domain: regional and national news (politics, crime, business,
education, religion, regional government) and translated international news, with several quotations a
paragraph (quotes opening a paragraph, ``?``/``!`` inside a quote followed by a lowercase speech tag, tags before
quotes, inner quotes, quotes spanning sentences), titles and honorifics in every form (``Kapolres AKBP``,
``Kombes Pol.``, ``Brigjen TNI``, ``Dr. (H.C.)``, ``Prof. Dr. Ir.``, ``H. ... Lc., M.A.``, ``K.H.``, ``Ust.``),
company names (``PT ... (Persero) Tbk.``, ``PT.``, ``CV.``, ``Inc.``, ``Ltd.``, ``GmbH``, ``S.A.``), URLs and
e-mail addresses in mid-sentence and at the end, numbers (``120.000``, ``Rp15.850``, ``3,5``, ``14.30 WIB``,
``17.8.1945``), initials, decades (``1960-an.``), ellipses and numbered list items. All text was written for
this project. Gold is conservative: doubtful boundaries were left out; a quote of several sentences is split
inside the quote.

A paragraph is a list of sentences, joined by one space, or by a newline when the sentence starts with ``|``.

    python tests/data/make_seg_hard6.py   # rewrites tests/data/seg_hard6.jsonl
"""

from __future__ import annotations

import seg_gold  # tests/data/seg_gold.py: this script runs from its own folder
from pathlib import Path

PARAGRAPHS: list[tuple[str, list[str]]] = [
    # --- regional government and politics ---
    ("region", [
        "Bupati Sleman Hj. Kustini Sri Purnomo, S.Sos., meresmikan pasar rakyat Prambanan, Senin (3/6/2024).",
        "“Pasar ini harus bersih, tertib, dan ramah difabel,” ujarnya di hadapan 120 pedagang.",
        "Pembangunan pasar menelan biaya Rp15,8 miliar dari APBD.",
    ]),
    ("region", [
        "“Apakah warga sudah diajak bicara?” tanya Ketua DPRD Kota Medan, Drs. Wong Chun Sen, M.Pd.B.",
        "Ia meminta Pemkot menunda penggusuran sampai ada kesepakatan.",
    ]),
    ("region", [
        "Wali Kota Surabaya Eri Cahyadi menyebut target PAD tahun ini Rp8,2 triliun.",
        "Menurut dia, realisasi hingga Juni baru 41,5 persen.",
        "“Kami tidak akan menaikkan pajak.",
        "Yang kami kejar adalah kebocoran,” katanya.",
    ]),
    ("region", [
        "Pj. Gubernur Kalimantan Barat dr. H. Harisson, M.Kes., melantik 12 pejabat eselon II di Pontianak.",
        "Pelantikan dihadiri Sekda Prov. Kalbar dan para kepala OPD.",
    ]),
    ("region", [
        "Camat Tanjung Priok, Syamsul Huda, S.IP., M.Si., mengatakan bantuan disalurkan lewat kelurahan.",
        "“Warga cukup membawa KTP dan KK,” katanya.",
        "Pendaftaran dibuka pukul 08.00 sampai 15.30 WIB.",
    ]),
    ("region", [
        "Sekretaris Daerah Kab. Bogor, Ajat Rochmat Jatnika, mengakui data penerima bansos belum mutakhir.",
        "Sebanyak 3.412 nama ternyata sudah meninggal dunia.",
        "Data itu kini dicocokkan ulang dengan Dinas Dukcapil.",
    ]),
    ("politics", [
        "Ketua Umum Partai Golkar Airlangga Hartarto menegaskan koalisi tetap solid.",
        "“Tidak ada yang keluar!” tegasnya di Jakarta, Rabu malam.",
        "Pernyataan itu menjawab isu retaknya koalisi menjelang pilkada.",
    ]),
    ("politics", [
        "Anggota Komisi II DPR RI, H. Mardani Ali Sera, Lc., M.Eng., mempertanyakan anggaran pilkada.",
        "Menurutnya, biaya per pemilih naik hampir dua kali lipat dibanding 2020.",
    ]),
    ("politics", [
        "KPU menetapkan tiga pasangan calon pada Minggu (22/9) pukul 14.30 WIB.",
        "Nomor urut akan diundi keesokan harinya.",
        "Masa kampanye berlangsung 25 September s.d. 23 November 2024.",
    ]),
    ("politics", [
        "“Saya tidak pernah menerima uang itu.",
        "Silakan buktikan di pengadilan,” kata mantan anggota dewan itu.",
        "Ia membantah semua dakwaan jaksa.",
    ]),
    ("politics", [
        "Presiden menyebut Proklamasi 17.8.1945 sebagai titik tolak kedaulatan.",
        "Ia lalu mengutip Bung Karno: “Jangan sekali-kali meninggalkan sejarah.”",
        "Hadirin pun bertepuk tangan.",
    ]),
    ("politics", [
        "Mantan Presiden Susilo B. Yudhoyono hadir dalam acara itu bersama putranya, Agus H. Yudhoyono.",
        "Keduanya duduk di barisan depan.",
    ]),
    # --- crime and police ---
    ("crime", [
        "Kapolres Metro Jakarta Selatan AKBP Ade Rahmat Idnal mengatakan tersangka ditangkap di Depok.",
        "“Pelaku sempat mencoba kabur,” ujarnya.",
        "Polisi menyita barang bukti berupa 2,5 kg sabu.",
    ]),
    ("crime", [
        "Kabid Humas Polda Jawa Timur Kombes Pol. Dirmanto membenarkan penangkapan itu.",
        "Menurut dia, jaringan tersebut beroperasi sejak 2019.",
        "“Masih ada dua DPO yang kami kejar,” katanya.",
    ]),
    ("crime", [
        "Kapolda Sumatera Utara Irjen Pol. Whisnu Hermawan Februanto memimpin langsung penggerebekan.",
        "Sebanyak 14 orang diamankan.",
        "Tiga di antaranya masih di bawah umur.",
    ]),
    ("crime", [
        "“Kenapa anak saya yang ditahan?” tanya Suryani, ibu salah satu tersangka, sambil menangis.",
        "Petugas memintanya menunggu hasil pemeriksaan.",
    ]),
    ("crime", [
        "Kasat Reskrim Polres Garut AKP Joko Prihatin, S.H., M.H., mengatakan korban mengalami kerugian Rp120.000.000.",
        "Uang itu ditransfer ke rekening atas nama CV. Maju Jaya.",
        "Rekening tersebut kini telah diblokir.",
    ]),
    ("crime", [
        "Penipu mengirim tautan palsu https://bansos-kemensos.info/daftar kepada ribuan warga.",
        "Kominfo meminta masyarakat mengabaikan pesan itu.",
        "Laporan dapat dikirim ke aduankonten@kominfo.go.id.",
    ]),
    ("crime", [
        "Majelis hakim menjatuhkan vonis 7 tahun 6 bulan penjara.",
        "Terdakwa juga wajib membayar uang pengganti Rp3,5 miliar.",
        "“Kami pikir-pikir dulu, Yang Mulia,” kata penasihat hukum terdakwa.",
    ]),
    ("crime", [
        "Danrem 071/Wijayakusuma Brigjen TNI Rudy Saladin meninjau lokasi bentrokan.",
        "Ia meminta warga kedua desa menahan diri.",
    ]),
    ("crime", [
        "Jaksa menyebut terdakwa menerima suap lewat PT. Karya Bumi Lestari.",
        "Perusahaan itu didirikan pada 2017 dengan modal Rp500 juta.",
    ]),
    # --- business ---
    ("business", [
        "PT Bank Negara Indonesia (Persero) Tbk. menyalurkan KUR Rp12,4 triliun hingga Agustus.",
        "Direktur Utama BNI Royke Tumilaar mengatakan angka itu setara 62 persen target.",
    ]),
    ("business", [
        "Harga emas Antam naik Rp15.000 menjadi Rp1.415.000 per gram.",
        "Harga pembelian kembali berada di level Rp1.265.000.",
        "Kenaikan dipicu melemahnya dolar AS.",
    ]),
    ("business", [
        "Rupiah ditutup di level Rp15.850 per dolar AS pada Jumat sore.",
        "Sepanjang pekan, rupiah melemah 0,8%.",
    ]),
    ("business", [
        "Koperasi Unit Desa (KUD) Sumber Makmur mencatat sisa hasil usaha Rp2,3 miliar.",
        "Sebagian dibagikan kepada 1.150 anggota.",
        "“Tahun depan kami ingin masuk ke usaha penggilingan,” kata ketuanya, H. Slamet Riyadi.",
    ]),
    ("business", [
        "Produsen chip asal AS, Nvidia Corp., melaporkan pendapatan US$30 miliar.",
        "Sementara itu, Taiwan Semiconductor Manufacturing Co. Ltd. menaikkan proyeksi belanja modal.",
    ]),
    ("business", [
        "Perusahaan Jerman Siemens Energy GmbH menandatangani kontrak dengan PT PLN (Persero).",
        "Nilai kontrak tidak diungkapkan.",
        "Proyek ditargetkan rampung pada 2027.",
    ]),
    ("business", [
        "Raksasa semen Meksiko Cemex S.A.B. de C.V. menjual asetnya di Filipina.",
        "Adapun Holcim Ltd. memilih fokus pada pasar Eropa.",
    ]),
    ("business", [
        "Informasi lowongan tersedia di https://rekrutmenbersama.fhcibumn.id.",
        "Pendaftaran ditutup 10 Maret 2024 pukul 23.59 WIB.",
    ]),
    ("business", [
        "Menurut BPS, inflasi tahunan Oktober tercatat 1,71 persen.",
        "Inflasi bulanan sebesar 0,08 persen.",
        "Komoditas penyumbang utama antara lain emas perhiasan dan kopi bubuk.",
    ]),
    ("business", [
        "PT Garuda Indonesia (Persero) Tbk. menambah frekuensi penerbangan ke Jeddah.",
        "“Permintaan umrah naik tajam sejak Januari,” ujar Dirut Garuda Wamildan Tsani.",
    ]),
    # --- education ---
    ("edu", [
        "Rektor Universitas Gadjah Mada Prof. Ir. Ova Emilia, M.Med.Ed., Sp.OG(K), Ph.D., melantik 4.812 wisudawan.",
        "Wisudawan termuda berusia 19 tahun.",
    ]),
    ("edu", [
        "Prof. Dr. Ir. Bambang Hermanto, M.Sc., dikukuhkan sebagai guru besar ilmu tanah.",
        "Dalam pidatonya ia menyoroti kerusakan lahan gambut.",
        "“Kita kehilangan lebih cepat daripada kita memulihkan,” katanya.",
    ]),
    ("edu", [
        "Menteri Pendidikan menyerahkan gelar Dr. (H.C.) kepada seorang pengusaha asal Makassar.",
        "Pemberian gelar itu menuai kritik dari sejumlah dosen.",
    ]),
    ("edu", [
        "Hasil seleksi dapat dilihat di laman https://snpmb.bppp.kemdikbud.go.id/ mulai pukul 15.00 WIB.",
        "Peserta yang lolos wajib mendaftar ulang.",
    ]),
    ("edu", [
        "Kepala SMAN 3 Bandung, Dra. Tuti Hartati, M.Pd., mengatakan sekolahnya menerima 360 siswa baru.",
        "Sebanyak 15 persen kursi disediakan untuk jalur afirmasi.",
        "Pengumuman diumumkan lewat akun resmi sekolah.",
    ]),
    ("edu", [
        "Ketua PGRI menilai guru honorer masih digaji di bawah UMR.",
        "“Bagaimana guru bisa fokus mengajar kalau gajinya Rp300.000 sebulan?” katanya.",
    ]),
    ("edu", [
        "Pertanyaan dapat dikirim ke humas@ui.ac.id atau melalui nomor layanan kampus.",
        "Tim akan menjawab dalam 2 x 24 jam.",
    ]),
    ("edu", [
        "Sekolah itu berdiri pada akhir 1960-an.",
        "Saat itu ruang kelasnya hanya dua.",
        "Kini jumlah muridnya lebih dari 900 orang.",
    ]),
    # --- religion ---
    ("religion", [
        "Pengasuh Ponpes Lirboyo K.H. Anwar Manshur memimpin doa bersama.",
        "Acara itu diikuti sekitar 20.000 santri.",
    ]),
    ("religion", [
        "Ust. Abdul Somad, Lc., M.A., mengisi kajian di Masjid Raya Pekanbaru, Sabtu malam.",
        "Jamaah memadati masjid sejak pukul 19.30 WIB.",
        "“Ilmu tanpa adab itu bahaya,” pesannya.",
    ]),
    ("religion", [
        "Habib Luthfi bin Yahya mengajak umat menjaga persatuan.",
        "“Jangan mau diadu domba!” serunya.",
        "Ribuan jamaah menjawab dengan takbir.",
    ]),
    ("religion", [
        "Kementerian Agama menetapkan 1 Ramadan 1445 H jatuh pada Selasa, 12 Maret 2024.",
        "Keputusan diambil dalam sidang isbat di Jakarta.",
    ]),
    ("religion", [
        "Uskup Agung Jakarta Mgr. Ignatius Kardinal Suharyo memimpin misa Natal.",
        "Dalam homilinya ia berbicara tentang kepedulian terhadap pengungsi.",
    ]),
    ("religion", [
        "Ketua MUI Prof. Dr. K.H. Asrorun Ni'am Sholeh, M.A., mengatakan fatwa itu berlaku nasional.",
        "MUI daerah diminta menyosialisasikannya.",
    ]),
    ("religion", [
        "Pdt. Gomar Gultom menyerukan agar Natal dirayakan secara sederhana.",
        "Ia mengingatkan masih banyak korban banjir di Sumatera.",
    ]),
    # --- translated international news ---
    ("intl", [
        "Presiden AS Joe Biden mengatakan, “Kami tidak akan mundur.”",
        "Gedung Putih menolak berkomentar lebih lanjut.",
    ]),
    ("intl", [
        "“Ini adalah hari yang kelam bagi demokrasi,” kata Kanselir Jerman Olaf Scholz.",
        "Ia menyampaikan hal itu di Berlin, Kamis (7/11).",
        "Koalisi pemerintahannya runtuh sehari sebelumnya.",
    ]),
    ("intl", [
        "Sekjen PBB António Guterres menyerukan gencatan senjata segera.",
        "“Berapa banyak lagi anak yang harus mati?” tanyanya di depan Dewan Keamanan.",
    ]),
    ("intl", [
        "Perdana Menteri Jepang Shigeru Ishiba membubarkan parlemen.",
        "Pemilu dijadwalkan pada 27 Oktober.",
        "Partai Demokrat Liberal (LDP) diperkirakan kehilangan banyak kursi.",
    ]),
    ("intl", [
        "Menurut laporan Reuters, Apple Inc. akan membuka pabrik di Batam.",
        "Juru bicara perusahaan menolak mengonfirmasi kabar itu.",
    ]),
    ("intl", [
        "Gempa bermagnitudo 7,1 mengguncang Taiwan pukul 07.58 waktu setempat.",
        "Sedikitnya sembilan orang tewas.",
        "“Gedung-gedung bergoyang seperti kapal,” kata seorang warga Hualien kepada AFP.",
    ]),
    ("intl", [
        "Dr. Tedros Adhanom Ghebreyesus dari WHO memperingatkan risiko pandemi berikutnya.",
        "“Pertanyaannya bukan apakah, tapi kapan,” katanya.",
    ]),
    ("intl", [
        "Pemimpin oposisi Rusia itu meninggal di penjara pada usia 47 tahun.",
        "Istrinya menulis di media sosial: “Mereka membunuhnya.”",
        "Kremlin membantah tuduhan tersebut.",
    ]),
    ("intl", [
        "Mahkamah Agung AS memutuskan perkara itu dengan suara 6-3.",
        "Hakim Sonia Sotomayor menulis pendapat berbeda.",
        "“Presiden kini menjadi raja di atas hukum,” tulisnya.",
    ]),
    ("intl", [
        "Warga Gaza, Abu Muhammad, mengatakan keluarganya sudah mengungsi lima kali.",
        "“Ke mana lagi kami harus pergi?” katanya.",
        "“Tidak ada tempat yang aman.”",
    ]),
    # --- quotes: hard shapes ---
    ("quote", [
        "“Kami sudah tiga kali melapor.",
        "Tidak ada tanggapan.",
        "Apa harus viral dulu?” keluh Sarmini, warga RT 04.",
    ]),
    ("quote", [
        "Kepala desa itu berkata, “Saya sudah bilang ke warga, ‘Jangan jual tanah ke calo.’",
        "Tapi mereka tidak dengar.”",
        "Kini sengketa lahan itu berujung di pengadilan.",
    ]),
    ("quote", [
        "“Mana mungkin!” sergah Andi.",
        "“Saya ada di Bandung malam itu.”",
    ]),
    ("quote", [
        "Kuasa hukum korban, Dr. Henry Yosodiningrat, S.H., M.H., menilai tuntutan terlalu ringan.",
        "“Ini mencederai rasa keadilan,” ujarnya.",
        "“Kami akan menyurati Komisi Kejaksaan.”",
    ]),
    ("quote", [
        "‘Jangan sampai lengah,’ begitu pesan almarhum kepada anak buahnya.",
        "Pesan itu kini ditulis besar di dinding markas.",
    ]),
    ("quote", [
        "\"Harga cabai sudah Rp90.000 per kilo,\" kata Ibu Sumi, pedagang Pasar Kramat Jati.",
        "\"Pembeli banyak yang mundur.\"",
    ]),
    ("quote", [
        "Menurut Menkeu, defisit masih terkendali.",
        "\"Kita jaga di bawah 3 persen.",
        "Itu amanat undang-undang,\" tegasnya.",
    ]),
    ("quote", [
        "“Tunggu dulu…” kata sang hakim sambil membuka berkas.",
        "Ruang sidang mendadak hening.",
    ]),
    ("quote", [
        "Ketika ditanya soal pencalonan, ia hanya tersenyum.",
        "“Nanti saja... belum waktunya,” katanya.",
    ]),
    # --- sentences opening with digits, lowercase, quotes ---
    ("opener", [
        "Banjir merendam enam kecamatan.",
        "2.145 rumah terdampak dan 312 warga mengungsi ke balai desa.",
    ]),
    ("opener", [
        "Pemerintah menaikkan tarif cukai rokok 10 persen.",
        "iPhone 16 juga dikenai pajak tambahan karena belum memenuhi syarat TKDN.",
    ]),
    ("opener", [
        "Aplikasi itu diunduh lebih dari satu juta kali.",
        "eKTP warga kini bisa diverifikasi langsung dari ponsel.",
    ]),
    ("opener", [
        "Ratusan buruh berunjuk rasa di depan kantor gubernur.",
        "“Naikkan upah!” teriak mereka.",
        "Aksi berlangsung hingga pukul 17.00 WIB.",
    ]),
    ("opener", [
        "Menurut data Kemenkes, kasus DBD naik tajam pada minggu ke-12.",
        "1.203 kasus tercatat di Jawa Barat saja.",
    ]),
    # --- abbreviations at the end of a sentence ---
    ("abbrend", [
        "Paket bantuan dikirim lewat PT Pos Indonesia (Persero).",
        "Setiap paket berisi beras, minyak goreng, gula, dll.",
        "Distribusi dimulai pekan depan.",
    ]),
    ("abbrend", [
        "Saham perusahaan itu dimiliki oleh PT Sarana Investama Tbk.",
        "Kepemilikan itu dilepas pada Maret lalu.",
    ]),
    ("abbrend", [
        "Kontrak itu diteken dengan Boeing Co.",
        "Pesawat pertama dikirim tahun depan.",
    ]),
    ("abbrend", [
        "Ia lahir di Medan dan menamatkan S2 di Universitas Leiden, Belanda, dengan gelar LL.M.",
        "Setelah itu ia bekerja di Kemenlu.",
    ]),
    ("abbrend", [
        "Acara dimulai pukul 09.00 WIB.",
        "Peserta diminta hadir 30 menit sebelumnya.",
    ]),
    # --- numbered items and lists ---
    ("list", [
        "Peraturan itu memuat sejumlah larangan, antara lain:",
        "|1. membuang sampah ke sungai;",
        "|2. menebang pohon tanpa izin; dan",
        "|3. membakar lahan.",
    ]),
    ("list", [
        "Dalam putusan disebutkan bahwa terdakwa dihukum penjara pada poin 81. selama satu hari pengganti denda.",
        "Putusan itu berkekuatan hukum tetap.",
    ]),
    ("list", [
        "Syarat pendaftaran:",
        "|a. fotokopi KTP;",
        "|b. pas foto 3 x 4;",
        "|c. surat keterangan sehat dari dokter.",
    ]),
    # --- mixed hard cases ---
    ("mixed", [
        "Kepala BMKG Prof. Dwikorita Karnawati, Ph.D., mengatakan gempa M 5,6 terjadi pukul 13.21 WIB.",
        "Pusat gempa berada 10 km barat daya Cianjur.",
        "Tidak ada potensi tsunami.",
    ]),
    ("mixed", [
        "Kunjungan wisman ke Bali mencapai 5,3 juta orang sepanjang 2023.",
        "Angka itu masih di bawah capaian 2019, yakni 6,3 juta.",
        "Info selengkapnya di www.bps.go.id.",
    ]),
    ("mixed", [
        "Laporan lengkap dapat diunduh di https://www.kpk.go.id/id/publikasi/laporan-tahunan.",
        "KPK menangani 161 perkara sepanjang 2023.",
    ]),
    ("mixed", [
        "Dirut PT Pertamina (Persero) Nicke Widyawati menyebut stok BBM aman hingga 21 hari.",
        "“Masyarakat tidak perlu panic buying,” katanya.",
        "Pertamina juga menyiapkan 1.800 SPBU siaga.",
    ]),
    ("mixed", [
        "Kata Gubernur, “Hujan diperkirakan turun hingga pekan depan.”",
        "Warga diminta waspada.",
        "Posko darurat dibuka 24 jam.",
    ]),
    ("mixed", [
        "Menurut Prof. Emil Salim, pembangunan tidak boleh mengorbankan hutan.",
        "Pandangan itu ia sampaikan sejak tahun 1970-an.",
        "Kini gagasannya dikenal sebagai pembangunan berkelanjutan.",
    ]),
    ("mixed", [
        "Sementara itu, Kepala Dinas Pendidikan Kota Makassar, Muhyiddin, S.Pd., M.M., memastikan PPDB berjalan tanpa pungutan.",
        "Orang tua yang dimintai uang dapat melapor ke nomor 0811-4444-5555.",
    ]),
    ("mixed", [
        "Nilai ekspor kopi Lampung naik 3,5 kali lipat.",
        "Sebagian besar dikirim ke Jepang, AS, dan Jerman.",
        "Harganya kini Rp72.500/kg di tingkat petani.",
    ]),
]


if __name__ == "__main__":
    seg_gold.write(Path(__file__).with_name("seg_hard6.jsonl"), seg_gold.build(PARAGRAPHS, "hard6"))
