"""Words the help center shows around the content, in Indonesian (the default) and English.

Add a language by adding a catalog with the same keys; a missing key falls back to Indonesian.
"""

from __future__ import annotations

from datetime import date

DEFAULT_LANGUAGE = "id"

CATALOGS: dict[str, dict[str, str]] = {
    "id": {
        "contact.title": "Masih butuh bantuan?",
        "contact.intro": "Tim {shop} siap membantu kamu.",
        "contact.hours": "Jam layanan",
        "contact.choose": "Pilih cara menghubungi kami",
        "contact.whatsapp": "WhatsApp",
        "contact.email": "E-mail",
        "contact.phone": "Telepon",
        "contact.whatsapp_message": "Halo {shop}, saya sudah membaca \"{page}\" di pusat bantuan, "
                                    "tapi masih butuh bantuan.",
        "contact.email_subject": "Bantuan: {page}",
        "policy.effective": "Berlaku sejak {date}",
        "policy.effective_future": "Berlaku mulai {date}",
        "policy.version": "Versi {version}",
        "policy.history": "Riwayat perubahan",
        "tutorial.duration": "Perkiraan waktu: {minutes} menit",
        "tutorial.steps": "{count} langkah",
        "section.pages": "Di bagian ini",
        "page.reviewed": "Terakhir diperiksa {date}",
        "home.heading": "Ada yang bisa kami bantu?",
        "home.search": "Cari jawaban, misalnya \"cara bayar COD\"",
        "home.categories": "Topik bantuan",
        "home.top_questions": "Pertanyaan populer",
        "home.more": "Panduan dan kebijakan",
        "faq.questions": "{count} pertanyaan",
        "vote.question": "Apakah ini membantu?",
        "vote.yes": "Ya",
        "vote.no": "Tidak",
        "vote.reasons": "Apa yang kurang?",
        "vote.reason.unclear": "Sulit dipahami",
        "vote.reason.incomplete": "Informasinya kurang lengkap",
        "vote.reason.wrong": "Salah atau sudah tidak berlaku",
        "vote.reason.not_found": "Bukan yang saya cari",
        "vote.reason.other": "Lainnya",
        "vote.comment": "Ceritakan lebih lanjut (opsional)",
        "vote.send": "Kirim",
        "vote.contact": "Atau langsung hubungi kami:",
        "vote.thanks": "Terima kasih atas masukanmu!",
        "vote.thanks_more": "Terima kasih, masukanmu membantu kami memperbaiki jawaban ini.",
        "notfound.title": "Halaman tidak ditemukan",
        "notfound.text": "Alamat ini tidak ada di pusat bantuan kami. Mungkin salah ketik, atau halamannya sudah "
                         "dipindah. Cari jawabanmu di sini, atau pilih topik di bawah.",
        "footer.contact": "Layanan pelanggan",
        "footer.policies": "Kebijakan",
        "footer.about": "Pusat bantuan resmi {shop}",
        "search.dialog": "Pencarian",
    },
    "en": {
        "contact.title": "Still need help?",
        "contact.intro": "The {shop} team is here to help you.",
        "contact.hours": "Service hours",
        "contact.choose": "Choose how to reach us",
        "contact.whatsapp": "WhatsApp",
        "contact.email": "E-mail",
        "contact.phone": "Phone",
        "contact.whatsapp_message": "Hi {shop}, I read \"{page}\" in the help center but still need help.",
        "contact.email_subject": "Help: {page}",
        "policy.effective": "In effect since {date}",
        "policy.effective_future": "Takes effect on {date}",
        "policy.version": "Version {version}",
        "policy.history": "Change history",
        "tutorial.duration": "Takes about {minutes} minutes",
        "tutorial.steps": "{count} steps",
        "section.pages": "In this section",
        "page.reviewed": "Last reviewed {date}",
        "home.heading": "How can we help?",
        "home.search": "Search for answers, e.g. \"cash on delivery\"",
        "home.categories": "Help topics",
        "home.top_questions": "Popular questions",
        "home.more": "Guides and policies",
        "faq.questions": "{count} questions",
        "vote.question": "Was this helpful?",
        "vote.yes": "Yes",
        "vote.no": "No",
        "vote.reasons": "What was missing?",
        "vote.reason.unclear": "Hard to understand",
        "vote.reason.incomplete": "Not enough information",
        "vote.reason.wrong": "Wrong or out of date",
        "vote.reason.not_found": "Not what I was looking for",
        "vote.reason.other": "Something else",
        "vote.comment": "Tell us more (optional)",
        "vote.send": "Send",
        "vote.contact": "Or contact us directly:",
        "vote.thanks": "Thank you for your feedback!",
        "vote.thanks_more": "Thank you, your feedback helps us improve this answer.",
        "notfound.title": "Page not found",
        "notfound.text": "This address is not in our help center. It may be mistyped, or the page has moved. "
                         "Search for your answer here, or pick a topic below.",
        "footer.contact": "Customer service",
        "footer.policies": "Policies",
        "footer.about": "The official help center of {shop}",
        "search.dialog": "Search",
    },
}

_MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}


def translate(key: str, language: str = DEFAULT_LANGUAGE, **params: object) -> str:
    catalog = CATALOGS.get(language, CATALOGS[DEFAULT_LANGUAGE])
    text = catalog.get(key, CATALOGS[DEFAULT_LANGUAGE][key])
    return text.format(**params) if params else text


def format_date(day: date, language: str = DEFAULT_LANGUAGE) -> str:
    """'1 Januari 2026' in Indonesian, 'January 1, 2026' in English."""
    month = _MONTHS.get(language, _MONTHS[DEFAULT_LANGUAGE])[day.month - 1]
    return f"{month} {day.day}, {day.year}" if language == "en" else f"{day.day} {month} {day.year}"
