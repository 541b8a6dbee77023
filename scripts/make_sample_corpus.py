"""Build python/newscorpus/data/sample_corpus.jsonl: the sample corpus shipped with the package.

Everything here is fiction written for newscorpus: places, people, outlets and events are
invented. Each story has an original article, copies (verbatim or reformatted by another
outlet's site, with that site's furniture), rewrites and independent reports, so the demo
and the tests can show duplicates, rewrites and same-story coverage.

Run: python scripts/make_sample_corpus.py
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "python" / "newscorpus" / "data" / "sample_corpus.jsonl"

# --- Outlet furniture -------------------------------------------------------------------

COASTLINE_APPEAL = (
    "A message from Coastline Daily:\n"
    "Dear readers,\n"
    "Local reporting costs money to make, and advertising no longer pays for it. "
    "Coastline Daily depends on the support of readers like you.\n"
    "If you can, please make a monthly contribution. Every contribution keeps independent journalism on the coast alive.\n"
    "Remind me later."
)
LEDGER_LINE = "The Northern Ledger is funded by its readers and answers to no owner."
METRO_LINE = "Got a story? Metro Bulletin reporters read every tip sent to the newsroom."
METRO_FOLLOW = "Follow Metro Bulletin on Telegram"


def coastline(text: str) -> str:
    """Coastline Daily reposts: a scraped 'date' prefix and its appeal at the end."""
    return text + "\n" + COASTLINE_APPEAL


def ledger_markdown(title: str, date: str, text: str, url: str, credit: str) -> str:
    """The Northern Ledger's site as scraped to markdown: heading, date line, photo credit,
    bold and links, curly quotes, the Ledger's own line, and an 'Original url' footer."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    body = "\n\n".join(paras)
    body = body.replace('"', "\u201c", 1)
    return (
        f"\n\n# {title}\n\n{date}\n\n\n\n{credit}\n\n{body}\n\n{LEDGER_LINE}\n\n"
        f"Original url:\n\n<{url}>"
    )


def metro_html(title: str, text: str) -> str:
    """Metro Bulletin's feed: HTML paragraphs and entities, a follow line and its tip line."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    body = "".join(f"<p>{p.replace('&', '&amp;').replace(chr(39), '&rsquo;')}</p>" for p in paras)
    return f"<h1>{title}</h1>{body}<p>{METRO_FOLLOW}</p><p>{METRO_LINE}</p>"


def mojibake(text: str) -> str:
    """The classic double-decoding: UTF-8 bytes read as Windows-1252."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def wpa(dateline: str, text: str, credits: str) -> str:
    return f"{dateline} (WPA) - {text}\nReporting by {credits}; Editing by Clara Voss"


# --- Story A: the Marlow Bay port strike ------------------------------------------------

A_BODY = """Dockworkers at the Port of Marlow Bay walked off the job on Monday, halting container traffic at the region\u2019s busiest harbour in a dispute over automated cranes.
The Harbour Workers Union said about 1,800 members joined the strike after talks with the Marlow Bay Port Authority broke down late on Sunday.
"We are not against new machines. We are against losing our jobs to them without a say," union leader Tomas Reyes told reporters outside the main gate.
Port Authority chief executive Helena Brandt said the cranes would be introduced over five years and that no worker would be laid off before 2028.
Mayor Ellen Okafor urged both sides to return to the table, warning that every day of the strike costs local businesses an estimated 4 million crowns.
Shipping lines began diverting vessels to the smaller port of Kestrel Point on Monday afternoon."""

A_REWRITE = """A strike by about 1,800 dockworkers shut the Port of Marlow Bay on Monday, as the Harbour Workers Union protested plans to bring in automated cranes.
Union leader Tomas Reyes said members were "not against new machines" but wanted a say before their jobs were handed over to them.
The Marlow Bay Port Authority, led by chief executive Helena Brandt, insists the automation will be phased in over five years with no layoffs before 2028.
Mayor Ellen Okafor called for talks to resume, saying the stoppage costs local firms some 4 million crowns a day.
Several shipping lines are already sending vessels to Kestrel Point instead."""

A_REPORT = """Queues of lorries stretched for two kilometres along the coast road on Tuesday as the strike at the Port of Marlow Bay entered its second day.
Drivers said they had been waiting since dawn. "Nobody tells us anything," said Pavel Nowak, who was hauling timber from the north.
The Harbour Workers Union, which represents most of the port\u2019s crane operators and lashers, said it would hold a mass meeting on Wednesday.
Helena Brandt, chief executive of the Marlow Bay Port Authority, said she had invited union leader Tomas Reyes to talks on Thursday.
Traders at the fish market on Quay Street reported sales down by half."""

