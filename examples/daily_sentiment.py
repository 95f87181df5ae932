#!/usr/bin/env python3
"""Daily mean sentiment per ticker from finsent's Parquet output, plotted to a PNG.

  python examples/daily_sentiment.py scores.parquet -o daily.png [--top 6] [--min-relevance 0.3]

What a researcher does first with a scored archive: keep the scored articles (error
records have `error` set), spread the `tickers` list into one row per (article, company),
keep the companies an article is about (relevance), and average each company's own
sentiment per day. Prints the table it plots.
"""

import argparse

import pandas as pd


def ticker_rows(articles):
    """One row per (article, company): the article's id and date beside the company's own
    fields. Each article's row index is unique before the explode, and the exploded rows get a
    fresh index, so a company's fields are paired with its own article only (an article
    with k companies gives k rows, one per company, never k x k)."""
    long = articles[["id", "published_at", "tickers"]].reset_index(drop=True)
    long = long.explode("tickers", ignore_index=True).dropna(subset=["tickers"])
    companies = pd.DataFrame(list(long["tickers"]), index=long.index)
    return long.drop(columns="tickers").join(companies)


def daily_ticker_sentiment(df, min_relevance, top):
    """Mean of each company's own score per UTC day, over the articles that are about it
    (relevance at least `min_relevance`); each article counts once per company."""
    articles = df[df["error"].isna() & df["published_at"].notna()]
    long = ticker_rows(articles)
    long = long[long["relevance"] >= min_relevance]
    busiest = long["symbol"].value_counts().head(top).index
    long = long[long["symbol"].isin(busiest)].copy()
    long["day"] = long["published_at"].dt.floor("D")
    return long.pivot_table(index="day", columns="symbol", values="score", aggfunc="mean").sort_index()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("parquet")
    p.add_argument("-o", "--output", default="daily_sentiment.png")
    p.add_argument("--top", type=int, default=6, help="companies with the most articles")
    p.add_argument("--min-relevance", type=float, default=0.3)
    args = p.parse_args()
    daily = daily_ticker_sentiment(pd.read_parquet(args.parquet), args.min_relevance, args.top)
    if daily.empty:
        raise SystemExit("no dated, scored articles with tickers in " + args.parquet)
    print(daily.round(3).to_string())
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = daily.plot(marker="o", figsize=(10, 5), ylim=(-1, 1))
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_ylabel("mean finsent score")
    ax.set_title("Daily mean sentiment per ticker")
    plt.tight_layout()
    plt.savefig(args.output, dpi=120)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
