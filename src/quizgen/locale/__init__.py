"""Every word quizgen says, one table per language, chosen by language and never by direction.

A bank's outputs speak its language when there is a table for it, and English otherwise; the quiz
and stats may be switched with --ui-lang. Option letters belong to the locale, so a card, a page
and the quiz always label choices alike. To add a language, add one module like `en.py` and list
it in `UI_LANGUAGES`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgen.locale.locale import Locale

# The language of each table, the module holding it: tables are imported when first asked for,
# so that the CLI can offer the languages (--ui-lang) without loading them.
UI_LANGUAGES = ("ar", "en", "fr")


def locale_for(language: str) -> Locale:
    """The locale of a BCP 47 tag's primary language; English when quizgen has none for it."""
    from quizgen.text.direction import primary_language

    primary = primary_language(language)
    table = primary if primary in UI_LANGUAGES else "en"
    return import_module(f"quizgen.locale.{table}").LOCALE


def ui_language_for(bank_languages: list[str]) -> str:
    """The one locale every bank shares, or English when they differ or none has a table."""
    primaries = {locale_for(language).language for language in bank_languages}
    return primaries.pop() if len(primaries) == 1 else "en"


def __getattr__(name: str):
    if name == "Locale":
        return import_module("quizgen.locale.locale").Locale
    raise AttributeError(f"module 'quizgen.locale' has no attribute '{name}'")


__all__ = ["UI_LANGUAGES", "Locale", "locale_for", "ui_language_for"]
