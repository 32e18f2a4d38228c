"""Spaced repetition with FSRS: one card per question, ratings from the verdict.

Ratings: wrong -> Again, a forgiven typo -> Hard, correct -> Good. Easy is never given: a choice
question can be guessed, and a typed one is not timed, so nothing proves an answer was effortless.
Fuzzing is off so that the same answers at the same times give the same schedule.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from functools import lru_cache

from fsrs import Card, Rating, Scheduler, State

from quizgen.quiz.progress_db import CardState
from quizgen.text.grading import CORRECT, TYPO, WRONG

AGAIN, HARD, GOOD = int(Rating.Again), int(Rating.Hard), int(Rating.Good)
_RATING_FOR_VERDICT = {WRONG: AGAIN, TYPO: HARD, CORRECT: GOOD}


def card_id_for(question_key: str) -> int:
    """A fixed id from "bank/question": the same card on every machine, fits SQLite's INTEGER."""
    digest = hashlib.sha256(question_key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def rating_for(verdict: str) -> int:
    """Again, Hard or Good; so multiple choice and true/false never rate above Good."""
    return _RATING_FOR_VERDICT[verdict]


def utc_now() -> datetime:
    return datetime.now(UTC)


@lru_cache(maxsize=1)
def _scheduler() -> Scheduler:
    return Scheduler(enable_fuzzing=False)


def review(previous: CardState | None, card_id: int, rating: int, when: datetime) -> CardState:
    """The card after one review at `when` (aware, UTC); a card never seen starts new."""
    if previous is None:
        card = Card(card_id=card_id, due=when)
    else:
        card = Card(
            card_id=card_id,
            state=State(previous.state),
            step=previous.step,
            stability=previous.stability,
            difficulty=previous.difficulty,
            due=previous.due,
            last_review=previous.last_review,
        )
    reviewed, _log = _scheduler().review_card(card, Rating(rating), review_datetime=when)
    return CardState(
        card_id=card_id,
        state=int(reviewed.state),
        step=reviewed.step,
        stability=reviewed.stability,
        difficulty=reviewed.difficulty,
        due=reviewed.due,
        last_review=reviewed.last_review,
    )
