"""Turn files, folders, URLs, standard input and JSONL records into :class:`~kg.ingest.article.Article`.

Readers never raise for one bad input: they yield an :class:`~kg.errors.InputError`
in its place (naming the input and the reason), so a batch goes on and the
caller decides what to print.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("장관 간담회 참석\\n장관이 간담회에 참석했다.", encoding="utf8")
>>> _ = (d / "empty.txt").write_text("  ", encoding="utf8")
>>> [type(x).__name__ for x in read_inputs([d])]
['Article', 'EmptyInput']
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from kg.errors import EmptyInput, InputError, InputTooLarge, UnsupportedInput
from kg.ingest.article import Article, make_article_id
from kg.ingest.encoding import decode_text, reject_binary
from kg.ingest.fetch import MAX_REDIRECTS, TIMEOUT_S, fetch_url, is_url
from kg.ingest.scraped import clean_scraped_text

__all__ = ["read_inputs", "read_file", "read_stream", "article_from_html", "article_from_bytes", "decode_bytes",
           "SUFFIXES", "MAX_BYTES"]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_BYTES = 20 * 1024 * 1024

InputItem = Article | InputError
_META_FIELDS = ("title", "date", "url", "author", "publisher")


def read_inputs(paths: Iterable[str | Path], *, max_bytes: int = MAX_BYTES, stdin: IO[bytes] | None = None,
                timeout: float = TIMEOUT_S, max_redirects: int = MAX_REDIRECTS) -> Iterator[InputItem]:
    """Yield an article (or the error that stands for it) for every input.

    An input is a file, a folder (read recursively; files with an unknown
    suffix are skipped there, named explicitly they are an error), an
    http(s) URL, or ``-`` for standard input.
    """
    for item in paths:
        name = str(item)
        if name == "-":
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, source="-", max_bytes=max_bytes)
            continue
        if isinstance(item, str) and is_url(name):
            yield from fetch_url(name, max_bytes=max_bytes, timeout=timeout, max_redirects=max_redirects)
            continue
        path = Path(item)
        try:
            if path.is_dir():
                for child in sorted(p for p in path.rglob("*") if p.is_file()):
                    if child.suffix.lower() in SUFFIXES:
                        yield from read_file(child, max_bytes=max_bytes)
            elif not path.exists():
                yield InputError(name, "no such file or folder")
            else:
                yield from read_file(path, max_bytes=max_bytes)
        except OSError as exc:  # an unreadable folder, a name too long
            yield InputError(name, f"cannot read: {exc.strerror or exc}")


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Iterator[InputItem]:
    """Read one file; JSONL files yield one item per line (streamed: any number of records)."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield UnsupportedInput(source, f"unsupported file type {suffix or '(none)'}; use {', '.join(SUFFIXES)}")
        return
    try:
        if not path.is_file():
            yield UnsupportedInput(source, "not a regular file")
            return
        if suffix == ".jsonl":
            with open(path, "rb") as fh:
                yield from _read_jsonl(fh, source, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield InputTooLarge(source, f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB cap")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    kind = "html" if suffix in (".html", ".htm") else "text"
    yield from article_from_bytes(data, source=source, kind=kind, article_id=make_article_id(path.name))


def read_stream(stream: IO[bytes], *, source: str = "-", max_bytes: int = MAX_BYTES) -> Iterator[InputItem]:
    """Read standard input (or any byte stream): JSONL, HTML or plain text, told apart by content."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    if isinstance(data, str):  # a text stream (tests, notebooks)
        data = data.encode("utf8")
    if len(data) > max_bytes:
        yield InputTooLarge(source, f"more than the {max_bytes / 1e6:.0f} MB cap")
        return
    head = data.lstrip()[:512]
    if head[:1] == b"{":
        kind = "jsonl"
    elif head[:1] == b"<" or b"<html" in head.lower():
        kind = "html"
    else:
        kind = "text"
    yield from article_from_bytes(data, source=source, kind=kind)


def article_from_bytes(data: bytes, *, source: str, kind: str, charset: str | None = None, url: str | None = None,
                       article_id: str | None = None) -> Iterator[InputItem]:
    """The article(s) in ``data`` — ``kind`` is ``text``, ``html`` or ``jsonl`` — or the error instead."""
    try:
        if not data.strip():
            raise EmptyInput(source, "empty input" if not data else "only whitespace")
        if kind == "jsonl":
            import io

            yield from _read_jsonl(io.BytesIO(data), source, len(data) + 1, charset=charset)
            return
        text, encoding = decode_text(data, source, declared=charset, html=kind == "html")
        if article_id is None:
            stem = Path(urlsplit(url).path).name or urlsplit(url).hostname if url else "stdin"
            article_id = make_article_id(stem or "article", url or text)
        if kind == "html":
            yield article_from_html(text, source=source, article_id=article_id, url=url, encoding=encoding)
        else:
            yield _article_from_text(text, source, article_id, url=url, encoding=encoding)
    except InputError as exc:
        yield exc


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode bytes (BOM, declared charset validated, UTF-8, CP949, detection); see :mod:`kg.ingest.encoding`."""
    return decode_text(data, source, declared)[0]


def _article_from_text(raw: str, source: str, article_id: str, **meta: Any) -> Article:
    if "\x00" in raw:
        raise UnsupportedInput(source, "binary data (NUL characters), not text")
    text, found = clean_scraped_text(raw)
    if not text.strip():
        raise EmptyInput(source, "no article text" if raw.strip() else "only whitespace")
    fields = {k: v for k, v in found.items() if v}
    fields.update({k: v for k, v in meta.items() if v})
    return Article(id=article_id, text=text, source=source, **fields)


def article_from_html(data: bytes | str, *, source: str, article_id: str, url: str | None = None,
                      encoding: str | None = None, charset: str | None = None) -> Article:
    """Main text and metadata of an HTML page, via trafilatura (scripts, styles, menus and comments dropped)."""
    import trafilatura

    if isinstance(data, bytes):
        html, encoding = decode_text(data, source, declared=charset, html=True)
    else:
        html = data
    if "\x00" in html:
        html = html.replace("\x00", "")
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, as_dict=True) or {}
    except Exception:  # noqa: BLE001 — trafilatura/lxml choke on some garbage; fall back below
        doc = {}
    if not isinstance(doc, dict):  # trafilatura >= 2 may hand back a Document
        doc = doc.as_dict() if hasattr(doc, "as_dict") else {}
    text = doc.get("text") or ""
    if not text.strip():
        text = _visible_text(html)
    elif "\n" not in text.strip():
        text = _restore_lines(text, _visible_text(html))
    if not text.strip():
        raise EmptyInput(source, "no article text found in the HTML page")
    text_clean, found = clean_scraped_text(text)
    if not text_clean.strip():
        raise EmptyInput(source, "no article text found in the HTML page")
    meta = {k: v for k, v in found.items() if v}
    for key, value in (("title", doc.get("title")), ("date", doc.get("date")), ("author", _author(doc.get("author"))),
                       ("publisher", doc.get("sitename")), ("url", url or doc.get("url"))):
        if isinstance(value, str) and value.strip() and not (key == "author" and "author" in meta):
            meta[key] = value.strip()
    if "date" not in meta or not meta.get("date"):
        page_date = clean_scraped_text(_visible_text(html))[1].get("date")
        if page_date:
            meta["date"] = page_date
    return Article(id=article_id, text=text_clean, source=source, encoding=encoding, **meta)


def _author(value: Any) -> str | None:
    """trafilatura's author, without the byline around it ("홍길동 기자 · 승인" → "홍길동")."""
    if not isinstance(value, str) or not value.strip():
        return None
    if m := _REPORTER_NAME.search(value):
        return m.group(1)
    return value.strip() if len(value.strip()) <= 40 and not any(c.isdigit() for c in value) else None


_REPORTER_NAME = re.compile(r"([가-힣]{2,4})\s*(?:기자|특파원)")


def _restore_lines(flat: str, visible: str) -> str:
    """trafilatura's fallback joins paragraphs with spaces; take the page's own lines back where they match."""
    lines, pos = [], 0
    for line in visible.splitlines():
        line = " ".join(line.split())
        at = flat.find(line, pos) if len(line) >= 2 else -1
        if at >= 0:
            lines.append(line)
            pos = at + len(line)
    return "\n".join(lines) if sum(map(len, lines)) >= 0.8 * len(flat.strip()) else flat


def _visible_text(html: str) -> str:
    """The text a reader sees: no script, style, template or noscript content (lxml, no trafilatura)."""
    try:
        import lxml.html

        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 — not parseable as HTML at all
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template|//head|//svg|//iframe"):
        bad.drop_tree()
    lines = []
    for block in root.itertext():
        block = block.strip()
        if block:
            lines.append(block)
    return "\n".join(lines)


def _read_jsonl(fh: IO[bytes], source: str, max_bytes: int, charset: str | None = None) -> Iterator[InputItem]:
    records = 0
    for number, raw in enumerate(iter(lambda: fh.readline(max_bytes + 1), b""), 1):
        where = f"{source}:{number}"
        if len(raw) > max_bytes:
            yield InputTooLarge(where, f"line longer than the {max_bytes / 1e6:.0f} MB cap")
            while raw and not raw.endswith(b"\n"):  # skip the rest of the gigantic line
                raw = fh.readline(max_bytes + 1)
            continue
        if number == 1:
            if raw[:4096].startswith(b"\x1f\x8b") or b"\x00" in raw[:4096]:
                try:
                    reject_binary(raw, source)
                except InputError as exc:
                    yield exc
                    return
        if not raw.strip():
            continue
        records += 1
        try:
            line = decode_text(raw, where, declared=charset)[0].lstrip("\ufeff")
        except InputError as exc:
            yield exc
            continue
        yield from _jsonl_record(line, where, source)
    if records == 0:
        yield EmptyInput(source, "no records")


def _jsonl_record(line: str, where: str, source: str) -> Iterator[InputItem]:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        reason = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        yield InputError(where, f"malformed JSON ({reason})")
        return
    if not isinstance(record, dict):
        yield InputError(where, "a JSONL record must be an object")
        return
    body, html = record.get("text"), record.get("html")
    rid = record.get("id")
    article_id = str(rid) if isinstance(rid, (str, int)) and str(rid).strip() else make_article_id(
        Path(source).name, line)
    meta = {k: record[k].strip() for k in _META_FIELDS if isinstance(record.get(k), str) and record[k].strip()}
    if "publisher" not in meta and isinstance(record.get("source"), str) and record["source"].strip():
        meta["publisher"] = record["source"].strip()
    try:
        if isinstance(body, str) and body.strip():
            if "\x00" in body:
                raise UnsupportedInput(where, "text holds NUL characters")
            article = Article(id=article_id, text=body.strip(), source=where, encoding="utf-8")
        elif isinstance(html, str) and html.strip():
            article = article_from_html(html, source=where, article_id=article_id, url=meta.get("url"),
                                        encoding="utf-8")
        elif body is not None and not isinstance(body, str):
            raise InputError(where, f"'text' must be a string, not {type(body).__name__}")
        else:
            raise EmptyInput(where, "record has no text (nor html)")
    except InputError as exc:
        yield exc
        return
    for key, value in meta.items():
        setattr(article, key, value)
    if article.title:
        article.__post_init__()  # NFC for the record's title too
    yield article
