"""Decks imported into a real Anki collection (the official `anki` package), as a student would."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageRequest

from quizgen.core.loader import load_bank
from quizgen.text.normalize import fold_for_evidence, strip_arabic_marks

REPOSITORY = Path(__file__).resolve().parent.parent
ARABIC_FIXTURE = REPOSITORY / "tests" / "fixtures" / "arabic"
ARABIC_BANK = ARABIC_FIXTURE / "question_bank" / "arabic-fixture.yaml"
ARABIC_SEED = ARABIC_FIXTURE / "seeds" / "kazakhstan-turkey.ar.txt"
FIXTURE = REPOSITORY / "tests" / "fixtures" / "anki"
ENGLISH_BANK = FIXTURE / "question_bank" / "riverside-library.yaml"
ENGLISH_SEED = FIXTURE / "seeds" / "riverside-library.en.txt"


def quizgen(*arguments: str, cwd: Path = REPOSITORY, epoch: int | None = None) -> str:
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        environment["SOURCE_DATE_EPOCH"] = str(epoch)
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", *arguments],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def import_package(collection: Collection, path: Path):
    request = ImportAnkiPackageRequest(
        package_path=str(path), options=collection._backend.get_import_anki_package_presets()
    )
    return collection.import_anki_package(request).log


def visible(card_html: str) -> str:
    """The text a student sees: no style, no tags, entities decoded, no zero-width joiners.

    A highlight can sit inside a word (و<mark>مدرعات</mark>), so inline tags vanish without a space.
    """
    text = re.sub(r"<style>.*?</style>", "", card_html, flags=re.DOTALL)
    text = re.sub(r"</?(?:mark|b|i|span)\b[^>]*>", "", text).replace("\u200d", "")
    return fold_for_evidence(html.unescape(re.sub(r"<[^>]+>", " ", text)))


def expected_cards(question) -> int:
    return {"cloze": len(question.deletions), "vocab": 2}.get(question.type, 1)


def questions_by_guid(bank):
    return {genanki.guid_for(bank.id, question.id): question for question in bank.questions}


def note_ids(collection: Collection, guid: str) -> list[int]:
    return collection.db.list("SELECT id FROM notes WHERE guid = ?", guid)


def copy_project(root: Path, bank: Path, seed: Path) -> Path:
    """A bank and its seed in the folder layout the bank's relative seed path expects."""
    (root / "question_bank").mkdir(parents=True)
    (root / "seeds").mkdir()
    shutil.copy(bank, root / "question_bank" / bank.name)
    shutil.copy(seed, root / "seeds" / seed.name)
    return root / "question_bank" / bank.name


@pytest.fixture
def collection(tmp_path):
    opened = Collection(str(tmp_path / "collection.anki2"))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def arabic_import(tmp_path_factory):
    folder = tmp_path_factory.mktemp("arabic")
    package = folder / "deck.apkg"
    quizgen("anki", str(ARABIC_BANK), "-o", str(package))
    opened = Collection(str(folder / "collection.anki2"))
    log = import_package(opened, package)
    yield opened, log, load_bank(ARABIC_BANK)
    opened.close()


def cards_with_questions(collection: Collection, bank):
    by_guid = questions_by_guid(bank)
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        yield card, by_guid[card.note().guid]


def test_arabic_bank_imports_with_one_note_per_item_and_its_cards(arabic_import):
    collection, log, bank = arabic_import
    assert len(log.new) == len(bank.questions) and not log.duplicate and not log.conflicting
    assert collection.note_count() == len(bank.questions)
    assert collection.card_count() == sum(expected_cards(q) for q in bank.questions)
    per_note = Counter(card.nid for card, _ in cards_with_questions(collection, bank))
    for card, question in cards_with_questions(collection, bank):
        assert per_note[card.nid] == expected_cards(question), question.id


def test_every_card_has_a_front_and_a_back_with_evidence_and_source(arabic_import):
    collection, _, bank = arabic_import
    for card, question in cards_with_questions(collection, bank):
        front, back = card.question(), card.answer()
        assert visible(front), question.id
        assert len(visible(back)) > len(visible(front)), question.id
        assert bank.article.title in back and bank.article.author in back
        assert f"{bank.id}/{question.id}" in back
        if question.type != "vocab":
            assert "<mark>" in back and "الفقرة" in back, question.id
            assert html.escape(question.explanation) in back


def test_cloze_fronts_hide_their_deletion_and_backs_show_it(arabic_import):
    collection, _, bank = arabic_import
    seen = 0
    for card, question in cards_with_questions(collection, bank):
        if question.type == "cloze":
            deletion = question.deletions[card.ord]
            assert deletion not in visible(card.question()), question.id
            assert "[...]" in visible(card.question())
            assert deletion in visible(card.answer())
            seen += 1
    assert seen == sum(len(q.deletions) for q in bank.questions if q.type == "cloze")


