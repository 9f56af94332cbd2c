"""Wire headers: headline, dek and dateline in the major house styles, as spans."""

from __future__ import annotations

import pytest

from dateline.read.article import Article
from dateline.read.dates import resolve_reference
from dateline.read.wire import parse_header
from dateline.record import Published


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
    assert resolve_reference(meta, "2024-03-17").date == "2024-03-17"
    # The story was written on the dateline's day: its "on Monday" is read from there,
    # not from the day a feed posted it.
    assert resolve_reference(meta).date == "2024-03-15"
    assert resolve_reference(meta).origin == "dateline"


def test_dateline_far_from_metadata_is_not_the_reference():
    text = "Headline\nBUCHAREST, March 15, 2024 (Reuters) - Workers voted."
    dl = parse_header(text).dateline
    archived = Article(text=text, dateline=dl, published="2024-06-01")
    assert resolve_reference(archived) == Published(date="2024-06-01", origin="metadata")
    ahead = Article(text=text, dateline=dl, published="2024-03-10")
    assert resolve_reference(ahead).origin == "metadata"


def test_yearless_dateline_filled_from_metadata_becomes_the_reference():
    text = "Headline\nTOKYO, Nov. 24 (Kyodo) -- The cabinet said Tuesday it would act."
    article = Article(text=text, dateline=parse_header(text).dateline, published="2026-11-25")
    assert resolve_reference(article) == Published(date="2026-11-24", origin="dateline")
    assert article.dateline.date == "2026-11-24"


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


# House styles of broadcasters and national agencies (probe 6): each is a data line.
MORE_STYLES = [
    # (text, dateline text, place, date, agency)
    (
        "Budget talks stall\n\nWashington (CNN) — Negotiators broke off late on Monday.",
        "Washington (CNN) —",
        "Washington",
        None,
        "CNN",
    ),
    (
        "Refinery output falls\n\nMOSCOW. Nov 27 (Interfax) - The refinery cut runs, it said.",
        "MOSCOW. Nov 27 (Interfax) -",
        "MOSCOW",
        "XXXX-11-27",
        "Interfax",
    ),
    (
        "Schools to open\n\nNew Delhi, Apr 15 (PTI) The Centre will open 12 schools, he said.",
        "New Delhi, Apr 15 (PTI)",
        "New Delhi",
        "XXXX-04-15",
        "PTI",
    ),
    (
        "Subsidies extended\n\nTOKYO, Feb. 6 Kyodo - The government will extend fuel aid.",
        "TOKYO, Feb. 6 Kyodo -",
        "TOKYO",
        "XXXX-02-06",
        "Kyodo",
    ),
    (
        "Grain talks offered\n\nANKARA\n\nTürkiye is ready to host talks, the minister said.",
        "ANKARA",
        "ANKARA",
        None,
        None,
    ),
    (
        "Ferry resumes\n\nSEOUL, March 3 (Yonhap) -- Ferry services resumed on Sunday.",
        "SEOUL, March 3 (Yonhap) --",
        "SEOUL",
        "XXXX-03-03",
        "Yonhap",
    ),
    (
        "Plant opens\n\nAUSTIN, Texas, Jan. 16, 2024 /PRNewswire/ -- A battery plant opened.",
        "AUSTIN, Texas, Jan. 16, 2024 /PRNewswire/",
        "AUSTIN",
        "2024-01-16",
        "PRNewswire",
    ),
]


@pytest.mark.parametrize(("text", "head", "place", "date", "agency"), MORE_STYLES)
def test_more_house_styles(text: str, head: str, place: str, date: str | None, agency: str | None):
    header = parse_header(text)
    dl = header.dateline
    assert dl is not None and dl.text == head
    assert text[dl.span[0] : dl.span[1]] == head
    assert dl.place.text == place and text[dl.place.span[0] : dl.place.span[1]] == place
    assert dl.date == date
    assert (dl.agency.text if dl.agency else None) == agency
    if dl.agency is not None:
        assert text[dl.agency.span[0] : dl.agency.span[1]] == agency
    assert header.dek is None
    spans_ok(text, header)


