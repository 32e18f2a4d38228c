"""`quizgen new` in an empty folder: the normalized seed, a bank that checks, examples that are valid
once uncommented, and nothing overwritten."""

from __future__ import annotations

import re

from bank_builder import SEED as ARABIC_SEED
from english_bank import SEED as ENGLISH_SEED
from run_quizgen import quizgen

from quizgen.core import load_bank
from quizgen.core.model import QUESTION_TYPES
from quizgen.core.seed import split_blocks
from quizgen.core.starter import EXAMPLES, WORDS, guess_header_blocks


def uncomment_examples(text: str) -> str:
    """What a teacher does: remove the '# ' before each example question's lines."""
    return re.sub(r"^  # (- |  )", r"  \1", text, flags=re.MULTILINE)


def test_every_question_type_has_an_example():
    assert set(EXAMPLES) == set(QUESTION_TYPES)
    assert all(set(words) == set(WORDS["en"]) for words in WORDS.values())


def test_new_in_an_empty_folder_writes_a_normalized_seed_and_a_bank_that_checks(tmp_path):
    article = tmp_path / "Aral Sea.txt"
    article.write_bytes(b"\xef\xbb\xbf" + ENGLISH_SEED.read_bytes().replace(b"\n", b"\r\n"))
    project = tmp_path / "project"
    project.mkdir()
    result = quizgen("new", str(article), "--lang", "en", cwd=project)
    assert result.returncode == 0, result.stderr
    seed = project / "seeds" / "aral-sea.en.txt"
    bank_path = project / "question_bank" / "aral-sea.yaml"
    assert seed.read_bytes() == ENGLISH_SEED.read_bytes()  # UTF-8, no BOM, LF
    assert "Header (guessed): 3 block(s) before the passages." in result.stdout
    assert "--metadata-blocks" in result.stdout
    assert result.stdout.splitlines()[-1] == "  quizgen quiz question_bank/aral-sea.yaml"
    text = bank_path.read_text(encoding="utf-8")
    assert '    title: "The Shrinking Aral Sea"' in text
    assert '    date: "March 2024"' in text
    assert "#   p4  In 2005 Kazakhstan finished the Kokaral dam" in text
    checked = quizgen("check", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert "OK: 1 bank(s), 0 items" in checked.stdout


def test_the_examples_are_valid_once_uncommented_and_filled_in(tmp_path):
    assert (
        quizgen("new", str(ENGLISH_SEED), "--lang", "en", "--id", "aral", cwd=tmp_path).returncode
        == 0
    )
    bank_path = tmp_path / "question_bank" / "aral.yaml"
    text = uncomment_examples(bank_path.read_text(encoding="utf-8"))
    filled = text.replace(
        '"Write the question here?"', '"Which countries does the Aral Sea lie between?"'
    ).replace('"right answer"', '"Kazakhstan and Uzbekistan"')
    bank_path.write_text(filled, encoding="utf-8")
    result = quizgen("check", str(bank_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    bank = load_bank(bank_path)
    assert [question.type for question in bank.questions] == list(QUESTION_TYPES)
    assert bank.questions[0].prompt == "Which countries does the Aral Sea lie between?"


def test_an_arabic_article_gets_its_header_guessed_and_arabic_examples(tmp_path):
    result = quizgen("new", str(ARABIC_SEED), "--lang", "ar", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Header (guessed): 5 block(s)" in result.stdout
    bank_path = tmp_path / "question_bank" / "kazakhstan-turkey.yaml"
    text = uncomment_examples(bank_path.read_text(encoding="utf-8"))
    assert WORDS["ar"]["question"] in text
    assert '    source: "Le Monde"' in text
    bank_path.write_text(text, encoding="utf-8")
    assert len(load_bank(bank_path).questions) == 8


def test_new_never_overwrites(tmp_path):
    assert quizgen("new", str(ENGLISH_SEED), "--lang", "en", cwd=tmp_path).returncode == 0
    bank_path = tmp_path / "question_bank" / "aral-sea.yaml"
    bank_path.write_text("edited", encoding="utf-8")
    again = quizgen("new", str(ENGLISH_SEED), "--lang", "en", cwd=tmp_path)
    assert again.returncode == 1
    assert "already exists and is never overwritten" in again.stderr
    assert bank_path.read_text(encoding="utf-8") == "edited"


def test_an_article_already_saved_as_the_seed_is_used_in_place(tmp_path):
    (tmp_path / "seeds").mkdir()
    seed = tmp_path / "seeds" / "aral.en.txt"
    seed.write_bytes(ENGLISH_SEED.read_bytes())
    result = quizgen("new", "seeds/aral.en.txt", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "the article is already in place as seeds/aral.en.txt" in result.stdout
    assert quizgen("check", cwd=tmp_path).returncode == 0
    crlf = tmp_path / "seeds" / "crlf.en.txt"
    crlf.write_bytes(ENGLISH_SEED.read_bytes().replace(b"\n", b"\r\n"))
    refused = quizgen("new", "seeds/crlf.en.txt", "--lang", "en", cwd=tmp_path)
    assert refused.returncode == 1 and "is the article itself" in refused.stderr
    assert b"\r\n" in crlf.read_bytes()


def test_the_header_count_title_and_id_can_be_given(tmp_path):
    result = quizgen(
        "new", str(ENGLISH_SEED), "--lang", "en", "--metadata-blocks", "1",
        "--title", "Aral", "--id", "lake", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Header (as given): 1 block(s)" in result.stdout
    bank = (tmp_path / "question_bank" / "lake.yaml").read_text(encoding="utf-8")
    assert "metadata_blocks: 1" in bank and '  title: "Aral"' in bank
    assert "#   p1  By a staff writer" in bank


def test_bad_input_is_a_clear_error(tmp_path):
    bad_language = quizgen("new", str(ENGLISH_SEED), "--lang", "english!", cwd=tmp_path)
    assert bad_language.returncode == 1 and "not a BCP 47 language tag" in bad_language.stderr
    missing = quizgen("new", "nothere.txt", "--lang", "en", cwd=tmp_path)
    assert missing.returncode == 1 and "nothere.txt: no such file" in missing.stderr
    too_many = quizgen(
        "new", str(ENGLISH_SEED), "--lang", "en", "--metadata-blocks", "7", cwd=tmp_path
    )
    assert too_many.returncode == 1 and "the header can be 0 to 6" in too_many.stderr
    assert not (tmp_path / "question_bank").exists()


def test_paragraphs_on_single_lines_become_passages(tmp_path):
    article = tmp_path / "lines.txt"
    article.write_text("A Title\nFirst paragraph here.\nSecond paragraph here.\n", encoding="utf-8")
    result = quizgen("new", str(article), "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "a blank line now separates them" in result.stdout
    seed = (tmp_path / "seeds" / "lines.en.txt").read_text(encoding="utf-8")
    assert seed == "A Title\n\nFirst paragraph here.\n\nSecond paragraph here.\n"


def test_header_guess_stops_at_the_first_sentence():
    assert guess_header_blocks(split_blocks(ENGLISH_SEED.read_text(encoding="utf-8"))) == 3
    assert guess_header_blocks(["Title", "Body sentence."]) == 1
    assert guess_header_blocks(["Only a title"]) == 0  # a passage must remain
    assert guess_header_blocks(["عنوان المقال", "هل هذه جملة؟", "نص"]) == 1
