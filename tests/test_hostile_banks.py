"""Hostile banks: each gives a clear error (or success), exit 1 or 2, no traceback, bounded resources."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

from bank_builder import BANK, write_project

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "bench"))
from synthetic_bank import write_synthetic_project  # noqa: E402

MEMORY_LIMIT = 2 * 1024**3


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def check(path, timeout: int = 120) -> subprocess.CompletedProcess:
    """`quizgen check` in a child process with at most 2 GiB of address space and a time limit."""
    return subprocess.run(
        [sys.executable, "-m", "quizgen", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit_memory,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def assert_clean_failure(result: subprocess.CompletedProcess, expected: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert expected in result.stderr, result.stderr


def test_empty_file(tmp_path):
    assert_clean_failure(check(write_project(tmp_path, "")), "not empty")


def test_random_bytes(tmp_path):
    path = write_project(tmp_path)
    path.write_bytes(bytes(range(256)) * 40)
    assert_clean_failure(check(path), "invalid UTF-8")


def test_invalid_utf8_in_the_middle(tmp_path):
    path = write_project(tmp_path)
    path.write_bytes(BANK.encode().replace(b"m4", b"\xc3\x28", 1))
    result = check(path)
    assert_clean_failure(result, "invalid UTF-8")
    assert f"{path}:{BANK.splitlines().index('  - id: m4') + 1}:" in result.stderr


def test_alias_bomb(tmp_path):
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 12):
        previous, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    assert_clean_failure(
        check(write_project(tmp_path, "\n".join(levels) + "\n")), "aliases expand too far"
    )


def test_deep_nesting(tmp_path):
    flow = "bank: " + "[" * 20_000 + "]" * 20_000 + "\n"
    block = "bank:\n" + "".join(" " * depth + "- \n" for depth in range(1, 20_001))
    compact = "bank: \n  " + "- " * 20_000 + "x\n"
    for name, text in (("flow", flow), ("block", block), ("compact", compact)):
        result = check(write_project(tmp_path / name, text))
        assert_clean_failure(result, "YAML" if name == "flow" else "nested too deeply")


def test_thirty_megabyte_string(tmp_path):
    text = BANK.replace(
        "    prompt: من هو رئيس كازاخستان؟\n", "    prompt: " + "ك" * 15_000_000 + "\n"
    )
    result = check(write_project(tmp_path, text))
    assert result.returncode == 0, result.stderr[-2000:]


def test_top_level_list(tmp_path):
    assert_clean_failure(check(write_project(tmp_path, "- id: q1\n- id: q2\n")), "not a list")


def test_seed_path_escaping_the_project(tmp_path):
    text = BANK.replace("seed: ../seeds/kazakhstan-turkey.ar.txt", "seed: ../../etc/passwd")
    assert_clean_failure(check(write_project(tmp_path, text)), "points outside the project folder")


def test_seed_that_is_a_directory(tmp_path):
    text = BANK.replace("seed: ../seeds/kazakhstan-turkey.ar.txt", "seed: ../seeds/")
    assert_clean_failure(check(write_project(tmp_path, text)), "is a folder")


def test_duplicate_keys(tmp_path):
    text = BANK.replace("  id: mini\n", "  id: mini\n  id: again\n")
    result = check(write_project(tmp_path, text))
    assert_clean_failure(result, "duplicate key 'id' (first on line 2)")
    assert f":{3}: -:" in result.stderr


def test_a_folder_without_banks(tmp_path):
    # a folder stands for the banks in it (`quizgen check question_bank/`); this one has none
    assert_clean_failure(check(tmp_path), "no .yaml banks in this folder")


def test_hundred_thousand_items(tmp_path):
    path = write_synthetic_project(tmp_path, 100_000)
    result = check(path, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "100000 items" in result.stdout
