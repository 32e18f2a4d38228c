"""What a question type is: its fields, its rules and its arrangement, in one definition.

Every layer asks the definition instead of comparing type names, so a new type is one new module
here plus one renderer per output, and a missing renderer is caught when the output is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from quizgen.core.model import Question
from quizgen.core.schema import Field
from quizgen.core.shuffle import shuffled, shuffled_unlike

# report(path, message, fix), as in core.validate; path_of(field name) -> the field's YAML path
Report = Callable[[tuple, str, str], None]
PathOf = Callable[[str], tuple]


def _no_rules(values: dict, path_of: PathOf, report: Report) -> None:
    """A type whose fields need no check beyond their kinds."""


def _as_written(values: dict) -> dict:
    return values


def _not_typed(question: Question) -> tuple[tuple[str, ...], ...]:
    return ()


def _no_words(question: Question) -> tuple[str, ...]:
    return ()


def _prompt(question: Question) -> tuple[str, ...]:
    return (question.prompt,) if question.prompt else ()


@dataclass(frozen=True)
class QuestionType:
    """One question type. `check` runs on the fields that passed their kind checks; `complete`
    fills what the type may leave out; `arranged` names the Question field shown shuffled."""

    name: str
    fields: tuple[Field, ...]
    optional_common: frozenset[str] = field(default_factory=frozenset)
    check: Callable[[dict, PathOf, Report], None] = _no_rules
    complete: Callable[[dict], dict] = _as_written
    arranged: str = ""  # "options", "pairs" (their right-hand column) or "items"; "" for none
    never_solved_order: bool = False  # the bank's order is the answer: never show it as is
    typed_answers: Callable[[Question], tuple[tuple[str, ...], ...]] = _not_typed
    # What a learner must produce or pick, in words (true/false, matching and ordering answers
    # are not words): another item showing it gives the answer away (core.families, lint).
    key_texts: Callable[[Question], tuple[str, ...]] = _no_words
    # What the item tells a learner before it is answered or right after: its prompt, and what the
    # feedback confirms. A distractor names a thing without saying it is true, so it is left out.
    shown_texts: Callable[[Question], tuple[str, ...]] = _prompt
    sentence_use: str = ""  # "blanks" (cloze) or "shows" (vocab) its passage sentence

    @property
    def is_typed(self) -> bool:
        """Answered by typing words (graded by the fair grader), not by choosing."""
        return self.typed_answers is not _not_typed

    def arrange(self, question: Question, seed: str | int | None, purpose: str) -> tuple[int, ...]:
        """The order in which the arranged field is shown, as indexes into it; () for none.

        Every output uses this one rule, with its own seed and purpose, so what is shuffled and
        the promise never to show an ordering or matching solved live here alone.
        """
        if not self.arranged:
            return ()
        positions = range(len(getattr(question, self.arranged)))
        if self.never_solved_order:
            return tuple(shuffled_unlike(positions, seed, purpose))
        return tuple(shuffled(positions, seed, purpose))


def require_every_type(table: Mapping[str, object], owner: str) -> None:
    """Refuse to load an output whose table lacks a type, so no such output can ship."""
    from quizgen.core.model import QUESTION_TYPES

    missing = [name for name in QUESTION_TYPES if name not in table]
    unknown = [name for name in table if name not in QUESTION_TYPES]
    if missing or unknown:
        raise RuntimeError(
            f"{owner} does not cover the question types exactly: "
            f"missing {missing or 'none'}, unknown {unknown or 'none'}"
        )
