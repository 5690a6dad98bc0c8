"""Turn files, folders and JSONL records into :class:`~kg.ingest.article.Article`.

Readers never raise for one bad input: they yield an :class:`~kg.errors.InputError`
in its place, so a batch goes on and the caller decides what to print.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("장관 간담회 참석\\n장관이 간담회에 참석했다.", encoding="utf8")
>>> _ = (d / "empty.txt").write_text("  ", encoding="utf8")
>>> [type(x).__name__ for x in read_inputs([d])]
['Article', 'EmptyInput']
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import EmptyInput, InputError, InputTooLarge, UnsupportedInput
from kg.ingest.article import Article, make_article_id
from kg.ingest.scraped import clean_scraped_text

__all__ = ["read_inputs", "read_file", "article_from_html", "decode_bytes", "SUFFIXES", "MAX_BYTES"]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_BYTES = 20 * 1024 * 1024

_BINARY_MAGIC = {
    b"\x1f\x8b": "gzip-compressed",
    b"PK\x03\x04": "a zip archive",
    b"BZh": "bzip2-compressed",
    b"\xfd7zXZ": "xz-compressed",
    b"%PDF": "a PDF",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}

InputItem = Article | InputError


def read_inputs(paths: Iterable[str | Path], *, max_bytes: int = MAX_BYTES) -> Iterator[InputItem]:
    """Yield an article (or the error that stands for it) for every input.

    Folders are read recursively, files with an unknown suffix are skipped
    there; named explicitly they are an error.
    """
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES:
                    yield from read_file(child, max_bytes=max_bytes)
        elif not path.exists():
            yield InputError(str(path), "no such file or folder")
        else:
            yield from read_file(path, max_bytes=max_bytes)


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Iterator[InputItem]:
    """Read one file; JSONL files yield one item per line."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield UnsupportedInput(source, f"unsupported file type {suffix or '(none)'}; use {', '.join(SUFFIXES)}")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputTooLarge(source, f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB cap")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(data, source)
        elif suffix in (".html", ".htm"):
            yield article_from_html(data, source=source, article_id=make_article_id(path.name))
        else:
            yield _article_from_text(decode_bytes(data, source), source, make_article_id(path.name))
    except InputError as exc:
        yield exc


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode bytes as UTF-8/UTF-16 (by BOM), the declared encoding, UTF-8, or CP949.

    EUC-KR labelled pages are decoded as CP949, its superset ('똠' survives).
    """
    _reject_binary(data, source)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    candidates = [declared] if declared else []
    candidates += ["utf-8", "cp949"]
    for enc in candidates:
        enc = "cp949" if enc and enc.lower().replace("_", "-") in ("euc-kr", "ks-c-5601-1987", "ksc5601") else enc
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnsupportedInput(source, "not text in any known encoding")
    return str(best)


def _reject_binary(data: bytes, source: str) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise UnsupportedInput(source, f"looks like {what}, not text")
    head = data[:4096]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnsupportedInput(source, "binary data (NUL bytes), not text")


def _article_from_text(raw: str, source: str, article_id: str, **meta: Any) -> Article:
    text, found = clean_scraped_text(raw)
    if not text.strip():
        raise EmptyInput(source, "no text")
    fields = {k: v for k, v in found.items() if v}
    fields.update({k: v for k, v in meta.items() if v})
    return Article(id=article_id, text=text, source=source, **fields)


def article_from_html(data: bytes | str, *, source: str, article_id: str, url: str | None = None) -> Article:
    """Main text and metadata of an HTML page, via trafilatura."""
    import trafilatura

    html = decode_bytes(data, source) if isinstance(data, bytes) else data
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, as_dict=True)
    text = (doc or {}).get("text") or ""
    if not text.strip():
        raise EmptyInput(source, "no article text found in the HTML page")
    return _article_from_text(
        text,
        source,
        article_id,
        title=doc.get("title"),
        date=doc.get("date"),
        author=doc.get("author"),
        publisher=doc.get("sitename"),
        url=url or doc.get("url"),
    )


def _read_jsonl(data: bytes, source: str) -> Iterator[InputItem]:
    text = decode_bytes(data, source)
    if not text.strip():
        yield EmptyInput(source, "no records")
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "a JSONL record must be an object")
            continue
        body = record.get("text") or ""
        article_id = str(record.get("id") or make_article_id(Path(source).name, line))
        try:
            if not body and record.get("html"):
                article = article_from_html(record["html"], source=where, article_id=article_id, url=record.get("url"))
            elif not isinstance(body, str) or not body.strip():
                raise EmptyInput(where, "record has no text")
            else:
                article = Article(id=article_id, text=body.strip(), source=where)
            article.title = record.get("title") or article.title
            article.date = record.get("date") or article.date
            article.url = record.get("url") or article.url
            article.author = record.get("author") or article.author
            article.publisher = record.get("publisher") or record.get("source") or article.publisher
            yield article
        except InputError as exc:
            yield exc
