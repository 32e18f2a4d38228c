"""Families: items that must never meet on one worksheet or in one quiz session.

Two items are linked when one gives the other away or both ask the same thing:
- giveaway: one item's key (a short answer, a correct option, a cloze deletion) stands, as whole
  words, in another item's prompt, correct options, pairs or items to order;
- near duplicate: two items share a key and cite overlapping evidence (one quote holds the other);
- vocab and cloze: a vocab card shows, in full, the sentence a cloze item blanks.
Linked items, and items naming the same `family:` in YAML, form one family (links chain). Selection
draws at most one item of a family; Anki keeps them all and tags the family; `quizgen lint` reports
each link. The detection is here, in core, because selection needs it and core knows no outputs.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from quizgen.core.model import Bank, Question
from quizgen.core.question_types import definition_of
from quizgen.core.words import stems, words

GIVEAWAY = "giveaway"
NEAR_DUPLICATE = "near_duplicate"
VOCAB_CLOZE = "vocab_cloze"

# A key found in what more than this many other items show is what the whole bank is about (the
# article's own subject, such as a country's name), not a giveaway.
TOPIC_LIMIT = 5
# A key shorter than this (in letters, words joined) is too common to give anything away.
SHORTEST_KEY = 2


class Link(NamedTuple):
    """`question_id` is the item the finding is reported on: the one that reveals, or the later.

    A named tuple, not a dataclass: a bank where many vocab cards share a cloze's sentence has tens
    of thousands of links, and a tuple is built several times faster.
    """

    kind: str
    question_id: str
    other_id: str
    key: str  # the key given away or shared, or the vocab term


def item_keys(question: Question) -> tuple[str, ...]:
    return definition_of(question).key_texts(question)


def family_links(bank: Bank) -> list[Link]:
    """Every link of the bank: giveaways, near duplicates, vocab/cloze. Two items that ask the same
    thing show each other's key, so a near duplicate is not also counted as a giveaway."""
    duplicates = _near_duplicates(bank)
    same = {frozenset((link.question_id, link.other_id)) for link in duplicates}
    giveaways = [
        link
        for link in _giveaways(bank)
        if frozenset((link.question_id, link.other_id)) not in same
    ]
    return giveaways + duplicates + _vocab_cloze(bank)


def _giveaways(bank: Bank) -> list[Link]:
    """Keys indexed by their words, and their lengths by their first word: each shown word is
    looked up once, so the cost grows with the bank's size, not with its square."""
    questions, language = bank.questions, bank.language
    owners_of: dict[tuple[str, ...], list[tuple[int, str]]] = defaultdict(list)  # key -> items
    sizes_after: dict[str, set[int]] = defaultdict(set)  # first word -> lengths of keys
    for position, question in enumerate(questions):
        for key_text in item_keys(question):
            key = stems(key_text, language)
            if len("".join(key)) >= SHORTEST_KEY:
                owners_of[key].append((position, key_text))
                sizes_after[key[0]].add(len(key))
    revealers: dict[tuple[int, str], set[int]] = defaultdict(set)
    for position, question in enumerate(questions):
        for text in definition_of(question).shown_texts(question):
            shown = stems(text, language)
            starts = [start for start, word in enumerate(shown) if word in sizes_after]
            for start in starts:
                for size in sizes_after[shown[start]]:
                    key = shown[start : start + size]
                    owners = owners_of.get(key)
                    if owners is None:
                        continue
                    for owner, key_text in owners:
                        if owner != position:
                            revealers[(owner, key_text)].add(position)
                    if all(len(revealers[entry]) > TOPIC_LIMIT for entry in owners):
                        del owners_of[key]  # a topic word now: no need to look for it again
    longest_key: dict[tuple[int, int], str] = {}  # one link a pair, naming the longest key
    for (owner, key_text), positions in revealers.items():
        if len(positions) > TOPIC_LIMIT:
            continue
        for position in positions:
            known = longest_key.get((position, owner), "")
            if (len(key_text), key_text) > (len(known), known):
                longest_key[(position, owner)] = key_text
    return [
        Link(GIVEAWAY, questions[position].id, questions[owner].id, key_text)
        for (position, owner), key_text in sorted(longest_key.items())
    ]


