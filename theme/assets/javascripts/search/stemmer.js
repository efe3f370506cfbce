// Indonesian stemmer: the same algorithm as helpcenter/search/stemmer.py, step for step (see its docstring).
// Tests hold the two to identical stems on more than ten thousand word forms; change both or neither.

import { SUFFIX, nasalRoots, spellings } from "./colloquial.js";

const VOWELS = new Set(["a", "e", "i", "o", "u"]);
const INFLECTIONAL = [["lah", "kah", "tah", "pun"], ["nya", "ku", "mu"]];
const DERIVATIONAL = ["kan", "an", "i"];
const LOANS = ["isasi", "isme", "isir", "is"];
const CLITICS = new Set(["lah", "kah", "tah", "pun", "nya", "ku", "mu"]);
const LOAN_ADJECTIVE = "al", MIN_LOAN_ADJECTIVE = 5;
const EL_ROOTS = ["ajar", "unjur"];
const FOSSILS = new Set(["gemetar", "gemuruh", "gerigi", "jemari", "kinasih", "kinerja", "lelaki", "lelembut",
  "leluhur", "rerata", "seruling", "sinambung", "telunjuk", "temali"]);
const SUFFIX_FLAGS = { kan: "k", an: "a", i: "i" };
const MIN_ROOT = 2;
const MAX_PREFIXES = 3;
const NONE = -1, SURE = 9, UNCONFIRMED_KNOWN = 4, UNCONFIRMED_BARE = 2, TRUSTED = 3;
const isVowel = (char) => VOWELS.has(char);
const prefixed = (flags) => flags !== flags.toLowerCase();

/** The root dictionary as search/analysis.*.json carries it: per first letter, front-coded lines (see
 *  helpcenter/search/index.py, front_coded). A letter is decoded the first time a word with it is looked up:
 *  a query needs a few letters, not thirty thousand roots. Answers has() and get() like a Map. */
export class LazyRoots {
  constructor(buckets) {
    this.buckets = buckets;
    this.decoded = new Map();
  }

  bucket(word) {
    const letter = word.charAt(0);
    let roots = this.decoded.get(letter);
    if (roots === undefined) {
      roots = decodeRoots(Object.hasOwn(this.buckets, letter) ? this.buckets[letter] : "");
      this.decoded.set(letter, roots);
    }
    return roots;
  }

  has(word) {
    return this.bucket(word).has(word);
  }

  get(word) {
    return this.bucket(word).get(word);
  }
}

/** The whole dictionary, a range of roots at a time: `ranges` are [first root, file] (search/roots.*.json), sorted;
 *  each file's front-coded text arrives through add(). A lookup in a range not here yet is noted in `missing` and
 *  answered "no": a stem found while `missing` is not empty is a guess, to be made again once the ranges are in. */
export class ArrivingRoots {
  constructor(ranges) {
    this.ranges = ranges;
    this.arrived = new Map();
    this.missing = new Set();
  }

  /** The range a word would be in: the last that starts at or before it, or -1. */
  rangeOf(word) {
    let low = 0;
    let high = this.ranges.length - 1;
    if (high < 0 || word < this.ranges[0][0]) return -1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.ranges[middle][0] <= word) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  add(range, text) {
    this.arrived.set(range, decodeRoots(text));
  }

  get(word) {
    const range = this.rangeOf(word);
    if (range === -1) return undefined;
    const roots = this.arrived.get(range);
    if (roots === undefined) this.missing.add(range);
    return roots?.get(word);
  }

  has(word) {
    return this.get(word) !== undefined;
  }
}


/** Roots and their families from front-coded lines (helpcenter/search/index.py, front_coded). */
function decodeRoots(text) {
  const roots = new Map();
  let previous = "";
  for (const line of text.split("\n")) {
    if (!line) continue;
    const slash = line.indexOf("/");
    const root = previous.slice(0, line.charCodeAt(0) - 48) + (slash === -1 ? line.slice(1) : line.slice(1, slash));
    roots.set(root, slash === -1 ? "" : line.slice(slash + 1));
    previous = root;
  }
  return roots;
}

/** Roots and prefix families from the "root/FAMILIES" lines of id-roots.txt. */
export function parseRoots(text) {
  const roots = new Map();
  for (const line of text.split("\n")) {
    if (!line) continue;
    const slash = line.indexOf("/");
    if (slash === -1) roots.set(line, "");
    else roots.set(line.slice(0, slash), line.slice(slash + 1));
  }
  return roots;
}

