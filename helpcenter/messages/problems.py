"""What the content check says, in Indonesian (the default) and English: one catalog entry per kind of problem.

A problem keeps its code and parameters (`helpcenter.content.problems.problem`), so the same problem reads in
either language; its `message` is the English text, what the tests show. The few pydantic errors the schema does
not name (`helpcenter.content.schema._field_error`) and the shop's settings stay in English.
"""

from __future__ import annotations

from helpcenter.messages.catalog import DEFAULT_LANGUAGE, Catalog

PROBLEMS = Catalog({
    "en": {
        "review.overdue": "the page was due for review on {due} ('reviewed' {reviewed}, every {months} months); "
                          "check it and set 'reviewed' to the date of your review",
        "review.due_soon": "the page is due for review on {due}, in {days} days; plan its review",
        "review.future": "'reviewed' is {reviewed}, a date in the future; use the date of the last review",
        "image.no_alt": "the image '{src}' has no alt text: describe what it shows between the brackets, "
                        "e.g. ![Tombol Beli di halaman produk]({src})",
        "image.missing": "the image '{src}' does not exist ('{resolved}' in the content folder); check the file "
                         "name and its folder",
        "image.too_large": "the image '{src}' is {size} kB, more than {limit} kB: customers on mobile data wait for "
                           "it; use SVG, or resize a screenshot to at most 1200 pixels wide and compress it",
        "faq.no_answer": "the question '{question}' has no answer: write the answer below the heading",
        "anchor.duplicate": "the anchor '{anchor}' is already used on this page (line {first}); give this heading "
                            "its own, e.g. {{#{anchor}-2}}",
        "link.missing_page": "the link '{target}' leads nowhere: there is no '{resolved}' in the content folder",
        "link.missing_anchor": "the link '{target}' leads to a heading that does not exist: '{page}' has no "
                               "heading or anchor '#{anchor}'",
        "link.outside": "the link '{target}' leaves the content folder; link to a page inside it, or write a full "
                        "https:// address",
        "question.duplicate": "the question '{question}' asks the same as '{other}' ({other_path}:{other_line}); "
                              "keep one of them and link to it from the other page",
        "question.similar": "the question '{question}' is {percent}% like '{other}' ({other_path}:{other_line}); "
                            "if both ask the same, keep one, otherwise reword one so the difference is clear",
        "page.unreachable": "the page is not in the navigation and no page in it links here, so customers cannot "
                            "find it; add it to 'nav' in mkdocs.yml or link to it from another page",
        "field.missing": "'{name}' is required: {described}",
        "field.missing_plain": "'{name}' is required",
        "field.unknown": "unknown field '{name}'",
        "field.too_long": "'{name}' must be at most {max} characters, got {length}",
        "field.empty": "'{name}' must not be empty: {described}",
        "field.pattern": "'{name}' is not in the expected form ({described}), got {shown}",
        "field.not_text": "'{name}' must be text, got {shown}",
        "field.not_text_number": "'{name}' must be text, got {shown}; put it in quotes: \"{value}\"",
        "field.not_whole": "'{name}' must be a whole number, got {shown}",
        "field.range": "'{name}' must be between {low} and {high}, got {value}",
        "field.too_few": "'{name}' needs at least {min} entry: {described}",
        "field.not_list": "'{name}' must be a list (one '- ' item per line), got {shown}",
        "field.choice": "'{name}' must be one of {expected}, got {shown}",
        "field.not_fields": "'{name}' must be fields (key: value), got {shown}",
        "field.date_with_time": "'{name}' must be a date like 2026-01-31 without a time, got '{value}'",
        "field.date_unreal": "'{name}' must be a real date like 2026-01-31, got '{value}'",
        "field.date": "'{name}' must be a date like 2026-01-31, got '{value}'",
        "field.history_head": "'{name}' must start with the current version {version} effective {effective}, got "
                              "{head_version} effective {head_effective}",
        "field.type_missing": "'type' is required: one of {types}",
        "field.type_unknown": "'type' must be one of {types}, got '{value}'",
        "page.not_utf8": "the file is not UTF-8 text (byte {byte}); save it as UTF-8",
        "page.no_front_matter": "the page has no front matter: start the file with a line '---', the fields (type, "
                                "title, ...), and another line '---'",
        "page.invalid_yaml": "the front matter is not valid YAML: {problem}; check quotes and indentation (a value "
                             "that contains ': ' or starts with '@' needs quotes)",
        "page.not_fields": "the front matter must be fields like 'title: ...', one per line",
        "page.duplicate_field": "the field '{key}' appears twice in the front matter; keep one",
        "faq.no_questions": "an FAQ page needs questions: write each one as a '## ' heading with its answer below",
        "tutorial.no_steps": "a tutorial needs steps: write them as one numbered list (1., 2., 3.) at the left margin",
        "related.unknown_question": "'related' names '{anchor}', which is not a question on this page; use the "
                                    "anchor of one of its '## ' questions",
        "related.missing": "'related' links to '{link}', which is not a question in the help center; write it as "
                           "a Markdown link to a question: '#<anchor>' on this page, '<page>.md#<anchor>' on another",
        "announced.missing": "'announced' names '{link}', which is not a policy page in the content folder; write "
                             "the file of the new version as a Markdown link, e.g. pengembalian-2026-12.md",
        "announced.not_later": "'announced' names '{link}', which takes effect on {starts}, not after this page's "
                               "'effective' ({effective}); set the new version's 'effective' to the day it starts",
        "announced.passed": "the announced version '{link}' applies since {starts}, and the site shows it since a "
                            "build on that day: copy its text, version and history into this page, remove "
                            "'announced' and delete '{link}'",
        "video.one_source": "a video needs one source: 'youtube' (its id) or 'file' (a local MP4), not both or none",
        "video.missing": "'{name}' names '{target}', which is not in the content folder ('{resolved}'); check the "
                         "file name and its folder",
        "announced.not_rebuilt": "the site in '{site}' still shows version {shown} of this policy, but version "
                                 "{version} applies since {starts}: rebuild the site, and have it rebuilt every day "
                                 "(README, 'A daily rebuild')",
        "featured.missing": "'featured' links to '{link}', which is not a question in the help center; write it as "
                            "faq/<page>.md#<question anchor>",
        "yaml.anchor": "YAML anchors and aliases ('{name}') are not allowed: write the value out in full",
        "file.outside": "the file is a link to '{target}', outside the content folder: the site would publish that "
                        "file of the build machine; put a copy of the file into the content folder instead",
        "file.folder_link": "the folder is a link to '{target}': a linked folder can lead outside the content "
                            "folder or round in a circle; make it a real folder",
        "file.broken_link": "the file is a link to '{target}', which does not exist; remove the link",
        "file.special": "this is not a plain file (a pipe, socket or device): copying it would stall the build or "
                        "publish the machine's data; remove it",
        "file.hard_link": "the file is a hard link ({links} names on this disk): it can be any file of the build "
                          "machine; replace it with a copy",
        "file.type": "'{suffix}' files are not published from the content folder (a page or script of this kind "
                     "would pass the checks unread); allowed: {types}",
        "file.too_large": "the file is {size} kB, more than {limit} kB: split it into several pages",
        "html.element": "the HTML element <{element}> is not allowed on a help page; write it in Markdown, or use "
                        "one of {allowed} (to show '<' as text, write &lt;)",
        "html.event": "the attribute '{attribute}' runs a script, which help pages never do; remove it",
        "html.style": "the attribute 'style' is not allowed: use Markdown (bold, lists, tables, admonitions) instead",
        "html.attribute": "the attribute '{attribute}' is not allowed on <{element}>; allowed: {allowed}",
        "html.id": "the id '{id}' starts with '__', which the theme keeps for its own elements; choose another",
        "html.link": "the link '{target}' is not allowed: link to a page of the help center, or to an https://, "
                     "mailto:, tel: or https://wa.me/ address",
        "html.link_http": "the link '{target}' is not secure: write https:// instead of http://",
        "html.image": "the image '{src}' is not a file of the help center: put it in the content folder and write "
                      "its path relative to the page, e.g. img/pesanan.png",
        "html.front_matter": "'{name}' is plain text, but '{found}' would be read as HTML; write it without angle "
                             "brackets",
        "html.quote": "'{name}' must not contain double quotes (\"): use “…” or '…' instead",
        "html.rendered": "the page renders to HTML that help pages may not contain ({found}); rewrite that part "
                         "in plain Markdown",
        "svg.unsafe": "the SVG image contains {found}, which can run a script or load a file from elsewhere when "
                      "the image is opened; export it again without scripts, links or embedded content",
        "draft.todo_answer": "the answer to '{question}' is still a draft ('TODO'): write the question as "
                             "customers ask it and its answer, then remove 'TODO'",
        "draft.todo": "the page still has a draft marker 'TODO': finish the text and remove it",
        "build.failed": "{count} content errors, the site was not built:",
        "build.preview": "preview: the site could not be built, fix the problems below and save; this page "
                         "reloads by itself",
        "build.language": "HELPCENTER_LANG must be one of {languages}, got '{value}'",
        "internal.unclosed": "the internal note opened here is never closed, so customers would miss the rest of "
                             "the page: end it with a line '{fence}'",
        "internal.heading": "the heading '{heading}' is inside an internal note, so customers would never see it: "
                            "move it out of the note, or put a question for CS agents only on a page with "
                            "'audience: agents'",
        "link.agents_only": "'{target}' leads to '{resolved}', which is for CS agents only: customers cannot open "
                            "it; link to it from an internal note (/// internal) instead",
        "audience.home": "the home page is for everyone: remove 'audience: agents' (mark a folder's index.md to keep "
                         "a folder for CS agents)",
        "audience.folder": "'audience: public' has no effect here: '{index}' makes the whole folder for CS agents "
                           "only; move the page out of the folder to publish it",
        "did_you_mean": " (did you mean '{suggestion}'?)",
        "severity.error": "error",
        "severity.warning": "warning",
        "severity.notice": "notice",
        "summary": "{pages} pages, {questions} questions: {errors} errors, {warnings} warnings, {notices} notices",
    },
    "id": {
        "review.overdue": "halaman ini seharusnya diperiksa ulang pada {due} ('reviewed' {reviewed}, setiap "
                          "{months} bulan); periksa isinya, lalu isi 'reviewed' dengan tanggal pemeriksaanmu",
        "review.due_soon": "halaman ini perlu diperiksa ulang pada {due}, {days} hari lagi; jadwalkan "
                           "pemeriksaannya",
        "review.future": "'reviewed' berisi {reviewed}, tanggal yang belum terjadi; isi dengan tanggal pemeriksaan "
                         "terakhir",
        "image.no_alt": "gambar '{src}' tidak punya teks alternatif: tulis apa yang terlihat di gambar di antara "
                        "kurung siku, misalnya ![Tombol Beli di halaman produk]({src})",
        "image.missing": "gambar '{src}' tidak ada ('{resolved}' di folder konten); periksa nama file dan "
                         "foldernya",
        "image.too_large": "gambar '{src}' berukuran {size} kB, lebih dari {limit} kB: pelanggan dengan kuota "
                           "seluler menunggu lama; pakai SVG, atau kecilkan tangkapan layar menjadi paling lebar "
                           "1200 piksel dan kompres",
        "faq.no_answer": "pertanyaan '{question}' belum punya jawaban: tulis jawabannya di bawah judul",
        "anchor.duplicate": "anchor '{anchor}' sudah dipakai di halaman ini (baris {first}); beri judul ini anchor "
                            "sendiri, misalnya {{#{anchor}-2}}",
        "link.missing_page": "tautan '{target}' tidak menuju ke mana pun: '{resolved}' tidak ada di folder konten",
        "link.missing_anchor": "tautan '{target}' menuju judul yang tidak ada: '{page}' tidak punya judul atau "
                               "anchor '#{anchor}'",
        "link.outside": "tautan '{target}' keluar dari folder konten; tautkan ke halaman di dalamnya, atau tulis "
                        "alamat lengkap https://",
        "question.duplicate": "pertanyaan '{question}' sama dengan '{other}' ({other_path}:{other_line}); "
                              "simpan satu saja dan tautkan ke sana dari halaman lain",
        "question.similar": "pertanyaan '{question}' {percent}% mirip dengan '{other}' ({other_path}:{other_line}); "
                            "kalau maksudnya sama, simpan satu saja, kalau beda, ubah kalimatnya supaya jelas "
                            "bedanya",
        "page.unreachable": "halaman ini tidak ada di navigasi dan tidak ada halaman yang menautkannya, jadi "
                            "pelanggan tidak bisa menemukannya; tambahkan ke 'nav' di mkdocs.yml atau tautkan dari "
                            "halaman lain",
        "field.missing": "'{name}' wajib diisi: {described}",
        "field.missing_plain": "'{name}' wajib diisi",
        "field.unknown": "kolom '{name}' tidak dikenal",
        "field.too_long": "'{name}' paling banyak {max} karakter, sekarang {length}",
        "field.empty": "'{name}' tidak boleh kosong: {described}",
        "field.pattern": "'{name}' tidak sesuai bentuk yang diharapkan ({described}), isinya {shown}",
        "field.not_text": "'{name}' harus berupa teks, isinya {shown}",
        "field.not_text_number": "'{name}' harus berupa teks, isinya {shown}; beri tanda kutip: \"{value}\"",
        "field.not_whole": "'{name}' harus bilangan bulat, isinya {shown}",
        "field.range": "'{name}' harus antara {low} dan {high}, isinya {value}",
        "field.too_few": "'{name}' perlu paling sedikit {min} entri: {described}",
        "field.not_list": "'{name}' harus berupa daftar (satu butir '- ' per baris), isinya {shown}",
        "field.choice": "'{name}' harus salah satu dari {expected}, isinya {shown}",
        "field.not_fields": "'{name}' harus berisi kolom (kunci: nilai), isinya {shown}",
        "field.date_with_time": "'{name}' harus tanggal seperti 2026-01-31 tanpa jam, isinya '{value}'",
        "field.date_unreal": "'{name}' harus tanggal yang ada, seperti 2026-01-31, isinya '{value}'",
        "field.date": "'{name}' harus tanggal seperti 2026-01-31, isinya '{value}'",
        "field.history_head": "'{name}' harus diawali versi yang berlaku sekarang, {version} berlaku {effective}, "
                              "isinya {head_version} berlaku {head_effective}",
        "field.type_missing": "'type' wajib diisi: salah satu dari {types}",
        "field.type_unknown": "'type' harus salah satu dari {types}, isinya '{value}'",
        "page.not_utf8": "file ini bukan teks UTF-8 (byte {byte}); simpan sebagai UTF-8",
        "page.no_front_matter": "halaman ini tidak punya front matter: awali file dengan baris '---', kolom-kolomnya "
                                "(type, title, ...), lalu baris '---' lagi",
        "page.invalid_yaml": "front matter bukan YAML yang benar: {problem}; periksa tanda kutip dan indentasi "
                             "(nilai yang berisi ': ' atau diawali '@' perlu tanda kutip)",
        "page.not_fields": "front matter harus berupa kolom seperti 'title: ...', satu per baris",
        "page.duplicate_field": "kolom '{key}' muncul dua kali di front matter; simpan satu saja",
        "faq.no_questions": "halaman FAQ perlu pertanyaan: tulis setiap pertanyaan sebagai judul '## ' dengan "
                            "jawabannya di bawahnya",
        "tutorial.no_steps": "panduan perlu langkah: tulis sebagai satu daftar bernomor (1., 2., 3.) mepet kiri",
        "related.unknown_question": "'related' menyebut '{anchor}', yang bukan pertanyaan di halaman ini; pakai "
                                    "anchor salah satu pertanyaan '## ' di halaman ini",
        "related.missing": "'related' menautkan '{link}', yang bukan pertanyaan di pusat bantuan; tulis seperti "
                           "tautan Markdown ke pertanyaan: '#<anchor>' di halaman ini, '<halaman>.md#<anchor>' di "
                           "halaman lain",
        "announced.missing": "'announced' menyebut '{link}', yang bukan halaman kebijakan di folder konten; tulis "
                             "file versi barunya seperti tautan Markdown, misalnya pengembalian-2026-12.md",
        "announced.not_later": "'announced' menyebut '{link}', yang berlaku {starts}, tidak setelah 'effective' "
                               "halaman ini ({effective}); isi 'effective' versi baru dengan tanggal mulai berlakunya",
        "announced.passed": "versi yang diumumkan '{link}' berlaku sejak {starts}, dan situs menampilkannya sejak "
                            "build pada hari itu: salin teks, versi dan riwayatnya ke halaman ini, hapus "
                            "'announced' lalu hapus '{link}'",
        "video.one_source": "video perlu satu sumber: 'youtube' (id-nya) atau 'file' (MP4 lokal), bukan keduanya "
                            "atau tidak sama sekali",
        "video.missing": "'{name}' menyebut '{target}', yang tidak ada di folder konten ('{resolved}'); periksa nama "
                         "file dan foldernya",
        "announced.not_rebuilt": "situs di '{site}' masih menampilkan versi {shown} kebijakan ini, padahal versi "
                                 "{version} berlaku sejak {starts}: build ulang situsnya, dan jadwalkan build setiap "
                                 "hari (README, 'A daily rebuild')",
        "featured.missing": "'featured' menautkan '{link}', yang bukan pertanyaan di pusat bantuan; tulis sebagai "
                            "faq/<halaman>.md#<anchor pertanyaan>",
        "yaml.anchor": "anchor dan alias YAML ('{name}') tidak boleh dipakai: tulis nilainya secara lengkap",
        "file.outside": "file ini tautan ke '{target}', di luar folder konten: situs akan ikut menerbitkan file "
                        "mesin build itu; taruh salinan filenya di folder konten",
        "file.folder_link": "folder ini tautan ke '{target}': folder tautan bisa keluar dari folder konten atau "
                            "berputar-putar; jadikan folder biasa",
        "file.broken_link": "file ini tautan ke '{target}', yang tidak ada; hapus tautannya",
        "file.special": "ini bukan file biasa (pipe, socket atau perangkat): menyalinnya bisa membuat build macet "
                        "atau menerbitkan data mesin; hapus",
        "file.hard_link": "file ini hard link ({links} nama di disk ini): isinya bisa file apa saja di mesin build; "
                          "ganti dengan salinan",
        "file.type": "file '{suffix}' tidak diterbitkan dari folder konten (halaman atau skrip jenis ini lolos "
                     "tanpa diperiksa); yang boleh: {types}",
        "file.too_large": "file ini {size} kB, lebih dari {limit} kB: pecah menjadi beberapa halaman",
        "html.element": "elemen HTML <{element}> tidak boleh dipakai di halaman bantuan; tulis dengan Markdown, "
                        "atau pakai salah satu dari {allowed} (untuk menampilkan '<' sebagai teks, tulis &lt;)",
        "html.event": "atribut '{attribute}' menjalankan skrip, dan halaman bantuan tidak pernah menjalankan "
                      "skrip; hapus",
        "html.style": "atribut 'style' tidak boleh dipakai: pakai Markdown (tebal, daftar, tabel, kotak catatan)",
        "html.attribute": "atribut '{attribute}' tidak boleh dipakai di <{element}>; yang boleh: {allowed}",
        "html.id": "id '{id}' diawali '__', yang dipakai tema untuk elemennya sendiri; pilih id lain",
        "html.link": "tautan '{target}' tidak diizinkan: tautkan ke halaman pusat bantuan, atau ke alamat "
                     "https://, mailto:, tel: atau https://wa.me/",
        "html.link_http": "tautan '{target}' tidak aman: tulis https:// sebagai ganti http://",
        "html.image": "gambar '{src}' bukan file pusat bantuan: taruh di folder konten dan tulis jalurnya relatif "
                      "terhadap halaman, misalnya img/pesanan.png",
        "html.front_matter": "'{name}' berisi teks biasa, tetapi '{found}' akan dibaca sebagai HTML; tulis tanpa "
                             "kurung sudut",
        "html.quote": "'{name}' tidak boleh berisi tanda kutip ganda (\"): pakai “…” atau '…'",
        "html.rendered": "halaman ini menghasilkan HTML yang tidak boleh ada di halaman bantuan ({found}); tulis "
                         "ulang bagian itu dengan Markdown biasa",
        "svg.unsafe": "gambar SVG ini berisi {found}, yang bisa menjalankan skrip atau memuat file dari tempat lain "
                      "saat gambarnya dibuka; ekspor ulang tanpa skrip, tautan atau isi sisipan",
        "draft.todo_answer": "jawaban untuk '{question}' masih draf ('TODO'): tulis pertanyaannya seperti "
                             "pelanggan bertanya dan jawabannya, lalu hapus 'TODO'",
        "draft.todo": "halaman ini masih punya tanda draf 'TODO': selesaikan teksnya lalu hapus tanda itu",
        "build.failed": "{count} kesalahan di konten, situs tidak dibangun:",
        "build.preview": "pratinjau: situs tidak bisa dibangun; perbaiki masalah di bawah ini lalu simpan, halaman "
                         "ini memuat ulang sendiri",
        "build.language": "HELPCENTER_LANG harus salah satu dari {languages}, isinya '{value}'",
        "internal.unclosed": "catatan internal yang dibuka di sini tidak pernah ditutup, jadi sisa halaman tidak "
                             "akan terlihat oleh pelanggan: tutup dengan baris '{fence}'",
        "internal.heading": "judul '{heading}' ada di dalam catatan internal, jadi pelanggan tidak akan pernah "
                            "melihatnya: pindahkan ke luar catatan, atau taruh pertanyaan khusus tim CS di halaman "
                            "dengan 'audience: agents'",
        "link.agents_only": "'{target}' menuju '{resolved}', yang hanya untuk tim CS: pelanggan tidak bisa "
                            "membukanya; tautkan dari dalam catatan internal (/// internal) saja",
        "audience.home": "beranda untuk semua orang: hapus 'audience: agents' (tandai index.md sebuah folder untuk "
                         "membuat folder khusus tim CS)",
        "audience.folder": "'audience: public' tidak berpengaruh di sini: '{index}' membuat seluruh folder ini "
                           "khusus tim CS; pindahkan halaman ke luar folder untuk menerbitkannya",
        "did_you_mean": " (maksudnya '{suggestion}'?)",
        "severity.error": "kesalahan",
        "severity.warning": "peringatan",
        "severity.notice": "catatan",
        "summary": "{pages} halaman, {questions} pertanyaan: {errors} kesalahan, {warnings} peringatan, "
                   "{notices} catatan",
    },
})

