"""Card CSS: one stylesheet per writing direction, readable Arabic, and Anki's night mode.

Anki marks night mode with `.nightMode` (desktop, AnkiMobile) or `.night_mode` (AnkiDroid), on the
card itself or on an ancestor; the colours are custom properties so one rule switches them all.
"""

from __future__ import annotations

ARABIC_FONTS = '"Amiri", "Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Traditional Arabic"'
SYSTEM_FONTS = (
    'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Helvetica Neue", Arial, sans-serif'
)

_COMMON = """
.card {
  --text: #1c1f23;
  --muted: #5b636d;
  --background: #fbfaf6;
  --panel: #f0eee6;
  --border: #d6d2c4;
  --accent: #0a5fb4;
  --answer: #e3f0e4;
  --answer-border: #4f9a57;
  --mark: #ffe58a;
  margin: 0;
  padding: 1rem;
  color: var(--text);
  background-color: var(--background);
  text-align: start;
}
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card {
  --text: #e8e6e1;
  --muted: #a9adb3;
  --background: #1e1f22;
  --panel: #2a2c30;
  --border: #474a50;
  --accent: #7db8f5;
  --answer: #23382a;
  --answer-border: #6cbf78;
  --mark: #6b5a12;
}
.quizgen { max-width: 42em; margin: 0 auto; }
.question, .instruction { margin: 0.4em 0 0.8em; }
.instruction { color: var(--muted); font-size: 0.85em; }
.term { font-size: 1.5em; font-weight: bold; margin: 0.3em 0; }
.sentence { margin: 0.6em 0; }
.choices ul, ul.choices { list-style: none; padding: 0; margin: 0.5em 0; }
.choices li {
  margin: 0.35em 0;
  padding: 0.3em 0.7em;
  border: 1px solid var(--border);
  border-radius: 0.4em;
  background-color: var(--panel);
}
.label { display: inline-block; min-width: 1.4em; font-weight: bold; color: var(--accent); }
.choices h4, .matching-column-title { margin: 0.5em 0 0.2em; font-size: 0.9em; color: var(--muted); }
ol { padding-inline-start: 1.6em; margin: 0.4em 0; }
.answer {
  margin: 0.6em 0;
  padding: 0.5em 0.8em;
  border-inline-start: 0.3em solid var(--answer-border);
  background-color: var(--answer);
  border-radius: 0.3em;
}
.answer ul, .answer ol { margin: 0.2em 0; }
.answer table { border-collapse: collapse; }
.answer td { padding: 0.2em 0.5em; vertical-align: top; }
.accepted, .definition { color: var(--muted); margin: 0.4em 0; }
.explanation { margin: 0.8em 0; }
blockquote.evidence {
  margin: 0.6em 0;
  padding: 0.3em 0.8em;
  border-inline-start: 0.25em solid var(--border);
  background-color: var(--panel);
}
blockquote.evidence cite { display: block; font-style: normal; font-size: 0.75em; color: var(--muted); }
mark { background-color: var(--mark); color: inherit; padding: 0 0.1em; border-radius: 0.2em; }
.cloze { font-weight: bold; color: var(--accent); }
.source { margin-top: 1em; font-size: 0.75em; color: var(--muted); }
.source .key { unicode-bidi: isolate; direction: ltr; }
hr#answer { border: 0; border-top: 1px solid var(--border); margin: 1em 0; }
#typeans, code#typeans { direction: inherit; font-family: inherit; font-size: inherit; }
input#typeans { width: 100%; box-sizing: border-box; padding: 0.3em; }
"""


def css_for(direction: str) -> str:
    """Right-to-left cards put Arabic fonts first and a larger size; left-to-right ones the system's."""
    if direction == "rtl":
        card = f"""
.card {{
  direction: rtl;
  font-family: {ARABIC_FONTS}, {SYSTEM_FONTS};
  font-size: 24px;
  line-height: 1.8;
}}
"""
    else:
        card = f"""
.card {{
  direction: ltr;
  font-family: {SYSTEM_FONTS}, {ARABIC_FONTS};
  font-size: 20px;
  line-height: 1.5;
}}
"""
    return (card + _COMMON).strip() + "\n"
