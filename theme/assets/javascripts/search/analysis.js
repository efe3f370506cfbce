// Text to search terms, as helpcenter/search/analysis.py does it: tokens, folded case and accents, chat forms
// written out, stop words dropped, stems. The stop words and chat forms arrive with the dictionary
// (search/analysis.*.json), so both sides use one list.

const TOKEN = /[a-z0-9]+(?:-[a-z0-9]+)*/g;

export function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
}

export function tokens(text) {
  return fold(text).match(TOKEN) || [];
}

export function terms(text, stemmer, stopWords, lexicon = new Map()) {
  const found = [];
  for (const token of tokens(text)) {
    const word = lexicon.get(token) || token;
    if (stopWords.has(word)) continue;
    const term = stemmer.stem(word);
    if (!stopWords.has(term)) found.push(term);
  }
  return found;
}
