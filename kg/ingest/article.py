"""The unit of input: one news article with its metadata."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Article", "make_article_id"]


@dataclass
class Article:
    """One article: its text plus what is known about where it came from.

    >>> a = Article(id="a1", text="장관이 참석했다.", title="제목", date="2022-09-19")
    >>> a.content_hash[:12]
    '2aa1a21865f1'
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    url: str | None = None
    author: str | None = None
    publisher: str | None = None
    source: str | None = None  # file path, URL or "-" for stdin
    encoding: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # One spelling for Hangul: NFD input (macOS file names, some sites)
        # would otherwise give different tokens and IRIs.
        self.text = unicodedata.normalize("NFC", self.text)
        if self.title:
            self.title = unicodedata.normalize("NFC", self.title)

    @property
    def read_text(self) -> str:
        """What the pipeline reads: the headline, a blank line and the body — headlines name the
        article's main actors — or the body alone when it has no headline or already begins with it.
        Fact offsets (``kg:startChar``) count from the start of this text.

        >>> Article(id="a1", text="장관이 참석했다.", title="장관, 간담회 참석").read_text
        '장관, 간담회 참석\\n\\n장관이 참석했다.'
        """
        title = (self.title or "").strip()
        if not title or self.text.lstrip().startswith(title):
            return self.text
        return f"{title}\n\n{self.text}"

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: the same text gives the same hash."""
        return hashlib.sha256(self.text.encode("utf8")).hexdigest()


_ID_UNSAFE = re.compile(r"[^0-9A-Za-z가-힣_.-]+")


def make_article_id(name: str, text: str | None = None) -> str:
    """A stable, IRI-safe id from a file name (plus the text's hash when given).

    >>> make_article_id("기사 1.txt")
    '기사_1'
    >>> make_article_id("/x/y/news.html", "본문")[:10]
    'news-9118b'
    """
    stem = name.rsplit("/", 1)[-1]
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    stem = _ID_UNSAFE.sub("_", unicodedata.normalize("NFC", stem)).strip("_") or "article"
    if text is None:
        return stem
    return f"{stem}-{hashlib.sha256(text.encode('utf8')).hexdigest()[:8]}"
