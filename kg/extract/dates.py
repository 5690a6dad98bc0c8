"""Normalise Korean date expressions against the article's date.

>>> normalise_date("18일(현지시간)", "2022-09-19")
'2022-09-18'
>>> normalise_date("지난달 3일", "2022-01-19")
'2021-12-03'
>>> normalise_date("2021년 5월 4일", None)
'2021-05-04'
>>> normalise_date("9월", "2022-09-19")
'2022-09'
>>> normalise_date("올해", "2022-09-19")
'2022'
>>> normalise_date("다음 달", "2022-12-19") is None
False
>>> normalise_date("오늘 10일", "2013-12-11")  # the day named beside a relative word wins
'2013-12-10'
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["DATE_PATTERN", "normalise_date"]

DATE_PATTERN = re.compile(
    r"(?:(?P<y>\d{4})\s*년\s*)?(?:(?P<m>\d{1,2})\s*월\s*)?(?:(?P<d>\d{1,2})\s*일)"
    r"|(?P<y2>\d{4})\s*년\s*(?P<m2>\d{1,2})\s*월"
    r"|(?P<ymd>\d{4})[./-](?P<mm>\d{1,2})[./-](?P<dd>\d{1,2})"
    r"|(?P<relm>지난\s?달|이번\s?달|이달|다음\s?달)(?:\s*(?P<rd>\d{1,2})\s*일)?"
    r"|(?P<rel>올해|지난해|작년|내년|어제|오늘|이날|그저께|내일|"
    r"(?:지난|오는)\s*(?P<wd>[0-9]{1,2})일)"
    r"|(?P<mo>\d{1,2})\s*월"
)


def normalise_date(expr: str, article_date: str | None) -> str | None:
    """ISO form (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) of the first date in ``expr``."""
    base = _parse_iso(article_date)
    matches = list(DATE_PATTERN.finditer(expr))
    # 오늘 10일, 어제(9일): the day named next to a relative word is the more precise.
    if len(matches) > 1 and matches[0]["rel"] and not matches[0]["wd"] and matches[1]["d"] \
            and matches[1].start() - matches[0].end() <= 2:
        matches = matches[1:]
    for m in matches:
        g = m.groupdict()
        try:
            if g["ymd"]:
                return dt.date(int(g["ymd"]), int(g["mm"]), int(g["dd"])).isoformat()
            if g["d"]:
                day = int(g["d"])
                if g["y"] and g["m"]:
                    return dt.date(int(g["y"]), int(g["m"]), day).isoformat()
                if base is None:
                    return None
                month = int(g["m"]) if g["m"] else None
                return _nearest_past(base, month, day).isoformat()
            if g["y2"]:
                return f"{int(g['y2']):04d}-{int(g['m2']):02d}"
            if g["relm"] and base is not None:
                word = g["relm"].replace(" ", "")
                month = _add_months(base, {"지난달": -1, "다음달": 1}.get(word, 0))
                if g["rd"]:
                    return month.replace(day=int(g["rd"])).isoformat()
                return f"{month.year:04d}-{month.month:02d}"
            if g["rel"] and base is not None:
                return _relative(g["rel"].replace(" ", ""), g["wd"], base)
            if g["mo"] and base is not None:
                return f"{base.year:04d}-{int(g['mo']):02d}"
        except ValueError:
            continue
    return None


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _nearest_past(base: dt.date, month: int | None, day: int) -> dt.date:
    """News speaks of the recent past: '18일' in a 19 September article is 18 September;
    '25일' in it is 25 August unless the text says otherwise."""
    if month is not None:
        candidate = dt.date(base.year, month, day)
        # 12월 in a January article is last year's December.
        return candidate if (candidate - base).days <= 180 else dt.date(base.year - 1, month, day)
    try:
        candidate = dt.date(base.year, base.month, day)
    except ValueError:
        candidate = None
    if candidate is not None and (candidate - base).days <= 7:
        return candidate
    prev = (base.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    return dt.date(prev.year, prev.month, day)


def _relative(word: str, weekday: str | None, base: dt.date) -> str | None:
    if weekday:
        day = int(weekday)
        if word.startswith("오는"):
            nxt = base.replace(day=day) if day >= base.day else _add_months(base, 1).replace(day=day)
            return nxt.isoformat()
        return _nearest_past(base, None, day).isoformat()
    if word in ("어제", "그저께"):
        return (base - dt.timedelta(days=1 if word == "어제" else 2)).isoformat()
    if word in ("오늘", "이날"):
        return base.isoformat()
    if word == "내일":
        return (base + dt.timedelta(days=1)).isoformat()
    if word == "올해":
        return f"{base.year:04d}"
    if word in ("지난해", "작년"):
        return f"{base.year - 1:04d}"
    if word == "내년":
        return f"{base.year + 1:04d}"
    return None


def _add_months(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)
