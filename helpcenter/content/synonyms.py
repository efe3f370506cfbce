"""Synonyms CS leads edit (`content/synonyms.yml`): groups of words or phrases that mean the same to a customer.

Each phrase goes through the same analysis as the text it will meet, so "ongkos kirim" is the terms
["ongkos", "kirim"] and matches however a page words it. A query that contains one phrase of a group also searches
the group's other phrases.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from helpcenter.content.frontmatter import yaml_problem
from helpcenter.content.problems import ContentError, Problem
from helpcenter.language.analysis import terms

FILE_NAME = "synonyms.yml"

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Synonyms:
    """Groups of analyzed phrases, and for each phrase the other phrases of its group."""

    alternatives: dict[Phrase, tuple[Phrase, ...]]

    @classmethod
    def from_groups(cls, groups: list[list[Phrase]]) -> Synonyms:
        return cls({phrase: tuple(other for other in group if other != phrase)
                    for group in groups for phrase in group})

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

    def expand(self, query_terms: list[str]) -> list[Phrase]:
        """The other phrases for every phrase of a group found, in order, inside `query_terms`."""
        found: list[Phrase] = []
        for phrase, others in self.alternatives.items():
            if _contains(query_terms, phrase):
                found.extend(other for other in others if other not in found)
        return found


def _contains(sequence: list[str], phrase: Phrase) -> bool:
    size = len(phrase)
    return any(tuple(sequence[i:i + size]) == phrase for i in range(len(sequence) - size + 1))


def load_synonyms(path: Path, shown: str | None = None) -> Synonyms:
    """Read and check the file; raise ContentError listing every problem with its line."""
    shown = shown or path.as_posix()
    if not path.exists():
        return Synonyms({})
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        index, problem = yaml_problem(exc, text)
        raise ContentError([Problem(shown, index + 1, f"not valid YAML: {problem}")]) from None
    if root is None:
        return Synonyms({})
    if not isinstance(root, yaml.SequenceNode):
        raise ContentError([Problem(shown, 1, "write one group per line, as a list: - [ongkir, ongkos kirim]")])
    problems: list[Problem] = []
    groups: list[list[Phrase]] = []
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
    if problems:
        raise ContentError(problems)
    return Synonyms.from_groups(groups)
