"""The reference date: which day "on Monday" and a year-less dateline are read against.

Order of trust: the user's ``--published``, then the dateline's own date, then the input's
metadata. The story's "on Monday" was written on the dateline's day, while a feed's or a
page's date is when it was posted, often a day later (Tokyo copy read in UTC) and
sometimes weeks later (an archive); a dateline date far from the metadata's (more than a
month before it or days after it) is taken for a misreading and the metadata stands.
A dateline without a year takes the latest year that does not put it more than a month
after the reference date (a December 31 dateline on a story published January 2 belongs to
the year before; a February 6 dateline on a story published in September, to the same
year; a May 5 dateline on a story dated May 3, too).
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.read.article import Article
from dateline.record import Published


def normalise_date(value: str) -> str | None:
    """ISO date (YYYY-MM-DD) from an ISO date/datetime or an RFC 2822 feed date."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    # Absolute dates only ("March 5, 2024", "5 Mar 2024"): a relative "yesterday" would
    # tie the record to the day it was analyzed, and "06/01/2022" is ambiguous.
    if re.fullmatch(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}", value):
        return None
    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={
            "STRICT_PARSING": True,
            "PARSERS": ["custom-formats", "absolute-time"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date().isoformat() if parsed else None


# A dateline may be ahead of the reference date: Tokyo's morning is still the previous day
# in UTC, and a feed's or archive's date can lag the story by days. A dateline up to a
# month after the reference date is taken in its year; further ahead, the year before.
_DATELINE_LEAD = dt.timedelta(days=31)

# How far the dateline's date may stand from the metadata's and still be the reference:
# filed up to a month before the posting date, or up to two days after it (time zones).
_FILED_BEFORE = dt.timedelta(days=31)
_FILED_AFTER = dt.timedelta(days=2)


def _latest_year(month: int, day: int, ref: dt.date) -> str | None:
    """The latest year that puts the dateline's day no later than the reference date plus
    the allowed lead: a story is filed before it is published, never months ahead of it."""
    for year in range(ref.year + 1, ref.year - 8, -1):  # back to the last February 29
        try:
            cand = dt.date(year, month, day)
        except ValueError:  # February 29 outside a leap year
            continue
        if cand <= ref + _DATELINE_LEAD:
            return cand.isoformat()
    return None


def resolve_reference(article: Article, option: str | None = None) -> Published | None:
    """Choose the reference date and complete a year-less dateline in place."""
    published: Published | None = None
    if option:
        published = Published(date=option, origin="option")
    elif article.published:
        published = Published(date=article.published, origin="metadata")
    dl = article.dateline
    if dl and dl.date:
        if dl.date.startswith("XXXX") and published:
            month, day = int(dl.date[5:7]), int(dl.date[8:10])
            filled = _latest_year(month, day, dt.date.fromisoformat(published.date))
            if filled:
                article.dateline = dl = dl.model_copy(update={"date": filled})
        if not dl.date.startswith("XXXX") and (
            published is None
            or (published.origin == "metadata" and _filed_near(dl.date, published.date))
        ):
            published = Published(date=dl.date, origin="dateline")
    return published


def _filed_near(filed: str, posted: str) -> bool:
    """Whether a dateline's date is plausibly the filing day of a story posted on ``posted``."""
    try:
        gap = dt.date.fromisoformat(posted) - dt.date.fromisoformat(filed)
    except ValueError:  # a partial date ("2024-03") dates no day
        return False
    return -_FILED_AFTER <= gap <= _FILED_BEFORE


def check_date(value: str | None) -> str | None:
    """A reference date must be an ISO calendar date; say so in one line if not."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None
