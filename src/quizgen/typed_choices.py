"""Reading what a learner types or a teacher copies from a sheet to name a choice: the option
letters and the true/false words of every locale, so that the quiz and `quizgen grade` read alike.

Input is forgiving about the keyboard: Arabic-Indic digits count as digits, harakat, tatweel and
the hamza's seat do not matter (ا for أ, ه for هـ), and case does not matter.
"""

from __future__ import annotations

import re
import unicodedata

from quizgen.locale import UI_LANGUAGES, locale_for

_MARKS_AND_TATWEEL = re.compile("[\u064b-\u065f\u0670\u0640]")
_HAMZA_SEATS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def fold_typed(text: str) -> str:
    """A typed label or word as it is compared: the keyboard's differences folded away."""
    text = unicodedata.normalize("NFKC", text)
    digits = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)
    return _MARKS_AND_TATWEEL.sub("", digits).translate(_HAMZA_SEATS).casefold().strip()


def _locales():
    return [locale_for(language) for language in UI_LANGUAGES]


# Every locale's option letters (each set once, in the order of UI_LANGUAGES): a letter of any
# script names the same position in any bank.
LETTER_SETS: tuple[tuple[str, ...], ...] = tuple(
    dict.fromkeys(locale.option_letters for locale in _locales())
)


def _truth_form(text: str) -> str:
    """A true/false word as compared: folded, the hamza of خاطئ on its own, no spaces or full stop."""
    return fold_typed(text).replace("ئ", "ء").replace(" ", "").rstrip(".")


_TRUE = frozenset(_truth_form(word) for locale in _locales() for word in locale.true_words)
_FALSE = frozenset(_truth_form(word) for locale in _locales() for word in locale.false_words)


def truth_value(text: str) -> bool | None:
    """True or False for a true/false word of any locale; None when it is neither."""
    form = _truth_form(text)
    if form in _TRUE:
        return True
    if form in _FALSE:
        return False
    return None
