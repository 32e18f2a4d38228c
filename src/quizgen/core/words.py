"""Words of a text as a learner reads them, for finding one item's answer inside another's text.

Texts are compared in the grading form (marks, hamza seats, case and punctuation folded), word by
word, so a key is found only as whole words. Arabic writes some particles and the article joined to
the next word (و، ف، ب، ل، ك، ال), so an Arabic word is compared by its stem: the joined particles
are taken off the front while at least three letters remain. «لتركيا» then contains «تركيا» and
«والاستخبارات» contains «الاستخبارات»; two words that differ only by such a first letter compare
equal, a rare confusion that costs a lint warning at worst.
"""

from __future__ import annotations

from functools import lru_cache

from quizgen.text.normalize import normalize_answer

# Particles written joined to the following word, longest first.
_JOINED_PREFIXES: dict[str, tuple[str, ...]] = {
    "ar": ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك"),
}
_SHORTEST_STEM = 3
_CACHED_TEXTS = 1 << 16  # lint reads each text with several rules


@lru_cache(maxsize=_CACHED_TEXTS)
def words(text: str) -> tuple[str, ...]:
    return tuple(normalize_answer(text).split())


@lru_cache(maxsize=_CACHED_TEXTS)
def stem(word: str, language: str) -> str:
    """The word without the particles joined to its front (in languages that join them)."""
    prefixes = _JOINED_PREFIXES.get(language.split("-")[0], ())
    stripped = True
    while stripped:
        stripped = False
        for prefix in prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= _SHORTEST_STEM:
                word, stripped = word[len(prefix) :], True
                break
    return word


@lru_cache(maxsize=_CACHED_TEXTS)
def stems(text: str, language: str) -> tuple[str, ...]:
    """The text's words by their stems: what keys are matched with."""
    return tuple(stem(word, language) for word in words(text))


def contains_words(text_stems: tuple[str, ...], key_stems: tuple[str, ...]) -> bool:
    """Whether the key's words stand, in order and next to each other, in the text."""
    size = len(key_stems)
    if not size:
        return False
    return any(
        text_stems[start : start + size] == key_stems for start in range(len(text_stems) - size + 1)
    )
