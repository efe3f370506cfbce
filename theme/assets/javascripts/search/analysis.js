// Text to search terms, as helpcenter/search/analysis.py does it: tokens, folded case and accents, stop words
// dropped, stems. The stop words arrive with the dictionary, so both sides use one list.

const TOKEN = /[a-z0-9]+(?:-[a-z0-9]+)*/g;

export function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
}

export function tokens(text) {
  return fold(text).match(TOKEN) || [];
}

export function terms(text, stemmer, stopWords) {
  return tokens(text)
    .filter((token) => !stopWords.has(token))
    .map((token) => stemmer.stem(token));
}
