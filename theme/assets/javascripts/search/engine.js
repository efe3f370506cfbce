// The query pipeline on the built index: helpcenter/search/engine.py, step for step (its docstring explains the
// steps). A browser test holds the two to the same results; change both or neither.

import { englishBases, tokens } from "./analysis.js";
import { written } from "./colloquial.js";
import { ArrivingRoots, LazyRoots, Stemmer } from "./stemmer.js";

export const EXACT = 1.0, SYNONYM = 0.8, TYPO = 0.7, PREFIX = 0.2;
const MAX_CORRECTIONS = 3, MAX_COMPLETIONS = 5, MAX_RESULTS = 50, MAX_SHOWN = 3, SUGGEST_LETTERS = 4;
const KINDS = { p: "page", q: "question", s: "section" };

// Lists of numbers written as strings (helpcenter/search/numbers.py): base 32, low digits first, 32 added to every
// digit but a number's last, one character per digit.
const DIGITS = new Int8Array(128).fill(-1);
[..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"].forEach((char, value) => {
  DIGITS[char.charCodeAt(0)] = value;
});

export function decodeNumbers(text) {
  const numbers = [];
  let value = 0;
  let scale = 1;
  for (let position = 0; position < text.length; position++) {
    const digit = DIGITS[text.charCodeAt(position)];
    if (digit < 0) throw new Error(`not an encoded number list: ${JSON.stringify(text.slice(0, 20))}`);
    value += (digit & 31) * scale;
    if (digit & 32) {
      scale *= 32;
    } else {
      numbers.push(value);
      value = 0;
      scale = 1;
    }
  }
  if (scale !== 1) throw new Error("an encoded number list ends inside a number");
  return numbers;
}

/** lunr's BM25 weight of a term in one field of one document, rounded as lunr.js rounds it. */
function bm25(data, fieldBoost, lengths) {
  const [k1, b] = data.bm25;
  const average = lengths.length ? lengths.reduce((sum, length) => sum + length, 0) / lengths.length : 1;
  const idf = data.idf.map((value) => value / 1e6);
  return (term, count, ref, docBoost) => {
    let score = idf[term] * ((k1 + 1) * count) / (k1 * (1 - b + b * (lengths[ref] / average)) + count);
    score *= fieldBoost;
    score *= docBoost;
    return Math.round(score * 1000) / 1000;
  };
}

/** Insert a key only once, as Python's dict.setdefault: the first boost of a term wins. */
function setDefault(map, key, value) {
  if (!map.has(key)) map.set(key, value);
}

/** How many edits a word may be from the one meant: helpcenter/language/similarity.py's typo_edits. */
export function typoEdits(word) {
  return word.length < 5 ? 0 : word.length < 8 ? 1 : 2;
}

/** Optimal string alignment distance, or limit + 1 once it exceeds limit (similarity.py's edit_distance). */
export function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2 = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i, ...new Array(b.length).fill(0)];
    let smallest = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previous2[j - 2] + 1);
      }
      current[j] = value;
      smallest = Math.min(smallest, value);
    }
    if (smallest > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return Math.min(previous[b.length], limit + 1);
}

/** Query analysis data (search/analysis.*.json): stop words, chat forms, the roots the site's own words need, and
 *  the whole dictionary's files, each a range of roots. Ready before the index has arrived, so the two load
 *  side by side. */
export class Analyzer {
  constructor(analysis) {
    this.stopWords = new Set(analysis.stopWords.split(" "));
    this.colloquial = new Map(Object.entries(analysis.colloquial));
    this.roots = new LazyRoots(analysis.roots);
    this.dictionary = analysis.dictionary ?? [];
  }
}

