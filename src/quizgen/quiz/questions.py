"""How each question type is put to the learner, and how a complete answer is judged.

Options, ordering items and the right column of a matching question are shuffled with the session's
seed (never left in the bank's order, where the answer often comes first). A cloze asks its blanks
one at a time, each graded like a short answer; the question is wrong if any blank is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quizgen.core.cloze import sentence_parts
from quizgen.core.model import Question
from quizgen.core.select import SelectedQuestion, shuffled, shuffled_unlike
from quizgen.quiz import answers
from quizgen.quiz.messages import Messages
from quizgen.text.grading import CORRECT, TYPO, WRONG, grade_typed

BLANK = "______"


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


def title(question: Question, messages: Messages) -> str:
    """What the question asks, in one line, for reports."""
    if question.prompt:
        return question.prompt
    if question.type == "cloze":
        return with_blanks(question.sentence, question.deletions, numbered=True)
    return messages("ask_vocab", gloss=question.gloss)


def model_answer(question: Question, messages: Messages) -> str:
    """The correct answer without any session's labels, for reports."""
    separator = "، " if messages.rtl else ", "
    kind = question.type
    if kind in ("mcq", "multi"):
        return separator.join(option.text for option in question.correct_options)
    if kind == "true_false":
        return messages("true" if question.answer else "false")
    if kind == "short":
        return question.answers[0]
    if kind == "cloze":
        return separator.join(question.deletions)
    if kind == "vocab":
        return question.term
    if kind == "ordering":
        return " ← ".join(question.items) if messages.rtl else " → ".join(question.items)
    return separator.join(f"{pair.left}: {pair.right}" for pair in question.pairs)


