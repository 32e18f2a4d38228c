"""How each question type is put to the learner, and how a complete answer is judged.

Options, ordering items and the right column of a matching question are arranged by the type's
definition with the session's seed (never left solved). A cloze asks its blanks one at a time, each
graded like a short answer; the question is wrong if any blank is wrong. Each type's body, steps,
judgement and model answer are one `QuizRenderer` in `RENDERERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quizgen.core.cloze import sentence_parts
from quizgen.core.model import Question
from quizgen.core.question_types import definition_of, require_every_type
from quizgen.core.select import SelectedQuestion
from quizgen.locale import Locale
from quizgen.quiz import answers
from quizgen.text.grading import CORRECT, TYPO, WRONG, grade_typed

BLANK = "______"
# Between the blanks of one answer, typed or expected: a comma would be read as part of a blank
# ("2,5, le sandre", "68,000, 1960").
BLANK_SEPARATOR = " / "


@dataclass(frozen=True)
class Paragraph:
    text: str
    rtl: bool
    indent: int = 0


@dataclass(frozen=True)
class Step:
    """One line the learner types: what to ask, how to read it, what to say when it is unreadable."""

    instruction: str
    parse: Callable[[str], object]
    hint: str


@dataclass(frozen=True)
class Judgement:
    verdict: str
    response: str  # the learner's answer in words, shown back and stored
    correct_answer: str
    forgiven: tuple[tuple[str, str], ...] = ()  # (typed, accepted) for each forgiven typo
    detail: str = ""
    spelled_out: str = ""  # the answer in words, when the correct answer is a row of labels


def _typed_text(text: str) -> str | None:
    return text.strip() or None


def _combined(verdicts: list[str]) -> str:
    if WRONG in verdicts:
        return WRONG
    return TYPO if TYPO in verdicts else CORRECT


def with_blanks(sentence: str, spans: tuple[str, ...], numbered: bool) -> str:
    """The sentence with each span (in sentence order) replaced by a blank."""
    return "".join(
        (f"({number}) {BLANK}" if numbered else BLANK) if number else text
        for text, number in sentence_parts(sentence, spans)
    )


def title(question: Question, locale: Locale) -> str:
    """What the question asks, in one line, for reports."""
    return question.prompt or RENDERERS[question.type].title(question, locale)


def model_answer(question: Question, locale: Locale) -> str:
    """The correct answer without any session's labels, for reports."""
    return RENDERERS[question.type].model_answer(question, locale)


class PosedQuestion:
    """One question as this session shows it: its labels and arranged order fixed by the seed."""

    def __init__(self, selected: SelectedQuestion, seed: str, locale: Locale):
        self.selected = selected
        self.question = selected.question
        self.rtl = selected.bank.is_rtl
        self.locale = locale
        self.renderer = RENDERERS[self.question.type]
        purpose = f"{selected.key}:{self.question.type}"
        self.order = definition_of(self.question).arrange(self.question, seed, purpose)
        self.labels = [locale.option_label(position) for position in range(len(self.order))]

    def labelled(self, position: int, text: str) -> str:
        return f"{self.labels[position]}) {text}"

    def example_sequence(self) -> str:
        return " ".join(self.labels[1::-1] + self.labels[2:])

    def body(self) -> list[Paragraph]:
        """The question as shown before any input."""
        paragraphs = []
        if self.question.prompt:
            paragraphs.append(Paragraph(self.question.prompt, self.rtl))
        return paragraphs + self.renderer.body(self)

    def steps(self) -> list[Step]:
        return self.renderer.steps(self)

    def judge(self, values: list) -> Judgement:
        """The verdict for the parsed values of every step."""
        return self.renderer.judge(self, values)

    def option_words(self, position: int) -> str:
        return self.labelled(position, self.question.options[self.order[position]].text)


@dataclass(frozen=True)
class QuizRenderer:
    body: Callable[[PosedQuestion], list[Paragraph]]
    steps: Callable[[PosedQuestion], list[Step]]
    judge: Callable[[PosedQuestion, list], Judgement]
    model_answer: Callable[[Question, Locale], str]
    title: Callable[[Question, Locale], str] = lambda question, locale: question.prompt