def test_broadcasters_and_agencies_name_their_outlet():
    from dateline.read.wire import agency_outlet

    assert agency_outlet("CNN") == "CNN"
    assert agency_outlet("PTI") == "Press Trust of India"
    assert agency_outlet("Anadolu") == agency_outlet("AA") == "Anadolu Agency"
    assert agency_outlet("kyodo") == "Kyodo News"


def test_missing_dash_needs_a_known_agency():
    # 'Smith (R) Two ...' and an unknown word in brackets are not datelines, even in capitals.
    for text in (
        "Headline\nSmith (R) Two senators voted against.",
        "Headline\nNEW DELHI, Apr 15 (Staff) The Centre will open schools.",
        "Headline\nParis (Nobody) The show opened.",
    ):
        assert parse_header(text).dateline is None, text


def test_unbracketed_agency_needs_a_known_agency_and_a_date():
    assert parse_header("Headline\nTOKYO, Feb. 6 Monday - Rain fell.").dateline is None
    assert parse_header("Headline\nTOKYO Kyodo - Rain fell.").dateline is None


def test_a_place_on_its_own_line_is_a_dateline_only_between_headline_and_body():
    # a one-word headline in capitals over the body stays a headline
    text = "FLOODS\n\nRivers rose across the north on Monday, officials said."
    header = parse_header(text)
    assert header.dateline is None and header.headline.text == "FLOODS"
    # a kicker on its own line is no place
    text = "Ports reopen\n\nEXCLUSIVE\n\nThe ports reopened on Monday, officials said."
    assert parse_header(text).dateline is None
    # a two-line headline in capitals is not split into headline and place
    text = "STORM HITS\nNORTH COAST\nWinds reached 140 km/h on Monday, forecasters said."
    assert parse_header(text).dateline is None
    # a section label over a real dateline gives way to the dateline
    text = "Ports reopen\nUKRAINE\nODESA (AP) — The ports reopened on Monday, officials said."
    assert parse_header(text).dateline.text == "ODESA (AP) —"
    # nothing after the place line: no body, so no dateline
    assert parse_header("Ports reopen\nANKARA").dateline is None
    # a dek between headline and place line is still the dek
    text = "Talks offered\nThe minister spoke after the meeting\nANKARA\nTürkiye will host talks."
    header = parse_header(text)
    assert header.dateline.text == "ANKARA" and header.dek.text.startswith("The minister")
    spans_ok(text, header)


def _filled(dateline_text: str, published: str) -> str | None:
    text = f"Headline\n{dateline_text} Troops arrived."
    article = Article(text=text, dateline=parse_header(text).dateline)
    resolve_reference(article, published)
    return article.dateline.date


def test_yearless_dateline_takes_the_latest_year_not_after_publication():
    # months before publication: the same year, not the next one that happens to be nearer
    assert _filled("TOKYO, Feb. 6 (Kyodo) --", "2024-09-19") == "2024-02-06"
    assert _filled("MOSCOW. Nov 27 (Interfax) -", "2024-09-19") == "2023-11-27"
    assert _filled("MOSCOW. Nov 27 (Interfax) -", "2024-11-27") == "2024-11-27"
    # one day ahead is a time zone (Tokyo's morning, a UTC publication date)
    assert _filled("TOKYO, Jan. 1 (Kyodo) --", "2023-12-31") == "2024-01-01"
    # February 29 goes back to the last leap year
    assert _filled("MOSCOW, February 29. /TASS/.", "2026-01-10") == "2024-02-29"


def test_a_label_with_a_full_stop_on_its_own_line_is_no_place():
    text = "Talks stall\nABSTRACT.\nNegotiators broke off talks on Monday, aides said."
    header = parse_header(text)
    assert header.dateline is None and header.headline.text == "Talks stall"


def test_a_label_or_byline_in_capitals_alone_is_no_dateline():
    for label in ("FACT CHECK", "WORLD NEWS", "BREAKING NEWS", "KARIN WEISS"):
        text = f"Port reopens after storm\n{label}\nDockers returned to work on Tuesday."
        assert parse_header(text).dateline is None, label
    text = "Port reopens after storm\nANKARA\nDockers returned to work on Tuesday."
    dl = parse_header(text).dateline
    assert dl is not None and dl.place is not None and dl.place.text == "ANKARA"
