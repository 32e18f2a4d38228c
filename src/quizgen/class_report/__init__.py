"""The class report PDF: scores, the questions that need review, and mastery per passage."""
