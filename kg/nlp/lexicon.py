"""Small word lists the rule components and extractors share (data files in ``data/``)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

__all__ = ["word_list", "gazetteer", "gazetteer_entries", "WITHHELD_NAME", "EVENT_HEADS", "POSITION_WORDS", "ORG_SUFFIXES", "TIME_DETERMINERS",
           "SETTLEMENT_WORDS", "STATEMENT_WORDS", "SURROUNDINGS", "AREA_WORDS",
           "VENUE_HEADS", "FACILITY_WORDS", "KOREAN_SURNAMES"]


@cache
def word_list(name: str) -> frozenset[str]:
    """Words of ``kg/nlp/data/<name>.txt``: one per line, ``#`` starts a comment.

    >>> "간담회" in word_list("event_heads")
    True
    """
    text = resources.files("kg.nlp").joinpath("data", f"{name}.txt").read_text("utf8")
    return frozenset(
        line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()
    )


EVENT_HEADS = word_list("event_heads")
POSITION_WORDS = word_list("positions")
ORG_SUFFIXES = word_list("org_suffixes")
# Words for a settlement that a place's name follows: 작은 도시 스비보드진.
SETTLEMENT_WORDS = frozenset({"도시", "소도시", "마을", "도읍", "수도", "항구도시", "섬"})
# Nouns for the area around a place, written between it and its particle: 세종대로 일대에서, 훈춘 인근.
SURROUNDINGS = frozenset({"일대", "인근", "부근", "근처", "일원", "주변"})
# …and the space before it, where things happen (국회의사당 앞에서) — though a person has one too.
AREA_WORDS = SURROUNDINGS | {"앞"}
# Words for a zone that a place name begins (대덕연구개발특구, 신동지구): places, not districts.
ZONE_HEADS = ("특구", "지구", "단지", "공단", "신도시")
# What one issues (성명을 냈다, 대국민사과문을 발표했다): a product of its article, and a node of that
# article alone, since every statement has the same word for a name.
STATEMENT_WORDS = frozenset({"성명", "성명서", "공동성명", "규탄성명", "사과문", "대국민사과문", "입장문", "호소문",
                             "결의문", "담화문", "논평", "경고문", "공개서한"})
# Nouns that end the name of a place where things happen (…장례식장, …호텔).
VENUE_HEADS = frozenset({"장례식장", "센터", "호텔", "공원", "경기장", "체육관", "박물관", "미술관", "초등학교", "중학교",
                         "고등학교", "광장", "회관", "전시장", "공연장", "컨벤션", "캠프", "본사", "청사", "기념관", "극장",
                         "회견장", "체육장", "공항", "항구", "회의장", "사옥", "대강당", "강당", "스타디움",
                         "아레나", "해수욕장", "성당", "교회", "사찰"})
# Words that end a facility's name written apart from it, often after the city it serves (샌프란시스코
# 국제공항, 오산 공군기지, 부산 신항).
FACILITY_WORDS = frozenset({"공항", "국제공항", "항", "신항", "역", "기지", "공군기지", "해군기지", "터미널", "발전소",
                            "원전", "조선소", "광산", "경기장", "구장", "돔", "대교"})
# One-letter Korean surnames, most common first.
KOREAN_SURNAMES = ("김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염"
                   "여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감호")
# A surname with 모 for a name the article withholds: 김모씨, 남모 씨, 오모(29)씨 (the age left out).
WITHHELD_NAME = re.compile(r"(?<![가-힣])([가-힣])모(?:\s?씨(?![앗름])|(?=\s?\(\d+\)\s?씨))")
# Words that point at an event or time rather than name it (이번 간담회).
TIME_DETERMINERS = frozenset({"이번", "지난", "올해", "이날", "당일", "다음", "오는", "내년", "작년", "같은", "해당", "그", "이", "본"})


@cache
def gazetteer_entries() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """``(canonical, class, aliases)`` rows of ``data/gazetteer.tsv``.

    >>> ("과학기술정보통신부", "Organization") in [(c, k) for c, k, _ in gazetteer_entries()]
    True
    """
    rows = []
    text = resources.files("kg.nlp").joinpath("data", "gazetteer.tsv").read_text("utf8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, cls, *rest = line.split("\t")
        aliases = tuple(a.strip() for a in (rest[0] if rest else "").split(",") if a.strip())
        rows.append((canonical.strip(), cls.strip(), aliases))
    return tuple(rows)


@cache
def gazetteer() -> dict[str, str]:
    """Every known name (canonical or alias) → its class.

    >>> gazetteer()["과기정통부"]
    'Organization'
    """
    return {name: cls for canonical, cls, aliases in gazetteer_entries() for name in (canonical, *aliases)}
