"""A long plain-text "article" of any size, written for the large-input benchmark.

Wire-style paragraphs (quotes, dates, people, places, figures) written for dateline,
varied by a counter (names, numbers, days) so that no two paragraphs are the same: a
transcript or a scraped report is long in this way, not one sentence repeated.
"""

from __future__ import annotations

FIRST = (
    ("Marta", "she"), ("Daniel", "he"), ("Ines", "she"), ("Tomasz", "he"), ("Aylin", "she"),
    ("Rashid", "he"), ("Grace", "she"), ("Pieter", "he"), ("Leila", "she"), ("Kenji", "he"),
    ("Olga", "she"), ("Mateo", "he"),
)
LAST = (
    "Kowalczyk", "Osei", "Carvalho", "Lind", "Demir", "Nurlanov", "Mbeki", "Janssen",
    "Haddad", "Tanaka", "Petrova", "Ruiz", "Novak", "Mensah", "Ferreira", "Berg", "Aydin",
)
ROLES = (
    ("Foreign Minister", "Poland"), ("Finance Minister", "Ghana"),
    ("spokeswoman for the Interior Ministry", "Portugal"),
    ("chief negotiator", "the European Commission"), ("mayor of Izmir", "Turkey"),
    ("deputy prime minister", "Kazakhstan"), ("head of the port workers' union", "South Africa"),
)
PLACES = ("Warsaw", "Accra", "Lisbon", "Brussels", "Izmir", "Astana", "Durban", "Geneva")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")

TEMPLATES = (
    "{place}, {month} {day} (Dateline) - {name}, {title} of {country}, said on {weekday}"
    " that talks on the grain corridor would resume within {n} days. \"We are not going to"
    " give up on this agreement,\" {pron} told reporters after a meeting in {place}.",
    "The ministry said {n},{m:03d} people had been moved out of the flooded districts since"
    " {month} {day}, and that another {k} shelters would open by the end of the week."
    " Officials in {place} warned that the river could rise again on {weekday}.",
    "\"The figures we have seen are worse than expected,\" {name} said in a statement on"
    " {weekday}. {pron_cap} added that the budget for {year} would be revised in {month}"
    " and that the central bank had been asked to explain the shortfall.",
    "Police in {place} arrested {k} people during a protest outside parliament on {weekday}"
    " evening, a police spokesman said. Witnesses said several thousand demonstrators had"
    " marched from the main railway station, chanting slogans against the new tax.",
    "According to {name}, the delegation from {country} will travel to Geneva next"
    " {weekday} for a third round of talks. The last round, held in {month} {year}, ended"
    " without a joint statement after {n} hours of negotiation.",
    "Asked whether the government would resign, {name} said: \"That question is for"
    " parliament to decide, not for me.\" The opposition has called for an early election"
    " before {month} {next_year}.",
)


def paragraph(i: int) -> str:
    """The ``i``-th paragraph: template, person, place and figures all turn with ``i``."""
    first, pron = FIRST[i % len(FIRST)]
    name = f"{first} {LAST[(i // len(FIRST)) % len(LAST)]}"  # 204 people in turn
    title, country = ROLES[i % len(ROLES)]
    return TEMPLATES[i % len(TEMPLATES)].format(
        place=PLACES[(i // 2) % len(PLACES)],
        month=MONTHS[(i // 3) % len(MONTHS)],
        day=1 + (i * 7) % 28,
        weekday=DAYS[(i // 5) % len(DAYS)],
        name=name,
        title=title,
        country=country,
        pron=pron,
        pron_cap=pron.capitalize(),
        n=3 + i % 40,
        m=(i * 37) % 1000,
        k=2 + (i * 13) % 90,
        year=2015 + i % 8,
        next_year=2024 + i % 3,
    )


def long_text(chars: int) -> str:
    """A headline, then paragraphs separated by blank lines, until ``chars`` is reached."""
    parts = ["Talks, floods and protests: a long day of wire copy", ""]
    size = sum(len(p) + 1 for p in parts)
    i = 0
    while size < chars:
        p = paragraph(i)
        parts.extend((p, ""))
        size += len(p) + 2
        i += 1
    return "\n".join(parts)


if __name__ == "__main__":
    import sys

    sys.stdout.write(long_text(int(float(sys.argv[1]))))
