"""Baseline for `quizgen worksheet`: plain ReportLab drawing lines that are already shaped and ordered.

Input: a JSON list of pages, each a list of lines in display order (Arabic presentation forms, visual
order). It embeds the same font and draws every line right-aligned, one page per entry: the cost of
putting the same text on the same number of pages, without any layout, shaping or bidi work.
"""

import json
import sys

import fontpkg_amiri
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

pages_path, output = sys.argv[1], sys.argv[2]
with open(pages_path, encoding="utf-8") as handle:
    pages = json.load(handle)
pdfmetrics.registerFont(TTFont("Amiri", str(fontpkg_amiri.ROOT / "files" / "Amiri-Regular.ttf")))
document = canvas.Canvas(output, pagesize=A4)
width, height = A4
for lines in pages:
    document.setFont("Amiri", 11)
    y = height - 50
    for line in lines:
        document.drawRightString(width - 50, y, line)
        y -= 15
    document.showPage()
document.save()
