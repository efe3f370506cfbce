// Indonesian stemmer: the same algorithm as helpcenter/search/stemmer.py, step for step (see its docstring).
// Tests hold the two to identical stems on more than ten thousand word forms; change both or neither.

const VOWELS = new Set(["a", "e", "i", "o", "u"]);
const INFLECTIONAL = [["lah", "kah", "tah", "pun"], ["nya", "ku", "mu"]];
const DERIVATIONAL = ["kan", "an", "i"];
const MIN_ROOT = 2;
const MAX_PREFIXES = 3;
const isVowel = (char) => VOWELS.has(char);

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
      roots = new Map();
      let previous = "";
      for (const line of (Object.hasOwn(this.buckets, letter) ? this.buckets[letter] : "").split("\n")) {
        if (!line) continue;
        const slash = line.indexOf("/");
        const root = previous.slice(0, line.charCodeAt(0) - 48) + (slash === -1 ? line.slice(1) : line.slice(1, slash));
        roots.set(root, slash === -1 ? "" : line.slice(slash + 1));
        previous = root;
      }
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
    if (isVowel(after.slice(0, 1))) {
      const found = [after, "k" + after];
      if (after.startsWith("e")) found.push(after.slice(1));
      return found;
    }
    return [after];
  }
  if (rest.startsWith("ny")) return ["s" + rest.slice(2), rest];
  if (rest.startsWith("m")) {
    const after = rest.slice(1);
    if (isVowel(after.slice(0, 1))) return ["m" + after, "p" + after];
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
    for (const candidate of nasalCandidates(head, rest)) candidates.push([candidate, family]);
  }
  return candidates;
}

export class Stemmer {
  constructor(roots) {
    this.roots = roots;
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
    if (word.includes("-")) {
      const parts = word.split("-");
      if (parts.length === 2 && parts[0] && parts[1]) {
        const first = this.#stemSingle(parts[0]);
        if (first === this.#stemSingle(parts[1])) return first;
      }
      return word;
    }
    return this.#stemSingle(word);
  }

  #stemSingle(word) {
    if (this.roots.has(word) || word.length <= MIN_ROOT + 1) return word;
    const forms = [word];
    let current = word;
    for (const group of INFLECTIONAL) {
      for (const suffix of group) {
        if (current.endsWith(suffix) && current.length - suffix.length > MIN_ROOT) {
          current = current.slice(0, -suffix.length);
          if (this.roots.has(current)) return current;
          forms.push(current);
          break;
        }
      }
    }
    for (const suffix of DERIVATIONAL) {
      if (current.endsWith(suffix) && current.length - suffix.length > MIN_ROOT) {
        const stripped = current.slice(0, -suffix.length);
        if (this.roots.has(stripped)) return stripped;
        forms.push(stripped);
        if (suffix !== "kan") break;
      }
    }
    let bestScore = -1;
    let bestRoot = word;
    for (const form of forms) {
      const [score, root] = this.#stripPrefixes(form, 0);
      if (score > bestScore) [bestScore, bestRoot] = [score, root];
    }
    return bestRoot;
  }

  #stripPrefixes(word, depth) {
    let bestScore = -1;
    let bestRoot = word;
    if (depth === MAX_PREFIXES) return [bestScore, bestRoot];
    for (let [candidate, family] of prefixCandidates(word)) {
      if (candidate.length < MIN_ROOT) continue;
      let score;
      if (this.roots.has(candidate)) {
        const families = this.roots.get(candidate);
        score = families.includes(family) ? 2 : families ? 1 : 0;
      } else {
        [score, candidate] = this.#stripPrefixes(candidate, depth + 1);
      }
      if (score > bestScore) [bestScore, bestRoot] = [score, candidate];
    }
    return [bestScore, bestRoot];
  }
}
