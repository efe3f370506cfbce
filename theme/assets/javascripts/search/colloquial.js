// Chat Indonesian to written words, as helpcenter/search/colloquial.py does it (see its docstring). The lexicon
// arrives with the analysis data (search/analysis.*.json); the rules are here, and the stemmer applies them.

const VOWELS = new Set(["a", "e", "i", "o", "u"]);
const isVowel = (char) => VOWELS.has(char);

/** Possessives chat puts on a lexicon word as on any other: duitnya, brgku. */
export const CLITICS = ["nya", "ku", "mu"];
/** Chat's 2 for a doubled word: gerak2 is gerak-gerak, dibales2 is dibalas-balas. */
const DOUBLED = /^([a-z]{3,})2$/;

/** The written form of a chat word, or the word itself: udh -> sudah, and the same with a possessive on it
 *  (duitnya -> uang) or chat's 2 for a doubled word (gerak2 -> gerak, brg2 -> barang). `lexicon`: a Map. */
export function written(word, lexicon) {
  if (lexicon.has(word)) return lexicon.get(word);
  const doubled = DOUBLED.exec(word);
  if (doubled) return written(doubled[1], lexicon);
  for (const clitic of CLITICS) {
    if (word.endsWith(clitic) && lexicon.has(word.slice(0, -clitic.length))) {
      return lexicon.get(word.slice(0, -clitic.length));
    }
  }
  return word;
}

/** Chat's -in, written -kan or -i: balikin, beliin, dibatalin. */
export const SUFFIX = "in";

/** What a verb that starts with a bare nasal may have as its root, most likely first, with the family it needs. */
export function nasalRoots(word) {
  const rest = word.slice(2);
  if (word.startsWith("ny")) return [["c" + rest, "M"], ["s" + rest, ""]];
  if (word.startsWith("ng") && isVowel(rest.slice(0, 1))) {
    return [...(rest.startsWith("e") ? [[rest.slice(1), "G"]] : []), [rest, "M"], ["k" + rest, "M"]];
  }
  if ((word[0] === "m" || word[0] === "n") && isVowel(word.slice(1, 2))) {
    return [[(word[0] === "m" ? "p" : "t") + word.slice(1), "M"]];
  }
  return [];
}

/** Written words a chat spelling may stand for: pesen -> pesan, pake -> pakai, liat -> lihat, telpon -> telepon. */
export function spellings(word) {
  let last = word.length - 1;
  while (last >= 0 && !isVowel(word[last])) last--;
  const found = [];
  if (word.endsWith("e")) found.push(word.slice(0, -1) + "ai");
  else if (last > 0 && word[last] === "e") found.push(word.slice(0, last) + "a" + word.slice(last + 1));
  if (last > 0 && isVowel(word[last - 1])) found.push(word.slice(0, last) + "h" + word.slice(last));
  if (isVowel(word.slice(0, 1))) found.push(...[word, ...found].map((spelling) => "h" + spelling));
  const schwa = droppedSchwa(word);
  return schwa ? [...found, schwa] : found;
}

/** Two consonant letters that write one sound: no e was dropped between them. */
const DIGRAPHS = new Set(["ng", "ny", "sy", "kh"]);

const MIN_SCHWA_WORD = 5;

/** The word with the e back that chat drops between its first two consonants in a row: telpon -> telepon (see
 *  colloquial.py, _dropped_schwa, for the pairs and words it leaves). */
function droppedSchwa(word) {
  if (word.length < MIN_SCHWA_WORD) return null;
  for (let index = 0; index < word.length - 1; index++) {
    if (!isVowel(word[index]) && !isVowel(word[index + 1])) {
      const pair = word.slice(index, index + 2);
      if (DIGRAPHS.has(pair) || pair[0] === pair[1] || (index === 0 && pair[1] !== "r" && pair[1] !== "l")) return null;
      return word.slice(0, index + 1) + "e" + word.slice(index + 1);
    }
  }
  return null;
}
