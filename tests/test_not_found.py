"""The 404 page, as the real servers send it for an unknown address: nginx with deploy/nginx.conf, and
`helpcenter serve`. In the site's language, with the search box, the topics and the contact block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpcenter.manifest import FILE_NAME
from helpcenter.testing.servers import Endpoint, free_port, nginx_server
from tests.conftest import ROOT, phone_page

pytestmark = pytest.mark.browser

NGINX_CONF = (ROOT / "deploy" / "nginx.conf").read_text()


@pytest.fixture(params=["nginx", "helpcenter serve"])
def server(request, built_site: Path, tmp_path: Path):
    if request.param == "nginx":
        # No API behind it: the 404 page sends nothing to the endpoint.
        conf = NGINX_CONF.replace("/srv/pusat-bantuan/site", str(built_site)).replace(
            "server 127.0.0.1:8000;", f"server 127.0.0.1:{free_port()};")
        with nginx_server(conf) as port:
            yield f"http://127.0.0.1:{port}"
    else:
        endpoint = Endpoint({"HELPCENTER_DATABASE_URL": f"sqlite:///{tmp_path / 'feedback.sqlite3'}",
                             "HELPCENTER_SITE_DIR": str(built_site),
                             "HELPCENTER_MANIFEST": str(built_site / FILE_NAME)}).start()
        yield endpoint.url
        endpoint.stop()


@pytest.fixture
def phone(browser):
    with phone_page(browser) as page:
        yield page


def test_an_unknown_address_gets_a_page_that_leads_on(phone, server: str) -> None:
    response = phone.goto(server + "/faq/pembayaran-lama/cara-bayar/")
    assert response.status == 404
    assert phone.evaluate("document.documentElement.lang") == "id"
    assert phone.title() == "Halaman tidak ditemukan - Pusat Bantuan Toko Senja"
    assert phone.locator("h1").inner_text() == "Halaman tidak ditemukan"
    assert "404" not in phone.locator("article").inner_text()
    assert phone.locator(".hc-contact [data-hc-channel]").count() == 3
    assert phone.locator(".hc-contact [data-hc-channel=whatsapp]").is_visible()

    # The search box searches, from any depth of a wrong address.
    phone.locator("[data-hc-open-search]").click()
    query = phone.locator("[data-md-component=search-query]")
    query.wait_for(state="visible")
    phone.get_by_text("Ketik untuk mulai pencarian").wait_for()
    query.press_sequentially("bayar cod", delay=20)
    # Each keystroke is a query; the results of "bayar c" may show first. Wait for those of the whole query.
    phone.locator(".md-search-result__list", has_text=re.compile("COD")).wait_for()
    phone.keyboard.press("Escape")

    # The topics lead to their pages.
    phone.goto(server + "/faq/pembayaran-lama/cara-bayar/")
    topics = phone.locator(".hc-cards--topics a")
    assert topics.count() >= 6
    topics.filter(has_text="Pembayaran").click()
    phone.wait_for_url("**/faq/pembayaran/")
    assert phone.locator("h1").inner_text() == "Pembayaran"
