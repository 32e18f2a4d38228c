"""Progress figures from the database alone: answers, share correct, and cards due, in total and
per passage and per question type. Due counts are cumulative: "today" includes "now", and "this
week" (the next seven days) includes both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from quizgen.core.model import QUESTION_TYPES
from quizgen.quiz.progress_db import ProgressStore
from quizgen.text.grading import WRONG

BAR_CELLS = 10


@dataclass
class Figures:
    reviews: int = 0
    correct: int = 0
    items: int = 0
    due: int = 0
    due_today: int = 0
    due_week: int = 0

    @property
    def correct_percent(self) -> int | None:
        return round(100 * self.correct / self.reviews) if self.reviews else None

    def as_dict(self) -> dict:
        return {
            "reviews": self.reviews,
            "correct_percent": self.correct_percent,
            "items": self.items,
            "due": self.due,
            "due_today": self.due_today,
            "due_week": self.due_week,
        }


@dataclass
class Statistics:
    database: Path
    total: Figures
    by_passage: dict[tuple[str, str], Figures]
    by_type: dict[str, Figures]

    def as_dict(self) -> dict:
        return {
            "database": str(self.database),
            **self.total.as_dict(),
            "by_passage": [
                {"bank": bank, "passage": passage, **figures.as_dict()}
                for (bank, passage), figures in self.by_passage.items()
            ],
            "by_type": [
                {"type": kind, **figures.as_dict()} for kind, figures in self.by_type.items()
            ],
        }


def _passage_order(key: tuple[str, str]) -> tuple:
    bank, passage = key
    number = passage[1:]
    return (bank, int(number) if number.isdigit() else 0, passage)


def collect(store: ProgressStore | None, database: Path, now: datetime) -> Statistics:
    """Figures at `now` (aware); a database never written counts as empty."""
    total = Figures()
    by_passage: dict[tuple[str, str], Figures] = {}
    by_type: dict[str, Figures] = {}

    def groups(bank_id: str, passages: tuple[str, ...], kind: str) -> list[Figures]:
        found = [total, by_type.setdefault(kind, Figures())]
        found += [by_passage.setdefault((bank_id, passage), Figures()) for passage in passages]
        return found

    if store is not None:
        for answer in store.answers():
            for figures in groups(answer.bank_id, answer.passages, answer.question_type):
                figures.reviews += 1
                figures.correct += answer.verdict != WRONG
        local_now = now.astimezone()
        end_of_today = (local_now + timedelta(days=1)).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        end_of_week = now + timedelta(days=7)
        for card in store.cards():
            for figures in groups(card.bank_id, card.passages, card.question_type):
                figures.items += 1
                figures.due += card.due <= now
                figures.due_today += card.due < end_of_today
                figures.due_week += card.due <= end_of_week
    type_rank = {kind: rank for rank, kind in enumerate(QUESTION_TYPES)}
    return Statistics(
        database,
        total,
        dict(sorted(by_passage.items(), key=lambda entry: _passage_order(entry[0]))),
        dict(sorted(by_type.items(), key=lambda entry: type_rank.get(entry[0], len(type_rank)))),
    )


def bar(percent: int | None) -> str:
    filled = 0 if percent is None else round(percent * BAR_CELLS / 100)
    return "█" * filled + "░" * (BAR_CELLS - filled)


def _row(label: str, figures: Figures) -> str:
    percent = figures.correct_percent
    shown = "   -" if percent is None else f"{percent:3d}%"
    return (
        f"{label:<28} {figures.reviews:>7}  {bar(percent)} {shown}"
        f"  {figures.due:>5} {figures.due_today:>6} {figures.due_week:>5}"
    )


def as_text(statistics: Statistics) -> str:
    total = statistics.total
    lines = [f"Progress database: {statistics.database}"]
    if not total.reviews and not total.items:
        lines.append("No answers recorded yet: run `quizgen quiz`.")
        return "\n".join(lines)
    percent = total.correct_percent
    lines.append(
        f"Answers recorded: {total.reviews}   correct: {percent}%   questions seen: {total.items}"
    )
    lines.append(f"Due now: {total.due}   today: {total.due_today}   this week: {total.due_week}")
    heading = f"{'':<28} {'answers':>7}  {'correct':<15}  {'due':>5} {'today':>6} {'week':>5}"
    lines += ["", "By passage" + heading[len("By passage") :]]
    lines += [
        _row(f"{bank} {passage}", figures)
        for (bank, passage), figures in statistics.by_passage.items()
    ]
    lines += ["", "By type" + heading[len("By type") :]]
    lines += [_row(kind, figures) for kind, figures in statistics.by_type.items()]
    return "\n".join(lines)