export class SearchEngine {
  /** `data`: the index's main file; `analyzer`: an Analyzer. The postings arrive in shards as queries need them
   *  (addShard), the rows of documents per page as results show them (addChunk): prepare and fetchRows fetch them.
   *  A small site's main file holds both ("postings", "docs"): nothing more arrives. A term's postings are decoded
   *  and weighed the first time a query asks for the term. */
  constructor(data, analyzer) {
    if (data.format !== "helpcenter-search" || data.version !== 4) {
      throw new Error("not a helpcenter-search index of version 4");
    }
    ({ stopWords: this.stopWords, colloquial: this.colloquial, roots: this.roots } = analyzer);
    this.wholeRoots = new ArrivingRoots(analyzer.dictionary);
    this.kinds = data.kinds;
    this.boosts = data.boosts;
    this.pageOf = decodeNumbers(data.pages);
    // Per page, its documents in order (a page's file has their rows in that order) and its page document.
    const whole = data.postings !== undefined;
    this.docsOf = Array.from({ length: this.pageOf.reduce((last, page) => Math.max(last, page), -1) + 1 }, () => []);
    this.pageDocs = new Map();
    this.pageOf.forEach((page, ref) => {
      this.docsOf[page].push(ref);
      if (this.kinds[ref] === "p") this.pageDocs.set(page, ref);
    });
    this.chunks = data.chunks;
    this.rows = whole ? data.docs : new Array(this.kinds.length);
    this.shards = whole ? [[0, null]] : data.shards;
    this.arrived = new Set(whole ? [0] : []);
    this.terms = data.terms ? data.terms.split(" ") : [];
    this.numberOf = new Map(this.terms.map((term, number) => [term, number]));
    // Chat forms may reach the site's own terms as they reach roots: "ongkirnya" is "ongkir" here.
    this.stemmer = new Stemmer(this.roots, this.numberOf);
    this.wholeStemmer = new Stemmer(this.wholeRoots, this.numberOf);
    this.fields = data.fields;
    this.postings = whole ? data.postings
      : Object.fromEntries(this.fields.map(([name]) => [name, new Array(this.terms.length)]));
    this.decoded = Object.fromEntries(this.fields.map(([name]) => [name, new Map()]));
    this.frequencies = decodeNumbers(data.frequency);
    this.planned = null;
    this.weigh = {};
    for (const [name, boost] of this.fields) this.weigh[name] = bm25(data, boost, decodeNumbers(data.lengths[name]));
    this.synonyms = new Map();
    for (const group of data.synonyms) {
      const phrases = group.map((phrase) => phrase.split(" "));
      for (const phrase of phrases) {
        setDefault(this.synonyms, phrase.join(" "), phrases.filter((other) => other.join(" ") !== phrase.join(" ")));
      }
    }
    const vocabulary = new Map();
    data.forms.forEach((words, number) => {
      for (const word of words ? words.split(" ") : []) setDefault(vocabulary, word, this.terms[number]);
    });
    for (const term of this.terms) setDefault(vocabulary, term, term);
    for (const phrase of this.synonyms.keys()) for (const term of phrase.split(" ")) setDefault(vocabulary, term, term);
    // Unsorted, unlike engine.py's: corrections and completions are sorted by frequency, then by word.
    this.vocabulary = vocabulary;
    // The home page's popular questions, offered when nothing fits.
    this.featured = (data.featured || []).map((ref) => this.result(ref, 0, {}));
  }

  // -- the files that arrive as queries need them --------------------------------------------------------------

  /** The shard that holds a term's postings: the last that starts at or before it. */
  shardOf(number) {
    let low = 0;
    let high = this.shards.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.shards[middle][0] <= number) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The shards a query's terms are in that have not arrived: [shard, file]. */
  shardsToFetch(query) {
    const wanted = new Set();
    for (const concept of this.plan(query)) {
      for (const term of concept.candidates.keys()) wanted.add(this.shardOf(this.numberOf.get(term)));
    }
    return [...wanted].filter((shard) => !this.arrived.has(shard)).map((shard) => [shard, this.shards[shard][1]]);
  }

  addShard(shard, data) {
    const first = this.shards[shard][0];
    for (const [name] of this.fields) {
      data[name].forEach((posting, offset) => {
        this.postings[name][first + offset] = posting;
      });
    }
    this.arrived.add(shard);
  }

  /** The pages whose rows the documents `refs` need and that have not arrived: [page, file]. */
  chunksToFetch(refs) {
    const pages = new Set(refs.map((ref) => this.pageOf[ref]));
    return [...pages].filter((page) => this.rows[this.docsOf[page][0]] === undefined)
      .map((page) => [page, this.chunks[page]]);
  }

  addChunk(page, rows) {
    this.docsOf[page].forEach((ref, position) => {
      this.rows[ref] = rows[position];
    });
  }

  /** What a result shows, from its page's rows (fetchRows): location, title, preview, tags, parent location. */
  describe(result) {
    const [location, title, preview, tags, parent] = this.rows[result.ref];
    return {
      location, title, preview, ...(tags?.length && { tags }),
      ...(parent !== undefined && { parent: this.rows[parent][0] }),
    };
  }

