"""Words of a text as a learner reads them, for finding one item's answer inside another's text.

Texts are compared in the grading form (marks, hamza seats, case and punctuation folded), word by
word, so a key is found only as whole words. Arabic writes some particles and the article joined to
the next word (و، ف، ب، ل، ك، ال), so an Arabic word also matches without them: «لتركيا» contains
«تركيا», «والاستخبارات» contains «الاستخبارات».
"""

from __future__ import annotations

from quizgen.text.normalize import normalize_answer

# Particles written joined to the following word, longest first; the article is the common case.
_JOINED_PREFIXES: dict[str, tuple[str, ...]] = {
    "ar": ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك"),
}
_SHORTEST_STEM = 2


def words(text: str) -> tuple[str, ...]:
    return tuple(normalize_answer(text).split())


def word_forms(word: str, language: str) -> frozenset[str]:
    """The word and what it reads as without a joined particle (for «لل», with the article kept)."""
    forms = {word}
    for prefix in _JOINED_PREFIXES.get(language.split("-")[0], ()):
        stem = word[len(prefix) :]
        if word.startswith(prefix) and len(stem) >= _SHORTEST_STEM:
            forms.add(stem)
            if prefix == "لل":
                forms.add("ال" + stem)
    return frozenset(forms)


def text_forms(text: str, language: str) -> list[frozenset[str]]:
    """Each word of a text with its forms: what a key is matched against."""
    return [word_forms(word, language) for word in words(text)]


def contains_words(forms: list[frozenset[str]], key: tuple[str, ...]) -> bool:
    """Whether the key's words stand, in order and next to each other, in the text."""
    return bool(key) and any(stands_at(forms, start, key) for start in range(len(forms)))


def stands_at(forms: list[frozenset[str]], start: int, key: tuple[str, ...]) -> bool:
    if start + len(key) > len(forms):
        return False
    return all(word in forms[start + offset] for offset, word in enumerate(key))