def _near_duplicates(bank: Bank) -> list[Link]:
    questions = bank.questions
    by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
    spelled: dict[tuple[str, ...], str] = {}  # the key as its first item writes it
    for position, question in enumerate(questions):
        for key_text in dict.fromkeys(item_keys(question)):
            key = stems(key_text, bank.language)
            if key:
                by_key[key].append(position)
                spelled.setdefault(key, key_text)
    evidence: dict[int, list[str]] = {}

    def quotes(position: int) -> list[str]:
        if position not in evidence:
            evidence[position] = [" ".join(words(quote)) for quote in questions[position].evidence]
        return evidence[position]

    pairs: dict[tuple[int, int], str] = {}
    for key, positions in by_key.items():
        unique = sorted(set(positions))
        for index, first in enumerate(unique):
            for second in unique[index + 1 :]:
                if (first, second) not in pairs and _overlap(quotes(first), quotes(second)):
                    pairs[(first, second)] = spelled[key]
    return [
        Link(NEAR_DUPLICATE, questions[second].id, questions[first].id, key)
        for (first, second), key in sorted(pairs.items(), key=lambda pair: pair[0][::-1])
    ]


def _overlap(quotes: list[str], others: list[str]) -> bool:
    return any(quote in other or other in quote for quote in quotes for other in others)


def _vocab_cloze(bank: Bank) -> list[Link]:
    """Sentences compared passage by passage (a sentence is only ever shared by items citing its
    passage), each distinct sentence once, however many items use it."""
    sentences: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(
        lambda: {"blanks": [], "shows": []}
    )
    for position, question in enumerate(bank.questions):
        home = definition_of(question).sentence_use
        if not home:
            continue
        sentence = " ".join(words(question.sentence))
        for passage_id in question.passages:
            sentences[(passage_id, sentence)][home].append(position)
    by_passage: dict[str, list[tuple[str, dict[str, list[int]]]]] = defaultdict(list)
    for (passage_id, sentence), users in sentences.items():
        by_passage[passage_id].append((sentence, users))
    found: set[tuple[int, int]] = set()
    for groups in by_passage.values():
        for blanked, blanking in groups:
            if not blanking["blanks"]:
                continue
            for shown, showing in groups:
                if showing["shows"] and (blanked in shown or shown in blanked):
                    found.update(
                        (cloze, vocab) for cloze in blanking["blanks"] for vocab in showing["shows"]
                    )
    questions = bank.questions
    return [
        Link(VOCAB_CLOZE, questions[cloze].id, questions[vocab].id, questions[vocab].term)
        for cloze, vocab in sorted(found)
    ]


def _order(bank: Bank) -> dict[str, int]:
    return {question.id: position for position, question in enumerate(bank.questions)}


def bank_families(bank: Bank, links: list[Link] | None = None) -> dict[str, str]:
    """The family of every item that has one, by question id.

    A family is named by the explicit `family:` of a member (the first in sorting order when links
    join several), or else by its first member's id in bank order.
    """
    positions = _order(bank)
    parent = list(range(len(bank.questions)))

    def root(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    def join(first: int, second: int) -> None:
        first, second = root(first), root(second)
        if first != second:
            parent[max(first, second)] = min(first, second)

    named: dict[str, int] = {}
    for position, question in enumerate(bank.questions):
        if question.family:
            join(named.setdefault(question.family, position), position)
    for link in family_links(bank) if links is None else links:
        join(positions[link.question_id], positions[link.other_id])
    members: dict[int, list[int]] = defaultdict(list)
    for position in range(len(bank.questions)):
        members[root(position)].append(position)
    families: dict[str, str] = {}
    for first, group in members.items():
        explicit = sorted(bank.questions[p].family for p in group if bank.questions[p].family)
        if len(group) < 2 and not explicit:
            continue
        name = explicit[0] if explicit else bank.questions[first].id
        for position in group:
            families[bank.questions[position].id] = name
    return families
