"""Names, titles and junk entities from a seventh probe (entities round 8).

Every story here is written for these tests, in the styles of Korean, Hong Kong, US
state-house and court, Australian, Italian and South African English-language wire copy,
with invented people and companies."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.analysis import analyze_articles
from dateline.read import read_text
from dateline.record import Source


def _record(nlp: Language, text: str) -> dict[str, Any]:
    items = list(read_text(text, Source(), "text"))
    (record,) = list(analyze_articles(items, published="2025-05-08", nlp=nlp))
    if isinstance(record, Exception):  # an empty text is a read error, not a record
        return {"text": "", "entities": [], "quotes": []}
    rec = record.to_json_dict()
    for e in rec["entities"]:
        for m in e["mentions"]:
            assert rec["text"][m["span"][0] : m["span"][1]] == m["text"]
    return rec


def _names(rec: dict[str, Any]) -> dict[str, str]:
    return {e["name"]: e["type"] for e in rec["entities"]}


def _entity(rec: dict[str, Any], name: str) -> dict[str, Any]:
    return next(e for e in rec["entities"] if e["name"] == name)


def _roles(rec: dict[str, Any], name: str) -> list[tuple[str, str | None, str | None]]:
    return [(r["title"], r["organization"], r["country"]) for r in _entity(rec, name)["roles"]]


def _speakers(rec: dict[str, Any]) -> list[str | None]:
    names = {e["id"]: e["name"] for e in rec["entities"]}
    return [names.get((q.get("speaker") or {}).get("entity")) for q in rec["quotes"]]


def test_hyphenated_given_names_are_whole(nlp: Language) -> None:
    rec = _record(nlp, "Unification ministry spokesperson Han Seung-jae told a briefing that "
                       "Seoul \"strongly condemns\" the launch. North Korean leader Kim Jong-un "
                       "watched the test, the agency said. Kim called for more launches.")
    names = _names(rec)
    assert names["Han Seung-jae"] == "PERSON" and "Han Seung" not in names
    assert "Kim Jong-un" in names and "Kim Jong" not in names
    kim = [m["text"] for m in _entity(rec, "Kim Jong-un")["mentions"]]
    assert "Kim" in kim
    assert "Han Seung-jae" in _speakers(rec)


def test_english_name_before_a_cantonese_one(nlp: Language) -> None:
    rec = _record(nlp, "Secretary for Security Tony Ma Wing-kei told lawmakers on Wednesday that "
                       "the rules would change. Lawmaker Ho Siu-ming said the plan was slow.")
    assert _roles(rec, "Tony Ma Wing-kei") == [("Secretary for Security", None, None)]
    assert "Security" not in _names(rec)
    assert _roles(rec, "Ho Siu-ming")[0][0] == "Lawmaker"
    assert set(_speakers(rec)) >= {"Tony Ma Wing-kei", "Ho Siu-ming"}


def test_english_words_after_a_hyphen_stay_out(nlp: Language) -> None:
    rec = _record(nlp, "Officials discussed the Carter-era treaty and the Mark Ellis-led talks "
                       "with Park Min-ho in Seoul.")
    names = _names(rec)
    assert "Park Min-ho" in names
    assert not any(n.endswith(("-era", "-led")) for n in names)


def test_a_bare_title_takes_no_far_away_country(nlp: Language) -> None:
    rec = _record(nlp, "COLUMBUS, Ohio (AP) -- A battery maker will build a plant near "
                       "Columbus, officials said on Tuesday.\n\n"
                       "The plant will employ 2,000 people.\n\n"
                       "Governor Dana Pruitt told a radio station that the state had won.\n\n"
                       "Some analysts fear competition from Chinese manufacturers.")
    assert _roles(rec, "Dana Pruitt") == [("Governor", None, None)]


def test_a_story_country_still_gives_a_national_post(nlp: Language) -> None:
    rec = _record(nlp, "Romanian farmers blocked roads on Monday.\n\n"
                       "The protest spread to three towns.\n\n"
                       "Agriculture Minister Dan Ilie said talks would start on Friday.")
    assert _roles(rec, "Dan Ilie") == [("Agriculture Minister", None, "Romania")]


def test_a_state_attorney_general_is_not_the_country_s(nlp: Language) -> None:
    rec = _record(nlp, "AUSTIN, Texas -- A judge on Friday blocked a state law.\n\n"
                       "The United States is not a party to the case.\n\n"
                       "Lawyers argued for hours.\n\n"
                       "Attorney General Tom Reyes said his office would appeal.")
    assert _roles(rec, "Tom Reyes") == [("Attorney General", None, None)]


def test_names_run_together_over_a_clause_are_split(nlp: Language) -> None:
    rec = _record(nlp, "Energy analyst Pieter Botha told Daily Maverick that Eskom had spent "
                       "too much on diesel. \"It cannot go on,\" he said. According to sources "
                       "at Palazzo Chigi, Meloni will raise the issue.")
    names = _names(rec)
    assert names.get("Daily Maverick") == "MEDIA"
    assert names.get("Eskom") == "ORG"
    assert not any(" that " in n or "," in n for n in names)
    he = [m for m in _entity(rec, "Pieter Botha")["mentions"] if m["kind"] == "pronoun"]
    assert [m["text"] for m in he] == ["he"]


def test_junk_is_no_actor(nlp: Language) -> None:
    rec = _record(nlp, "South Korean and US troops began the annual Iron Gate exercise on "
                       "Monday. Floods hit the Logan and Albert rivers over Easter. Turnout was "
                       "low, officials said. Trump wrote on Truth Social that he was pleased.\n"
                       "(END)")
    names = _names(rec)
    assert "END" not in names and "Easter" not in names and "Turnout" not in names
    assert names.get("Iron Gate") in (None, "EVENT")
    assert names.get("Albert") in (None, "LOC")
    assert names.get("Truth Social") in (None, "MEDIA")


def test_state_delegate_and_district_judge(nlp: Language) -> None:
    rec = _record(nlp, "State Del. Marcus Hale said the bill would pass. U.S. District Judge "
                       "Ann Ruiz blocked the order on Monday.")
    names = _names(rec)
    assert names["Marcus Hale"] == "PERSON" and "State" not in names and "Del." not in names
    assert _roles(rec, "Marcus Hale") == [("State Delegate", None, None)]
    assert _roles(rec, "Ann Ruiz") == [("District Judge", None, "United States")]


def test_premier_coach_and_group_posts(nlp: Language) -> None:
    rec = _record(nlp, "Italian Premier Giorgia Meloni said Rome would not yield. The premier "
                       "spoke after talks. On Sunday, Broncos coach Mick Lane said the team was "
                       "tired. Group Chief Executive Dan Moloi agreed.")
    assert _roles(rec, "Giorgia Meloni") == [("Premier", None, "Italy")]
    texts = [m["text"] for m in _entity(rec, "Giorgia Meloni")["mentions"]]
    assert "The premier" in texts
    assert _roles(rec, "Mick Lane") == [("Coach", "Broncos", None)]
    assert _roles(rec, "Dan Moloi") == [("Group Chief Executive", None, None)]
    assert "Group" not in _names(rec)


def test_premier_league_is_no_person(nlp: Language) -> None:
    rec = _record(nlp, "Premier League chief executive Richard Moss said the league would act. "
                       "Officials in Prince Edward Island said nothing.")
    names = _names(rec)
    assert "League" not in names and "Premier League" not in names
    assert _roles(rec, "Richard Moss")[0][:2] == ("Chief Executive", "Premier League")


def test_portfolio_opening_a_sentence(nlp: Language) -> None:
    rec = _record(nlp, "Officials said electricity supply was stable. Electricity Minister "
                       "Sipho Dlamini agreed. Today Minister Ann Lowe said the plan was ready.")
    assert _roles(rec, "Sipho Dlamini")[0][0] == "Electricity Minister"
    assert _roles(rec, "Ann Lowe")[0][0] == "Minister"


def test_one_actor_under_short_and_full_names(nlp: Language) -> None:
    rec = _record(nlp, "Larchfield Retail to cut 300 jobs\n\n"
                       "Larchfield Retail Corp said on Tuesday it would cut 300 jobs.")
    assert [n for n in _names(rec) if n.startswith("Larchfield")] == ["Larchfield Retail Corp"]
    rec = _record(nlp, "N. Korea fires missiles\n\nSEOUL, May 8 (Yonhap) -- North Korea fired "
                       "missiles on Thursday. The North has fired five times this year, South "
                       "Korea said.")
    korea = [m["text"] for m in _entity(rec, "North Korea")["mentions"]]
    assert korea[:1] == ["N. Korea"] and "North" in korea
    assert "North" not in _names(rec)


def test_the_south_of_a_us_story_is_no_korea(nlp: Language) -> None:
    rec = _record(nlp, "South Korea's largest carmaker will build a plant in the South, "
                       "officials said.")
    korea = [m["text"] for m in _entity(rec, "South Korea")["mentions"]]
    assert "South" not in korea


def test_odd_input(nlp: Language) -> None:
    assert _record(nlp, "")["entities"] == []
    rec = _record(nlp, "« Kim Jong-un » a dit que Séoul doit céder. Koo-sam -un said nothing.")
    assert all(m["text"] for e in rec["entities"] for m in e["mentions"])
