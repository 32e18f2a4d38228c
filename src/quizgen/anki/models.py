"""Note types: their permanent ids, fields and card templates.

Anki matches an imported note type to the user's by id, and keeps it only while the field names and
template names are unchanged (otherwise it adds a copy and refuses to update existing notes). So an
id below is permanent: renaming, adding or reordering fields or templates needs a new id and a
migration note in docs/anki.md. Template HTML and CSS may change under the same id: Anki takes the
newer note type on import.

There is one note type per kind and writing direction; the direction only changes the CSS and the
editor's field direction.
"""

from __future__ import annotations

from dataclasses import dataclass

import genanki

from quizgen.anki.styles import css_for

QUESTION = "question"
TYPE_IN = "type_in"
CLOZE = "cloze"
VOCAB = "vocab"

MODEL_IDS: dict[tuple[str, str], int] = {
    (QUESTION, "rtl"): 1586021624,
    (QUESTION, "ltr"): 1123410171,
    (TYPE_IN, "rtl"): 1292074657,
    (TYPE_IN, "ltr"): 1543218022,
    (CLOZE, "rtl"): 1844849236,
    (CLOZE, "ltr"): 1979260467,
    (VOCAB, "rtl"): 1148993218,
    (VOCAB, "ltr"): 2095356666,
}

_NAMES = {
    QUESTION: "quizgen question",
    TYPE_IN: "quizgen type-in",
    CLOZE: "quizgen cloze",
    VOCAB: "quizgen vocab",
}

_BACK = """
{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}
{{#Evidence}}<div class="evidence-list">{{Evidence}}</div>{{/Evidence}}
<div class="source">{{Source}}</div>
"""

_QUESTION_FRONT = """<div class="quizgen front">
<div class="question">{{Question}}</div>
{{#Choices}}<div class="choices">{{Choices}}</div>{{/Choices}}
</div>"""

_TYPE_IN_QUESTION = """<div class="quizgen front">
<div class="question">{{Question}}</div>
</div>"""

_CLOZE_FRONT = """<div class="quizgen front">
{{#Instruction}}<div class="instruction">{{Instruction}}</div>{{/Instruction}}
<div class="sentence">{{cloze:Text}}</div>
</div>"""

_TERM_FRONT = """<div class="quizgen front">
<div class="term">{{Term}}</div>
<div class="sentence">{{Sentence}}</div>
</div>"""

_GLOSS_FRONT = """<div class="quizgen front">
<div class="term" dir="auto">{{Gloss}}</div>
<div class="sentence">{{SentenceBlank}}</div>
</div>"""


def _back(answer: str) -> str:
    return f'<hr id="answer">\n<div class="quizgen back">\n{answer}{_BACK}</div>'


@dataclass(frozen=True)
class NoteType:
    """A note type's permanent shape: field names in order, and (name, front, back) templates."""

    kind: str
    fields: tuple[str, ...]
    templates: tuple[tuple[str, str, str], ...]
    cloze: bool = False

    @property
    def card_count(self) -> int | None:
        """Cards each note yields; None for cloze, where it is the number of deletions."""
        return None if self.cloze else len(self.templates)


NOTE_TYPES = {
    QUESTION: NoteType(
        QUESTION,
        ("Question", "Choices", "Answer", "Explanation", "Evidence", "Source"),
        (
            (
                "Question",
                _QUESTION_FRONT,
                "{{FrontSide}}\n" + _back('<div class="answer">{{Answer}}</div>'),
            ),
        ),
    ),
    TYPE_IN: NoteType(
        TYPE_IN,
        ("Question", "Answer", "Accepted", "Explanation", "Evidence", "Source"),
        (
            (
                "Type the answer",
                _TYPE_IN_QUESTION + "\n{{type:nc:Answer}}",
                _TYPE_IN_QUESTION
                + "\n"
                + _back(
                    "{{type:nc:Answer}}\n"
                    '{{#Accepted}}<div class="accepted">{{Accepted}}</div>{{/Accepted}}'
                ),
            ),
        ),
    ),
    CLOZE: NoteType(
        CLOZE,
        ("Text", "Instruction", "Explanation", "Evidence", "Source"),
        (("Cloze", _CLOZE_FRONT, _CLOZE_FRONT + "\n" + _back("")),),
        cloze=True,
    ),
    VOCAB: NoteType(
        VOCAB,
        (
            "Term",
            "Gloss",
            "Definition",
            "Sentence",
            "SentenceBlank",
            "Explanation",
            "Evidence",
            "Source",
        ),
        (
            (
                "Term to gloss",
                _TERM_FRONT,
                "{{FrontSide}}\n"
                + _back(
                    '<div class="answer" dir="auto">{{Gloss}}</div>\n'
                    '{{#Definition}}<div class="definition">{{Definition}}</div>{{/Definition}}'
                ),
            ),
            (
                "Gloss to term",
                _GLOSS_FRONT,
                "{{FrontSide}}\n"
                + _back(
                    '<div class="answer term">{{Term}}</div>\n'
                    '<div class="sentence">{{Sentence}}</div>\n'
                    '{{#Definition}}<div class="definition">{{Definition}}</div>{{/Definition}}'
                ),
            ),
        ),
    ),
}


def genanki_model(kind: str, direction: str) -> genanki.Model:
    """A fresh genanki model (genanki mutates models while writing, so never share one)."""
    note_type = NOTE_TYPES[kind]
    rtl = direction == "rtl"
    suffix = "right to left" if rtl else "left to right"
    return genanki.Model(
        model_id=MODEL_IDS[kind, direction],
        name=f"{_NAMES[kind]} ({suffix})",
        fields=[
            {"name": name, "rtl": rtl, "font": "Amiri" if rtl else "Arial", "size": 20}
            for name in note_type.fields
        ],
        templates=[
            {"name": name, "qfmt": front, "afmt": back} for name, front, back in note_type.templates
        ],
        css=css_for(direction),
        model_type=genanki.Model.CLOZE if note_type.cloze else genanki.Model.FRONT_BACK,
    )