function nasalCandidates(head, rest) {
  if (rest.startsWith("ng")) {
    const after = rest.slice(2);
    if (isVowel(after.slice(0, 1))) return [rest, ...(after.startsWith("e") ? [after.slice(1)] : []), after, "k" + after];
    return [after];
  }
  if (rest.startsWith("ny")) return ["s" + rest.slice(2), rest];
  if (rest.startsWith("m")) {
    const after = rest.slice(1);
    if (isVowel(after.slice(0, 1))) return ["m" + after, "p" + after];
    if (after.startsWith("r") || after.startsWith("l")) return ["p" + after];
    return ["b", "f", "v", "p"].includes(after.slice(0, 1)) ? [after] : [];
  }
  if (rest.startsWith("n")) {
    const after = rest.slice(1);
    if (isVowel(after.slice(0, 1))) return ["n" + after, "t" + after];
    return ["c", "d", "j", "z", "s", "t"].includes(after.slice(0, 1)) ? [after] : [];
  }
  if (["l", "r", "w", "y"].includes(rest.slice(0, 1))) {
    return head === "pe" && rest.startsWith("l") ? [rest, rest.slice(1)] : [rest];
  }
  if (head === "pe" && rest.slice(0, 1) && !isVowel(rest.slice(0, 1))) return [rest];
  return [];
}

export function prefixCandidates(word) {
  const candidates = [];
  const head = word.slice(0, 2);
  const rest = word.slice(2);
  const first = rest.slice(0, 1);
  if (head === "di" || head === "ke" || head === "se") {
    candidates.push([rest, { di: "D", ke: "K", se: "S" }[head]]);
  }
  if ((head === "be" || head === "te" || head === "pe") && first === "r") {
    candidates.push([rest.slice(1), { be: "B", te: "T", pe: "R" }[head]]);
    if (isVowel(rest.slice(1, 2))) candidates.push([rest, { be: "B", te: "T", pe: "P" }[head]]);
  } else if ((head === "be" || head === "te") && first && !isVowel(first) && rest.slice(1, 3) === "er") {
    candidates.push([rest, head[0].toUpperCase()]);
  } else if (head === "be" && first === "l") {
    candidates.push([rest.slice(1), "B"]);
  }
  if (head === "me" || head === "pe") {
    const family = head[0].toUpperCase();
    for (const candidate of nasalCandidates(head, rest)) {
      candidates.push([candidate, rest.startsWith("nge") && candidate === rest.slice(3) ? "G" : family]);
    }
  }
  return candidates;
}

export class Stemmer {
  /** `roots`: root -> flags (a Map or LazyRoots); `vocabulary`: the site's terms (anything with has()). */
  constructor(roots, vocabulary = new Set()) {
    this.roots = roots;
    this.vocabulary = vocabulary;
    this.cache = new Map();
  }

  stem(word) {
    let result = this.cache.get(word);
    if (result === undefined) {
      result = this.#stem(word);
      this.cache.set(word, result);
    }
    return result;
  }