  /** The documents of a term in a field and the term's weight in each: decoded once, when first asked. */
  posting(name, number) {
    const decoded = this.decoded[name];
    if (!decoded.has(number)) {
      const encoded = this.postings[name][number];
      if (encoded === undefined) throw new Error(`the postings of "${this.terms[number]}" have not arrived`);
      const entries = decodeNumbers(encoded);
      const refs = [];
      const weights = [];
      let ref = 0;
      for (let position = 0; position < entries.length; position += 2) {
        ref += entries[position];
        refs.push(ref);
        weights.push(this.weigh[name](number, entries[position + 1], ref, this.boosts[ref]));
      }
      decoded.set(number, { refs, weights });
    }
    return decoded.get(number);
  }

  /** lunr's score of every document that has a term of the query, and the terms it has: engine.py's _scores,
   *  adding in the same order. */
  scores(concepts) {
    const boosts = new Map();
    for (const concept of concepts) {
      for (const [term, boost] of concept.candidates) {
        const number = this.numberOf.get(term);
        boosts.set(number, (boosts.get(number) ?? 0) + boost);
      }
    }
    let squares = 0;
    for (const boost of boosts.values()) squares += boost * boost;
    const magnitude = Math.sqrt(squares);
    const scores = new Map();
    const found = new Map();
    for (const number of [...boosts.keys()].sort((a, b) => a - b)) {
      for (const [name] of this.fields) {
        const { refs, weights } = this.posting(name, number);
        refs.forEach((ref, position) => {
          scores.set(ref, (scores.get(ref) ?? 0) + boosts.get(number) * weights[position]);
          if (!found.has(ref)) found.set(ref, new Set());
          found.get(ref).add(this.terms[number]);
        });
      }
    }
    for (const [ref, score] of scores) scores.set(ref, score / magnitude);
    return { scores, found };
  }

  /** Whether a query word is one the site writes (or its written form is): the analysis data's roots stem it as
   *  the whole dictionary does (helpcenter/search/index.py, site_roots). */
  isOwn(word, written) {
    return this.vocabulary.has(word) || this.vocabulary.has(written);
  }

  /** The stem engine.py gives the written form of a query word: with the site's roots for the site's own words,
   *  with the whole dictionary for any other (its ranges arrive through addRoots; rootsToFetch names them). */
  stemOf(written, word) {
    return (this.isOwn(word, written) ? this.stemmer : this.wholeStemmer).stem(written);
  }

  /** The ranges of the whole dictionary that the query's words need and that have not arrived: [range, file].
   *  A fresh stemmer finds them, so that no stem made without them is kept. */
  rootsToFetch(query) {
    const probe = new Stemmer(this.wholeRoots, this.numberOf);
    this.wholeRoots.missing.clear();
    for (const word of tokens(query)) {
      const written = this.written(word);
      if (!this.stopWords.has(written) && !this.isOwn(word, written)) this.wholeRoots.has(probe.stem(written));
    }
    return [...this.wholeRoots.missing].map((range) => [range, this.wholeRoots.ranges[range][1]]);
  }

  /** A range of the whole dictionary, as its file has it; stems made before it arrived are forgotten. */
  addRoots(range, text) {
    this.wholeRoots.add(range, text);
    this.wholeStemmer = new Stemmer(this.wholeRoots, this.numberOf);
    this.planned = null;
  }

  /** The term a word is searched by. A word of the site's own text is looked up: the build analysed it. */
  termOf(word) {
    return this.vocabulary.get(word) ?? this.stemOf(this.written(word), word);
  }

  tokensOf(text) {
    return tokens(text);
  }

  // -- the query plan -------------------------------------------------------------------------------------------

  /** The query's concepts; the last query's are kept, as fetching its shards and searching both ask for them. */
  plan(query) {
    if (this.planned?.query !== query) this.planned = { query, concepts: this.makePlan(query) };
    return this.planned.concepts;
  }

