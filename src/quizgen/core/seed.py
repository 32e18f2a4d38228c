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


def split_seed(data: bytes, metadata_blocks: int) -> SeedText:
    """Blocks are separated by blank lines; the first `metadata_blocks` describe the article.

    Raises UnicodeDecodeError for a seed that is not UTF-8 (the caller reports where).
    """
    text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    blocks = [block.strip() for block in _BLANK_LINES.split(text)]
    blocks = [block for block in blocks if block]
    body = blocks[metadata_blocks:]
    passages = tuple(Passage(f"p{number}", text) for number, text in enumerate(body, start=1))
    return SeedText(tuple(blocks[:metadata_blocks]), passages, hashlib.sha256(data).hexdigest())
