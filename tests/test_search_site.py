"""The search parts of the built site: material's page settings name our worker; our header is material's own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
from jinja2 import TemplateError

from hooks.search import search_worker

ROOT = Path(__file__).resolve().parent.parent
MATERIAL = Path(material.__file__).parent / "templates"


MATERIAL_SEARCH = """\
    {% if "material/search" in config.plugins %}
      {% set search = config.plugins["material/search"] | attr("config") %}
      {% if search.enabled %}
        <label class="md-header__button md-icon" for="__search">
          {% set icon = config.theme.icon.search or "material/magnify" %}
          {% include ".icons/" ~ icon ~ ".svg" %}
        </label>
        {% include "partials/search.html" %}
      {% endif %}
    {% endif %}
"""
OUR_SEARCH = """\
    <label class="md-header__button md-icon" for="__search">
      {% set icon = config.theme.icon.search or "material/magnify" %}
      {% include ".icons/" ~ icon ~ ".svg" %}
    </label>
    {% include "partials/search.html" %}
"""


def test_the_header_is_materials_with_search_always_on() -> None:
    """theme/partials/header.html is a copy: a material upgrade must be merged into it by hand."""
    comment = re.compile(r" *\{#-.*?-#\}\n", re.DOTALL)
    ours = comment.sub("", (ROOT / "theme" / "partials" / "header.html").read_text())
    original = comment.sub("", (MATERIAL / "partials" / "header.html").read_text())
    assert MATERIAL_SEARCH in original
    assert ours == original.replace(MATERIAL_SEARCH, OUR_SEARCH)


def test_every_page_points_material_at_our_worker(built_site: Path) -> None:
    for html in [built_site / "index.html", built_site / "faq" / "pengiriman" / "index.html"]:
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                      html.read_text(), re.DOTALL).group(1))
        worker = (html.parent / config["search"]).resolve()
        assert worker == (built_site / "assets" / "javascripts" / "search" / "worker.js").resolve()
        assert worker.is_file()


def test_material_without_a_worker_setting_fails_the_build() -> None:
    with pytest.raises(TemplateError, match="names no search worker"):
        search_worker('{"base": ".."}', "assets/javascripts/search/worker.js")


def test_the_site_ships_no_material_search_index(built_site: Path) -> None:
    stub = json.loads((built_site / "search" / "search_index.json").read_text())
    assert stub["docs"] == []
    index = built_site / "search" / stub["config"]["helpcenter"]["index"]
    assert index.is_file() and json.loads(index.read_text())["format"] == "helpcenter-search"


def test_material_search_plugin_is_off() -> None:
    """MkDocs adds its search plugin when `plugins` is missing: it would index every page a second time."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert "material/search" not in config.plugins and "search" not in config.plugins


def test_pages_count_results_in_the_help_centers_words_and_carry_the_panels_settings(built_site: Path) -> None:
    html = (built_site / "faq" / "pengiriman" / "index.html").read_text()
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html,
                                  re.DOTALL).group(1))
    translations = config["translations"]
    assert (translations["search.result.none"], translations["search.result.one"],
            translations["search.result.other"]) == ("Belum ada jawaban yang pas", "1 hasil", "# hasil")
    assert "dokumen" not in json.dumps(translations) and "search.result.more.other" in translations
    panel = config["hcSearch"]
    assert panel["texts"]["did_you_mean"] == "Maksud Anda" and panel["texts"]["nearest"] == "Mungkin yang Anda cari:"
    whatsapp, email, phone = panel["contact"]
    assert whatsapp["channel"] == "whatsapp" and whatsapp["label"] == "Hubungi CS lewat WhatsApp"
    assert whatsapp["href"].startswith("https://wa.me/6281200001234?text=Halo%20Toko%20Senja")
    assert "%22{query}%22" in whatsapp["href"] and email["href"].endswith("?subject=Bantuan%3A%20{query}")
    assert phone["href"] == "tel:+622150001234"


def test_the_panels_settings_are_in_english_for_an_english_shop() -> None:
    from helpcenter.content.shop import Shop
    from helpcenter.search.panel import panel_settings

    translations, panel = panel_settings(Shop(name="Shop", contact={"whatsapp": "0812-0000-1234"}), "en")
    assert translations["search.result.other"] == "# results"
    [whatsapp] = panel["contact"]
    assert whatsapp["label"] == "Contact CS via WhatsApp" and "help%20center%20for%20%22{query}%22" in whatsapp["href"]
