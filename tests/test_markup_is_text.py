"""Markup in a bank is text in every output: a card, a printed page and the terminal show it literally."""

from __future__ import annotations

import subprocess
import sys

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest
from bank_builder import BANK, write_project
from external_tools import needs

HOSTILE_PROMPT = "<script>alert(1)</script> متى وقّعت كازاخستان & <b>روسيا</b>؟"
HOSTILE_OPTION = "<i>22 كانون الأول 2021</i> & <br>"
BIDI_CONTROLS = dict.fromkeys(
    [0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)  # from pdftotext


@pytest.fixture
def hostile_bank(tmp_path):
    text = BANK.replace(
        "prompt: متى قررت كازاخستان التوقيع على اتفاق أمني مع روسيا؟", f"prompt: '{HOSTILE_PROMPT}'"
    )
    text = text.replace(
        "      - text: 22 كانون الأول 2021\n", f"      - text: '{HOSTILE_OPTION}'\n", 1
    )
    return write_project(tmp_path / "project", text)


def run(*arguments: str, stdin: str = "") -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_anki_cards_show_markup_literally(hostile_bank, tmp_path):
    deck = tmp_path / "deck.apkg"
    run("anki", str(hostile_bank), "-o", str(deck), "--types", "mcq")
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        options = collection._backend.get_import_anki_package_presets()
        collection.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(deck), options=options)
        )
        (card_id,) = collection.find_cards("")
        card = collection.get_card(card_id)
        front, back = card.question(), card.answer()
    finally:
        collection.close()
    assert "<script>" not in front and "<b>" not in front and "<i>22" not in front
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in front
    assert "&amp; &lt;b&gt;روسيا&lt;/b&gt;" in front
    assert "&lt;i&gt;22 كانون الأول 2021&lt;/i&gt; &amp; &lt;br&gt;" in back


@needs("pdftotext")
def test_worksheet_prints_markup_literally(hostile_bank, tmp_path):
    worksheet, key = tmp_path / "worksheet.pdf", tmp_path / "key.pdf"
    run("worksheet", str(hostile_bank), "-o", str(worksheet), "--key", str(key), "--types", "mcq")
    for pdf in (worksheet, key):
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True
        ).stdout
        text = text.translate(BIDI_CONTROLS)
        assert "<script>alert(1)</script>" in text
        assert "<b>روسيا</b>" in text


def test_terminal_quiz_prints_markup_literally(hostile_bank, tmp_path):
    result = run(
        "quiz",
        str(hostile_bank),
        "--types",
        "mcq",
        "--count",
        "1",
        "--rtl",
        "terminal",
        "--db",
        str(tmp_path / "progress.sqlite3"),
        stdin="1\n",
    )
    assert HOSTILE_PROMPT in result.stdout
    assert HOSTILE_OPTION in result.stdout
