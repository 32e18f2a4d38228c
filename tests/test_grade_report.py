"""The class report PDF, read back with pdftotext and rendered with pdftoppm."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from bank_builder import write_project
from class_simulation import WEIGHTED_BANK, simulate, write_csv
from external_tools import needs
from pypdf import PdfReader
from run_quizgen import quizgen

pytestmark = [needs("pdftotext"), needs("pdftoppm")]
BIDI_CONTROLS = dict.fromkeys([0x200E, 0x200F, *range(0x202A, 0x202F)])
BAR_COLOUR = (84, 120, 168)  # the chart's bars, (0.33, 0.47, 0.66) in 0-255
CONCERN = {
    "negative_discrimination": 4,
    "low_discrimination": 3,
    "too_hard": 2,
    "too_easy": 1,
    "rare_distractor": 1,
}


def pdf_text(pdf: Path, first: int, last: int | None = None, layout: bool = False) -> str:
    options = ["-f", str(first), "-l", str(last or first)] + (["-layout"] if layout else [])
    return subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.translate(BIDI_CONTROLS)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    bank = write_project(root, WEIGHTED_BANK)
    built = quizgen(
        "worksheet",
        str(bank),
        "-o",
        "sheet.pdf",
        "--versions",
        "3",
        "--answers-out",
        "a.json",
        cwd=root,
    )
    assert built.returncode == 0, built.stderr
    versions, students = simulate(json.loads((root / "a.json").read_text(encoding="utf-8")))
    write_csv(root / "class.csv", versions, students, "arabic")
    graded = quizgen(
        "grade",
        "class.csv",
        "--answers",
        "a.json",
        "--report",
        "report.pdf",
        "--format",
        "json",
        cwd=root,
    )
    assert graded.returncode == 0, graded.stderr
    return root / "report.pdf", json.loads(graded.stdout)


def test_the_summary_page_has_the_figures_and_a_chart(report, tmp_path):
    pdf, results = report
    text = pdf_text(pdf, 1)
    assert "تقرير الصف" in text and "توزيع الدرجات" in text
    distribution = results["distribution"]
    assert str(distribution["students"]) in text
    assert f"{distribution['mean']:.2f}".rstrip("0").rstrip(".") in text
    assert f"{results['reliability']:.2f}".rstrip("0").rstrip(".") in text
    assert "ألفا كرونباخ" in text
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")])
    image = next(tmp_path.glob("p*.ppm")).read_bytes()
    header_end = image.index(b"255\n") + 4
    pixels = image[header_end:]
    bar_pixels = sum(
        1
        for index in range(0, len(pixels) - 2, 3)
        if all(abs(pixels[index + k] - BAR_COLOUR[k]) < 12 for k in range(3))
    )
    assert bar_pixels > 200  # the histogram's bars are drawn


def test_questions_are_ranked_by_concern_with_evidence(report):
    pdf, results = report
    pages = len(PdfReader(pdf).pages)
    text = pdf_text(pdf, 2, pages)

    def concern(item):
        weight = sum(CONCERN[flag] for flag in item["flags"])
        return (-weight, item["discrimination"], item["difficulty"])

    expected = [item["id"] for item in sorted(results["items"], key=concern)]
    positions = [text.index(f"{rank}. {item_id} ") for rank, item_id in enumerate(expected, 1)]
    assert positions == sorted(positions)
    assert "قررت كازاخستان في 22 كانون الأول 2021 التوقيع على اتفاق أمني" in text
    assert "الإجابة الصحيحة" in text


def test_mastery_per_passage_is_the_share_of_points_on_its_questions(report):
    pdf, results = report
    pages = len(PdfReader(pdf).pages)
    text = pdf_text(pdf, pages, layout=True)
    assert "الإتقان حسب الفقرة" in text
    earned: dict[str, float] = {}
    possible: dict[str, float] = {}
    for item in results["items"]:
        for passage in item["passages"]:
            earned[passage] = earned.get(passage, 0) + item["difficulty"] * item["points"]
            possible[passage] = possible.get(passage, 0) + item["points"]
    for passage in possible:
        share = round(100 * earned[passage] / possible[passage])
        row = next(line for line in text.splitlines() if line.endswith(f"الفقرة {passage[1:]}"))
        assert f"{share}%" in row


def test_the_same_results_give_the_same_bytes(report):
    pdf, _ = report
    root = pdf.parent
    again = quizgen("grade", "class.csv", "--answers", "a.json", "--report", "again.pdf", cwd=root)
    assert again.returncode == 0, again.stderr
    assert (root / "again.pdf").read_bytes() == pdf.read_bytes()
