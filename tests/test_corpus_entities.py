"""Cross-article linking: one actor, one corpus id, with evidence for each merge."""

from __future__ import annotations

from dateline.corpus.entities import link_entities
from dateline.record import Entity, Mention, Role


def _ent(id_: str, name: str, type_: str = "PERSON", kind: str = "name",
         roles: list[Role] | None = None, aliases: list[str] | None = None) -> Entity:
    return Entity(id=id_, name=name, type=type_, roles=roles or [], aliases=aliases or [],
                  mentions=[Mention(text=name, span=(0, len(name)), kind=kind)])  # type: ignore[arg-type]


SECRETARY = Role(title="State Secretary", country="Kyrgyzstan")


def test_surname_full_name_and_description_merge() -> None:
    items = [
        ("a1", _ent("e1", "Aibek Omurov", roles=[SECRETARY])),
        ("a2", _ent("e3", "Omurov")),
        ("a3", _ent("e2", "the state secretary", kind="description", roles=[SECRETARY])),
    ]
    corpus = link_entities(items)
    assert len(corpus) == 1
    actor = corpus[0]
    assert actor.name == "Aibek Omurov"
    assert actor.members == [("a1", "e1"), ("a2", "e3"), ("a3", "e2")]
    assert len(actor.evidence) == 2 and "surname" in actor.evidence[0]
    assert "role" in actor.evidence[1]


def test_shared_surname_apart_by_first_name_or_role() -> None:
    items = [
        ("a1", _ent("e1", "Ana Ionescu", roles=[Role(title="Spokeswoman")])),
        ("a1", _ent("e2", "Radu Ionescu", roles=[Role(title="Crane Operator")])),
        ("a2", _ent("e1", "Ionescu", roles=[Role(title="Crane Operator")])),
        ("a3", _ent("e4", "Ana Ionescu")),
    ]
    corpus = link_entities(items)
    assert [c.name for c in corpus] == ["Ana Ionescu", "Radu Ionescu"]
    assert corpus[1].members == [("a1", "e2"), ("a2", "e1")]
    assert corpus[0].members == [("a1", "e1"), ("a3", "e4")]


def test_acronym_alias_and_accents() -> None:
    items = [
        ("a1", _ent("e1", "Collective Security Treaty Organization", "ORG", aliases=["CSTO"])),
        ("a2", _ent("e1", "CSTO", "ORG", kind="acronym")),
        ("a1", _ent("e2", "Constanța", "GPE")),
        ("a2", _ent("e2", "Constanta", "GPE")),
    ]
    corpus = link_entities(items)
    assert len(corpus) == 2
    assert corpus[0].id.startswith("E") and corpus[0].mentions == 2
    assert link_entities(items)[0].id == corpus[0].id  # stable across runs


def test_nothing_in_nothing_out() -> None:
    assert link_entities([]) == []
