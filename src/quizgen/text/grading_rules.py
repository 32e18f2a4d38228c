"""How typed answers are read in each language: number marks, and words a learner may leave out.

One table per language. A tag falls back to its base language (en-GB and en_US read as en); a
language without a table gets language-neutral rules, which read numbers only as written and drop
no word. Folding case, accents, punctuation and Arabic letter variants belongs to the scripts, not
to a language, and is done for every language (see `grading`).
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.text.direction import primary_language


@dataclass(frozen=True)
class GradingRules:
    language: str  # the table's language; "" for the language-neutral rules
    decimal_marks: str  # a mark between digits that starts a number's fraction
    grouping_marks: str  # marks allowed between groups of three digits; ignored when read
    literal_marks: str = ""  # marks kept as written inside a number, neither decimal nor grouping
    leading_articles: tuple[str, ...] = ()  # words dropped from the start of an answer, casefolded
    arabic_clitics: bool = False  # the conjunction و before a learner's answer, the article ال


ARABIC = GradingRules(
    "ar",
    decimal_marks="\u066b.",  # ٫ with Arabic-Indic digits, . with Western ones
    grouping_marks="\u066c, ",  # ٬ and , between thousands, or a space
    arabic_clitics=True,
)
ENGLISH = GradingRules(
    "en", decimal_marks=".", grouping_marks=", ", leading_articles=("the", "a", "an")
)
# A space (also no-break or narrow no-break: both read as a space) or a dot groups thousands.
FRENCH = GradingRules(
    "fr",
    decimal_marks=",",
    grouping_marks=" .",
    leading_articles=("le", "la", "les", "l", "un", "une", "des"),  # l' or l’ leaves "l"
)
# No decimal mark can be told from a grouping one: 1,5 and 1.5 are compared as written.
NEUTRAL = GradingRules("", decimal_marks="", grouping_marks=" ", literal_marks=".,")

RULES = {rules.language: rules for rules in (ARABIC, ENGLISH, FRENCH)}


def grading_rules(language: str) -> GradingRules:
    """The rules of the bank's language tag, of its base language, or the neutral ones."""
    return RULES.get(primary_language(language), NEUTRAL)
