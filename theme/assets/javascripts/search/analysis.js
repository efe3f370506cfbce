// Text to search tokens, as helpcenter/search/analysis.py does it: folded case and accents, words of letters and
// digits. The query pipeline (engine.js) writes out chat forms, drops stop words and stems from there.

const TOKEN = /[a-z0-9]+(?:-[a-z0-9]+)*/g;

export function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
}

export function tokens(text) {
  return fold(text).match(TOKEN) || [];
}
