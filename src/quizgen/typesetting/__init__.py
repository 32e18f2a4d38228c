"""Typesetting for PDF outputs: fonts, shaped and broken lines, the text layer, drawing, pagination.

Shared by the worksheet and the class report, which never import each other.
"""