  #stem(word) {
    if (!word.includes("-")) return this.#stemSingle(word);
    const parts = word.split("-");
    if (CLITICS.has(parts[parts.length - 1])) parts.pop();
    if (parts.length === 1 && parts[0]) return this.stem(parts[0]);
    if (parts.length === 2 && parts[0] && parts[1]) {
      const first = this.stem(parts[0]);
      if (first === this.stem(parts[1]) || first === this.stem("me" + parts[1])) return first;
    }
    return word;
  }

  #stemSingle(word) {
    if (this.roots.has(word)) return this.lexicalRoot(word);
    if (word.length <= MIN_ROOT + 1) return word;
    let [score, root] = this.#analyse(word, false);
    if (score < TRUSTED) {
      const [informalScore, informal] = this.#analyse(word, true);
      if (informalScore > NONE) root = informal;
    }
    return this.roots.has(root) ? this.lexicalRoot(root) : root;
  }

  /** The root of a derived word the dictionary lists as a root of its own, or `root` (stemmer.py, lexical_root). */
  lexicalRoot(root) {
    for (const suffix of LOANS) {
      const base = root.slice(0, -suffix.length);
      if (root.endsWith(suffix) && base.length > MIN_ROOT + 1 && this.roots.has(base)
          && (prefixed(this.roots.get(base)) || (base.endsWith(LOAN_ADJECTIVE) && base.length >= MIN_LOAN_ADJECTIVE))) {
        return base;
      }
    }
    if ((root.startsWith("bel") || root.startsWith("pel")) && EL_ROOTS.includes(root.slice(3))) return root.slice(3);
    if (FOSSILS.has(root)) return this.#unfixed(root) ?? root;
    if (root.endsWith("kan") && (this.roots.get(root.slice(0, -3)) ?? "").includes(SUFFIX_FLAGS.kan)) {
      return root.slice(0, -3);
    }
    return root;
  }

  #find(word, informal) {
    if (this.roots.has(word)) return word;
    if (!informal) return null;
    return this.vocabulary.has(word) ? word : this.#spelt(word);
  }

  #unfixed(word) {
    if (word.length < 6 || isVowel(word[0])) return null;
    const infixed = word[0] + word.slice(3);
    if (["el", "em", "er", "in"].includes(word.slice(1, 3)) && this.roots.has(infixed)) return infixed;
    return word[1] === "e" && word[2] === word[0] && this.roots.has(word.slice(2)) ? word.slice(2) : null;
  }

  #spelt(word) {
    const found = spellings(word).filter((spelling) => this.roots.has(spelling));
    return found.find((root) => prefixed(this.roots.get(root))) ?? found[0] ?? null;
  }

  #analyse(word, informal) {
    const forms = [word];
    let current = word;
    for (const group of INFLECTIONAL) {
      for (const suffix of group) {
        if (current.endsWith(suffix) && current.length - suffix.length > MIN_ROOT) {
          current = current.slice(0, -suffix.length);
          const found = this.#find(current, informal);
          if (found) return [SURE, found];
          forms.push(current);
          break;
        }
      }
    }
    if (informal && this.vocabulary.has(word)) return [SURE, word];
    let unconfirmed = [NONE, word];
    for (const suffix of informal ? [...DERIVATIONAL, SUFFIX] : DERIVATIONAL) {
      if (current.endsWith(suffix) && current.length - suffix.length > MIN_ROOT + (suffix === SUFFIX ? 1 : 0)) {
        const base = current.slice(0, -suffix.length);
        const found = this.#find(base, informal);
        if (found) {
          const flags = this.roots.get(found) ?? "";
          if (suffix === SUFFIX || flags.includes(SUFFIX_FLAGS[suffix])) return [SURE, found];
          if (unconfirmed[0] === NONE) unconfirmed = [prefixed(flags) ? UNCONFIRMED_KNOWN : UNCONFIRMED_BARE, found];
        }
        forms.push(base);
        if (suffix !== "kan") break;
      }
    }
    let best = [NONE, 0, word];
    const whole = forms.map((form) => this.#unfixed(form)).find(Boolean) || (informal ? this.#spelt(word) : null);
    if (whole) best = [prefixed(this.roots.get(whole)) ? 2 : 0, 0, whole];
    for (const form of forms) {
      const found = this.#stripPrefixes(form, 0, informal);
      if (this.#better(found, best)) best = found;
    }
    if (unconfirmed[0] > best[0]) return unconfirmed;
    if (best[0] === NONE) {
      for (const suffix of LOANS) {
        const base = current.slice(0, -suffix.length);
        if (current.endsWith(suffix) && base.length > MIN_ROOT + 1 && this.roots.has(base)) {
          return [UNCONFIRMED_KNOWN, base];
        }
      }
    }
    return [best[0], best[2]];
  }

  #stripPrefixes(word, depth, informal) {
    let best = [NONE, 0, word];
    if (depth === (informal ? MAX_PREFIXES - 1 : MAX_PREFIXES)) return best;
    const candidates = prefixCandidates(word);
    if (depth === 0) {
      for (const clitic of ["kau", "ku"]) if (word.startsWith(clitic)) candidates.push([word.slice(clitic.length), "O"]);
      if (informal) candidates.push(...nasalRoots(word));
    }
    for (const [candidate, family] of candidates) {
      if (candidate.length < MIN_ROOT) continue;
      const found = this.#find(candidate, informal);
      let result;
      if (found) {
        const flags = this.roots.get(found) ?? "";
        const fit = family && flags.includes(family) ? (family === "G" ? 3 : 2) : prefixed(flags) ? 1 : 0;
        result = [2 * fit + (found === candidate ? 1 : 0), depth + 1, found];
      } else {
        result = this.#stripPrefixes(candidate, depth + 1, informal);
      }
      if (this.#better(result, best)) best = result;
    }
    return best;
  }

  #better(found, best) {
    if (found[0] !== best[0] || best[0] === NONE) return found[0] > best[0];
    if (found[1] !== best[1]) return found[1] < best[1];
    return (this.roots.get(found[2]) ?? "").length > (this.roots.get(best[2]) ?? "").length;
  }
}
