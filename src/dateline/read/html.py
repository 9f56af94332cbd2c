"""HTML pages: trafilatura finds the article; its text becomes the record's text."""

from __future__ import annotations

from dateline.read.article import Article
from dateline.read.dates import normalise_date
from dateline.read.errors import ReadError
from dateline.read.plain import read_plain
from dateline.record import Evidence, Source

MIN_CHARS = 80
"""Below this, what trafilatura kept is boilerplate, not a story."""


def read_html(html: str, source: Source) -> Article:
    import trafilatura  # 0.25 s to import: paid only when HTML is read

    doc = trafilatura.bare_extraction(
        html,
        url=source.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    text = (doc.text if doc is not None else None) or ""
    if len(text.strip()) < MIN_CHARS:
        raise ReadError("no_article", "no article text found in the HTML page", source.path)
    source = source.model_copy(
        update={
            "format": "html",
            "url": source.url or doc.url,
            "outlet": source.outlet or doc.sitename,
        }
    )
    article = read_plain(text, source)
    if article.headline is None and doc.title:
        article.headline = Evidence(text=doc.title, span=None)
    if doc.date:
        article.published = normalise_date(doc.date)
    article.metadata = article.metadata | {
        k: v
        for k, v in {
            "author": doc.author,
            "description": doc.description,
            "hostname": doc.hostname,
            "categories": doc.categories or None,
            "tags": doc.tags or None,
        }.items()
        if v
    }
    return article
