"""The few words a card shows besides the bank's own text, in the bank's language.

Arabic banks get Arabic words and abjad labels (أ ب ج د); every other bank gets English and A B C D.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.text.direction import primary_language
from quizgen.text.labels import ARABIC_LETTERS, LATIN_LETTERS


@dataclass(frozen=True)
class Wording:
    choice_labels: tuple[str, ...]
    true: str
    false: str
    passage: str
    also_accepted: str
    cloze_instruction: str
    list_separator: str
    type_names: dict[str, str]

    def label(self, index: int) -> str:
        """The label of the index-th choice (0-based); numbers once the letters run out."""
        return self.choice_labels[index] if index < len(self.choice_labels) else str(index + 1)


ARABIC = Wording(
    choice_labels=ARABIC_LETTERS,
    true="صح",
    false="خطأ",
    passage="الفقرة",
    also_accepted="إجابات مقبولة أيضاً",
    cloze_instruction="أكمل الجملة.",
    list_separator="، ",
    type_names={
        "mcq": "اختيار من متعدد",
        "multi": "اختيارات متعددة",
        "true_false": "صح أو خطأ",
        "short": "إجابة قصيرة",
        "cloze": "أكمل الفراغ",
        "matching": "توصيل",
        "ordering": "ترتيب",
        "vocab": "مفردات",
    },
)

ENGLISH = Wording(
    choice_labels=LATIN_LETTERS,
    true="True",
    false="False",
    passage="Passage",
    also_accepted="Also accepted",
    cloze_instruction="Complete the sentence.",
    list_separator=", ",
    type_names={
        "mcq": "Multiple choice",
        "multi": "Multiple answers",
        "true_false": "True or false",
        "short": "Short answer",
        "cloze": "Cloze",
        "matching": "Matching",
        "ordering": "Ordering",
        "vocab": "Vocabulary",
    },
)


def wording_for(language: str) -> Wording:
    primary = primary_language(language)
    return ARABIC if primary == "ar" else ENGLISH
