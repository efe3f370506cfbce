// The search worker mkdocs-material's page script talks to, in place of its own (material 9.8.2, pinned).
//
// Material's protocol: the page posts SETUP (0) with search/search_index.json, which here names the real index
// files; the worker answers READY (1). Each change of the query is a QUERY (2) with the text, answered by a
// RESULT (3): {items: SearchItem[][], suggest?: string[]}, where title and text are HTML (with <mark>).
//
// The index is fetched only as it is needed (helpcenter/search/index.py describes its files): its main file and the
// analysis data when the customer moves to the search box (the page says so on the "hc-search" BroadcastChannel)
// or at the first query, whichever comes first, or at once for a small site's index, which is one file lighter
// than a page (unless the browser asks to save data); then for each query the postings shards of its terms (and,
// for a word the site never writes, the ranges of the whole dictionary its stemming needs) and the rows of the pages
// whose results it shows. The worker says how many results each query had on the same channel, so the page can report
// searches that find nothing.

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
// When nothing fits, the panel offers this many nearest answers and popular questions: the CS buttons stay on a
// phone's first screen.
const MAX_NEAREST = 3, MAX_POPULAR = 5;
// A result of more entries than a phone's first screen shows is posted twice: first those (with only their pages'
// rows fetched, one file each: six, the requests a browser runs at once to one host over HTTP/1.1), then all.
const FIRST_SCREEN = 6;
const base = new URL("../../../", self.location.href);
const channel = "BroadcastChannel" in self ? new BroadcastChannel("hc-search") : null;

let files = null;
let wanted = false;
let loading = null;
let queue = Promise.resolve();
let latest = 0;
let rules = null; // engine.js's functions the answer needs, once loaded

function fetchJSON(name) {
  return fetch(new URL(`search/${name}`, base)).then((response) => {
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return response.json();
  });
}

function load() {
  if (loading) return loading;
  if (!files) {
    wanted = true;
    return null;
  }
  const index = fetchJSON(files.index);
  const analysis = fetchJSON(files.analysis);
  // The engine's own imports are asked for at once, so that they load side by side, not one after another.
  const modules = ["./engine.js", "./analysis.js", "./colloquial.js", "./stemmer.js"].map((url) => import(url));
  // The dictionary is smaller than the index and arrives first: it is read while the index still downloads.
  const analyzer = Promise.all([analysis, modules[0]]).then(([data, { Analyzer }]) => new Analyzer(data));
  loading = Promise.all([index, analyzer, ...modules])
    .then(([data, ready, { SearchEngine, ...functions }]) => {
      rules = functions;
      return new SearchEngine(data, ready);
    })
    .catch((error) => {
      loading = null;
      throw error;
    });
  return loading;
}

const escapeHTML = (text) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]);

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** Escaped text with <mark> around each word whose term the result matched, or that starts with the typed word. */
function highlight(engine, text, found, prefix) {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const [token] = engine.tokensOf(match[0]);
    const marked = token && !engine.stopWords.has(token) &&
      (found.has(engine.termOf(token)) || (prefix && token.startsWith(prefix)));
    html += escapeHTML(text.slice(last, match.index));
    html += marked ? `<mark>${escapeHTML(match[0])}</mark>` : escapeHTML(match[0]);
    last = match.index + match[0].length;
  }
  return html + escapeHTML(text.slice(last));
}

/** The results as material lists them (its search/index.tsx): per page, the page first as the entry's head with
 *  the score of the last answer shown unfolded, then those answers, then the rest, which material folds into
 *  "N lagi di halaman ini". Only the words found are passed on: missing ones are not shown struck through. */
