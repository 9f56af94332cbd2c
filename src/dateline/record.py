"""The record: one article in, one versioned JSON object out.

Every fact carries a ``span``: a ``[start, end)`` pair of character offsets into the
record's ``text``, so ``text[start:end]`` is the evidence a person can read. The models
here are the single source of the published JSON Schema (``schema/record.schema.json``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Span = tuple[int, int]
"""``[start, end)`` character offsets into the record's ``text``."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A piece of text and where it stands in the article."""

    text: str
    span: Span | None = Field(
        default=None, description="[start, end) into `text`; null when not in the text"
    )


class Source(_Model):
    path: str | None = Field(default=None, description="file the article was read from")
    url: str | None = None
    outlet: str | None = Field(default=None, description="publisher or agency")
    format: Literal["text", "json", "jsonl", "html", "feed", "warc"] = "text"
    line: int | None = Field(
        default=None, description="1-based line (JSONL) or item number (JSON list, feed, WARC)"
    )


class DatelineInfo(_Model):
    """The wire header that opens a story: ``NUR-SULTAN, January 10. /TASS/.``"""

    text: str
    span: Span
    place: Evidence | None = None
    date: str | None = Field(
        default=None,
        description="ISO date; `XXXX-MM-DD` when the dateline has no year and none is known",
    )
    date_text: Evidence | None = None
    agency: Evidence | None = None


class Published(_Model):
    """The reference date against which relative dates are resolved."""

    date: str = Field(description="ISO date (YYYY-MM-DD)")
    origin: Literal["option", "metadata", "dateline"] = Field(
        description="where the date came from: --published, the input's metadata, or the dateline"
    )


class Role(_Model):
    title: str
    organization: str | None = None
    country: str | None = None
    span: Span | None = None


class Mention(_Model):
    text: str
    span: Span
    kind: Literal["name", "alias", "acronym", "title", "description", "pronoun", "demonym"] = "name"


class Entity(_Model):
    id: str = Field(description="article-local id, e.g. `e1`")
    name: str
    type: str = Field(description="PERSON, ORG, GPE, MEDIA, LOC, NORP, ...")
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Speaker(_Model):
    text: str
    span: Span | None = None
    entity: str | None = Field(default=None, description="id of the entity in `entities`")


class Content(_Model):
    text: str
    spans: list[Span]


class StatementDate(_Model):
    value: str = Field(description="TIMEX3 value, e.g. 2022-01-10")
    timex: str | None = Field(default=None, description="id of the timex it came from")


class Quote(_Model):
    id: str
    kind: Literal["direct", "indirect", "mixed"]
    type: Literal["speech", "cognition"] = "speech"
    speaker: Speaker | None = None
    cue: Evidence | None = None
    content: Content
    channel: Evidence | None = Field(
        default=None, description="medium or addressee: `told the Khabar 24 TV channel`"
    )
    date: StatementDate | None = None


class Timex(_Model):
    id: str
    text: str
    span: Span
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None = Field(default=None, description="TIMEX3 value, null if unresolved")
    anchor: str | None = Field(
        default=None, description="id of the timex (or `published`) it was resolved against"
    )


class Record(_Model):
    """One article, analyzed."""

    schema_: str = Field(default=SCHEMA_VERSION, alias="schema")
    id: str = Field(description="content hash of `text` (sha256, 16 hex digits)")
    source: Source
    headline: Evidence | None = None
    dek: Evidence | None = None
    dateline: DatelineInfo | None = None
    published: Published | None = None
    language: str = Field(description="ISO 639-1 code")
    text: str
    metadata: dict[str, object] = Field(default_factory=dict)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json", by_alias=True)


def json_schema() -> dict[str, object]:
    """The JSON Schema published at ``schema/record.schema.json``."""
    schema = Record.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://dateline.invalid/schema/record-{SCHEMA_VERSION}.json"
    return schema
