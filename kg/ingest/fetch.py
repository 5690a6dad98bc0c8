"""Fetch articles from http(s) URLs with httpx: timeouts, a size cap, a redirect cap.

The body is read in chunks and abandoned as soon as it passes the cap (a
``Content-Length`` over the cap is refused before reading), so a gigantic or
endless response costs at most ``max_bytes``. Compressed transfer encodings are
undone by httpx and the cap applies to the decompressed bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from kg.errors import InputError, InputTooLarge, UnsupportedInput

__all__ = ["fetch_url", "is_url", "TIMEOUT_S", "MAX_REDIRECTS"]

TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
USER_AGENT = "kg/0.1 (+https://w3id.org/kg; knowledge graphs from Korean news)"


def is_url(text: str) -> bool:
    """True for http(s) URLs.

    >>> is_url("https://news.example/a?id=1"), is_url("news/a.html")
    (True, False)
    """
    return text.lower().startswith(("http://", "https://"))


def fetch_url(url: str, *, max_bytes: int, timeout: float = TIMEOUT_S, max_redirects: int = MAX_REDIRECTS,
              client: Any = None) -> Iterator[Any]:
    """Yield the article(s) at ``url`` (or the :class:`InputError` standing for them)."""
    import httpx

    from kg.ingest.readers import article_from_bytes

    try:
        own = client is None
        client = client or httpx.Client(
            follow_redirects=True, max_redirects=max_redirects,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain,application/jsonl;q=0.9,*/*;q=0.5"})
        try:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > max_bytes:
                    raise InputTooLarge(url, f"{int(length) / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB cap")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise InputTooLarge(url, f"more than the {max_bytes / 1e6:.0f} MB cap; download abandoned")
                    chunks.append(chunk)
                data = b"".join(chunks)
                final_url = str(response.url)
                ctype = response.headers.get("content-type", "")
                charset = response.charset_encoding
        finally:
            if own:
                client.close()
    except InputError as exc:
        yield exc
        return
    except httpx.TooManyRedirects:
        yield InputError(url, f"too many redirects (more than {max_redirects})")
        return
    except httpx.TimeoutException:
        yield InputError(url, f"timed out after {timeout:g} s")
        return
    except httpx.InvalidURL as exc:
        yield InputError(url, f"invalid URL: {exc}")
        return
    except httpx.HTTPError as exc:
        yield InputError(url, f"cannot fetch: {type(exc).__name__}: {exc}")
        return
    except UnicodeError as exc:  # e.g. an IDNA host name httpx cannot encode
        yield InputError(url, f"invalid URL: {exc}")
        return

    mime = ctype.split(";", 1)[0].strip().lower()
    if mime == "application/octet-stream" or not mime:  # unlabelled: let the bytes say what they are
        from kg.ingest.encoding import reject_binary

        try:
            reject_binary(data, url)
        except InputError as exc:
            yield exc
            return
        mime = ""
    if mime and not (mime.startswith("text/") or mime in _TEXTUAL):
        yield UnsupportedInput(url, f"content type {mime} is not an article (text, HTML or JSONL)")
        return
    path = urlsplit(final_url).path.lower()
    if mime in ("application/jsonl", "application/x-ndjson", "application/x-jsonlines") or path.endswith(".jsonl"):
        kind = "jsonl"
    elif mime in ("text/html", "application/xhtml+xml") or (not mime and data.lstrip()[:1] == b"<"):
        kind = "html"
    else:
        kind = "text"
    yield from article_from_bytes(data, source=url, kind=kind, charset=charset, url=final_url)


_TEXTUAL = {"application/xhtml+xml", "application/jsonl", "application/x-ndjson", "application/x-jsonlines",
            "application/json", "application/xml"}
