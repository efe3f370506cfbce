// Text to search tokens, as helpcenter/search/analysis.py does it: folded case and accents, words of letters and
// digits. The query pipeline (engine.js) writes out chat forms, drops stop words and stems from there.

const TOKEN = /[a-z0-9]+(?:-[a-z0-9]+)*/g;

export function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
}

export function tokens(text) {
  return fold(text).match(TOKEN) || [];
}

// English endings and what each may replace, most likely first (englishBases).
const ENGLISH_ENDINGS = [["ies", ["y"]], ["ied", ["y"]], ["es", ["", "e"]], ["s", [""]], ["ed", ["", "e"]],
  ["ing", ["", "e"]]];

/** The words an English inflected form may come from, most likely first: analysis.py's english_bases. */
export function englishBases(word) {
  const found = [];
  for (const [ending, replacements] of ENGLISH_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3 && !word.endsWith("ss")) {
      const base = word.slice(0, -ending.length);
      found.push(...replacements.map((replacement) => base + replacement));
      // A consonant doubled before -ed or -ing: shipped, cancelled, shipping.
      const last = base[base.length - 1];
      if ((ending === "ed" || ending === "ing") && last === base[base.length - 2] && !"aeiou".includes(last)) {
        found.push(base.slice(0, -1));
      }
    }
  }
  return [...new Set(found)];
}
