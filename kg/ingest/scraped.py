"""Clean text that was scraped together with its web page.

Scraped news (like a page copied as text) carries navigation, share buttons,
repeated photo captions, comment widgets and the publisher's footer. This
module keeps the article and reads the metadata those lines give away.

>>> page = '''UPDATED. 2025-01-06 08:15 (월)
... 장관 "지원할 것"
...   • 김기자 기자
...   • 승인 2024.11.03 10:05
... 이 기사를 공유합니다
... 장관이 18일 간담회에 참석했다. [사진=부처]
... 장관이 18일 간담회에 참석했다. [사진=부처]
... 본문은 여기서 이어진다.
... 댓글 0
...   • 등록번호 : 서울 아00000'''
>>> text, meta = clean_scraped_text(page)
>>> print(text)
장관 "지원할 것"
장관이 18일 간담회에 참석했다.
본문은 여기서 이어진다.
>>> meta["date"], meta["author"], meta["title"]
('2024-11-03', '김기자', '장관 "지원할 것"')
"""

from __future__ import annotations

import re

__all__ = ["clean_scraped_text"]

_DATE = r"(\d{4})[.\-/년]\s*(\d{1,2})[.\-/월]\s*(\d{1,2})"
_PUBLISHED = re.compile(r"(?:승인|입력|등록|게재|발행|기사입력)\s*:?\s*" + _DATE)
_REPORTER = re.compile(r"^\s*(?:[•·*\-]\s*)?([가-힣]{2,4})\s*(?:기자|특파원|객원기자)\s*$")
_BYLINE = re.compile(r"^\s*\[([^=\]]{2,30})=\s*([가-힣]{2,4})\s*(?:기자|특파원)?\]\s*$")
_REPORTER_IN_LINE = re.compile(r"(?:^|[\s•·|])([가-힣]{2,4})\s*(?:기자|특파원)(?:$|[\s•·|])")
_MAX_META_LINE = 60
_CAPTION = re.compile(r"\s*\[(?:사진|사진제공|자료|그래픽|출처)\s*[=:][^\]]*\]\s*$")
# Where the comment widget or the publisher's footer begins, the article has ended.
_TAIL = re.compile(r"^\s*(?:[•·*\-]\s*)?(?:댓글|\[?인터넷 신문 등록|등록번호|Copyright)")
_MIN_BODY_BEFORE_TAIL = 200
# Lines that belong to the page, not the article.
_CHROME = re.compile(
    r"^\s*(?:[•·*\-]\s*)?(?:"
    r"UPDATED|댓글|이 기사를 공유|공유하기|기사 ?공유|페이스북|트위터|카카오|URL ?복사|"
    r"삭제한 댓글|그래도 삭제|계정을 선택|로그인|구독|무단 ?전재|Copyright|ⓒ|©|"
    r"\[?인터넷 신문 등록|등록번호|등록일자|제호|대표이사|발행인|편집인|편집국장|발행일자|"
    r"대표전화|팩스|청소년보호|사업자등록|통신판매업|.*All rights reserved|.*저작권법"
    r")",
    re.IGNORECASE,
)

# Whole lines that are a site's menus and buttons (matched in full: "검색엔진 기업이…" is text).
_NAV_LINE = re.compile(
    r"^\s*(?:[•·*\-]\s*)?(?:"
    r"홈|HOME|전체\s?메뉴|메뉴|회원가입|로그인|로그아웃|마이페이지|검색|상세검색|기사\s?검색|닫기|열기|인쇄|프린트|"
    r"스크랩|저장|이메일|메일보내기|기사\s?보내기|SNS\s?기사보내기|글씨\s?크기|본문\s?글씨\s?(?:키우기|줄이기)|"
    r"(?:글자|폰트)\s?(?:크게|작게)|가|가\s?가|뉴스레터|구독\s?신청|기사\s?제보|제보하기|바로가기|맨\s?위로|TOP|"
    r"이전\s?기사|다음\s?기사|이전|다음|목록|네이버\s?(?:블로그|밴드)|밴드|라인|카카오톡|카카오스토리|"
    r"(?:많이\s?본|인기|관련|최신|주요|추천)\s?기사|오피니언|포토|영상|전체기사|"
    r"좋아요|싫어요|추천|공유|스크랩하기|[0-9]+"
    r")\s*$",
    re.IGNORECASE,
)
# A menu bar on one line: short words joined by | or · or /.
_MENU_BAR = re.compile(r"^\s*(?:[^\s|·/]{1,6}\s*[|·/]\s*){2,}[^\s|·/]{1,6}\s*$")


def clean_scraped_text(raw: str) -> tuple[str, dict[str, str]]:
    """Return ``(article_text, metadata)`` for text scraped with its page.

    Metadata keys (when found): ``title``, ``date`` (ISO), ``author``,
    ``publisher``.
    """
    meta: dict[str, str] = {}
    kept: list[str] = []
    seen: set[str] = set()
    for line in raw.splitlines():
        stripped = line.strip()
        if not stripped:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if m := _PUBLISHED.search(stripped):
            meta.setdefault("date", _iso(*m.groups()))
            if len(stripped) <= _MAX_META_LINE:  # a byline ("김기자 기자 · 승인 …"), not a sentence
                if r := _REPORTER_IN_LINE.search(stripped):
                    meta.setdefault("author", r.group(1))
                continue
        if m := _REPORTER.match(stripped):
            meta.setdefault("author", m.group(1))
            continue
        if m := _BYLINE.match(stripped):
            meta.setdefault("publisher", m.group(1).strip())
            meta.setdefault("author", m.group(2))
            continue
        if _TAIL.match(stripped) and sum(map(len, kept)) >= _MIN_BODY_BEFORE_TAIL:
            break
        if _CHROME.match(stripped) or _NAV_LINE.match(stripped) or _MENU_BAR.match(stripped):
            continue
        # A photo caption often states a fact; keep it once, without its credit.
        stripped = _CAPTION.sub("", stripped)
        if stripped in seen:  # repeated headline or caption
            continue
        seen.add(stripped)
        if "title" not in meta and len(stripped) >= 8:
            meta["title"] = stripped
        kept.append(stripped)
    while kept and kept[-1] == "":
        kept.pop()
    return "\n".join(kept), meta


def _iso(year: str, month: str, day: str) -> str:
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
