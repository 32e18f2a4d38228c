"""Baseline for `quizgen anki`: the smallest genanki script writing one basic note per bank item.

It reads the same bank (without validation) and writes the same number of notes, so the comparison
measures what quizgen adds: validation, escaping, evidence in context, several note types.
"""

import sys

import genanki
import yaml_rs

bank_path, output = sys.argv[1], sys.argv[2]
with open(bank_path, encoding="utf-8") as handle:
    bank = yaml_rs.loads(handle.read())
model = genanki.Model(
    1607392319,
    "Basic",
    fields=[{"name": "Front"}, {"name": "Back"}],
    templates=[
        {"name": "Card", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}
    ],
)
deck = genanki.Deck(2059400110, "Baseline")
for question in bank["questions"]:
    front = question.get("prompt") or question.get("term") or question.get("sentence")
    deck.add_note(
        genanki.Note(
            model=model, fields=[front, question.get("explanation", question.get("gloss", ""))]
        )
    )
genanki.Package(deck).write_to_file(output)