A_EXCERPT = """Marlow Bay port strike: what the union wants
"We are not against new machines. We are against losing our jobs to them without a say," union leader Tomas Reyes told reporters outside the main gate.
The strike is the first at the port since 2011. Our live coverage continues through the day."""

# --- Story B: the Essen river flood -----------------------------------------------------

B_BODY = """More than 2,000 people were evacuated from Essendale on Thursday after the River Essen burst its banks following three days of heavy rain.
Water reached the first floors of houses in the old town, and the main bridge was closed to traffic.
"This is the highest level we have recorded since 1962," said Maria Chen, a spokesperson for the regional emergency service.
Governor Paul Lindqvist declared a state of emergency for the Essen valley and asked the army for boats and pumps.
Schools will stay closed until Monday. Forecasters expect the river to peak on Friday night."""

B_REWRITE = """Essendale was partly under water on Thursday as the River Essen flooded after three days of rain, forcing more than 2,000 residents from their homes.
The regional emergency service said the river had reached its highest level since 1962, according to spokesperson Maria Chen.
Governor Paul Lindqvist has declared a state of emergency across the Essen valley and requested army support.
The river is expected to peak late on Friday; schools remain shut until Monday."""

B_REPORT = """Volunteers filled sandbags through the night in the village of Lower Brent, downstream from Essendale, as the River Essen kept rising on Friday.
"We have done this before, but never this fast," said farmer Agnes Holt, whose fields lie under a metre of water.
The regional emergency service said it had moved 300 cattle to higher ground. Spokesperson Maria Chen asked drivers to stay off the valley roads.
Insurers have opened a hotline for flood claims."""

B_UPDATE = """More than 3,500 people have now been evacuated from Essendale after the River Essen burst its banks following three days of heavy rain.
Water reached the first floors of houses in the old town, and both bridges were closed to traffic on Friday.
"This is the highest level we have recorded since 1962, and it is still rising," said Maria Chen, a spokesperson for the regional emergency service.
Governor Paul Lindqvist declared a state of emergency for the Essen valley and the army has sent 40 boats.
Schools will stay closed until Wednesday. The river is now expected to peak on Saturday."""

# --- Story C: the Quillon Systems data breach -------------------------------------------

C_BODY = """Quillon Systems said on Wednesday that hackers had stolen the names, addresses and payment details of about 4.1 million customers.
The software company said the attackers got in through a supplier\u2019s account and went undetected for six weeks.
Chief executive Darius Hale apologised in a video message. "We let our customers down, and we will pay for the damage," he said.
The Office of the Data Commissioner has opened an investigation. Commissioner Ruth Adeyemi said the company could face a fine of up to 4 percent of its turnover.
Customers are advised to watch their bank statements and change their passwords."""

C_REWRITE = """Hackers took personal and payment data belonging to roughly 4.1 million Quillon Systems customers, the company disclosed on Wednesday.
Quillon said the intruders entered through an account held by one of its suppliers and were not spotted for six weeks.
Chief executive Darius Hale said in a video that the company had let its customers down and would pay for the damage.
Data Commissioner Ruth Adeyemi has opened an inquiry that could end in a fine of up to 4 percent of turnover."""

C_REPORT = """Shares in Quillon Systems fell 18 percent on Thursday, a day after the software maker disclosed one of the largest data breaches in the country\u2019s history.
Analysts at Harrow & Lyle said the cost of compensation could exceed 300 million crowns.
Several customers told this newspaper they had already seen unknown payments on their cards. "I found three charges from a shop in another country," said Lena Park, a teacher.
Quillon chief executive Darius Hale is due to appear before a parliamentary committee next week."""

# --- Story D: Harbour Rovers sack their manager -----------------------------------------

D_BODY = """Harbour Rovers sacked manager Luca Ferraro on Saturday after a fifth straight league defeat left the club one point above the relegation zone.
The 3-0 loss at home to Westbrook United was met with boos from the stands.
Chairman Simon Achebe thanked Ferraro for "two years of hard work" but said the club needed "a new voice in the dressing room".
Assistant coach Ines Duarte will take charge of the team for the cup tie against Kestrel Town on Wednesday."""

D_REWRITE = """Luca Ferraro has been dismissed as Harbour Rovers manager after the club lost its fifth league game in a row, 3-0 at home to Westbrook United.
Rovers, now just a point clear of the drop zone, said in a statement that chairman Simon Achebe wanted a new voice in the dressing room.
Ines Duarte, Ferraro\u2019s assistant, steps up as interim coach for Wednesday\u2019s cup match with Kestrel Town."""

