#!/usr/bin/env python3
"""Generates a benchmark archive of market-news articles as JSON Lines, seeded.

  gen_archive.py N [--seed S] [-o FILE]

Articles have 10-60 sentences of 8-60 words, built from templates with varied companies,
figures, verbs and qualifiers, so sentences are unique (a sentence cache cannot inflate
throughput) apart from about 4 % boilerplate (bylines, disclaimers), as real archives have.
Nothing is copied from any corpus.
"""

import argparse
import json
import random
import sys

COMPANIES = [
    "Toyota Motor", "Sony Group", "SoftBank Group", "Tokyo Electron", "Nintendo", "Honda Motor",
    "Keyence", "Hitachi", "Panasonic", "Mitsubishi UFJ", "Fast Retailing", "Nvidia", "Apple",
    "Microsoft", "Tesla", "Boeing", "Intel", "Pfizer", "JPMorgan Chase", "Exxon Mobil", "Walmart",
    "ASML", "SAP", "Siemens", "Nestle", "LVMH", "Novo Nordisk", "Shell", "BP", "HSBC", "Vodafone",
    "Samsung Electronics", "TSMC", "Tencent", "Alibaba", "Volkswagen", "TotalEnergies", "Unilever",
]
METRICS = ["revenue", "operating profit", "net income", "quarterly sales", "free cash flow",
           "gross margin", "orders", "shipments", "bookings", "earnings per share", "guidance"]
UP = ["rose", "jumped", "climbed", "surged", "increased", "grew", "beat expectations at"]
DOWN = ["fell", "dropped", "slid", "declined", "plunged", "missed expectations at", "shrank"]
FLAT = ["was unchanged at", "held steady at", "came in at", "was reported at"]
REGIONS = ["in Japan", "in the United States", "in Europe", "in China", "across Asia", "worldwide",
           "in its home market", "in emerging markets"]
CAUSES = ["citing strong demand for data-center chips", "as a weaker yen lifted exports",
          "after a costly product recall", "amid slowing consumer spending", "on higher raw material costs",
          "helped by price increases", "as competition intensified", "despite supply-chain disruptions",
          "following a restructuring program", "on the back of new product launches"]
ANALYSTS = ["Analysts at a Tokyo brokerage", "A London-based fund manager", "Investors in New York",
            "Credit analysts", "A strategist at a European bank", "Several market participants"]
VIEWS = ["said the results were better than feared", "warned that margins could stay under pressure",
         "expect the outlook to improve in the second half", "questioned the sustainability of the dividend",
         "welcomed the share buyback", "cut their price targets", "raised their earnings estimates",
         "see limited upside at current valuations"]
FILLER = ["the company said in a statement", "according to a regulatory filing", "people familiar with the matter said",
          "the chief executive told reporters", "data from the exchange showed", "a spokesperson confirmed"]
BOILERPLATE = [
    "This article was produced by the markets desk and reviewed by an editor.",
    "Reporting by the Tokyo bureau; editing by the Asia markets team.",
    "The information in this report is not investment advice.",
    "Figures are preliminary and may be revised.",
]


def number(rng):
    return rng.choice([
        f"{rng.uniform(0.1, 99.9):.1f}%", f"${rng.uniform(0.2, 950):.2f} billion", f"¥{rng.uniform(1, 999):.1f} billion",
        f"€{rng.uniform(0.1, 80):.2f} bn", f"{rng.randint(2, 40)} cents a share", f"{rng.uniform(1.01, 3.5):.2f}x",
    ])


def sentence(rng):
    company = rng.choice(COMPANIES)
    kind = rng.random()
    if kind < 0.45:
        verb = rng.choice(UP + DOWN + FLAT)
        s = f"{company}'s {rng.choice(METRICS)} {verb} {number(rng)} {rng.choice(REGIONS)} in the {rng.choice(['first', 'second', 'third', 'fourth'])} quarter, {rng.choice(CAUSES)}"
    elif kind < 0.7:
        s = f"{rng.choice(ANALYSTS)} {rng.choice(VIEWS)} after {company} reported {rng.choice(METRICS)} of {number(rng)}"
    elif kind < 0.9:
        s = f"{company} {rng.choice(UP + DOWN)} {number(rng)} in fiscal {rng.randint(2015, 2027)}, {rng.choice(FILLER)}"
    else:
        s = f"Shares of {company} {rng.choice(UP + DOWN)} {number(rng)} to close at {rng.randint(100, 30000):,} yen on {rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}"
    words = s.split()
    target = rng.randint(8, 60)
    while len(words) < target:
        words += f"and {rng.choice(FILLER)} that {rng.choice(METRICS)} {rng.choice(UP + DOWN + FLAT)} {number(rng)}".split()
    return " ".join(words[: max(target, 8)]).rstrip(",") + "."


def article(i, rng):
    n = rng.randint(10, 60)
    sentences = []
    for _ in range(n):
        sentences.append(rng.choice(BOILERPLATE) if rng.random() < 0.04 else sentence(rng))
    paragraphs = [" ".join(sentences[k : k + 4]) for k in range(0, len(sentences), 4)]
    company = rng.choice(COMPANIES)
    return {
        "id": f"bench-{i:07d}",
        "title": f"{company} {rng.choice(['reports', 'warns on', 'lifts', 'cuts', 'keeps'])} {rng.choice(METRICS)}",
        "body": "\n\n".join(paragraphs),
        "published_at": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00Z",
        "source": "finsent benchmark",
    }


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("n", type=int)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("-o", "--output", default="-")
    args = p.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    for i in range(args.n):
        out.write(json.dumps(article(i, rng), ensure_ascii=False) + "\n")
    out.close()


if __name__ == "__main__":
    main()
