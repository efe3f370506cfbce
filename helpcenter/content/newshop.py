"""Start a new shop's help center from this project: the product (core, hooks, theme, endpoint, deployment, CI)
with small starter content and mkdocs.yml set to the shop, instead of the demo shop to delete by hand.

The starter content lives in `helpcenter/starter/<language>/`, Markdown with `$shop`, `$owner` and `$today`
filled in; mkdocs.yml is the project's own with its lines marked SHOP rewritten, so a new shop gets the same
plugins and hooks as the project. Its README is its own (its files, its commands), and the writing guide's examples
name the starter's files, so that every file the documents mention is in the new repository.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Template

from helpcenter.content.schema import PAGE_TYPES, field_reference, validate_model
from helpcenter.content.shop import Shop
from helpcenter.messages.catalog import LANGUAGES

# The project as a new shop needs it; tests/ and bench/ are about the demo shop and stay behind, and the README
# is written for the shop (`_readme`).
PRODUCT = ("helpcenter", "feedback_api", "hooks", "theme", "deploy", ".github", ".ci", "Makefile", "pyproject.toml",
           "LICENSE", ".gitignore", "CONTRIBUTING.md", "mkdocs-agents.yml")
# The writing guide's examples name files the sample shop and the Indonesian starter both have; an English shop's
# starter names them in English.
_GUIDE_FILES = {
    "en": {"content/faq/pesanan.md": "content/faq/orders.md", "faq/pesanan.md": "faq/orders.md",
           "pesanan.md#cara-pesan": "orders.md#place-an-order",
           "faq/pesanan.md#cara-pesan": "faq/orders.md#place-an-order",
           "content/kebijakan/pengembalian.md": "content/policies/returns.md",
           "../kebijakan/pengembalian.md": "../policies/returns.md",
           "content/panduan/": "content/guides/", "../panduan/cara-berbelanja.md": "../guides/how-to-shop.md",
           "img/belanja-tambah-keranjang.svg": "img/cart.svg",
           "content/sop/template-jawaban.md": "content/sop/answer-templates.md"},
}
STARTER = Path(__file__).resolve().parents[1] / "starter"
_SKIP = shutil.ignore_patterns("__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache")
# Words of the project's mkdocs.yml that a shop in English reads in English.
_ENGLISH = {
    "Tautan ke bagian ini": "Link to this section",
}
_SHOP_TEST = '''"""The shop's own checks: its content passes the content check and the site builds with --strict."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_content_passes_the_check() -> None:
    result = subprocess.run([sys.executable, "-m", "helpcenter", "check", "content", "--strict"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_site_builds_with_strict(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
'''


class NewShopError(ValueError):
    """The shop cannot be created as asked; the message says which option to change."""


@dataclass(frozen=True)
class NewShop:
    name: str
    url: str
    language: str = "id"
    whatsapp: str | None = None
    email: str | None = None
    phone: str | None = None
    hours: str | None = None
    owner: str = "@cs-lead"
    edit_uri: str = ""


def create_shop(project: Path, target: Path, shop: NewShop, today: date) -> Path:
    """Write a new help center into `target` (absent or empty); return its mkdocs.yml."""
    _validate(project, target, shop)
    target.mkdir(parents=True, exist_ok=True)
    for name in PRODUCT:
        source = project / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=_SKIP)
        elif source.is_file():
            shutil.copy2(source, target / name)
    _write_starter_content(target / "content", shop, today)
    guide = target / "CONTRIBUTING.md"
    if guide.is_file():
        guide.write_text(shop_guide(guide.read_text(encoding="utf-8"), shop.language), encoding="utf-8")
    (target / "README.md").write_text(_readme(shop, target / "content"), encoding="utf-8")
    (target / "tests").mkdir(exist_ok=True)
    (target / "tests" / "test_content.py").write_text(_SHOP_TEST, encoding="utf-8")
    config = target / "mkdocs.yml"
    config.write_text(shop_config((project / "mkdocs.yml").read_text(encoding="utf-8"), shop), encoding="utf-8")
    return config


def shop_guide(guide: str, language: str) -> str:
    """The writing guide with its examples naming the starter's files of `language`."""
    mapping = _GUIDE_FILES.get(language, {})
    if not mapping:
        return guide
    # One pass, the longest name first: "pesanan.md#cara-pesan" before "faq/pesanan.md".
    names = re.compile("|".join(re.escape(name) for name in sorted(mapping, key=len, reverse=True)))
    return names.sub(lambda match: mapping[match.group(0)], guide)


def has_contact(shop: NewShop) -> bool:
    """Whether customers get any channel to reach CS: without one, pages end without "Masih butuh bantuan?"."""
    return any((shop.whatsapp, shop.email, shop.phone))


def next_steps(directory: Path, shop: NewShop) -> list[str]:
    """What to do after `new-shop`: a repository first (pull requests, the check in CI), then the site."""
    steps = [f"cd {directory}", "git init", "git add .", f"git commit -m \"Pusat bantuan {shop.name}\"",
             "make run"]
    lines = [f"{directory}: new help center for {shop.name}.", "Next: " + " && ".join(steps),
             "Then edit content/ (the writing guide: CONTRIBUTING.md) and the SHOP lines of mkdocs.yml."]
    if not has_contact(shop):
        lines.append("Warning: no contact channel (--whatsapp, --email or --phone): pages end without "
                     "\"Masih butuh bantuan?\" and customers cannot reach CS from the help center; add one under "
                     "extra.shop.contact in mkdocs.yml.")
    return lines


def _readme(shop: NewShop, content: Path) -> str:
    """The shop's own README (`helpcenter/starter/README.md`): what the repository holds, its files, its commands."""
    files = sorted(path.relative_to(content.parent).as_posix() for path in content.rglob("*") if path.is_file())
    channels = ", ".join(key for key in ("whatsapp", "email", "phone") if getattr(shop, key)) or "none yet"
    return Template((STARTER / "README.md").read_text(encoding="utf-8")).substitute(
        name=shop.name, url=shop.url, channels=channels, files="\n".join(f"- `{file}`" for file in files),
        fields=_field_table())


def _field_table() -> str:
    """Every front-matter field, from the schema that checks it: which page types have it, what it holds."""
    types: dict[str, list[str]] = {}
    meaning: dict[str, str] = {}
    for page_type, fields in field_reference().items():
        for name, description in fields.items():
            types.setdefault(name, []).append(page_type)
            meaning.setdefault(name, description)
    rows = [f"| `{name}` | {'every page' if len(kinds) == len(PAGE_TYPES) else ', '.join(kinds)} | "
            f"{meaning[name]} |" for name, kinds in types.items()]
    return "\n".join(["| field | on | meaning |", "|---|---|---|", *rows])


def shop_config(project_config: str, shop: NewShop) -> str:
    """The project's mkdocs.yml with the shop's settings on the lines marked SHOP."""
    english = shop.language == "en"
    title = f"{shop.name} Help Center" if english else f"Pusat Bantuan {shop.name}"
    description = (f"Answers about orders, payment, shipping and returns at {shop.name}." if english
                   else f"Jawaban seputar pesanan, pembayaran, pengiriman dan pengembalian di {shop.name}.")
    replacements = {
        r"^# Pusat Bantuan .*$": f"# {title}: the help center's build settings.",
        r"^site_name: .*$": f"site_name: {_quoted(title)}   # SHOP: the name in the header and the browser tab",
        r"^site_description: .*$": f"site_description: {_quoted(description)}",
        r"^site_url: .*$": f"site_url: {_quoted(shop.url)}   # SHOP: the public base URL of the help center",
        r"^edit_uri: .*$": f"edit_uri: {_quoted(shop.edit_uri)}",
        r"^  language: .*$": f"  language: {shop.language}",
        r"^  shop:\n(?:    .*\n|\s*#.*\n)*": _shop_block(shop),
    }
    text = project_config
    for pattern, replacement in replacements.items():
        text, count = re.subn(pattern, lambda _, new=replacement: new, text, count=1, flags=re.MULTILINE)
        if count != 1:
            raise NewShopError(f"mkdocs.yml of the project has no line matching {pattern!r}")
    for indonesian, translation in _ENGLISH.items() if english else ():
        text = text.replace(indonesian, translation)
    return text


def _shop_block(shop: NewShop) -> str:
    channels = [f"      {key}: {_quoted(value)}" for key in ("whatsapp", "email", "phone", "hours")
                if (value := getattr(shop, key))]
    lines = ["  shop:", f"    name: {_quoted(shop.name)}", '    country_code: "62"']
    lines += ["    contact:", *channels] if channels else []
    lines += [
        "    # The feedback API: /api/v1 when the site and API share a host, a full https:// URL when they do not,",
        "    # empty on a static host without it.",
        "    feedback_endpoint: !ENV [HELPCENTER_FEEDBACK_ENDPOINT, /api/v1]",
    ]
    return "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    """A YAML double-quoted string (JSON's string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _write_starter_content(content: Path, shop: NewShop, today: date) -> None:
    values = {"shop": shop.name, "owner": shop.owner, "today": today.isoformat()}
    starter = STARTER / shop.language
    for source in sorted(path for path in starter.rglob("*") if path.is_file()):
        target = content / source.relative_to(starter)
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix in (".md", ".yml"):
            target.write_text(Template(source.read_text(encoding="utf-8")).substitute(values), encoding="utf-8")
        else:
            shutil.copy2(source, target)


def _validate(project: Path, target: Path, shop: NewShop) -> None:
    if not (project / "mkdocs.yml").is_file() or not (project / "hooks").is_dir():
        raise NewShopError(f"{project} is not a checkout of the help center project (no mkdocs.yml and hooks/); "
                           "run the command from one")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NewShopError(f"{target} already exists and is not empty; choose a new folder")
    if shop.language not in LANGUAGES:
        raise NewShopError(f"--language must be one of {', '.join(LANGUAGES)}, got '{shop.language}'")
    if not re.match(r"^https?://[^\s/]+(/[^\s]*)?$", shop.url):
        raise NewShopError(f"--url must be the help center's address like https://bantuan.toko.example/, "
                           f"got '{shop.url}'")
    contact = {key: value for key in ("whatsapp", "email", "phone", "hours") if (value := getattr(shop, key))}
    _, problems = validate_model(Shop, {"name": shop.name, "contact": contact})
    if problems:
        raise NewShopError("; ".join(problem.message.replace("'contact.", "'--") for problem in problems))
