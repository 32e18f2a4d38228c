"""HTML that any HTML output needs (Anki today, a Moodle or web export later): escaping, cloze-safe
escaping and the evidence sentence with its highlight. Depends on core and text, never an output."""

from quizgen.html.escape import escape, escape_for_cloze
from quizgen.html.evidence import PassageText, evidence_blocks, passage_texts

__all__ = ["PassageText", "escape", "escape_for_cloze", "evidence_blocks", "passage_texts"]
