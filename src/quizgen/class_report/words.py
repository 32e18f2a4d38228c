"""The words of the class report, from the shared locale (its `analysis_` and `report_`
messages and common words)."""

from __future__ import annotations

from quizgen.locale import locale_for


def words_for(language: str) -> dict[str, str]:
    """The report's words in the bank's language (English when quizgen has no table for it)."""
    locale = locale_for(language)
    return locale.words("analysis_", "report_") | {
        "true": locale.true,
        "false": locale.false,
        "passage": f"{locale.passage_word} {{number}}",
        "quoted": locale.quoted,
        "page": locale.page,
        "separator": locale.list_separator,
        "colon": locale.colon,
    }
