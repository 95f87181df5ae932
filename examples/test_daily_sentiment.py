#!/usr/bin/env python3
"""Regression test for examples/daily_sentiment.py: an article with several companies must
count once per company in the daily mean (the old explode + join paired every row of an
article with each of its companies, so an article with k companies counted k times).

  python examples/test_daily_sentiment.py      (needs pandas; run by .ci/run)
"""

import sys
import unittest
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from daily_sentiment import daily_ticker_sentiment, ticker_rows  # noqa: E402


def company(symbol, score, relevance=1.0):
    return {"symbol": symbol, "score": score, "relevance": relevance, "mentions": 1, "label": "x"}


def articles():
    """Two NVDA articles on one day: one alone (-0.9952), one beside two other companies
    (+0.9963). The right NVDA mean is 0.00055."""
    day = pd.Timestamp("2026-03-02T14:00:00Z")
    return pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "published_at": [day, day + pd.Timedelta(hours=2), day],
            "error": [None, None, "parse"],
            "tickers": [
                [company("NVDA", -0.9952)],
                [company("AMD", 0.5), company("NVDA", 0.9963), company("INTC", -0.2)],
                [],
            ],
        }
    )


class DailySentiment(unittest.TestCase):
    def test_an_article_with_several_companies_counts_once_per_company(self):
        daily = daily_ticker_sentiment(articles(), min_relevance=0.3, top=6)
        self.assertEqual(len(daily), 1)
        self.assertAlmostEqual(daily["NVDA"].iloc[0], (-0.9952 + 0.9963) / 2, places=6)
        self.assertAlmostEqual(daily["AMD"].iloc[0], 0.5, places=6)
        self.assertAlmostEqual(daily["INTC"].iloc[0], -0.2, places=6)

    def test_one_row_per_article_and_company(self):
        rows = ticker_rows(articles().iloc[:2])
        self.assertEqual(sorted(zip(rows["id"], rows["symbol"])),
                         [("a", "NVDA"), ("b", "AMD"), ("b", "INTC"), ("b", "NVDA")])

    def test_companies_below_the_relevance_floor_are_left_out(self):
        df = articles()
        df.at[1, "tickers"] = [company("NVDA", 0.9963, relevance=0.1)]
        daily = daily_ticker_sentiment(df, min_relevance=0.3, top=6)
        self.assertAlmostEqual(daily["NVDA"].iloc[0], -0.9952, places=6)


if __name__ == "__main__":
    unittest.main()
