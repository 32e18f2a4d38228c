"""`quizgen grade` on the teacher's mistakes: located warnings, never a crash or a silent zero."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from run_quizgen import quizgen

REPOSITORY = Path(__file__).resolve().parent.parent
BANK = REPOSITORY / "tests" / "fixtures" / "worksheet" / "question_bank" / "harbour-museum.yaml"


@pytest.fixture(scope="module")
def answers(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("answers")
    built = quizgen(
        "worksheet",
        str(BANK),
        "-o",
        "sheet.pdf",
        "--versions",
        "2",
        "--answers-out",
        "a.json",
        cwd=root,
    )
    assert built.returncode == 0, built.stderr
    return root, json.loads((root / "a.json").read_text(encoding="utf-8"))


def _key_row(data: dict, version: str) -> list[str]:
    questions = next(v["questions"] for v in data["versions"] if v["version"] == version)
    return [question["response"] for question in questions]


def test_the_keys_themselves_score_full_marks(answers):
    root, data = answers
    header = ["student", "version"] + [str(n) for n in range(1, 9)]
    rows = [header, ["Ann", "A", *_key_row(data, "A")], ["Bob", "b", *_key_row(data, "B")]]
    (root / "keys.csv").write_text(
        "\n".join(";".join(row) for row in rows) + "\n", encoding="utf-8-sig"
    )
    result = quizgen("grade", "keys.csv", "--answers", "a.json", "--format", "json", cwd=root)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    students = json.loads(result.stdout)["students"]
    assert [(s["student"], s["version"], s["percent"]) for s in students] == [
        ("Ann", "A", 100.0),
        ("Bob", "B", 100.0),
    ]


def test_unreadable_cells_are_located_and_shown_as_unreadable(answers):
    root, data = answers
    key = _key_row(data, "A")
    rows = [
        "student,version,1,2,3,4,5,6,7,8",
        "Ann,A," + ",".join(["Z"] + key[1:]),
        "Bob,Q," + ",".join(key),
        ",A," + ",".join(key),
        "Cy,A,,,maybe",
    ]
    (root / "bad.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = quizgen("grade", "bad.csv", "--answers", "a.json", "-o", "out.csv", cwd=root)
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert (
        "bad.csv: row 2, column 1: 'Z': this question has no letter 'Z' (use A to D)"
        in (warnings[0])
    )
    assert "row 3, column version: version 'Q' is not one printed" in warnings[1]
    assert "row 4, column student: no student name" in warnings[2]
    assert "row 5, column 3: 'maybe' is not true or false" in warnings[3]
    results = (root / "out.csv").read_text(encoding="utf-8-sig").splitlines()
    assert results[1].startswith("Ann,A,7,8,87.5,?,")  # unreadable, not a silent 0
    assert [line.split(",")[0] for line in results[1:]] == ["Ann", "Cy"]


def test_a_forgiven_typo_is_flagged_for_the_teacher(answers):
    root, data = answers
    key = _key_row(data, "A")
    number = next(q["number"] for q in data["versions"][0]["questions"] if q["type"] == "short")
    key[number - 1] = key[number - 1].replace("million", "milion")
    (root / "typo.csv").write_text(
        "student,version,1,2,3,4,5,6,7,8\nAnn,A," + ",".join(key) + "\n", encoding="utf-8"
    )
    result = quizgen("grade", "typo.csv", "--answers", "a.json", "--format", "json", cwd=root)
    assert f"row 2, column {number}: '4.2 milion euros' accepted as a typo" in result.stderr
    report = json.loads(result.stdout)
    assert report["students"][0]["percent"] == 100.0
    assert report["typos"][0]["accepted"] == "4.2 million euros"


def test_broken_inputs_are_clear_errors(answers, tmp_path):
    root, _ = answers
    (tmp_path / "r.csv").write_text("name,form,1\n", encoding="utf-8")
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    header = quizgen("grade", str(tmp_path / "r.csv"), "--answers", "a.json", cwd=root)
    assert header.returncode == 1 and "the header must start with student,version" in header.stderr
    data = quizgen(
        "grade", str(tmp_path / "r.csv"), "--answers", str(tmp_path / "a.json"), cwd=root
    )
    assert data.returncode == 1 and 'expected "format": "quizgen-answers/1"' in data.stderr
    assert "Traceback" not in header.stderr + data.stderr


def test_outputs_never_replace_the_inputs_and_an_empty_class_is_an_error(answers):
    root, _ = answers
    (root / "none.csv").write_text("student,version,1\n,A,B\n", encoding="utf-8")
    empty = quizgen("grade", "none.csv", "--answers", "a.json", cwd=root)
    assert empty.returncode == 1 and "no student could be marked" in empty.stderr
    assert "row 2, column student: no student name" in empty.stderr
    before = (root / "none.csv").read_bytes()
    refused = quizgen("grade", "none.csv", "--answers", "a.json", "-o", "none.csv", cwd=root)
    assert refused.returncode == 1 and "it is an input of this command" in refused.stderr
    assert (root / "none.csv").read_bytes() == before


@pytest.mark.parametrize(
    ("versions", "message"),
    [
        (["A"], "not as quizgen writes them"),
        ([{"version": "A", "questions": [{"number": 1}]}], "missing bank, id, type"),
        ([{"version": "A", "questions": []}], "version A: no questions"),
    ],
)
def test_hand_broken_answer_data_is_a_clear_error(answers, tmp_path, versions, message):
    root, _ = answers
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"format": "quizgen-answers/1", "versions": versions}))
    (tmp_path / "r.csv").write_text("student,version,1\nAnn,A,B\n", encoding="utf-8")
    result = quizgen("grade", str(tmp_path / "r.csv"), "--answers", str(broken), cwd=root)
    assert result.returncode == 1 and message in result.stderr, result.stderr


def test_the_answer_data_needs_its_own_file(tmp_path):
    result = quizgen(
        "worksheet", str(BANK), "-o", "same.pdf", "--answers-out", "same.pdf", cwd=tmp_path
    )
    assert result.returncode == 1 and "need different files" in result.stderr
    assert list(tmp_path.iterdir()) == []
