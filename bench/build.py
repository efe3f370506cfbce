"""Build benchmark: the project's build against plain mkdocs-material on the same generated help center.

Generates N articles (FAQ pages, tutorials and policies with realistic length and front matter) and builds them
three ways in one run, alternating, each several times:
  project   the project's mkdocs.yml: hooks, theme overrides, pruned navigation
  plain     the same mkdocs.yml without our hooks and theme overrides (material's own search plugin in place of
            ours): what the hooks cost
  stock     mkdocs-material with its default navigation: what the navigation settings save
and writes times, the ratio project/plain and the weight of an article page to bench/RESULTS.md.

    python bench/build.py [--articles 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from results import RESULTS, ROOT, WORK, machine, write_section

from helpcenter.language.analysis import roots as dictionary_roots

# Built sites go to memory when the machine has a tmpfs: disk writes on a shared VM vary more than the work compared.
OUTPUT = Path("/dev/shm/helpcenter-bench") if Path("/dev/shm").is_dir() else WORK
CATEGORIES = ["pesanan", "pembayaran", "pengiriman", "lacak", "pembatalan", "pengembalian", "refund", "garansi",
              "akun", "promo"]
# Words are drawn as in real text: a few very frequent ones, a long tail of rare ones (Zipf's law). The head is
# function words and the shop's own words; the tail is roots from the bundled dictionary (hunspell-id, LGPL) and
# affixed forms of them, so the index sees a realistic vocabulary rather than the same hundred words everywhere.
FUNCTION_WORDS = ("yang dan di ke dari untuk dengan ini itu akan sudah bisa tidak kamu kami pada atau jika agar "
                  "juga dalam oleh setelah sebelum belum masih hanya lagi saat perlu harus dapat maka supaya")
SHOP_WORDS = ("pesanan pembayaran pengiriman kurir paket resi alamat saldo voucher promo refund dana rekening bank "
              "virtual account aplikasi akun status dikirim diterima selesai dikemas diproses barang produk garansi "
              "klaim toko hari kerja jam batas waktu biaya ongkir gratis minimal pembelian metode kartu kredit "
              "cicilan e-wallet kode verifikasi nomor telepon email pengembalian penukaran penjual pembeli "
              "keranjang checkout transfer tagihan invoice lacak pelacakan batal pembatalan stok ukuran warna")
TAIL_WORDS = 6000
AFFIXES = (("di", ""), ("", "kan"), ("", "an"), ("ber", ""), ("", "nya"), ("ter", ""))


def _vocabulary(seed: int) -> tuple[list[str], list[float]]:
    """The words and their cumulative Zipf-Mandelbrot weights, most frequent first."""
    rng = random.Random(seed)
    roots = [word for word in sorted(dictionary_roots()) if word.isalpha() and 4 <= len(word) <= 9]
    tail: list[str] = []
    for root in rng.sample(roots, TAIL_WORDS // 2):
        prefix, suffix = rng.choice(AFFIXES)
        tail += [root, prefix + root + suffix]
    rng.shuffle(tail)
    shop = SHOP_WORDS.split()
    rng.shuffle(shop)
    words = FUNCTION_WORDS.split() + shop + tail
    cumulative, total = [], 0.0
    for rank in range(len(words)):
        total += 1 / (rank + 3) ** 1.1
        cumulative.append(total)
    return words, cumulative


WORDS, CUMULATIVE = _vocabulary(11)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choices(WORDS, cum_weights=CUMULATIVE, k=words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(10, 20)) for _ in range(sentences))


def _front_matter(kind: str, title: str, position: int, rng: random.Random) -> str:
    lines = ["---", f"type: {kind}", f"title: {json.dumps(title)}", f"description: {_sentence(rng, 12)[:150]}",
             'owner: "@cs-lead"', "reviewed: 2026-11-20", f"order: {position}"]
    if kind == "policy":
        lines += ["effective: 2026-01-01", 'version: "1.0"', f"summary: {_sentence(rng, 10)}", "history:",
                  '  - version: "1.0"', "    effective: 2026-01-01", "    changes: Versi pertama."]
    if kind == "tutorial":
        lines.append(f"duration: {rng.randint(2, 15)}")
    return "\n".join(lines) + "\n---\n\n"


def _article(kind: str, title: str, position: int, rng: random.Random) -> str:
    text = _front_matter(kind, title, position, rng) + _paragraph(rng, 3) + "\n\n"
    if kind == "faq":
        for number in range(rng.randint(5, 9)):
            # A product code per question, as real questions name their subject: no two questions are the same.
            text += (f"## {_sentence(rng, 6)[:-1]} produk P{position}-{number}? {{#q{number}}}\n\n"
                     f"{_paragraph(rng, rng.randint(3, 6))}\n\n")
            if number % 3 == 0:
                text += f"!!! tip \"Tips\"\n    {_sentence(rng, 12)}\n\n"
    elif kind == "tutorial":
        text += "## Langkah-langkah\n\n"
        for number in range(1, rng.randint(4, 7)):
            text += f"{number}. {_sentence(rng, 8)}\n\n    {_paragraph(rng, 2)}\n\n"
    else:
        for section in range(rng.randint(4, 7)):
            text += f"## Ketentuan {section + 1}\n\n{_paragraph(rng, rng.randint(4, 6))}\n\n"
            text += "".join(f"- {_sentence(rng, 9)}\n" for _ in range(3)) + "\n"
    return text


def generate(content: Path, articles: int, seed: int = 7) -> Path:
    """Write `articles` pages over ten category folders, each with an index page, plus a home page."""
    rng = random.Random(seed)
    shutil.rmtree(content, ignore_errors=True)
    content.mkdir(parents=True)
    (content / "index.md").write_text(_front_matter("page", "Beranda", 0, rng) + "Selamat datang.\n")
    for position, category in enumerate(CATEGORIES, start=1):
        folder = content / category
        folder.mkdir()
        (folder / "index.md").write_text(_front_matter("page", category.title(), position, rng) + _paragraph(rng, 2))
    for number in range(articles):
        kind = rng.choices(["faq", "tutorial", "policy"], weights=[70, 15, 15])[0]
        category = CATEGORIES[number % len(CATEGORIES)]
        title = f"{category.title()} {number + 1}: {_sentence(rng, 4)[:-1]}"
        (content / category / f"artikel-{number + 1:04d}.md").write_text(_article(kind, title, number + 2, rng))
    return content


def configs(content: Path) -> dict[str, Path]:
    """Three mkdocs.yml files over the same content; see the module docstring."""
    WORK.mkdir(parents=True, exist_ok=True)
    for name in ("hooks", "theme"):
        link = WORK / name
        if not link.exists():
            link.symlink_to(ROOT / name, target_is_directory=True)
    base = f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {content}\n"
    (WORK / "no-overrides").mkdir(exist_ok=True)
    # Without our hooks, material's own search plugin does the searching: the part our search replaces.
    without_ours = (f"hooks: []\ntheme:\n  custom_dir: {WORK / 'no-overrides'}\n"
                    "extra_css: []\nextra_javascript: []\nplugins: [search]\n")
    stock = (f"site_name: Bench\ndocs_dir: {content}\ntheme:\n  name: material\n  language: id\n  font: false\n"
             "markdown_extensions: [toc, admonition, attr_list]\nplugins: [search]\n")
    texts = {
        "project": base + f"site_dir: {OUTPUT / 'site-project'}\n",
        "plain": base + without_ours + f"site_dir: {OUTPUT / 'site-plain'}\n",
        "stock": stock + f"site_dir: {OUTPUT / 'site-stock'}\n",
    }
    paths = {}
    for name, text in texts.items():
        paths[name] = WORK / f"mkdocs-{name}.yml"
        paths[name].write_text(text)
    return paths


def build(config: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one `mkdocs build` in a fresh process.

    CPU time is what the ratio uses: it is the work the build does, and other load on a shared machine
    disturbs it far less than the wall clock.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], cwd=WORK, env=env,
                   check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def article_weight(site: Path) -> tuple[int, int]:
    """HTML and gzip bytes of the median article page."""
    pages = sorted(site.glob("*/artikel-*/index.html"))
    sizes = sorted((len(p.read_bytes()), len(gzip.compress(p.read_bytes(), 9))) for p in pages)
    return sizes[len(sizes) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="how many articles to generate")
    parser.add_argument("--runs", type=int, default=7, help="builds per configuration (median is reported)")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave bench/RESULTS.md alone")
    args = parser.parse_args()

    content = generate(WORK / "content", args.articles)
    paths = configs(content)
    walls: dict[str, list[float]] = {name: [] for name in paths}
    cpus: dict[str, list[float]] = {name: [] for name in paths}
    names = list(paths)
    for round_number in range(args.runs):
        # Rotate the order, so that no configuration always follows the long stock build.
        for name in names[round_number % 3:] + names[:round_number % 3]:
            wall, cpu = build(paths[name])
            walls[name].append(wall)
            cpus[name].append(cpu)
    wall = {name: statistics.median(values) for name, values in walls.items()}
    cpu = {name: statistics.median(values) for name, values in cpus.items()}
    weights = {name: article_weight(OUTPUT / f"site-{name}") for name in paths}
    ratio = cpu["project"] / cpu["plain"]
    # Each round builds both back to back; the median of the rounds' ratios is less exposed to a slow round.
    paired = statistics.median(p / q for p, q in zip(cpus["project"], cpus["plain"], strict=True))

    rows = [
        "| build | median CPU (s) | median wall (s) | CPU of each run (s) | article page HTML (kB) | "
        "article page gzip (kB) |",
        "|---|---:|---:|---|---:|---:|",
    ]
    for name in paths:
        html, zipped = weights[name]
        runs = ", ".join(f"{t:.2f}" for t in cpus[name])
        rows.append(f"| {name} | {cpu[name]:.2f} | {wall[name]:.2f} | {runs} | {html / 1000:.1f} | "
                    f"{zipped / 1000:.1f} |")
    table = "\n".join(rows)
    verdict = (f"project / plain = **{ratio:.3f}** (median CPU times), {paired:.3f} (median of the rounds' ratios), "
               f"{wall['project'] / wall['plain']:.3f} (median wall times); target at most 1.10. Article page "
               f"**{weights['project'][1] / 1000:.1f} kB gzip** (target at most 30 kB)")
    print(table)
    print(verdict)
    if args.no_write:
        return
    section = (
        f"## Build ({args.articles} articles, {args.runs} runs each)\n\n"
        f"Run on {date.today().isoformat()}: {machine()}.\n"
        f"Reproduce: `make bench` (or `.venv/bin/python bench/build.py --articles {args.articles} "
        f"--runs {args.runs}`).\n\n"
        "- project: the project's mkdocs.yml (hooks, theme overrides, pruned navigation).\n"
        "- plain: the same mkdocs.yml without our hooks and theme overrides, with mkdocs-material's search plugin "
        "in place of ours: the baseline for the hooks' cost.\n"
        "- stock: mkdocs-material with default navigation: what pruned navigation saves per page.\n\n"
        "CPU time (user + system of the build process) is the measure, and the sites are written to memory "
        f"({OUTPUT}): on this shared virtual machine disk writes and wall time vary by 10% and more from run to "
        "run; each round builds all three back to back, in a rotating order.\n\n"
        f"{table}\n\n{verdict}\n"
    )
    write_section(RESULTS, "## Build", section)


if __name__ == "__main__":
    main()
