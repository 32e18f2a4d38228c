"""Printable worksheets and answer keys (PDF), typeset right to left for Arabic.

The public entry point is `build_worksheet`, then `write_worksheet`:

    from quizgen.core import load_banks, select_questions
    from quizgen.worksheet import WorksheetOptions, build_worksheet, write_worksheet

    banks = load_banks([Path("question_bank/kazakhstan-turkey.yaml")])
    selected = select_questions(banks, count=20, seed="1")
    built = build_worksheet(selected, WorksheetOptions(versions=2, seed="1"))
    write_worksheet(built, banks, Path("out/worksheet.pdf"), Path("out/answer-key.pdf"))

`built.versions` holds every version's questions in printed order, for checks or answer data.
Names are imported on first use, so that importing the package does not load ReportLab.
"""

from quizgen.lazy_exports import lazy_exports

_HOMES = {
    "BuiltWorksheet": "build",
    "WorksheetOptions": "build",
    "build_worksheet": "build",
    "write_worksheet": "build",
}

__all__ = sorted(_HOMES)

__getattr__ = lazy_exports("quizgen.worksheet", _HOMES)
