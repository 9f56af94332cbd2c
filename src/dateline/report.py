"""A readable terminal view of one record: what an analyst checks first."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


def _date_key(value: str | None) -> tuple[int, str]:
    # Calendar values first in order; unresolved ones last, in text order.
    if value and value[:4].isdigit():
        return (0, value)
    return (1, value or "")


def _shorten(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _cue_and_channel(quote: dict[str, Any]) -> Text:
    """The cue, and on the next line the medium or addressee (`told the Khabar 24 TV
    channel`), so a statement made on television is seen to be one."""
    cell = Text((quote.get("cue") or {}).get("text", ""))
    channel = (quote.get("channel") or {}).get("text")
    if channel:
        cell.append("\n" + channel, style="italic")
    return cell


def print_report(record: dict[str, Any], console: Console | None = None) -> None:
    # markup=False: article text such as "[the]" or "[sic]" is evidence, shown as written.
    console = console or Console(markup=False)
    head = record.get("headline") or {}
    console.rule(Text(head.get("text") or "(no headline)", style="bold"))
    if record.get("dek"):
        console.print(Text(record["dek"]["text"], style="italic"))
    facts = Table.grid(padding=(0, 2))
    dl = record.get("dateline")
    if dl:
        parts = [
            (dl.get("place") or {}).get("text"),
            dl.get("date"),
            (dl.get("agency") or {}).get("text"),
        ]
        facts.add_row("dateline", " · ".join(p for p in parts if p))
    pub = record.get("published")
    facts.add_row("reference date", f"{pub['date']} (from {pub['origin']})" if pub else "unknown")
    src = record["source"]
    facts.add_row(
        "source",
        " · ".join(str(x) for x in (src.get("outlet"), src.get("path") or src.get("url")) if x),
    )
    facts.add_row("id", record["id"])
    console.print(facts)

    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    ents = Table(title="Entities", title_justify="left", show_lines=False)
    for col in ("name", "type", "roles", "aliases", "mentions"):
        ents.add_column(col)
    for e in record.get("entities", []):
        roles = "; ".join(
            " of ".join(x for x in (r["title"], r.get("organization") or r.get("country")) if x)
            for r in e.get("roles", [])
        )
        ents.add_row(
            e["name"], e["type"], roles, ", ".join(e.get("aliases", [])), str(len(e["mentions"]))
        )
    console.print(ents)

    quotes = Table(title="Who said what", title_justify="left", show_lines=True)
    # the channel goes under its cue, not in a column of its own: at 80 columns a sixth
    # column would leave the content a dozen characters wide
    for col in ("speaker", "cue / channel", "kind", "content", "date"):
        # a long channel wraps within its cap rather than taking the content's width
        quotes.add_column(col, max_width=16 if col == "cue / channel" else None)
    for q in record.get("quotes", []):
        sp = q.get("speaker") or {}
        who = names.get(sp.get("entity") or "", sp.get("text") or "?")
        if sp.get("text") and sp.get("text") != who:
            who = f"{who} ({sp['text']})"
        quotes.add_row(
            who,
            _cue_and_channel(q),
            q["kind"] + ("" if q.get("type", "speech") == "speech" else f"/{q['type']}"),
            _shorten(q["content"]["text"]),
            (q.get("date") or {}).get("value", ""),
        )
    console.print(quotes)

    dates = Table(title="Dates in calendar order", title_justify="left")
    for col in ("value", "type", "text"):
        dates.add_column(col)
    for t in sorted(record.get("timexes", []), key=lambda t: _date_key(t.get("value"))):
        dates.add_row(t.get("value") or "?", t["type"], t["text"])
    console.print(dates)
