"""Anki decks from validated banks: note types, HTML-escaped fields, and a reproducible .apkg."""
