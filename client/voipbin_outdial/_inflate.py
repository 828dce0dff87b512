"""A response body's ``Content-Encoding`` undone a bounded piece at a time, layer by layer.

httpx decodes a streamed body chunk by chunk, but each chunk in one call
(``httpx._decoders.GZipDecoder.decode`` is ``zlib.decompressobj().decompress(data)``, no bound),
and ``Content-Encoding: gzip, gzip`` chains two such calls: 797 bytes became 814 MiB in memory
before the sender could count one of them against ``max_response_bytes`` (issue 25). So the
sender reads the raw bytes (``aiter_raw``) and decodes them here: each layer hands out at most
:data:`PIECE` bytes at a time (``decompress(data, max_length)``, the rest kept as
``unconsumed_tail``), lazily, so the sender stops pulling as soon as the body is over its cap,
and no layer ever holds more than one piece of output.

The encodings are httpx's without optional libraries: ``gzip`` (and ``x-gzip``), ``deflate``
(zlib-wrapped or raw, as httpx tries both), ``identity``. Another one (``br``, ``zstd``: the SDK's
requests ask for ``gzip, deflate`` only) is refused with ``httpx.DecodingError``; a body that
does not decode is one too, as httpx's own decoders say.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from typing import Final

import httpx

__all__ = ["ACCEPT_ENCODING", "PIECE", "BodyDecoder", "BodyReader"]

PIECE: Final = 65536
"""The most output one layer hands out at a time."""
ACCEPT_ENCODING: Final = "gzip, deflate"
"""What the SDK's requests say they accept: what :class:`BodyDecoder` reads."""
_IGNORED: Final = frozenset({"", "identity"})


class _Layer:
    """One zlib layer: ``gzip`` (``wbits`` 16 + 15) or ``deflate`` (zlib-wrapped, then raw)."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._raw_fallback = encoding == "deflate"
        wbits = zlib.MAX_WBITS | 16 if encoding != "deflate" else zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(wbits)

    def feed(self, data: bytes) -> Iterator[bytes]:
        """What ``data`` decodes to, :data:`PIECE` bytes at most at a time."""
        while not self._zlib.eof:  # what follows the stream is ignored, as httpx does
            try:
                piece = self._zlib.decompress(data, PIECE)
            except zlib.error as exc:
                if not self._raw_fallback:
                    raise httpx.DecodingError(f"{self._encoding}: {exc}") from None
                self._raw_fallback = False  # deflate without its zlib wrapper (as httpx tries)
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self._raw_fallback = False
            if piece:
                yield piece
            data = self._zlib.unconsumed_tail
            if not data and len(piece) < PIECE:
                return

    def flush(self) -> Iterator[bytes]:
        """The output still held when the input has ended, a piece at a time."""
        while not self._zlib.eof and (piece := self._zlib.decompress(b"", PIECE)):
            yield piece


class BodyDecoder:
    """The layers of a response's ``Content-Encoding``, undone last first, each bounded."""

    def __init__(self, response: httpx.Response) -> None:
        names = response.headers.get_list("content-encoding", split_commas=True)
        encodings = [name.strip().lower() for name in names]
        if response.is_stream_consumed:  # built in memory (a mock transport): httpx decoded it
            encodings = []
        self._layers: list[_Layer] = []
        for encoding in reversed(encodings):
            if encoding in _IGNORED:
                continue
            if encoding not in ("gzip", "x-gzip", "deflate"):
                raise httpx.DecodingError(
                    f"Content-Encoding {encoding[:40]!r} is not one the SDK reads "
                    f"({ACCEPT_ENCODING}, as its requests say)"
                )
            self._layers.append(_Layer(encoding))

    def feed(self, raw: bytes) -> Iterator[bytes]:
        """The decoded pieces of the next ``raw`` bytes, lazily."""
        return self._through(0, raw)

    def flush(self) -> Iterator[bytes]:
        """The decoded pieces left when the raw body has ended."""
        for n, layer in enumerate(self._layers):
            for piece in layer.flush():
                yield from self._through(n + 1, piece)

    def _through(self, n: int, data: bytes) -> Iterator[bytes]:
        if n == len(self._layers):
            if data:
                yield data
            return
        for piece in self._layers[n].feed(data):
            yield from self._through(n + 1, piece)


class BodyReader:
    """A response's decoded body as its raw bytes come, against the size cap and a deadline:
    :meth:`add` and :meth:`end` say ``False`` as soon as the body is over ``cap`` bytes or the
    ``clock`` is past ``deadline``, having decoded no more than one piece past the cap."""

    __slots__ = ("_cap", "_chunks", "_clock", "_deadline", "_decoder", "in_memory", "size")

    def __init__(
        self, response: httpx.Response, cap: int, clock: Callable[[], float], deadline: float
    ) -> None:
        self.in_memory = response.is_stream_consumed
        """The response was built in memory (a mock transport), its body read and decoded by
        httpx: there is no raw stream, only ``response.content`` to check."""
        self._decoder = BodyDecoder(response)
        self._cap, self._clock, self._deadline = cap, clock, deadline
        self._chunks: list[bytes] = []
        self.size = 0

    def add(self, raw: bytes) -> bool:
        """Decode the next raw bytes; ``False``: stop reading."""
        return self._take(self._decoder.feed(raw)) and self._clock() <= self._deadline

    def end(self) -> bool:
        """The raw body has ended: decode what is left; ``False``: over the cap or too late."""
        return self._take(self._decoder.flush())

    def body(self) -> bytes:
        return b"".join(self._chunks)

    def _take(self, pieces: Iterator[bytes]) -> bool:
        for piece in pieces:
            self._chunks.append(piece)
            self.size += len(piece)
            if self.size > self._cap or self._clock() > self._deadline:
                return False
        return True