def _arranged_lines(texts: Callable[[Question], tuple[str, ...]]):
    """Each arranged text with its label, in the session's order."""

    def body(posed: PosedQuestion) -> list[Paragraph]:
        shown = texts(posed.question)
        return [
            Paragraph(posed.labelled(position, shown[index]), posed.rtl, 2)
            for position, index in enumerate(posed.order)
        ]

    return body


def _matching_body(posed: PosedQuestion) -> list[Paragraph]:
    lefts = [
        Paragraph(f"{number}. {pair.left}", posed.rtl, 2)
        for number, pair in enumerate(posed.question.pairs, start=1)
    ]
    rights = _arranged_lines(lambda question: tuple(pair.right for pair in question.pairs))
    return lefts + [Paragraph("", posed.rtl)] + rights(posed)


def _cloze_body(posed: PosedQuestion) -> list[Paragraph]:
    question = posed.question
    sentence = with_blanks(question.sentence, question.deletions, numbered=True)
    return [Paragraph(sentence, posed.rtl, 2)]


def _vocab_body(posed: PosedQuestion) -> list[Paragraph]:
    question, locale = posed.question, posed.locale
    paragraphs = []
    if not question.prompt:
        paragraphs.append(Paragraph(locale("ask_vocab", gloss=question.gloss), locale.rtl))
    if question.definition:
        paragraphs.append(Paragraph(question.definition, posed.rtl, 2))
    sentence = with_blanks(question.sentence, (question.term,), numbered=False)
    return paragraphs + [Paragraph(sentence, posed.rtl, 2)]


def _nothing_more(posed: PosedQuestion) -> list[Paragraph]:
    return []


def _mcq_steps(posed: PosedQuestion) -> list[Step]:
    count, locale = len(posed.order), posed.locale
    return [
        Step(
            locale("ask_mcq", letter=posed.labels[1], number=2),
            lambda text: answers.parse_choice(text, count),
            locale("one_label"),
        )
    ]


def _multi_steps(posed: PosedQuestion) -> list[Step]:
    count, locale = len(posed.order), posed.locale
    ask = locale("ask_multi", example=f"{posed.labels[0]} {posed.labels[2]}")
    return [Step(ask, lambda text: answers.parse_choices(text, count), ask)]


def _true_false_steps(posed: PosedQuestion) -> list[Step]:
    ask = posed.locale("ask_true_false")
    return [Step(ask, answers.parse_true_false, ask)]


def _sequence_steps(message: str):
    def steps(posed: PosedQuestion) -> list[Step]:
        count, locale = len(posed.order), posed.locale
        return [
            Step(
                locale(message, example=posed.example_sequence()),
                lambda text: answers.parse_sequence(text, count),
                locale("every_label_once", count=count),
            )
        ]

    return steps


def _cloze_steps(posed: PosedQuestion) -> list[Step]:
    locale = posed.locale
    total = len(posed.question.deletions)
    return [
        Step(
            locale("blank", number=number, total=total)
            if number > 1
            else locale("ask_cloze") + " " + locale("blank", number=1, total=total),
            _typed_text,
            locale("ask_short"),
        )
        for number in range(1, total + 1)
    ]


def _typed_step(message: str):
    def steps(posed: PosedQuestion) -> list[Step]:
        locale = posed.locale
        return [Step(locale(message), _typed_text, locale("ask_short"))]

    return steps


def _judge_mcq(posed: PosedQuestion, values: list) -> Judgement:
    options = posed.question.options
    chosen = values[0]
    right = next(p for p, index in enumerate(posed.order) if options[index].correct)
    return Judgement(
        CORRECT if chosen == right else WRONG, posed.option_words(chosen), posed.option_words(right)
    )


def _judge_multi(posed: PosedQuestion, values: list) -> Judgement:
    options = posed.question.options
    separator = posed.locale.answer_separator
    chosen = sorted(values[0])
    right = [p for p, index in enumerate(posed.order) if options[index].correct]
    return Judgement(
        CORRECT if chosen == right else WRONG,
        separator.join(posed.option_words(p) for p in chosen),
        separator.join(posed.option_words(p) for p in right),
    )


def _judge_true_false(posed: PosedQuestion, values: list) -> Judgement:
    locale, answer = posed.locale, posed.question.answer
    return Judgement(
        CORRECT if values[0] == answer else WRONG,
        locale.true if values[0] else locale.false,
        locale.true if answer else locale.false,
    )


