"""The agents' edition as deployed: the shipped nginx configuration serves it only with the admin token, which it
asks the real endpoint about (auth_request); the public site beside it stays as it was."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

import httpx2 as httpx
import pytest

from helpcenter.build.precompress import precompress
from helpcenter.manifest import FILE_NAME
from helpcenter.testing.servers import Endpoint, nginx_server
from tests.conftest import ROOT

TOKEN = "token-for-the-cs-team-0123456789"


def basic(password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"cs:{password}".encode()).decode()}


@pytest.fixture(scope="module")
def behind_nginx(built_site: Path, agents_site: Path, tmp_path_factory: pytest.TempPathFactory):
    """`make build agents`, copied to the server; the API alone under uvicorn (nginx serves both folders)."""
    work = tmp_path_factory.mktemp("deploy")
    site, agents = work / "site", work / "site-agents"
    shutil.copytree(built_site, site)
    shutil.copytree(agents_site, agents)
    precompress(agents)
    api = Endpoint({"HELPCENTER_DATABASE_URL": f"sqlite:///{work / 'feedback.sqlite3'}", "HELPCENTER_SITE_DIR": "",
                    "HELPCENTER_AGENTS_DIR": "", "HELPCENTER_ADMIN_TOKEN": TOKEN,
                    # Every client is nginx's address here: the wrong tokens below are more than a minute allows.
                    "HELPCENTER_TOKEN_ATTEMPTS": "1000",
                    "HELPCENTER_MANIFEST": str(site / FILE_NAME)}).start()
    conf = (ROOT / "deploy" / "nginx.conf").read_text().replace("/srv/pusat-bantuan/site-agents/", f"{agents}/")
    conf = conf.replace("/srv/pusat-bantuan/site", str(site)).replace("server 127.0.0.1:8000;",
                                                                       f"server 127.0.0.1:{api.port};")
    with nginx_server(conf) as port, httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        yield client
    api.stop()


@pytest.mark.parametrize("path", ["/agents/", "/agents/faq/pengembalian-refund/", "/agents/sop/eskalasi/",
                                  "/agents/search/search_index.json", "/agents/helpcenter-manifest.json",
                                  "/agents/tidak-ada/"])
@pytest.mark.parametrize("headers", [{}, basic("salah-salah-salah"), basic(TOKEN + "x")])
def test_without_the_token_nginx_serves_nothing_of_the_edition(behind_nginx, path: str, headers: dict) -> None:
    answer = behind_nginx.get(path, headers=headers)
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == 'Basic realm="Pusat Bantuan, edisi CS", charset="UTF-8"'
    assert "Catatan internal" not in answer.text and "Eskalasi" not in answer.text


def test_with_the_token_nginx_serves_the_edition_privately_and_compressed(behind_nginx) -> None:
    page = behind_nginx.get("/agents/faq/pengembalian-refund/", headers={**basic(TOKEN), "accept-encoding": "gzip"})
    assert page.status_code == 200 and '<p class="admonition-title">Catatan internal</p>' in page.text
    assert page.headers["content-encoding"] == "gzip"
    assert page.headers["cache-control"] == "private, no-cache"
    assert page.headers["x-robots-tag"] == "noindex, nofollow"
    assert behind_nginx.get("/agents/sop/template-jawaban/", headers=basic(TOKEN)).status_code == 200
    missing = behind_nginx.get("/agents/tidak-ada/", headers=basic(TOKEN))
    assert missing.status_code == 404 and 'href="/agents/assets/stylesheets/' in missing.text
    moved = behind_nginx.get("/agents")
    assert moved.status_code == 301 and moved.headers["location"].endswith("/agents/")


def test_the_check_is_nginx_own_and_the_public_site_stays_public(behind_nginx) -> None:
    assert behind_nginx.get("/api/v1/agents/auth", headers=basic(TOKEN)).status_code == 404
    home = behind_nginx.get("/")
    assert home.status_code == 200 and "Masih butuh bantuan?" in home.text and "x-robots-tag" not in home.headers
    assert behind_nginx.get("/sop/").status_code == 404
    assert behind_nginx.get("/api/v1/health").json()["status"] == "ok"
