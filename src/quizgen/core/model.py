"""Plain data for a validated bank: what every output reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from quizgen.text.normalize import fold_for_evidence

QUESTION_TYPES = ("mcq", "multi", "true_false", "short", "cloze", "matching", "ordering", "vocab")


@dataclass(frozen=True)
class Passage:
    id: str
    text: str

    @property
    def number(self) -> int:
        """The passage's position in the article body, 1-based (p3 -> 3)."""
        return int(self.id[1:])

    @cached_property
    def folded(self) -> str:
        """The text as evidence is matched against it; Evidence offsets point into this."""
        return fold_for_evidence(self.text)


@dataclass(frozen=True)
class Article:
    """`author`, `date` and `source` are empty when the bank leaves them out (many articles have
    no author or date); outputs then leave them out too, never printing a placeholder."""

    seed: Path
    title: str
    author: str
    date: str
    source: str
    sha256: str

    def byline(self, separator: str) -> str:
        """Author and date, as far as they are known, joined by the language's list separator."""
        return separator.join(part for part in (self.author, self.date) if part)


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool


@dataclass(frozen=True)
class Pair:
    left: str
    right: str


@dataclass(frozen=True)
class Evidence:
    """Where validation found a quote: its passage, and its span in that passage's folded text."""

    quote: str
    passage_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Question:
    """One bank item. Common fields first; each type uses only its own fields below them."""

    id: str
    type: str
    passages: tuple[str, ...]
    prompt: str
    evidence: tuple[str, ...]
    explanation: str
    tags: tuple[str, ...]
    difficulty: int
    points: int = 1  # marks when a class is graded
    options: tuple[Option, ...] = ()  # mcq, multi
    answer: bool | None = None  # true_false
    answers: tuple[str, ...] = ()  # short: accepted answers, the first is the model answer
    sentence: str = ""  # cloze, vocab: the passage sentence
    deletions: tuple[str, ...] = ()  # cloze: verbatim spans of the sentence, in sentence order
    pairs: tuple[Pair, ...] = ()  # matching: left column -> right column
    items: tuple[str, ...] = ()  # ordering: in the correct order
    term: str = ""  # vocab
    gloss: str = ""  # vocab: English gloss
    definition: str = ""  # vocab: optional explanation in the bank's language
    evidence_spans: tuple[Evidence, ...] = ()  # each quote of `evidence`, located by validation
    family: str = ""  # explicit family: items never drawn together (see core/families.py)
    lint_ignore: tuple[str, ...] = ()  # rule ids of `quizgen lint` this item accepts
    lint_reason: str = ""  # why it accepts them: required with lint_ignore

    @property
    def correct_options(self) -> tuple[Option, ...]:
        return tuple(option for option in self.options if option.correct)


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    language: str
    direction: str  # "rtl" or "ltr", from the language
    article: Article
    passages: tuple[Passage, ...]
    questions: tuple[Question, ...]
    path: Path
    warnings: tuple = field(default=(), compare=False)

    def passage(self, passage_id: str) -> Passage:
        for passage in self.passages:
            if passage.id == passage_id:
                return passage
        raise KeyError(passage_id)

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    @cached_property
    def families(self) -> dict[str, str]:
        """Each item's family by question id (core.families), found once however often it is
        drawn from: a quiz selects its pool and then its session."""
        from quizgen.core.families import bank_families

        return bank_families(self)
