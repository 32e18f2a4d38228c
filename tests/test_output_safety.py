"""Outputs never overwrite a bank or its seed, and a bad target is a clear error that writes nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest
from bank_builder import SEED, write_project


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    "command",
    [
        ["anki", "{bank}", "-o", "{bank}"],
        ["anki", "{bank}", "-o", "{seed}"],
        ["worksheet", "{bank}", "-o", "{bank}"],
        ["worksheet", "{bank}", "-o", "{folder}/w.pdf", "--key", "{seed}"],
        ["quiz", "{bank}", "--db", "{bank}"],
    ],
)
def test_inputs_are_never_overwritten(tmp_path, command):
    bank = write_project(tmp_path)
    seed = tmp_path / "seeds" / SEED.name
    before = {path: path.read_bytes() for path in (bank, seed)}
    arguments = [part.format(bank=bank, seed=seed, folder=tmp_path) for part in command]
    result = run(*arguments)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.startswith("Error:")
    assert {path: path.read_bytes() for path in before} == before
    assert not (tmp_path / "w.pdf").exists()


@pytest.mark.parametrize("command", [["anki", "-o"], ["worksheet", "-o"]])
def test_missing_folder_is_a_clear_error(tmp_path, command):
    bank = write_project(tmp_path)
    target = tmp_path / "missing" / "output.file"
    result = run(command[0], str(bank), command[1], str(target))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert not target.parent.exists()


@pytest.mark.parametrize("command", [["anki", "-o", "deck.apkg"], ["worksheet", "-o", "sheet.pdf"]])
def test_failed_build_leaves_no_partial_file(tmp_path, command):
    bank = write_project(tmp_path)
    bank.write_text(
        bank.read_text(encoding="utf-8").replace("answer: true", "answer: maybe"), encoding="utf-8"
    )
    result = run(command[0], str(bank), command[1], str(tmp_path / command[2]))
    assert result.returncode == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["question_bank", "seeds"]


def test_a_damaged_font_is_a_clear_error(tmp_path):
    import fontpkg_amiri

    bank = write_project(tmp_path)
    damaged = tmp_path / "damaged.ttf"
    damaged.write_bytes((fontpkg_amiri.ROOT / "files" / "Amiri-Regular.ttf").read_bytes()[:3000])
    result = run("worksheet", str(bank), "-o", str(tmp_path / "w.pdf"), "--font", str(damaged))
    assert result.returncode == 1 and result.stderr.startswith("Error: cannot use font")
    assert "Traceback" not in result.stderr and not (tmp_path / "w.pdf").exists()