class PosedQuestion:
    """One question as this session shows it: its labels and shuffled order fixed by the seed."""

    def __init__(self, selected: SelectedQuestion, seed: str, messages: Messages):
        self.selected = selected
        self.question = selected.question
        self.rtl = selected.bank.is_rtl
        self.messages = messages
        question = self.question
        purpose = f"{selected.key}:{question.type}"
        if question.type in ("mcq", "multi"):
            self.order = shuffled(range(len(question.options)), seed, purpose)
        elif question.type == "ordering":
            self.order = shuffled_unlike(range(len(question.items)), seed, purpose)
        elif question.type == "matching":
            self.order = shuffled_unlike(range(len(question.pairs)), seed, purpose)
        else:
            self.order = []
        self.labels = answers.option_labels(len(self.order), self.rtl)

    def _labelled(self, position: int, text: str) -> str:
        return f"{self.labels[position]}) {text}"

    def _example_sequence(self) -> str:
        return " ".join(self.labels[1::-1] + self.labels[2:])

    def body(self) -> list[Paragraph]:
        """The question as shown before any input."""
        question, rtl, messages = self.question, self.rtl, self.messages
        kind = question.type
        paragraphs = []
        if question.prompt:
            paragraphs.append(Paragraph(question.prompt, rtl))
        if kind in ("mcq", "multi"):
            for position, option_index in enumerate(self.order):
                text = question.options[option_index].text
                paragraphs.append(Paragraph(self._labelled(position, text), rtl, 2))
        elif kind == "ordering":
            for position, item_index in enumerate(self.order):
                paragraphs.append(
                    Paragraph(self._labelled(position, question.items[item_index]), rtl, 2)
                )
        elif kind == "matching":
            for number, pair in enumerate(question.pairs, start=1):
                paragraphs.append(Paragraph(f"{number}. {pair.left}", rtl, 2))
            paragraphs.append(Paragraph("", rtl))
            for position, pair_index in enumerate(self.order):
                paragraphs.append(
                    Paragraph(self._labelled(position, question.pairs[pair_index].right), rtl, 2)
                )
        elif kind == "cloze":
            sentence = with_blanks(question.sentence, question.deletions, numbered=True)
            paragraphs.append(Paragraph(sentence, rtl, 2))
        elif kind == "vocab":
            if not question.prompt:
                paragraphs.append(
                    Paragraph(messages("ask_vocab", gloss=question.gloss), messages.rtl)
                )
            if question.definition:
                paragraphs.append(Paragraph(question.definition, rtl, 2))
            sentence = with_blanks(question.sentence, (question.term,), numbered=False)
            paragraphs.append(Paragraph(sentence, rtl, 2))
        return paragraphs

    def steps(self) -> list[Step]:
        messages, question = self.messages, self.question
        count = len(self.order)
        kind = question.type
        if kind == "mcq":
            return [
                Step(
                    messages("ask_mcq", letter=self.labels[1], number=2),
                    lambda text: answers.parse_choice(text, count),
                    messages("one_label"),
                )
            ]
        if kind == "multi":
            example = f"{self.labels[0]} {self.labels[2]}"
            return [
                Step(
                    messages("ask_multi", example=example),
                    lambda text: answers.parse_choices(text, count),
                    messages("ask_multi", example=example),
                )
            ]
        if kind == "true_false":
            ask = messages("ask_true_false")
            return [Step(ask, answers.parse_true_false, ask)]
        if kind in ("ordering", "matching"):
            example = self._example_sequence()
            return [
                Step(
                    messages(f"ask_{kind}", example=example),
                    lambda text: answers.parse_sequence(text, count),
                    messages("every_label_once", count=count),
                )
            ]
        if kind == "cloze":
            total = len(question.deletions)
            return [
                Step(
                    messages("blank", number=number, total=total)
                    if number > 1
                    else messages("ask_cloze") + " " + messages("blank", number=1, total=total),
                    _typed_text,
                    messages("ask_short"),
                )
                for number in range(1, total + 1)
            ]
        if kind == "vocab":
            return [Step(messages("vocab_sentence"), _typed_text, messages("ask_short"))]
        return [Step(messages("ask_short"), _typed_text, messages("ask_short"))]

    def judge(self, values: list) -> Judgement:
        """The verdict for the parsed values of every step."""
        question, messages = self.question, self.messages
        separator = "، " if messages.rtl else ", "
        kind = question.type
        if kind == "mcq":
            chosen = values[0]
            right = next(p for p, index in enumerate(self.order) if question.options[index].correct)
            return Judgement(
                CORRECT if chosen == right else WRONG,
                self._option_words(chosen),
                self._option_words(right),
            )
        if kind == "multi":
            chosen = sorted(values[0])
            right = [p for p, index in enumerate(self.order) if question.options[index].correct]
            return Judgement(
                CORRECT if chosen == right else WRONG,
                separator.join(self._option_words(p) for p in chosen),
                separator.join(self._option_words(p) for p in right),
            )
        if kind == "true_false":
            return Judgement(
                CORRECT if values[0] == question.answer else WRONG,
                messages("true" if values[0] else "false"),
                messages("true" if question.answer else "false"),
            )
        if kind in ("ordering", "matching"):
            return self._judge_sequence(values[0])
        accepted_lists = {
            "short": [question.answers],
            "vocab": [(question.term,)],
            "cloze": [(deletion,) for deletion in question.deletions],
        }[kind]
        grades = [
            grade_typed(typed, accepted, self.selected.bank.language)
            for typed, accepted in zip(values, accepted_lists, strict=True)
        ]
        forgiven = tuple(
            (typed, grade.matched)
            for typed, grade in zip(values, grades, strict=True)
            if grade.verdict == TYPO
        )
        return Judgement(
            _combined([grade.verdict for grade in grades]),
            " / ".join(values),
            model_answer(question, messages),
            forgiven,
        )

    def _option_words(self, position: int) -> str:
        return self._labelled(position, self.question.options[self.order[position]].text)

    def _judge_sequence(self, sequence: tuple[int, ...]) -> Judgement:
        """Ordering: labels first to last. Matching: for each left item, the right item's label."""
        messages = self.messages
        if self.question.type == "ordering":
            placed = [self.order[position] for position in sequence]
            right = sum(item == place for place, item in enumerate(placed))
        else:
            right = sum(self.order[position] == left for left, position in enumerate(sequence))
        answer_labels = [self.labels[self.order.index(index)] for index in range(len(self.order))]
        total = len(self.order)
        return Judgement(
            CORRECT if right == total else WRONG,
            " ".join(self.labels[position] for position in sequence),
            " ".join(answer_labels),
            detail=messages("pairs_right", right=right, total=total),
        )
