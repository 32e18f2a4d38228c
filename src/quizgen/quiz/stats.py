"""Progress figures from the database alone: answers, share correct, and cards due, in total and
per passage and per question type. Due counts are cumulative: "today" includes "now", and "this
week" (the next seven days) includes both.

The text form is a table in the interface language. An Arabic table reads right to left: the
label column on the right, the figures to its left, bars filling from the right. In visual mode it
is laid out here cell by cell; in terminal mode each cell is led by a right-to-left mark, so that
a terminal applying the bidi algorithm lays it out the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from quizgen.core.errors import QuizgenError
from quizgen.core.loader import default_bank_paths, load_bank
from quizgen.core.model import QUESTION_TYPES
from quizgen.locale import Locale
from quizgen.quiz.display import Display
from quizgen.quiz.progress_db import ProgressStore
from quizgen.text.grading import WRONG
from quizgen.text.terminal import table_lines

BAR_CELLS = 10
UNKNOWN_LANGUAGE = "und"


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
    bank_ids: frozenset[str] = frozenset()

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
    bank_ids: set[str] = set()

    def groups(bank_id: str, passages: tuple[str, ...], kind: str) -> list[Figures]:
        bank_ids.add(bank_id)
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
        frozenset(bank_ids),
    )


def recorded_bank_languages(bank_ids: frozenset[str], root: Path | None = None) -> list[str]:
    """The language of each bank the database's answers come from, looked up in the banks under
    question_bank/ (the database keeps bank ids only); "und" for a bank not found or not loadable."""
    if not bank_ids:
        return []
    try:
        paths = default_bank_paths(root)
    except QuizgenError:
        paths = []
    languages: dict[str, str] = {}
    for path in paths:
        try:
            bank = load_bank(path)
        except QuizgenError:
            continue
        languages.setdefault(bank.id, bank.language)
    return [languages.get(bank_id, UNKNOWN_LANGUAGE) for bank_id in sorted(bank_ids)]


def bar(percent: int | None) -> str:
    filled = 0 if percent is None else round(percent * BAR_CELLS / 100)
    return "█" * filled + "░" * (BAR_CELLS - filled)


def _figure_cells(figures: Figures) -> list[str]:
    percent = figures.correct_percent
    shown = "   -" if percent is None else f"{percent:3d}%"
    return [
        str(figures.reviews),
        f"{bar(percent)} {shown}",
        str(figures.due),
        str(figures.due_today),
        str(figures.due_week),
    ]


def _type_label(kind: str, locale: Locale) -> str:
    return locale.type_name(kind) if kind in QUESTION_TYPES else kind


def table_rows(statistics: Statistics, locale: Locale) -> list[list[str] | None]:
    """The table's cells in logical order (label first); None separates the two sections."""
    heading = [
        locale(key)
        for key in (
            "stats_column_answers",
            "stats_column_correct",
            "stats_column_due",
            "stats_column_today",
            "stats_column_week",
        )
    ]
    rows: list[list[str] | None] = [[locale("stats_by_passage"), *heading]]
    rows += [
        [f"{bank} {passage}", *_figure_cells(figures)]
        for (bank, passage), figures in statistics.by_passage.items()
    ]
    rows += [None, [locale("stats_by_type"), *heading]]
    rows += [
        [_type_label(kind, locale), *_figure_cells(figures)]
        for kind, figures in statistics.by_type.items()
    ]
    return rows


def show(statistics: Statistics, display: Display, locale: Locale) -> None:
    """The text form: totals, then the table by passage and by type."""

    def say(key: str, **fields: object) -> None:
        display.say(locale(key, **fields), locale.rtl)

    total = statistics.total
    say("stats_database", path=statistics.database)
    if not total.reviews and not total.items:
        say("stats_empty")
        return
    say("stats_answers", reviews=total.reviews, percent=total.correct_percent, items=total.items)
    say("stats_due", due=total.due, today=total.due_today, week=total.due_week)
    display.blank_line()
    lines = table_lines(
        table_rows(statistics, locale),
        locale.rtl,
        display.rtl_mode,
        display.columns(),
        start_aligned=frozenset({0, 2}),
    )
    display.stream.write("".join(line + "\n" for line in lines))
    display.stream.flush()