D_REPORT = """Ines Duarte said on Monday she had "no time to feel nervous" as she prepared Harbour Rovers for her first match in charge, a cup tie against Kestrel Town.
Duarte, 38, was a Rovers player for nine seasons before joining the coaching staff.
She said she would speak to chairman Simon Achebe about the permanent job only after the cup game."""

# --- Story E: the Veldoria presidential runoff ------------------------------------------

E_BODY = """Veldoria\u2019s President Anika Moreau will face challenger Viktor Salo in a runoff on March 29 after neither won a majority in Sunday\u2019s first round.
Moreau took 44.2 percent of the vote and Salo 38.7 percent, the Central Electoral Commission said on Monday. Turnout was 61 percent.
Commission chair Jonas Berg said the count had been "calm and transparent" and that observers had reported no serious irregularities.
Salo, a former mayor of the capital Ostrava Nova, has campaigned on cutting energy prices. Moreau is seeking a second term."""

E_REWRITE = """President Anika Moreau and her challenger Viktor Salo are heading to a second round on March 29, after Sunday\u2019s vote in Veldoria produced no outright winner.
According to the Central Electoral Commission, Moreau won 44.2 percent and Salo, a former mayor of Ostrava Nova, 38.7 percent.
Commission chair Jonas Berg described the count as calm and transparent."""

E_REPORT = """In the riverside district of Ostrava Nova where Viktor Salo was once mayor, his supporters celebrated late into Sunday night.
"He fixed our trams, he can fix the country," said pensioner Irena Vasko.
Across town, at President Anika Moreau\u2019s campaign headquarters, aides said they were confident of winning the runoff on March 29.
Electricity prices have dominated the campaign after bills rose by a third last winter."""

# --- Unrelated stories ------------------------------------------------------------------

SINGLETONS = [
    ("metro", "library-hours", "2026-03-04",
     """The Marlow Bay central library will open until 10 pm on weekdays from April, the city council said on Tuesday.
Librarian Grace Mbeki said students had asked for longer hours for years."""),
    ("ledger", "bakery-award", "2026-03-05",
     """A family bakery in Essendale has won the national prize for the best rye bread, beating 212 other entries.
Owner Henrik Solberg said the recipe came from his grandmother."""),
    ("civic", "tram-line", "2026-03-06",
     """Ostrava Nova will open its new tram line to the airport in June, two years late and 30 percent over budget.
Transport director Milan Kovac said the first trams would run every ten minutes."""),
    ("coastline", "lighthouse", "2026-03-07",
     """The lighthouse at Kestrel Point, dark since 1989, will shine again after volunteers raised money to restore its lamp.
The first lighting is planned for midsummer\u2019s eve."""),
]

OUTLETS = {
    "wpa": "Wire Press Agency",
    "coastline": "Coastline Daily",
    "ledger": "The Northern Ledger",
    "metro": "Metro Bulletin",
    "civic": "Civic Herald",
}


