"""Wire headers: headline, dek and dateline in the major house styles, as spans."""

from __future__ import annotations

import pytest

from dateline.read.article import Article
from dateline.read.dates import resolve_reference
from dateline.read.wire import parse_header


def spans_ok(text: str, header) -> None:
    for ev in (header.headline, header.dek, header.dateline):
        if ev is not None:
            assert text[ev.span[0] : ev.span[1]] == ev.text


STYLES = [
    # (text, place, date, agency, body starts with)
    (
        "Bloc helps republic keep order — official\n"
        "The official said the measures were needed\n"
        "NUR-SULTAN, January 10. /TASS/. Troops from the bloc guarded airports, he said.",
        "NUR-SULTAN",
        "XXXX-01-10",
        "TASS",
        "Troops",
    ),
    (
        "Alliance to send troops\n\n"
        "ALMATY, Jan 6 (Reuters) - The alliance agreed on Thursday to send troops.",
        "ALMATY",
        "XXXX-01-06",
        "Reuters",
        "The alliance",
    ),
    (
        "Troops land at airport\n\nMOSCOW (AP) — Transport planes landed overnight.",
        "MOSCOW",
        None,
        "AP",
        "Transport",
    ),
    (
        "Calm returns to city\n\nAlmaty (AFP) - Shops reopened on Monday.",
        "Almaty",
        None,
        "AFP",
        "Shops",
    ),
    (
        "Strike spreads to second port\n\nKYIV — Dockers walked out again on Tuesday.",
        "KYIV",
        None,
        None,
        "Dockers",
    ),
    (
        "Troops land\n\nKYIV, Ukraine (AP) — Planes landed.",
        "KYIV",
        None,
        "AP",
        "Planes",
    ),
    (
        "Deal reached\n\nBUCHAREST, March 15, 2024 (Reuters) - Workers voted to return.",
        "BUCHAREST",
        "2024-03-15",
        "Reuters",
        "Workers",
    ),
    (
        "Ship queue grows\n\nCONSTANȚA — Forty ships waited offshore.",
        "CONSTANȚA",
        None,
        None,
        "Forty",
    ),
    (
        "Aid convoys to resume\n\nNEW YORK, May 2 (Reuters): Aid deliveries will resume.",
        "NEW YORK",
        "XXXX-05-02",
        "Reuters",
        "Aid deliveries",
    ),
    (
        "Council meets\n\nUNITED NATIONS (AP): The council met behind closed doors.",
        "UNITED NATIONS",
        None,
        "AP",
        "The council",
    ),
]


@pytest.mark.parametrize(("text", "place", "date", "agency", "body"), STYLES)
def test_dateline_styles(text: str, place: str, date: str | None, agency: str | None, body: str):
    header = parse_header(text)
    dl = header.dateline
    assert dl is not None
    assert dl.place is not None and dl.place.text == place
    assert dl.date == date
    assert (dl.agency.text if dl.agency else None) == agency
    assert text[dl.span[1] :].lstrip().startswith(body)
    assert header.headline is not None and text.startswith(header.headline.text)
    spans_ok(text, header)


def test_tass_headline_and_dek_are_the_lines_before_the_dateline():
    text = STYLES[0][0]
    header = parse_header(text)
    assert header.headline.text == "Bloc helps republic keep order — official"
    assert header.dek.text == "The official said the measures were needed"
    assert header.dateline.text == "NUR-SULTAN, January 10. /TASS/."


def test_no_dateline_keeps_a_headline_but_no_dateline():
    text = "Explainer: how the week unfolded\n\nProtests began on a Sunday. They spread fast."
    header = parse_header(text)
    assert header.dateline is None
    assert header.headline.text == "Explainer: how the week unfolded"
    assert header.dek is None


def test_title_case_headline_with_a_full_stop_is_still_a_headline():
    # some archives end every title with a full stop; the Title Case gives it away
    text = "Port Strike Spreads to Two More Terminals in the South.\n\nDockers walked out."
    header = parse_header(text)
    assert header.headline.text == "Port Strike Spreads to Two More Terminals in the South."
    spans_ok(text, header)
    prose = "Dockers walked out at two more terminals.\n\nThe union said pay was too low."
    assert parse_header(prose).headline is None


