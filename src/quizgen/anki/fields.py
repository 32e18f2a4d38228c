"""Field content for each question type: bank text HTML-escaped first, markup added after.

Nothing from a bank reaches a card unescaped, so `<`, `&` or `<script>` in a question is shown as
text. Choices are shuffled with the question's key as seed: the same note keeps the same order on
every rebuild, and the correct option is not always first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape

from quizgen.anki.evidence import PassageText, evidence_html, passage_texts
from quizgen.anki.models import CLOZE, QUESTION, TYPE_IN, VOCAB
from quizgen.anki.wording import Wording, wording_for
from quizgen.core.model import Bank, Question
from quizgen.core.select import shuffled
from quizgen.text.normalize import fold_for_evidence, strip_arabic_marks

_BLANK = '<span class="cloze">[…]</span>'


@dataclass(frozen=True)
class BankContext:
    """What every note of a bank shares, computed once per bank."""

    bank: Bank
    wording: Wording
    passages: dict[str, PassageText]
    article_html: str

    @classmethod
    def of(cls, bank: Bank) -> BankContext:
        wording = wording_for(bank.language)
        article = bank.article
        separator = wording.list_separator
        article_html = (
            f"<cite>{escape(article.title)}</cite> — {escape(article.author)}{separator}"
            f"{escape(article.date)} (<bdi>{escape(article.source)}</bdi>)"
        )
        return cls(bank, wording, passage_texts(bank), article_html)


@dataclass(frozen=True)
class NoteContent:
    kind: str
    fields: list[str]


def note_content(question: Question, context: BankContext) -> NoteContent:
    key = f"{context.bank.id}/{question.id}"
    if question.type == "vocab":
        return _vocab(question, context, key)
    if question.type == "cloze":
        instruction = (
            escape(question.prompt) if question.prompt else context.wording.cloze_instruction
        )
        back = _back(question, context, key)
        return NoteContent(
            CLOZE, [cloze_text(question.sentence, question.deletions), instruction, *back]
        )
    if question.type == "short":
        return _short(question, context, key)
    choices, answer = _CHOICES[question.type](question, context.wording, key)
    fields = [escape(question.prompt), choices, answer, *_back(question, context, key)]
    return NoteContent(QUESTION, fields)


def _back(question: Question, context: BankContext, key: str) -> list[str]:
    """Explanation, Evidence and Source: the end of every note type's fields."""
    wording = context.wording
    numbers = wording.list_separator.join(
        str(context.passages[passage_id].number)
        for passage_id in question.passages
        if passage_id in context.passages
    )
    source = (
        f"{context.article_html}{wording.list_separator}{escape(wording.passage)} {numbers} "
        f'<span class="key">{escape(key)}</span>'
    )
    evidence = evidence_html(question, context.passages, wording.passage)
    return [escape(question.explanation), evidence, source]


def _choice(label: str, text: str) -> str:
    return f'<li><span class="label">{escape(label)}</span> {escape(text)}</li>'


def _options(question: Question, wording: Wording, key: str) -> tuple[str, str]:
    options = shuffled(question.options, key, "anki options")
    labels = [wording.label(index) for index in range(len(options))]
    choices = "".join(
        _choice(label, option.text) for label, option in zip(labels, options, strict=True)
    )
    correct = [
        _choice(label, option.text)
        for label, option in zip(labels, options, strict=True)
        if option.correct
    ]
    return f'<ul class="choices">{choices}</ul>', f'<ul class="choices">{"".join(correct)}</ul>'


def _true_false(question: Question, wording: Wording, key: str) -> tuple[str, str]:
    choices = (
        f'<ul class="choices"><li>{escape(wording.true)}</li><li>{escape(wording.false)}</li></ul>'
    )
    return choices, escape(wording.true if question.answer else wording.false)


def _matching(question: Question, wording: Wording, key: str) -> tuple[str, str]:
    rights = _moved(shuffled(question.pairs, key, "anki matching"), list(question.pairs))
    label_of = {pair.right: wording.label(index) for index, pair in enumerate(rights)}
    left = "".join(f"<li>{escape(pair.left)}</li>" for pair in question.pairs)
    right = "".join(_choice(label_of[pair.right], pair.right) for pair in rights)
    answer = "".join(
        f'<li>{escape(pair.left)} — <span class="label">{escape(label_of[pair.right])}</span> '
        f"{escape(pair.right)}</li>"
        for pair in question.pairs
    )
    return f'<ol>{left}</ol><ul class="choices">{right}</ul>', f"<ol>{answer}</ol>"


def _ordering(question: Question, wording: Wording, key: str) -> tuple[str, str]:
    items = _moved(shuffled(question.items, key, "anki ordering"), list(question.items))
    label_of = {item: wording.label(index) for index, item in enumerate(items)}
    choices = "".join(_choice(label_of[item], item) for item in items)
    answer = "".join(
        f'<li><span class="label">{escape(label_of[item])}</span> {escape(item)}</li>'
        for item in question.items
    )
    return f'<ul class="choices">{choices}</ul>', f"<ol>{answer}</ol>"


def _moved(order: list, original: list) -> list:
    """A shuffle that happens to keep the original order gives the answer away; rotate it."""
    return order[1:] + order[:1] if order == original else order


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
    others = [answer for answer in question.answers if answer != model_answer]
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
    text = fold_for_evidence(sentence)
    pieces = []
    position = 0
    for number, deletion in enumerate(deletions, start=1):
        folded = fold_for_evidence(deletion)
        start = text.find(folded, position)
        if start < 0:
            continue
        pieces.append(_cloze_escape(text[position:start]))
        pieces.append(f"{{{{c{number}::{_cloze_escape(folded)}}}}}")
        position = start + len(folded)
    pieces.append(_cloze_escape(text[position:]))
    return "".join(pieces)


def _cloze_escape(text: str) -> str:
    return escape(text).replace("{", "&#123;").replace("}", "&#125;").replace(":", "&#58;")


def _vocab(question: Question, context: BankContext, key: str) -> NoteContent:
    sentence = fold_for_evidence(question.sentence)
    term = fold_for_evidence(question.term)
    start = sentence.find(term)
    if start >= 0:
        before, after = escape(sentence[:start]), escape(sentence[start + len(term) :])
        marked = f"{before}<mark>{escape(term)}</mark>{after}"
        blank = f"{before}{_BLANK}{after}"
    else:
        marked = blank = escape(sentence)
    # The sentence is already on the card; show other quotes only.
    quotes = tuple(quote for quote in question.evidence if fold_for_evidence(quote) != sentence)
    back = _back(replace(question, evidence=quotes), context, key)
    fields = [
        escape(question.term),
        escape(question.gloss),
        escape(question.definition),
        marked,
        blank,
        *back,
    ]
    return NoteContent(VOCAB, fields)
