// Chat Indonesian to written words, as helpcenter/search/colloquial.py does it. The lexicon arrives with the
// analysis data (search/analysis.*.json), so both sides use one list.

/** Written forms a Jakarta-style verb may stand for, most specific first. */
export function rewrites(word) {
  const found = [];
  const suffixed = word.endsWith("in") && word.length > 4 ? word.slice(0, -2) + "kan" : null;
  const nasal = (word.startsWith("ng") || word.startsWith("ny")) && word.length > 4;
  if (suffixed && nasal) found.push("me" + suffixed);
  if (nasal) found.push("me" + word);
  if (suffixed) found.push(suffixed);
  return found;
}
