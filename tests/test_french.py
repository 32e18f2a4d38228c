"""A French bank speaks French on every output: the worksheet and its key, the Anki cards, the quiz
and the grade table, with answers that hold a decimal comma (4,2) kept apart from each other."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from anki.collection import Collection
from external_tools import needs
from run_quizgen import quizgen as quizgen_in
from test_anki_deck import import_package, visible
from test_anki_deck import quizgen as build_with_quizgen
from test_quiz_cli import quizgen as quiz_with_input

from quizgen.core.loader import load_bank
from quizgen.core.select import Selection, select_questions
from quizgen.locale import locale_for
from quizgen.worksheet.build import WorksheetOptions, build_worksheet

FIXTURE = (
    Path(__file__).resolve().parent / "fixtures" / "french" / "question_bank" / "musee-du-port.yaml"
)
FRENCH = locale_for("fr")
ENGLISH = locale_for("en")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def spaced(text: str) -> str:
    """Every run of spaces, no-break ones included, as one space: how pdftotext gives them back."""
    return " ".join(BIDI_CONTROLS.sub("", text).split())


def pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return spaced(result.stdout)


@needs("pdftotext")
def test_a_french_worksheet_and_key_print_french_words(tmp_path):
    bank = load_bank(FIXTURE)
    built = build_worksheet(select_questions([bank], Selection()), WorksheetOptions())
    (tmp_path / "worksheet.pdf").write_bytes(built.worksheet)
    (tmp_path / "key.pdf").write_bytes(built.answer_key)
    worksheet, key = pdf_text(tmp_path / "worksheet.pdf"), pdf_text(tmp_path / "key.pdf")
    assert "Nom : Classe : Date :" in worksheet and "Name" not in worksheet
    assert "Page 1 sur" in worksheet and FRENCH.version.format(letter="A") in worksheet
    assert f"{FRENCH.true} {FRENCH.false}" == "Vrai Faux" and "Vrai Faux" in worksheet
    for kind, instruction in FRENCH.instructions.items():
        assert spaced(f"{FRENCH.type_name(kind)} {instruction}") in worksheet, kind
    assert f"{FRENCH.answer_key} — Version A" in key
    # accepted answers with a decimal comma, set apart by a slash; option letters by semicolons
    assert "Accepté aussi : 4,2 millions / 4 200 000" in key
    multi = next(q for q in built.versions[0].questions if q.question.type == "multi")
    correct = [index for index, option in enumerate(multi.options) if option.correct]
    assert f"{multi.number}. {spaced(FRENCH.letters(correct))}" in key
    assert ";" in FRENCH.letters(correct) and "," not in FRENCH.letters(correct)


def test_french_anki_cards_say_vrai_faux_and_list_accepted_answers_with_a_slash(tmp_path):
    package = tmp_path / "deck.apkg"
    build_with_quizgen("anki", str(FIXTURE), "-o", str(package))
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_package(collection, package)
        bank = load_bank(FIXTURE)
        fields = [
            dict(collection.get_note(note_id).items()) for note_id in collection.find_notes("")
        ]
        short = next(note for note in fields if note.get("Question") == bank.question("m4").prompt)
        assert spaced(short["Accepted"]) == "Accepté aussi : 4,2 millions / 4 200 000"
        cards = [collection.get_card(card_id) for card_id in collection.find_cards("")]
        true_false = next(
            card for card in cards if bank.question("m3").prompt in visible(card.question())
        )
        assert "Vrai" in visible(true_false.question()) and "Faux" in visible(true_false.question())
        assert "True" not in visible(true_false.answer())
        cloze = next(card for card in cards if "data-cloze" in card.question())
        assert FRENCH.cloze_instruction in visible(cloze.question())
    finally:
        collection.close()


def test_the_quiz_asks_and_answers_in_french(tmp_path):
    database = str(tmp_path / "progress.sqlite3")
    true_false = quiz_with_input(
        "quiz", str(FIXTURE), "--db", database, "--types", "true_false", answers="v\n"
    )
    assert true_false.returncode == 0, true_false.stderr
    assert FRENCH("ask_true_false") in true_false.stdout
    assert "✓ Juste." in true_false.stdout
    assert "Score\u00a0: 1 sur 1 (100\u00a0%)" in true_false.stdout
    multi = quiz_with_input(
        "quiz", str(FIXTURE), "--db", database, "--types", "multi", answers="1\n"
    )
    assert multi.returncode == 0, multi.stderr
    (answer_line,) = [
        line
        for line in multi.stdout.splitlines()
        if line.startswith(FRENCH("correct_answer", answer=""))
    ]
    assert answer_line.count(" / ") == 2, answer_line  # three correct options, one slash apart
    assert ENGLISH("correct_answer", answer="") not in multi.stdout


def test_the_grade_table_of_a_french_worksheet_is_in_french(tmp_path):
    built = quizgen_in(
        "worksheet", str(FIXTURE), "-o", "sheet.pdf", "--answers-out", "a.json", cwd=tmp_path
    )
    assert built.returncode == 0, built.stderr
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    (version,) = data["versions"]
    key = [question["response"] for question in version["questions"]]
    header = ["student", "version"] + [str(number) for number in range(1, len(key) + 1)]
    rows = [header, ["Ann", version["version"], *key]]
    (tmp_path / "class.csv").write_text("\n".join(";".join(row) for row in rows) + "\n")
    graded = quizgen_in("grade", "class.csv", "--answers", "a.json", cwd=tmp_path)
    assert graded.returncode == 0, graded.stderr
    assert FRENCH("grade_student") in graded.stdout and FRENCH("analysis_mean") in graded.stdout
    assert ENGLISH("grade_student") not in graded.stdout
