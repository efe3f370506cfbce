"""Stemmer benchmark: our Indonesian stemmer against Sastrawi on public stemming test cases, in one run.

The cases are in bench/stemming/ (one file per suite, `word<TAB>expected root`; sources and licences in its
README): standard Indonesian from Sastrawi's, Lucene's and other stemmers' own tests, and chat Indonesian
(colloquial) from mpstemmer's benchmark and a set written for this project. A case counts when the stem is exactly
the expected root.

  ours      helpcenter.language.stemmer with the bundled dictionary (hunspell-id) and, as the site's vocabulary, the
            terms of the sample shop in content/, as the search index hands them to the browser
  Sastrawi  PySastrawi (Sastrawi==1.0.1 from PyPI, pinned in the dev extra), with its own dictionary

    python bench/stemmer.py [--no-write]
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version

from results import RESULTS, ROOT, machine, write_section

from helpcenter.language.analysis import roots, site_terms, term_of, tokens
from helpcenter.language.stemmer import Stemmer

CASES = ROOT / "bench" / "stemming"


@dataclass(frozen=True)
class Suite:
    name: str
    kind: str
    """"standard" or "colloquial"."""
    source: str


SUITES = (
    Suite("sastrawi-functional", "standard", "Sastrawi (PHP), functional tests"),
    Suite("sastrawi-integration", "standard", "Sastrawi (PHP), integration tests"),
    Suite("stemin-rules", "standard", "stemin, Sastrawi's prefix rules as cases"),
    Suite("lucene", "standard", "Apache Lucene, IndonesianStemmer tests"),
    Suite("sastrawi-rs", "standard", "sastrawi-rs, confix and loan suffix tests"),
    Suite("sastrawi-rs-nge", "colloquial", "sastrawi-rs, nge- tests"),
    Suite("mpstemmer-informal", "colloquial", "mpstemmer's 60 nonstandard words"),
    Suite("colloquial-chat", "colloquial", "chat forms written for this project"),
)


def load(suite: Suite) -> list[tuple[str, str]]:
    lines = (CASES / f"{suite.name}.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]


def site_vocabulary() -> frozenset[str]:
    """The terms of the sample shop, as the index gives them (`helpcenter.search.index.build_index`)."""
    found = {term for path in (ROOT / "content").rglob("*.md") for token in tokens(path.read_text(encoding="utf-8"))
             if (term := term_of(token)) is not None}
    renamed = site_terms(found)
    return frozenset(renamed.get(term, term) for term in found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print the table, leave bench/RESULTS.md alone")
    args = parser.parse_args()
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    sastrawi = StemmerFactory().create_stemmer()
    ours = Stemmer(roots(), site_vocabulary())
    rows = ["| suite | kind | cases | ours | Sastrawi |", "|---|---|---:|---:|---:|"]
    totals: dict[str, list[int]] = {}
    misses = []
    for suite in SUITES:
        cases = load(suite)
        mine = [ours.stem(word) for word, _ in cases]
        theirs = [sastrawi.stem(word) for word, _ in cases]
        hits = sum(stem == root for stem, (_, root) in zip(mine, cases, strict=True))
        their_hits = sum(stem == root for stem, (_, root) in zip(theirs, cases, strict=True))
        total = totals.setdefault(suite.kind, [0, 0, 0])
        total[0] += len(cases)
        total[1] += hits
        total[2] += their_hits
        rows.append(f"| {suite.name}: {suite.source} | {suite.kind} | {len(cases)} | {hits / len(cases):.2f} | "
                    f"{their_hits / len(cases):.2f} |")
        missed = [f"{word} → {stem} ({root})" for stem, (word, root) in zip(mine, cases, strict=True) if stem != root]
        misses.append(f"- {suite.name}: {', '.join(missed) or 'none'}")
    for kind, (count, hits, their_hits) in totals.items():
        rows.append(f"| **all {kind}** | {kind} | {count} | **{hits / count:.2f}** ({hits}) | "
                    f"{their_hits / count:.2f} ({their_hits}) |")
    table = "\n".join(rows)
    print(table)
    print("\n".join(misses))
    standard, colloquial = totals["standard"], totals["colloquial"]
    verdict = (f"Standard cases: ours {standard[1]} exact roots, Sastrawi {standard[2]} (target: more than Sastrawi): "
               f"{'met' if standard[1] > standard[2] else 'not met'}. Colloquial: ours "
               f"{colloquial[1] / colloquial[0]:.2f} (target at least 0.80): "
               f"{'met' if colloquial[1] >= 0.8 * colloquial[0] else 'not met'}.")
    print(verdict)
    if args.no_write:
        return
    section = (
        f"## Stemmer (exact roots on {sum(t[0] for t in totals.values())} public test cases)\n\n"
        f"Run on {date.today().isoformat()}: {machine()}; Sastrawi {version('Sastrawi')}.\n"
        "Reproduce: `make bench-stemmer` (or `.venv/bin/python bench/stemmer.py`). Cases, their sources and "
        "licences: `bench/stemming/` and its README. Ours is `helpcenter.language.stemmer` with the bundled "
        "dictionary (hunspell-id) and the sample shop's terms as the site's vocabulary, as the browser has them; "
        "Sastrawi is PySastrawi with its own dictionary (Kateglo's, CC-BY-NC-SA: a benchmark tool only, never "
        "shipped). A case counts when the stem is exactly the expected root; the expectations are the suites' "
        "own, wrong ones included (perusakan → rusa in Sastrawi's, menuduh → uduh in Lucene's).\n\n"
        f"{table}\n\n{verdict}\n\nOurs missed:\n\n" + "\n".join(misses) + "\n"
    )
    write_section(RESULTS, "## Stemmer", section)


if __name__ == "__main__":
    main()
