// The page side of the help center's search (the searching itself happens in search/worker.js):
// - it asks the worker to fetch the index as soon as the customer moves to the search box, not at page load (a
//   small site's index, lighter than a page, the worker fetches at once);
// - it reports each search once the customer stops typing (at least 3 characters): a search without results at
//   once; otherwise with the result the customer opened, or with none when they leave the search without opening
//   one (a bounced search). One event per search, sent like the votes (queued and retried when offline).
// - when no answer fits, it shows the way on under material's "Belum ada jawaban yang pas": the nearest questions,
//   "Maksud Anda …?" (which runs the better query), the popular questions and buttons to CS whose message carries
//   the query (texts and channels from helpcenter/search/panel.py, in the page's settings).
// The worker tells the page how many results a query had on the "hc-search" BroadcastChannel, and what to offer.

import { language, pageInfo, send, visit } from "../feedback.js";

const SETTLE_MS = 1500;
const MIN_CHARACTERS = 3;
const QUERY = "[data-md-component=search-query]";
const channel = "BroadcastChannel" in window ? new BroadcastChannel("hc-search") : null;

let asked = false;
function preload() {
  if (asked || !channel) return;
  asked = true;
  channel.postMessage({ type: "load" });
}

document.addEventListener("focusin", (event) => {
  if (event.target instanceof Element && event.target.matches(QUERY)) preload();
});
// A pointer on its way to the search box (hover, touch) is a head start of a few hundred milliseconds.
const TOWARDS_SEARCH = `${QUERY}, label[for=__search], [data-hc-open-search]`;
for (const type of ["pointerover", "pointerdown"]) {
  document.addEventListener(type, (event) => {
    if (event.target instanceof Element && event.target.closest(TOWARDS_SEARCH)) preload();
  }, { passive: true });
}
if (document.activeElement instanceof Element && document.activeElement.matches(QUERY)) preload();

let latest = null; // the worker's last answer: {query, count}
let pending = null; // a settled search with results, waiting to learn whether a result is opened
let settled = ""; // the last query settled: the worker answering it again (the panel, a retry) is no new search
let timer = 0;

function report(search, opened) {
  const here = pageInfo();
  if (!here || search.query.length < MIN_CHARACTERS) return;
  send(here.hcEndpoint, "/events", {
    kind: "search",
    visit: visit(),
    language: language(),
    query: search.query.slice(0, 200),
    results: search.count,
    opened,
    page: here.hcPage,
  });
}

function flush() {
  if (pending) report(pending, null);
  pending = null;
}

function settle() {
  clearTimeout(timer);
  const search = latest;
  if (!search || search.query === settled) return;
  settled = search.query;
  flush();
  if (search.count === 0) report(search, null);
  else pending = search;
}

/** A result link as the path the feedback endpoint knows: faq/pengiriman/#jadwal-kirim. */
function openedPath(href) {
  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  const base = new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href);
  const url = new URL(href, location.href);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  return url.pathname.slice(base.pathname.length) + url.hash;
}

// -- the panel when no answer fits ---------------------------------------------------------------------------------

function settings() {
  return JSON.parse(document.getElementById("__config")?.textContent || "{}").hcSearch;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function links(label, id, entries, base) {
  if (!entries.length) return [];
  return [element("p", { id, class: "hc-search-help__label" }, label), element("ul", { "aria-labelledby": id },
    ...entries.map(([location, title]) => element("li", {},
      element("a", { href: new URL(location, base).href, class: "hc-search-help__link" }, title))))];
}

function showHelp(query, help) {
  const results = document.querySelector("[data-md-component=search-result]");
  let panel = results?.querySelector(".hc-search-help");
  if (!help || !results) {
    panel?.remove();
    return;
  }
  const { texts, contact } = settings() || { texts: {}, contact: [] };
  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  const base = new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href);
  const parts = [];
  if (help.suggestion) {
    const button = element("button", { type: "button", class: "hc-search-help__suggestion" }, help.suggestion);
    button.addEventListener("click", () => {
      const input = document.querySelector(QUERY);
      input.value = help.suggestion;
      input.focus();
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
    parts.push(element("p", { class: "hc-search-help__did-you-mean" }, `${texts.did_you_mean} `, button, "?"));
  }
  parts.push(...links(texts.nearest, "hc-search-nearest", help.nearest, base));
  parts.push(...links(texts.popular, "hc-search-popular", help.popular, base));
  if (contact.length) {
    parts.push(element("p", { id: "hc-search-contact", class: "hc-search-help__label" }, texts.contact),
      element("div", { class: "hc-search-help__contact", role: "group", "aria-labelledby": "hc-search-contact" },
        ...contact.map(({ channel, href, label }) => element("a", {
          href: href.replace("{query}", encodeURIComponent(query)), class: "hc-search-help__button",
          "data-hc-channel": channel, ...(channel === "whatsapp" && { target: "_blank", rel: "noopener" }),
        }, label))));
  }
  if (!panel) {
    panel = element("div", { class: "hc-search-help" });
    results.querySelector(".md-search-result__meta")?.after(panel);
  }
  panel.replaceChildren(...parts);
}

channel?.addEventListener("message", ({ data }) => {
  const input = document.querySelector(QUERY);
  if (!data || data.type !== "results" || !input || data.query !== input.value) return;
  showHelp(data.query.trim(), data.count === 0 ? data.help : null);
  latest = { query: data.query.trim(), count: data.count };
  clearTimeout(timer);
  timer = setTimeout(settle, SETTLE_MS);
});

// An emptied search box shows material's own hint, not the last search's panel.
document.addEventListener("input", (event) => {
  if (!(event.target instanceof Element && event.target.matches(QUERY)) || event.target.value.trim()) return;
  showHelp("", null);
  settled = ""; // the same words typed again are a new search
});

// Capture: material closes the search on the same click, which would otherwise end the search as bounced first.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest(".md-search-result__link, .hc-search-help__link");
  if (!link || !latest) return;
  clearTimeout(timer);
  if (pending && pending.query !== latest.query) flush();
  report(latest, openedPath(link.href));
  settled = latest.query; // done: the worker answering it again after the click is no new search
  pending = latest = null;
}, true);

// Leaving the search (closing it, or the page) without opening a result ends the search as bounced.
document.addEventListener("change", (event) => {
  if (event.target instanceof HTMLInputElement && event.target.id === "__search" && !event.target.checked) {
    settle();
    flush();
  }
});
window.addEventListener("pagehide", () => {
  settle();
  flush();
});
