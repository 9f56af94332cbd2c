"""The record: published schema, validation, and evidence spans that point at their text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema

from dateline.record import json_schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "src/dateline/schema/record.schema.json"


def test_published_schema_matches_the_models():
    published = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert published == json_schema(), "regenerate: dateline schema > " + str(SCHEMA_FILE)


def test_every_sample_record_validates(sample_records: list[dict]):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert len(sample_records) >= 12
    for record in sample_records:
        errors = list(validator.iter_errors(record))
        assert not errors, (record["source"], errors[0].message)


def test_schema_rejects_a_broken_record(sample_records: list[dict]):
    validator = jsonschema.Draft202012Validator(json_schema())
    broken = dict(sample_records[0])
    broken["timexes"] = [{"id": "t1", "text": "Monday", "span": [1], "type": "WEEKDAY"}]
    assert not validator.is_valid(broken)


def evidence(node: Any, path: str = "") -> Iterator[tuple[str, str, list[int]]]:
    """Every (path, text, span) pair anywhere in the record."""
    if isinstance(node, dict):
        if isinstance(node.get("span"), list) and isinstance(node.get("text"), str):
            yield path, node["text"], node["span"]
        for key, value in node.items():
            if key != "text" or not isinstance(value, str):
                yield from evidence(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from evidence(value, f"{path}[{i}]")


def test_every_span_of_every_sample_is_its_evidence(sample_records: list[dict]):
    checked = 0
    for record in sample_records:
        text = record["text"]
        body = {k: v for k, v in record.items() if k != "text"}
        for where, shown, (start, end) in evidence(body):
            assert 0 <= start < end <= len(text), (record["source"]["path"], where)
            assert text[start:end] == shown, (record["source"]["path"], where)
            checked += 1
        for q in record["quotes"]:
            for start, end in q["content"]["spans"]:
                assert 0 <= start < end <= len(text)
                assert text[start:end] in q["content"]["text"] or q["content"]["text"] in text
    assert checked > 100


def test_plain_text_and_json_text_are_kept_exactly(sample_records: list[dict], samples_dir: Path):
    seen = 0
    for record in sample_records:
        path = Path(record["source"]["path"])
        if path.suffix == ".txt":
            assert record["text"] == path.read_bytes().decode("utf-8")
            seen += 1
        elif path.suffix == ".json":
            assert record["text"] == json.loads(path.read_text(encoding="utf-8"))["text"]
            seen += 1
        elif path.suffix == ".jsonl":
            line = path.read_text(encoding="utf-8").splitlines()[record["source"]["line"] - 1]
            assert record["text"] == json.loads(line)["text"]
            seen += 1
    assert seen >= 10


def test_ids_are_content_hashes(sample_records: list[dict]):
    import hashlib

    for record in sample_records:
        assert record["id"] == hashlib.sha256(record["text"].encode()).hexdigest()[:16]
    assert len({r["id"] for r in sample_records}) == len(sample_records)


def test_samples_cover_the_outlet_styles(sample_records: list[dict]):
    agencies = {
        (r["dateline"] or {}).get("agency", {}) and r["dateline"]["agency"]["text"]
        for r in sample_records
        if r["dateline"]
    }
    assert {"TASS", "Reuters", "AP", "AFP"} <= agencies
    assert any(r["dateline"] and r["dateline"]["agency"] is None for r in sample_records)
    assert any(r["dateline"] is None for r in sample_records)
