// The help center's small browser part. Event delegation on the document, so it keeps working when
// mkdocs-material's instant navigation swaps the page content without a reload.

/** Open material's search overlay, as its own search button does, and put the cursor in the box. */
function openSearch() {
  const toggle = document.getElementById("__search");
  if (!toggle) return;
  toggle.checked = true;
  toggle.dispatchEvent(new Event("change"));
  document.querySelector("[data-md-component=search-query]")?.focus();
}

// The large search box on the home and 404 pages is a button (a tap, Enter or Space) that opens material's search.
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-hc-open-search]")) openSearch();
});

/** Open the folded FAQ answer (helpcenter/build/faq.py) that holds the element `id` names; scroll to it if asked. */
function openQuestion(id, scroll) {
  let target = null;
  try {
    target = id ? document.getElementById(decodeURIComponent(id)) : null;
  } catch {
    return;
  }
  const question = target && target.closest("details[data-hc-question]");
  if (!question) return;
  question.open = true;
  if (scroll) keepInView(target);
}

// Material's instant navigation and the closing search may still move the page after the new one is in: bring the
// question back a few times in the first moments, unless the shopper has started to scroll or tap themselves.
let moved = false;
for (const type of ["wheel", "touchstart", "pointerdown", "keydown"]) {
  document.addEventListener(type, () => { moved = true; }, { passive: true, capture: true });
}
function keepInView(target) {
  moved = false;
  target.scrollIntoView();
  for (const delay of [50, 150, 400]) {
    setTimeout(() => {
      const top = target.getBoundingClientRect().top;
      if (!moved && target.isConnected && (top < 0 || top > window.innerHeight / 2)) target.scrollIntoView();
    }, delay);
  }
}
const openFromLocation = () => openQuestion(location.hash.slice(1), true);

// A link to a question on this page (the list at the top, a related question, a search result) opens it before the
// browser or material's instant navigation scrolls there; a link to another page opens it once that page is in.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a[href*='#']") : null;
  if (!link) return;
  const url = new URL(link.href, location.href);
  if (url.pathname === location.pathname) openQuestion(url.hash.slice(1), false);
}, true);
window.addEventListener("hashchange", openFromLocation);
if (window.document$) {
  window.document$.subscribe(openFromLocation);
} else {
  openFromLocation();
}

/** The player for a video facade (theme/partials/hc-video.html): YouTube's, or the browser's for a local MP4. */
function player(figure) {
  const data = figure.dataset;
  if (data.hcEmbed) {
    const frame = document.createElement("iframe");
    frame.src = data.hcEmbed;
    frame.title = data.hcTitle;
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    // YouTube refuses to play without the embedding site's origin; the site's own policy sends none.
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    return frame;
  }
  const video = document.createElement("video");
  video.controls = true;
  video.autoplay = true;
  video.playsInline = true;
  video.src = data.hcFile;
  const track = document.createElement("track");
  Object.assign(track, { kind: "captions", src: data.hcCaptions, srclang: data.hcLang, label: data.hcCaptionsLabel,
                         default: true });
  video.append(track);
  video.setAttribute("aria-label", data.hcTitle);
  return video;
}

// A tap on a video's poster loads its player, and only then: until here no request leaves the site.
document.addEventListener("click", (event) => {
  const play = event.target instanceof Element ? event.target.closest("[data-hc-play]") : null;
  const figure = play && play.closest("[data-hc-video]");
  if (!figure) return;
  event.preventDefault();
  const element = player(figure);
  element.className = "hc-video__frame";
  play.replaceWith(element);
  element.focus();
});