def _judge_sequence(rights: Callable[[tuple[int, ...], tuple[int, ...]], int]):
    """`rights(order, sequence)` counts the places the learner got right."""

    def judge(posed: PosedQuestion, values: list) -> Judgement:
        sequence, order = values[0], posed.order
        right = rights(order, sequence)
        answer_labels = [posed.labels[order.index(index)] for index in range(len(order))]
        total = len(order)
        return Judgement(
            CORRECT if right == total else WRONG,
            " ".join(posed.labels[position] for position in sequence),
            " ".join(answer_labels),
            detail=posed.locale("pairs_right", right=right, total=total),
            spelled_out=model_answer(posed.question, posed.locale),
        )

    return judge


def _items_in_place(order: tuple[int, ...], sequence: tuple[int, ...]) -> int:
    """Ordering: the labels typed first to last, each in its item's place."""
    return sum(order[position] == place for place, position in enumerate(sequence))


def _pairs_matched(order: tuple[int, ...], sequence: tuple[int, ...]) -> int:
    """Matching: for each left item, the label of its right item."""
    return sum(order[position] == left for left, position in enumerate(sequence))


def _judge_typed(posed: PosedQuestion, values: list) -> Judgement:
    """Each typed value against its accepted answers, by the fair grader."""
    question = posed.question
    accepted_lists = definition_of(question).typed_answers(question)
    grades = [
        grade_typed(typed, accepted, posed.selected.bank.language)
        for typed, accepted in zip(values, accepted_lists, strict=True)
    ]
    forgiven = tuple(
        (typed, grade.matched)
        for typed, grade in zip(values, grades, strict=True)
        if grade.verdict == TYPO
    )
    return Judgement(
        _combined([grade.verdict for grade in grades]),
        BLANK_SEPARATOR.join(values),
        model_answer(question, posed.locale),
        forgiven,
    )


def _correct_options(question: Question, locale: Locale) -> str:
    return locale.answer_separator.join(option.text for option in question.correct_options)


def _ordered_items(question: Question, locale: Locale) -> str:
    return (" ← " if locale.rtl else " → ").join(question.items)


def _matched_pairs(question: Question, locale: Locale) -> str:
    return locale.answer_separator.join(
        f"{pair.left}{locale.colon} {pair.right}" for pair in question.pairs
    )


RENDERERS: dict[str, QuizRenderer] = {
    "mcq": QuizRenderer(
        _arranged_lines(lambda question: tuple(option.text for option in question.options)),
        _mcq_steps,
        _judge_mcq,
        _correct_options,
    ),
    "multi": QuizRenderer(
        _arranged_lines(lambda question: tuple(option.text for option in question.options)),
        _multi_steps,
        _judge_multi,
        _correct_options,
    ),
    "true_false": QuizRenderer(
        _nothing_more,
        _true_false_steps,
        _judge_true_false,
        lambda question, locale: locale.true if question.answer else locale.false,
    ),
    "short": QuizRenderer(
        _nothing_more,
        _typed_step("ask_short"),
        _judge_typed,
        lambda question, locale: question.answers[0],
    ),
    "cloze": QuizRenderer(
        _cloze_body,
        _cloze_steps,
        _judge_typed,
        lambda question, locale: BLANK_SEPARATOR.join(question.deletions),
        title=lambda question, locale: with_blanks(
            question.sentence, question.deletions, numbered=True
        ),
    ),
    "matching": QuizRenderer(
        _matching_body,
        _sequence_steps("ask_matching"),
        _judge_sequence(_pairs_matched),
        _matched_pairs,
    ),
    "ordering": QuizRenderer(
        _arranged_lines(lambda question: question.items),
        _sequence_steps("ask_ordering"),
        _judge_sequence(_items_in_place),
        _ordered_items,
    ),
    "vocab": QuizRenderer(
        _vocab_body,
        _typed_step("vocab_sentence"),
        _judge_typed,
        lambda question, locale: question.term,
        title=lambda question, locale: locale("ask_vocab", gloss=question.gloss),
    ),
}
require_every_type(RENDERERS, "the terminal quiz")
