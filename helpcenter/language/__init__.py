"""How Indonesian text is read: tokens, stop words, the stemmer, chat forms and similarity."""