def test_arabic_cards_are_right_to_left_with_arabic_labels(arabic_import):
    collection, _, bank = arabic_import
    for card, question in cards_with_questions(collection, bank):
        front = card.question()
        assert "direction: rtl" in front and '"Amiri"' in front
        assert card.note().note_type()["name"].endswith("(right to left)")
        if question.type in ("mcq", "multi"):
            labels = re.findall(r'<span class="label">([^<]+)</span>', front)
            assert labels == ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح"][: len(question.options)]
            answer = visible(card.answer())
            assert all(option.text in answer for option in question.correct_options)
        if question.type == "true_false":
            assert "صح" in visible(front) and "خطأ" in visible(front)


def test_a_quote_starting_inside_a_word_is_marked_joined_only_after_a_joining_letter(
    arabic_import,
):
    """a30 quotes روسيا out of لروسيا (lam joins forward); a09 quotes مدرعات out of ومدرعات (waw
    does not): joiners keep the first word's letters joined across the mark, and only there."""
    collection, _, bank = arabic_import
    backs = {
        question.id: card.answer() for card, question in cards_with_questions(collection, bank)
    }
    assert "ل\u200d<mark>\u200dروسيا" in backs["a30"]
    assert "و<mark>مدرعات" in backs["a09"]


def test_short_answers_are_typed_against_a_diacritic_free_answer(arabic_import):
    collection, _, bank = arabic_import
    for card, question in cards_with_questions(collection, bank):
        if question.type == "short":
            assert "[[type:nc:Answer]]" in card.question()
            expected = html.escape(strip_arabic_marks(question.answers[0]))
            assert card.note()["Answer"] == expected


def test_vocab_cards_go_both_ways_with_the_passage_sentence(arabic_import):
    collection, _, bank = arabic_import
    for card, question in cards_with_questions(collection, bank):
        if question.type == "vocab":
            front, back = visible(card.question()), visible(card.answer())
            sentence = fold_for_evidence(question.sentence)
            before, _, after = sentence.partition(fold_for_evidence(question.term))
            if card.ord == 0:
                assert sentence in front and question.gloss in back
            else:
                assert question.gloss in front and question.term not in front
                assert before.strip() in front and after.strip() in front
                assert question.term in back


def test_tags_carry_passage_type_difficulty_and_bank_tags(arabic_import):
    collection, _, bank = arabic_import
    for card, question in cards_with_questions(collection, bank):
        tags = set(card.note().tags)
        assert {f"passage::{p}" for p in question.passages} <= tags
        assert {f"type::{question.type}", f"difficulty::{question.difficulty}"} <= tags
        assert {"_".join(tag.split()) for tag in question.tags} <= tags


def test_rebuilt_deck_updates_notes_in_place_and_keeps_review_history(tmp_path, collection):
    bank_path = copy_project(tmp_path / "project", ARABIC_BANK, ARABIC_SEED)
    bank = load_bank(bank_path)
    edited = next(q for q in bank.questions if q.type == "mcq")
    package = tmp_path / "deck.apkg"
    quizgen("anki", str(bank_path), "-o", str(package), epoch=1_700_000_000)
    assert len(import_package(collection, package).new) == len(bank.questions)

    guid = genanki.guid_for(bank.id, edited.id)
    (note_id,) = note_ids(collection, guid)
    card = collection.get_card(collection.find_cards(f"nid:{note_id}")[0])
    card.start_timer()
    collection.sched.answerCard(card, 3)
    reviews = collection.db.scalar("SELECT count() FROM revlog WHERE cid = ?", card.id)
    assert reviews == 1

    new_prompt = f"{edited.prompt} (نسخة معدلة)"
    text = bank_path.read_text(encoding="utf-8")
    assert text.count(f"prompt: {edited.prompt}\n") == 1
    text = text.replace(f"prompt: {edited.prompt}\n", f"prompt: {new_prompt}\n")
    added_id = "anki-test-added"
    assert added_id not in {q.id for q in bank.questions}
    text = text.rstrip("\n") + (
        f"\n\n  - id: {added_id}\n"
        "    type: true_false\n"
        "    passages: [p4]\n"
        "    prompt: كازاخستان عضو مؤسس في منظمة معاهدة الأمن الجماعي.\n"
        "    answer: true\n"
        "    evidence:\n"
        "      - بما أن كازاخستان عضو مؤسس في منظمة معاهدة الأمن الجماعي\n"
        "    explanation: يذكر المقال ذلك صراحة.\n"
        "    difficulty: 1\n"
    )
    bank_path.write_text(text, encoding="utf-8")
    quizgen("anki", str(bank_path), "-o", str(package), epoch=1_700_000_100)
    log = import_package(collection, package)

    assert len(log.new) == 1 and len(log.updated) == len(bank.questions) and not log.conflicting
    assert collection.note_count() == len(bank.questions) + 1
    guids = collection.db.list("SELECT guid FROM notes")
    assert len(guids) == len(set(guids))
    assert note_ids(collection, guid) == [note_id]
    assert collection.get_note(note_id)["Question"] == html.escape(new_prompt)
    assert collection.db.scalar("SELECT count() FROM revlog WHERE cid = ?", card.id) == reviews
    assert collection.get_card(card.id).reps == 1
    (added,) = note_ids(collection, genanki.guid_for(bank.id, added_id))
    assert len(collection.find_cards(f"nid:{added}")) == 1

    # With SOURCE_DATE_EPOCH unchanged, Anki sees the notes as not newer and keeps its copies:
    # the documented reason to raise SOURCE_DATE_EPOCH with every change.
    bank_path.write_text(text.replace(new_prompt, "سؤال آخر"), encoding="utf-8")
    quizgen("anki", str(bank_path), "-o", str(package), epoch=1_700_000_100)
    log = import_package(collection, package)
    assert not log.updated and not log.new
    assert collection.get_note(note_id)["Question"] == html.escape(new_prompt)


