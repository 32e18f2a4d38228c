"""Rules that read one item alone: item-writing flaws a test-wise student exploits (Haladyna)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from quizgen.core.model import Question
from quizgen.core.question_types import require_every_type
from quizgen.core.words import contains_words, stem, stems, words
from quizgen.lint.language import LintWords, words_for
from quizgen.text.normalize import fold_for_evidence


@dataclass(frozen=True)
class ItemFinding:
    rule: str
    message: str
    fix: str


@dataclass(frozen=True)
class ItemContext:
    question: Question
    language: str

    @property
    def table(self) -> LintWords:
        """The words the rules look for, in the bank's language."""
        return words_for(self.language)


ItemRule = Callable[[ItemContext], list[ItemFinding]]

# L101: the key counts as clearly longest when it beats every distractor by this share and margin.
LONGEST_SHARE, LONGEST_MARGIN = 1.2, 3
# L102: lengths vary widely when the longest option is this many times the shortest, and longer by
# at least this many characters.
SPREAD_RATIO, SPREAD_MARGIN = 3.0, 15
# L106: options this similar (difflib ratio of their grading forms) read as one option twice.
SIMILAR_RATIO = 0.85
_NUMBER = re.compile(r"\d+")  # in the grading form, where punctuation is a space


def _length(text: str) -> int:
    return len(fold_for_evidence(text))


def key_longest(context: ItemContext) -> list[ItemFinding]:
    """L101: for a multi, every correct option is clearly longer than every distractor."""
    options = context.question.options
    keys = [_length(option.text) for option in options if option.correct]
    distractors = [_length(option.text) for option in options if not option.correct]
    if not keys or not distractors:
        return []
    shortest_key, longest_distractor = min(keys), max(distractors)
    if shortest_key >= max(longest_distractor * LONGEST_SHARE, longest_distractor + LONGEST_MARGIN):
        return [
            ItemFinding(
                "L101",
                f"the correct option is the longest ({shortest_key} characters; the longest "
                f"distractor has {longest_distractor})",
                "make the distractors as long and as precise as the key, or shorten the key",
            )
        ]
    return []


def option_lengths_vary(context: ItemContext) -> list[ItemFinding]:
    lengths = [_length(option.text) for option in context.question.options]
    if not lengths:
        return []
    shortest, longest = min(lengths), max(lengths)
    if longest >= shortest * SPREAD_RATIO and longest - shortest >= SPREAD_MARGIN:
        return [
            ItemFinding(
                "L102",
                f"option lengths vary widely ({shortest} to {longest} characters)",
                "write options of similar length and form",
            )
        ]
    return []