def test_plain_prose_has_no_header():
    text = "Protests began on a Sunday. They spread fast.\nPolice made arrests."
    header = parse_header(text)
    assert header.dateline is None and header.headline is None


def test_words_before_a_dash_are_not_a_dateline():
    # Capitals required for a bare dateline; "I" is too short to be a place.
    for text in (
        "Headline\nThe minister — a veteran — spoke.",
        "Headline\nI — for one — disagree.",
    ):
        assert parse_header(text).dateline is None


def test_unknown_agency_keeps_a_wire_dateline_without_an_outlet():
    dl = parse_header("Headline\nALMATY, Jan 6 (Kazakh Radio) - Troops arrived.").dateline
    assert dl.place.text == "ALMATY" and dl.agency.text == "Kazakh Radio"
    assert dl.date == "XXXX-01-06"
    # In title case, an unknown word in brackets is too weak a sign.
    assert parse_header("Headline\nParis (Nobody) - text follows.").dateline is None


def test_agency_tokens_match_in_any_case():
    from dateline.read.wire import agency_outlet

    assert agency_outlet("REUTERS") == "Reuters"
    assert agency_outlet("Unknown Wire") is None


def test_kickers_are_not_places():
    for text in ("Headline\nEXCLUSIVE — Officials said.", "Headline\nANALYSIS - The vote was."):
        assert parse_header(text).dateline is None


def test_no_break_spaces_and_tabs_in_a_dateline():
    dl = parse_header("Headline\nALMATY,\u00a0Jan.\u00a06 (Reuters)\t- Troops arrived.").dateline
    assert dl is not None and dl.date == "XXXX-01-06"


def test_impossible_dates_are_not_dates():
    assert parse_header("H\nALMATY, Feb 30, 2022 (Reuters) - Text.").dateline.date is None
    assert parse_header("H\nMOSCOW, February 29. /TASS/. Text.").dateline.date == "XXXX-02-29"


def test_byline_between_headline_and_dateline():
    text = "Troops leave\nBy Anna Petrova and John Smith\nALMATY (AP) — Troops left."
    header = parse_header(text)
    assert header.byline.text == "By Anna Petrova and John Smith"
    assert header.headline.text == "Troops leave" and header.dek is None


def test_yearless_dateline_takes_year_from_published():
    text = STYLES[0][0]
    header = parse_header(text)
    article = Article(text=text, dateline=header.dateline)
    published = resolve_reference(article, "2022-01-10")
    assert published.date == "2022-01-10" and published.origin == "option"
    assert article.dateline.date == "2022-01-10"


def test_yearless_dateline_near_new_year_takes_the_nearer_year():
    text = "Headline\nMOSCOW, December 31. /TASS/. Fireworks were cancelled."
    article = Article(text=text, dateline=parse_header(text).dateline)
    resolve_reference(article, "2022-01-02")
    assert article.dateline.date == "2021-12-31"


def test_reference_date_order_option_metadata_dateline():
    text = "Headline\nBUCHAREST, March 15, 2024 (Reuters) - Workers voted."
    dl = parse_header(text).dateline
    assert resolve_reference(Article(text=text, dateline=dl)).origin == "dateline"
    assert resolve_reference(Article(text=text, dateline=dl)).date == "2024-03-15"
    meta = Article(text=text, dateline=dl, published="2024-03-16")
    assert resolve_reference(meta).origin == "metadata"
    assert resolve_reference(meta, "2024-03-17").date == "2024-03-17"


def test_yearless_dateline_without_published_stays_partial():
    text = STYLES[0][0]
    article = Article(text=text, dateline=parse_header(text).dateline)
    assert resolve_reference(article) is None
    assert article.dateline.date == "XXXX-01-10"


def test_crlf_text_spans_still_match():
    text = "Troops land\r\n\r\nMOSCOW (AP) — Planes landed.\r\n"
    header = parse_header(text)
    assert header.headline.text == "Troops land"
    spans_ok(text, header)


def test_a_transcript_line_with_a_parenthesis_and_colon_is_no_dateline():
    # Same shape as 'UNITED NATIONS (AP):', but no news agency in the brackets.
    text = "Interview with the mayor\n\nDURMAZ (through translator): We rebuilt the port."
    assert parse_header(text).dateline is None
