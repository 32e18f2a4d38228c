"""Field content for each question type: bank text HTML-escaped first, markup added after.

Nothing from a bank reaches a card unescaped, so `<`, `&` or `<script>` in a question is shown as
text. Choices are shuffled with the question's key as seed: the same note keeps the same order on
every rebuild, and the correct option is not always first.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.anki.evidence import PassageText, evidence_blocks, passage_texts
from quizgen.anki.html_text import escape
from quizgen.anki.models import CLOZE, QUESTION, TYPE_IN, VOCAB
from quizgen.anki.wording import Wording, wording_for
from quizgen.core.cloze import sentence_parts
from quizgen.core.model import Bank, Question
from quizgen.core.select import shuffled, shuffled_unlike
from quizgen.text.joining import wrap_joined
from quizgen.text.normalize import fold_for_evidence, strip_arabic_marks

_BLANK = '<span class="cloze">[…]</span>'


@dataclass(frozen=True)
class BankContext:
    """What every note of a bank shares, computed once per bank."""

    bank: Bank
    wording: Wording
    passages: dict[str, PassageText]
    article_html: str
    source_prefix: str  # the article and the word "passage", before the passage numbers
    labels: tuple[str, ...]  # the wording's choice labels, escaped

    @classmethod
    def of(cls, bank: Bank) -> BankContext:
        wording = wording_for(bank.language)
        article = bank.article
        separator = wording.list_separator
        article_html = f"<cite>{escape(article.title)}</cite>"
        if byline := article.byline(separator):
            article_html += f" — {escape(byline)}"
        if article.source:
            article_html += f" (<bdi>{escape(article.source)}</bdi>)"
        source_prefix = f"{article_html}{separator}{escape(wording.passage)} "
        labels = tuple(escape(label) for label in wording.choice_labels)
        return cls(bank, wording, passage_texts(bank), article_html, source_prefix, labels)

    def label(self, index: int) -> str:
        """The index-th choice label (0-based), escaped."""
        labels = self.labels
        return labels[index] if index < len(labels) else escape(self.wording.label(index))


@dataclass(frozen=True)
class NoteContent:
    kind: str
    fields: list[str]


def note_content(question: Question, context: BankContext) -> NoteContent:
    key = f"{context.bank.id}/{question.id}"
    question_type = question.type
    if question_type == "vocab":
        return _vocab(question, context, key)
    if question_type == "cloze":
        instruction = (
            escape(question.prompt) if question.prompt else context.wording.cloze_instruction
        )
        text = cloze_text(question.sentence, question.deletions)
        return NoteContent(CLOZE, [text, instruction, *_back(question, context, key)])
    if question_type == "short":
        return _short(question, context, key)
    choices, answer = _CHOICES[question_type](question, context, key)
    fields = [escape(question.prompt), choices, answer, *_back(question, context, key)]
    return NoteContent(QUESTION, fields)


def _back(
    question: Question, context: BankContext, key: str, evidence: tuple[str, ...] | None = None
) -> tuple[str, str, str]:
    """Explanation, Evidence and Source: the end of every note type's fields.

    `evidence` replaces the question's own quotes when given.
    """
    passages = context.passages
    numbers = context.wording.list_separator.join(
        [
            str(passages[passage_id].number)
            for passage_id in question.passages
            if passage_id in passages
        ]
    )
    source = f'{context.source_prefix}{numbers} <span class="key">{escape(key)}</span>'
    quotes = question.evidence if evidence is None else evidence
    evidence_html = evidence_blocks(quotes, question.passages, passages, context.wording.passage)
    return escape(question.explanation), evidence_html, source


def _options(question: Question, context: BankContext, key: str) -> tuple[str, str]:
    options = shuffled(question.options, key, "anki options")
    items = [
        f'<li><span class="label">{context.label(index)}</span> {escape(option.text)}</li>'
        for index, option in enumerate(options)
    ]
    correct = [item for item, option in zip(items, options, strict=True) if option.correct]
    return (
        f'<ul class="choices">{"".join(items)}</ul>',
        f'<ul class="choices">{"".join(correct)}</ul>',
    )


def _true_false(question: Question, context: BankContext, key: str) -> tuple[str, str]:
    wording = context.wording
    choices = (
        f'<ul class="choices"><li>{escape(wording.true)}</li><li>{escape(wording.false)}</li></ul>'
    )
    return choices, escape(wording.true if question.answer else wording.false)


def _matching(question: Question, context: BankContext, key: str) -> tuple[str, str]:
    rights = shuffled_unlike(question.pairs, key, "anki matching")
    label_of = {pair.right: context.label(index) for index, pair in enumerate(rights)}
    left = "".join([f"<li>{escape(pair.left)}</li>" for pair in question.pairs])
    right = "".join(
        [
            f'<li><span class="label">{label_of[pair.right]}</span> {escape(pair.right)}</li>'
            for pair in rights
        ]
    )
    answer = "".join(
        [
            f'<li>{escape(pair.left)} — <span class="label">{label_of[pair.right]}</span> '
            f"{escape(pair.right)}</li>"
            for pair in question.pairs
        ]
    )
    return f'<ol>{left}</ol><ul class="choices">{right}</ul>', f"<ol>{answer}</ol>"


def _ordering(question: Question, context: BankContext, key: str) -> tuple[str, str]:
    items = shuffled_unlike(question.items, key, "anki ordering")
    label_of = {item: context.label(index) for index, item in enumerate(items)}
    choices = "".join(
        [f'<li><span class="label">{label_of[item]}</span> {escape(item)}</li>' for item in items]
    )
    answer = "".join(
        [
            f'<li><span class="label">{label_of[item]}</span> {escape(item)}</li>'
            for item in question.items
        ]
    )
    return f'<ul class="choices">{choices}</ul>', f"<ol>{answer}</ol>"


_CHOICES = {
    "mcq": _options,
    "multi": _options,
    "true_false": _true_false,
    "matching": _matching,
    "ordering": _ordering,
}


def _short(question: Question, context: BankContext, key: str) -> NoteContent:
    """Anki compares the typed answer to a bare-letter model answer, ignoring harakat (type:nc)."""
    model_answer = strip_arabic_marks(question.answers[0])
    others = list(question.answers[1:])
    accepted = ""
    if others:
        listed = context.wording.list_separator.join(escape(answer) for answer in others)
        accepted = f"{escape(context.wording.also_accepted)}: {listed}"
    back = _back(question, context, key)
    return NoteContent(TYPE_IN, [escape(question.prompt), escape(model_answer), accepted, *back])


def cloze_text(sentence: str, deletions: tuple[str, ...]) -> str:
    """The sentence with {{c1::…}}, {{c2::…}} around its deletions, one card per deletion.

    Text is escaped before markup is added; braces and colons become character references so bank
    text can never open or split a cloze.
    """
    return "".join(
        f"{{{{c{number}::{_cloze_escape(text)}}}}}" if number else _cloze_escape(text)
        for text, number in sentence_parts(sentence, deletions)
    )


def _cloze_escape(text: str) -> str:
    return escape(text).replace("{", "&#123;").replace("}", "&#125;").replace(":", "&#58;")


def _vocab(question: Question, context: BankContext, key: str) -> NoteContent:
    sentence = fold_for_evidence(question.sentence)
    term = fold_for_evidence(question.term)
    start = sentence.find(term)
    if start >= 0:
        before, after = escape(sentence[:start]), escape(sentence[start + len(term) :])
        marked = wrap_joined(before, escape(term), after, "<mark>", "</mark>")
        blank = f"{before}{_BLANK}{after}"
    else:
        marked = blank = escape(sentence)
    # The sentence is already on the card; show other quotes only.
    quotes = tuple(quote for quote in question.evidence if fold_for_evidence(quote) != sentence)
    back = _back(question, context, key, quotes)
    fields = [
        escape(question.term),
        escape(question.gloss),
        escape(question.definition),
        marked,
        blank,
        *back,
    ]
    return NoteContent(VOCAB, fields)
