"""One locale per language: complete tables, chosen by language and never by direction."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import quizgen.locale
from quizgen.core.model import QUESTION_TYPES
from quizgen.locale import UI_LANGUAGES, locale_for, ui_language_for
from quizgen.locale import en as english_table


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_every_locale_has_every_word_the_english_one_has(language):
    locale = locale_for(language)
    assert set(locale.messages) == set(english_table.LOCALE.messages)
    assert set(locale.type_names) == set(QUESTION_TYPES)
    assert set(locale.instructions) == set(QUESTION_TYPES)
    for field in dataclasses.fields(locale):
        assert getattr(locale, field.name), f"{language}: {field.name} is empty"


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_every_message_formats_with_the_fields_the_english_one_takes(language):
    import string

    locale = locale_for(language)
    for key, text in english_table.LOCALE.messages.items():
        english_fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        fields = {name for _, name, _, _ in string.Formatter().parse(locale.messages[key]) if name}
        assert fields == english_fields, key


def test_arabic_uses_abjad_letters_and_english_latin_capitals():
    assert locale_for("ar").option_letters[:5] == ("أ", "ب", "ج", "د", "هـ")
    assert locale_for("en").option_letters[:3] == ("A", "B", "C")


@pytest.mark.parametrize("language", ["he", "fa", "ur", "ps"])
def test_right_to_left_languages_without_a_table_get_the_english_locale_whole(language):
    """Letters follow the words: never Arabic letters on a Hebrew page, nor A B C beside Arabic words."""
    locale = locale_for(language)
    assert locale.language == "en"
    assert locale.option_letters[0] == "A"


def test_regional_tags_use_their_language_table():
    assert locale_for("ar-EG").language == "ar"
    assert locale_for("en-GB").language == "en"
    assert locale_for("fr-CA").language == "fr"


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_answers_are_set_apart_by_a_mark_no_number_holds(language):
    """Accepted answers and blanks may be numbers: "68,000", the French "2,5" or "4.2"."""
    separator = locale_for(language).answer_separator
    assert separator.strip() and not set(separator) & set(",.0123456789")


def test_french_lists_with_semicolons_since_a_french_decimal_has_a_comma():
    french = locale_for("fr")
    assert french.letters([0, 2]) == "A\u00a0; C"
    assert french.quoted.format(quote="2,5") == "«\u00a02,5\u00a0»"
    assert f"{french.name}{french.colon}" == "Nom\u00a0:"


def test_labels_past_the_letters_are_numbers():
    locale = locale_for("ar")
    assert locale.option_label(len(locale.option_letters)) == str(len(locale.option_letters) + 1)


def test_the_interface_language_is_the_one_every_bank_shares():
    assert ui_language_for(["ar", "ar-EG"]) == "ar"
    assert ui_language_for(["ar", "en"]) == "en"
    assert ui_language_for(["fr", "fr-CA"]) == "fr"
    assert ui_language_for(["fr", "en"]) == "en"
    assert ui_language_for(["de"]) == "en"
    assert ui_language_for([]) == "en"


def test_every_table_module_is_offered_and_names_its_language():
    folder = Path(quizgen.locale.__file__).parent
    tables = sorted(
        path.stem for path in folder.glob("*.py") if path.stem not in ("__init__", "locale")
    )
    assert tables == sorted(UI_LANGUAGES)
    for language in UI_LANGUAGES:
        assert locale_for(language).language == language
