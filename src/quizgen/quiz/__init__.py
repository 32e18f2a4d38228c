"""The terminal quiz: sessions, answer parsing, spaced repetition and the progress database."""
