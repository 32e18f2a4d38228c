"""Writing direction from a BCP 47 language tag."""

from __future__ import annotations

_RTL_LANGUAGES = {
    "ar",
    "arc",
    "ckb",
    "dv",
    "fa",
    "he",
    "iw",
    "ku",
    "ps",
    "sd",
    "syr",
    "ug",
    "ur",
    "yi",
}
_RTL_SCRIPTS = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"}
_LTR_SCRIPTS = {"latn", "cyrl", "grek"}


def primary_language(language: str) -> str:
    """The language subtag of a BCP 47 tag, lower case: ar-EG -> ar, en_GB -> en."""
    return language.replace("_", "-").split("-")[0].lower()


def direction_for(language: str) -> str:
    """'rtl' or 'ltr'. An explicit script subtag wins over the language (ku-Latn is ltr)."""
    subtags = language.replace("_", "-").lower().split("-")
    for subtag in subtags[1:]:
        if subtag in _RTL_SCRIPTS:
            return "rtl"
        if subtag in _LTR_SCRIPTS:
            return "ltr"
    return "rtl" if subtags[0] in _RTL_LANGUAGES else "ltr"


def is_valid_language_tag(language: str) -> bool:
    parts = language.split("-")
    if not (2 <= len(parts[0]) <= 3 and parts[0].isascii() and parts[0].isalpha()):
        return False
    return all(1 <= len(part) <= 8 and part.isascii() and part.isalnum() for part in parts[1:])
