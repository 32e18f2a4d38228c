"""`quizgen worksheet` as a teacher runs it: outputs, options, and clear errors without half files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from quizgen.typesetting.fonts import default_font_paths

ARABIC_PROJECT = Path(__file__).resolve().parent / "fixtures" / "arabic"


def quizgen(*arguments: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *arguments],
        cwd=ARABIC_PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_writes_the_worksheet_and_key_and_says_so(tmp_path):
    worksheet, key = tmp_path / "worksheet.pdf", tmp_path / "key.pdf"
    result = quizgen(
        "worksheet", "-o", str(worksheet), "--key", str(key), "--count", "6", "--versions", "2"
    )
    assert result.returncode == 0, result.stderr
    assert f"Wrote {worksheet}" in result.stdout and str(key) in result.stdout
    assert "2 versions" in result.stdout
    for path in (worksheet, key):
        assert path.read_bytes().startswith(b"%PDF-1.5")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["key.pdf", "worksheet.pdf"]


def test_same_command_twice_gives_identical_files_across_processes(tmp_path):
    outputs = []
    for run in range(2):
        path = tmp_path / f"run{run}.pdf"
        key = tmp_path / f"key{run}.pdf"
        result = quizgen(
            "worksheet",
            "-o",
            str(path),
            "--key",
            str(key),
            "--count",
            "8",
            "--seed",
            "4",
            "--versions",
            "3",
        )
        assert result.returncode == 0, result.stderr
        outputs.append((path.read_bytes(), key.read_bytes()))
    assert outputs[0] == outputs[1]


def test_unknown_type_is_refused_with_the_valid_ones_and_no_file(tmp_path):
    path = tmp_path / "worksheet.pdf"
    result = quizgen("worksheet", "-o", str(path), "--types", "mcq,essay")
    assert result.returncode in (1, 2)
    assert "essay" in result.stderr and "mcq" in result.stderr
    assert "Traceback" not in result.stderr
    assert not path.exists()


def test_missing_output_folder_is_a_clear_error_and_nothing_is_written(tmp_path):
    path = tmp_path / "missing" / "worksheet.pdf"
    result = quizgen("worksheet", "-o", str(path))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "missing").exists()


def test_an_unwritable_key_stops_before_the_worksheet_is_written(tmp_path):
    worksheet = tmp_path / "worksheet.pdf"
    result = quizgen("worksheet", "-o", str(worksheet), "--key", str(tmp_path / "no" / "key.pdf"))
    assert result.returncode == 1 and "does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_worksheet_and_key_must_be_different_files(tmp_path):
    path = tmp_path / "same.pdf"
    result = quizgen("worksheet", "-o", str(path), "--key", str(path))
    assert result.returncode == 1 and "different files" in result.stderr
    assert not path.exists()


def test_output_over_the_bank_is_refused(tmp_path):
    bank = ARABIC_PROJECT / "question_bank" / "arabic-fixture.yaml"
    before = bank.read_bytes()
    result = quizgen("worksheet", "-o", str(bank))
    assert result.returncode == 1 and "refusing to write" in result.stderr
    assert bank.read_bytes() == before


def test_a_file_that_is_not_a_truetype_font_is_refused(tmp_path):
    font = tmp_path / "font.ttf"
    font.write_text("not a font")
    result = quizgen("worksheet", "-o", str(tmp_path / "w.pdf"), "--font", str(font))
    assert result.returncode == 1
    assert "cannot use font" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "w.pdf").exists()


def test_another_truetype_font_is_embedded_instead_of_amiri(tmp_path):
    _, bold = default_font_paths()
    path = tmp_path / "w.pdf"
    result = quizgen("worksheet", "-o", str(path), "--count", "4", "--font", str(bold))
    assert result.returncode == 0, result.stderr
    names = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"]["/Font"]
        names.update(str(fonts[key].get_object()["/BaseFont"]).split("+")[1] for key in fonts)
    assert names == {"Amiri-Bold"}


def test_letter_paper(tmp_path):
    path = tmp_path / "w.pdf"
    result = quizgen("worksheet", "-o", str(path), "--count", "3", "--paper", "letter")
    assert result.returncode == 0, result.stderr
    box = PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_bad_option_values_are_usage_errors(tmp_path):
    for arguments in (["--versions", "0"], ["--paper", "a3"], ["--digits", "roman"]):
        result = quizgen("worksheet", "-o", str(tmp_path / "w.pdf"), *arguments)
        assert result.returncode == 2, arguments
        assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_malformed_source_date_epoch_is_a_clear_error(tmp_path):
    path = tmp_path / "w.pdf"
    result = quizgen(
        "worksheet", "-o", str(path), "--count", "2", env={"SOURCE_DATE_EPOCH": "yesterday"}
    )
    assert result.returncode == 1 and "SOURCE_DATE_EPOCH" in result.stderr
    assert not path.exists()


def test_help_names_every_option():
    result = quizgen("worksheet", "--help")
    assert result.returncode == 0
    for option in (
        "--key",
        "--count",
        "--types",
        "--passages",
        "--difficulty",
        "--seed",
        "--versions",
        "--with-passages",
        "--paper",
        "--title",
        "--digits",
        "--font",
    ):
        assert option in result.stdout
