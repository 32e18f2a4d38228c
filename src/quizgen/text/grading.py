"""Fair grading of typed answers: forgive how a word is spelled or typed, never a different fact.

Both sides are put in a grading form: characters folded as in `fold_characters` (and Persian
keyboard letters, hamza spellings, Latin accents and the ligatures œ æ), numbers read as values
by the bank's language (`grading_rules`, `numbers`), punctuation, symbols and a `%` sign made
spaces, case folded. Then rules are tried against every accepted answer, first the exact ones, then
the forgiving one:
1. exact;
2. the same without the words the language lets a learner leave out: a leading article (the,
   l'…), or, in Arabic, a conjunction و leading the learner's answer and the article ال starting
   any word;
3. the same ignoring spaces (numbers stay whole: 680,00 does not become 68000);
4. a typo: an edit distance of 1 for answers of 5 to 9 letters, 2 from 10 letters, and only when
   the numbers are identical (2020 is not 2021). Shorter answers must be exact: a one-letter slip
   in a short word usually makes another word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.text.grading_rules import GradingRules, grading_rules
from quizgen.text.normalize import fold_characters, fold_punctuation, fold_whitespace
from quizgen.text.numbers import mark_numbers, numbers_in

CORRECT = "correct"
TYPO = "typo"
WRONG = "wrong"

TYPO_MIN_LETTERS = 5
TWO_TYPOS_MIN_LETTERS = 10

# Letters a Persian or Urdu keyboard layout types in place of the Arabic ones.
_KEYBOARD_FOLDS = str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ه", "ە": "ه"})
# Combining marks placed on Latin, Greek and Cyrillic letters: what Anki's type:nc ignores there.
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
_CONJUNCTION = "و"
_ARTICLE = "ال"


@dataclass(frozen=True)
class TypedGrade:
    """The verdict for one typed answer and the accepted answer (as the bank spells it) it met."""

    verdict: str
    matched: str = ""

    @property
    def accepted(self) -> bool:
        return self.verdict != WRONG


def _without_accents(text: str) -> str:
    """NFD, combining marks of Latin-type letters removed, NFC: é -> e, while Arabic letters with a
    hamza above (أ ؤ ئ) recompose as they were."""
    stripped = _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", stripped)


def grading_form(text: str, language: str) -> str:
    """The form answers are compared in (see the module's docstring). A hamza after ya written on
    its own (قارىء, شيء) reads like the hamza on a seat (قارئ, شئ)."""
    return _form(text, grading_rules(language))


def _form(text: str, rules: GradingRules) -> str:
    folded = _without_accents(fold_characters(text.translate(_KEYBOARD_FOLDS)))
    folded = fold_punctuation(mark_numbers(folded, rules)).translate(_LIGATURES)
    return fold_whitespace(folded.replace("%", " ")).replace("يء", "ء")


def _without_article(word: str) -> str:
    rest = word[len(_ARTICLE) :]
    return rest if word.startswith(_ARTICLE) and len(rest) >= 2 else word


def _core(form: str, drop_conjunction: bool) -> str:
    """The form without a leading conjunction (the learner's side only) and without articles."""
    words = form.split(" ")
    if drop_conjunction and words[0].startswith(_CONJUNCTION) and len(words[0]) >= 3:
        words[0] = words[0][len(_CONJUNCTION) :]
    return " ".join(_without_article(word) for word in words)


def _without_leading_article(form: str, articles: tuple[str, ...]) -> str:
    """The form without its first word when that is an article and another word follows."""
    first, _, rest = form.partition(" ")
    return rest if rest and first in articles else form


def _letter_count(form: str) -> int:
    return sum(character.isalpha() for character in form)


def allowed_typos(form: str) -> int:
    """How many edits a typo may make in this accepted answer (in grading form)."""
    letters = _letter_count(form)
    if letters >= TWO_TYPOS_MIN_LETTERS:
        return 2
    return 1 if letters >= TYPO_MIN_LETTERS else 0


def edit_distance(first: str, second: str, limit: int) -> int:
    """Insertions, deletions, substitutions and swaps of neighbours; stops early past `limit`."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    before_previous: list[int] = []
    previous = list(range(len(second) + 1))
    for row, first_char in enumerate(first, start=1):
        current = [row] + [0] * len(second)
        for column, second_char in enumerate(second, start=1):
            cost = 0 if first_char == second_char else 1
            current[column] = min(
                previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost
            )
            if (
                row > 1
                and column > 1
                and first_char == second[column - 2]
                and first[row - 2] == second_char
            ):
                current[column] = min(current[column], before_previous[column - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before_previous, previous = previous, current
    return previous[-1]


def _variants(form: str, learner: bool, rules: GradingRules) -> set[str]:
    """The form as typed and without the words the language lets a learner leave out. In Arabic
    the learner's answer is also tried without a leading و (which may be a conjunction or the
    word's own first letter, so both are kept)."""
    variants = {form, _without_leading_article(form, rules.leading_articles)}
    if rules.arabic_clitics:
        variants.add(_core(form, False))
        if learner:
            variants.add(_core(form, True))
    return variants


def _pairs(response: str, accepted: str, rules: GradingRules):
    for typed in _variants(response, True, rules):
        for expected in _variants(accepted, False, rules):
            yield typed, expected


def _exact_variants(response: str, accepted: str, rules: GradingRules) -> bool:
    return any(
        typed.replace(" ", "") == expected.replace(" ", "")
        for typed, expected in _pairs(response, accepted, rules)
    )


def _near(response: str, accepted: str, rules: GradingRules) -> bool:
    limit = allowed_typos(accepted)
    if limit == 0 or numbers_in(response) != numbers_in(accepted):
        return False
    return any(
        edit_distance(typed.replace(" ", ""), expected.replace(" ", ""), limit) <= limit
        for typed, expected in _pairs(response, accepted, rules)
    )


def grade_typed(response: str, accepted_answers: Sequence[str], language: str) -> TypedGrade:
    """Correct if any accepted answer matches by rules 1-3, a typo if one is near, else wrong;
    numbers and words are read by the rules of `language`, the bank's language tag."""
    rules = grading_rules(language)
    typed = _form(response, rules)
    if not typed:
        return TypedGrade(WRONG)
    forms = [(answer, _form(answer, rules)) for answer in accepted_answers]
    for answer, form in forms:
        if _exact_variants(typed, form, rules):
            return TypedGrade(CORRECT, answer)
    for answer, form in forms:
        if _near(typed, form, rules):
            return TypedGrade(TYPO, answer)
    return TypedGrade(WRONG)


_FIRST_WORD = re.compile(r"\s*(\w+)(?:\s+|['’](?=\w))")


def without_leading_article(answer: str, language: str) -> str:
    """The answer as written, without a leading article of the language when another word follows:
    the model answer a deck's type-in card compares with (Anki cannot drop words itself)."""
    match = _FIRST_WORD.match(answer)
    articles = grading_rules(language).leading_articles
    if match and match[1].casefold() in articles and answer[match.end() :].strip():
        return answer[match.end() :]
    return answer
