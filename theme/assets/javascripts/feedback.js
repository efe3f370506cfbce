// "Apakah ini membantu?" and contact-click events, sent to the feedback endpoint.
// Plain ES module, no dependencies. Works with mkdocs-material's instant navigation: clicks are handled by
// delegation on the document, and new page content is set up on each `document$` emission.
// Everything goes through one queue in localStorage, sent in order when the customer acts (a vote, a tap on a
// contact channel, a search), when the page is hidden (another tab or app, leaving, closing) and when the network
// returns. The page view waits in the queue, so nothing is sent while a page loads (no request competes with it,
// and an endpoint that is down costs the page nothing); a send that fails stays queued for the next occasion.

const QUEUE_KEY = "hc-feedback-queue";
const QUEUE_MAX = 50;

const newId = () => (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now());

/** A random id per browser (localStorage), stored only as a daily salted hash. No cookie. */
function visitor() {
  try {
    let value = localStorage.getItem("hc-visitor");
    if (!value) {
      value = newId();
      localStorage.setItem("hc-visitor", value);
    }
    return value;
  } catch {
    return "anonymous-" + Date.now();
  }
}

/** A random id per tab and visit (sessionStorage), kept with its day: it ends with the endpoint's daily salt
    (midnight UTC), so it never ties a visitor's hashes of two days together. */
export function visit() {
  const today = new Date().toISOString().slice(0, 10);
  try {
    let stored = null;
    try {
      stored = JSON.parse(sessionStorage.getItem("hc-visit"));
    } catch {
      /* an older id without its day: a new one */
    }
    if (stored && stored.day === today && stored.id) return stored.id;
    const value = newId();
    sessionStorage.setItem("hc-visit", JSON.stringify({ id: value, day: today }));
    return value;
  } catch {
    return "anonymous-" + Date.now();
  }
}
export const language = () => document.documentElement.lang || "id";

function readQueue() {
  try {
    return JSON.parse(localStorage.getItem(QUEUE_KEY)) || [];
  } catch {
    return [];
  }
}
function writeQueue(queue) {
  try {
    localStorage.setItem(QUEUE_KEY, JSON.stringify(queue.slice(-QUEUE_MAX)));
  } catch {
    /* storage full or off: the item is lost, reading goes on */
  }
}

/** POST once; true when the endpoint took it or refused it for good: a 4xx other than 408 and 429. A 503 (a
    build running, the store away), any other 5xx and a network error keep it queued for the next occasion. */
async function post(url, body) {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      keepalive: true,
    });
    const retry = response.status === 408 || response.status === 429;
    return response.ok || (response.status >= 400 && response.status < 500 && !retry);
  } catch {
    // A page being left aborts its requests here, but a keepalive request still arrives: queued again, it would be
    // sent twice from the next page.
    return leaving;
  }
}
let leaving = false;
window.addEventListener("pagehide", () => { leaving = true; });
window.addEventListener("pageshow", () => { leaving = false; });

let flushing = false;
/** Send the queue in order. Each item leaves the queue before it is sent and comes back first when the send fails:
    a page closed mid-send may lose that one item (its keepalive request usually arrives), none is sent twice. */
async function flush() {
  if (flushing || !navigator.onLine) return;
  flushing = true;
  try {
    for (let queue = readQueue(); queue.length; queue = readQueue()) {
      const [item, ...rest] = queue;
      writeQueue(rest);
      if (!(await post(item.url, item.body))) {
        writeQueue([item, ...readQueue()]);
        break;
      }
    }
  } finally {
    flushing = false;
  }
}

function enqueue(endpoint, path, body) {
  writeQueue([...readQueue(), { url: endpoint + path, body }]);
}

/** Queue an event and send the queue now: the customer did something. */
export function send(endpoint, path, body) {
  enqueue(endpoint, path, body);
  return flush();
}

/** The page's feedback settings (endpoint, page path), set on the contact block; null when feedback is off. */
export function pageInfo() {
  const element = document.querySelector("[data-hc-feedback]");
  return element && element.dataset.hcEndpoint ? element.dataset : null;
}

function widgetOf(element) {
  return element.closest("[data-hc-vote]");
}

function vote(widget, extra) {
  const here = pageInfo();
  if (!here) return;
  return send(here.hcEndpoint, "/votes", {
    visit: visit(),
    visitor: visitor(),
    language: language(),
    page: here.hcPage,
    anchor: widget.dataset.hcAnchor || null,
    ...extra,
  });
}

function thank(widget, message) {
  widget.querySelector("[data-hc-answers]").hidden = true;
  widget.querySelector("[data-hc-reasons]").hidden = true;
  const status = widget.querySelector("[data-hc-status]");
  status.textContent = message;
  status.tabIndex = -1;
  status.focus();
}

document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const answer = target && target.closest("[data-hc-helpful]");
  if (answer && widgetOf(answer)) {
    const widget = widgetOf(answer);
    const helpful = answer.dataset.hcHelpful === "true";
    vote(widget, { helpful });
    if (helpful) {
      thank(widget, widget.dataset.hcThanks);
    } else {
      widget.querySelector("[data-hc-answers]").hidden = true;
      widget.querySelector("[data-hc-more]").hidden = false;
      widget.querySelector("[data-hc-reasons] legend").focus();
    }
    return;
  }
  const channel = target && target.closest("[data-hc-channel]");
  const here = pageInfo();
  if (channel && here) {
    send(here.hcEndpoint, "/events", {
      kind: "contact",
      visit: visit(),
      language: language(),
      channel: channel.dataset.hcChannel,
      page: here.hcPage,
      anchor: widgetOf(channel)?.dataset.hcAnchor || null,
    });
  }
});

document.addEventListener("submit", (event) => {
  const form = event.target;
  const widget = form instanceof HTMLFormElement && widgetOf(form);
  if (!widget) return;
  event.preventDefault();
  const data = new FormData(form);
  const comment = String(data.get("comment") || "").trim();
  vote(widget, { helpful: false, reason: data.get("reason") || null, comment: comment || null });
  thank(widget, widget.dataset.hcThanksMore);
});

/** Show this page's widgets and queue the page read, sent with the customer's next action or when they leave. */
function setUp() {
  document.querySelectorAll("[data-hc-vote]").forEach((widget) => (widget.hidden = false));
  const here = pageInfo();
  if (here) {
    enqueue(here.hcEndpoint, "/events", { kind: "view", visit: visit(), language: language(), page: here.hcPage });
  }
}

window.addEventListener("online", flush);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") flush();
});
window.addEventListener("pagehide", flush);
if (window.document$) {
  window.document$.subscribe(setUp);
} else {
  setUp();
}
