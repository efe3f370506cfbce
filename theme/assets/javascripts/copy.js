// "Salin jawaban" in the CS agents' edition: the answer above the button as WhatsApp text (*bold*, _italic_,
// ~strike~, lists as "- " or "1. " lines, links as full public addresses, images as their alt text in brackets),
// internal notes left out, followed by the public link to the question. Placeholders such as {nama} are asked for
// in a small form first; what is typed there stays in the clipboard: the copy is counted with page and anchor only.
// Plain ES module, no dependencies; clicks are delegated on the document, so instant navigation needs nothing.
import { language, send, visit } from "./feedback.js";

const SKIP = ".hc-internal,.headerlink,.hc-copy,.hc-vote,.hc-facts,script,style,button,svg";
const BLOCK = /^(P|DIV|UL|OL|LI|TABLE|H[1-6]|FIGURE|FIGCAPTION|BLOCKQUOTE|PRE|DETAILS|SUMMARY|DL|DT|DD|HR)$/;
const MARKS = { STRONG: "*", B: "*", EM: "_", I: "_", DEL: "~", S: "~", CODE: "`" };
const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** `mark` around the text, outside its spaces: WhatsApp formats "*7 hari* " but not "*7 hari *". */
function wrap(text, mark) {
  const [, before, inner, after] = text.match(/^(\s*)([\s\S]*?)(\s*)$/);
  return inner ? before + mark + inner + mark + after : text;
}

/** A link's address on the public site: the agents' edition is served elsewhere (/agents/), customers are not. */
function address(link, site) {
  const root = window.__md_scope ? window.__md_scope.href : "";
  const href = link.href.replace(/^(mailto|tel):/, "");
  return site && root && href.startsWith(root) ? site.replace(/\/?$/, "/") + href.slice(root.length) : href;
}

function inline(node, site) {
  if (node.nodeType === 3) return node.data.replace(/\s+/g, " ");
  if (node.nodeType !== 1 || node.matches(SKIP)) return "";
  if (node.tagName === "BR") return "\n";
  if (node.tagName === "IMG") return node.alt ? `[${node.alt}]` : "";
  const text = [...node.childNodes].map((child) => inline(child, site)).join("");
  if (node.tagName === "A" && node.getAttribute("href")) {
    const href = address(node, site);
    return text.trim() && text.trim() !== href ? `${text} (${href})` : href;
  }
  return MARKS[node.tagName] ? wrap(text, MARKS[node.tagName]) : text;
}

/** The content of `node` as paragraphs: each run of inline content, and the lines of each block in it. */
function paragraphs(node, site) {
  const out = [];
  let run = "";
  const end = () => {
    if (run.trim()) out.push(run.replace(/ *\n */g, "\n").trim());
    run = "";
  };
  for (const child of node.childNodes) {
    if (child.nodeType === 1 && child.matches(SKIP)) continue;
    if (child.nodeType === 1 && BLOCK.test(child.tagName)) {
      end();
      out.push(...block(child, site));
    } else {
      run += inline(child, site);
    }
  }
  end();
  return out;
}

function block(node, site) {
  const tag = node.tagName;
  if (/^(H\d|SUMMARY|DT)$/.test(tag) || node.classList.contains("admonition-title")) {
    return [wrap(inline(node, site).trim(), "*")];
  }
  if (tag === "UL" || tag === "OL") {
    let number = Number(node.getAttribute("start")) || 1;
    const items = [...node.children].map((item) => (tag === "OL" ? `${number++}. ` : "- ") +
      paragraphs(item, site).join("\n").replace(/\n/g, "\n   "));
    return [items.join("\n")];
  }
  if (tag === "TABLE") {
    const rows = [...node.querySelectorAll("tbody tr")];
    return [rows.map((row) => "- " + [...row.cells].map((cell) => inline(cell, site).trim()).join(": ")).join("\n")];
  }
  if (tag === "PRE") return ["```" + node.textContent.trim() + "```"];
  if (tag === "HR") return [];
  return paragraphs(node, site);
}

/** The answer a copy block belongs to: from its question's heading (or the page title) down to the block. */
function answer(copy) {
  const box = document.createElement("div");
  const anchor = copy.dataset.hcAnchor;
  let node = copy.previousSibling;
  while (node && !(node.nodeType === 1 && (anchor ? node.id === anchor : node.tagName === "H1"))) {
    box.prepend(node.cloneNode(true));
    node = node.previousSibling;
  }
  return paragraphs(box, copy.dataset.hcSite).join("\n\n");
}

async function write(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (a page on plain http) or refused: the old way, through a selected text field.
    const area = document.createElement("textarea");
    area.value = text;
    area.className = "hc-copy__scratch";
    document.body.append(area);
    area.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

async function copy(block, text) {
  const status = block.querySelector("[data-hc-copy-status]");
  status.textContent = "";
  const link = block.dataset.hcLink;
  const done = await write(link ? `${text}\n\n${link}` : text);
  status.textContent = done ? block.dataset.hcDone : block.dataset.hcFailed;
  const { hcEndpoint: endpoint, hcPage: page, hcAnchor: anchor } = block.dataset;
  if (done && endpoint) {
    send(endpoint, "/events", { kind: "copy", visit: visit(), language: language(), page, anchor: anchor || null });
  }
}

function element(tag, properties, ...children) {
  const made = Object.assign(document.createElement(tag), properties);
  made.append(...children);
  return made;
}

/** The form that asks for the placeholders' values, under the button; one per block. */
function ask(block, names) {
  let form = block.querySelector("form");
  if (!form) {
    const words = block.dataset;
    const fields = names.map((name) => element("label", {},
      name[0].toUpperCase() + name.slice(1).replace(/_/g, " "),
      element("input", { name, required: true, autocomplete: "off" })));
    form = element("form", { className: "hc-copy__form" },
      element("fieldset", {}, element("legend", { textContent: words.hcFill }), ...fields),
      element("button", { type: "submit", className: "md-button md-button--primary", textContent: words.hcSubmit }),
      element("button", { type: "button", className: "md-button hc-copy__cancel", textContent: words.hcCancel }));
    block.querySelector(".hc-copy__button").after(form);
  }
  form.querySelector("input").focus();
}

function close(form) {
  const button = form.closest("[data-hc-copy]").querySelector(".hc-copy__button");
  form.remove();
  button.focus();
}

document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(".hc-copy__cancel")) return close(target.closest("form"));
  const block = target?.closest(".hc-copy__button")?.closest("[data-hc-copy]");
  if (!block) return;
  const text = answer(block);
  const names = [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
  if (names.length) ask(block, names);
  else copy(block, text);
});

document.addEventListener("submit", (event) => {
  const form = event.target instanceof Element && event.target.closest(".hc-copy__form");
  if (!form) return;
  event.preventDefault();
  const block = form.closest("[data-hc-copy]");
  const values = Object.fromEntries(new FormData(form));
  const text = answer(block).replace(PLACEHOLDER, (whole, name) => values[name] ?? whole);
  close(form);
  copy(block, text);
});

document.addEventListener("keydown", (event) => {
  const form = event.key === "Escape" && event.target instanceof Element && event.target.closest(".hc-copy__form");
  if (form) close(form);
});