def rows() -> list[dict]:
    out: list[dict] = []

    def add(outlet, story, kind, published, text, copy_of=None):
        rid = f"{story}-{len([r for r in out if r['story'] == story]) + 1}"
        out.append({"id": rid, "outlet": OUTLETS[outlet], "published": published, "story": story,
                    "kind": kind, "copy_of": copy_of, "text": text})
        return rid

    # Story A
    a1 = add("wpa", "port-strike", "original", "2026-03-02",
             wpa("MARLOW BAY", A_BODY, "Nina Falk and Omar Diallo"))
    add("coastline", "port-strike", "duplicate", "2026-03-02",
        coastline(" date 2026-03-02 " + A_BODY), copy_of=a1)
    add("ledger", "port-strike", "duplicate", "2026-03-02",
        ledger_markdown("Marlow Bay dockworkers strike over automated cranes", "March 2, 2026",
                        A_BODY.replace("Tomas Reyes", "**Tomas Reyes**").replace("Marlow Bay Port Authority", "[Marlow Bay Port Authority](https://ledger.example/port)", 1),
                        "https://ledger.example/2026/03/02/marlow-bay-strike", "Dockworkers at the main gate. **Photo: Ledger/K. Aalto**"),
        copy_of=a1)
    add("civic", "port-strike", "rewrite", "2026-03-02", " date 2026-03-02 " + A_REWRITE, copy_of=a1)
    add("metro", "port-strike", "report", "2026-03-03", metro_html("Lorries queue as port strike enters second day", A_REPORT))
    add("coastline", "port-strike", "report", "2026-03-02", coastline(A_EXCERPT))

    # Story B
    b1 = add("civic", "essen-flood", "original", "2026-03-05", " date 2026-03-05 " + B_BODY)
    add("metro", "essen-flood", "duplicate", "2026-03-05", metro_html("Essendale evacuated as river bursts its banks", B_BODY), copy_of=b1)
    add("coastline", "essen-flood", "duplicate", "2026-03-05", coastline(mojibake(B_BODY.replace('"', "\u201c", 1).replace('1962,"', "1962,\u201d"))), copy_of=b1)
    add("wpa", "essen-flood", "rewrite", "2026-03-05", wpa("ESSENDALE", B_REWRITE, "Petra Lind"), copy_of=b1)
    add("ledger", "essen-flood", "report", "2026-03-06",
        ledger_markdown("Volunteers race to hold back the Essen", "March 6, 2026", B_REPORT,
                        "https://ledger.example/2026/03/06/essen-volunteers", "Sandbags in Lower Brent. **Photo: Ledger**"))
    add("civic", "essen-flood", "report", "2026-03-06", " date 2026-03-06 " + B_UPDATE)

    # Story C
    c1 = add("ledger", "data-breach", "original", "2026-03-11",
             ledger_markdown("Quillon Systems: hackers stole data of 4.1 million customers", "March 11, 2026", C_BODY,
                             "https://ledger.example/2026/03/11/quillon-breach", "Quillon headquarters. **Photo: Ledger/M. Ruiz**"))
    add("coastline", "data-breach", "duplicate", "2026-03-11",
        coastline(C_BODY.replace("\n", "\nRelated article: How to check whether your data was stolen\n", 1).replace("\nCustomers", "\nFollow Coastline Daily on X\nCustomers")),
        copy_of=c1)
    add("wpa", "data-breach", "rewrite", "2026-03-11", wpa("NORTHPORT", C_REWRITE, "Jon Erikson"), copy_of=c1)
    add("metro", "data-breach", "report", "2026-03-12", metro_html("Quillon shares tumble after breach", C_REPORT))
    add("civic", "data-breach", "duplicate", "2026-03-11", " date 2026-03-11 " + C_BODY.replace("  ", " "), copy_of=c1)

    # Story D
    d1 = add("metro", "rovers-manager", "original", "2026-03-14", metro_html("Rovers sack Ferraro after fifth defeat", D_BODY))
    add("coastline", "rovers-manager", "duplicate", "2026-03-14",
        coastline(D_BODY.replace("\nChairman", "\nX\n\nChairman").replace("\nAssistant", "\nInstagram\nAssistant")), copy_of=d1)
    add("ledger", "rovers-manager", "rewrite", "2026-03-14",
        ledger_markdown("Ferraro out at Harbour Rovers", "March 14, 2026", D_REWRITE,
                        "https://ledger.example/2026/03/14/ferraro-out", "Luca Ferraro on the touchline. **Photo: Ledger**"), copy_of=d1)
    add("civic", "rovers-manager", "report", "2026-03-16", " date 2026-03-16 " + D_REPORT)

    # Story E
    e1 = add("wpa", "veldoria-election", "original", "2026-03-16", wpa("OSTRAVA NOVA", E_BODY, "Mara Ionescu"))
    noisy = (E_BODY.replace("challenger", "chal-\nlenger").replace("Commission chair", "Commission\u00a0chair")
             .replace("Turnout", "Turn\u00adout").replace("transparent", "transpa\u200brent").replace(". Moreau is", ".Moreau is"))
    add("coastline", "veldoria-election", "duplicate", "2026-03-16", coastline(noisy), copy_of=e1)
    add("ledger", "veldoria-election", "duplicate", "2026-03-16",
        ledger_markdown("Moreau and Salo head for a runoff in Veldoria", "March 16, 2026", E_BODY,
                        "https://ledger.example/2026/03/16/veldoria-runoff", "Ballots being counted. **Photo: Ledger/WPA**"), copy_of=e1)
    add("metro", "veldoria-election", "rewrite", "2026-03-16", metro_html("Veldoria vote goes to a second round", E_REWRITE), copy_of=e1)
    add("civic", "veldoria-election", "report", "2026-03-17", " date 2026-03-17 " + E_REPORT)
    add("metro", "veldoria-election", "report", "2026-03-17",
        metro_html("Salo\u2019s home district celebrates", E_REPORT.replace("late into Sunday night", "until dawn")))

    for outlet, story, date, text in SINGLETONS:
        if outlet == "ledger":
            text = ledger_markdown(text.split("\n")[0][:60], "March 5, 2026", text, f"https://ledger.example/{story}", "**Photo: Ledger**")
        elif outlet == "metro":
            text = metro_html(story.replace("-", " ").title(), text)
        elif outlet == "coastline":
            text = coastline(text)
        add(outlet, story, "original", date, text)
    return out


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows():
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {OUT} ({len(rows())} articles)")


if __name__ == "__main__":
    main()