def test_english_bank_is_left_to_right_with_latin_labels(tmp_path, collection):
    package = tmp_path / "english.apkg"
    quizgen("anki", str(ENGLISH_BANK), "-o", str(package))
    import_package(collection, package)
    bank = load_bank(ENGLISH_BANK)
    assert collection.card_count() == sum(expected_cards(q) for q in bank.questions)
    for card, question in cards_with_questions(collection, bank):
        front = card.question()
        assert "direction: ltr" in front and "direction: rtl" not in front
        assert card.note().note_type()["name"].endswith("(left to right)")
        assert visible(card.answer())
        if question.type == "mcq":
            assert re.findall(r'<span class="label">([^<]+)</span>', front) == ["A", "B", "C", "D"]
        if question.type == "true_false":
            assert "True" in visible(front) and visible(card.answer()).count("False") == 2


def test_markup_in_a_bank_is_shown_as_text(tmp_path, collection):
    bank_path = copy_project(tmp_path / "project", ENGLISH_BANK, ENGLISH_SEED)
    text = bank_path.read_text(encoding="utf-8")
    hostile = "Is 1 < 2 & <script>alert('x')</script> <b>safe</b>?"
    text = text.replace(
        "prompt: How long did the renovation of the library last?", f'prompt: "{hostile}"'
    )
    text = text.replace("- text: One year", "- text: <img src=x onerror=alert(1)>")
    bank_path.write_text(text, encoding="utf-8")
    package = tmp_path / "deck.apkg"
    quizgen("anki", str(bank_path), "-o", str(package))
    import_package(collection, package)
    fronts = [collection.get_card(card_id).question() for card_id in collection.find_cards("")]
    (front,) = [card_html for card_html in fronts if "alert" in card_html]
    assert "<script" not in front and "<b>" not in front and "<img" not in front
    assert "Is 1 &lt; 2 &amp; &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in front
    assert hostile in visible(front)
    cloze = next(card_html for card_html in fronts if "data-cloze" in card_html)
    assert "regional fund &amp; " in cloze


def test_subdecks_by_passage_and_by_type_under_a_chosen_deck_name(tmp_path, collection):
    bank = load_bank(ENGLISH_BANK)
    by_guid = questions_by_guid(bank)
    for subdecks in ("by-passage", "by-type"):
        package = tmp_path / f"{subdecks}.apkg"
        quizgen(
            "anki", str(ENGLISH_BANK), "-o", str(package),
            "--deck-name", f"Reading::{subdecks}", "--subdecks", subdecks,
        )  # fmt: skip
        import_package(collection, package)
    names = {"mcq": "Multiple choice", "cloze": "Cloze", "vocab": "Vocabulary"}
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        question = by_guid[card.note().guid]
        deck = collection.decks.name(card.did)
        assert deck.startswith("Reading::by-passage::") or deck.startswith("Reading::by-type::")
        if deck.startswith("Reading::by-passage::"):
            assert deck == f"Reading::by-passage::Passage {question.passages[0][1:]}"
        elif question.type in names:
            assert deck == f"Reading::by-type::{names[question.type]}"


def test_filters_and_two_banks_in_one_deck(tmp_path, collection):
    package = tmp_path / "both.apkg"
    output = quizgen(
        "anki", str(ARABIC_BANK), str(ENGLISH_BANK), "-o", str(package),
        "--types", "cloze,vocab", "--difficulty", "1-2",
    )  # fmt: skip
    import_package(collection, package)
    banks = [load_bank(ARABIC_BANK), load_bank(ENGLISH_BANK)]
    chosen = {
        genanki.guid_for(bank.id, q.id): (bank, q)
        for bank in banks
        for q in bank.questions
        if q.type in ("cloze", "vocab") and q.difficulty in (1, 2)
    }
    assert f"{len(chosen)} notes" in output
    assert collection.note_count() == len(chosen)
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        bank, _ = chosen[card.note().guid]
        assert collection.decks.name(card.did) == f"quizgen::{bank.title}"
        direction = "rtl" if bank.language == "ar" else "ltr"
        assert f"direction: {direction}" in card.question()


def test_an_epoch_before_1980_still_gives_valid_ids(tmp_path, collection):
    package = tmp_path / "epoch-zero.apkg"
    quizgen("anki", str(ENGLISH_BANK), "-o", str(package), epoch=0)
    assert len(import_package(collection, package).new) == len(load_bank(ENGLISH_BANK).questions)
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        assert card.note().guid and visible(card.question())
