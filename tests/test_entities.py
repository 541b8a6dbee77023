"""Entities: detection, gazetteers, alias resolution, counts and co-occurrence."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

import newscorpus as nc
from newscorpus import datasets
from newscorpus.exceptions import InputTypeError, OptionError


@pytest.fixture(scope="module")
def seed_counts(seeds):
    return nc.entity_counts(seeds)


def typed(counts, name):
    row = counts[counts["entity"] == name]
    assert len(row) == 1, (name, counts.head(30))
    return row.iloc[0]


def test_seed_acceptance(seeds, seed_counts):
    top = seed_counts.iloc[0]
    assert (top.entity, top.type, top.documents) == ("Donald Trump", "PER", 5)
    assert typed(seed_counts, "Vladimir Putin").documents == 5
    for name in ("Dmitry Peskov", "Mike Waltz", "Marco Rubio", "Volodymyr Zelensky", "Keith Kellogg"):
        assert typed(seed_counts, name).type == "PER", name
    for name in ("Reuters", "TASS", "Kremlin", "NBC News", "New York Post"):
        assert typed(seed_counts, name).type == "ORG", name
    for name in ("Ukraine", "Russia", "Moscow", "Kursk", "Crimea", "Saudi Arabia"):
        assert typed(seed_counts, name).type == "LOC", name
    # The aircraft the reporters flew on, not the service ("aboard Air Force One").
    assert typed(seed_counts, "Air Force One").type == "MISC"
    assert not (seed_counts["entity"] == "Air Force").any()
    # Kellog and Kellogg are one entity; no entity is called Kellog.
    assert not seed_counts["entity"].str.fullmatch("Kellogg?").any()
    ents = nc.entities(seeds)
    kellogg = ents[ents["canonical"] == "Keith Kellogg"]
    assert {"Kellog", "Kellogg"} <= set(kellogg["text"])
    # "Trumpʼs" (U+02BC) counts for Trump, and the span stops before the possessive.
    possessive = [i for i, s in enumerate(seeds) if "Trump\u02bcs" in s]
    assert possessive
    d = possessive[0]
    at = seeds[d].index("Trump\u02bcs")
    row = ents[(ents["doc"] == d) & (ents["start"] == at)].iloc[0]
    assert (row.text, row.canonical, row.type) == ("Trump", "Donald Trump", "PER")
    # Every span points into the original text.
    for r in ents.itertuples():
        assert seeds[r.doc][r.start : r.end] == r.text
    _, audit = nc.entities(seeds, audit=True)
    assert {"name", "canonical", "type", "reason", "mentions"} <= set(audit.columns)
    assert ((audit["name"] == "Kellog") & (audit["canonical"] == "Keith Kellogg")).any()


def test_titles_possessives_connectors_and_offsets():
    text = ("<p>U.S. President Donald Trump's envoy met Foreign Minister Sergei Lavrov at the Bank of England.</p>\n"
            "Kremlin spokesman Dmitry Peskov said: “Trump’s plan is unclear.”")
    ents = nc.entities([text])
    got = {(r.text, r.type) for r in ents.itertuples()}
    assert {("U.S.", "LOC"), ("Donald Trump", "PER"), ("Sergei Lavrov", "PER"), ("Bank of England", "ORG"),
            ("Kremlin", "ORG"), ("Dmitry Peskov", "PER"), ("Trump", "PER")} <= got
    assert not any("President" in t or "Minister" in t for t, _ in got)
    for r in ents.itertuples():
        assert text[r.start : r.end] == r.text


def test_sentence_starts_and_all_caps():
    texts = ["The Kremlin said talks with Putin went well. Putin agreed. However, Moscow waited.",
             "RUSSIA AND UKRAINE AGREE TO TALKS\nRussia and Ukraine agreed to talks on Monday in Riyadh."]
    ents = nc.entities(texts)
    names = set(ents["text"])
    assert {"Kremlin", "Putin", "Moscow", "RUSSIA", "UKRAINE", "Riyadh"} <= names
    assert not names & {"The", "The Kremlin", "However", "AGREE", "TALKS", "Monday"}
    caps = ents[ents["text"] == "RUSSIA"].iloc[0]
    assert caps.canonical == "Russia"


def test_bad_and_odd_input():
    texts = pd.Series(["", None, float("nan"), pd.NA, "no capitals here at all.", "ALL CAPS TEXT WITH NOTHING",
                       " ".join(["Arsenal 2 Chelsea 1 Liverpool 3 Everton 0"] * 200),
                       "A" * 10000, "\ud800 Vladimir Putin met Donald Trump."], index=list("abcdefghi"), dtype=object)
    ents = texts.news.entities()
    assert set(ents["doc"]) <= set("fghi")
    assert ents[ents["doc"] == "e"].empty
    assert set(ents.loc[ents["doc"] == "i", "text"]) == {"Vladimir Putin", "Donald Trump"}
    for r in ents.itertuples():  # a lone surrogate is one character, as its U+FFFD is
        assert texts[r.doc][r.start : r.end] == r.text
    with pytest.raises(InputTypeError):
        nc.entities(["ok", b"bytes"])
    with pytest.raises(InputTypeError):
        nc.entities("one string")
    with pytest.raises(OptionError):
        nc.entities(["x"], detect="yes")
    with pytest.raises(OptionError):
        nc.entities(["x"], aliases=[("a", "b")])
    empty = nc.entities([])
    assert list(empty.columns) == ["doc", "start", "end", "text", "canonical", "type", "sentence"] and empty.empty
    assert nc.entity_counts([]).empty and nc.cooccurrence([]).empty


def test_gazetteer_forms_and_untidy_lists():
    frame = pd.DataFrame({"canonical": ["Volodymyr Zelensky", "Kyiv", "Kyiv Post", "Bad"],
                          "type": ["PER", "LOC", "ORG", "MISC"],
                          "aliases": [["Zelenskyy", "Zelenskiy", ""], "Kiev;Kyiv", None, ["Kiev", "  "]]})
    gaz = nc.Gazetteer(frame)
    assert len(gaz) == 4 and gaz.empty_aliases == 2
    assert gaz.conflicts.values.tolist() == [["Kiev", "Kyiv", "Bad"]]
    found = gaz.find(["Zelenskiy read the Kyiv Post in Kiev, not Kievan news."])
    assert found[["text", "canonical", "type"]].values.tolist() == [
        ["Zelenskiy", "Volodymyr Zelensky", "PER"], ["Kyiv Post", "Kyiv Post", "ORG"], ["Kiev", "Kyiv", "LOC"]]
    assert nc.Gazetteer({"Kyiv": "LOC"}).find(["kyiv"]).empty
    assert len(nc.Gazetteer({"Kyiv": "LOC"}, case_sensitive=False).find(["kyiv"])) == 1
    assert len(nc.Gazetteer([("Kyiv", "LOC"), ("Zelensky", "PER", ["Zelenskyy"])])) == 2
    assert len(pickle.loads(pickle.dumps(gaz))) == 4
    with pytest.raises(OptionError, match="type"):
        nc.Gazetteer({"Kyiv": "CITY"})
    with pytest.raises(OptionError, match="empty"):
        nc.Gazetteer({"  ": "LOC"})
    with pytest.raises(InputTypeError):
        nc.Gazetteer("Kyiv")
    # The user's names win over detected ones, with their canonical name and type.
    ents = nc.entities(["Zelenskiy met Acme Widgets in Kiev."], gazetteer={"Acme Widgets": ("ORG", []),
                                                                            "Volodymyr Zelensky": ("PER", ["Zelenskiy"])})
    assert ents[["text", "canonical", "type"]].values.tolist()[:2] == [
        ["Zelenskiy", "Volodymyr Zelensky", "PER"], ["Acme Widgets", "Acme Widgets", "ORG"]]
    only = nc.entities(["Zelenskiy met Putin."], gazetteer=gaz, detect=False)
    assert only["text"].tolist() == ["Zelenskiy"]


def test_aliases_merge_and_veto():
    texts = ["Zelensky spoke in Kiev.", "Zelenskyy spoke again.", "Later Zelenskiy spoke in Kyiv."]
    ents = nc.entities(texts)
    assert ents.loc[ents["text"].str.startswith("Zelensk"), "canonical"].nunique() == 1
    assert set(ents.loc[ents["text"].isin(["Kiev", "Kyiv"]), "canonical"]) == {"Kyiv"}
    _, audit = nc.entities(texts, audit=True)
    assert (audit["reason"].str.contains("spelling variant")).any()
    vetoed = nc.entities(texts, aliases={"Zelenskiy": "Zelenskiy"})
    assert vetoed.loc[vetoed["text"] == "Zelenskiy", "canonical"].item() == "Zelenskiy"
    mapped = nc.entities(texts, aliases={"Zelensky": "Volodymyr Zelensky"})
    assert mapped.loc[mapped["text"] == "Zelensky", "canonical"].item() == "Volodymyr Zelensky"


def test_counts_by_group_matrix_and_cooccurrence():
    df = nc.load_sample()
    ents = df["text"].news.entities()
    assert ents["doc"].isin(df.index).all()
    counts = nc.entity_counts(mentions=ents)
    assert list(counts.columns) == ["entity", "type", "mentions", "documents"]
    assert (counts["mentions"] >= counts["documents"]).all()
    assert counts["mentions"].sum() == len(ents)
    by = df["text"].news.entity_counts(by=df["outlet"], own_names=True)
    assert list(by.columns[:2]) == ["outlet", "entity"]
    assert by["mentions"].sum() == len(ents)
    # By default an outlet's own name is left out of its own counts, and only that.
    default = df["text"].news.entity_counts(by=df["outlet"])
    gone = by.merge(default, how="left", on=["outlet", "entity", "type"], suffixes=("", "_d"))
    gone = gone[gone["mentions_d"].isna()]
    assert len(gone) and all(e.replace(" ", "").lower() in o.replace(" ", "").lower()
                             or o.replace(" ", "").lower() in e.replace(" ", "").lower()
                             for e, o in zip(gone["entity"], gone["outlet"]))
    assert set(by["outlet"]) <= set(df["outlet"])
    # by= aligned by index: shuffling the Series does not change the result.
    shuffled = nc.entity_counts(df["text"], by=df["outlet"].sample(frac=1, random_state=0), own_names=True)
    pd.testing.assert_frame_equal(shuffled, by)
    mat, docs, cols = nc.entity_counts(df["text"], matrix=True)
    assert mat.shape == (len(df), len(cols)) and mat.sum() == len(ents)
    assert list(docs) == list(df.index)
    pairs = nc.cooccurrence(mentions=ents)
    assert list(pairs.columns) == ["a", "a_type", "b", "b_type", "count"]
    assert (pairs["a"] < pairs["b"]).all() and pairs["count"].is_monotonic_decreasing
    sentence = nc.cooccurrence(mentions=ents, window="sentence")
    merged = sentence.merge(pairs, on=["a", "a_type", "b", "b_type"], how="left", suffixes=("_s", "_d"))
    assert merged["count_d"].notna().all()  # together in a sentence means together in a document
    import networkx as nx

    graph = nx.from_pandas_edgelist(pairs, "a", "b", edge_attr="count")
    assert graph.number_of_edges() == len(pairs)
    with pytest.raises(OptionError, match="window"):
        nc.cooccurrence(mentions=ents, window="paragraph")
    with pytest.raises(OptionError):
        nc.cooccurrence(df["text"], mentions=ents)


def test_counts_from_texts_equal_counts_from_the_mention_table():
    """Counting from texts reads integer codes from the extraction (no mention strings);
    it gives what counting the table ``entities`` returns gives, row for row."""
    df = nc.load_sample()
    ents = nc.entities(df["text"])
    for by, own in ((None, False), (df["outlet"], False), (df["outlet"], True), (list(df["outlet"]), False)):
        pd.testing.assert_frame_equal(nc.entity_counts(df["text"], by=by, own_names=own),
                                      nc.entity_counts(mentions=ents, by=by, own_names=own))
    for window in ("document", "sentence"):
        pd.testing.assert_frame_equal(nc.cooccurrence(df["text"], window, by=df["outlet"]),
                                      nc.cooccurrence(mentions=ents, window=window, by=df["outlet"]))
    with pytest.raises(OptionError, match="audit"):
        nc.entity_counts(df["text"], audit=True)
    empty = nc.entity_counts(["", None, "no names here at all"], by=["a", "b", "c"])
    assert list(empty.columns) == ["group", "entity", "type", "mentions", "documents"] and empty.empty


def test_cooccurrence_counts_windows():
    pairs = nc.cooccurrence(["Putin met Trump. Trump called Putin.", "Rubio flew to Riyadh.", "Putin and Trump."])
    row = pairs[(pairs["a"] == "Putin") & (pairs["b"] == "Trump")].iloc[0]
    assert row["count"] == 2
    sentence = nc.cooccurrence(["Putin met Trump. Trump called Putin.", "Putin and Trump."], window="sentence")
    assert sentence.loc[(sentence["a"] == "Putin") & (sentence["b"] == "Trump"), "count"].item() == 3


def test_conll_valid_accuracy(data_dir):
    """A development check (the benchmark reports the figures); rules stay general."""
    valid = datasets.load_conll2003(data_dir / "conll2003" / "valid.txt")
    ents = nc.entities(valid["text"])
    gold = {(d, s, e, t) for d, spans in zip(valid.index, valid["entities"]) for s, e, t in spans}
    found = {(r.doc, r.start, r.end, r.type) for r in ents.itertuples()}
    untyped_tp = len({g[:3] for g in gold} & {f[:3] for f in found})
    typed_tp = len(gold & found)
    f1 = lambda tp: 2 * tp / (len(gold) + len(found))  # noqa: E731
    assert f1(untyped_tp) >= 0.85, f1(untyped_tp)
    assert f1(typed_tp) >= 0.80, f1(typed_tp)


def test_long_article_with_many_names():
    """A long article (3.4 MB, 240,000 names, built-in and user gazetteer matches)."""
    text = " ".join(["Acme Widgets met Vladimir Putin in Moscow."] * 80000)
    ents = nc.entities([text], gazetteer={"Acme Widgets": "ORG"})
    assert len(ents) == 240000
    assert ents.groupby("canonical").size().to_dict() == {"Acme Widgets": 80000, "Moscow": 80000,
                                                          "Vladimir Putin": 80000}
    last = ents.iloc[-1]
    assert text[last.start : last.end] == "Moscow"


def test_pathological_runs_are_handled():
    titles = " ".join(["Deputy Prime Minister President"] * 20000) + " Smith"
    assert nc.entities([titles])["text"].tolist() == ["Smith"]
    capitals = " ".join(["Zz"] * 100000)  # one line, one candidate span at most
    ents = nc.entities([capitals])
    assert len(ents) <= 1
    for r in ents.itertuples():
        assert capitals[r.start : r.end] == r.text


def test_known_people_alone_are_people():
    # Short of context the model rejects a lone surname; the built-in people list is evidence.
    for text in ["Putin met Trump.", "The talks began. Putin met Trump.",
                 "Putin met Trump on Monday in the Saudi capital after weeks of talks."]:
        ents = nc.entities([text], languages=None)
        found = dict(zip(ents["text"], ents["type"]))
        assert found.get("Putin") == "PER" and found.get("Trump") == "PER", (text, found)
    # A surname that is a month is never evidence; a full name is typed from the list.
    ents = nc.entities(["Theresa May spoke in London in May. Merkel and Erdogan met Xi."], languages=None)
    found = dict(zip(ents["text"], ents["type"]))
    assert found["Theresa May"] == "PER" and "May" not in found, found
    assert found.get("Merkel") == "PER" and found.get("Erdogan") == "PER", found
    # A corpus that writes the word in lowercase keeps it a word.
    texts = ["He played his trump card.", "That was a trump card.", "A trump is a card.",
             "Trump cards win tricks."]
    ents = nc.entities(texts, languages=None)
    assert "Trump" not in set(ents["text"]), ents


def test_surnames_that_differ_by_a_final_s_are_different_people():
    texts = ["Kelly Holmes won the 800m gold in Athens. Holmes said she was proud.",
             "Lord Holme of Cheltenham spoke in the Lords. Holme said the bill was flawed.",
             "Dame Kelly Holmes returned to the track."]
    ents = nc.entities(texts, languages=None)
    holme = ents[ents["text"] == "Holme"]
    assert len(holme) and (holme["canonical"] != "Kelly Holmes").all(), ents
    assert (ents.loc[ents["text"] == "Holmes", "canonical"] == "Kelly Holmes").all()


def test_numbered_names_and_organisation_fragments():
    texts = [
        "He told BBC Radio 4 on Monday that the plan would fail, and BBC Radio 1 played on.",
        "Channel 4's chief said Channel 4 would not sell. The score was 3-1.",
        "Manchester United beat Chelsea on Saturday. United were better, said Alex Ferguson.",
        "Labour won the vote in London.",
        "Scottish Labour backed the plan, and Labour members in London agreed.",
        "Newcastle United drew with Leeds United.",
    ]
    ents = nc.entities(texts)
    names = ents.groupby("doc")["canonical"].apply(list)
    # A number completes a name ending in "Radio" or "Channel"; numbers are identities.
    assert "BBC Radio 4" in names[0] and "BBC Radio 1" in names[0]
    assert names[1].count("Channel 4") == 2
    # "United" after "Manchester United" in one article is the club (the corpus ends more
    # clubs in it than it writes it alone); "Labour", more often alone than in "Scottish
    # Labour", is a name of its own.
    assert names[2].count("Manchester United") == 2
    assert names[4] == ["Scottish Labour", "Labour", "London"]


def test_team_context_is_evidence_of_an_organisation():
    ents = nc.entities(["Chelsea have won again. Chelsea boss Jose Mourinho was pleased.",
                        "Tony Blair and Gordon Brown are in London for Chelsea v Arsenal."])
    types = dict(zip(ents["text"], ents["type"]))
    assert types["Chelsea"] == "ORG" and types["Arsenal"] == "ORG"
    # Two people joined by "and" take a plural verb: still people.
    assert types["Gordon Brown"] == "PER" and types["Jose Mourinho"] == "PER"


def test_a_name_written_mostly_in_capitals_is_shown_in_capitals():
    # An acronym the corpus writes in capitals nearly always keeps them: "ICE", the
    # agency, not the one "Ice" of a headline. (Places keep their usual form: datelines
    # write them in capitals; tested in the core.)
    texts = [f"ICE agents detained {n} people in Texas, ICE said." for n in range(6)] + ["Ice raids: what we know"]
    ents = nc.entities(pd.Series(texts, index=range(100, 107)))
    assert set(ents.loc[ents["text"].isin(["ICE", "Ice"]), "canonical"]) == {"ICE"}
    assert "ICE" in set(nc.entity_counts(texts)["entity"])


def test_banks_and_firms_the_model_takes_for_people_are_organisations():
    """Wire copy names banks by their own language's words ("Banque Paribas", "Societe
    Generale") and the banks running a bond issue as its lead manager; a firm's kind ends
    many names ("Warburg Securities"). Reuters-21578 counted them as people."""
    texts = pd.Series([
        "The issue is priced at par, lead manager Societe Generale said. Credit Lyonnais and "
        "Banque Paribas will be market makers.",
        "Warburg Securities raised its forecast for Airbus Industrie, analyst Peter Fellner said.",
        "Co-lead managers Yamaichi International and Daiwa said demand was strong.",
    ], index=["a", "b", "c"])
    ents = nc.entities(texts)
    types = dict(zip(ents["canonical"], ents["type"]))
    for firm in ("Societe Generale", "Banque Paribas", "Warburg Securities", "Airbus Industrie",
                 "Yamaichi International", "Daiwa"):
        assert types.get(firm) == "ORG", (firm, types)
    assert types["Peter Fellner"] == "PER"


def test_a_body_named_after_a_demonym_is_an_organisation():
    # The model reads "Scottish Parliament" as miscellaneous (for "Scottish"); a name ending
    # in a body's head is an organisation, not a competition ("Champions League") or a
    # building ("Chatham House").
    ents = nc.entities(["The Scottish Parliament voted on Tuesday. The Russian Olympic Committee "
                        "appealed, and the World Anti-Doping Agency said it would reply.",
                        "Celtic play in the Champions League on Wednesday."])
    types = dict(zip(ents["canonical"], ents["type"]))
    for body in ("Scottish Parliament", "Russian Olympic Committee", "World Anti-Doping Agency"):
        assert types.get(body) == "ORG", (body, types)
    assert types.get("Champions League") != "ORG"


def test_wire_abbreviations_are_no_names():
    # Reuters-21578 counted "N.Z. Dlrs" and "H.K. Dlrs" (84 mentions) and a table's "Prev
    # Wk" (49) as people; an acronym in capitals ("CTS Corp") is still a name.
    ents = nc.entities(["Cheung Kong's earnings rose to 1.28 billion H.K. Dlrs in 1986, analysts said.",
                        "Stocks      4/2/87   Prev Wk   4/3/87  Prev Wk\nWheat     3,157.6   3,684.1",
                        "Shares of CTS Corp rose 12 Cts to 31 dlrs."])
    names = set(ents["text"])
    assert not any("Dlrs" in n or "Wk" in n or "Cts" in n for n in names), names
    assert "CTS Corp" in names


def test_a_possessive_inside_a_name_keeps_the_name_whole():
    # "National People's Congress", "International Women's Day": the corpus writes the
    # pair again and again, and "People"/"Women" are common words it capitalises mostly
    # there. "Britain's Labour Party" and "Trump's White House" are two names each:
    # Britain and Trump stand alone too.
    texts = [
        "The National People's Congress opened in Beijing. Many people watched.",
        "Delegates to the National People's Congress voted, and people said little.",
        "The National People's Congress closed on Wednesday, people said.",
        "On International Women's Day, women marched in Dublin.",
        "International Women's Day rallies drew thousands of women.",
        "Leaders marked International Women's Day with speeches about women.",
        "Britain's Labour Party met in Liverpool. Britain voted. Trump's White House said Trump agreed.",
        "Britain's Labour Party lost seats across Britain. Trump's White House and Trump said so.",
        "Britain's Labour Party split as Britain waited. Trump's White House denied it, Trump said.",
    ]
    ents = nc.entities(pd.Series(texts, index=range(50, 59)))
    names = set(ents["canonical"])
    assert "National People's Congress" in names and "International Women's Day" in names
    assert not names & {"Day", "International Women", "National People", "Congress"}
    assert {"United Kingdom", "Labour Party", "White House", "Trump"} <= names
    assert not any("'s" in n for n in names - {"National People's Congress", "International Women's Day"})
    types = dict(zip(ents["canonical"], ents["type"]))
    assert types["National People's Congress"] == "ORG" and types["International Women's Day"] == "MISC"


def test_an_acronym_is_the_name_it_stands_for():
    # News spells an acronym out once, if ever: "CBO" is the Congressional Budget Office
    # wherever the corpus names both in one article; "EPA" likewise.
    texts = pd.Series([
        "The Congressional Budget Office (CBO) said 24 million would lose cover.",
        "The CBO report angered Republicans.",
        "Democrats cited the CBO score again on Monday.",
        "The Environmental Protection Agency, or EPA, cut its budget. The EPA said so.",
        "EPA staff protested in Washington.",
    ], index=[10, 11, 12, 13, 14])
    ents = nc.entities(texts)
    assert (ents.loc[ents["text"] == "CBO", "canonical"] == "Congressional Budget Office").all()
    assert (ents.loc[ents["text"] == "EPA", "canonical"] == "Environmental Protection Agency").all()
    counts = nc.entity_counts(texts).set_index("entity")
    assert counts.loc["Congressional Budget Office", "documents"] == 3 and "CBO" not in counts.index


def test_news_outlets_are_one_organisation_however_written():
    texts = ["The Huffington Post first reported the story, and HuffPost later updated it.",
             "Xinhua News Agency said the talks ended; the New China News Agency gave no details.",
             "Steve Bannon once ran Breitbart, and Breitbart News backed the plan, Der Spiegel said.",
             "Snapchat founder Evan Spiegel said on Monday that Spiegel would keep control.",
             "American Telephone and Telegraph Co cut its rates, the Daily Telegraph reported."]
    counts = nc.entity_counts(texts)
    rows = counts.set_index(["entity", "type"])["mentions"]
    assert rows[("HuffPost", "ORG")] == 2 and rows[("Xinhua", "ORG")] == 2
    assert rows[("Breitbart News", "ORG")] == 2 and rows[("Der Spiegel", "ORG")] == 1
    # A person or a firm that shares a word with an outlet keeps it.
    assert rows[("Evan Spiegel", "PER")] == 2
    assert rows[("Daily Telegraph", "ORG")] == 1


def test_firms_named_like_people_are_firms_and_acronyms_are_found_with_one_capital():
    counts = nc.entity_counts(["Shares of Fannie Mae rose; FNMA said the Federal National Mortgage Association "
                               "would sell bonds.", "Opec ministers met as Uefa and the OECD said so."])
    rows = counts.set_index(["entity", "type"])["mentions"]
    assert rows[("Fannie Mae", "ORG")] == 3
    assert rows[("OPEC", "ORG")] == 1 and rows[("UEFA", "ORG")] == 1 and rows[("OECD", "ORG")] == 1


def test_westminster_short_names_are_its_bodies():
    counts = nc.entity_counts(["The bill passed the House of Lords. Peers in the Lords then rejected it, and "
                               "Downing Street said it would try again."])
    rows = counts.set_index(["entity", "type"])["mentions"]
    assert rows[("House of Lords", "ORG")] == 2 and rows[("Downing Street", "ORG")] == 1


def test_us_federal_departments_are_one_row_however_written():
    texts = ["The Justice Department said on Monday it would review the case.",
             "A Department of Justice spokesman declined to comment; DOJ lawyers filed a brief.",
             "The U.S. Agriculture Department said wheat exports rose, and USDA raised its forecast.",
             "Ireland's Department of Education said schools would reopen."]
    counts = nc.entity_counts(texts)
    rows = dict(zip(counts["entity"], counts["mentions"]))
    assert rows["Justice Department"] == 3 and rows["Agriculture Department"] == 2
    # "Department of Education" is also Ireland's: not taken for the US department.
    assert "Education Department" not in rows


def test_a_family_name_with_particles_joins_its_full_name():
    # "Le Pen", "de Mistura": the family name keeps its particles; alone it is the person
    # named in full, even where the model reads "Le Pen" as an organisation, once a title
    # has said person ("Ms Le Pen"). A firm named after its founder never had one.
    texts = ["Marine Le Pen leads the polls. Le Pen said the euro had failed.",
             "Ms Le Pen visited a factory in Lyon on Friday.",
             "Staffan de Mistura opened the talks in Geneva. De Mistura said little.",
             "Boeing bought de Havilland, the maker Geoffrey de Havilland founded. "
             "de Havilland lost money in 1986."]
    column = pd.Series(texts, index=pd.Index([11, 12, 13, 14], name="article_id"))
    ents = nc.entities(column)
    le_pen = ents[ents["text"] == "Le Pen"]
    assert len(le_pen) == 2 and (le_pen["canonical"] == "Marine Le Pen").all() and (le_pen["type"] == "PER").all()
    assert (ents.loc[ents["text"] == "De Mistura", "canonical"] == "Staffan de Mistura").all()
    assert (ents.loc[ents["text"] == "de Havilland", "canonical"] == "de Havilland").all()
    counts = nc.entity_counts(column).set_index("entity")
    assert counts.loc["Marine Le Pen", "documents"] == 2 and "Le Pen" not in counts.index


def test_a_family_name_written_first_joins_its_full_name():
    # "Xi" stands alone and "Jinping" never does: Xi is the family name, written first.
    # "Trump" is a person's surname in the corpus, so it never joins "Trump Tower".
    texts = ["President Xi Jinping met the delegation in Beijing. Xi said trade would grow.",
             "Mr Xi spoke for an hour. Xi Jinping then left for Shanghai.",
             "Xi warned against protectionism at the forum.",
             "Bashar al-Assad addressed parliament. Assad said the war was won.",
             "Donald Trump spoke at Trump Tower on Monday. Trump said the talks went well."]
    column = pd.Series(texts, index=pd.Index([101, 102, 103, 104, 105], name="article_id"))
    ents = nc.entities(column)
    xi = ents[ents["text"] == "Xi"]
    assert len(xi) >= 3 and (xi["canonical"] == "Xi Jinping").all()
    assert (ents.loc[ents["text"] == "Assad", "canonical"] == "Bashar al-Assad").all()
    assert (ents.loc[ents["text"] == "Trump", "canonical"] == "Donald Trump").all()
    counts = nc.entity_counts(column).set_index("entity")
    assert counts.loc["Xi Jinping", "documents"] == 3 and "Xi" not in counts.index


def test_a_party_is_one_row_however_it_is_written():
    # "Labour" joins "Labour Party"; the Tories are the Conservative Party (built-in
    # knowledge); a field label in capitals that the corpus writes in lowercase is no name.
    texts = ["The Labour Party met in Brighton. Labour said the Tories had no plan for schools.",
             "Labour and the Conservatives clashed. The Tory leader spoke after Labour did.",
             "The Conservative Party chose a leader. Labour MPs said the target was missed.",
             "Attacks in 2017 TARGET: two police officers. The target was a patrol, police said."]
    column = pd.Series(texts, index=pd.Index(["a", "b", "c", "d"], name="article_id"))
    counts = nc.entity_counts(column).set_index("entity")
    assert counts.loc["Labour Party", "documents"] == 3 and "Labour" not in counts.index
    assert counts.loc["Conservative Party", "documents"] == 3
    assert not {"Tory", "Tories", "Conservatives"} & set(counts.index)
    assert counts.loc["Labour Party", "type"] == "ORG"
    ents = nc.entities(column)
    assert "TARGET" not in set(ents["text"])


def test_a_word_capitalised_only_after_a_prefix_is_no_name():
    # "anti-Semitism" is a common word; "pro-Russian" and "anti-Trump" name what the
    # corpus also names on its own.
    texts = ["Leaders condemned anti-Semitism. The rise of anti-Semitism and anti-Semitic "
             "attacks worried the community.",
             "A pro-Russian group and an anti-Trump rally met. Officials said Trump and "
             "Russian diplomats had called."]
    ents = nc.entities(texts)
    assert not {"Semitism", "Semitic"} & set(ents["text"])
    assert {"Trump", "Russian"} <= set(ents["text"])
    assert (ents["text"] == "Trump").sum() == 2


def test_an_organisation_name_goes_on_after_for_and_on():
    texts = ["Figures from the Office for National Statistics were cited by the Council on "
             "Foreign Relations, and the Supreme Court on Monday said that was OK.",
             "Officials cited the Syrian Observatory for Human Rights, which said it was OK."]
    names = set(nc.entities(texts)["text"])
    assert {"Office for National Statistics", "Council on Foreign Relations",
            "Syrian Observatory for Human Rights"} <= names
    assert "Human Rights" not in names and "OK" not in names
    assert not any("Monday" in n for n in names)


def test_common_words_with_capitals_are_no_names_and_isil_is_islamic_state():
    texts = ["The minister made a U-turn, and MEPs wore T-shirts in Brussels on Monday.",
             "Fighters of the Islamic State of Iraq and the Levant (ISIL) left Mosul."]
    ents = nc.entities(texts)
    names = set(ents["text"])
    assert not {"U-turn", "MEPs", "T-shirts", "Levant"} & names
    isil = ents[ents["text"].str.startswith("Islamic State")]
    assert len(isil) == 1 and isil["canonical"].iloc[0] == "Islamic State"


def test_a_name_written_with_a_hyphen_or_a_space_is_one_row():
    texts = ["Malaysian police said Kim Jong-nam died at the airport. Kim Jong-nam was 45.",
             "South Korea said Kim Jong Nam had been under watch for years."]
    counts = nc.entity_counts(texts).set_index("entity")
    assert counts.loc["Kim Jong-nam", "documents"] == 2 and "Kim Jong Nam" not in counts.index


def test_a_name_written_with_and_is_one_when_the_corpus_writes_it_so():
    # "Belt" and "Road" stand alone nowhere: one name. Trump and Putin stand alone too.
    texts = [f"China said the Belt and Road Initiative would grow, as Trump and Putin met. Trump "
             f"said so, Putin agreed, and Trump left. Report {i}." for i in range(4)]
    names = set(nc.entities(texts)["text"])
    assert "Belt and Road Initiative" in names and "Belt" not in names
    assert {"Trump", "Putin"} <= names and "Trump and Putin" not in names


def test_a_title_with_of_the_and_its_portfolio_stands_before_the_name():
    texts = ["Chancellor of the Exchequer Nigel Lawson said rates would fall.",
             "The budget of Chancellor of the Exchequer Nigel Lawson was read to the Chairman "
             "of the Federal Reserve Board."]
    ents = nc.entities(texts)
    assert set(ents.loc[ents["type"] == "PER", "text"]) == {"Nigel Lawson"}
    assert "Federal Reserve Board" in set(ents["text"])


def test_a_word_only_the_model_calls_a_person_is_no_person():
    # A capitalised word the model does not know reads to it as a person; with nothing else
    # saying so it is typed otherwise (ORG, short of the model's other votes). A pronoun
    # after its mentions, a title, or a team sheet keep a person.
    firm = ["Zorbacom said profits rose. Zorbacom will cut jobs, analysts said.",
            "Shares in Zorbacom fell on Monday after Zorbacom warned on sales."]
    singer = ["Fans waited for hours. Quillane told them {} was moved.",
              "The tour starts in May. Quillane said {} had a new album.",
              "Quillane said on Monday that {} would tour."]
    titled = ["Mr Varnesk arrived. Varnesk said talks went well.",
              # A team sheet names players by surname alone.
              "Wasps: Horak, Staniforth, Penney, Nordt, Bishop; Mapletoft, Edwards."]
    for pronoun, expected in [("she", "PER"), ("it", "ORG")]:
        texts = firm + [t.format(pronoun) for t in singer] + titled
        ents = nc.entities(texts, languages=None)
        kind = dict(zip(ents["text"], ents["type"]))
        assert kind["Zorbacom"] == "ORG" and kind["Varnesk"] == "PER" and kind["Nordt"] == "PER"
        assert kind["Quillane"] == expected, pronoun


def test_entity_counts_tally_natively_as_groupby_does():
    # Mentions whose documents come in order (as extracted) are counted natively in one
    # pass; any other order by pandas' groupby: the same table.
    from newscorpus import _entities

    ents = nc.entities(nc.load_sample()["text"])
    native = nc.entity_counts(mentions=ents)
    shuffled = nc.entity_counts(mentions=ents.sample(frac=1.0, random_state=0))
    keys = ["mentions", "documents", "entity", "type"]
    pd.testing.assert_frame_equal(native.sort_values(keys, ignore_index=True),
                                  shuffled.sort_values(keys, ignore_index=True))
    frame = pd.DataFrame({"doc": [0, 0, 0, 1, 3, 3], "entity": [2, 1, 2, 1, 2, 0]})
    want = frame.groupby(["entity"], sort=False).agg(mentions=("doc", "size"), documents=("doc", "nunique"))
    pd.testing.assert_frame_equal(_entities._tally(frame, ["entity"], 3), want.reset_index(), check_dtype=False)
    assert _entities._native.entity_tally(np.array([1, 0]), np.array([0, 0]), 1) is None


def test_entity_counts_options_are_checked_before_any_work():
    df = nc.load_sample()
    with pytest.raises(nc.OptionError, match="rename it"):
        nc.entity_counts(df["text"], by=df["kind"].rename("type"))
    with pytest.raises(nc.OptionError, match="matrix=True"):
        nc.entity_counts(df["text"], matrix=True, by=df["outlet"])
    with pytest.raises(nc.OptionError, match="matrix must be True or False"):
        nc.entity_counts(df["text"], matrix="yes")
    d = df.set_index("id")
    with pytest.raises(nc.InputValueError, match="by position"):
        nc.entity_counts(mentions=nc.entities(d["text"]), by=list(d["outlet"]))
    # A Series named 0 keeps its name.
    assert nc.entity_counts(df["text"], by=df["outlet"].rename(0)).columns[0] == 0


def test_original_span_of_a_missing_row_is_a_clear_error():
    rows = nc.normalize(pd.Series(["**a** b", None]), offsets=True)
    assert nc.original_span(rows.offsets[0], 0, 1) == (2, 3)
    with pytest.raises(nc.InputValueError, match="missing"):
        nc.original_span(rows.offsets[1], 0, 1)


def test_a_group_that_names_no_outlet_takes_no_name_out():
    # Grouped by ISO date strings, "Le Temps" and the "Los Angeles Times" were left out as
    # the outlet "t"'s own names (a date's "T"); by a code "M1", Le Monde.
    got = nc.entity_counts(["The Los Angeles Times and Le Temps reported it.", "Le Monde said so."],
                           by=["2017-02-13T00:00:00.000", "M1"])
    assert {"Los Angeles Times", "Le Temps", "Le Monde"} <= set(got["entity"])


def test_a_list_by_is_refused_for_mentions_named_by_other_labels():
    # Mentions of a Series indexed [2, 0, 1] name their documents by label; a list by=
    # read by position gave Putin DW's group and Merkel France24's.
    df = pd.DataFrame({"text": ["Angela Merkel met officials in Berlin.", "Vladimir Putin spoke in Moscow.",
                                "Emmanuel Macron visited Paris."], "outlet": ["DW", "TASS", "France24"]},
                      index=[2, 0, 1])
    ents = nc.entities(df["text"])
    with pytest.raises(nc.InputValueError, match="by position"):
        nc.entity_counts(mentions=ents, by=df["outlet"].tolist())
    got = nc.entity_counts(mentions=ents, by=df["outlet"])
    assert ("TASS", "Vladimir Putin") in set(zip(got["outlet"], got["entity"]))
    listed = nc.entities(df["text"].tolist())
    got = nc.entity_counts(mentions=listed, by=df["outlet"].tolist())
    assert ("TASS", "Vladimir Putin") in set(zip(got["group"], got["entity"]))
