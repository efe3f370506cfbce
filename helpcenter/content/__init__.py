"""The content model: Markdown pages with front matter, the shop's settings and synonyms, and every check of them."""
