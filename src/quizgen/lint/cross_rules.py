"""Rules across items, reported from the links that form families (core/families.py): the same
detection decides what lint warns about and what selection keeps apart."""

from __future__ import annotations

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


def _vocab_cloze(link: Link) -> CrossFinding:
    return CrossFinding(
        link.question_id,
        "L303",
        f"its sentence is shown in full on vocab card {link.other_id} ('{link.key}')",
        "blank another sentence, or give the vocab card another sentence",
    )


REPORTERS = {GIVEAWAY: _giveaway, NEAR_DUPLICATE: _near_duplicate, VOCAB_CLOZE: _vocab_cloze}


def cross_findings(links: list[Link]) -> list[CrossFinding]:
    return [REPORTERS[link.kind](link) for link in links]
