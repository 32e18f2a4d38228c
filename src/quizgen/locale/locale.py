"""The shape of a locale: every word a user reads on a card, a page, in the quiz or in stats."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from quizgen.text.direction import direction_for


@dataclass(frozen=True)
class Locale:
    """One language's words. Bank text is never translated; only what quizgen itself says."""

    language: str
    option_letters: tuple[str, ...]
    list_separator: str  # between letters, numbers and names quizgen lists itself
    # between answers from the bank (accepted answers, a cloze's blanks, several correct options),
    # which may hold the list separator themselves: "68,000"
    answer_separator: str
    colon: str  # after a label: "Name:", the French "Nom :"
    quoted: str  # with {quote}
    true: str
    false: str
    # what a learner or a teacher may write for true or false (folded when read: hamza, case)
    true_words: tuple[str, ...]
    false_words: tuple[str, ...]
    passage_word: str
    also_accepted: str
    cloze_instruction: str  # a card's instruction when a cloze has no prompt
    # the printed page
    name: str
    class_: str
    date: str
    page: str  # with {page} and {pages}
    version: str  # with {letter}
    source: str
    passages: str
    word_bank: str
    term: str
    in_context: str
    meaning: str
    answer_key: str
    answer: str
    evidence: str
    type_names: dict[str, str] = field(default_factory=dict)
    instructions: dict[str, str] = field(default_factory=dict)  # a worksheet section's
    messages: dict[str, str] = field(default_factory=dict)  # the quiz and stats, with {fields}

    @property
    def rtl(self) -> bool:
        return direction_for(self.language) == "rtl"

    def __call__(self, key: str, **fields: object) -> str:
        return self.messages[key].format(**fields)

    def words(self, *prefixes: str) -> dict[str, str]:
        """The messages under these key prefixes, prefixes removed: one command's vocabulary."""
        return {
            key.removeprefix(prefix): text
            for key, text in self.messages.items()
            for prefix in prefixes
            if key.startswith(prefix)
        }

    def option_label(self, index: int) -> str:
        """The label of the index-th choice (0-based); numbers once the letters run out."""
        letters = self.option_letters
        return letters[index] if index < len(letters) else str(index + 1)

    def letters(self, indexes: Iterable[int]) -> str:
        return self.list_separator.join(self.option_label(index) for index in indexes)

    def type_name(self, question_type: str) -> str:
        return self.type_names[question_type]