  makePlan(query) {
    const words = tokens(query);
    const stillTyping = query.length > 0 && !/\s$/.test(query);
    const concepts = [];
    words.forEach((word, position) => {
      let written = this.written(word);
      if (this.stopWords.has(word) || this.stopWords.has(written)) return;
      let own = this.isOwn(word, written);
      let term = this.stemOf(written, word);
      if (!this.knows(written, term, own)) {
        // An English form of a word the site or its synonyms know: "refunds", "ordered", "tracking".
        const base = englishBases(written).find((candidate) => this.vocabulary.has(candidate));
        if (base !== undefined) {
          written = base;
          own = true;
          term = this.stemOf(base, base);
        }
      }
      if (this.stopWords.has(term)) return;
      const concept = { word, candidates: new Map(), primary: null, also: new Set() };
      if (this.numberOf.has(term)) setDefault(concept.candidates, term, EXACT);
      if (this.knows(written, term, own)) {
        concept.primary = term;
      } else if (typoEdits(written)) {
        const corrections = this.corrections(written);
        for (const correction of corrections) {
          if (this.numberOf.has(correction)) setDefault(concept.candidates, correction, TYPO);
        }
        concept.primary = corrections.length ? corrections[0] : null;
      }
      if (stillTyping && position === words.length - 1 && written.length >= 3) {
        for (const completion of this.completions(written)) {
          if (this.numberOf.has(completion)) setDefault(concept.candidates, completion, PREFIX);
        }
      }
      concepts.push(concept);
    });
    this.addSynonyms(concepts);
    return concepts;
  }

  written(word) {
    return written(word, this.colloquial);
  }

  knows(word, term, own) {
    return this.vocabulary.has(term) || this.vocabulary.has(word) || (own ? this.roots : this.wholeRoots).has(term);
  }

  addSynonyms(concepts) {
    const sequence = concepts.map((concept) => concept.primary);
    const found = [];
    for (const key of this.synonyms.keys()) {
      const phrase = key.split(" ");
      for (let start = 0; start + phrase.length <= sequence.length; start++) {
        if (phrase.every((term, offset) => sequence[start + offset] === term)) found.push({ start, phrase, key });
      }
    }
    // The longest phrase wins, then the leftmost: "kode tracking" is one thing, not also "tracking".
    found.sort((a, b) => b.phrase.length - a.phrase.length || a.start - b.start);
    const covered = new Set();
    for (const { start, phrase, key } of found) {
      const span = phrase.map((_, offset) => start + offset);
      if (span.some((position) => covered.has(position))) continue;
      for (const position of span) covered.add(position);
      for (const other of this.synonyms.get(key)) {
        // A parallel phrase adds the words it has in place of the phrase's: "tidak bergerak" to "tidak update".
        const parallel = other.length === phrase.length && phrase.length > 1;
        if (other.some((term) => phrase.includes(term)) && !parallel) continue;
        for (const term of other) {
          if (!this.numberOf.has(term) || phrase.includes(term)) continue;
          setDefault(concepts[start].candidates, term, SYNONYM);
          for (const position of span.slice(1)) concepts[position].also.add(term);
        }
      }
    }
  }

  /** How many documents have the term, in any field. */
  frequencyOf(term) {
    const number = this.numberOf.get(term);
    return number === undefined ? 0 : this.frequencies[number];
  }

  byFrequency(terms, limit) {
    return [...new Set(terms)]
      .sort((a, b) => this.frequencyOf(b) - this.frequencyOf(a) || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit);
  }

  /** The terms of the site's words closest to a misspelt word (typoEdits). */
  corrections(word) {
    return this.byFrequency(this.nearest(word, typoEdits(word)).map(([, term]) => term), MAX_CORRECTIONS);
  }

  /** The site's words (with their terms) fewest edits from `word`, if no more than `limit`. */
  nearest(word, limit) {
    let best = limit + 1;
    let found = [];
    for (const [candidate, term] of this.vocabulary) {
      if (Math.abs(candidate.length - word.length) > Math.min(limit, best)) continue;
      const distance = editDistance(word, candidate, Math.min(limit, best));
      if (distance < best) {
        best = distance;
        found = [[candidate, term]];
      } else if (distance === best) {
        found.push([candidate, term]);
      }
    }
    return best <= limit ? found : [];
  }

  /** "Maksud Anda ...?": engine.py's suggestion. */
  suggestion(query) {
    const words = tokens(query);
    let changed = false;
    words.forEach((word, position) => {
      const written = this.written(word);
      const own = this.isOwn(word, written);
      if (this.stopWords.has(written) || written.length < SUGGEST_LETTERS ||
        this.knows(written, this.stemOf(written, word), own)) {
        return;
      }
      const nearest = this.nearest(written, typoEdits(written) + 1);
      if (!nearest.length) return;
      nearest.sort(([a, x], [b, y]) => this.frequencyOf(y) - this.frequencyOf(x) || (a < b ? -1 : a > b ? 1 : 0));
      words[position] = nearest[0][0];
      changed = true;
    });
    return changed ? words.join(" ") : null;
  }