def _opens_with(text_words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """The option is the phrase, maybe with a word or two after it ("all of the above are true")."""
    return text_words[: len(phrase)] == phrase and len(text_words) <= len(phrase) + 2


def all_or_none(context: ItemContext) -> list[ItemFinding]:
    return [
        ItemFinding(
            "L103",
            f"option '{option.text}' is an all/none-of-the-above option",
            "replace it with a plausible distractor from the article",
        )
        for option in context.question.options
        if _is_all_or_none(option.text, context.table)
    ]


_EMPHASIS = re.compile(r"«([^»]+)»|\*([^*]+)\*|\"([^\"]+)\"|“([^”]+)”")


def _negatives(text: str, table: LintWords) -> list[tuple[str, ...]]:
    """The negative words of a text, as words (a contraction is two: "didn t"), idioms such as
    «لا يزال» (still) taken out. Matched as whole phrases so that the "t" of "isn't" is not a
    negative of its own: "T-shirt" or the French "a-t-elle" negate nothing."""
    text_words = list(words(text))
    if not any(negative[0] in text_words for negative in table.negatives):
        return []
    for idiom in table.idioms:
        for start in _starts(text_words, idiom):
            text_words[start : start + len(idiom)] = [""] * len(idiom)
    found = [
        (start, negative) for negative in table.negatives for start in _starts(text_words, negative)
    ]
    return [negative for _, negative in sorted(found)]


def _starts(text_words: list[str], phrase: tuple[str, ...]) -> list[int]:
    size = len(phrase)
    return [
        start
        for start in range(len(text_words) - size + 1)
        if tuple(text_words[start : start + size]) == phrase
    ]


def _emphasized(text: str) -> set[str]:
    """Words in «», quotes or *stars*, or written in capitals: how a bank marks a word to notice."""
    marked = {
        word
        for match in _EMPHASIS.finditer(text)
        for part in match.groups()
        if part
        for word in words(part)
    }
    marked |= {
        part for word in text.split() if len(word) > 1 and word.isupper() for part in words(word)
    }
    return marked


def negative_stem(context: ItemContext) -> list[ItemFinding]:
    prompt, table = context.question.prompt, context.table
    emphasized = _emphasized(prompt)
    partner_marked = not table.negation_partners.isdisjoint(emphasized)  # "ne … *pas*"
    unmarked = [
        negative
        for negative in _negatives(prompt, table)
        if not set(negative) <= emphasized
        and not (partner_marked and negative in table.paired_negatives)
    ]
    if not unmarked:
        return []
    return [
        ItemFinding(
            "L104",
            f"the stem is negative ('{context.table.negatives[unmarked[0]]}') and the word is not "
            "emphasized",
            "ask positively, or mark the word: «ليس», *not*, *pas* or NOT",
        )
    ]


def stem_word_in_key(context: ItemContext) -> list[ItemFinding]:
    """L105: a clang association: the key alone echoes a content word of the stem."""
    table, language = context.table, context.language
    stem_words = {
        stem(word, language)
        for word in words(context.question.prompt)
        if word not in table.function_words and len(word) >= 3
    }
    distractor_words = {
        word
        for option in context.question.options
        if not option.correct
        for word in stems(option.text, language)
    }
    echoed: list[str] = []
    for option in context.question.correct_options:
        for word in words(option.text):
            base = stem(word, language)
            if word in table.function_words or len(word) < 3 or base not in stem_words:
                continue
            if base not in distractor_words and word not in echoed:
                echoed.append(word)
    if not echoed:
        return []
    return [
        ItemFinding(
            "L105",
            f"the key repeats the stem's word '{echoed[0]}', which no distractor has",
            "use the word in a distractor too, or reword the key",
        )
    ]


def _numbers(text: str) -> list[str]:
    return _NUMBER.findall(" ".join(words(text)))


def similar_options(context: ItemContext) -> list[ItemFinding]:
    findings = []
    options = [(option.text, " ".join(words(option.text))) for option in context.question.options]
    for index, (text, form) in enumerate(options):
        for other_text, other_form in options[index + 1 :]:
            if _numbers(text) != _numbers(other_text):
                continue  # dates and counts differ by their numbers: distinct on purpose
            same = form == other_form
            if same or SequenceMatcher(None, form, other_form).ratio() >= SIMILAR_RATIO:
                findings.append(
                    ItemFinding(
                        "L106",
                        f"options '{other_text}' and '{text}' are "
                        + ("the same words" if same else "nearly the same"),
                        "make every option a different claim",
                    )
                )
    return findings


def numbers_in_order(context: ItemContext) -> list[ItemFinding]:
    """L107: options that each hold one number (a year, a count) read best in order."""
    values = []
    for option in context.question.options:
        numbers = _numbers(option.text)
        if len(numbers) != 1:
            return []
        values.append(int(numbers[0]))
    if values == sorted(values) or values == sorted(values, reverse=True):
        return []
    return [
        ItemFinding(
            "L107",
            f"number options are not in order ({', '.join(map(str, values))})",
            "list them from the smallest to the largest",
        )
    ]


def _is_all_or_none(text: str, table: LintWords) -> bool:
    text_words = words(text)
    return bool(text_words) and any(
        _opens_with(text_words, phrase)
        for phrase in table.all_or_none
        if phrase[0] == text_words[0]
    )


def absolute_distractors(context: ItemContext) -> list[ItemFinding]:
    """L108; an all/none-of-the-above option is L103's business, not an absolute claim."""
    absolutes = context.table.absolutes
    in_distractors = sorted(
        {
            written.strip(".,،؛:!?؟\"'«»")  # as the option spells it
            for option in context.question.options
            if not option.correct and not _is_all_or_none(option.text, context.table)
            for written in option.text.split()
            if not absolutes.isdisjoint(words(written))
        }
    )
    in_keys = any(
        word in absolutes
        for option in context.question.correct_options
        for word in words(option.text)
    )
    if not in_distractors or in_keys:
        return []
    return [
        ItemFinding(
            "L108",
            f"only distractors use absolute words ({', '.join(in_distractors)})",
            "remove the absolute word, or word the key as firmly",
        )
    ]


def double_negative(context: ItemContext) -> list[ItemFinding]:
    negatives = _negatives(context.question.prompt, context.table)
    if len(negatives) < 2:
        return []
    return [
        ItemFinding(
            "L109",
            "the statement has a double negative "
            f"({', '.join(context.table.negatives[negative] for negative in negatives)})",
            "state it positively",
        )
    ]


def answer_in_prompt(context: ItemContext) -> list[ItemFinding]:
    question = context.question
    prompt = stems(question.prompt, context.language)
    shown = [
        answer
        for answer in question.answers
        if contains_words(prompt, stems(answer, context.language))
    ]
    if not shown:
        return []
    return [
        ItemFinding(
            "L110",
            f"the accepted answer '{shown[0]}' stands in the prompt",
            "reword the prompt so that it does not contain the answer",
        )
    ]


def guessable_blank(context: ItemContext) -> list[ItemFinding]:
    """L111: the deleted words stand elsewhere in the same sentence, or in the item's prompt."""
    question = context.question
    sentence = fold_for_evidence(question.sentence)
    findings = []
    for deletion in question.deletions:
        folded = fold_for_evidence(deletion)
        rest = sentence.replace(folded, " … ", 1)
        around = stems(f"{rest} … {question.prompt}", context.language)
        if contains_words(around, stems(deletion, context.language)):
            findings.append(
                ItemFinding(
                    "L111",
                    f"the blank '{deletion}' can be read off the rest of its sentence or prompt",
                    "blank a span that occurs once, or choose another sentence",
                )
            )
    return findings


_OPTION_RULES = (
    key_longest,
    option_lengths_vary,
    all_or_none,
    negative_stem,
    stem_word_in_key,
    similar_options,
    numbers_in_order,
    absolute_distractors,
)

# The rules each question type is read with.
RULES_BY_TYPE: dict[str, tuple[ItemRule, ...]] = {
    "mcq": _OPTION_RULES,
    "multi": _OPTION_RULES,
    "true_false": (double_negative,),
    "short": (negative_stem, answer_in_prompt),
    "cloze": (negative_stem, guessable_blank),
    "matching": (negative_stem,),
    "ordering": (negative_stem,),
    "vocab": (),
}
require_every_type(RULES_BY_TYPE, "the item lint rules")


def item_findings(question: Question, language: str) -> list[ItemFinding]:
    context = ItemContext(question, language)
    return [finding for rule in RULES_BY_TYPE[question.type] for finding in rule(context)]
