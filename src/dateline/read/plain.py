"""Plain-text stories with wire headers."""

from __future__ import annotations

from dateline.read.article import Article
from dateline.read.wire import agency_outlet, parse_header
from dateline.record import Source


def read_plain(text: str, source: Source) -> Article:
    """The whole text is the article; headline, dek and dateline are spans inside it."""
    header = parse_header(text)
    if source.outlet is None and header.dateline and header.dateline.agency:
        outlet = agency_outlet(header.dateline.agency.text)
        if outlet:
            source = source.model_copy(update={"outlet": outlet})
    metadata: dict[str, object] = {}
    if header.byline is not None:
        metadata["byline"] = header.byline.model_dump(mode="json")
    return Article(
        text=text,
        source=source,
        headline=header.headline,
        dek=header.dek,
        dateline=header.dateline,
        metadata=metadata,
    )
