"""Rules across items, reported from the links that form families (core/families.py): the same
detection decides what lint warns about and what selection keeps apart."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from quizgen.core.families import GIVEAWAY, NEAR_DUPLICATE, VOCAB_CLOZE, Link


@dataclass(frozen=True)
class CrossFinding:
    question_id: str
    rule: str
    message: str
    fix: str


def _giveaway(link: Link) -> CrossFinding:
    return CrossFinding(
        link.question_id,
        "L301",
        f"shows '{link.key}', the answer of {link.other_id}",
        f"reword this item or {link.other_id}; until then they are never drawn together",
    )


def _near_duplicate(link: Link) -> CrossFinding:
    return CrossFinding(
        link.question_id,
        "L302",
        f"asks what {link.other_id} asks: the key '{link.key}' from overlapping evidence",
        "keep one of them, or test another fact of the passage",
    )


def _vocab_cloze(question_id: str, links: list[Link]) -> CrossFinding:
    cards = ", ".join(f"{link.other_id} ('{link.key}')" for link in links[:SHOWN_CARDS])
    more = f" and {len(links) - SHOWN_CARDS} more" if len(links) > SHOWN_CARDS else ""
    return CrossFinding(
        question_id,
        "L303",
        f"its sentence is shown in full on vocab card(s) {cards}{more}",
        "blank another sentence, or give the vocab card another sentence",
    )


SHOWN_CARDS = 3  # L303 names this many vocab cards, then counts the rest
REPORTERS = {GIVEAWAY: _giveaway, NEAR_DUPLICATE: _near_duplicate}


def cross_findings(links: list[Link]) -> list[CrossFinding]:
    """One finding a link; a cloze's vocab cards together (a sentence may be on many)."""
    findings = []
    cards: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        if link.kind == VOCAB_CLOZE:
            cards[link.question_id].append(link)
        else:
            findings.append(REPORTERS[link.kind](link))
    return findings + [_vocab_cloze(question_id, group) for question_id, group in cards.items()]
