"""Synonyms CS leads edit (`content/synonyms.yml`): groups of words or phrases that mean the same to a customer.

Each phrase goes through the same analysis as the text it will meet, so "ongkos kirim" is the terms
["ongkos", "kirim"] and matches however a page words it. A query that contains one phrase of a group also searches
the group's other phrases.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from helpcenter.content.files import size_problem
from helpcenter.content.frontmatter import first_anchor, yaml_problem
from helpcenter.content.problems import ContentError, Problem, problem
from helpcenter.language.analysis import terms

FILE_NAME = "synonyms.yml"

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Synonyms:
    """Groups of analyzed phrases, and for each phrase the other phrases of its group."""

    alternatives: dict[Phrase, tuple[Phrase, ...]]
    written: tuple[tuple[str, ...], ...] = ()
    """The groups as the CS lead wrote them, for people (the report) rather than for matching."""

    @classmethod
    def from_groups(cls, groups: list[list[Phrase]], written: tuple[tuple[str, ...], ...] = ()) -> Synonyms:
        return cls({phrase: tuple(other for other in group if other != phrase)
                    for group in groups for phrase in group}, written)

    def groups(self) -> list[list[Phrase]]:
        """The groups, in file order: each phrase followed by its alternatives, once per group."""
        seen: set[Phrase] = set()
        found = []
        for phrase, others in self.alternatives.items():
            if phrase not in seen:
                group = [phrase, *others]
                seen.update(group)
                found.append(group)
        return found

    def occurrences(self, sequence: list[str]) -> list[tuple[int, Phrase]]:
        """Where phrases of the groups stand in a sequence of terms, as (start, phrase), without overlaps.

        The longest phrase wins, then the leftmost: "kode tracking" is one thing, not also "tracking".
        """
        found = [(start, phrase) for phrase in self.alternatives
                 for start in range(len(sequence) - len(phrase) + 1)
                 if tuple(sequence[start:start + len(phrase)]) == phrase]
        found.sort(key=lambda match: (-len(match[1]), match[0]))
        covered: set[int] = set()
        kept = []
        for start, phrase in found:
            span = range(start, start + len(phrase))
            if not covered.intersection(span):
                covered.update(span)
                kept.append((start, phrase))
        return kept


def load_synonyms(path: Path, shown: str | None = None) -> Synonyms:
    """Read and check the file; raise ContentError listing every problem with its line."""
    shown = shown or path.as_posix()
    if not path.exists():
        return Synonyms({})
    too_large = size_problem(path, shown)
    if too_large:
        raise ContentError([too_large])
    text = path.read_text(encoding="utf-8")
    anchor = first_anchor(text)
    if anchor:
        raise ContentError([problem(shown, anchor[0] + 1, "yaml.anchor", name=anchor[1])])
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        index, detail = yaml_problem(exc, text)
        raise ContentError([Problem(shown, index + 1, f"not valid YAML: {detail}")]) from None
    if root is None:
        return Synonyms({})
    if not isinstance(root, yaml.SequenceNode):
        raise ContentError([Problem(shown, 1, "write one group per line, as a list: - [ongkir, ongkos kirim]")])
    problems: list[Problem] = []
    groups: list[list[Phrase]] = []
    written: list[tuple[str, ...]] = []
    first_seen: dict[Phrase, int] = {}
    for group in root.value:
        line = group.start_mark.line + 1
        if not isinstance(group, yaml.SequenceNode) or not all(isinstance(i, yaml.ScalarNode) for i in group.value):
            problems.append(Problem(shown, line, "a group is a list of words or phrases: - [ongkir, ongkos kirim]"))
            continue
        phrases: list[Phrase] = []
        for item in group.value:
            phrase = tuple(terms(str(item.value)))
            if not phrase:
                problems.append(Problem(shown, line, f"'{item.value}' has no searchable word (only stop words)"))
            elif phrase in first_seen and first_seen[phrase] != line:
                problems.append(Problem(shown, line, f"'{item.value}' is already in the group on line "
                                                     f"{first_seen[phrase]}; merge the two groups"))
            elif phrase not in phrases:
                phrases.append(phrase)
                first_seen[phrase] = line
        if len(phrases) < 2 and not problems:
            problems.append(Problem(shown, line, "a group needs at least two different words or phrases"))
        groups.append(phrases)
        written.append(tuple(str(item.value) for item in group.value))
    if problems:
        raise ContentError(problems)
    return Synonyms.from_groups(groups, tuple(written))