# What each front-matter field holds, for messages in Indonesian; the English lives with the field in schema.py.
FIELD_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "id": {
        "type": "jenis halaman: faq, policy, tutorial atau page",
        "title": "judul halaman, misalnya \"Pembayaran\"",
        "description": "satu kalimat untuk mesin pencari dan cuplikan hasil pencarian, paling banyak 160 karakter",
        "owner": "siapa yang bertanggung jawab atas halaman ini, misalnya \"@dewi-lestari\" (dalam tanda kutip)",
        "reviewed": "tanggal pemeriksaan terakhir, seperti 2026-01-31",
        "review_months": "berapa bulan setelah 'reviewed' halaman perlu diperiksa lagi",
        "order": "urutan halaman di foldernya",
        "audience": "siapa pembaca halaman ini: public (semua orang, bawaan) atau agents (hanya tim CS, di edisi CS; "
                    "di index.md sebuah folder, berlaku untuk seluruh folder)",
        "hide": "bagian tampilan yang disembunyikan",
        "icon": "ikon dari tema, misalnya material/truck-outline",
        "template": "template dari theme/, misalnya home.html",
        "tags": "kata kunci yang tampil di halaman",
        "effective": "tanggal mulai berlaku, seperti 2026-01-31",
        "version": "nomor versi dalam tanda kutip, misalnya \"2.0\"",
        "summary": "isi kebijakan dalam satu baris, tanpa pindah baris",
        "history": "riwayat perubahan, yang terbaru di atas; entri pertama adalah versi yang berlaku",
        "changes": "apa yang berubah, dalam satu atau dua kalimat",
        "duration": "berapa menit tugas ini, bilangan bulat",
        "related": "pertanyaan terkait di bawah jawaban: anchor pertanyaannya, lalu tautan ke pertanyaan lain "
                   "seperti di Markdown, misalnya bayar-cod: [\"#ganti-metode\", pembatalan.md#batal-cod]",
        "announced": "versi berikutnya dari kebijakan ini, diumumkan lebih dulu: halaman kebijakan lain, misalnya "
                     "pengembalian-2026-12.md, yang 'effective'-nya adalah tanggal mulai berlaku",
        "video": "video langkah-langkahnya: title, youtube atau file, captions, poster",
        "youtube": "id video YouTube, 11 karakter setelah 'v=' di alamatnya, misalnya dQw4w9WgXcQ",
        "file": "video MP4 dari folder konten, misalnya video/lacak.mp4",
        "captions": "teks video sebagai file WebVTT, misalnya video/lacak.vtt: tampil di bawah video lokal, dan isinya "
                    "menjadi transkrip yang ditemukan pencarian",
        "poster": "gambar yang tampil sebelum video diputar, dari folder konten, misalnya img/lacak-video.svg",
        "featured": "pertanyaan unggulan, sebagai tautan dari folder konten, misalnya faq/pembayaran.md#bayar-cod",
    },
}


def text(code: str, language: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The catalog text for `code`, filled in; a 'suggestion' parameter adds "did you mean ...?"."""
    if "described" in params:
        described = FIELD_DESCRIPTIONS.get(language, {}).get(str(params.get("field_key")), params["described"])
        params = {**params, "described": described}
    result = PROBLEMS.text(code, language, **params)
    if params.get("suggestion"):
        result += PROBLEMS.text("did_you_mean", language, suggestion=params["suggestion"])
    return result
