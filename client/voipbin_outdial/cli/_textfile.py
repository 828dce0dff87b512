"""A file's lines decoded in one encoding, and a file that does not decode as one line naming
its line.

Python's own text files say only which byte of a 8 KiB chunk failed. Here the bytes are read
in chunks and decoded incrementally (so a multi-byte encoding such as UTF-16 works), lines are
cut at ``\\r\\n``, ``\\n`` or a lone ``\\r`` with their ends kept (the ``csv`` module reads
them as its ``newline=""`` files), and a byte that does not decode is
:class:`UndecodableFileError` naming the line it is on.
"""

from __future__ import annotations

import argparse
import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO, Final

__all__ = ["UndecodableFileError", "check_encoding", "decoded_lines"]

CHUNK: Final = 65536
_END: Final = re.compile(r"\r\n|\r|\n")


class UndecodableFileError(ValueError):
    """The file does not decode in the encoding given; the message names the line."""


def check_encoding(encoding: str) -> str:
    """``encoding`` if Python knows it as a text encoding, or the ``--encoding`` usage error."""
    try:  # bytes.decode takes text encodings only (not base64, rot13 ...)
        b"a".decode(encoding, errors="ignore")
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"{encoding!r} is not a text encoding Python knows"
        ) from None
    return encoding


def decoded_lines(raw: BinaryIO, encoding: str = "utf-8-sig") -> Iterator[str]:
    """The lines of ``raw`` decoded with ``encoding`` (``utf-8-sig``: UTF-8, a BOM or not)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    line = 1
    pending = ""
    while True:
        chunk = raw.read(CHUNK)
        final = not chunk
        try:
            pending += decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            before = pending + chunk[: max(exc.start, 0)].decode(encoding, errors="replace")
            at = line + len(_END.findall(before))
            raise UndecodableFileError(
                f"line {at} does not decode as {encoding} ({exc.reason} at byte "
                f"{exc.object[exc.start : exc.start + 1]!r}); give the file's --encoding "
                "(such as cp1252 or latin-1)"
            ) from None
        start = 0
        for end in _END.finditer(pending):
            if end.group() == "\r" and end.end() == len(pending) and not final:
                break  # a \n may follow in the next chunk
            yield pending[start : end.end()]
            start = end.end()
            line += 1
        pending = pending[start:]
        if final:
            if pending:
                yield pending
            return
