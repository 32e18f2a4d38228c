"""Anki decks from validated banks: note types, HTML-escaped fields, and a reproducible .apkg.

The public entry point is `build_deck`, then `write_package`:

    from quizgen.anki import DeckOptions, build_deck, build_timestamp, write_package
    from quizgen.core import load_banks, select_questions

    banks = load_banks([Path("question_bank/kazakhstan-turkey.yaml")])
    deck = build_deck(banks, select_questions(banks), DeckOptions(subdecks="by-passage"))
    write_package(Path("out/deck.apkg"), deck.package, build_timestamp(), banks)

Names are imported on first use, so that importing the package does not load genanki.
"""

from quizgen.lazy_exports import lazy_exports

_HOMES = {
    "BuiltDeck": "deck",
    "DeckOptions": "deck",
    "build_deck": "deck",
    "build_timestamp": "package",
    "write_package": "package",
}

__all__ = sorted(_HOMES)

__getattr__ = lazy_exports("quizgen.anki", _HOMES)
