"""The words lint's rules look for, one small table per language, written as a teacher spells
them; they are compared in the grading form (marks, hamza seats and case folded)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from quizgen.core.words import words

WORD_TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        # a stem's "not" or "except": easy to miss unless emphasized; a contraction is two words
        # in the grading form ("isn t") and is matched as a phrase, never by its lone "t"
        "negatives": (
            "not", "no", "never", "except", "without", "cannot", "isn't", "aren't", "doesn't",
            "didn't", "wasn't", "weren't", "don't", "won't", "can't", "couldn't", "wouldn't",
            "shouldn't", "hasn't", "haven't", "hadn't", "mustn't", "none", "neither", "nor",
        ),
        "idioms": ("no longer", "not only"),
        # "always", "never": test-wise students avoid options that say them
        "absolutes": (
            "always", "never", "all", "none", "only", "every", "entirely", "completely",
            "totally", "absolutely", "nothing", "everyone", "nobody", "forever",
        ),
        # options a student can answer by counting what else is true
        "all_or_none": (
            "all of the above", "none of the above", "all of these", "none of these",
            "both of the above", "all the above",
        ),
        # words too common to be a clue shared by the stem and the key
        "function_words": (
            "the", "a", "an", "of", "in", "on", "to", "and", "or", "for", "by", "with", "at",
            "from", "is", "was", "are", "were", "be", "this", "that", "which", "what", "who",
            "when", "where", "why", "how", "its", "it", "as", "according", "article", "did",
        ),
    },
    "ar": {
        "negatives": (
            "ليس", "ليست", "لا", "لم", "لن", "غير", "عدا", "باستثناء", "سوى", "إلا",
        ),
        # phrases made of a negative word that do not negate ("still", "however", "especially")
        "idioms": ("لا يزال", "لا تزال", "لا يزالون", "ما زال", "ما زالت", "لا سيما", "غير أن",
                   "إلا أن", "إلا إذا"),
        "absolutes": (
            "دائماً", "أبداً", "مطلقاً", "إطلاقاً", "قط", "فقط", "وحده", "وحدها", "كلياً",
            "تماماً", "جميع", "كافة", "مستحيل", "حتماً",
        ),
        "all_or_none": (
            "جميع ما سبق", "كل ما سبق", "جميع ما ذكر", "كل ما ذكر", "لا شيء مما سبق",
            "لا شيء مما ذكر", "لا شيء مما تقدم", "ليس أياً مما سبق", "جميع الإجابات",
            "كل الإجابات",
        ),
        "function_words": (
            "في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "أو", "و", "ما", "ماذا", "متى",
            "أين", "كيف", "لماذا", "هل", "أي", "التي", "الذي", "هذا", "هذه", "ذلك", "تلك",
            "بحسب", "حسب", "المقال", "كان", "كانت", "قد", "بين", "عند", "كل", "بعد", "قبل",
        ),
    },
    "fr": {
        # French negates with two words, "ne … pas", "n'… jamais"; "ne" (or "n'") is the one
        # negative, so "ne … pas" is not a double negative and "ne … ni … ni" counts once. The
        # second halves are the partners: emphasizing either half ("ne … *pas*") marks it.
        # "ne … que" (only) is read as a negative too: the two words cannot be told apart.
        "negatives": ("ne", "n'", "sauf", "excepté", "hormis", "sans"),
        "paired_negatives": ("ne", "n'"),
        "negation_partners": (
            "pas", "plus", "jamais", "rien", "aucun", "aucune", "personne", "guère", "point",
            "nullement", "ni", "nul", "nulle",
        ),
        "idioms": (
            "n'importe", "ne serait-ce que", "sans doute", "sans cesse", "non seulement",
        ),
        "absolutes": (
            "toujours", "jamais", "tous", "toutes", "aucun", "aucune", "rien", "seul", "seule",
            "seuls", "seules", "seulement", "uniquement", "entièrement", "complètement",
            "totalement", "absolument", "chaque", "chacun", "chacune", "forcément",
            "nécessairement", "impossible",
        ),
        "all_or_none": (
            "toutes les réponses ci-dessus", "aucune des réponses ci-dessus",
            "toutes les réponses précédentes", "aucune des réponses précédentes",
            "toutes ces réponses", "aucune de ces réponses", "tout ce qui précède",
            "rien de ce qui précède", "les deux réponses ci-dessus", "aucune réponse",
        ),
        "function_words": (
            "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "à", "au", "aux", "en",
            "dans", "sur", "pour", "par", "avec", "et", "ou", "est", "sont", "était", "a", "ont",
            "ce", "cet", "cette", "ces", "qui", "que", "qu", "quoi", "quel", "quelle", "quels",
            "quelles", "quand", "où", "comment", "pourquoi", "combien", "son", "sa", "ses",
            "leur", "leurs", "il", "elle", "ils", "elles", "se", "s", "selon", "article", "texte",
        ),
    },
}  # fmt: skip


@dataclass(frozen=True)
class LintWords:
    negatives: dict[tuple[str, ...], str]  # words and contractions, as words -> as written
    paired_negatives: frozenset[tuple[str, ...]]  # negatives marked by an emphasized partner
    negation_partners: frozenset[str]  # the second half of a two-word negative: "pas"
    idioms: tuple[tuple[str, ...], ...]  # phrases with a negative word that do not negate
    absolutes: frozenset[str]
    all_or_none: tuple[tuple[str, ...], ...]  # phrases, as words
    function_words: frozenset[str]


@cache
def words_for(language: str) -> LintWords:
    """The table of the bank's language (English for a language without one), in grading form."""
    table = WORD_TABLES.get(language.split("-")[0].lower(), WORD_TABLES["en"])

    def single(name: str) -> frozenset[str]:
        return frozenset(word for entry in table.get(name, ()) for word in words(entry))

    return LintWords(
        negatives={words(entry): entry for entry in table["negatives"]},
        paired_negatives=frozenset(words(entry) for entry in table.get("paired_negatives", ())),
        negation_partners=single("negation_partners"),
        idioms=tuple(words(phrase) for phrase in table["idioms"]),
        absolutes=single("absolutes"),
        all_or_none=tuple(words(phrase) for phrase in table["all_or_none"]),
        function_words=single("function_words"),
    )
