"""A new shop's README and writing guide match its own files, the next steps start a repository, and a shop
without a contact channel is warned about."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import main
from helpcenter.content.check import check_content
from helpcenter.content.schema import field_reference
from tests.test_writing_guide import apply_examples

OPTIONS = ["--name", "Toko Maju", "--url", "https://bantuan.tokomaju.example/"]
CONTACT = ["--whatsapp", "0812-3456-7890", "--email", "cs@tokomaju.example"]
# A path in the repository as a document names it: `content/faq/pesanan.md`, `tests/test_content.py`.
_PATH = re.compile(r"`((?:content|tests|deploy|theme|hooks|helpcenter|feedback_api)/[^`\s]*"
                   r"|[A-Za-z.]+\.(?:md|yml|toml))`")
_TEXT_BLOCK = re.compile(r"^```text\n.*?^```$", re.MULTILINE | re.DOTALL)


def _new_shop(folder: Path, *options: str):
    return CliRunner().invoke(main, ["new-shop", str(folder), *OPTIONS, *options])


def _mentioned(text: str) -> set[str]:
    """Paths a document tells its reader to open; example output (```text blocks) is not an instruction."""
    return set(_PATH.findall(_TEXT_BLOCK.sub("", text)))


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_file_the_docs_mention_is_in_the_new_shop(tmp_path: Path, language: str) -> None:
    shop = tmp_path / "shop"
    assert _new_shop(shop, *CONTACT, "--language", language).exit_code == 0
    guide = (shop / "CONTRIBUTING.md").read_text(encoding="utf-8")
    readme = (shop / "README.md").read_text(encoding="utf-8")
    apply_examples(shop / "content", guide)  # the tutorial example creates its page
    missing = {path for path in _mentioned(guide) | _mentioned(readme)
               if not (shop / path).exists() and not path.endswith("/")}
    assert missing == set()
    assert "Toko Senja" not in readme and "# Toko Maju: help center" in readme
    assert "- `content/faq/pesanan.md`" in readme if language == "id" else "- `content/faq/orders.md`" in readme


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_guides_examples_pass_the_new_shops_check(tmp_path: Path, language: str) -> None:
    shop = tmp_path / "shop"
    assert _new_shop(shop, *CONTACT, "--language", language).exit_code == 0
    changed = apply_examples(shop / "content", (shop / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    assert len(changed) == 6
    site = check_content(shop / "content", date.today(), shop / "mkdocs.yml")
    assert [str(problem) for problem in site.problems if problem.severity.value == "error"] == []


def test_the_new_shops_readme_documents_every_field(tmp_path: Path) -> None:
    assert _new_shop(tmp_path / "shop", *CONTACT).exit_code == 0
    readme = (tmp_path / "shop" / "README.md").read_text(encoding="utf-8")
    assert "## Writing content" in readme  # where the writing guide sends its reader for the fields
    for name in {name for fields in field_reference().values() for name in fields}:
        assert f"| `{name}` |" in readme, name


def test_the_next_steps_start_a_repository(tmp_path: Path) -> None:
    result = _new_shop(tmp_path / "shop", *CONTACT)
    assert result.exit_code == 0
    assert (f"Next: cd {tmp_path / 'shop'} && git init && git add . && git commit -m \"Pusat bantuan Toko Maju\" "
            "&& make run") in result.output
    assert "Warning" not in result.output


def test_a_shop_without_a_contact_channel_is_warned_about(tmp_path: Path) -> None:
    result = _new_shop(tmp_path / "shop")
    assert result.exit_code == 0
    assert "Warning: no contact channel (--whatsapp, --email or --phone)" in result.output
    assert "contact channels: none yet" in (tmp_path / "shop" / "README.md").read_text(encoding="utf-8")
