"""Field content for each question type: bank text HTML-escaped first, markup added after.

Nothing from a bank reaches a card unescaped, so `<`, `&` or `<script>` in a question is shown as
text. Choices are shuffled with the question's key as seed: the same note keeps the same order on
every rebuild, and the correct option is not always first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quizgen.anki.models import CLOZE, QUESTION, TYPE_IN, VOCAB
from quizgen.core.cloze import sentence_parts
from quizgen.core.model import Bank, Evidence, Question
from quizgen.core.question_types import definition_of, require_every_type
from quizgen.html import PassageText, escape, escape_for_cloze, evidence_blocks, passage_texts
from quizgen.locale import Locale, locale_for
from quizgen.text.grading import without_leading_article
from quizgen.text.joining import wrap_joined
from quizgen.text.normalize import fold_for_evidence, strip_arabic_marks

_BLANK = '<span class="cloze">[…]</span>'


@dataclass(frozen=True)
class BankContext:
    """What every note of a bank shares, computed once per bank."""

    bank: Bank
    locale: Locale
    passages: dict[str, PassageText]
    article_html: str
    source_prefix: str  # the article and the word "passage", before the passage numbers
    labels: tuple[str, ...]  # the locale's choice labels, escaped

    @classmethod
    def of(cls, bank: Bank) -> BankContext:
        locale = locale_for(bank.language)
        article = bank.article
        separator = locale.list_separator
        article_html = f"<cite>{escape(article.title)}</cite>"
        if byline := article.byline(separator):
            article_html += f" — {escape(byline)}"
        if article.source:
            article_html += f" (<bdi>{escape(article.source)}</bdi>)"
        source_prefix = f"{article_html}{separator}{escape(locale.passage_word)} "
        labels = tuple(escape(label) for label in locale.option_letters)
        return cls(bank, locale, passage_texts(bank), article_html, source_prefix, labels)

    def label(self, index: int) -> str:
        """The index-th choice label (0-based), escaped."""
        labels = self.labels
        return labels[index] if index < len(labels) else escape(self.locale.option_label(index))


@dataclass(frozen=True)
class NoteContent:
    kind: str
    fields: list[str]


def note_content(question: Question, context: BankContext) -> NoteContent:
    return RENDERERS[question.type](question, context, f"{context.bank.id}/{question.id}")


def _cloze(question: Question, context: BankContext, key: str) -> NoteContent:
    instruction = escape(question.prompt) if question.prompt else context.locale.cloze_instruction
    text = cloze_text(question.sentence, question.deletions)
    return NoteContent(CLOZE, [text, instruction, *_back(question, context, key)])


def _question_note(choices: Callable[[Question, BankContext, str], tuple[str, str]]):
    """A front with the prompt and its choices, a back with the answer among them."""

    def render(question: Question, context: BankContext, key: str) -> NoteContent:
        shown, answer = choices(question, context, key)
        fields = [escape(question.prompt), shown, answer, *_back(question, context, key)]
        return NoteContent(QUESTION, fields)

    return render


def _back(
    question: Question,
    context: BankContext,
    key: str,
    evidence: tuple[Evidence, ...] | None = None,
) -> tuple[str, str, str]:
    """Explanation, Evidence and Source: the end of every note type's fields.

    `evidence` replaces the question's own located quotes when given.
    """
    passages = context.passages
    numbers = context.locale.list_separator.join(
        [
            str(passages[passage_id].number)
            for passage_id in question.passages
            if passage_id in passages
        ]
    )
    source = f'{context.source_prefix}{numbers} <span class="key">{escape(key)}</span>'
    spans = question.evidence_spans if evidence is None else evidence
    evidence_html = evidence_blocks(spans, passages, context.locale.passage_word)
    return escape(question.explanation), evidence_html, source


def _options(question: Question, context: BankContext, key: str) -> tuple[str, str]:
    order = definition_of(question).arrange(question, key, "anki options")
    options = [question.options[index] for index in order]
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
    locale = context.locale
    choices = (
        f'<ul class="choices"><li>{escape(locale.true)}</li><li>{escape(locale.false)}</li></ul>'
    )
    return choices, escape(locale.true if question.answer else locale.false)


def _matching(question: Question, context: BankContext, key: str) -> tuple[str, str]:
    order = definition_of(question).arrange(question, key, "anki matching")
    rights = [question.pairs[index] for index in order]
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
    order = definition_of(question).arrange(question, key, "anki ordering")
    items = [question.items[index] for index in order]
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


def _short(question: Question, context: BankContext, key: str) -> NoteContent:
    """Anki compares the typed answer to a bare-letter model answer, ignoring harakat and accents
    (type:nc); a leading article is left out, since Anki cannot ignore it (the Syr Darya)."""
    model_answer = strip_arabic_marks(
        without_leading_article(question.answers[0], context.bank.language)
    )
    others = list(question.answers[1:])
    accepted = ""
    if others:
        locale = context.locale
        listed = escape(locale.answer_separator).join(escape(answer) for answer in others)
        accepted = f"{escape(locale.also_accepted + locale.colon)} {listed}"
    back = _back(question, context, key)
    return NoteContent(TYPE_IN, [escape(question.prompt), escape(model_answer), accepted, *back])


def cloze_text(sentence: str, deletions: tuple[str, ...]) -> str:
    """The sentence with {{c1::…}}, {{c2::…}} around its deletions, one card per deletion.

    Text is escaped before markup is added; braces and colons become character references so bank
    text can never open or split a cloze.
    """
    return "".join(
        f"{{{{c{number}::{escape_for_cloze(text)}}}}}" if number else escape_for_cloze(text)
        for text, number in sentence_parts(sentence, deletions)
    )


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
    others = tuple(
        span for span in question.evidence_spans if fold_for_evidence(span.quote) != sentence
    )
    back = _back(question, context, key, others)
    fields = [
        escape(question.term),
        escape(question.gloss),
        escape(question.definition),
        marked,
        blank,
        *back,
    ]
    return NoteContent(VOCAB, fields)


RENDERERS: dict[str, Callable[[Question, BankContext, str], NoteContent]] = {
    "mcq": _question_note(_options),
    "multi": _question_note(_options),
    "true_false": _question_note(_true_false),
    "short": _short,
    "cloze": _cloze,
    "matching": _question_note(_matching),
    "ordering": _question_note(_ordering),
    "vocab": _vocab,
}
require_every_type(RENDERERS, "the Anki output")
