"""What the printed page says around the bank's own text, in the bank's language (English otherwise)."""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.text.direction import primary_language
from quizgen.text.labels import ARABIC_LETTERS, LATIN_LETTERS


@dataclass(frozen=True)
class Labels:
    name: str
    class_: str
    date: str
    page: str  # with {page} and {pages}
    version: str  # with {letter}
    source: str
    passages: str
    passage: str  # with {number}
    option_letters: tuple[str, ...]
    true: str
    false: str
    word_bank: str
    term: str
    in_context: str
    meaning: str
    answer_key: str
    answer: str
    evidence: str
    accepted: str
    sections: dict[str, tuple[str, str]]  # question type -> (heading, instruction)
    list_separator: str
    quoted: str  # with {quote}

    def option_label(self, index: int) -> str:
        return self.option_letters[index]

    def letters(self, indexes) -> str:
        return self.list_separator.join(self.option_letters[index] for index in indexes)


ARABIC = Labels(
    name="الاسم",
    class_="الصف",
    date="التاريخ",
    page="صفحة {page} من {pages}",
    version="النموذج {letter}",
    source="المصدر",
    passages="نصوص من المقال",
    passage="الفقرة {number}",
    option_letters=ARABIC_LETTERS,
    true="صح",
    false="خطأ",
    word_bank="بنك الكلمات",
    term="الكلمة",
    in_context="في سياقها",
    meaning="المعنى",
    answer_key="مفتاح الإجابات",
    answer="الإجابة",
    evidence="الدليل",
    accepted="إجابات مقبولة أيضاً",
    sections={
        "mcq": ("اختيار من متعدد", "ضع علامة في مربع الإجابة الصحيحة."),
        "multi": (
            "اختيار متعدد الإجابات",
            "ضع علامة في مربع كل إجابة صحيحة، فقد تصح أكثر من إجابة.",
        ),
        "true_false": ("صح أو خطأ", "ضع علامة في المربع المناسب."),
        "short": ("أسئلة قصيرة", "أجب بإيجاز على السطور."),
        "cloze": ("املأ الفراغات", "أكمل كل فراغ بالكلمة المناسبة من المقال."),
        "matching": ("صِل", "اكتب في كل مربع حرف ما يناسبه من العمود الثاني."),
        "ordering": ("الترتيب", "رتّب العناصر بكتابة رقم كل منها في مربعه (1 للأول)."),
        "vocab": ("المفردات", "اكتب معنى كل كلمة كما وردت في جملتها."),
    },
    list_separator="، ",
    quoted="«{quote}»",
)

ENGLISH = Labels(
    name="Name",
    class_="Class",
    date="Date",
    page="Page {page} of {pages}",
    version="Version {letter}",
    source="Source",
    passages="Passages from the article",
    passage="Passage {number}",
    option_letters=LATIN_LETTERS,
    true="True",
    false="False",
    word_bank="Word bank",
    term="Word",
    in_context="In context",
    meaning="Meaning",
    answer_key="Answer key",
    answer="Answer",
    evidence="Evidence",
    accepted="Also accepted",
    sections={
        "mcq": ("Multiple choice", "Tick the box of the correct answer."),
        "multi": (
            "Multiple answers",
            "Tick the box of every correct answer; more than one may be right.",
        ),
        "true_false": ("True or false", "Tick the right box."),
        "short": ("Short answers", "Answer briefly on the lines."),
        "cloze": (
            "Fill in the blanks",
            "Complete each blank with the right word from the article.",
        ),
        "matching": (
            "Matching",
            "Write in each box the letter of its match from the second column.",
        ),
        "ordering": (
            "Ordering",
            "Put the items in order by writing each one's number in its box (1 first).",
        ),
        "vocab": ("Vocabulary", "Write the meaning of each word as it is used in its sentence."),
    },
    list_separator=", ",
    quoted="“{quote}”",
)

_BY_LANGUAGE = {"ar": ARABIC, "en": ENGLISH}


def labels_for(language: str) -> Labels:
    """Labels for a BCP 47 tag by its primary language; English when there are none for it."""
    return _BY_LANGUAGE.get(primary_language(language), ENGLISH)
