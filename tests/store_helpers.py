"""Small hand-made records for the store tests: every span and value is known."""

from __future__ import annotations

import os
import signal
import time
from typing import Any

import duckdb

from dateline.read.article import content_id
from dateline.record import (
    Content,
    DatelineInfo,
    Entity,
    Evidence,
    Mention,
    Published,
    Quote,
    Record,
    Role,
    Source,
    Speaker,
    StatementDate,
    Timex,
)


def at(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def ev(text: str, sub: str, nth: int = 0) -> Evidence:
    return Evidence(text=sub, span=at(text, sub, nth))


def _record(
    text: str,
    path: str,
    outlet: str,
    published: str | None,
    dateline: tuple[str, str, str | None] | None,
    quote: tuple[str, str, str, str | None] | None,
    timex: tuple[str, str] | None,
) -> Record:
    """One article: Petar Ivanov (person) and Varna (place), optionally a quote and a timex."""
    ents = [
        Entity(
            id="e1",
            name="Petar Ivanov",
            type="PERSON",
            aliases=["Ivanov"],
            roles=[Role(title="leader", organization="the dockers' union")],
            mentions=[
                Mention(text=m, span=at(text, m, n), kind="name" if m != "Ivanov" else "alias")
                for m, n in (("Petar Ivanov", 0), ("Ivanov", 1))
                if text.count(m) > n
            ],
        ),
        Entity(
            id="e2",
            name="Varna",
            type="GPE",
            mentions=[Mention(text="Varna", span=at(text, "Varna", i)) for i in range(2)],
        ),
    ]
    quotes = []
    timexes = []
    if timex:
        timexes.append(
            Timex(id="t1", text=timex[0], span=at(text, timex[0]), type="DATE", value=timex[1])
        )
    if quote:
        content, cue, speaker, date = quote
        quotes.append(
            Quote(
                id="q1",
                kind="direct",
                speaker=Speaker(text=speaker, span=at(text, speaker, 1), entity="e1"),
                cue=ev(text, cue),
                content=Content(text=content, spans=[at(text, content)]),
                channel=ev(text, "reporters") if "reporters" in text else None,
                date=StatementDate(value=date, timex="t1") if date else None,
            )
        )
    dl = None
    if dateline:
        dtext, place, date = dateline
        dl = DatelineInfo(text=dtext, span=at(text, dtext), place=ev(text, place), date=date)
    return Record(
        id=content_id(text),
        source=Source(path=path, outlet=outlet),
        headline=ev(text, text.split("\n", 1)[0]),
        dateline=dl,
        published=Published(date=published, origin="metadata") if published else None,
        language="en",
        text=text,
        entities=ents,
        quotes=quotes,
        timexes=timexes,
    )


TEXT_1 = (
    "Varna dockers walk out\n"
    "VARNA, May 6 (Reuters) - Dockworkers at the port of Varna stayed off the job on Monday,"
    " union leader Petar Ivanov said.\n"
    '"We will not go back until the offer improves," Ivanov told reporters.'
)
TEXT_2 = (
    "Varna talks stall\n"
    "VARNA, May 8 (Reuters) - Talks to end the strike at Varna stalled, and Petar Ivanov"
    " said the union had rejected a 5% offer made on May 7.\n"
    '"Five percent is an insult," Ivanov said.'
)
TEXT_3 = (
    "Varna strike ends\n"
    "VARNA, May 10. /TASS/. Petar Ivanov and the port authority signed a deal in Varna.\n"
    "Ivanov said the cranes would restart at once."
)


def records() -> list[Record]:
    r1 = _record(
        TEXT_1,
        "in/r1.txt",
        "Reuters",
        "2024-05-06",
        ("VARNA, May 6 (Reuters) -", "VARNA", None),
        ("We will not go back until the offer improves,", "told", "Ivanov", "2024-05-06"),
        ("Monday", "2024-05-06"),
    )
    r2 = _record(
        TEXT_2,
        "in/r2.txt",
        "Reuters",
        "2024-05-08",
        ("VARNA, May 8 (Reuters) -", "VARNA", None),
        ("Five percent is an insult,", "said", "Ivanov", None),
        ("May 7", "2024-05-07"),
    )
    r3 = _record(
        TEXT_3,
        "in/r3.txt",
        "TASS",
        None,
        ("VARNA, May 10. /TASS/.", "VARNA", "XXXX-05-10"),
        None,
        ("at once", "PRESENT_REF"),
    )
    return [r1, r2, r3]


def whole_articles(con: duckdb.DuckDBPyConnection) -> None:
    """Every article has exactly its child rows, and no child row lacks its article."""
    for table, count in (
        ("entities", "n_entities"),
        ("mentions", "n_mentions"),
        ("quotes", "n_quotes"),
        ("timexes", "n_timexes"),
    ):
        bad = con.execute(
            f"SELECT a.id, a.{count}, count(t.article_id) FROM articles a"
            f" LEFT JOIN {table} t ON t.article_id = a.id"
            f" GROUP BY a.id, a.{count} HAVING a.{count} <> count(t.article_id)"
        ).fetchall()
        assert not bad, (table, bad)
        orphans = con.execute(
            f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()
        assert orphans == (0,), table


CRASH_MARK = "CRASH-THIS-WORKER"
"""An article with this text kills the worker process that reads it (see fake_chunk)."""


def fake_chunk(articles: list[Any], nlp: Any, published: str | None) -> tuple[list, int, float]:
    """Stand-in for ingest.analyze_chunk in worker tests: no parse, a bare record each.

    A marked article makes its worker SIGKILL itself, like a segfault or the OOM killer.
    """
    from dateline.store.schema import record_rows

    out = []
    for art in articles:
        if CRASH_MARK in art.text:
            os.kill(os.getpid(), signal.SIGKILL)
        rec = Record(id=art.id, source=art.source, language="en", text=art.text)
        out.append(("ok", art.id, record_rows(rec.to_json_dict())))
    return out, os.getpid(), 0.0


def slow_chunk(articles: list[Any], nlp: Any, published: str | None) -> tuple[list, int, float]:
    """fake_chunk at a fifth of a second per article: time for a test to kill a worker."""
    time.sleep(0.2 * len(articles))
    return fake_chunk(articles, nlp, published)