async function answer(engine, query, number) {
  const { visible, fits, isPage, fetchRows } = rules;
  const results = engine.search(query);
  const words = engine.tokensOf(query);
  const prefix = /\s$/.test(query) || !words.length ? null : words[words.length - 1];
  const present = (result, score = result.score) => {
    const { location, title, preview, tags } = engine.describe(result);
    return {
      location,
      title: highlight(engine, title, result.found, prefix),
      text: highlight(engine, preview, result.found, prefix),
      ...(tags && { tags }),
      score,
      terms: Object.fromEntries(Object.entries(result.terms).filter(([, found]) => found)),
    };
  };
  const fitting = fits(results);
  const groups = fitting ? engine.group(results) : [];
  // When nothing fits: the nearest answers (the best of each page) and the popular questions.
  const nearest = fitting ? [] : engine.group(results).slice(0, MAX_NEAREST).map((group) => group[0]);
  const popular = fitting ? [] : engine.featured.filter((result) => !nearest.some(({ ref }) => ref === result.ref))
    .slice(0, MAX_POPULAR);
  const shown = visible(groups);
  const entry = (group, position) => {
    const rows = shown[position];
    const page = group.find(isPage);
    const rest = group.filter((result) => result !== page && !rows.includes(result));
    return [present(page, rows[rows.length - 1].score), ...rows.filter((row) => row !== page).map((row) => present(row)),
      ...rest.map((result) => present(result))];
  };
  const completion = prefix && prefix.length >= 2 ? engine.completionWords(prefix)[0] : null;
  const suggest = completion ? [completion[0]] : [];
  // Only the pages of what is shown are fetched: their rows say what each result shows.
  const refs = (results) => results.flat().map(({ ref }) => ref);
  await fetchRows(engine, refs([...groups.slice(0, FIRST_SCREEN), ...nearest, ...popular]), fetchJSON);
  if (groups.length > FIRST_SCREEN) {
    if (number !== latest) return null;
    postMessage({ type: RESULT, data: { items: groups.slice(0, FIRST_SCREEN).map(entry), suggest } });
    await fetchRows(engine, refs(groups.slice(FIRST_SCREEN)), fetchJSON);
  }
  const items = groups.map(entry);
  const link = (result) => {
    const { location, title } = engine.describe(result);
    return [location, title];
  };
  const help = fitting ? null : { nearest: nearest.map(link), suggestion: engine.suggestion(query),
    popular: popular.map(link) };
  return { result: { items, suggest }, help };
}

async function respond(query, number) {
  if (number !== latest) return;
  if (!query.trim()) {
    postMessage({ type: RESULT, data: { items: [] } });
    return;
  }
  let result, help;
  try {
    const engine = await load();
    await rules.prepare(engine, query, fetchJSON);
    if (number !== latest) return;
    const answered = await answer(engine, query, number);
    if (answered === null || number !== latest) return;
    ({ result, help } = answered);
  } catch (error) {
    console.warn("search index unavailable", error);
    postMessage({ type: RESULT, data: { items: [] } });
    return;
  }
  postMessage({ type: RESULT, data: result });
  channel?.postMessage({ type: "results", query, count: result.items.length, help });
}

/** The index's files, from search/search_index.json: the worker's own fetch or material's SETUP, the first. */
function configure(helpcenter) {
  if (files || !helpcenter) return;
  files = helpcenter;
  if (wanted || (files.eager && !self.navigator.connection?.saveData)) load()?.catch(() => {});
}

// Material's page posts SETUP once its own start-up is done, 50 to 120 ms after this worker starts on the sample
// shop (bench/search.py); read the same small file at once, so that a small site's index is loading meanwhile.
fetchJSON("search_index.json").then(({ config }) => configure(config?.helpcenter), () => {});

addEventListener("message", ({ data: message }) => {
  switch (message.type) {
    case SETUP:
      configure(message.data.config.helpcenter);
      postMessage({ type: READY });
      break;
    case QUERY: {
      const number = ++latest;
      queue = queue.then(() => respond(message.data, number));
      break;
    }
  }
});

if (channel) {
  channel.onmessage = ({ data }) => {
    if (data && data.type === "load") load()?.catch(() => {});
  };
}
