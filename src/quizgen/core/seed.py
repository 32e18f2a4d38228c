"""Reading a source article and splitting it into metadata blocks and numbered passages."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from quizgen.core.model import Passage

_BLANK_LINES = re.compile(r"\n[ \t]*\n+")


@dataclass(frozen=True)
class SeedText:
    metadata: tuple[str, ...]
    passages: tuple[Passage, ...]
    sha256: str


def normalize_seed(data: bytes) -> str:
    """The article as text: UTF-8 without a byte order mark, lines ending in LF.

    The hash is taken over this text, so that converting line endings (git autocrlf) or an editor
    adding a BOM does not count as a change of the article.
    Raises UnicodeDecodeError for a seed that is not UTF-8 (the caller reports where).
    """
    return data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def seed_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_blocks(text: str) -> list[str]:
    """Blocks are separated by blank lines."""
    return [block for block in (part.strip() for part in _BLANK_LINES.split(text)) if block]


def split_seed(data: bytes, metadata_blocks: int) -> SeedText:
    """The first `metadata_blocks` blocks describe the article; the rest are passages p1, p2, ..."""
    text = normalize_seed(data)
    blocks = split_blocks(text)
    body = blocks[metadata_blocks:]
    passages = tuple(Passage(f"p{number}", text) for number, text in enumerate(body, start=1))
    return SeedText(tuple(blocks[:metadata_blocks]), passages, seed_sha256(text))
