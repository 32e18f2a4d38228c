"""The class results as JSON values, as a CSV for the spreadsheet, and as a terminal table."""

from __future__ import annotations

import csv
import io

from quizgen.grade.class_results import ClassResult, ItemResult
from quizgen.locale import locale_for
from quizgen.text.terminal import table_lines

UNREADABLE = "?"


# Headings and labels of the terminal table; the lead's locale module is to take them over.
def _words(language: str) -> dict[str, str]:
    """The tables' words from the shared locale (its `analysis_` and `grade_` messages)."""
    locale = locale_for(language)
    return locale.words("analysis_", "grade_") | {"separator": locale.list_separator}


def number(value: float | None, places: int = 2) -> str:
    """A figure as people write it: 3, 2.5, 0.67; blank when undefined."""
    if value is None:
        return ""
    text = f"{value:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def item_label(result: ClassResult, item: ItemResult) -> str:
    """The question id, with its bank's id when the worksheet drew on several banks."""
    several = len({entry.bank for entry in result.items}) > 1
    return f"{item.bank}/{item.id}" if several else item.id


def _rounded(value: float | None) -> float | int | None:
    """Six decimals, and whole numbers without a decimal point (8, not 8.0)."""
    if value is None:
        return None
    value = round(value, 6)
    return int(value) if value.is_integer() else value


def results_json(result: ClassResult) -> dict:
    return {
        "students": [
            {
                "student": student.student,
                "version": student.version,
                "score": _rounded(student.score),
                "max": _rounded(student.maximum),
                "percent": _rounded(student.percent),
                "row": student.row,
                "items": {
                    item_label(result, item): (
                        None
                        if student.marks[(item.bank, item.id)] is None
                        else _rounded(student.points[(item.bank, item.id)])
                    )
                    for item in result.items
                },
            }
            for student in result.students
        ],
        "items": [
            {
                "bank": item.bank,
                "id": item.id,
                "type": item.type,
                "points": _rounded(item.points),
                "answered": item.answered,
                "difficulty": _rounded(item.difficulty),
                "discrimination": _rounded(item.discrimination),
                "upper_lower": _rounded(item.upper_lower),
                "choices": [
                    {
                        "option": choice.option,
                        "text": choice.text,
                        "correct": choice.correct,
                        "count": choice.count,
                    }
                    for choice in item.choices
                ],
                "flags": list(item.flags),
                "passages": item.question.details.get("passages", []),
            }
            for item in result.items
        ],
        "reliability": _rounded(result.figures.reliability),
        "reliability_method": result.figures.reliability_method,
        "distribution": {
            "students": len(result.students),
            "possible": _rounded(result.maximum_score),
            "mean": _rounded(result.figures.mean),
            "median": _rounded(result.figures.median),
            "min": _rounded(result.figures.minimum),
            "max": _rounded(result.figures.maximum),
            "standard_deviation": _rounded(result.figures.standard_deviation),
            "histogram": list(result.figures.histogram),
        },
        "problems": [
            {"row": problem.row, "column": problem.column, "problem": problem.message}
            for problem in result.problems
        ],
        "typos": [
            {
                "row": typo.row,
                "student": typo.student,
                "number": typo.number,
                "bank": typo.item[0],
                "id": typo.item[1],
                "typed": typo.typed,
                "accepted": typo.accepted,
            }
            for typo in result.typos
        ],
    }


def results_csv(result: ClassResult) -> str:
    """A row per student: score, max, percent, then the points earned on each item (? unreadable)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["student", "version", "score", "max", "percent"]
        + [item_label(result, item) for item in result.items]
    )
    for student in result.students:
        cells = [
            student.student,
            student.version,
            number(student.score),
            number(student.maximum),
            number(student.percent, 1),
        ]
        for item in result.items:
            key = (item.bank, item.id)
            cells.append(UNREADABLE if student.marks[key] is None else number(student.points[key]))
        writer.writerow(cells)
    return buffer.getvalue()


def results_text(
    result: ClassResult, language: str = "en", rtl_mode: str = "terminal", right_edge: int = 80
) -> str:
    """Three tables: the students, the items (numbered as version A prints them), the figures.

    Arabic tables read right to left (see `table_lines` for the two display modes)."""
    words = _words(language)
    rtl = locale_for(language).rtl
    students: list[list[str] | None] = [
        [words["student"], words["version"], words["score"], words["max"], words["percent"]]
    ]
    students += [
        [
            student.student,
            student.version,
            number(student.score),
            number(student.maximum),
            number(student.percent, 1),
        ]
        for student in result.students
    ]
    items: list[list[str] | None] = [
        [
            words["number"],
            words["question"],
            words["answered"],
            words["difficulty"],
            words["discrimination"],
            words["upper_lower"],
            words["flags"],
        ]
    ]
    items += [
        [
            str(item.question.number),
            item_label(result, item),
            str(item.answered),
            number(item.difficulty),
            number(item.discrimination),
            number(item.upper_lower),
            words["separator"].join(words[flag] for flag in item.flags),
        ]
        for item in result.items
    ]
    reliability = (
        f"{number(result.figures.reliability)} ({words[result.figures.reliability_method]})"
        if result.figures.reliability is not None
        else words["undefined"]
    )
    summary: list[list[str] | None] = [
        [words["students"], str(len(result.students))],
        [words["mean"], f"{number(result.figures.mean)} / {number(result.maximum_score)}"],
        [words["median"], number(result.figures.median)],
        [words["range"], f"{number(result.figures.minimum)}–{number(result.figures.maximum)}"],
        [words["deviation"], number(result.figures.standard_deviation)],
        [words["reliability"], reliability],
    ]
    tables = [
        table_lines(students, rtl, rtl_mode, right_edge, frozenset({0, 1})),
        table_lines(items, rtl, rtl_mode, right_edge, frozenset({1, 6})),
        table_lines(summary, rtl, rtl_mode, right_edge, frozenset({0, 1})),
    ]
    return "\n\n".join("\n".join(lines) for lines in tables) + "\n"
