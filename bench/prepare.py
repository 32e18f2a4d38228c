"""Preparation steps for bench/run.py, run in their own processes.

The benchmark's parent process must stay small: a child inherits its parent's peak resident size at
fork, so preparing a 100,000-item bank in the parent would inflate every later peak-memory figure.

  prepare.py bank SIZE FOLDER               a synthetic bank; prints its path
  prepare.py long-article REPEATS FOLDER    the long article with one question; prints its path
  prepare.py shaped-lines TARGET PDF...     the PDFs' lines shaped and in display order, as JSON
  prepare.py pages PDF...                   the total number of pages
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from synthetic_bank import write_long_article_project, write_synthetic_project


def shaped_lines(target: Path, pdfs: list[Path]) -> str:
    """Pages of lines for the plain-ReportLab baseline; empty when pdftotext is missing."""
    import arabic_reshaper

    from quizgen.text.bidi import display_string

    if not shutil.which("pdftotext"):
        return ""
    pages = []
    for pdf in pdfs:
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True
        ).stdout
        for page in text.split("\f"):
            lines = [
                line.strip().translate({0x200E: None, 0x200F: None}) for line in page.splitlines()
            ]
            lines = [display_string(arabic_reshaper.reshape(line), True) for line in lines if line]
            if lines:
                pages.append(lines)
    target.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    return str(target)


def page_total(pdfs: list[Path]) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(pdf).pages) for pdf in pdfs)


def main(arguments: list[str]) -> str:
    step, *rest = arguments
    if step == "bank":
        return str(write_synthetic_project(Path(rest[1]), int(rest[0])))
    if step == "long-article":
        return str(write_long_article_project(Path(rest[1]), int(rest[0])))
    if step == "shaped-lines":
        return shaped_lines(Path(rest[0]), [Path(pdf) for pdf in rest[1:]])
    if step == "pages":
        return str(page_total([Path(pdf) for pdf in rest]))
    raise SystemExit(__doc__)


if __name__ == "__main__":
    print(main(sys.argv[1:]))
