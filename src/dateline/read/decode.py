"""Bytes to text, refusing what is not text: empty, binary, undecodable or too large."""

from __future__ import annotations

import codecs

from dateline.read.errors import ReadError

DEFAULT_MAX_BYTES = 5_000_000
"""5 MB as read, markup included: a long feature is 100 kB; anything this large is not one
article. What is analyzed is held further by the text's length: spaCy's ``max_length``,
1,000,000 characters, refused before any parse. A text that long is parsed in pieces
(``analysis.parse_in_pieces``): about 0.5 GB at the peak (3.3 GB as one parse) and a
minute or so, so any input under this default is one a worker can afford."""


def _size(n: int) -> str:
    """Bytes for a person: "5.0 MB", "40 kB", "300 bytes" (never "0.0 MB")."""
    if n >= 100_000:
        return f"{n / 1e6:.1f} MB"
    return f"{n / 1e3:.0f} kB" if n >= 1000 else f"{n} bytes"


def check_size(size: int, max_bytes: int, path: str | None = None) -> None:
    if size > max_bytes:
        raise ReadError(
            "too_large",
            f"too large to be one article ({_size(size)} > {_size(max_bytes)} limit;"
            " raise it with --max-bytes)",
            path,
        )


def decode(data: bytes, path: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode UTF-8 (or BOM-marked UTF-16) text; the result is the article text exactly."""
    check_size(len(data), max_bytes, path)
    if not data.strip():
        raise ReadError("empty", "empty document: no text to analyze", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError("encoding", f"invalid UTF-16 text ({exc.reason})", path) from None
    else:
        if looks_binary(data):
            raise ReadError(
                "binary", "binary data, not text (is this a PDF, image or archive?)", path
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReadError(
                "encoding",
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start});"
                " convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8",
                path,
            ) from None
    if not text.strip():
        raise ReadError("empty", "empty document: no text to analyze", path)
    return text


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    """NUL bytes or many control characters in the first kilobytes mean binary."""
    head = data[:sample]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(head) // 100)
