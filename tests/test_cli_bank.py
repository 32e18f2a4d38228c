"""The bank commands end to end, as a user runs them: check, passages, dump, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from bank_builder import BANK, REPOSITORY, write_project

from quizgen.core import load_bank
from quizgen.core.model import QUESTION_TYPES

ARABIC_PROJECT = REPOSITORY / "tests" / "fixtures" / "arabic"


def quizgen(*arguments: str, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_passes_with_a_summary_of_items_types_and_passages():
    result = quizgen("check", cwd=ARABIC_PROJECT)
    assert result.returncode == 0, result.stderr
    bank = load_bank(ARABIC_PROJECT / "question_bank" / "arabic-fixture.yaml")
    counts = Counter(q.type for q in bank.questions)
    by_type = ", ".join(f"{kind} {counts[kind]}" for kind in QUESTION_TYPES if counts[kind])
    covered = len({p for q in bank.questions for p in q.passages})
    expected = (
        f"OK: 1 bank(s), {len(bank.questions)} items ({by_type}), {covered}/9 passages covered"
    )
    assert result.stdout.strip().splitlines()[-1] == expected


def test_check_reports_problems_and_exits_1(tmp_path):
    path = write_project(tmp_path, BANK.replace("passages: [p4]", "passages: [p14]"))
    result = quizgen("check", str(path))
    assert result.returncode == 1
    assert (
        f"{path}:" in result.stderr
        and "m3: unknown passage id 'p14' (use one of p1..p9)" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert "1 error(s) found" in result.stderr


def test_check_defaults_to_question_bank_of_the_current_folder(tmp_path):
    write_project(tmp_path)
    result = quizgen("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "OK: 1 bank(s), 8 items" in result.stdout


def test_no_bank_found_is_a_clear_error(tmp_path):
    result = quizgen("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "no banks found under question_bank/" in result.stderr


def test_usage_errors_exit_2():
    result = quizgen("check", "--no-such-option")
    assert result.returncode == 2
    assert "No such option" in result.stderr


def test_passages_lists_and_prints(tmp_path):
    write_project(tmp_path)
    listing = quizgen("passages", cwd=tmp_path)
    assert listing.returncode == 0
    lines = listing.stdout.splitlines()
    assert [line.split()[0] for line in lines[1:]] == [f"p{n}" for n in range(1, 10)]
    bank = load_bank(tmp_path / "question_bank" / "mini.yaml")
    whole = quizgen("passages", "p7", cwd=tmp_path)
    assert whole.stdout.strip() == bank.passage("p7").text
    missing = quizgen("passages", "p10", cwd=tmp_path)
    assert missing.returncode == 1 and "no passage 'p10'" in missing.stderr


def test_dump_json_shape(tmp_path):
    path = write_project(tmp_path)
    result = quizgen("dump", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    (bank,) = document["banks"]
    assert {"id", "title", "language", "direction", "article", "passages", "questions"} <= set(bank)
    assert bank["direction"] == "rtl" and bank["language"] == "ar"
    assert {"title", "author", "date", "source"} <= set(bank["article"])
    assert [p["id"] for p in bank["passages"]] == [f"p{n}" for n in range(1, 10)]
    common = {"id", "type", "passages", "prompt", "evidence", "explanation", "tags", "difficulty"}
    by_id = {q["id"]: q for q in bank["questions"]}
    assert all(common <= set(q) for q in bank["questions"])
    assert by_id["m1"]["options"][0] == {"text": "22 كانون الأول 2021", "correct": True}
    assert by_id["m3"]["answer"] is True
    assert by_id["m5"]["deletions"] == ["آسيا الوسطى"]
    assert by_id["m6"]["pairs"][0] == {"left": "فلاديمير بوتين", "right": "الرئيس الروسي"}
    assert by_id["m8"]["gloss"] == "armoured vehicles"


def test_dump_refuses_a_broken_bank(tmp_path):
    path = write_project(tmp_path, BANK.replace("answer: true", "answer: maybe"))
    result = quizgen("dump", str(path))
    assert result.returncode == 1 and result.stdout == ""
    assert "'answer' must be true or false" in result.stderr


@pytest.mark.parametrize("command", ["check", "dump", "passages"])
def test_help_is_available(command):
    result = quizgen(command, "--help")
    assert result.returncode == 0 and "Usage:" in result.stdout


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--types", "mcqs", "unknown type(s) mcqs"),
        ("--passages", "p12", "unknown passage(s) p12"),
        ("--difficulty", "5", "difficulty must be 1, 2 or 3, not 5"),
        ("--difficulty", "easy", "'easy' is not a level"),
    ],
)
def test_a_filter_naming_nothing_is_a_usage_error(tmp_path, option, value, message):
    path = write_project(tmp_path)
    result = quizgen("anki", str(path), "-o", str(tmp_path / "deck.apkg"), option, value)
    assert result.returncode == 2
    assert f"Invalid value for '{option}'" in result.stderr and message in result.stderr
    assert not (tmp_path / "deck.apkg").exists()


def test_passages_help_write_a_new_bank_before_it_is_valid(tmp_path):
    text = "\n".join(line for line in BANK.splitlines() if "sha256" not in line)
    text = text.replace("passages: [p4]", "passages: [p44]") + "\n"
    path = write_project(tmp_path, text)
    assert quizgen("check", str(path)).returncode == 1
    listing = quizgen("passages", "--bank", str(path))
    assert listing.returncode == 0, listing.stderr
    assert [line.split()[0] for line in listing.stdout.splitlines()[1:]] == [
        f"p{n}" for n in range(1, 10)
    ]
    assert quizgen("passages", "--bank", str(path), "p3").stdout.startswith("لكن تشير توجهات")


def test_a_backwards_difficulty_range_is_a_usage_error(tmp_path):
    path = write_project(tmp_path)
    result = quizgen("anki", str(path), "-o", str(tmp_path / "deck.apkg"), "--difficulty", "3-1")
    assert result.returncode == 2 and "empty range" in result.stderr


def test_a_negative_metadata_block_count_is_reported(tmp_path):
    path = write_project(tmp_path, BANK.replace("metadata_blocks: 5", "metadata_blocks: -1"))
    result = quizgen("check", str(path))
    assert result.returncode == 1 and "metadata_blocks must be 0 or more" in result.stderr
