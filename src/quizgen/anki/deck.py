"""Building the deck: one note per selected question, in decks and subdecks, checked card by card."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape

import genanki

from quizgen.anki.fields import BankContext, NoteContent, note_content
from quizgen.anki.models import NOTE_TYPES, genanki_model
from quizgen.core.errors import QuizgenError, SettingError
from quizgen.core.model import Bank, Question
from quizgen.core.select import SelectedQuestion

SUBDECK_CHOICES = ("none", "by-passage", "by-type")


@dataclass(frozen=True)
class DeckOptions:
    deck_name: str | None = None  # default: the bank's title, or "quizgen" for several banks
    subdecks: str = "none"


@dataclass(frozen=True)
class BuiltDeck:
    package: genanki.Package
    root_name: str
    notes: int
    cards: int


def note_guid(bank: Bank, question: Question) -> str:
    """Identity for life: bank id and question id, never the content, so edits update in place."""
    return genanki.guid_for(bank.id, question.id)


class EscapedNote(genanki.Note):
    """A note whose fields are escaped bank text inside quizgen's own markup (see fields.py).

    genanki scans every field of every note for unescaped tags, only to print a warning; on such
    fields the scan cannot find anything, and it is a tenth of the time it takes to write a deck.
    """

    def _check_invalid_html_tags_in_fields(self) -> None:
        pass


def family_tag(family: str) -> str:
    return "family::" + "_".join(family.split())


def note_tags(question: Question) -> list[str]:
    tags = [f"passage::{passage_id}" for passage_id in question.passages]
    tags += [f"type::{question.type}", f"difficulty::{question.difficulty}"]
    tags += ["_".join(tag.split()) for tag in question.tags]
    return list(dict.fromkeys(tags))


def deck_id(name: str) -> int:
    """Stable per deck name (Anki matches decks by name on import; the id only has to be unique)."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def check_deck_name(name: str) -> str:
    parts = [part.strip() for part in name.split("::")]
    if not all(parts):
        raise QuizgenError(
            f"deck name '{name}' has an empty part; use a name like 'Arabic' or 'Arabic::Reading'"
        )
    return "::".join(parts)


def build_deck(
    banks: Sequence[Bank],
    selected: Sequence[SelectedQuestion],
    options: DeckOptions = DeckOptions(),
    progress: Callable[[Iterable[SelectedQuestion]], Iterable[SelectedQuestion]] = iter,
) -> BuiltDeck:
    """The deck of the selected questions, in memory; `write_package` writes it.

    `progress` wraps the questions as they are turned into notes (silent by default; the CLI
    passes a terminal counter).
    """
    if options.subdecks not in SUBDECK_CHOICES:
        raise SettingError(
            "subdecks", f"the subdeck layout must be one of {', '.join(SUBDECK_CHOICES)}"
        )
    several = len(banks) > 1
    if options.deck_name is not None:
        root = check_deck_name(options.deck_name)
    else:
        root = "quizgen" if several else _component(banks[0].title)
    contexts = {bank.id: BankContext.of(bank) for bank in banks}
    models: dict[tuple[str, str], genanki.Model] = {}
    decks: dict[str, genanki.Deck] = {}

    def deck_named(name: str, description: str = "") -> genanki.Deck:
        if name not in decks:
            decks[name] = genanki.Deck(deck_id(name), name, description)
        return decks[name]

    description = "" if several else _description(banks[0])
    deck_named(root, description)
    # Many questions share passages, type, difficulty and tags: their tag lists are built once.
    tag_lists: dict[tuple, list[str]] = {}
    card_total = 0
    for position, item in enumerate(progress(selected), start=1):
        bank, question = item.bank, item.question
        context = contexts[bank.id]
        content = note_content(question, context)
        model_key = (content.kind, bank.direction)
        if model_key not in models:
            models[model_key] = genanki_model(*model_key)
        tag_key = (question.passages, question.type, question.difficulty, question.tags)
        tags = tag_lists.get(tag_key)
        if tags is None:
            tags = tag_lists[tag_key] = note_tags(question)
        if item.family is not None:  # every item is kept; the tag lets a learner see its family
            tags = [*tags, family_tag(item.family)]
        note = EscapedNote(
            model=models[model_key],
            fields=content.fields,
            tags=tags,
            guid=note_guid(bank, question),
            due=position,
        )
        card_total += _check_cards(note, content, question, bank)
        parent = root
        if several:
            parent = f"{root}::{_component(bank.title)}"
            deck_named(parent, _description(bank))
        deck_named(_subdeck(parent, question, context, options.subdecks)).add_note(note)
    return BuiltDeck(genanki.Package(list(decks.values())), root, len(selected), card_total)


def _check_cards(note: genanki.Note, content: NoteContent, question: Question, bank: Bank) -> int:
    """genanki silently writes a note without cards (empty first field, cloze without deletion)."""
    expected = NOTE_TYPES[content.kind].card_count or len(question.deletions)
    produced = len(note.cards)
    if expected == 0 or produced != expected:
        raise QuizgenError(
            f"{bank.path}: {question.id}: this {question.type} item would give {produced} Anki "
            f"card(s) instead of {expected or 'at least 1'}, so it would be lost in Anki "
            "(check its text fields and cloze deletions)"
        )
    return produced


def _subdeck(parent: str, question: Question, context: BankContext, subdecks: str) -> str:
    if subdecks == "by-passage":
        passage = context.passages[question.passages[0]]
        width = len(str(len(context.passages)))
        return f"{parent}::{context.locale.passage_word} {passage.number:0{width}d}"
    if subdecks == "by-type":
        return f"{parent}::{context.locale.type_name(question.type)}"
    return parent


def _component(title: str) -> str:
    """A bank title as one deck name component ('::' would nest)."""
    return " ".join(title.replace("::", ":").split()) or "quizgen"


def _description(bank: Bank) -> str:
    article = bank.article
    description = article.title
    if byline := article.byline(", "):
        description += f" — {byline}"
    if article.source:
        description += f" ({article.source})"
    return escape(description)
