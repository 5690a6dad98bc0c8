"""Choose the encoding of a page and decode it, even when the page lies.

Order: a byte-order mark; then the charset the HTTP header declares; then the
one a ``<meta charset>`` / ``http-equiv`` tag declares; then detection. A
declared charset is *validated*: if the bytes do not decode with it, or decode
to replacement characters, or are valid UTF-8 with non-ASCII text while the
label says something else, the next candidate is tried. Korean legacy labels
(EUC-KR, KS C 5601) are decoded as CP949, their superset, so '똠' and '샾' survive.

>>> decode_text("똠샾 기사".encode("cp949"), "x", declared="euc-kr")
('똠샾 기사', 'cp949')
>>> decode_text("장관 기사".encode("utf8"), "x", declared="euc-kr")  # the header lies
('장관 기사', 'utf-8')
>>> decode_text("장관 기사".encode("cp949"), "x", declared="utf-8")  # the header lies the other way
('장관 기사', 'cp949')
>>> decode_text(b'<meta charset="euc-kr"><p>' + "똠".encode("cp949"), "x")[1]
'cp949'
"""

from __future__ import annotations

import codecs
import re

from kg.errors import UnsupportedInput

__all__ = ["decode_text", "normalise_charset", "sniff_meta_charset", "reject_binary"]

_KOREAN_LEGACY = {"euc-kr", "euckr", "ks-c-5601-1987", "ks-c-5601", "ksc5601", "ksc-5601", "korean", "x-windows-949",
                  "windows-949", "cp949", "uhc", "ms949", "x-euc-kr", "iso-2022-kr"}
_META = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{2,40})""", re.IGNORECASE)
_HANGUL = re.compile(r"[가-힣]")

_BINARY_MAGIC = {
    b"\x1f\x8b": "gzip-compressed",
    b"PK\x03\x04": "a zip archive",
    b"BZh": "bzip2-compressed",
    b"\xfd7zXZ": "xz-compressed",
    b"(\xb5/\xfd": "zstd-compressed",
    b"7z\xbc\xaf": "a 7z archive",
    b"Rar!": "a RAR archive",
    b"%PDF": "a PDF",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an Office document",
    b"SQLite format 3": "an SQLite database",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def normalise_charset(label: str | None) -> str | None:
    """The Python codec for a charset label (Korean legacy labels → ``cp949``); None if unknown.

    >>> normalise_charset("EUC-KR"), normalise_charset("ks_c_5601-1987"), normalise_charset("UTF8")
    ('cp949', 'cp949', 'utf-8')
    >>> normalise_charset("no-such-charset") is None
    True
    """
    if not label:
        return None
    name = label.strip().strip("'\"").lower().replace("_", "-")
    if name in _KOREAN_LEGACY:
        return "cp949"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def sniff_meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset>`` or ``http-equiv``)."""
    m = _META.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def reject_binary(data: bytes, source: str, *, allow_nul: bool = False) -> None:
    """Raise :class:`UnsupportedInput` for compressed, archived, image or other binary data."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise UnsupportedInput(source, f"looks like {what}, not text")
    head = data[:4096]
    if not allow_nul and b"\x00" in head:
        raise UnsupportedInput(source, "binary data (NUL bytes), not text")
    controls = sum(1 for b in head if (0 < b < 9 or 13 < b < 32 or b == 127) or (b == 0 and not allow_nul))
    if head and controls / len(head) > 0.05 and not allow_nul:
        raise UnsupportedInput(source, "binary data (control bytes), not text")


def _try(data: bytes, codec: str) -> str | None:
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    return None if "\ufffd" in text else text


def decode_text(data: bytes, source: str, declared: str | None = None, *, html: bool = False) -> tuple[str, str]:
    """Decode ``data``; return ``(text, codec_used)``.

    ``declared`` is the charset of the HTTP header (if any); for HTML the
    page's own ``<meta>`` declaration is consulted next.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _try(data, codec)
            if text is None:
                raise UnsupportedInput(source, f"starts with a {codec} byte-order mark but is not {codec}")
            return (text[1:] if text.startswith("\ufeff") else text), codec
    labels = [declared] + ([sniff_meta_charset(data)] if html else [])
    codecs_declared = [c for c in map(normalise_charset, labels) if c]
    wide = [c for c in codecs_declared if c.startswith(("utf-16", "utf-32"))]
    if not wide and (guess := _bomless_utf16(data)):
        wide = codecs_declared = [guess]
    reject_binary(data, source, allow_nul=bool(wide))

    utf8 = _try(data, "utf-8")
    if utf8 is not None and (not codecs_declared or not data.isascii()):
        # Valid UTF-8 with non-ASCII bytes is never an accident: trust it over any label.
        return utf8, "utf-8"
    for codec in dict.fromkeys(codecs_declared):
        text = _try(data, codec)
        if text is not None and _plausible(text, data, codec):
            return text, codec
    cp949 = _try(data, "cp949")
    if cp949 is not None and _HANGUL.search(cp949):
        return cp949, "cp949"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        text = str(best)
        if "\ufffd" not in text:
            return text, normalise_charset(best.encoding) or best.encoding
    if cp949 is not None:
        return cp949, "cp949"
    raise UnsupportedInput(source, "not text in any known encoding (tried " +
                           ", ".join([*dict.fromkeys(codecs_declared), "utf-8", "cp949", "detection"]) + ")")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII characters leave a NUL in every other byte."""
    head = data[:4096]
    if b"\x00" not in head or len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > len(head) // 8 and even * 8 < odd:
        return "utf-16-le"
    if even > len(head) // 8 and odd * 8 < even:
        return "utf-16-be"
    return None


def _plausible(text: str, data: bytes, codec: str) -> bool:
    """A single-byte Western label on a Korean page decodes without error but to mojibake."""
    if codec == "cp949" or data.isascii():
        return True
    if _HANGUL.search(text):
        return True
    cp949 = _try(data, "cp949")
    return not (cp949 and len(_HANGUL.findall(cp949)) * 2 > len(cp949.strip()) * 0.3)