  /** The site's words that start with `prefix`, most frequent first: [word, term] pairs. */
  completionWords(prefix) {
    const words = [];
    for (const [word, term] of this.vocabulary) {
      if (word.startsWith(prefix) && word !== prefix) words.push([word, term]);
    }
    return words.sort(([a, x], [b, y]) => this.frequencyOf(y) - this.frequencyOf(x) || (a < b ? -1 : a > b ? 1 : 0));
  }

  completions(prefix) {
    return this.byFrequency(this.completionWords(prefix).map(([, term]) => term), MAX_COMPLETIONS);
  }

  // -- running it -----------------------------------------------------------------------------------------------

  /** Ranked results, best first; each keeps the index terms it matched, for highlighting. */
  search(query) {
    const concepts = this.plan(query);
    if (!concepts.some((concept) => concept.candidates.size > 0)) return [];
    const { scores, found } = this.scores(concepts);
    const ranked = [...scores].map(([ref, score]) => {
      const terms = {};
      for (const concept of concepts) {
        terms[concept.word] = [...concept.candidates.keys(), ...concept.also].some((term) => found.get(ref).has(term));
      }
      const share = Object.values(terms).filter(Boolean).length / concepts.length;
      return { score: score * (1 + share * share), ref, terms, found: found.get(ref) };
    });
    ranked.sort((a, b) => b.score - a.score || a.ref - b.ref);
    return ranked.slice(0, MAX_RESULTS).map(({ ref, score, terms, found }) => this.result(ref, score, terms, found));
  }

  /** A result: its document (describe gives what it shows once its page's rows are here), kind and page. */
  result(ref, score, terms, found = new Set()) {
    return { ref, kind: KINDS[this.kinds[ref]], page: this.pageOf[ref], score, terms, found };
  }

  pageResult(page) {
    const ref = this.pageDocs.get(page);
    return ref === undefined ? null : this.result(ref, 0, {});
  }

  /** Results by page, best first, each page's own results best first: engine.py's group. */
  group(results) {
    const groups = [];
    const byPage = new Map();
    for (const result of results) {
      if (!byPage.has(result.page)) {
        byPage.set(result.page, []);
        groups.push(byPage.get(result.page));
      }
      byPage.get(result.page).push(result);
    }
    for (const entry of groups) {
      if (!entry.some(isPage)) {
        const shell = this.pageResult(entry[0].page);
        if (shell) entry.push(shell);
      }
    }
    return groups;
  }
}

/** Fetch what searching `query` needs and has not arrived: the ranges of the whole dictionary that its words the
 *  site never writes need, then the shards of the postings of its terms. `fetchFile(name)`: a promise of a search/
 *  file, parsed. */
export async function prepare(engine, query, fetchFile) {
  for (let ranges = engine.rootsToFetch(query); ranges.length; ranges = engine.rootsToFetch(query)) {
    const texts = await Promise.all(ranges.map(([, name]) => fetchFile(name)));
    ranges.forEach(([range], position) => engine.addRoots(range, texts[position]));
  }
  const shards = engine.shardsToFetch(query);
  const postings = await Promise.all(shards.map(([, name]) => fetchFile(name)));
  shards.forEach(([shard], position) => engine.addShard(shard, postings[position]));
}

/** Fetch the rows of the pages of the documents `refs` that have not arrived, for describe. */
export async function fetchRows(engine, refs, fetchFile) {
  const chunks = engine.chunksToFetch(refs);
  const rows = await Promise.all(chunks.map(([, name]) => fetchFile(name)));
  chunks.forEach(([page], position) => engine.addChunk(page, rows[position]));
}

// A page's document is the one whose location is the page's (engine.py's result.location == result.page).
export const isPage = (result) => result.kind === "page";

/** The answers each group shows unfolded: engine.py's visible. */
export function visible(groups) {
  return groups.map((entry, number) => {
    const floor = number + 1 < groups.length ? groups[number + 1][0].score : 0;
    const items = entry.filter((result) => !isPage(result));
    const shown = items.filter((result) => result.score >= floor).slice(0, MAX_SHOWN);
    if (isPage(entry[0])) return [entry[0], ...shown];
    return shown.length ? shown : items.slice(0, 1);
  });
}

/** The relevance floor: engine.py's fits. */
export function fits(results) {
  if (!results.length) return false;
  const found = Object.values(results[0].terms);
  return found.filter(Boolean).length * 2 >= found.length;
}
