"""The Anki build without Anki: escaped fields, evidence in context, identity, note types, files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import genanki
import pytest

from quizgen.anki.deck import DeckOptions, build_deck, note_guid, note_tags
from quizgen.anki.fields import BankContext, cloze_text, note_content
from quizgen.anki.models import MODEL_IDS, NOTE_TYPES, genanki_model
from quizgen.core.errors import QuizgenError
from quizgen.core.loader import load_bank
from quizgen.core.model import Evidence, Option, Pair
from quizgen.core.select import select_questions
from quizgen.html import evidence_blocks, passage_texts

REPOSITORY = Path(__file__).resolve().parent.parent
ARABIC_PROJECT = REPOSITORY / "tests" / "fixtures" / "arabic"
ARABIC_BANK = ARABIC_PROJECT / "question_bank" / "arabic-fixture.yaml"
ENGLISH_BANK = (
    REPOSITORY / "tests" / "fixtures" / "anki" / "question_bank" / "riverside-library.yaml"
)
HOSTILE = "<script>alert('x')</script> & <b>"


def quizgen(*arguments: str, cwd: Path = ARABIC_PROJECT, epoch: str | None = None):
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        environment["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *arguments],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def english():
    return load_bank(ENGLISH_BANK)


@pytest.fixture(scope="module")
def arabic():
    return load_bank(ARABIC_BANK)


def hostile_copy(question):
    """Every free text of the question replaced by markup; evidence and sentences must stay."""
    return replace(
        question,
        prompt=HOSTILE if question.prompt else "",
        explanation=HOSTILE,
        options=tuple(
            Option(f"{HOSTILE} {index}", option.correct)
            for index, option in enumerate(question.options)
        ),
        answers=tuple(f"{HOSTILE} {index}" for index, _ in enumerate(question.answers)),
        pairs=tuple(
            Pair(f"{HOSTILE} L{index}", f"{HOSTILE} R{index}")
            for index, _ in enumerate(question.pairs)
        ),
        items=tuple(f"{HOSTILE} {index}" for index, _ in enumerate(question.items)),
        gloss=HOSTILE if question.gloss else "",
        definition=HOSTILE if question.definition else "",
    )


def test_every_field_of_every_type_escapes_bank_text(english):
    context = BankContext.of(english)
    for question in english.questions:
        fields = note_content(hostile_copy(question), context).fields
        joined = "\x1f".join(fields)
        assert "<script" not in joined and "<b>" not in joined, question.type
        if question.type not in ("cloze", "vocab"):
            assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;" in joined


def test_cloze_text_escapes_first_then_adds_markup():
    sentence = "if a < b & {{c9::x}} then b: stop"
    assert cloze_text(sentence, ("b", "stop")) == (
        "if a &lt; {{c1::b}} &amp; &#123;&#123;c9&#58;&#58;x&#125;&#125; then b&#58; {{c2::stop}}"
    )


def test_cloze_numbers_deletions_in_sentence_order(english):
    question = next(q for q in english.questions if q.type == "cloze")
    text = note_content(question, BankContext.of(english)).fields[0]
    for number, deletion in enumerate(question.deletions, start=1):
        assert f"{{{{c{number}::{deletion}}}}}" in text
    assert "&amp;" in text


def test_evidence_is_shown_in_its_sentence_with_the_quote_marked(english):
    passages = passage_texts(english)
    question = next(q for q in english.questions if q.type == "matching")
    html = evidence_blocks(question.evidence_spans, passages, "Passage")
    assert html.count("<blockquote") == 3
    assert (
        "<mark>The architect, Tom Baker, designed the reading garden</mark> around an old oak "
        "tree.<cite>Passage 3</cite>"
    ) in html
    assert "<mark>Volunteers from the Smith &amp; Sons workshop run the repair café</mark>" in html


def test_quotes_in_one_sentence_share_a_block_and_a_quote_may_span_sentences(english):
    passages = passage_texts(english)
    quotes = {
        "p4": ("borrow tools", "as well as books"),
        "p1": ("queued before dawn", "café. Local"),
    }
    spans = []
    for passage_id, texts in quotes.items():
        folded = english.passage(passage_id).folded
        for quote in texts:
            start = folded.index(quote)
            spans.append(Evidence(quote, passage_id, start, start + len(quote)))
    blocks = evidence_blocks(spans, passages, "Passage").split("</blockquote>")[:-1]
    assert blocks == [
        '<blockquote class="evidence">Visitors can now <mark>borrow tools</mark> '
        "<mark>as well as books</mark>.<cite>Passage 4</cite>",
        '<blockquote class="evidence">The building now has a reading garden, a children&#x27;s '
        "wing and a repair <mark>café. Local</mark> residents <mark>queued before dawn</mark> "
        "to see the changes.<cite>Passage 1</cite>",
    ]


def test_tags_name_passage_type_difficulty_and_bank_tags_without_spaces(english):
    question = english.questions[0]
    assert note_tags(question) == [
        "passage::p1",
        "type::mcq",
        "difficulty::1",
        "dates",
        "building_work",
    ]


def test_guid_depends_on_bank_and_question_id_only(english, arabic):
    question = english.questions[0]
    edited = replace(question, prompt="Another prompt", explanation="Changed")
    assert note_guid(english, edited) == note_guid(english, question)
    assert note_guid(english, question) == genanki.guid_for(english.id, question.id)
    assert note_guid(english, english.questions[1]) != note_guid(english, question)
    assert note_guid(arabic, question) != note_guid(english, question)


# The permanent shape of every note type. Anki refuses to update notes whose note type changed
# field or template names under the same id: such a change needs a new id and a migration note
# in docs/anki.md, then an update of this table.
PERMANENT_NOTE_TYPES = {
    ("question", "rtl"): 1586021624,
    ("question", "ltr"): 1123410171,
    ("type_in", "rtl"): 1292074657,
    ("type_in", "ltr"): 1543218022,
    ("cloze", "rtl"): 1844849236,
    ("cloze", "ltr"): 1979260467,
    ("vocab", "rtl"): 1148993218,
    ("vocab", "ltr"): 2095356666,
}
PERMANENT_SCHEMAS = {
    "question": (
        ("Question", "Choices", "Answer", "Explanation", "Evidence", "Source"),
        ("Question",),
    ),
    "type_in": (
        ("Question", "Answer", "Accepted", "Explanation", "Evidence", "Source"),
        ("Type the answer",),
    ),
    "cloze": (("Text", "Instruction", "Explanation", "Evidence", "Source"), ("Cloze",)),
    "vocab": (
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
        ("Term to gloss", "Gloss to term"),
    ),
}


def test_note_type_ids_fields_and_templates_are_permanent():
    assert MODEL_IDS == PERMANENT_NOTE_TYPES
    for (kind, direction), model_id in PERMANENT_NOTE_TYPES.items():
        model = genanki_model(kind, direction)
        fields, templates = PERMANENT_SCHEMAS[kind]
        assert model.model_id == model_id
        assert tuple(field["name"] for field in model.fields) == fields
        assert tuple(template["name"] for template in model.templates) == templates
        assert f"direction: {direction}" in model.css
        assert all(field["rtl"] == (direction == "rtl") for field in model.fields)
    assert "{{type:nc:Answer}}" in NOTE_TYPES["type_in"].templates[0][1]


def test_css_fonts_size_and_night_mode():
    rtl, ltr = genanki_model("question", "rtl").css, genanki_model("question", "ltr").css
    assert rtl.index('"Amiri"') < rtl.index('"Noto Naskh Arabic"') < rtl.index("system-ui")
    assert "font-size: 24px" in rtl and "font-size: 20px" in ltr
    for css in (rtl, ltr):
        assert ".nightMode .card" in css and ".night_mode .card" in css


def test_a_note_without_its_cards_stops_the_build(english):
    cloze = next(q for q in english.questions if q.type == "cloze")
    for broken in (
        replace(cloze, deletions=()),
        replace(cloze, deletions=(cloze.deletions[0], "not in the sentence")),
    ):
        bank = replace(english, questions=(broken,))
        with pytest.raises(QuizgenError, match=f"{cloze.id}: this cloze item would give"):
            build_deck([bank], select_questions([bank]), DeckOptions())


def test_deck_name_with_an_empty_part_is_refused(english):
    with pytest.raises(QuizgenError, match="empty part"):
        build_deck([english], select_questions([english]), DeckOptions(deck_name="A::::B"))


def zip_entries(path: Path) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(path) as archive:
        return archive.infolist()


def collection_rows(path: Path, tmp_path: Path, query: str) -> list[tuple]:
    database = tmp_path / f"{path.stem}.anki2"
    with zipfile.ZipFile(path) as archive:
        database.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(database)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def test_source_date_epoch_gives_byte_identical_packages(tmp_path):
    first, second, later = (
        tmp_path / "first.apkg",
        tmp_path / "second.apkg",
        tmp_path / "later.apkg",
    )
    for path, epoch in ((first, "1700000000"), (second, "1700000000"), (later, "1700000001")):
        result = quizgen("anki", "-o", str(path), epoch=epoch)
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != later.read_bytes()
    assert [entry.date_time for entry in zip_entries(first)] == [(2023, 11, 14, 22, 13, 20)] * 2
    note_times = collection_rows(first, tmp_path, "SELECT DISTINCT mod FROM notes")
    assert note_times == [(1700000000,)]


def test_without_source_date_epoch_notes_carry_the_build_time(tmp_path):
    path = tmp_path / "deck.apkg"
    before = int(time.time())
    result = quizgen("anki", "-o", str(path))
    after = int(time.time())
    assert result.returncode == 0, result.stderr
    for table in ("notes", "cards"):
        (low, high), *_ = collection_rows(path, tmp_path, f"SELECT min(mod), max(mod) FROM {table}")
        assert before <= low <= high <= after


def test_invalid_source_date_epoch_is_a_clear_error(tmp_path):
    path = tmp_path / "deck.apkg"
    result = quizgen("anki", "-o", str(path), epoch="yesterday")
    assert result.returncode == 1
    assert "SOURCE_DATE_EPOCH='yesterday' is not a number of seconds" in result.stderr
    assert not path.exists()


def test_missing_output_folder_is_a_clear_error(tmp_path):
    path = tmp_path / "no-such-folder" / "deck.apkg"
    result = quizgen("anki", "-o", str(path))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert not path.parent.exists()


def test_default_output_is_out_slash_bank_id(tmp_path):
    project = tmp_path / "project"
    (project / "question_bank").mkdir(parents=True)
    (project / "seeds").mkdir()
    fixture = ENGLISH_BANK.parent.parent
    for name in ("question_bank/riverside-library.yaml", "seeds/riverside-library.en.txt"):
        (project / name).write_bytes((fixture / name).read_bytes())
    result = quizgen("anki", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "out" / "riverside-library.apkg").is_file()
    assert "Wrote out/riverside-library.apkg: 8 notes, 10 cards" in result.stdout


def test_default_folder_that_is_a_file_is_a_clear_error(tmp_path):
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    result = quizgen("anki", str(ENGLISH_BANK), cwd=tmp_path)
    assert result.returncode == 1
    assert "cannot create the folder out" in result.stderr and "Traceback" not in result.stderr


def test_a_broken_bank_writes_nothing(tmp_path):
    project = tmp_path / "project"
    (project / "question_bank").mkdir(parents=True)
    (project / "seeds").mkdir()
    fixture = ENGLISH_BANK.parent.parent
    text = (fixture / "question_bank/riverside-library.yaml").read_text(encoding="utf-8")
    (project / "question_bank/riverside-library.yaml").write_text(
        text.replace("passages: [p4]", "passages: [p9]"), encoding="utf-8"
    )
    seed = "seeds/riverside-library.en.txt"
    (project / seed).write_bytes((fixture / seed).read_bytes())
    output = tmp_path / "deck.apkg"
    result = quizgen("anki", "-o", str(output), cwd=project)
    assert result.returncode == 1
    assert "e3: unknown passage id 'p9'" in result.stderr
    assert not output.exists() and not (project / "out").exists()
