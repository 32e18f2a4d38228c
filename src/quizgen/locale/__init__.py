"""Every word quizgen says, one table per language, chosen by language and never by direction.

A bank's outputs speak its language when there is a table for it, and English otherwise; the quiz
and stats may be switched with --ui-lang. Option letters belong to the locale, so a card, a page
and the quiz always label choices alike. To add a language, add one module like `en.py` and list
it in `_LOCALES`.
"""

from __future__ import annotations

from quizgen.locale import ar, en
from quizgen.locale.locale import Locale
from quizgen.text.direction import primary_language

_LOCALES: dict[str, Locale] = {table.language: table for table in (ar.LOCALE, en.LOCALE)}
UI_LANGUAGES = tuple(_LOCALES)


def locale_for(language: str) -> Locale:
    """The locale of a BCP 47 tag's primary language; English when quizgen has none for it."""
    return _LOCALES.get(primary_language(language), en.LOCALE)


def ui_language_for(bank_languages: list[str]) -> str:
    """The one locale every bank shares, or English when they differ or none has a table."""
    primaries = {locale_for(language).language for language in bank_languages}
    return primaries.pop() if len(primaries) == 1 else "en"


__all__ = ["UI_LANGUAGES", "Locale", "locale_for", "ui_language_for"]
