"""The agents' edition as a CS agent uses it, in real headless Chromium: behind the token at /agents/, find an
answer by typing a customer's words, copy it as WhatsApp text with its public link (read back from the clipboard),
fill a template's blanks, and the copy counted without anything typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.feedback import store
from helpcenter.manifest import FILE_NAME
from helpcenter.testing.servers import Endpoint, wait_for_rows
from tests.test_search_browser import LISTEN, search

pytestmark = pytest.mark.browser

TOKEN = "token-for-the-cs-team-0123456789"
SITE = "https://bantuan.tokosenja.example/"


@pytest.fixture
def help_center_with_agents(built_site: Path, agents_site: Path, tmp_path: Path):
    """`make demo` in miniature: the public site, the agents' edition and the API from one uvicorn process."""
    database = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    server = Endpoint({"HELPCENTER_DATABASE_URL": database, "HELPCENTER_SITE_DIR": str(built_site),
                       "HELPCENTER_AGENTS_DIR": str(agents_site), "HELPCENTER_ADMIN_TOKEN": TOKEN,
                       "HELPCENTER_MANIFEST": str(built_site / FILE_NAME)}).start()
    server.database = database
    yield server
    server.stop()


@pytest.fixture
def agent(browser, help_center_with_agents):
    """A CS agent's browser: signed in with the token (Chromium answers the Basic challenge), clipboard allowed."""
    context = browser.new_context(http_credentials={"username": "cs", "password": TOKEN},
                                  permissions=["clipboard-read", "clipboard-write"],
                                  viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.base = help_center_with_agents.url + "/agents/"
    yield page
    context.close()
    assert errors == []


def copy(page, question: str) -> str:
    """Press "Salin jawaban" under `question` and read what it put in the clipboard."""
    button = page.get_by_role("button", name=f"Salin jawaban: {question}")
    button.click()
    status = button.locator("xpath=..").get_by_role("status")
    status.filter(has_text="Jawaban disalin").wait_for()
    return page.evaluate("navigator.clipboard.readText()")


def test_without_the_token_the_browser_gets_nothing(browser, help_center_with_agents) -> None:
    anonymous = browser.new_context()
    answer = anonymous.request.get(help_center_with_agents.url + "/agents/faq/pembayaran/")
    assert answer.status == 401 and "Catatan internal" not in answer.text()
    anonymous.close()


def test_an_answer_with_a_list_and_a_link_as_whatsapp_text(agent, help_center_with_agents) -> None:
    agent.goto(agent.base + "faq/pengembalian-refund/")
    assert copy(agent, "Bagaimana cara mengajukan pengembalian?") == (
        "Ajukan langsung dari aplikasi:\n\n"
        "1. Buka *Akun → Pesanan Saya*.\n"
        "2. Pilih pesanan yang ingin dikembalikan.\n"
        "3. Ketuk *Ajukan Pengembalian*.\n"
        "4. Pilih barang, jelaskan alasannya, lalu lampirkan foto dan video unboxing kalau ada.\n\n"
        "Tim CS akan meninjau pengajuanmu dalam *2 hari kerja*. Kalau disetujui, kamu akan mendapat petunjuk untuk "
        "mengirim barang kembali. Panduan lengkap dengan gambar ada di Cara Mengajukan Pengembalian "
        f"({SITE}panduan/ajukan-pengembalian/).\n\n"
        f"{SITE}faq/pengembalian-refund/#cara-ajukan")
    [row] = wait_for_rows(help_center_with_agents.database, store.events, 1)
    assert (row["kind"], row["page"], row["anchor"], row["query"], row["channel"]) == (
        "copy", "faq/pengembalian-refund/", "cara-ajukan", None, None)


def test_the_internal_note_stays_out_of_the_copy(agent) -> None:
    agent.goto(agent.base + "faq/pengembalian-refund/")
    note = agent.locator(".hc-internal").nth(1)
    assert note.is_visible() and "Panel Admin" in note.inner_text()
    copied = copy(agent, "Refund saya belum masuk juga, harus gimana?")
    assert copied.startswith("Pertama, cek lagi perkiraan waktunya.")
    assert "dihitung dalam *hari kerja*." in copied and "hubungi *Chat CS* di menu *Bantuan*" in copied
    assert copied.endswith("Tim kami akan membantu mengecek status refund kamu.\n\n"
                           f"{SITE}faq/pengembalian-refund/#refund-belum-masuk")
    assert "Panel Admin" not in copied and "Catatan internal" not in copied and "Finance" not in copied


def test_a_tutorial_copies_whole_with_its_steps_and_images_as_their_alt_text(agent) -> None:
    agent.goto(agent.base + "panduan/ajukan-pengembalian/")
    copied = copy(agent, "Ajukan Pengembalian Barang")
    assert copied.startswith("Barang yang kamu terima rusak, salah kirim, kurang lengkap, atau ternyata kurang "
                             "cocok?")
    assert "\n\n*Langkah-langkah*\n\n1. Buka *Akun* → *Pesanan Saya*, pilih pesanannya, lalu ketuk *Ajukan " \
           "Pengembalian*.\n   Batas akhir pengajuan tertulis di halaman detail pesanan.\n   [Halaman Detail " \
           "Pesanan berstatus Diterima" in copied
    assert "\n   Tahapan pengembalian: ditinjau CS, kirim barang, barang dicek, lalu dana dikembalikan.\n6. " in copied
    assert "*Barang elektronik rusak setelah dipakai?*\n\nKalau kerusakannya" in copied
    assert "Berubah pikiran" not in copied and "Panel Admin" not in copied
    assert copied.endswith(f"\n\n{SITE}panduan/ajukan-pengembalian/")


def test_every_format_an_answer_can_have(agent) -> None:
    """A made-up answer with every kind of content, put in place of one, through the page's own script."""
    agent.goto(agent.base + "faq/pembayaran/")
    agent.evaluate("""() => {
        const heading = document.getElementById("qris");
        while (!heading.nextElementSibling.matches("[data-hc-copy]")) heading.nextElementSibling.remove();
        heading.insertAdjacentHTML("afterend", `
          <p>Bisa, <strong>tanpa biaya</strong>, <em>semua</em> bank. <del>Dulu</del> <s>tidak</s>.<br>Baris baru
             dengan <code>KODE10</code> dan <a href="#bayar-cod">COD</a> atau <a href="https://qris.id/">https://qris.id/</a>
             dan <a href="mailto:cs@tokosenja.example">e-mail kami</a>.</p>
          <ul><li>Satu<ul><li>Satu A</li></ul></li><li><p>Dua</p><p>lanjutan</p></li></ul>
          <ol start="3"><li>Tiga</li><li>Empat <img src="x.svg" alt="Layar QRIS"></li></ol>
          <div class="admonition hc-internal"><p class="admonition-title">Catatan internal</p><p>RAHASIA</p></div>
          <table><thead><tr><th>Bank</th><th>Waktu</th></tr></thead><tbody>
            <tr><td>BCA</td><td>1 menit</td></tr><tr><td>BRI</td><td><strong>5</strong> menit</td></tr></tbody></table>
          <figure><img src="y.svg" alt=""><figcaption>Tanpa teks alternatif</figcaption></figure>`);
    }""")
    assert copy(agent, "Bisa bayar pakai QRIS?") == (
        "Bisa, *tanpa biaya*, _semua_ bank. ~Dulu~ ~tidak~.\nBaris baru dengan `KODE10` dan "
        f"COD ({SITE}faq/pembayaran/#bayar-cod) atau https://qris.id/ dan e-mail kami (cs@tokosenja.example).\n\n"
        "- Satu\n   - Satu A\n- Dua\n   lanjutan\n\n"
        "3. Tiga\n4. Empat [Layar QRIS]\n\n"
        "- BCA: 1 menit\n- BRI: *5* menit\n\n"
        "Tanpa teks alternatif\n\n"
        f"{SITE}faq/pembayaran/#qris")


def test_a_template_asks_for_its_blanks_before_copying_and_counts_nothing(agent, help_center_with_agents) -> None:
    agent.goto(agent.base + "sop/template-jawaban/")
    button = agent.get_by_role("button", name="Salin jawaban: Pesanan terlambat dari perkiraan")
    button.click()
    form = agent.locator(".hc-copy__form")
    assert form.get_by_role("group", name="Lengkapi dulu sebelum menyalin").is_visible()
    name, order = form.get_by_label("Nama"), form.get_by_label("Nomor pesanan")
    assert agent.evaluate("document.activeElement.name") == "nama"
    agent.keyboard.press("Escape")
    assert form.count() == 0 and agent.evaluate("document.activeElement.textContent") == "Salin jawaban"

    agent.keyboard.press("Enter")
    form.get_by_role("button", name="Salin", exact=True).click()
    assert name.evaluate("input => input.validity.valueMissing"), "every blank is required"
    name.fill("Rina")
    order.fill("SNJ-2611-0042")
    order.press("Enter")
    button.locator("xpath=..").get_by_role("status").filter(has_text="Jawaban disalin").wait_for()
    assert agent.evaluate("navigator.clipboard.readText()") == (
        "Maaf ya, Kak Rina, pesanan *SNJ-2611-0042* belum sampai sesuai perkiraan. Saya sudah meneruskan ke tim "
        "pengiriman dan akan mengabari Kakak paling lambat *besok pukul 12.00 WIB*.\n\n"
        "Sambil menunggu, Kakak bisa memantau posisi paketnya di Lacak Pesanan "
        f"({SITE}faq/lacak-pesanan/#cara-lacak).")
    assert form.count() == 0 and agent.evaluate("document.activeElement.textContent") == "Salin jawaban"
    assert wait_for_rows(help_center_with_agents.database, store.events, 1, timeout=2) == [], \
        "a page for agents only has no public page to count a copy against"


def test_instant_navigation_keeps_copy_working(agent) -> None:
    """Material swaps the page in place when its location changes. (A click does that only for the addresses of
    the edition's sitemap, whose port a test server on a free port never has: the swap is asked for directly.)"""
    agent.goto(agent.base)
    agent.evaluate("window.__hcSamePage = true")
    agent.evaluate("location$.next(new URL('faq/pembayaran/', location.href))")
    agent.get_by_role("heading", name="Pembayaran", level=1).wait_for()
    assert agent.evaluate("window.__hcSamePage") is True, "the page changed without a reload"
    assert copy(agent, "Bisa bayar di tempat (COD)?").startswith("Bisa, dengan ketentuan berikut:\n\n- Total ")


def test_an_agent_finds_an_answer_by_the_customers_words(agent) -> None:
    agent.set_viewport_size({"width": 1200, "height": 900})
    agent.goto(agent.base)
    agent.evaluate(LISTEN)
    # The first result entry: the page, with its best matching answers under it.
    assert "faq/pengembalian-refund/#refund-belum-masuk" in search(agent, "kak refund gagal katanya rekening salah")[0]
    assert "sop/template-jawaban/#salam-pembuka" in search(agent, "salam pembuka")[0]
