#!/usr/bin/env python3
"""Generates a seeded archive of market-news articles with planted near-duplicate stories and
hard non-duplicates, plus ground-truth labels, to evaluate story / novelty detection.

  gen_stories.py N [--seed S] [-o FILE] [--labels LABELS] [--start YYYY-MM-DD] [--days D]

Archive (JSON Lines, -o, default stdout): id, title, body, published_at (ISO 8601 with offset;
absent or null for a few articles), outlet, byline (sometimes absent).
Labels (JSON Lines, --labels, same order as the archive): id, story, kind, first, expect (the
novelty expected with a 72 h window, null when not scored), of (the article this one was copied
from or is a trap for), groups (trap families), published_at (UTC), outlet.

Kinds. Story firsts: original, template, next_quarter, shared_boilerplate,
same_event_other_writer, undated (all expect `new`). Copies of an earlier article (same story):
update (expect `update`), repost, trimmed, reordered, exact (expect `repeat`), late_repost (same
story, but 96 h or more after every earlier article of it: expect `new`), undated_copy (no
published_at: novelty not scored). See STORIES.md.

All texts, companies, people, outlets and figures are invented here; nothing is copied from any
corpus. Standard library only. Output is streamed: memory holds only the copies still to be
published (about the last 2.5 days of stories, plus the rarer late reposts and next-quarter
reports), a 4 h reorder buffer and the company universe (N / 20 companies, capped at 50,000),
never the archive: about 40 MB at 100k articles, 200 MB at 1M (about 4 minutes).
"""

import argparse
import heapq
import json
import math
import os
import random
import re
import sys
from datetime import datetime, timedelta, timezone

# ----------------------------------------------------------------------------------------------
# Vocabulary
# ----------------------------------------------------------------------------------------------

FIRST = ["Akira", "Yuki", "Haruto", "Sakura", "Kenji", "Mei", "Daniel", "Laura", "Michael", "Sarah",
         "James", "Emily", "Thomas", "Anna", "Lukas", "Sofia", "Pierre", "Claire", "Marco", "Giulia",
         "Javier", "Lucia", "Lars", "Ingrid", "Henrik", "Astrid", "Min-jun", "Ji-woo", "Wei", "Li Na",
         "Priya", "Rahul", "Ananya", "Arjun", "Olivia", "Noah", "Fatima", "Omar", "Amara", "Kwame",
         "Isabela", "Rafael", "Camila", "Mateus", "Hannah", "David", "Rachel", "Oliver", "Charlotte",
         "Ewan", "Niamh", "Sven", "Elin", "Pavel", "Katarzyna", "Tomasz", "Hiroshi", "Naoko", "Takeshi",
         "Aiko", "Ravi", "Deepa", "Connor", "Grace", "Ines", "Hugo", "Felix", "Mila", "Jonas", "Leonie",
         "Chloe", "Mateo", "Yusuf", "Leila", "Tariq", "Nadia", "Bjorn", "Freya", "Soo-ah", "Hyun-woo"]
LAST = ["Tanaka", "Suzuki", "Watanabe", "Kobayashi", "Nakamura", "Yamamoto", "Sato", "Ito", "Kim", "Park",
        "Lee", "Choi", "Chen", "Wang", "Liu", "Huang", "Lin", "Patel", "Sharma", "Iyer", "Reddy", "Gupta",
        "Smith", "Johnson", "Brown", "Miller", "Davis", "Garcia", "Rodriguez", "Martinez", "Wilson",
        "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clark",
        "Lewis", "Walker", "Hall", "Young", "Muller", "Schmidt", "Schneider", "Fischer", "Weber",
        "Becker", "Dubois", "Lefevre", "Moreau", "Laurent", "Rossi", "Bianchi", "Ferrari", "Esposito",
        "Fernandez", "Lopez", "Santos", "Oliveira", "Pereira", "Costa", "Andersson", "Johansson",
        "Larsen", "Nilsson", "Berg", "Hansen", "Novak", "Kowalski", "Nowak", "O'Brien", "Murphy",
        "Kelly", "Okafor", "Mensah", "Haddad", "Khalil", "Cohen", "Levy", "Friedman", "Ivanova",
        "Petrov", "Nakagawa", "Hayashi", "Mori", "Yoshida", "Fujita", "Ogawa", "Sasaki", "Matsumoto"]

HEADS = ["Aldergate", "Brightwater", "Kestrel", "Nordvik", "Halvorsen", "Kaminari", "Tamarind", "Pinecrest",
         "Marlow", "Oakhurst", "Veridian", "Ashcombe", "Hoshino", "Lindqvist", "Castellan", "Rosmarin",
         "Greyfield", "Sunmark", "Tidewell", "Corvane", "Elmstead", "Fairhaven", "Granton", "Hollis",
         "Ironbridge", "Juniper", "Kirkwood", "Lakemont", "Moravia", "Northcape", "Orwell", "Pellham",
         "Quayside", "Redmoor", "Silverline", "Thornbury", "Valmont", "Westbrook", "Yarrow", "Zenith",
         "Akagi", "Biwako", "Chikuma", "Daikoku", "Enoshima", "Fujimori", "Hakuba", "Isehara", "Kuroshio",
         "Minato", "Nagara", "Omura", "Shirakawa", "Takane", "Umeda", "Yamabuki", "Haneul", "Daebong",
         "Seorin", "Taroko", "Yushan", "Jadeite", "Lotus Bay", "Nilgiri", "Kaveri", "Sahyadri",
         "Araucaria", "Itapema", "Paraty", "Coral Coast", "Wattle", "Banksia", "Laurentide", "Cascadia",
         "Rideau", "Tellus", "Aurelia", "Bergamo", "Calloway", "Drummond", "Everly", "Falkner", "Garnet",
         "Heron", "Indigo", "Jasper", "Kingsbridge", "Lodestar", "Meridiana", "Novacrest", "Obsidian",
         "Palisade", "Quill", "Riverton", "Saltire", "Trillium", "Uplands", "Vantage", "Wexford",
         "Alpenrose", "Brisa", "Cormorant", "Dunmore", "Eastgate", "Fjordline", "Glenrock", "Harrowgate"]

HEAD_PREFIXES = ["North", "South", "East", "West", "New", "Great", "United", "Pacific", "Atlantic", "Royal", "Central",
                 "First", "Global", "Nippon", "Euro", "Trans", "Grand", "Summit", "Allied", "Coastal"]

# sector: name nouns, products, segments, positive drivers, negative drivers, what it does
SECTORS = {
    "semiconductors": (["Semiconductor", "Microdevices", "Silicon", "Chip Technologies", "Photonics", "Microsystems"],
                       ["memory chips", "AI accelerators", "power semiconductors", "image sensors", "wafer inspection tools", "analog chips", "chipmaking equipment"],
                       ["data center", "automotive", "smartphone", "industrial", "memory"],
                       ["strong demand for artificial-intelligence servers", "a rebound in smartphone orders", "higher memory prices", "a recovery in industrial customers' orders"],
                       ["an inventory glut at automotive customers", "weak personal-computer demand", "export curbs on advanced equipment", "falling memory prices"],
                       "designs and manufactures {p} for electronics makers"),
    "autos": (["Motor", "Motors", "Automotive", "Auto Parts", "Mobility"],
              ["hybrid vehicles", "electric SUVs", "pickup trucks", "compact cars", "battery packs", "brake systems", "motorcycles"],
              ["North America", "China", "electric vehicle", "parts", "auto financing"],
              ["robust hybrid sales", "a weaker home currency", "price increases on new models", "strong demand in North America"],
              ["a price war in China", "higher steel and battery costs", "recall-related charges", "slowing electric-vehicle demand"],
              "builds {p} and supplies carmakers around the world"),
    "pharma": (["Pharmaceuticals", "Pharma", "Biosciences", "Therapeutics", "Life Sciences"],
               ["obesity drugs", "cancer treatments", "vaccines", "generic medicines", "diabetes drugs", "gene therapies"],
               ["oncology", "vaccines", "consumer health", "generics", "rare diseases"],
               ["surging sales of its weight-loss drug", "the approval of a new cancer therapy", "strong vaccine orders", "higher licensing income"],
               ["generic competition for its best-selling drug", "a failed late-stage trial", "lower vaccine demand", "pricing pressure in the United States"],
               "develops and markets {p}"),
    "banks": (["Bank", "Financial Group", "Bancorp", "Savings Bank", "Capital"],
              ["mortgages", "corporate loans", "wealth management services", "credit cards", "trade finance"],
              ["retail banking", "investment banking", "wealth management", "markets", "asset management"],
              ["higher net interest income", "a rebound in dealmaking fees", "strong trading revenue", "lower loan-loss provisions"],
              ["rising bad-loan provisions", "shrinking lending margins", "weak investment banking fees", "losses on commercial property loans"],
              "provides {p} to households and companies"),
    "insurance": (["Insurance", "Assurance", "Re", "Life", "General Insurance"],
                  ["life insurance policies", "property and casualty cover", "reinsurance", "annuities", "motor insurance"],
                  ["life", "property and casualty", "reinsurance", "asset management"],
                  ["higher premium rates", "strong investment income", "benign catastrophe losses", "growth in annuity sales"],
                  ["heavy storm-related claims", "losses on bond holdings", "higher motor claims costs", "reserve strengthening"],
                  "sells {p} to individuals and businesses"),
    "retail": (["Retail", "Stores", "Department Stores", "Supermarkets", "Fashion"],
               ["apparel", "groceries", "home furnishings", "consumer electronics", "cosmetics"],
               ["online", "stores", "international", "private label"],
               ["strong holiday sales", "growth in online orders", "higher tourist spending", "price cuts that lifted volumes"],
               ["weak consumer spending", "markdowns to clear excess inventory", "unseasonable weather", "higher wage costs"],
               "operates shops and websites selling {p}"),
    "energy": (["Energy", "Petroleum", "Oil & Gas", "Resources", "Exploration"],
               ["crude oil", "liquefied natural gas", "refined fuels", "petrochemicals", "offshore gas"],
               ["upstream", "refining", "LNG", "trading", "low-carbon"],
               ["higher crude prices", "strong refining margins", "record LNG volumes", "new fields coming on stream"],
               ["lower oil and gas prices", "weaker refining margins", "unplanned maintenance outages", "impairments on North Sea assets"],
               "produces and trades {p}"),
    "utilities": (["Power", "Electric", "Utilities", "Gas & Power", "Grid"],
                  ["electricity", "natural gas", "district heating", "grid services"],
                  ["networks", "renewables", "retail supply", "generation"],
                  ["higher regulated returns", "strong wind output", "tariff increases", "lower fuel costs"],
                  ["low wind speeds", "regulatory price caps", "higher financing costs", "warm weather that cut gas demand"],
                  "supplies {p} to millions of customers"),
    "mining": (["Mining", "Minerals", "Metals", "Resources", "Gold"],
               ["copper", "iron ore", "lithium", "gold", "nickel", "coking coal"],
               ["copper", "iron ore", "battery metals", "precious metals"],
               ["higher copper prices", "record iron ore shipments", "strong gold prices", "cost cuts at its mines"],
               ["lower lithium prices", "production disruptions", "rising energy costs", "weaker Chinese steel demand"],
               "mines {p} on three continents"),
    "telecom": (["Telecom", "Communications", "Mobile", "Networks", "Telecommunications"],
                ["mobile plans", "fibre broadband", "5G services", "enterprise connectivity", "pay-TV"],
                ["mobile", "fixed line", "enterprise", "towers"],
                ["growth in 5G subscribers", "price rises on mobile contracts", "strong enterprise demand", "lower network costs"],
                ["fierce price competition", "subscriber losses", "higher spectrum costs", "weak handset sales"],
                "offers {p} to consumers and businesses"),
    "software": (["Software", "Systems", "Cloud", "Data", "Digital"],
                 ["cloud software", "cybersecurity tools", "database software", "payroll software", "design software"],
                 ["cloud", "licences", "services", "security"],
                 ["strong cloud subscriptions", "rising demand for AI tools", "large government contracts", "higher renewal rates"],
                 ["longer sales cycles", "weaker IT budgets", "delays in large deals", "currency headwinds"],
                 "sells {p} to corporate customers"),
    "airlines": (["Airlines", "Airways", "Air", "Aviation"],
                 ["international flights", "domestic routes", "cargo services", "low-cost flights"],
                 ["international", "domestic", "cargo", "loyalty"],
                 ["record summer travel", "strong premium-cabin demand", "lower jet fuel prices", "higher fares"],
                 ["higher jet fuel costs", "engine inspections that grounded planes", "weaker cargo demand", "airport strikes"],
                 "operates {p} from its main hub"),
    "logistics": (["Logistics", "Shipping", "Lines", "Freight", "Express"],
                  ["container shipping", "parcel delivery", "freight forwarding", "warehousing"],
                  ["ocean", "air freight", "contract logistics", "parcels"],
                  ["higher container freight rates", "longer shipping routes", "strong e-commerce volumes", "new warehouse contracts"],
                  ["falling freight rates", "overcapacity in the container market", "lower parcel volumes", "port congestion costs"],
                  "provides {p} for manufacturers and retailers"),
    "food": (["Foods", "Brands", "Beverages", "Consumer", "Breweries"],
             ["snacks", "soft drinks", "beer", "instant noodles", "dairy products", "coffee"],
             ["beverages", "snacks", "dairy", "nutrition"],
             ["price increases", "strong demand for premium brands", "growth in emerging markets", "lower commodity costs"],
             ["volume declines after price rises", "higher cocoa and sugar costs", "weak demand in China", "unfavourable currency moves"],
             "makes {p} sold in more than 100 countries"),
    "chemicals": (["Chemical", "Chemicals", "Materials", "Specialty Chemicals"],
                  ["specialty plastics", "battery materials", "industrial gases", "coatings", "fertilisers"],
                  ["specialty materials", "petrochemicals", "agriculture", "electronics materials"],
                  ["recovering demand from electronics makers", "higher fertiliser prices", "cost savings", "strong battery materials sales"],
                  ["weak construction demand", "cheap Chinese imports", "high European gas prices", "destocking by customers"],
                  "produces {p} for industrial customers"),
    "realestate": (["Properties", "Realty", "Estates", "Land", "REIT"],
                   ["office towers", "logistics warehouses", "shopping malls", "rental apartments"],
                   ["office", "residential", "logistics", "retail property"],
                   ["higher rents", "strong demand for logistics space", "gains on asset sales", "full occupancy at new towers"],
                   ["falling office valuations", "higher interest costs", "rising vacancies", "writedowns on its portfolio"],
                   "owns and manages {p}"),
    "machinery": (["Heavy Industries", "Machinery", "Industries", "Engineering", "Robotics"],
                  ["industrial robots", "excavators", "gas turbines", "elevators", "factory automation systems"],
                  ["construction machinery", "automation", "energy systems", "services"],
                  ["a large order backlog", "strong demand for automation", "higher service revenue", "infrastructure spending"],
                  ["weak construction demand in China", "project cost overruns", "order delays", "higher component costs"],
                  "makes {p} and services them over their lifetime"),
    "media": (["Entertainment", "Games", "Media", "Studios"],
              ["video games", "streaming subscriptions", "animated films", "mobile games"],
              ["games", "music", "pictures", "streaming"],
              ["a hit game release", "growth in streaming subscribers", "strong box office receipts", "new licensing deals"],
              ["delayed game releases", "weak advertising", "higher content costs", "subscriber churn"],
              "creates {p} and licenses its characters"),
}

# name, cities, currency, exchange, index, suffixes, ticker style, central bank, fiscal-year start month,
# statistics agency, currency name for FX copy, weight
COUNTRIES = [
    ("Japan", ["Tokyo", "Osaka", "Nagoya", "Kyoto", "Yokohama", "Fukuoka"], "JPY", "Tokyo Stock Exchange", "Nikkei share average",
     ["Corp", "Co", "Holdings", "Group", ""], "jp", "Bank of Japan", 4, "the internal affairs ministry", "the yen", 20),
    ("the United States", ["New York", "Chicago", "San Jose", "Houston", "Seattle", "Boston", "Atlanta", "Dallas", "Denver"], "USD",
     "New York Stock Exchange", "S&P 500", ["Inc", "Corp", "Co", "Holdings", "Group"], "us", "Federal Reserve", 1,
     "the Labor Department", "the dollar", 25),
    ("Germany", ["Munich", "Frankfurt", "Stuttgart", "Hamburg", "Dusseldorf"], "EUR", "Frankfurt Stock Exchange", "DAX",
     ["AG", "SE"], ".DE", "European Central Bank", 1, "the federal statistics office", "the euro", 6),
    ("France", ["Paris", "Lyon", "Toulouse", "Lille"], "EUR", "Euronext Paris", "CAC 40", ["SA"], ".PA",
     "European Central Bank", 1, "the statistics institute", "the euro", 5),
    ("Britain", ["London", "Manchester", "Edinburgh", "Leeds", "Bristol"], "GBP", "London Stock Exchange", "FTSE 100",
     ["plc", "Group plc"], ".L", "Bank of England", 1, "the Office for National Statistics", "sterling", 7),
    ("Switzerland", ["Zurich", "Basel", "Geneva"], "CHF", "SIX Swiss Exchange", "SMI", ["AG", "SA"], ".S",
     "Swiss National Bank", 1, "the federal statistics office", "the Swiss franc", 3),
    ("the Netherlands", ["Amsterdam", "Rotterdam", "Eindhoven", "Utrecht"], "EUR", "Euronext Amsterdam", "AEX", ["NV"], ".AS",
     "European Central Bank", 1, "the statistics bureau", "the euro", 3),
    ("Sweden", ["Stockholm", "Gothenburg", "Malmo"], "SEK", "Nasdaq Stockholm", "OMX Stockholm 30", ["AB"], ".ST",
     "Riksbank", 1, "Statistics Sweden", "the crown", 2),
    ("Norway", ["Oslo", "Stavanger", "Bergen"], "NOK", "Oslo Bors", "OBX index", ["ASA"], ".OL", "Norges Bank", 1,
     "Statistics Norway", "the crown", 2),
    ("South Korea", ["Seoul", "Busan", "Incheon", "Suwon"], "KRW", "Korea Exchange", "KOSPI", ["Co", "Corp", ""], "kr",
     "Bank of Korea", 1, "Statistics Korea", "the won", 5),
    ("Taiwan", ["Taipei", "Hsinchu", "Taichung", "Kaohsiung"], "TWD", "Taiwan Stock Exchange", "Taiex", ["Corp", "Co"], "tw",
     "central bank", 1, "the statistics bureau", "the Taiwan dollar", 4),
    ("Hong Kong", ["Hong Kong"], "HKD", "Hong Kong Stock Exchange", "Hang Seng index", ["Holdings", "Group", "Ltd"], "hk",
     "Hong Kong Monetary Authority", 1, "the census and statistics department", "the Hong Kong dollar", 4),
    ("India", ["Mumbai", "Bengaluru", "Chennai", "Pune", "New Delhi"], "INR", "National Stock Exchange", "Nifty 50", ["Ltd"],
     ".NS", "Reserve Bank of India", 4, "the statistics ministry", "the rupee", 5),
    ("Australia", ["Sydney", "Melbourne", "Perth", "Brisbane"], "AUD", "Australian Securities Exchange", "S&P/ASX 200",
     ["Ltd", "Group"], ".AX", "Reserve Bank of Australia", 7, "the Bureau of Statistics", "the Australian dollar", 4),
    ("Canada", ["Toronto", "Calgary", "Vancouver", "Montreal"], "CAD", "Toronto Stock Exchange", "S&P/TSX composite index",
     ["Inc", "Corp"], ".TO", "Bank of Canada", 1, "Statistics Canada", "the Canadian dollar", 3),
    ("Brazil", ["Sao Paulo", "Rio de Janeiro", "Belo Horizonte"], "BRL", "B3 exchange", "Bovespa index", ["SA"], "br",
     "central bank", 1, "the statistics institute IBGE", "the real", 2),
]

# currency: symbol prefix, word suffix, units per US dollar, policy-rate range
CUR = {"USD": ("$", "", 1.0), "JPY": ("", "yen", 150.0), "EUR": ("€", "", 0.92), "GBP": ("£", "", 0.79),
       "CHF": ("", "Swiss francs", 0.88), "SEK": ("", "Swedish crowns", 10.5), "NOK": ("", "Norwegian crowns", 10.7),
       "KRW": ("", "won", 1350.0), "TWD": ("T$", "", 32.0), "HKD": ("HK$", "", 7.8), "INR": ("", "rupees", 83.0),
       "AUD": ("A$", "", 1.5), "CAD": ("C$", "", 1.36), "BRL": ("", "reais", 5.0)}

FIRMS = ["Harbourview Securities", "Ridgeway Capital Markets", "Kanda Securities", "Mercer & Lowe", "Bastion Research",
         "Oriel Partners", "Stonegate Equity Research", "Aoba Securities", "Hanseatic Bank Research", "Lakeshore Capital",
         "Pemberton Brokers", "Silverfir Advisors", "Castlegate Investment Bank", "Rhine Valley Securities",
         "Sentinel Asset Management", "Blue Lantern Capital", "Kaiyo Asset Management", "Northpoint Wealth",
         "Tidal Research", "Granite Peak Securities", "Marunouchi Research Institute", "Jadeport Securities",
         "Cedar & Vale", "Brightline Investors", "Osprey Global Advisors", "Fenwick Street Partners"]
POLLS = ["FactLine data", "a poll of analysts by the company", "consensus figures compiled by Harbourview",
         "LedgerPoint estimates", "an in-house survey of brokers"]
AGENCIES = ["Sterling Ratings", "Meridian Credit", "Apex Credit Research", "Northstar Ratings"]
REGIONS = ["China", "North America", "Europe", "Southeast Asia", "Japan", "India", "Latin America", "the Middle East"]
RISKS = ["higher U.S. tariffs", "a stronger home currency", "softening demand in China", "rising labour costs",
         "new regulation in Europe", "volatile energy prices", "a slowdown in global trade", "higher borrowing costs"]
QN = ["first", "second", "third", "fourth"]
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
       "November", "December"]
MDAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

POS_QUOTES = [
    "We are seeing sustained demand for our {prod}, and we expect that momentum to carry into next year",
    "This quarter showed the resilience of our business model in a difficult environment",
    "Our investments in {seg} are paying off faster than we had planned",
    "We have a strong order book and we are confident in our full-year targets",
    "Customers in {reg} continue to trust us with their most demanding projects",
    "The cost programme is ahead of schedule, which gives us room to keep investing",
    "We delivered growth in every region, with {reg} the standout",
    "Our balance sheet has never been stronger, and we will keep returning cash to shareholders",
    "Demand for {prod} is running well ahead of what we saw at the start of the year",
    "We are gaining share in {seg}, and the pipeline for next year looks healthy",
]
NEG_QUOTES = [
    "The environment remains challenging, but we are taking the right steps to protect margins",
    "Demand in {reg} was softer than we expected, and we are adjusting production accordingly",
    "We are not satisfied with these results and we are acting decisively on costs",
    "Visibility is limited, so we are being cautious with our outlook",
    "Pricing pressure in {seg} intensified during the quarter, and we do not expect it to ease soon",
    "We remain focused on the things we can control: costs, cash and customers",
    "These are temporary headwinds, and the long-term case for our {prod} is intact",
    "We underestimated how quickly conditions in {reg} would deteriorate",
    "It was a difficult quarter for {seg}, and we are reviewing every part of that business",
    "We expect the second half to be better, but we are planning for a tougher market",
]
POS_ANALYST = [
    "The numbers were cleaner than we feared, and the guidance looks conservative",
    "{s} is executing well in a tough market; we would use any pullback to add to positions",
    "Margins were the standout. Cost discipline is finally showing through",
    "This was a beat on almost every line, and {seg} is clearly turning the corner",
    "We think the market is still underestimating how much cash this business can generate",
    "It is rare to see this kind of pricing power in {seg} at this point of the cycle",
    "The results remove a big overhang on the shares",
    "Management has done what it promised, and that credibility matters",
]
NEG_ANALYST = [
    "This is a meaningful miss and it is hard to see where the second-half recovery comes from",
    "Investors wanted a clearer path on {seg}, and they did not get it",
    "The valuation already priced in a lot of good news, so the reaction is not surprising",
    "Guidance now looks stretched, and we suspect another cut is possible",
    "Cost inflation is eating into margins faster than {s} can raise prices",
    "We are moving to the sidelines until the inventory problem in {seg} is resolved",
    "The balance sheet is fine, but the earnings momentum has clearly stalled",
    "There is not much in these numbers to change the bearish view on {s}",
]
ECON_QUOTES = [
    "The data confirm that the economy is cooling, but not collapsing",
    "Price pressures are proving stickier than policymakers had hoped",
    "This gives the central bank room to wait and see",
    "We think the market is too optimistic about how quickly rates can come down",
    "Households are still spending, helped by solid wage growth",
    "The manufacturing slump looks to be bottoming out",
    "One month does not make a trend, but the direction is clear",
    "Exporters are feeling the pinch from weaker demand abroad",
    "A rate move at the next meeting now looks more likely than not",
    "The details were weaker than the headline suggests",
]
MARKET_QUOTES = [
    "Investors are taking profits after a strong run, and nobody wants to be too exposed ahead of the data",
    "There is a lot of cash on the sidelines waiting for a clearer signal on rates",
    "The market is trading on headlines at the moment, which makes for choppy sessions",
    "Earnings have been better than expected, and that is supporting the broader market",
    "Foreign investors have turned net buyers again, which is a good sign",
    "Volumes are thin, so moves in either direction are exaggerated",
    "We are seeing rotation out of growth names into defensive sectors",
    "Until the currency stabilises, exporters will remain under pressure",
]

# Outlets: code, name, UTC offset (minutes), uses 'Z' for UTC, dateline style, curly quotes, title case,
# originating weight, long disclaimer (index into DISCLAIMERS or None), wire credit line
OUTLETS = [
    ("MW", "Meridian Wire", 0, True, True, False, "sentence", 16, None, True),
    ("TBD", "Tokai Business Daily", 540, False, False, True, "sentence", 8, None, False),
    ("HSJ", "Harbor Street Journal", -300, False, False, True, "title", 9, None, False),
    ("TLA", "The Ledger Asia", 480, False, True, False, "sentence", 7, None, False),
    ("EBT", "Eurobourse Today", 60, False, False, True, "title", 6, None, False),
    ("NFN", "Northgate Financial News", 0, False, True, False, "sentence", 10, None, True),
    ("CMD", "Capital Markets Dispatch", -300, False, False, False, "title", 7, None, False),
    ("KMR", "Kanda Market Report", 540, False, True, False, "sentence", 6, None, False),
    ("BSW", "Bund Street Wire", 60, False, True, False, "sentence", 6, None, True),
    ("SPB", "Southern Pacific Business", 600, False, False, True, "title", 4, None, False),
    ("MBX", "Mumbai Bourse Express", 330, False, True, False, "sentence", 4, None, False),
    ("MNA", "MarketNow Aggregator", -300, False, False, False, "title", 2, None, False),
    ("FPD", "FinPulse Digest", 0, True, False, True, "sentence", 2, None, False),
    ("IVB", "Investor Brief Newsletter", -480, False, False, False, "title", 3, 0, False),
    ("ATR", "AlphaTrader Research Notes", -300, False, False, True, "sentence", 3, 1, False),
    ("CWI", "Crestline Wealth Insights", 0, True, False, False, "title", 2, 2, False),
]
DISCLAIMERS = [
    "Important information: This newsletter is published by Investor Brief Newsletter for general information "
    "purposes only and does not constitute investment advice, a recommendation or an offer to buy or sell any "
    "security. The views expressed are those of the author at the time of writing and may change without notice. "
    "Past performance is not a reliable indicator of future results, and the value of investments and the income "
    "from them can fall as well as rise. Investor Brief Newsletter and its staff may hold positions in the "
    "securities mentioned. Readers should seek independent financial advice before making any investment decision. "
    "Data are sourced from third parties believed to be reliable but are not guaranteed.",
    "Disclosure and risk warning: AlphaTrader Research Notes are prepared by independent contributors and are "
    "distributed without regard to the specific investment objectives, financial situation or needs of any reader. "
    "Trading equities, derivatives and currencies involves substantial risk of loss and is not suitable for every "
    "investor. Nothing in this note should be construed as a solicitation. The contributor received no compensation "
    "from any company mentioned, and AlphaTrader does not verify figures supplied by issuers. Forward-looking "
    "statements are inherently uncertain. Copyright remains with AlphaTrader Media; reproduction of this note, in "
    "whole or in part, requires prior written permission.",
    "This material has been prepared by Crestline Wealth Insights and is intended for professional investors only. "
    "It is not a prospectus and is not intended to be relied upon as a forecast, research or investment advice. Any "
    "opinions are subject to change, and the securities discussed may not be suitable for all investors. Figures "
    "quoted are unaudited and may be revised. Investing involves risk, including the possible loss of principal. "
    "Crestline Wealth Insights, its affiliates and employees accept no liability for any loss arising from the use "
    "of this material. Please refer to the full terms of use on the Crestline website.",
]
# Boilerplate lines a partner adds when it republishes another outlet's story ({o} = original outlet).
REPOST_LINES = {
    "MW": ["(Meridian Wire distributes this story on behalf of {o}.)"],
    "TBD": ["This article first appeared in {o} and is republished with permission.",
            "Tokai Business Daily - partner content"],
    "HSJ": ["Copyright {y} {o}. Distributed by Harbor Street Journal.",
            "Read more market coverage at Harbor Street Journal."],
    "TLA": ["(The Ledger Asia carries this report from {o} under a content-sharing agreement.)"],
    "EBT": ["Source: {o}. Eurobourse Today is not responsible for the content of partner articles."],
    "NFN": ["(Syndicated from {o}.)", "For more news, visit Northgate Financial News."],
    "CMD": ["Originally published by {o}.", "Capital Markets Dispatch - your daily briefing on global markets."],
    "KMR": ["Kanda Market Report reprint. Original source: {o}."],
    "BSW": ["(Bund Street Wire carries this article under licence from {o}.)"],
    "SPB": ["This story was supplied by {o}."],
    "MBX": ["Mumbai Bourse Express | Source: {o}"],
    "MNA": ["Story via {o} | MarketNow aggregates headlines from trusted financial publishers.",
            "MarketNow Aggregator - curated from {o}."],
    "FPD": ["FinPulse Digest summary service. Full story: {o}.", "Shared via FinPulse Digest."],
    "IVB": ["Investor Brief Newsletter reader edition, from {o}."],
    "ATR": ["AlphaTrader republished this article from {o}."],
    "CWI": ["Crestline Wealth Insights clipping service: {o}."],
}
UPDATE_NOTES = ["analyst comment", "share price reaction", "details from conference call", "background",
                "executive quotes", "details on outlook", "market reaction", "comment from regulator",
                "details on financing", "investor reaction"]
UPDATE_NOTES_MKT = ["economist comment", "market reaction", "currency and bond moves", "background",
                    "strategist comment", "details on positioning"]

# ----------------------------------------------------------------------------------------------
# Universe (companies, reporters), fixed by the seed
# ----------------------------------------------------------------------------------------------


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def make_universe(seed, n_companies=900):
    u = random.Random(seed * 7919 + 17)
    countries = [c for c in COUNTRIES]
    cweights = [c[-1] for c in countries]
    sectors = list(SECTORS)
    companies, seen = [], set()
    while len(companies) < n_companies:
        ctry = u.choices(countries, cweights)[0]
        sec = u.choice(sectors)
        nouns, prods, segs, upd, downd, about = SECTORS[sec]
        head = u.choice(HEADS) if n_companies <= 2000 or u.random() < 0.1 else f"{u.choice(HEAD_PREFIXES)} {u.choice(HEADS)}"
        short = f"{head} {u.choice(nouns)}"
        if short in seen:
            continue
        seen.add(short)
        sfx = u.choice(ctry[5])
        name = f"{short} {sfx}".strip()
        style = ctry[6]
        letters = "".join(ch for ch in short.upper() if ch.isalpha())
        if style == "jp":
            tag = f"{u.randint(1300, 9990)}.T"
        elif style == "kr":
            tag = f"{u.randint(0, 999999):06d}.KS"
        elif style == "tw":
            tag = f"{u.randint(1100, 9990)}.TW"
        elif style == "hk":
            tag = f"{u.randint(1, 9999):04d}.HK"
        elif style == "br":
            tag = f"{letters[:4]}3.SA"
        elif style == "us":
            tag = letters[:u.randint(3, 4)] + u.choice([".N", ".O"])
        else:
            tag = letters[:u.randint(3, 4)] + style
        rate = CUR[ctry[2]][2]
        qrev_usd = math.exp(u.uniform(math.log(40), math.log(40000)))  # quarterly revenue, $ millions
        price_usd = math.exp(u.uniform(math.log(4), math.log(600)))
        shares = qrev_usd * 4 * u.uniform(0.5, 4.0) / price_usd  # millions of shares
        prods_c = u.sample(prods, 2)
        companies.append({
            "name": name, "short": short, "tag": tag, "sector": sec, "country": ctry,
            "cur": ctry[2], "hq": u.choice(ctry[1]), "ceo": person(u), "cfo": person(u), "ir": person(u),
            "founded": u.randint(1890, 2012), "emp": int(qrev_usd * u.uniform(5, 40)) + 200,
            "qrev": qrev_usd * rate, "price": price_usd * rate, "shares": shares,
            "prods": prods_c, "segs": u.sample(segs, 2), "about": about.format(p=prods_c[0]),
            "markets": u.randint(12, 140),
        })
    # Zipf-like popularity: a few companies are in the news a lot
    cum, total = [], 0.0
    for i in range(n_companies):
        total += 1.0 / (i + 8) ** 0.9
        cum.append(total)
    reporters = {o[0]: [person(u) for _ in range(14)] for o in OUTLETS}
    return companies, cum, reporters


# ----------------------------------------------------------------------------------------------
# Formatting helpers
# ----------------------------------------------------------------------------------------------


def num(v):
    if v < 10:
        return f"{v:.2f}"
    if v < 100:
        return f"{v:.1f}"
    return f"{v:,.0f}"


def money(cur, m):
    """m in millions of local currency."""
    sym, word, _ = CUR[cur]
    if m >= 1e6:
        v, unit = m / 1e6, "trillion"
    elif m >= 1e3:
        v, unit = m / 1e3, "billion"
    else:
        v, unit = m, "million"
    return f"{sym}{num(v)} {unit}" if sym else f"{num(v)} {unit} {word}"


def price(cur, p):
    sym, word, _ = CUR[cur]
    if cur in ("JPY", "KRW"):
        return f"{p:,.0f} {word}"
    return f"{sym}{p:.2f}" if sym else f"{p:.2f} {word}"


def local_dt(ts, tzmin):
    return datetime.fromtimestamp(ts + tzmin * 60, timezone.utc)


def md(dt):
    return f"{MON[dt.month - 1]} {dt.day}"


def iso(ts, tzmin, z=False):
    dt = datetime.fromtimestamp(int(ts), timezone(timedelta(minutes=tzmin)))
    s = dt.isoformat()
    return s[:-6] + "Z" if z and tzmin == 0 else s


class R:
    """Variant picker. Word choices come from a stream seeded by the article's variant seed, so a
    re-render with the same seed (next quarter's report) repeats them; `mutate` re-draws a share of
    them; `style` restricts every list to its even or odd half (an independent writer)."""

    __slots__ = ("v", "m", "mutate", "style")

    def __init__(self, vseed, style=None, mutate=0.0, mseed=0):
        self.v = random.Random(vseed)
        self.m = random.Random(mseed) if mutate else None
        self.mutate = mutate
        self.style = style

    def pick(self, opts):
        if self.style is not None and len(opts) >= 2:
            opts = opts[self.style::2]
        i = self.v.randrange(len(opts))
        if self.m is not None and self.m.random() < self.mutate:
            i = self.m.randrange(len(opts))
        return opts[i]

    def p(self, prob):
        return self.v.random() < prob

    def uni(self, a, b):
        return self.v.uniform(a, b)

    def randint(self, a, b):
        return self.v.randint(a, b)


def updown(x, up, down):
    return up if x >= 0 else down


# ----------------------------------------------------------------------------------------------
# Shared paragraphs
# ----------------------------------------------------------------------------------------------


def full_ref(c, r):
    return r.pick([f"{c['name']} ({c['tag']})", c["name"], f"{c['hq']}-based {c['name']}", f"{c['name']} ({c['tag']})"])


def attribution_ceo(ev, r, q):
    c = ev["co"]
    s = c["short"]
    who, role = r.pick([(c["ceo"], "chief executive"), (c["cfo"], "chief financial officer"),
                        (c["ceo"], "president and chief executive"), (c["cfo"], "finance chief")])
    return r.pick([
        f"\"{q},\" {role} {who} said in a statement.",
        f"\"{q},\" {who}, {s}'s {role}, told reporters.",
        f"{who}, the {role}, said: \"{q}.\"",
        f"\"{q},\" {who} said on a call with analysts.",
        f"\"{q},\" said {who}, who has been {role} since {r.randint(2012, 2024)}.",
        f"Speaking to analysts, {role} {who} said: \"{q}.\"",
    ])


def p_ceo_quote(ev, r, pos):
    c = ev["co"]
    q = r.pick(POS_QUOTES if pos else NEG_QUOTES).format(prod=ev["prod"], seg=ev["seg"], reg=ev["region"])
    return [attribution_ceo(ev, r, q)]


def p_analyst_quote(ev, r, pos, extra=True):
    c = ev["co"]
    q = r.pick(POS_ANALYST if pos else NEG_ANALYST).format(s=c["short"], seg=ev["seg"])
    who, firm = person(r.v), r.pick(FIRMS)
    out = [r.pick([
        f"\"{q},\" said {who}, an analyst at {firm}.",
        f"\"{q},\" {firm} analyst {who} wrote in a note to clients.",
        f"{who}, a portfolio manager at {firm}, said: \"{q}.\"",
        f"\"{q},\" said {who}, head of equity research at {firm}.",
    ])]
    if extra and r.p(0.5):
        out.append(r.pick([
            f"{firm} has a {r.pick(['buy', 'neutral', 'outperform', 'hold', 'sell', 'overweight'])} rating on the stock.",
            f"{who} kept a price target of {price(c['cur'], c['price'] * r.uni(0.8, 1.4))} on the shares.",
            f"{firm} manages about {money('USD', r.uni(2e3, 9e5))} in assets.",
            f"{who} has covered the {c['sector'].replace('realestate', 'property')} sector for more than {r.randint(5, 25)} years.",
        ]))
    return out


def p_shares(ev, r):
    c = ev["co"]
    m = ev["move"]
    idx = c["country"][4]
    im = ev["idx_move"]
    return [r.pick([
        f"Shares of {c['short']} {updown(m, 'rose', 'fell')} as much as {abs(m):.1f}% in early trading, against a {abs(im):.1f}% {updown(im, 'gain', 'decline')} in the {idx}.",
        f"The stock {updown(m, 'climbed', 'slid')} {abs(m):.1f}% to {price(c['cur'], c['price'] * (1 + m / 100))} by midday, {updown(m - im, 'outperforming', 'underperforming')} the {idx}.",
        f"{c['short']}'s shares closed {updown(m, 'up', 'down')} {abs(m):.1f}%, their biggest one-day move in {r.randint(2, 11)} months.",
        f"Investors {updown(m, 'cheered', 'sold')} the news, sending {c['short']} shares {abs(m):.1f}% {updown(m, 'higher', 'lower')} while the {idx} {updown(im, 'rose', 'fell')} {abs(im):.1f}%.",
    ])]


def p_background(ev, r):
    c = ev["co"]
    ytd = ev["ytd"]
    return [r.pick([
        f"{c['name']}, founded in {c['founded']} and based in {c['hq']}, employs about {c['emp']:,} people and {c['about']}.",
        f"The {c['hq']}-based company, which {c['about']}, had about {c['emp']:,} employees at the end of last year.",
        f"{c['short']}'s shares have {updown(ytd, 'gained', 'lost')} {abs(ytd):.1f}% so far this year, compared with a {abs(ev['idx_ytd']):.1f}% {updown(ev['idx_ytd'], 'rise', 'fall')} in the {c['country'][4]}.",
        f"Of the {ev['n_an']} analysts covering {c['short']}, {ev['n_buy']} rate the stock 'buy' or higher, with a median price target of {price(c['cur'], c['price'] * ev['tp_mult'])}.",
        f"The stock trades at {ev['pe']:.1f} times forward earnings, {updown(ev['pe'] - ev['pe5'], 'above', 'below')} its five-year average of {ev['pe5']:.1f}.",
        f"{c['short']} generates roughly {ev['share_abroad']:.0f}% of its sales outside {c['country'][0]}, with {ev['region']} its largest foreign market.",
    ])]


def p_risks(ev, r):
    c = ev["co"]
    risk = r.pick(RISKS)
    return [r.pick([
        f"Executives flagged {risk} as the main risk to the outlook.",
        f"{c['short']} said {risk} could weigh on results in the coming quarters.",
        f"Analysts have cited {risk} as a threat to earnings across the {c['sector'].replace('realestate', 'property')} sector.",
        f"The company warned that {risk} remained a source of uncertainty.",
    ])]


def company_facts(ev, rng, c):
    sec = SECTORS[c["sector"]]
    ev["co"] = c
    ev["prod"] = rng.choice(c["prods"])
    ev["seg"] = rng.choice(c["segs"])
    ev["region"] = rng.choice(REGIONS)
    ev["move"] = rng.gauss(0, 3.5)
    ev["idx_move"] = rng.gauss(0.1, 0.9)
    ev["ytd"] = rng.gauss(5, 18)
    ev["idx_ytd"] = rng.gauss(6, 8)
    ev["n_an"] = rng.randint(6, 32)
    ev["n_buy"] = rng.randint(1, ev["n_an"])
    ev["tp_mult"] = rng.uniform(0.85, 1.45)
    ev["pe"] = rng.uniform(6, 45)
    ev["pe5"] = rng.uniform(8, 35)
    ev["share_abroad"] = rng.uniform(15, 85)
    ev["up_drv"] = rng.choice(sec[3])
    ev["down_drv"] = rng.choice(sec[4])
    return ev


# ----------------------------------------------------------------------------------------------
# Story templates. make_*(rng, t, co) draws the facts (shared by every writer of the event);
# r_*(ev, r) renders them: ([headline variants], [paragraph = [sentences]]), lead first.
# ----------------------------------------------------------------------------------------------


def fiscal_quarter(ts, c):
    """The quarter a results report published at ts covers: the last one that ended 20+ days ago."""
    d = local_dt(ts - 20 * 86400, 0)
    fs = c["country"][8]
    cur = ((d.month - fs) % 12) // 3
    q = (cur - 1) % 4 + 1
    end_m = (fs - 1 + 3 * q - 1) % 12 + 1
    end_y = d.year if end_m <= d.month else d.year - 1
    fy_end_m = (fs - 2) % 12 + 1
    fy = end_y if end_m <= fy_end_m else end_y + 1
    return q, f"{MON[end_m - 1]} {MDAYS[end_m - 1]}", fy


def make_earnings(rng, t, c, prev=None):
    ev = company_facts({"tpl": "earnings", "t": t}, rng, c)
    q, qend, fy = fiscal_quarter(t, c)
    ev.update(q=q, qend=qend, fy=fy)
    base = prev["rev"] if prev else c["qrev"]
    ev["rev"] = base * rng.uniform(0.9, 1.12)
    ev["rev_g"] = rng.gauss(4, 9)
    ev["ni"] = ev["rev"] * rng.uniform(0.03, 0.2)
    ev["ni_g"] = rng.gauss(ev["rev_g"] * 1.4, 14)
    ev["est"] = ev["ni"] * rng.uniform(0.85, 1.15)
    ev["beat"] = ev["ni"] >= ev["est"]
    ev["eps"] = ev["ni"] / c["shares"]
    ev["eps_est"] = ev["est"] / c["shares"]
    ev["opm"] = rng.uniform(4, 30)
    ev["opm0"] = ev["opm"] + rng.gauss(0, 2)
    ev["seg_g"] = rng.gauss(ev["rev_g"], 8)
    ev["seg_share"] = rng.uniform(15, 60)
    ev["guide"] = rng.choice(["raise", "keep", "keep", "cut"])
    ev["tgt"] = ev["rev"] * 4 * rng.uniform(0.97, 1.1)
    ev["tgt0"] = ev["tgt"] * (rng.uniform(0.93, 0.99) if ev["guide"] == "raise" else rng.uniform(1.01, 1.08))
    ev["dps"] = ev["eps"] * rng.uniform(0.2, 0.6)
    ev["bb"] = ev["ni"] * rng.uniform(0.5, 3)
    ev["move"] = rng.gauss(2.5 if ev["beat"] else -2.5, 3)
    ev["fx"] = CUR[c["cur"]][2] * rng.uniform(0.95, 1.05)
    return ev


def r_earnings(ev, r):
    c = ev["co"]
    s, cur, qn = c["short"], c["cur"], QN[ev["q"] - 1]
    g, rg, up = ev["ni_g"], ev["rev_g"], ev["ni_g"] >= 0
    ni, rev, est = money(cur, ev["ni"]), money(cur, ev["rev"]), money(cur, ev["est"])
    tgt, tgt0 = money(cur, ev["tgt"]), money(cur, ev["tgt0"])
    drv = ev["up_drv"] if up else ev["down_drv"]
    wd = WD[local_dt(ev["t"], ev["tz"]).weekday()]
    full = full_ref(c, r)
    guide_t = {"raise": "raises full-year outlook", "keep": "keeps annual forecast", "cut": "cuts outlook"}[ev["guide"]]
    guide_l = {"raise": "raised its forecast for full-year revenue", "keep": "kept its annual outlook unchanged",
               "cut": "lowered its full-year guidance"}[ev["guide"]]
    titles = [
        f"{s} {qn}-quarter profit {updown(g, 'rises', 'falls')} {abs(g):.1f}%, {guide_t}",
        f"{s} Q{ev['q']} net income {'beats' if ev['beat'] else 'misses'} estimates on {drv}",
        f"{c['name']} {qn}-quarter earnings {updown(g, 'climb', 'drop')} as revenue reaches {rev}",
        f"{s} shares {updown(ev['move'], 'rise', 'fall')} after {qn}-quarter results",
        f"{s} posts {abs(g):.1f}% profit {updown(g, 'gain', 'decline')}, {guide_t}",
        f"{s} quarterly profit {'tops' if ev['beat'] else 'lags'} forecasts; {ev['seg']} {updown(ev['seg_g'], 'strong', 'weak')}",
    ]
    lead = [r.pick([
        f"{full} reported a {abs(g):.1f}% {updown(g, 'rise', 'drop')} in {qn}-quarter net profit on {wd}, {updown(g, 'helped', 'hurt')} by {drv}, and {guide_l}.",
        f"{full} said on {wd} that net income for the {qn} quarter {updown(g, 'rose', 'fell')} to {ni} from a year earlier, as {drv} {updown(g, 'lifted', 'weighed on')} results.",
        f"Net profit at {full} {updown(g, 'rose', 'fell')} {abs(g):.1f}% to {ni} in the three months to {ev['qend']}, the company said on {wd}, {'beating' if ev['beat'] else 'falling short of'} analysts' forecasts.",
        f"{full} posted {qn}-quarter earnings that {'topped' if ev['beat'] else 'missed'} market expectations on {wd}, with net profit of {ni} and revenue of {rev}.",
    ])]
    if r.p(0.5):
        lead.append(r.pick([
            f"Management described the quarter as {r.pick(['solid', 'encouraging', 'mixed', 'challenging'])}.",
            f"It was the {r.pick(['second', 'third', 'fourth', 'fifth'])} straight quarter in which profit {updown(g, 'grew', 'shrank')}.",
            f"The figures were published {r.pick(['after the market close', 'before the market opened', 'during the lunch break'])}.",
            f"The result was driven largely by {drv}.",
        ]))
    p2 = [r.pick([
        f"Revenue {updown(rg, 'increased', 'decreased')} {abs(rg):.1f}% to {rev}, while earnings per share came to {price(cur, ev['eps'])} against a consensus estimate of {price(cur, ev['eps_est'])}.",
        f"Sales for the period totalled {rev}, {updown(rg, 'up', 'down')} {abs(rg):.1f}% year on year.",
        f"Quarterly revenue of {rev} was {updown(rg, 'up', 'down')} {abs(rg):.1f}% from the same period a year ago.",
        f"Turnover {updown(rg, 'rose', 'slipped')} {abs(rg):.1f}% to {rev}, and earnings per share were {price(cur, ev['eps'])}.",
    ]), r.pick([
        f"Analysts had on average expected net profit of {est}, according to {r.pick(POLLS)}.",
        f"The result compares with an average forecast of {est} from {ev['n_an']} analysts surveyed by {r.pick(POLLS)}.",
        f"The consensus estimate had been {est}.",
        f"Analysts had pencilled in {est}, according to {r.pick(POLLS)}.",
    ])]
    p3 = [r.pick([
        f"In its {ev['seg']} business, sales {updown(ev['seg_g'], 'rose', 'fell')} {abs(ev['seg_g']):.1f}%, {updown(ev['seg_g'] - rg, 'outpacing the rest of the group', 'lagging the rest of the group')}.",
        f"The {ev['seg']} division, which accounts for about {ev['seg_share']:.0f}% of group revenue, saw sales {updown(ev['seg_g'], 'grow', 'shrink')} {abs(ev['seg_g']):.1f}%.",
        f"Sales of {ev['prod']} were a {updown(ev['seg_g'], 'bright spot', 'drag')}, with the {ev['seg']} unit reporting a {abs(ev['seg_g']):.1f}% {updown(ev['seg_g'], 'increase', 'decline')}.",
        f"{s} said demand in its {ev['seg']} segment {updown(ev['seg_g'], 'strengthened', 'weakened')} during the quarter, with sales {updown(ev['seg_g'], 'up', 'down')} {abs(ev['seg_g']):.1f}%.",
    ])]
    if r.p(0.6):
        p3.append(r.pick([
            f"The operating margin {updown(ev['opm'] - ev['opm0'], 'widened', 'narrowed')} to {ev['opm']:.1f}% from {ev['opm0']:.1f}% a year earlier.",
            f"Operating margin came in at {ev['opm']:.1f}%, compared with {ev['opm0']:.1f}% in the year-earlier quarter.",
            f"Profitability {updown(ev['opm'] - ev['opm0'], 'improved', 'deteriorated')}, with the operating margin at {ev['opm']:.1f}%.",
            f"Its operating margin was {ev['opm']:.1f}%, {updown(ev['opm'] - ev['opm0'], 'up', 'down')} {abs(ev['opm'] - ev['opm0']):.1f} percentage points.",
        ]))
    if ev["guide"] == "raise":
        p4 = [r.pick([f"The company now expects full-year revenue of about {tgt}, up from its previous forecast of {tgt0}.",
                      f"{s} lifted its fiscal {ev['fy']} sales target to {tgt} from {tgt0}.",
                      f"It raised its annual revenue forecast to {tgt}, from {tgt0} previously."])]
    elif ev["guide"] == "cut":
        p4 = [r.pick([f"It lowered its full-year revenue target to {tgt} from {tgt0}, citing {ev['down_drv']}.",
                      f"{s} now sees fiscal {ev['fy']} revenue of {tgt}, down from an earlier estimate of {tgt0}.",
                      f"The company trimmed its annual sales forecast to {tgt}, from {tgt0}."])]
    else:
        p4 = [r.pick([f"{s} reiterated its forecast for full-year revenue of {tgt}.",
                      f"The company stuck to its fiscal {ev['fy']} revenue target of {tgt}.",
                      f"It kept its full-year sales forecast at {tgt}, in line with market expectations."])]
    if cur in ("JPY", "KRW", "INR", "TWD") and r.p(0.5):
        p4.append(r.pick([f"The forecast assumes an exchange rate of {ev['fx']:.0f} to the dollar.",
                          f"Its outlook is based on an assumed rate of {ev['fx']:.0f} per dollar for the rest of the year."]))
    p5 = p_ceo_quote(ev, r, up)
    p6 = p_analyst_quote(ev, r, ev["beat"])
    p7 = p_shares(ev, r)
    p8 = [r.pick([
        f"The board proposed a quarterly dividend of {price(cur, ev['dps'])} per share.",
        f"{s} also announced a share buyback of up to {money(cur, ev['bb'])}.",
        f"The company said it would pay a dividend of {price(cur, ev['dps'])} a share and buy back up to {money(cur, ev['bb'])} of its own stock.",
        f"Shareholders will receive a dividend of {price(cur, ev['dps'])} per share, the company said.",
    ])]
    mid = [p2, p3, p4, p5, p6]
    if r.p(0.4):
        mid[1], mid[3] = mid[3], mid[1]
    return titles, [lead] + mid + [p7, p8, p_background(ev, r), p_risks(ev, r)]


def make_guidance(rng, t, c):
    ev = company_facts({"tpl": "guidance", "t": t}, rng, c)
    ev["dir"] = rng.choice([1, -1, -1])
    ev["op0"] = c["qrev"] * 4 * rng.uniform(0.05, 0.2)
    ev["op1"] = ev["op0"] * (1 + ev["dir"] * rng.uniform(0.04, 0.35))
    ev["rv0"] = c["qrev"] * 4 * rng.uniform(0.95, 1.1)
    ev["rv1"] = ev["rv0"] * (1 + ev["dir"] * rng.uniform(0.01, 0.1))
    ev["cons"] = ev["op0"] * rng.uniform(0.9, 1.1)
    ev["move"] = ev["dir"] * abs(rng.gauss(5, 3))
    ev["fy"] = local_dt(t, 0).year + rng.choice([0, 1])
    return ev


def r_guidance(ev, r):
    c = ev["co"]
    s, cur, up = c["short"], c["cur"], ev["dir"] > 0
    op0, op1, rv0, rv1 = (money(cur, ev[k]) for k in ("op0", "op1", "rv0", "rv1"))
    drv = ev["up_drv"] if up else ev["down_drv"]
    wd = WD[local_dt(ev["t"], ev["tz"]).weekday()]
    full = full_ref(c, r)
    w = "upgrade" if up else "warning"
    titles = [
        f"{s} {'raises' if up else 'cuts'} annual profit forecast on {drv}",
        f"{s} issues profit {w}; shares {'jump' if up else 'tumble'}",
        f"{c['name']} {'lifts' if up else 'slashes'} operating profit outlook to {op1}",
        f"{s} {'ups' if up else 'lowers'} guidance, citing {drv}",
    ]
    lead = [r.pick([
        f"{full} {'raised' if up else 'cut'} its full-year operating profit forecast on {wd}, citing {drv}.",
        f"{full} now expects operating profit of {op1} for fiscal {ev['fy']}, {'up' if up else 'down'} from an earlier estimate of {op0}, it said on {wd}.",
        f"{full} issued a profit {w} on {wd}, saying {drv} would {'lift' if up else 'hit'} earnings this year.",
        f"In a surprise {w}, {full} said annual operating profit would come in at {op1} rather than the {op0} it had forecast.",
    ])]
    p2 = [r.pick([
        f"The company also {'raised' if up else 'lowered'} its revenue forecast to {rv1} from {rv0}.",
        f"Revenue for the year is now seen at {rv1}, compared with {rv0} previously.",
        f"{s} said sales would reach {rv1}, {'above' if up else 'below'} its earlier target of {rv0}.",
        f"Its sales outlook moved to {rv1} from {rv0}.",
    ]), r.pick([
        f"Analysts had on average expected operating profit of {money(cur, ev['cons'])}, according to {r.pick(POLLS)}.",
        f"The new forecast is {'above' if ev['op1'] > ev['cons'] else 'below'} the consensus estimate of {money(cur, ev['cons'])}.",
        f"The market consensus stood at {money(cur, ev['cons'])} before the announcement.",
        f"That compares with a consensus of {money(cur, ev['cons'])}.",
    ])]
    p3 = [r.pick([
        f"{s} said {drv} had {'exceeded' if up else 'fallen short of'} its assumptions, particularly in {ev['region']}.",
        f"The revision reflects {drv} and {'stronger' if up else 'weaker'} sales of {ev['prod']}, the company said in a filing.",
        f"In a statement, {s} pointed to {drv}, adding that its {ev['seg']} unit had been {'the main beneficiary' if up else 'hardest hit'}.",
        f"According to the company, {ev['region']} accounted for most of the {'upside' if up else 'shortfall'}.",
    ])]
    return titles, [lead, p2, p3, p_ceo_quote(ev, r, up), p_analyst_quote(ev, r, up), p_shares(ev, r),
                    p_background(ev, r), p_risks(ev, r)]


def make_mna(rng, t, c, pick_co):
    ev = company_facts({"tpl": "mna", "t": t}, rng, c)
    for _ in range(20):
        c2 = pick_co(rng)
        if c2 is not c:
            break
    ev["co2"] = c2
    conv = CUR[c2["cur"]][2] / CUR[c["cur"]][2]
    ev["prem"] = rng.uniform(12, 65)
    ev["pps"] = c2["price"] * (1 + ev["prem"] / 100)
    ev["val"] = ev["pps"] * c2["shares"] / conv  # acquirer currency, millions
    ev["cash"] = rng.choice(["cash", "cash-and-stock", "all-stock"])
    ev["close"] = rng.choice(["by the end of the year", "in the first half of next year", "in the third quarter",
                              "early next year", "within twelve months"])
    ev["syn"] = ev["val"] * rng.uniform(0.02, 0.08)
    ev["adv"] = rng.sample(FIRMS, 2)
    ev["move2"] = ev["prem"] * rng.uniform(0.5, 0.95)
    return ev


def r_mna(ev, r):
    a, b = ev["co"], ev["co2"]
    A, B, cur = a["short"], b["short"], a["cur"]
    val, pps, syn = money(cur, ev["val"]), price(b["cur"], ev["pps"]), money(cur, ev["syn"])
    wd = WD[local_dt(ev["t"], ev["tz"]).weekday()]
    prod = b["prods"][0]
    titles = [f"{A} to buy {B} for {val}", f"{B} agrees to {val} takeover by {A}",
              f"{A} bets on {prod} with {val} deal for {B}", f"{B} shares soar on {A} buyout offer",
              f"{A} agrees {ev['cash']} acquisition of {B}", f"{A}-{B} deal creates {a['sector']} heavyweight"]
    lead = [r.pick([
        f"{full_ref(a, r)} agreed to buy {b['name']} for {val} in a {ev['cash']} deal, the companies said on {wd}.",
        f"{full_ref(a, r)} has struck a deal to acquire {b['name']} in a transaction that values the {prod} maker at {val}.",
        f"{b['name']} has agreed to be taken over by {a['name']} for {pps} per share, or about {val} in total, the companies announced on {wd}.",
        f"{full_ref(a, r)} will pay {pps} a share for {b['name']}, a {ev['prem']:.1f}% premium to the target's last closing price.",
    ])]
    p2 = [r.pick([
        f"The offer represents a premium of {ev['prem']:.1f}% to {B}'s closing price on the previous trading day.",
        f"The price is {ev['prem']:.1f}% above where {B} stock closed before the announcement.",
        f"{B} shareholders will receive {pps} per share, {ev['prem']:.1f}% more than the last close.",
        f"That values {B} at a {ev['prem']:.1f}% premium to its undisturbed share price.",
    ]), r.pick([
        f"The deal is expected to close {ev['close']}, subject to regulatory and shareholder approval.",
        f"The companies expect to complete the transaction {ev['close']}.",
        f"Completion is targeted {ev['close']}, pending antitrust clearance in {b['country'][0]} and {ev['region']}.",
        f"Closing is expected {ev['close']}.",
    ])]
    p3 = [r.pick([
        f"{A} expects annual cost savings of about {syn} within three years of completion.",
        f"The combined group is targeting synergies of {syn} a year.",
        f"Management sees {syn} in annual synergies, mostly from procurement and overlapping sites.",
        f"{A} said the deal would deliver savings of {syn} a year by the third year.",
    ])]
    if r.p(0.6):
        p3.append(r.pick([
            f"The {ev['cash']} deal will be financed with existing cash and a bridge loan from {ev['adv'][0]}.",
            f"{ev['adv'][0]} is advising {A}, while {ev['adv'][1]} is advising {B}.",
            f"{A} has secured committed financing from a group of banks led by {ev['adv'][0]}.",
            f"Financial advisers on the deal include {ev['adv'][0]} and {ev['adv'][1]}.",
        ]))
    q = r.pick([f"Bringing {B} on board gives us scale in {prod} at exactly the right time",
                f"This combination creates a stronger company with a broader footprint in {ev['region']}",
                f"{B} is a business we have admired for years, and together we can invest more in {prod}",
                f"The deal accelerates our strategy and is expected to add to earnings in the first full year"])
    p4 = [attribution_ceo(ev, r, q)]
    p5 = [r.pick([
        f"{B}'s board has unanimously recommended the offer to shareholders.",
        f"The board of {B} said it would recommend that shareholders accept the bid.",
        f"{B} directors backed the deal, saying it offered certain value at an attractive premium.",
        f"Shareholders holding about {r.uni(8, 35):.0f}% of {B} have already agreed to support the deal.",
    ]), r.pick([
        f"{B} shares jumped {ev['move2']:.1f}% in response, while {A} stock {updown(ev['move'], 'rose', 'fell')} {abs(ev['move']):.1f}%.",
        f"Shares in {B} rose {ev['move2']:.1f}%, trading below the offer price.",
        f"{B}'s stock surged {ev['move2']:.1f}% after the announcement.",
        f"The target's shares climbed {ev['move2']:.1f}%, suggesting some investors doubt the deal will close.",
    ])]
    return titles, [lead, p2, p3, p4, p5, p_analyst_quote(ev, r, ev["move"] > 0), p_background(ev, r), p_risks(ev, r)]


RATINGS = ["buy", "outperform", "overweight", "neutral", "hold", "equal-weight", "underperform", "sell"]


def make_broker(rng, t, c):
    ev = company_facts({"tpl": "broker", "t": t}, rng, c)
    ev["firm"] = rng.choice(FIRMS)
    ev["an"] = person(rng)
    ev["dir"] = rng.choice([1, -1])
    i = rng.randint(3, 5)
    ev["old"], ev["new"] = RATINGS[i], RATINGS[i - rng.randint(1, 3)] if ev["dir"] > 0 else RATINGS[min(7, i + rng.randint(1, 2))]
    ev["tp0"] = c["price"] * rng.uniform(0.8, 1.3)
    ev["tp1"] = ev["tp0"] * (1 + ev["dir"] * rng.uniform(0.05, 0.4))
    ev["move"] = ev["dir"] * abs(rng.gauss(3, 2))
    return ev


def r_broker(ev, r):
    c = ev["co"]
    s, cur, up = c["short"], c["cur"], ev["dir"] > 0
    f, an = ev["firm"], ev["an"]
    tp0, tp1 = price(cur, ev["tp0"]), price(cur, ev["tp1"])
    upside = (ev["tp1"] / c["price"] - 1) * 100
    act = "upgraded" if up else "downgraded"
    drv = ev["up_drv"] if up else ev["down_drv"]
    titles = [f"{f} {'upgrades' if up else 'downgrades'} {s} to '{ev['new']}'",
              f"{s} shares {'rise' if up else 'fall'} after {f} {'upgrade' if up else 'downgrade'}",
              f"{f} {'turns bullish' if up else 'turns cautious'} on {s}, sets {tp1} target",
              f"Broker call: {s} {act} at {f} on {drv}"]
    lead = [r.pick([
        f"{f} {act} {full_ref(c, r)} to '{ev['new']}' from '{ev['old']}', citing {drv}.",
        f"Analysts at {f} {'raised' if up else 'cut'} their rating on {c['name']} to '{ev['new']}' and {'lifted' if up else 'lowered'} their price target to {tp1} from {tp0}.",
        f"{c['name']} was {act} to '{ev['new']}' at {f}, which said {drv} would {'support' if up else 'pressure'} earnings.",
        f"{f} analyst {an} moved {s} to '{ev['new']}' from '{ev['old']}' in a note on {WD[local_dt(ev['t'], ev['tz']).weekday()]}.",
    ])]
    p2 = [r.pick([
        f"The new target of {tp1} implies {abs(upside):.1f}% {'upside' if upside >= 0 else 'downside'} from the last close.",
        f"{f} set a price target of {tp1}, {'up' if up else 'down'} from {tp0}.",
        f"The brokerage's target price moves to {tp1} from {tp0}.",
        f"Its {tp1} target is about {abs(upside):.0f}% {'above' if upside >= 0 else 'below'} the current share price.",
    ]), r.pick([
        f"{an} wrote that {drv} was not yet reflected in consensus forecasts.",
        f"In the note, {an} argued that the market was {'underestimating' if up else 'too complacent about'} {drv}.",
        f"The analyst expects {s}'s {ev['seg']} business to {'outgrow' if up else 'lag'} peers over the next two years.",
        f"{an} {'raised' if up else 'cut'} earnings estimates for the next two years by {r.uni(3, 15):.0f}% on average.",
    ])]
    return titles, [lead, p2, p_shares(ev, r), p_analyst_quote(ev, r, up), p_background(ev, r), p_risks(ev, r)]


def econ_quote(ev, r):
    q = r.pick(ECON_QUOTES)
    who, firm = person(r.v), r.pick(FIRMS)
    return [r.pick([f"\"{q},\" said {who}, chief economist at {firm}.",
                    f"\"{q},\" {who}, an economist at {firm}, wrote in a note.",
                    f"{who}, senior economist at {firm}, said: \"{q}.\"",
                    f"\"{q},\" said {who} of {firm}."])]


def p_fx_bonds(ev, r):
    k = ev["ctry"]
    fx, bp = ev["fx_move"], ev["bp"]
    return [r.pick([
        f"{k[10][0].upper() + k[10][1:]} {updown(fx, 'strengthened', 'weakened')} {abs(fx):.2f}% against the dollar after the release, while two-year government bond yields {updown(bp, 'rose', 'fell')} {abs(bp)} basis points.",
        f"Markets reacted {'sharply' if abs(fx) > 0.5 else 'calmly'}: {k[10]} {updown(fx, 'gained', 'lost')} {abs(fx):.2f}% and the {k[4]} {updown(ev['idx_move'], 'rose', 'fell')} {abs(ev['idx_move']):.1f}%.",
        f"Bond yields {updown(bp, 'climbed', 'dropped')} {abs(bp)} basis points at the short end of the curve, and {k[10]} {updown(fx, 'firmed', 'eased')} {abs(fx):.2f}%.",
        f"Traders {updown(bp, 'pared', 'added to')} bets on rate cuts after the announcement, pushing {k[10]} {updown(fx, 'up', 'down')} {abs(fx):.2f}%.",
    ])]


def p_macro_context(ev, r):
    k = ev["ctry"]
    return [r.pick([
        f"The economy of {k[0]} grew {ev['gdp']:.1f}% in the latest quarter on an annualised basis.",
        f"Inflation has been {'above' if ev['cpi'] > 2 else 'below'} the {k[7]}'s 2% target for {ev['months']} months.",
        f"Unemployment stands at {ev['unemp']:.1f}%, close to its lowest in {r.randint(5, 30)} years.",
        f"Consumer prices rose {ev['cpi']:.1f}% in the year to last month.",
        f"Ten-year government bond yields have moved in a range of {ev['y_lo']:.2f}% to {ev['y_lo'] + 0.6:.2f}% this year.",
        f"Wage growth has slowed to about {ev['wages']:.1f}%, according to {k[9]}.",
    ]), r.pick([
        "Exporters have been hurt by weaker demand from China.",
        f"Fiscal policy is expected to turn {r.pick(['tighter', 'looser'])} next year.",
        "Housing activity has picked up as mortgage rates eased.",
        "Business surveys point to a modest recovery in the coming months.",
        f"Energy prices remain a key swing factor for {k[0]}.",
        "Retailers have reported cautious spending by households.",
    ])]


def macro_facts(ev, rng):
    ev["ctry"] = rng.choices(COUNTRIES, [c[-1] for c in COUNTRIES])[0]
    ev["fx_move"] = rng.gauss(0, 0.45)
    ev["bp"] = int(rng.gauss(0, 6))
    ev["idx_move"] = rng.gauss(0, 0.9)
    ev["official"] = person(rng)
    ev["gdp"] = rng.gauss(1.5, 1.5)
    ev["cpi"] = rng.uniform(0.5, 5.5)
    ev["months"] = rng.randint(3, 40)
    ev["unemp"] = rng.uniform(2.4, 8.5)
    ev["y_lo"] = rng.uniform(0.2, 4.5)
    ev["wages"] = rng.uniform(1.5, 5.5)
    return ev


def make_cbank(rng, t, c=None):
    ev = macro_facts({"tpl": "cbank", "t": t}, rng)
    ev["act"] = rng.choice(["hold", "hold", "cut", "hike"])
    ev["rate"] = round(rng.uniform(0.1, 6.5) * 4) / 4
    ev["step"] = rng.choice([0.25, 0.25, 0.5])
    ev["votes"] = rng.randint(5, 9)
    ev["dissent"] = rng.randint(0, 2)
    ev["infl"] = rng.uniform(1.2, 5.5)
    ev["infl0"] = ev["infl"] + rng.gauss(0, 0.4)
    ev["poll"] = rng.randint(15, 60)
    ev["next"] = MON[(local_dt(t, 0).month + rng.randint(0, 2)) % 12]
    return ev


def r_cbank(ev, r):
    k = ev["ctry"]
    bank = k[7] if k[7] != "central bank" else f"{k[0]}'s central bank"
    bank_s = bank.replace("the ", "")
    act, rate, step = ev["act"], ev["rate"], ev["step"]
    prev = rate + step if act == "cut" else rate - step if act == "hike" else rate
    wd = WD[local_dt(ev["t"], ev["tz"]).weekday()]
    verb = {"hold": "held", "cut": "cut", "hike": "raised"}[act]
    verb_t = {"hold": "holds", "cut": "cuts", "hike": "raises"}[act]
    titles = [f"{bank_s[0].upper() + bank_s[1:]} {verb_t} rates {'at' if act == 'hold' else 'to'} {rate:.2f}%",
              f"{bank_s[0].upper() + bank_s[1:]} {'keeps policy steady' if act == 'hold' else ('cuts rates' if act == 'cut' else 'hikes rates')}, signals {r.pick(['patience', 'caution', 'more to come', 'data dependence'])}",
              f"{k[0].replace('the ', '')} rate decision: {verb_t} at {rate:.2f}% as inflation {updown(ev['infl'] - ev['infl0'], 'edges up', 'cools')}",
              f"Central bank in {k[0]} {verb_t} benchmark rate; {k[10]} {updown(ev['fx_move'], 'firms', 'slips')}"]
    if act == "hold":
        l = f"kept its benchmark interest rate unchanged at {rate:.2f}%"
    else:
        l = f"{verb} its benchmark interest rate by {step * 100:.0f} basis points to {rate:.2f}%"
    lead = [r.pick([
        f"The {bank_s} {l} on {wd}, {'as expected' if r.p(0.5) else 'in line with most forecasts'}.",
        f"{bank_s[0].upper() + bank_s[1:]} policymakers {l} on {wd}, saying inflation remained {'too high' if ev['infl'] > 3 else 'broadly on track'}.",
        f"In a {ev['votes'] - ev['dissent']}-{ev['dissent']} vote, the {bank_s} {l}.",
        f"The {bank_s} {l}, from {prev:.2f}%, {'surprising some' if act != 'hold' else 'disappointing some'} investors.",
    ])]
    p2 = [r.pick([
        f"{ev['poll'] - r.randint(0, 6)} of {ev['poll']} economists polled before the meeting had expected the decision.",
        f"Most of the {ev['poll']} economists surveyed had forecast the move.",
        f"Markets had priced in roughly a {r.randint(40, 95)}% chance of the outcome.",
        f"The decision matched the expectations of the {ev['poll']} economists in a survey.",
    ]), r.pick([
        f"The bank now sees inflation at {ev['infl']:.1f}% this year, compared with {ev['infl0']:.1f}% in its previous projections.",
        f"Staff projections put inflation at {ev['infl']:.1f}%, revised from {ev['infl0']:.1f}%.",
        f"Its updated forecast shows consumer prices rising {ev['infl']:.1f}% this year.",
        f"Inflation is projected at {ev['infl']:.1f}%, {updown(ev['infl'] - ev['infl0'], 'up', 'down')} from {ev['infl0']:.1f}% three months ago.",
    ])]
    gq = r.pick(["We will keep policy restrictive for as long as necessary to bring inflation back to target",
                 "The risks to the outlook are now more balanced than they were a few months ago",
                 "We are not on a preset path, and every meeting is live",
                 "Wage growth remains strong, and we need to see more evidence that price pressures are easing",
                 "The economy has proven more resilient than we expected"])
    o = ev["official"]
    p3 = [r.pick([f"\"{gq},\" Governor {o} told a news conference.",
                  f"Governor {o} said at a press briefing: \"{gq}.\"",
                  f"\"{gq},\" {o}, who heads the bank, told reporters.",
                  f"Speaking after the decision, {o} said: \"{gq}.\""])]
    p4 = [r.pick([f"{ev['dissent']} member{'s' if ev['dissent'] != 1 else ''} of the policy board voted for a different move.",
                  f"The next policy meeting is scheduled for {ev['next']}.",
                  f"Policymakers will next meet in {ev['next']}, when new economic projections are due.",
                  f"The board's vote was {ev['votes'] - ev['dissent']} to {ev['dissent']}."])]
    return titles, [lead, p2, p3, p_fx_bonds(ev, r), p4, econ_quote(ev, r), p_macro_context(ev, r)]


def make_wrap(rng, t, c, ctx):
    ev = macro_facts({"tpl": "wrap", "t": t}, rng)
    ev["chg"] = rng.gauss(0.1, 1.1)
    ev["level"] = rng.uniform(2000, 45000)
    ev["idx_move"] = ev["chg"]
    pool = ctx.by_country[ev["ctry"][0]]
    ev["movers"] = [(m, rng.gauss(ev["chg"], 4)) for m in rng.sample(pool, min(len(pool), rng.randint(2, 4)))]
    ev["cause"] = rng.choice(["strong earnings from technology companies", "hopes of lower interest rates",
                              "worries about global growth", "a rally in bank shares", "fresh trade tensions",
                              "a slide in commodity prices", "weak manufacturing data", "a rebound in chip stocks",
                              "bond yields hitting multi-month highs", "profit-taking after a record run"])
    ev["vol"] = rng.uniform(0.6, 1.8)
    ev["sectors"] = rng.sample(list(SECTORS), 3)
    ev["sec_moves"] = [rng.gauss(0, 1.6) for _ in range(3)]
    return ev


def r_wrap(ev, r):
    k = ev["ctry"]
    idx, chg, lvl = k[4], ev["chg"], ev["level"]
    pts = lvl * chg / 100
    wd = WD[local_dt(ev["t"], ev["tz"]).weekday()]
    movers = ev["movers"]
    titles = [f"{idx} {updown(chg, 'rises', 'falls')} {abs(chg):.1f}% as {ev['cause']} {updown(chg, 'lifts', 'weighs on')} stocks",
              f"Stocks in {k[0]} close {updown(chg, 'higher', 'lower')}; {movers[0][0]['short']} {updown(movers[0][1], 'leads', 'lags')}",
              f"{k[0].replace('the ', '')} shares {updown(chg, 'advance', 'retreat')} on {ev['cause']}",
              f"MARKET CLOSE: {idx} ends {updown(chg, 'up', 'down')} {abs(chg):.2f}% at {lvl:,.2f}"]
    lead = [r.pick([
        f"The {idx} {updown(chg, 'rose', 'fell')} {abs(chg):.2f}% to close at {lvl:,.2f} on {wd}, as {ev['cause']} {updown(chg, 'lifted', 'weighed on')} sentiment.",
        f"Stocks in {k[0]} ended {updown(chg, 'higher', 'lower')} on {wd}, with the {idx} {updown(chg, 'gaining', 'losing')} {abs(pts):,.1f} points, or {abs(chg):.2f}%, to {lvl:,.2f}.",
        f"{k[0][0].upper() + k[0][1:]}'s benchmark {idx} closed {abs(chg):.2f}% {updown(chg, 'higher', 'lower')} at {lvl:,.2f}, driven by {ev['cause']}.",
        f"Equities {updown(chg, 'advanced', 'retreated')} in {k[1][0]} on {wd}, and the {idx} settled at {lvl:,.2f}, {updown(chg, 'up', 'down')} {abs(chg):.2f}%.",
    ])]
    ps = []
    for m, mv in movers:
        ps.append([r.pick([
            f"{m['short']} {updown(mv, 'rose', 'fell')} {abs(mv):.1f}% {r.pick(['after its results', 'on broker comments', 'on heavy volume', 'after a media report about a possible deal'])}.",
            f"Shares of {m['short']} {updown(mv, 'gained', 'dropped')} {abs(mv):.1f}%, {updown(mv, 'among the best performers', 'among the worst performers')} on the index.",
            f"Among individual stocks, {m['short']} {updown(mv, 'jumped', 'slumped')} {abs(mv):.1f}%.",
            f"{m['short']} ended {abs(mv):.1f}% {updown(mv, 'higher', 'lower')}.",
        ])])
    secs = [f"{s.replace('realestate', 'property')} stocks {updown(v, 'rose', 'fell')} {abs(v):.1f}%" for s, v in zip(ev["sectors"], ev["sec_moves"])]
    p3 = [r.pick([f"By sector, {secs[0]}, while {secs[1]} and {secs[2]}.",
                  f"{secs[0][0].upper() + secs[0][1:]}, the biggest move among sectors, and {secs[1]}.",
                  f"Sector performance was mixed: {secs[0]} and {secs[2]}.",
                  f"{secs[1][0].upper() + secs[1][1:]}, and {secs[0]}."])]
    p4 = [r.pick([f"Trading volume was {ev['vol']:.1f} times the 30-day average.",
                  f"Turnover was {'heavy' if ev['vol'] > 1.2 else 'light'}, at about {ev['vol'] * 100:.0f}% of the recent daily average.",
                  f"Volumes were {'above' if ev['vol'] > 1 else 'below'} average, with {r.randint(800, 1900)} stocks {updown(chg, 'advancing', 'declining')}.",
                  f"About {r.randint(800, 1900)} issues rose and {r.randint(200, 1200)} fell."])]
    q = r.pick(MARKET_QUOTES)
    who, firm = person(r.v), r.pick(FIRMS)
    p5 = [r.pick([f"\"{q},\" said {who}, a strategist at {firm}.",
                  f"\"{q},\" said {who}, chief investment officer at {firm}.",
                  f"{who}, a senior trader at {firm}, said: \"{q}.\"",
                  f"\"{q},\" {firm}'s {who} said."])]
    return titles, [lead, ps[0], p3] + ps[1:] + [p5, p4, p_fx_bonds(ev, r), econ_quote(ev, r), p_macro_context(ev, r)]


COMMODITIES = [("Brent crude", "a barrel", 60, 100, "OPEC+ output policy"), ("U.S. crude", "a barrel", 55, 95, "U.S. inventories"),
               ("Gold", "an ounce", 1800, 3200, "central bank buying"), ("Copper", "a tonne", 7500, 11500, "Chinese demand"),
               ("Iron ore", "a tonne", 85, 150, "Chinese steel output"), ("Wheat", "a bushel", 5, 8.5, "Black Sea supplies"),
               ("Natural gas", "per megawatt hour", 25, 60, "European storage levels"), ("Aluminium", "a tonne", 2100, 2900, "smelter curtailments"),
               ("Nickel", "a tonne", 15000, 22000, "Indonesian supply"), ("Palm oil", "a tonne", 3500, 4500, "Malaysian stocks"),
               ("Arabica coffee", "a pound", 1.6, 4.2, "Brazilian harvest forecasts"), ("Soybeans", "a bushel", 9.5, 14, "Chinese import demand")]


def make_commodity(rng, t, c=None):
    ev = macro_facts({"tpl": "commodity", "t": t}, rng)
    ev["cmd"] = rng.choice(COMMODITIES)
    ev["px"] = rng.uniform(ev["cmd"][2], ev["cmd"][3])
    ev["chg"] = rng.gauss(0, 1.8)
    ev["wk"] = rng.gauss(0, 3.5)
    ev["inv"] = rng.uniform(0.5, 9)
    ev["cause"] = rng.choice(["supply disruptions", "a stronger dollar", "weak demand signals from China",
                              "hopes of stimulus", "rising inventories", "geopolitical tension", "speculative buying",
                              "a weaker dollar", "better-than-expected factory data", "forecasts of a surplus"])
    return ev


def r_commodity(ev, r):
    name, unit, _, _, driver = ev["cmd"]
    px, chg = ev["px"], ev["chg"]
    pxs = f"${px:,.2f}"
    wd = WD[local_dt(ev["t"], ev["tz"]).weekday()]
    titles = [f"{name} {updown(chg, 'rises', 'falls')} {abs(chg):.1f}% on {ev['cause']}",
              f"{name} prices {updown(chg, 'climb', 'slide')} to {pxs} as traders eye {driver}",
              f"COMMODITIES-{name} {updown(chg, 'firms', 'eases')}; weekly {updown(ev['wk'], 'gain', 'loss')} in sight",
              f"{name} {updown(chg, 'gains', 'drops')} amid {ev['cause']}"]
    lead = [r.pick([
        f"{name} prices {updown(chg, 'rose', 'fell')} {abs(chg):.1f}% to {pxs} {unit} on {wd}, driven by {ev['cause']}.",
        f"{name} {updown(chg, 'climbed', 'slipped')} on {wd} as {ev['cause']} {updown(chg, 'supported', 'pressured')} the market, settling at {pxs} {unit}.",
        f"{name} was trading at {pxs} {unit}, {updown(chg, 'up', 'down')} {abs(chg):.1f}%, with investors focused on {ev['cause']}.",
        f"Prices of {name.lower() if name[0] != 'U' else name} moved {updown(chg, 'higher', 'lower')} on {wd}, {updown(chg, 'adding', 'shedding')} {abs(chg):.1f}% to {pxs} {unit}.",
    ])]
    p2 = [r.pick([f"The contract is {updown(ev['wk'], 'up', 'down')} {abs(ev['wk']):.1f}% for the week.",
                  f"It is heading for a weekly {updown(ev['wk'], 'gain', 'loss')} of {abs(ev['wk']):.1f}%.",
                  f"Over the past five sessions, prices have {updown(ev['wk'], 'risen', 'fallen')} {abs(ev['wk']):.1f}%.",
                  f"That leaves it {abs(ev['wk']):.1f}% {updown(ev['wk'], 'higher', 'lower')} on the week."]),
          r.pick([f"Traders are watching {driver} for direction.", f"Attention is turning to {driver}.",
                  f"Analysts said {driver} would be the main factor in coming weeks.",
                  f"Market participants remain focused on {driver}."])]
    p3 = [r.pick([f"Inventories {updown(ev['chg'], 'fell', 'rose')} by {ev['inv']:.1f}% last week, according to industry data.",
                  f"Stockpiles tracked by the exchange were {updown(ev['chg'], 'down', 'up')} {ev['inv']:.1f}% from a month earlier.",
                  f"Exchange-monitored stocks {updown(ev['chg'], 'dropped', 'increased')} {ev['inv']:.1f}%.",
                  f"Data showed warehouse stocks {updown(ev['chg'], 'declining', 'building')} by {ev['inv']:.1f}%."])]
    q = r.pick(MARKET_QUOTES)
    who, firm = person(r.v), r.pick(FIRMS)
    p4 = [r.pick([f"\"{q},\" said {who}, head of commodities research at {firm}.",
                  f"\"{q},\" said {who}, a commodities analyst at {firm}.",
                  f"{who} of {firm} said: \"{q}.\"",
                  f"\"{q},\" {firm} strategist {who} wrote."])]
    return titles, [lead, p2, p3, p4, p_fx_bonds(ev, r), econ_quote(ev, r), p_macro_context(ev, r)]


STATS = [("consumer price inflation", "%", 0.5, 6.5, "year on year"), ("the unemployment rate", "%", 2.5, 9, ""),
         ("gross domestic product", "%", -1.5, 4.5, "annualised quarter on quarter"),
         ("the manufacturing purchasing managers' index", "", 44, 56, ""), ("retail sales", "%", -3, 6, "year on year"),
         ("industrial output", "%", -4, 6, "year on year"), ("exports", "%", -8, 12, "year on year"),
         ("core inflation", "%", 0.8, 5.5, "year on year"), ("housing starts", "%", -12, 12, "month on month")]


def make_macro(rng, t, c=None):
    ev = macro_facts({"tpl": "macro", "t": t}, rng)
    ev["stat"] = rng.choice(STATS)
    lo, hi = ev["stat"][2], ev["stat"][3]
    ev["val"] = rng.uniform(lo, hi)
    ev["prev"] = ev["val"] + rng.gauss(0, (hi - lo) / 10)
    ev["fc"] = ev["val"] + rng.gauss(0, (hi - lo) / 12)
    ev["month"] = MON[(local_dt(t, 0).month - 2) % 12]
    return ev


def r_macro(ev, r):
    k = ev["ctry"]
    name, unit, _, _, basis = ev["stat"]
    v, pv, fc = ev["val"], ev["prev"], ev["fc"]
    vs = f"{v:.1f}{unit}"
    pvs = f"{pv:.1f}{unit}"
    fcs = f"{fc:.1f}{unit}"
    beat = v >= fc
    agency = k[9]
    cname = k[0].replace("the ", "")
    wd = WD[local_dt(ev["t"], ev["tz"]).weekday()]
    titles = [f"{cname} {name} {updown(v - pv, 'rises', 'eases')} to {vs} in {ev['month']}",
              f"{cname}'s {name.replace('the ', '')} {'beats' if beat else 'misses'} forecasts at {vs}",
              f"DATA: {cname} {name} {vs} vs {fcs} expected",
              f"{name[0].upper() + name[1:]} in {k[0]} {updown(v - pv, 'picks up', 'slows')}, {updown(ev['fx_move'], 'lifting', 'weighing on')} {k[10]}"]
    lead = [r.pick([
        f"{cname}'s {name} came in at {vs} {basis} in {ev['month']}, {agency} said on {wd}, {'above' if beat else 'below'} economists' forecasts of {fcs}.".replace("  ", " "),
        f"{name[0].upper() + name[1:]} in {k[0]} {updown(v - pv, 'rose', 'fell')} to {vs} in {ev['month']} from {pvs} the previous month, official data showed.",
        f"Data released by {agency} on {wd} showed {name} at {vs} in {ev['month']}, compared with {pvs} a month earlier.",
        f"{cname} reported {name} of {vs} for {ev['month']}, {'beating' if beat else 'missing'} the median forecast of {fcs} in a poll of economists.",
    ])]
    p2 = [r.pick([f"The reading for the previous month was {'revised' if r.p(0.5) else 'confirmed'} at {pvs}.",
                  f"Economists had expected a figure of {fcs}.",
                  f"The median estimate in a survey of {r.randint(12, 45)} economists was {fcs}.",
                  f"It was the {r.pick(['lowest', 'highest', 'strongest', 'weakest'])} reading in {r.randint(3, 30)} months."])]
    p3 = [r.pick([f"The figures will be closely watched by the {k[7]} ahead of its next policy meeting.",
                  f"The data add to the case for the {k[7]} to {'hold off on easing' if v > pv else 'lower borrowing costs'}.",
                  f"Policymakers at the {k[7]} have said they will look at a broad range of indicators.",
                  f"Investors increased bets that the {k[7]} would {'keep rates higher' if v > pv else 'cut rates'} in coming months."])]
    return titles, [lead, p2, econ_quote(ev, r), p_fx_bonds(ev, r), p3, p_macro_context(ev, r), econ_quote(ev, r)]


def make_ipo(rng, t, c, ctx):
    ev = company_facts({"tpl": "ipo", "t": t}, rng, c)
    ev["lo"] = c["price"] * rng.uniform(0.5, 0.9)
    ev["hi"] = ev["lo"] * rng.uniform(1.08, 1.2)
    ev["px"] = rng.choice([ev["lo"], ev["hi"], (ev["lo"] + ev["hi"]) / 2, ev["hi"] * 1.05])
    ev["n"] = c["shares"] * rng.uniform(0.08, 0.3)
    ev["raise"] = ev["px"] * ev["n"]
    ev["val"] = ev["px"] * c["shares"]
    ev["debut"] = rng.gauss(8, 15)
    ev["books"] = rng.sample(FIRMS, 3)
    ev["cov"] = rng.uniform(1.5, 25)
    ev["use"] = rng.choice(["repay debt", "fund expansion in " + rng.choice(REGIONS), "build a new plant",
                            "invest in research and development", "allow early investors to sell down"])
    return ev


def r_ipo(ev, r):
    c = ev["co"]
    s, cur = c["short"], c["cur"]
    px, rs, val = price(cur, ev["px"]), money(cur, ev["raise"]), money(cur, ev["val"])
    d = ev["debut"]
    titles = [f"{s} raises {rs} in IPO priced at {px}",
              f"{s} shares {updown(d, 'jump', 'slip')} {abs(d):.0f}% in {c['country'][3]} debut",
              f"{c['name']} prices IPO {'at top of range' if ev['px'] >= ev['hi'] else 'within range'}, valued at {val}",
              f"IPO: {s} {updown(d, 'soars', 'stumbles')} on first day of trading"]
    lead = [r.pick([
        f"{c['name']} raised {rs} in its initial public offering after pricing shares at {px} each, the company said.",
        f"Shares of {c['name']} {updown(d, 'rose', 'fell')} {abs(d):.1f}% on their first day of trading on the {c['country'][3]}, after an IPO that raised {rs}.",
        f"{s}, which {c['about']}, priced its IPO at {px} a share, valuing the company at {val}.",
        f"{c['name']} made its market debut on the {c['country'][3]}, {updown(d, 'climbing', 'dropping')} {abs(d):.1f}% from its offer price of {px}.",
    ])]
    p2 = [r.pick([f"The company had marketed the shares at {price(cur, ev['lo'])} to {price(cur, ev['hi'])} each.",
                  f"The indicative range was {price(cur, ev['lo'])}-{price(cur, ev['hi'])}.",
                  f"It sold about {ev['n']:.1f} million shares, at the {'top' if ev['px'] >= ev['hi'] else 'middle'} of the marketed range.",
                  f"The offering of {ev['n']:.1f} million shares was priced {'above' if ev['px'] > ev['hi'] else 'within'} the range."]),
          r.pick([f"The book was covered {ev['cov']:.1f} times, according to a person familiar with the deal.",
                  f"Demand was {'strong' if ev['cov'] > 5 else 'solid'}, with orders for {ev['cov']:.1f} times the shares on offer.",
                  f"Investors put in orders worth {ev['cov']:.1f} times the deal size.",
                  f"The order book closed {ev['cov']:.1f} times oversubscribed."])]
    p3 = [r.pick([f"{s} plans to use the proceeds to {ev['use']}.",
                  f"Proceeds will be used to {ev['use']}, according to the prospectus.",
                  f"The company said it would use the money to {ev['use']}.",
                  f"Most of the funds raised will go to {ev['use'].replace('repay', 'repaying').replace('fund', 'funding')}."])]
    p4 = [r.pick([f"{ev['books'][0]}, {ev['books'][1]} and {ev['books'][2]} were joint bookrunners.",
                  f"The deal was managed by {ev['books'][0]} and {ev['books'][1]}.",
                  f"{ev['books'][0]} led the offering.",
                  f"Banks on the deal included {ev['books'][2]} and {ev['books'][0]}."])]
    q = r.pick([f"Becoming a listed company gives us the currency to grow faster in {ev['region']}",
                "The strong demand from long-term investors is a vote of confidence in our strategy",
                f"This is the start of a new chapter, and we intend to keep investing in {ev['prod']}",
                "We priced the deal to leave something on the table for new shareholders",
                "Public markets will hold us to a higher standard, and we welcome that",
                "We have built this business over many years, and today is only the beginning"])
    p5 = [attribution_ceo(ev, r, q)]
    return titles, [lead, p2, p3, p5, p4, p_analyst_quote(ev, r, d > 0), p_background(ev, r)]


def make_exec(rng, t, c, ctx):
    ev = company_facts({"tpl": "exec", "t": t}, rng, c)
    ev["new"] = person(rng)
    ev["from"] = rng.choice(["internal", "internal", "external"])
    ev["ext_co"] = ctx.pick_co(rng)
    ev["role"] = rng.choice(["chief executive", "chief financial officer", "chairman", "chief operating officer"])
    ev["why"] = rng.choice(["retire", "pursue other opportunities", "step down after a strategic review",
                            "leave for personal reasons", "step down following pressure from investors"])
    ev["eff"] = local_dt(t + rng.randint(10, 120) * 86400, 0)
    ev["tenure"] = rng.randint(2, 15)
    return ev


def r_exec(ev, r):
    c = ev["co"]
    s, role = c["short"], ev["role"]
    old = c["ceo"] if role == "chief executive" else c["cfo"] if role == "chief financial officer" else person(random.Random(ev["vseed"] + 1))
    new, eff = ev["new"], f"{MON[ev['eff'].month - 1]} {ev['eff'].day}"
    origin = f"currently head of {ev['seg']}" if ev["from"] == "internal" else f"previously at {ev['ext_co']['name']}"
    titles = [f"{s} names {new} as {role}", f"{s} {role} {old} to {ev['why'].split(' ')[0]}; {new} to take over",
              f"{c['name']} appoints {'insider' if ev['from'] == 'internal' else 'outsider'} {new} as new {role}",
              f"Leadership change at {s}: {old} out, {new} in"]
    lead = [r.pick([
        f"{full_ref(c, r)} said on {WD[local_dt(ev['t'], ev['tz']).weekday()]} that {role} {old} would {ev['why']}, and named {new}, {origin}, as successor.",
        f"{c['name']} appointed {new} as its next {role}, replacing {old}, who will {ev['why']}.",
        f"{old} will {ev['why']} as {role} of {c['name']} after {ev['tenure']} years, the company announced.",
        f"{new}, {origin}, will become {role} of {c['name']} on {eff}.",
    ])]
    p2 = [r.pick([f"The change takes effect on {eff}.", f"{new} will take up the role on {eff}.",
                  f"{old} will stay on until {eff} to ensure an orderly handover.",
                  f"The appointment is effective {eff}."]),
          r.pick([f"{old} had held the post for {ev['tenure']} years.",
                  f"During {old}'s {ev['tenure']}-year tenure, the company expanded into {ev['region']}.",
                  f"The board said the search had included internal and external candidates.",
                  f"{new} joined {s if ev['from'] == 'internal' else ev['ext_co']['short']} in {r.randint(1995, 2018)}."])]
    q = r.pick([f"{new} has the experience and the energy to lead {s} into its next chapter",
                f"We thank {old} for years of dedicated service and wish them every success",
                f"The board is confident this is the right moment for a change",
                f"{new} knows our customers in {ev['region']} better than anyone"])
    p3 = [r.pick([f"\"{q},\" the chairman said in a statement.", f"\"{q},\" the board said.",
                  f"The company's chairman said: \"{q}.\"", f"\"{q},\" a board spokesperson said."])]
    return titles, [lead, p2, p3, p_shares(ev, r), p_analyst_quote(ev, r, ev["move"] > 0), p_background(ev, r)]


REGULATORS = {"the United States": ["the U.S. Securities and Exchange Commission", "the U.S. Justice Department",
                                    "a federal court in Delaware", "the Federal Trade Commission"],
              "Japan": ["Japan's Fair Trade Commission", "the Financial Services Agency"],
              "Britain": ["Britain's Competition and Markets Authority", "the Financial Conduct Authority"],
              "South Korea": ["Korea's Fair Trade Commission", "South Korea's financial regulator"],
              "India": ["India's market regulator", "the Competition Commission of India"],
              "Australia": ["Australia's consumer watchdog", "the Australian Securities and Investments Commission"],
              "Germany": ["Germany's cartel office", "the European Commission"],
              "France": ["France's competition authority", "the European Commission"],
              "": ["the European Commission", "the national competition authority", "the securities regulator",
                   "a district court"]}
RECALLABLE = {"autos", "pharma", "food", "machinery", "semiconductors", "retail", "chemicals"}
VIOLATIONS = ["abusing its dominant market position", "misleading investors about product safety",
              "fixing prices with competitors", "failing to disclose risks in its financial statements",
              "breaching data protection rules", "anti-competitive practices in its supply contracts",
              "inadequate anti-money-laundering controls", "misleading advertising about its {prod}"]


def make_legal(rng, t, c, ctx):
    ev = company_facts({"tpl": "legal", "t": t}, rng, c)
    ev["reg"] = rng.choice(REGULATORS.get(c["country"][0], REGULATORS[""]))
    ev["viol"] = rng.choice(VIOLATIONS).format(prod=ev["prod"])
    ev["fine"] = c["qrev"] * rng.uniform(0.005, 0.15)
    ev["settle"] = rng.random() < 0.4
    ev["prov"] = rng.random() < 0.5
    ev["years"] = rng.randint(2, 9)
    return ev


def r_legal(ev, r):
    c = ev["co"]
    s, fine = c["short"], money(c["cur"], ev["fine"])
    reg = ev["reg"]
    Reg = reg[0].upper() + reg[1:]
    titles = [f"{s} {'settles' if ev['settle'] else 'fined'} {fine} over {ev['viol']}",
              f"{Reg} {'reaches settlement with' if ev['settle'] else 'fines'} {s}",
              f"{c['name']} to {'pay' if ev['settle'] else 'appeal'} {fine} penalty",
              f"{s} hit with {fine} penalty for {ev['viol']}"]
    lead = [r.pick([
        f"{Reg} fined {full_ref(c, r)} {fine} for {ev['viol']}, ending a {ev['years']}-year investigation.",
        f"{c['name']} agreed to pay {fine} to settle allegations by {reg} of {ev['viol']}.",
        f"{full_ref(c, r)} was ordered to pay {fine} after {reg} found it guilty of {ev['viol']}.",
        f"{s} will pay {fine} to resolve a probe by {reg} into {ev['viol']}, the company said.",
    ])]
    p2 = [r.pick([f"{s} said it {'would appeal' if not ev['settle'] else 'did not admit wrongdoing'} and that it had {'already set aside provisions' if ev['prov'] else 'not made provisions'} for the case.",
                  f"The company {'has already booked a provision' if ev['prov'] else 'will take a one-off charge'} for the amount.",
                  f"{s} {'disputes' if not ev['settle'] else 'accepted'} the findings, according to a statement.",
                  f"In a filing, {s} said the penalty would {'not' if ev['prov'] else ''} affect its full-year forecast.".replace("  ", " ")])]
    p3 = [r.pick([f"The investigation began after complaints from rivals in {ev['region']}.",
                  f"{Reg} said the conduct had harmed customers over a period of {ev['years']} years.",
                  f"The case is one of the largest brought by {reg} against a company in the {c['sector'].replace('realestate', 'property')} sector.",
                  f"Regulators said the practices affected sales of {ev['prod']}."])]
    q = r.pick(["Companies must compete on the merits, and this decision sends a clear message",
                "Investors are entitled to accurate and complete information",
                "This outcome reflects the seriousness of the breaches we identified",
                "We will not hesitate to act where markets are not working for consumers"])
    p4 = [r.pick([f"\"{q},\" a spokesperson for {reg} said.", f"\"{q},\" {reg} said in a statement.",
                  f"An official at {reg} said: \"{q}.\"", f"\"{q},\" the head of enforcement at {reg} said."])]
    return titles, [lead, p2, p3, p4, p_shares(ev, r), p_analyst_quote(ev, r, False), p_background(ev, r)]


def make_restructure(rng, t, c, ctx):
    ev = company_facts({"tpl": "restructure", "t": t}, rng, c)
    ev["pct"] = rng.uniform(2, 15)
    ev["jobs"] = max(50, int(c["emp"] * ev["pct"] / 100) // 10 * 10)
    ev["save"] = c["qrev"] * rng.uniform(0.02, 0.2)
    ev["charge"] = ev["save"] * rng.uniform(0.5, 1.8)
    ev["sites"] = rng.randint(0, 6)
    ev["by"] = local_dt(t, 0).year + rng.randint(1, 3)
    return ev


def r_restructure(ev, r):
    c = ev["co"]
    s, cur = c["short"], c["cur"]
    save, charge = money(cur, ev["save"]), money(cur, ev["charge"])
    titles = [f"{s} to cut {ev['jobs']:,} jobs in cost drive", f"{c['name']} plans {ev['pct']:.0f}% workforce reduction",
              f"{s} targets {save} in savings, {ev['sites']} site closures",
              f"{s} announces restructuring; shares {updown(ev['move'], 'rise', 'fall')}"]
    lead = [r.pick([
        f"{full_ref(c, r)} said it would cut about {ev['jobs']:,} jobs, or {ev['pct']:.1f}% of its workforce, as it seeks annual savings of {save} by {ev['by']}.",
        f"{c['name']} announced a restructuring plan on {WD[local_dt(ev['t'], ev['tz']).weekday()]} that will eliminate around {ev['jobs']:,} positions.",
        f"{full_ref(c, r)} will shed roughly {ev['pct']:.1f}% of its staff under a plan to save {save} a year, the company said.",
        f"In a bid to restore margins hit by {ev['down_drv']}, {c['name']} plans to cut {ev['jobs']:,} jobs.",
    ])]
    p2 = [r.pick([f"The company expects restructuring charges of about {charge}, mostly in the current year.",
                  f"{s} will book a one-time charge of {charge}.",
                  f"Costs related to the plan are estimated at {charge}.",
                  f"The programme will cost about {charge} to implement."]),
          r.pick([f"It also plans to close {ev['sites']} sites." if ev['sites'] else "No plant closures are planned.",
                  f"The plan includes the closure of {ev['sites']} facilities, mainly in {ev['region']}." if ev['sites'] else f"Operations in {ev['region']} will be consolidated.",
                  f"Most of the cuts will fall on administrative and {ev['seg']} roles.",
                  f"The reductions will be made mainly through voluntary departures."])]
    uq = r.pick(["Workers are paying the price for management's strategic mistakes",
                 "We will fight every single job cut at the negotiating table",
                 "The company has given us no credible plan for the future of these sites",
                 "This announcement comes as a shock to employees who kept the business running"])
    p3 = [r.pick([f"\"{uq},\" a union representative said.", f"Unions criticised the plan. \"{uq},\" one official said.",
                  f"A labour leader said: \"{uq}.\"", f"\"{uq},\" the workers' union said in a statement."])]
    return titles, [lead, p2, p_ceo_quote(ev, r, False), p3, p_shares(ev, r), p_analyst_quote(ev, r, ev["move"] > 0),
                    p_background(ev, r)]


CREDIT = ["AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-", "BB+", "BB", "BB-", "B+", "B"]


def make_credit(rng, t, c, ctx):
    ev = company_facts({"tpl": "credit", "t": t}, rng, c)
    ev["ag"] = rng.choice(AGENCIES)
    i = rng.randint(2, 12)
    ev["dir"] = rng.choice([1, -1, -1])
    ev["old"], ev["new"] = CREDIT[i], CREDIT[i - 1] if ev["dir"] > 0 else CREDIT[i + 1]
    ev["outlook"] = rng.choice(["stable", "negative", "positive"])
    ev["lev"] = rng.uniform(0.8, 5.5)
    ev["debt"] = c["qrev"] * rng.uniform(0.5, 6)
    return ev


def r_credit(ev, r):
    c = ev["co"]
    s, ag, up = c["short"], ev["ag"], ev["dir"] > 0
    act = "upgraded" if up else "downgraded"
    drv = ev["up_drv"] if up else ev["down_drv"]
    titles = [f"{ag} {'upgrades' if up else 'cuts'} {s} to {ev['new']}", f"{s} credit rating {'raised' if up else 'lowered'} to {ev['new']} by {ag}",
              f"{ag} {act} {c['name']}; outlook {ev['outlook']}", f"RATINGS: {s} {act} one notch on {drv}"]
    lead = [r.pick([
        f"{ag} {act} {full_ref(c, r)}'s long-term credit rating to {ev['new']} from {ev['old']}, citing {drv}.",
        f"{c['name']}'s credit rating was {act} by one notch to {ev['new']} at {ag}, which assigned a {ev['outlook']} outlook.",
        f"{ag} said on {WD[local_dt(ev['t'], ev['tz']).weekday()]} it had {act} {c['name']} to {ev['new']}, reflecting {drv}.",
        f"Credit agency {ag} moved {s} to {ev['new']} from {ev['old']}.",
    ])]
    p2 = [r.pick([f"The agency expects leverage of about {ev['lev']:.1f} times earnings before interest, tax, depreciation and amortisation.",
                  f"{ag} estimates {s}'s net debt at {money(c['cur'], ev['debt'])}, or {ev['lev']:.1f} times EBITDA.",
                  f"Leverage is forecast at {ev['lev']:.1f} times over the next 18 months.",
                  f"The company carries about {money(c['cur'], ev['debt'])} of debt."]),
          r.pick([f"The outlook on the rating is {ev['outlook']}.", f"{ag} assigned a {ev['outlook']} outlook.",
                  f"A {ev['outlook']} outlook means a further change within two years is {'unlikely' if ev['outlook'] == 'stable' else 'possible'}.",
                  f"The outlook was set at {ev['outlook']}."])]
    p3 = [r.pick([f"{s} said it remained committed to a solid investment-grade profile." if CREDIT.index(ev["new"]) <= 9 else f"{s} said it aimed to regain an investment-grade rating.",
                  f"{s} said it disagreed with the assessment." if not up else f"{s} welcomed the decision.",
                  f"The company's bonds {'rallied' if up else 'weakened'} after the announcement.",
                  f"Spreads on {s}'s dollar bonds {'tightened' if up else 'widened'} by about {r.randint(5, 40)} basis points."])]
    return titles, [lead, p2, p3, p_analyst_quote(ev, r, up), p_background(ev, r)]


def make_recall(rng, t, c, ctx):
    while c["sector"] not in RECALLABLE:
        c = ctx.pick_co(rng)
    ev = company_facts({"tpl": "recall", "t": t}, rng, c)
    ev["units"] = rng.randint(2, 900) * 1000
    ev["defect"] = rng.choice(["a faulty component that could overheat", "a software error", "possible contamination",
                               "a defect that may cause a fire risk", "incorrect labelling", "a seal that could fail",
                               "a manufacturing flaw discovered in quality checks"])
    ev["cost"] = c["qrev"] * rng.uniform(0.002, 0.05)
    ev["inj"] = rng.choice([0, 0, 0, rng.randint(1, 30)])
    return ev


def r_recall(ev, r):
    c = ev["co"]
    s, cost = c["short"], money(c["cur"], ev["cost"])
    u = f"{ev['units']:,}"
    titles = [f"{s} recalls {u} units over {ev['defect']}", f"{c['name']} issues recall of {ev['prod']}",
              f"{s} to take {cost} charge for product recall", f"Recall: {s} pulls {ev['prod']} over safety concerns"]
    lead = [r.pick([
        f"{full_ref(c, r)} is recalling about {u} units of its {ev['prod']} because of {ev['defect']}, the company said.",
        f"{c['name']} said it would recall {u} units of {ev['prod']} sold in {ev['region']} and elsewhere due to {ev['defect']}.",
        f"{full_ref(c, r)} announced a recall of {u} products, citing {ev['defect']}.",
        f"Roughly {u} {ev['prod']} made by {c['name']} are being recalled over {ev['defect']}.",
    ])]
    p2 = [r.pick([f"The company estimates the cost of the recall at {cost}.", f"{s} expects to take a charge of about {cost}.",
                  f"The recall will cost about {cost}, {s} said.", f"Analysts estimate the financial impact at around {cost}."]),
          r.pick([f"There have been {ev['inj']} reports of minor injuries." if ev["inj"] else "No injuries have been reported.",
                  f"The company said it was aware of {ev['inj']} incidents." if ev["inj"] else "The company said it was not aware of any accidents.",
                  "Customers will receive a free repair or replacement.",
                  "Affected customers are being contacted directly."])]
    return titles, [lead, p2, p_ceo_quote(ev, r, False), p_shares(ev, r), p_analyst_quote(ev, r, False), p_background(ev, r)]


# ----------------------------------------------------------------------------------------------
# Rigid templates (routine notices): near-identical wording across companies -> kind `template`.
# ----------------------------------------------------------------------------------------------

def fwd_looking(c):
    return ("Forward-looking statements: This announcement contains forward-looking statements within the meaning of "
            "applicable securities laws. These statements are based on current expectations and are subject to risks and "
            f"uncertainties that could cause actual results to differ materially. {c['short']} undertakes no obligation to "
            "update any forward-looking statement, whether as a result of new information, future events or otherwise.")


def about_para(c):
    return (f"About {c['short']}: {c['name']} {c['about']}. Headquartered in {c['hq']}, the company employs approximately "
            f"{c['emp']:,} people and serves customers in more than {c['markets']} countries.")


def make_dividend(rng, t, c, ctx):
    ev = company_facts({"tpl": "dividend", "t": t}, rng, c)
    ev["dps"] = c["price"] * rng.uniform(0.004, 0.02)
    ev["inc"] = rng.choice([0, 0, rng.uniform(2, 12)])
    ev["pay"] = local_dt(t + rng.randint(20, 45) * 86400, 0)
    ev["rec"] = local_dt(t + rng.randint(8, 18) * 86400, 0)
    ev["n"] = rng.randint(12, 180)
    return ev


def r_dividend(ev, r):
    c = ev["co"]
    cur = c["cur"]
    d = local_dt(ev["t"], ev["tz"])
    dps = price(cur, ev["dps"])
    ex = ev["rec"] - timedelta(days=1)
    titles = [f"{c['name']} declares quarterly dividend", f"{c['name']} declares quarterly cash dividend of {dps} per share"]
    p1 = [f"{c['hq'].upper()}, {md(d)}, {d.year} -- {c['name']} ({c['tag']}) today announced that its Board of Directors has declared a quarterly cash dividend of {dps} per share of common stock."]
    p2 = [f"The dividend is payable on {md(ev['pay'])}, {ev['pay'].year}, to shareholders of record at the close of business on {md(ev['rec'])}, {ev['rec'].year}.",
          f"The ex-dividend date is {md(ex)}, {ex.year}."]
    if ev["inc"]:
        p3 = [f"This represents an increase of {ev['inc']:.1f}% over the previous quarterly dividend of {price(cur, ev['dps'] / (1 + ev['inc'] / 100))} per share."]
    else:
        p3 = ["The dividend is unchanged from the previous quarter."]
    p4 = [r.pick([f"{c['short']} has paid a dividend for {ev['n']} consecutive quarters.",
                  f"The company has paid uninterrupted quarterly dividends for {ev['n']} quarters."])]
    p5 = [about_para(c)]
    p6 = [fwd_looking(c)]
    p7 = [f"Investor contact: {c['ir']}, Investor Relations, {c['short']}."]
    return titles, [p1, p2, p3, p4, p5, p6, p7]


def make_buyback(rng, t, c, ctx):
    c = ctx.pick_buyback(rng)
    ev = company_facts({"tpl": "buyback", "t": t}, rng, c)
    ev["n"] = int(c["shares"] * 1e6 * rng.uniform(0.0001, 0.002))
    ev["vwap"] = c["price"] * rng.uniform(0.97, 1.03)
    ev["hi"] = ev["vwap"] * rng.uniform(1.002, 1.02)
    ev["lo"] = ev["vwap"] * rng.uniform(0.98, 0.998)
    ev["treas"] = int(c["shares"] * 1e6 * rng.uniform(0.001, 0.05))
    ev["out"] = int(c["shares"] * 1e6) - ev["treas"]
    ev["cum"] = int(ev["n"] * rng.uniform(5, 120))
    ev["prog"] = local_dt(t - rng.randint(20, 200) * 86400, 0)
    ev["broker"] = rng.choice(FIRMS)
    return ev


def r_buyback(ev, r):
    c = ev["co"]
    cur = c["cur"]
    d = local_dt(ev["t"] - 86400, ev["tz"])
    titles = [f"{c['name']}: Transaction in own shares", f"Transaction in Own Shares - {c['name']}"]
    p1 = [f"{c['name']} (the \"Company\") announces that on {md(d)}, {d.year} it purchased {ev['n']:,} of its ordinary shares through {ev['broker']} as part of its share buyback programme announced on {md(ev['prog'])}, {ev['prog'].year}."]
    p2 = [f"Highest price paid per share: {price(cur, ev['hi'])}.", f"Lowest price paid per share: {price(cur, ev['lo'])}.",
          f"Volume-weighted average price paid per share: {price(cur, ev['vwap'])}."]
    p3 = [r.pick(["The Company intends to cancel the purchased shares.", "The purchased shares will be held in treasury."])]
    p4 = [f"Following the purchase, the Company holds {ev['treas']:,} shares in treasury and has {ev['out']:,} ordinary shares in issue (excluding treasury shares).",
          f"The figure of {ev['out']:,} may be used by shareholders as the denominator for the calculations by which they will determine if they are required to notify their interest in, or a change to their interest in, the Company."]
    p5 = [f"Since the start of the programme, the Company has purchased {ev['cum']:,} shares at a total cost of {money(cur, ev['cum'] * ev['vwap'] / 1e6)}."]
    return titles, [p1, p2, p3, p4, p5]


def make_index(rng, t, c, ctx):
    ev = company_facts({"tpl": "index", "t": t}, rng, c)
    pool = ctx.by_country[c["country"][0]]
    ev["out"] = rng.choice(pool)
    ev["eff"] = local_dt(t + rng.randint(5, 20) * 86400, 0)
    while ev["eff"].weekday() >= 5:
        ev["eff"] += timedelta(days=1)
    ev["prov"] = rng.choice(["Lodestar Indices", "Global Benchmark Services", "Quayside Index Partners"])
    ev["flows"] = c["qrev"] * rng.uniform(0.01, 0.2)
    return ev


def r_index(ev, r):
    c, o = ev["co"], ev["out"]
    idx = c["country"][4]
    eff = f"{WD[ev['eff'].weekday()]}, {md(ev['eff'])}"
    titles = [f"{c['short']} to join {idx}, replacing {o['short']}", f"{ev['prov']}: {c['name']} set to enter the {idx}"]
    p1 = [f"{ev['prov']} said {c['name']} ({c['tag']}) will be added to the {idx}, replacing {o['name']} ({o['tag']}), effective prior to the open of trading on {eff}."]
    p2 = ["The change is the result of the regular quarterly review of the index.",
          "Index funds tracking the benchmark will need to adjust their holdings before the change takes effect."]
    p3 = [r.pick([f"Passive funds could buy about {money(c['cur'], ev['flows'])} of {c['short']} shares, according to estimates by {r.pick(FIRMS)}.",
                  f"Analysts estimate inflows of around {money(c['cur'], ev['flows'])} from index-tracking funds."])]
    p4 = [f"{ev['prov']} is a provider of equity benchmarks. Index changes are announced after the close of trading and are based on free-float market capitalisation and liquidity criteria set out in the published methodology."]
    return titles, [p1, p2, p3, p4]


AGM_RES = ["to receive the annual report and accounts", "to approve the directors' remuneration report",
           "to declare a final dividend", "to re-elect the chair", "to reappoint the auditor",
           "to authorise the directors to allot shares", "to disapply pre-emption rights",
           "to authorise the Company to purchase its own shares", "to approve the notice period for general meetings"]


def make_agm(rng, t, c, ctx):
    ev = company_facts({"tpl": "agm", "t": t}, rng, c)
    ev["res"] = [(rng.uniform(70, 99.98)) for _ in AGM_RES]
    ev["turn"] = rng.uniform(55, 88)
    return ev


def r_agm(ev, r):
    c = ev["co"]
    d = local_dt(ev["t"] - 86400 * r.randint(0, 1), ev["tz"])
    titles = [f"{c['name']}: Results of Annual General Meeting", f"Result of AGM - {c['name']}"]
    p1 = [f"{c['name']} (the \"Company\") announces that at its Annual General Meeting held on {md(d)}, {d.year}, all resolutions were duly passed by way of a poll.",
          "The results of the poll for each resolution are set out below."]
    ps = [p1]
    for i, (name, v) in enumerate(zip(AGM_RES, ev["res"])):
        ps.append([f"Resolution {i + 1} ({name}): votes for {v:.2f}%, votes against {100 - v:.2f}%."])
    ps.append([f"Shares voted represented approximately {ev['turn']:.1f}% of the Company's issued share capital.",
               "Votes withheld are not votes in law and have not been counted in the calculation of the proportion of votes for and against a resolution."])
    return titles, ps


def make_resdate(rng, t, c, ctx):
    ev = company_facts({"tpl": "resdate", "t": t}, rng, c)
    ev["on"] = local_dt(t + rng.randint(7, 30) * 86400, 0)
    ev["q"], _, ev["fy"] = fiscal_quarter(ev["on"].timestamp(), c)
    ev["hour"] = rng.choice(["8:00 a.m.", "8:30 a.m.", "9:00 a.m.", "4:30 p.m.", "5:00 p.m."])
    ev["replay"] = rng.choice([7, 14, 30, 90])
    return ev


def r_resdate(ev, r):
    c = ev["co"]
    on = f"{WD[ev['on'].weekday()]}, {md(ev['on'])}, {ev['on'].year}"
    qn = QN[ev["q"] - 1]
    titles = [f"{c['name']} to report {qn} quarter fiscal {ev['fy']} results on {md(ev['on'])}",
              f"{c['name']} announces {qn} quarter {ev['fy']} earnings release date"]
    p1 = [f"{c['name']} ({c['tag']}) will release its financial results for the {qn} quarter of fiscal {ev['fy']} {r.pick(['before market open', 'after market close'])} on {on}."]
    p2 = [f"Management will host a conference call and live webcast at {ev['hour']} local time to discuss the results.",
          "The webcast can be accessed through the investor relations section of the company's website.",
          f"A replay will be available for {ev['replay']} days after the call."]
    p3 = ["Participants who wish to ask questions should register in advance to receive dial-in details and a personal access code."]
    return titles, [p1, p2, p3, [about_para(c)], [f"Investor contact: {c['ir']}, Investor Relations."]]


FLEX = {  # name: (make, render, weight)
    "earnings": (lambda rng, t, c, ctx: make_earnings(rng, t, c), r_earnings, 20),
    "guidance": (lambda rng, t, c, ctx: make_guidance(rng, t, c), r_guidance, 5),
    "mna": (lambda rng, t, c, ctx: make_mna(rng, t, c, ctx.pick_co), r_mna, 7),
    "broker": (lambda rng, t, c, ctx: make_broker(rng, t, c), r_broker, 7),
    "cbank": (lambda rng, t, c, ctx: make_cbank(rng, t), r_cbank, 3),
    "wrap": (make_wrap, r_wrap, 7),
    "commodity": (lambda rng, t, c, ctx: make_commodity(rng, t), r_commodity, 5),
    "macro": (lambda rng, t, c, ctx: make_macro(rng, t), r_macro, 6),
    "ipo": (make_ipo, r_ipo, 3),
    "exec": (make_exec, r_exec, 4),
    "legal": (make_legal, r_legal, 4),
    "restructure": (make_restructure, r_restructure, 4),
    "credit": (make_credit, r_credit, 3),
    "recall": (make_recall, r_recall, 3),
}
RIGID = {
    "dividend": (make_dividend, r_dividend, 4),
    "buyback": (make_buyback, r_buyback, 4),
    "index": (make_index, r_index, 2),
    "agm": (make_agm, r_agm, 2),
    "resdate": (make_resdate, r_resdate, 2),
}
TEMPLATES = {**FLEX, **RIGID}


# ----------------------------------------------------------------------------------------------
# Composition and copy transforms
# ----------------------------------------------------------------------------------------------

LEN_CHOICES = [4, 5, 6, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 15, 16, 17, 18, 19, 20]
CURLY_RE = re.compile(r'"([^"\n]*)"')
SMALL = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "as", "vs", "with", "from"}
DEC_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})*\.\d+(?!\d)")
POSS_RE = re.compile(r"\b([A-Z][a-z]+s)'s\b")
SENT_RE = re.compile(r"(?<=[.!?]) (?=[A-Z\"\u201c(])|(?<=[.!?][\"\u201d]) ")
PREFIX_RE = re.compile(r"^(?:CORRECTED-)?(?:UPDATE \d+-)?")


def curly(text):
    return CURLY_RE.sub("\u201c\\1\u201d", text)


def straight(text):
    return text.replace("\u201c", '"').replace("\u201d", '"')


def title_case(s):
    out = []
    for i, w in enumerate(s.split(" ")):
        if w and w[0].islower() and (i == 0 or w not in SMALL):
            w = w[0].upper() + w[1:]
        out.append(w)
    return " ".join(out)


def sep_of(outlet):
    return "\n" if outlet[0] in ("MNA", "FPD") else "\n\n"


def compose(ev, outlet, r, byline, editor, short=False):
    """Renders an event for an outlet: (title, [paragraph strings], [headline variants], number of
    trailing credit / disclaimer paragraphs)."""
    ev["tz"] = outlet[2]
    _, render, _ = TEMPLATES[ev["tpl"]]
    titles, paras = render(ev, r)
    rigid = ev["tpl"] in RIGID
    if not rigid:
        target = r.randint(4, 7) if short else r.pick(LEN_CHOICES)
        sel, n, skipped = [paras[0]], len(paras[0]), []
        for p in paras[1:]:
            if n >= target:
                break
            if r.p(0.12):
                skipped.append(p)
                continue
            if n + len(p) > target:
                p = p[:max(1, target - n)]
            sel.append(p)
            n += len(p)
        for p in skipped:
            if n >= 4:
                break
            sel.append(p)
            n += len(p)
        paras = sel
    texts = [POSS_RE.sub("\\1'", " ".join(p)) for p in paras]
    if not rigid and outlet[4]:
        city = ev["co"]["hq"] if "co" in ev and ev["tpl"] not in ("wrap",) else ev["ctry"][1][0]
        texts[0] = f"{city.upper()}, {md(local_dt(ev['t'], outlet[2]))} ({outlet[1]}) - {texts[0]}"
    if outlet[5]:
        texts = [curly(x) for x in texts]
    ntail = 0
    if outlet[9] and byline and not rigid:
        texts.append(f"Reporting by {byline}; Editing by {editor}")
        ntail += 1
    if outlet[8] is not None:
        texts.append(DISCLAIMERS[outlet[8]])
        ntail += 1
    titles = [POSS_RE.sub("\\1'", x) for x in titles]
    return r.pick(titles), texts, titles, ntail


CALL_TOPICS = ["input costs should ease in the second half", "pricing actions would offset most of the currency headwind",
               "capital spending would stay roughly flat next year", "order intake had improved in the final weeks of the quarter",
               "the company saw no need to revisit its dividend policy", "inventory levels were back to normal",
               "the company was open to bolt-on acquisitions", "cost savings were running ahead of plan"]


def extra_paragraphs(ev, rng, k):
    """New material for a wire update: k paragraphs built from the event's facts."""
    r = R(rng.getrandbits(32))
    ev = dict(ev)
    ev["move"] = ev.get("move", 0) * rng.uniform(0.7, 1.6)
    pos = ev["move"] >= 0
    if "co" in ev:
        c = ev["co"]
        pool = [lambda: p_shares(ev, r), lambda: p_analyst_quote(ev, r, pos, extra=False),
                lambda: p_risks(ev, r),
                lambda: [f"On a call with analysts, {r.pick([c['cfo'], c['ceo']])} said {r.pick(CALL_TOPICS)}."],
                lambda: p_ceo_quote(ev, r, pos)]
    else:
        ev["fx_move"] = ev.get("fx_move", 0) + rng.gauss(0, 0.2)
        pool = [lambda: econ_quote(ev, r), lambda: p_fx_bonds(ev, r),
                lambda: [f"\"{r.pick(MARKET_QUOTES)},\" said {person(rng)}, a strategist at {r.pick(FIRMS)}."]]
    return [POSS_RE.sub("\\1'", " ".join(f())) for f in rng.sample(pool, min(k, len(pool)))]


def background_paragraph(ev, rng):
    r = R(rng.getrandbits(32))
    if "co" in ev:
        return POSS_RE.sub("\\1'", " ".join(p_background(ev, r)))
    return " ".join(econ_quote(ev, r))


def revise_numbers(title, paras, rng, k):
    cands = sorted(set(DEC_RE.findall("\n".join(paras))))
    if not cands:
        return title, paras, []
    mapping = {}
    for old in rng.sample(cands, min(k, len(cands))):
        dec = len(old.split(".")[1])
        v = float(old.replace(",", ""))
        new = old
        for _ in range(6):
            new = f"{v * (1 + rng.choice((-1, 1)) * rng.uniform(0.01, 0.08)):,.{dec}f}"
            if new != old:
                break
        mapping[old] = new
    pat = re.compile(r"(?<![\w.,])(?:" + "|".join(re.escape(m) for m in mapping) + r")(?!\d)")
    sub = lambda m: mapping[m.group(0)]
    return pat.sub(sub, title), [pat.sub(sub, p) for p in paras], list(mapping.items())


def punct_edits(paras, rng):
    """Small punctuation / whitespace differences a republisher's CMS introduces."""
    paras = list(paras)
    for _ in range(rng.randint(1, 3)):
        e = rng.randrange(5)
        i = rng.randrange(len(paras))
        if e == 0:
            paras = [straight(p) if "\u201c" in p else curly(p) for p in paras]
        elif e == 1:
            paras[0] = paras[0].replace(") - ", ") -- ", 1) if ") - " in paras[0] else paras[0].replace(" -- ", " \u2014 ", 1)
        elif e == 2:
            paras[i] = paras[i].replace(". ", ".  ")
        elif e == 3:
            j = paras[i].find(", ")
            if j > 0:
                paras[i] = paras[i][:j] + paras[i][j + 1:]
        else:
            paras = [p.replace("'", "\u2019") for p in paras]
    return paras


def whitespace_variant(text, rng, title=False):
    e = rng.randrange(6 if not title else 3)
    if e == 0:
        return text
    if e == 1:
        return text + " "
    if e == 2:
        return "  ".join(text.split(" ", 1)) if " " in text else text
    if e == 3:
        return text.replace("\n", "\r\n")
    if e == 4:
        return "\n" + text.replace("\n\n", "\n\n\n") + "\n"
    return "\n".join(line.rstrip() + " " for line in text.split("\n"))


# ----------------------------------------------------------------------------------------------
# Generator
# ----------------------------------------------------------------------------------------------

FIRST_KINDS = ("original", "template", "next_quarter", "shared_boilerplate", "same_event_other_writer", "undated")
EXPECT = {"update": "update", "repost": "repeat", "trimmed": "repeat", "reordered": "repeat", "exact": "repeat",
          "late_repost": "new", "undated_copy": None, **{k: "new" for k in FIRST_KINDS}}
COPY_KINDS = ["update", "repost", "trimmed", "reordered", "exact", "undated_copy"]
COPY_WEIGHTS = [30, 26, 14, 12, 10, 1.5]
DELAY = {"update": (600, 172800), "repost": (120, 86400), "trimmed": (300, 86400), "reordered": (900, 172800),
         "exact": (60, 1800), "undated_copy": (300, 86400)}
COPY_CAP = 60 * 3600     # every in-window copy is published within 60 h of its story's first article
LATE_MIN = 96 * 3600     # a late repost comes 96 h or more after every earlier article of its story
P_COPIES = 0.32          # a story gets 1-6 near-duplicate copies
P_LATE = 0.02            # a story gets a late repost
P_NQ = 0.3               # an earnings report is followed by the next quarter's (same template, ~91 days)
P_OW = 0.06              # an event is also written up independently by another outlet
P_UNDATED = 0.004        # a story (with no copies) has no published_at
P_JITTER = 0.05          # an article reaches the archive up to 4 h after later-published ones
HOUR_W = [0.8, 1.0, 1.0, 0.9, 0.8, 0.8, 0.9, 1.1, 1.2, 1.2, 1.1, 1.1, 1.2, 1.4, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0,
          0.9, 0.6, 0.4, 0.5]  # by UTC hour: Asia, Europe and U.S. sessions
WEEKEND = 0.25
MASK64 = (1 << 64) - 1


# Minimum days between two stories of one template about one company (or country / commodity), so
# that two distinct stories never look like versions of each other (two dividend notices of one
# company on one day, two reports of the same quarter). Next-quarter reports reserve their date.
COOLDOWN = {"earnings": 80, "guidance": 30, "mna": 10, "broker": 1, "cbank": 20, "wrap": 0.6, "commodity": 0.25,
            "macro": 20, "ipo": 1e6, "exec": 60, "legal": 20, "restructure": 60, "credit": 60, "recall": 20,
            "dividend": 60, "buyback": 0.8, "index": 30, "agm": 300, "resdate": 60}


def ev_key(ev):
    tpl = ev["tpl"]
    if tpl in ("cbank", "wrap"):
        return tpl, ev["ctry"][0]
    if tpl == "macro":
        return tpl, ev["ctry"][0], ev["stat"][0]
    if tpl == "commodity":
        return tpl, ev["cmd"][0]
    return tpl, ev["co"]["short"]


def loguniform(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


class Ctx:
    def __init__(self, companies, cum):
        self.companies, self.cum = companies, cum
        self.by_country = {}
        for c in companies:
            self.by_country.setdefault(c["country"][0], []).append(c)
        europe = [c for c in companies if c["country"][0] in ("Britain", "the Netherlands", "Switzerland", "Sweden")]
        self.buyback = europe[:max(30, len(companies) // 100)]
        self.uniform = False

    def pick_co(self, rng):
        if self.uniform:
            return rng.choice(self.companies)
        return rng.choices(self.companies, cum_weights=self.cum)[0]

    def pick_buyback(self, rng):
        return rng.choice(self.buyback)


class Gen:
    def __init__(self, n, seed, start, days):
        self.n = n
        self.rng = random.Random(seed)
        companies, cum, self.reporters = make_universe(seed, min(50000, max(900, n // 20)))
        self.cool = {}  # ev_key -> [last time, reserved future time or None]
        self.ctx = Ctx(companies, cum)
        self.t0 = start
        self.heap, self.out = [], []
        self.seq = self.nid = self.nsid = 0
        self.idsalt = random.Random(seed + 1).getrandbits(64)
        self.last_of = {}
        self.tpl_names = list(TEMPLATES)
        self.tpl_w = [TEMPLATES[k][2] for k in self.tpl_names]
        self.orig_w = [o[7] for o in OUTLETS]
        self.partner_w = [4 if o[0] in ("MNA", "FPD") else 1 for o in OUTLETS]
        week = [HOUR_W[h] * (WEEKEND if d >= 5 else 1) for d in range(7) for h in range(24)]
        mean_w = sum(week) / len(week)
        arrivals = max(n, 1) / 1.75  # about 1.75 articles per arrival once copies and traps are added
        self.wmax = max(HOUR_W)
        self.lam = arrivals / (days * 86400) * self.wmax / mean_w
        self.next_orig = self.arrival(start)
        self.counts = {}

    # -- time ------------------------------------------------------------------------------------
    def arrival(self, t):
        rng = self.rng
        while True:
            t += rng.expovariate(self.lam)
            dt = datetime.fromtimestamp(t, timezone.utc)
            w = HOUR_W[dt.hour] * (WEEKEND if dt.weekday() >= 5 else 1)
            if rng.random() * self.wmax < w:
                return t

    def push(self, ts, kind, payload):
        self.seq += 1
        heapq.heappush(self.heap, (ts, self.seq, kind, payload))

    # -- articles --------------------------------------------------------------------------------
    def new_id(self, outlet):
        self.nid += 1
        return f"{outlet[0].lower()}-{(self.nid * 0x9E3779B97F4A7C15 + self.idsalt) & MASK64:016x}"

    def byline_for(self, outlet):
        rng = self.rng
        return rng.choice(self.reporters[outlet[0]]) if rng.random() < 0.8 else None

    def member(self, outlet, title, paras, byline, ntail, body=None):
        return {"id": self.new_id(outlet), "outlet": outlet, "title": title, "paras": paras, "byline": byline,
                "ntail": ntail, "body": body if body is not None else sep_of(outlet).join(paras)}

    def emit(self, m, ts, kind, story, first, of, groups=None, undated=False):
        rng = self.rng
        rec = {"id": m["id"], "title": m["title"], "body": m["body"]}
        if undated:
            if rng.random() < 0.3:
                rec["published_at"] = None
        else:
            rec["published_at"] = iso(ts, m["outlet"][2], m["outlet"][3])
        rec["outlet"] = m["outlet"][1]
        if m["byline"]:
            rec["byline"] = m["byline"]
        lab = {"id": m["id"], "story": story, "kind": kind, "first": first, "expect": EXPECT[kind], "of": of}
        if groups:
            lab["groups"] = groups
        lab["published_at"] = None if undated else iso(ts, 0, True)
        lab["outlet"] = m["outlet"][1]
        key = ts + (rng.uniform(300, 4 * 3600) if rng.random() < P_JITTER else 0)
        self.seq += 1
        heapq.heappush(self.out, (key, self.seq, rec, lab))
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.produced += 1

    # -- stories ---------------------------------------------------------------------------------
    def start_story(self, ev, outlet, r, t, kind, of, groups, byline="", undated=False):
        rng = self.rng
        if byline == "":
            byline = self.byline_for(outlet)
        editor = rng.choice([x for x in self.reporters[outlet[0]] if x != byline])
        title, paras, titles, ntail = compose(ev, outlet, r, byline, editor, short=outlet[8] is not None)
        m = self.member(outlet, title, paras, byline, ntail)
        self.nsid += 1
        sid = f"S{self.nsid:07d}"
        self.emit(m, t, kind, sid, True, of, groups, undated)
        if not undated:
            story = {"sid": sid, "ev": ev, "titles": titles, "nupd": 0,
                     "plan": [{"kind": kind, "ts": t, "parent": None, "m": m}]}
            self.plan_copies(story, t)
        return m, sid

    def groups_for(self, ev, outlet, kind):
        """Trap families of a story's first article, and the previous member of its main family."""
        groups, of = [], None
        if ev["tpl"] in RIGID:
            g = "tpl:" + ev["tpl"]
            groups.append(g)
            if kind == "template":
                of = self.last_of.get(g)
        if outlet[8] is not None:
            g = "bp:" + outlet[0]
            groups.append(g)
            if kind == "shared_boilerplate":
                of = self.last_of.get(g)
        return groups, of

    def cooled(self, key, t):
        c = self.cool.get(key)
        if c is None:
            return True
        cd = COOLDOWN[key[0]] * 86400
        return t - c[0] >= cd and (c[1] is None or abs(c[1] - t) >= cd)

    def mark(self, key, t, reserve=None):
        c = self.cool.setdefault(key, [t, None])
        c[0] = t
        c[1] = reserve

    def new_original(self, t):
        rng, ctx = self.rng, self.ctx
        outlet = rng.choices(OUTLETS, self.orig_w)[0]
        tpl = rng.choices(self.tpl_names, self.tpl_w)[0]
        for attempt in range(80):  # another company first, then another template
            ctx.uniform = attempt >= 6
            if attempt >= 20:
                tpl = rng.choices(self.tpl_names, self.tpl_w)[0] if attempt < 60 else "broker"
            ev = TEMPLATES[tpl][0](rng, t, ctx.pick_co(rng), ctx)
            if self.cooled(ev_key(ev), t):
                break
        ctx.uniform = False
        key = ev_key(ev)
        ev["vseed"] = rng.getrandbits(32)
        undated = rng.random() < P_UNDATED
        ow = tpl in FLEX and not undated and rng.random() < P_OW
        nq = tpl == "earnings" and not undated and rng.random() < P_NQ
        kind = "undated" if undated else "template" if tpl in RIGID else "shared_boilerplate" if outlet[8] is not None else "original"
        groups, of = self.groups_for(ev, outlet, kind)
        sid_next = f"S{self.nsid + 1:07d}"
        if ow:
            groups.append("ev:" + sid_next)
        if nq:
            groups.append("nq:" + sid_next)
        r = R(ev["vseed"], style=0 if ow else None)
        m, sid = self.start_story(ev, outlet, r, t, kind, of, groups, undated=undated)
        for g in groups:
            if g[:3] in ("tpl", "bp:"):
                self.last_of[g] = m["id"]
        if ow:
            self.push(t + loguniform(rng, 300, 8 * 3600), "ow", (ev, m["id"], sid, outlet))
        if nq:
            tn = self.nq_time(t)
            self.mark(key, t, tn)
            self.push(tn, "nq", (ev, sid, m["id"], outlet, m["byline"]))
        else:
            self.mark(key, t)

    def other_writer(self, t, payload):
        rng = self.rng
        ev, orig_id, sid0, outlet0 = payload
        while True:
            outlet = rng.choices(OUTLETS, self.orig_w)[0]
            if outlet is not outlet0:
                break
        groups, _ = self.groups_for(ev, outlet, "same_event_other_writer")
        groups.append("ev:" + sid0)
        r = R(rng.getrandbits(32), style=1)
        m, _ = self.start_story(ev, outlet, r, t, "same_event_other_writer", orig_id, groups)
        if outlet[8] is not None:
            self.last_of["bp:" + outlet[0]] = m["id"]

    def nq_time(self, t):
        t += self.rng.uniform(88, 94) * 86400 + self.rng.uniform(-5400, 5400)
        while local_dt(t, 0).weekday() >= 5:
            t += 86400
        return t

    def next_quarter(self, t, payload):
        rng = self.rng
        prev, series, prev_id, outlet, byline = payload
        ev = make_earnings(rng, t, prev["co"], prev=prev)
        for key in ("prod", "seg", "region", "up_drv", "down_drv", "n_an", "pe5", "share_abroad"):
            if rng.random() < 0.7:
                ev[key] = prev[key]
        ev["vseed"] = prev["vseed"]
        groups, _ = self.groups_for(ev, outlet, "next_quarter")
        groups.append("nq:" + series)
        r = R(ev["vseed"], mutate=0.25, mseed=rng.getrandbits(32))
        m, sid = self.start_story(ev, outlet, r, t, "next_quarter", prev_id, groups, byline=byline)
        if outlet[8] is not None:
            self.last_of["bp:" + outlet[0]] = m["id"]
        if rng.random() < P_NQ:
            tn = self.nq_time(t)
            self.mark(ev_key(ev), t, tn)
            self.push(tn, "nq", (ev, series, m["id"], outlet, byline))
        else:
            self.mark(ev_key(ev), t)

    def plan_copies(self, story, t0):
        rng = self.rng
        plan = story["plan"]
        if rng.random() < P_COPIES:
            k = 1
            while k < 6 and rng.random() < 0.45:
                k += 1
            cap = t0 + COPY_CAP
            last_upd = 0
            for _ in range(k):
                kind = rng.choices(COPY_KINDS, COPY_WEIGHTS)[0]
                if kind == "update":
                    pidx = last_upd
                elif rng.random() < 0.85:
                    pidx = rng.choice([j for j, it in enumerate(plan) if it["kind"] in FIRST_KINDS or it["kind"] == "update"])
                else:
                    pidx = rng.randrange(len(plan))
                pts = plan[pidx]["ts"]
                ts = pts + loguniform(rng, *DELAY[kind])
                if ts > cap:
                    if pts + 60 >= cap:
                        continue
                    ts = rng.uniform(pts + 60, cap)
                plan.append({"kind": kind, "ts": ts, "parent": pidx})
                if kind == "update":
                    last_upd = len(plan) - 1
        if rng.random() < P_LATE:
            ups = [j for j, it in enumerate(plan) if it["kind"] in FIRST_KINDS or it["kind"] == "update"]
            ts = max(it["ts"] for it in plan) + LATE_MIN + loguniform(rng, 600, 26 * 86400)
            plan.append({"kind": "late_repost", "ts": ts, "parent": rng.choice(ups)})
        for i in range(1, len(plan)):
            self.push(plan[i]["ts"], "copy", (story, i))

    # -- copies ----------------------------------------------------------------------------------
    def partner(self, outlet):
        while True:
            p = self.rng.choices(OUTLETS, self.partner_w)[0]
            if p is not outlet:
                return p

    def t_update(self, story, parent):
        rng = self.rng
        story["nupd"] += 1
        outlet = parent["outlet"]
        base = PREFIX_RE.sub("", parent["title"])
        paras = list(parent["paras"])
        new = extra_paragraphs(story["ev"], rng, rng.choice((1, 1, 2)))
        if outlet[5]:
            new = [curly(p) for p in new]
        for p in new:
            paras.insert(rng.randint(1, len(paras) - parent["ntail"]), p)
        mode = rng.random()
        if mode < 0.14:
            title, paras, ch = revise_numbers(parent["title"], paras, rng, 1)
            title = title if title.startswith("CORRECTED-") else "CORRECTED-" + title
            if ch:
                old, newv = ch[0]
                where = next((i for i, p in enumerate(paras) if newv in p), 0) + 1
                note = f"(Corrects figure in paragraph {where} to {newv} from {old})"
            else:
                note = f"(Corrects spelling of name in paragraph {rng.randint(2, 4)})"
            paras.insert(0, note)
        elif mode < 0.32:
            alts = [x for x in story["titles"] if x != base] or [base]
            title = rng.choice(alts)
            if rng.random() < 0.6:
                title, paras, _ = revise_numbers(title, paras, rng, rng.randint(1, 2))
        else:
            title = f"UPDATE {story['nupd']}-{base}"
            ch = []
            if rng.random() < 0.7:
                title, paras, ch = revise_numbers(title, paras, rng, rng.randint(1, 2))
            if rng.random() < 0.75:
                what = rng.sample(UPDATE_NOTES if "co" in story["ev"] else UPDATE_NOTES_MKT, rng.randint(1, 2))
                if ch:
                    what.append("updates figures")
                paras.insert(0, f"(Adds {', '.join(what)})")
        return self.member(outlet, title, paras, parent["byline"], parent["ntail"])

    def t_repost(self, parent):
        rng = self.rng
        partner = self.partner(parent["outlet"])
        paras = punct_edits(parent["paras"], rng)
        year = self.year
        line = rng.choice(REPOST_LINES[partner[0]]).format(o=parent["outlet"][1], y=year)
        ntail = parent["ntail"]
        if rng.random() < 0.4:
            paras.insert(0, line)
        else:
            paras.append(line)
            ntail += 1
        title = PREFIX_RE.sub("", parent["title"]) if rng.random() < 0.5 else parent["title"]
        if partner[6] == "title" or rng.random() < 0.2:
            title = title_case(title)
        byline = None
        while byline == parent["byline"]:
            byline = rng.choice(self.reporters[partner[0]]) if rng.random() < 0.5 else f"{partner[1]} staff"
        return self.member(partner, title, paras, byline, ntail)

    def t_trimmed(self, parent):
        rng = self.rng
        paras = parent["paras"]
        total = sum(len(p) for p in paras)
        keep = []
        if len(paras) >= 2:  # first few paragraphs
            f = rng.uniform(0.5, 0.85)
            acc = 0
            for p in paras:
                keep.append(p)
                acc += len(p)
                if acc >= f * total:
                    break
            while len(keep) > 1 and acc > 0.9 * total and acc - len(keep[-1]) >= 0.5 * total:
                acc -= len(keep.pop())  # dropping only a short credit line is not a trim
            if len(keep) == len(paras):
                keep = []
        if not keep:  # first half, cut at a sentence boundary
            sents = [(pi, x) for pi, p in enumerate(paras) for x in SENT_RE.split(p)]
            acc, cut = 0, len(sents) - 1
            for j, (_, x) in enumerate(sents):
                acc += len(x) + 1
                if acc >= 0.55 * total:
                    cut = min(j + 1, len(sents) - 1)
                    break
            if cut > 0 and sum(len(x) + 1 for _, x in sents[:cut]) >= 0.5 * total:
                for pi, x in sents[:cut]:
                    if pi < len(keep):
                        keep[pi] += " " + x
                    else:
                        keep.append(x)
            else:  # the last sentence is too long: cut inside it at a word, like a truncated feed
                text = "\n\n".join(paras)
                i = text.find(" ", int(len(text) * rng.uniform(0.55, 0.75)))
                keep = [p for p in (text[:i] + "...").split("\n\n")] if i > 0 else list(paras)
        if rng.random() < 0.5:
            outlet, byline = parent["outlet"], parent["byline"]
            title = parent["title"] if rng.random() < 0.7 else "BRIEF-" + PREFIX_RE.sub("", parent["title"])
        else:
            outlet = self.partner(parent["outlet"])
            byline = f"{outlet[1]} staff" if rng.random() < 0.5 else None
            title = title_case(parent["title"]) if outlet[6] == "title" else parent["title"]
        return self.member(outlet, title, keep, byline, 0)

    def t_reordered(self, story, parent):
        rng = self.rng
        paras = list(parent["paras"])
        if len(paras) >= 3 and rng.random() < 0.5:
            del paras[rng.randrange(1, len(paras))]
        else:
            bg = background_paragraph(story["ev"], rng)
            paras.insert(rng.randrange(len(paras) + 1), curly(bg) if parent["outlet"][5] else bg)
        keep_lead = len(paras) >= 3 and rng.random() < 0.5
        orig = list(paras)
        for _ in range(8):
            if keep_lead:
                rest = paras[1:]
                rng.shuffle(rest)
                paras = paras[:1] + rest
            else:
                rng.shuffle(paras)
            if paras != orig:
                break
        outlet = self.partner(parent["outlet"])
        title = title_case(parent["title"]) if outlet[6] == "title" else parent["title"]
        return self.member(outlet, title, paras, None if rng.random() < 0.6 else f"{outlet[1]} staff", 0)

    def t_exact(self, parent):
        rng = self.rng
        title = whitespace_variant(parent["title"], rng, title=True) if rng.random() < 0.3 else parent["title"]
        body = whitespace_variant(parent["body"], rng)
        return self.member(parent["outlet"], title, parent["paras"], parent["byline"], parent["ntail"], body=body)

    def copy(self, ts, payload):
        story, i = payload
        item = story["plan"][i]
        kind = item["kind"]
        parent = story["plan"][item["parent"]]["m"]
        if kind == "update":
            m = self.t_update(story, parent)
        elif kind in ("repost", "late_repost"):
            m = self.t_repost(parent)
        elif kind == "trimmed":
            m = self.t_trimmed(parent)
        elif kind == "reordered":
            m = self.t_reordered(story, parent)
        elif kind == "exact":
            m = self.t_exact(parent)
        else:  # undated_copy
            m = self.t_repost(parent) if self.rng.random() < 0.6 else self.t_exact(parent)
        item["m"] = m
        self.emit(m, ts, kind, story["sid"], False, parent["id"], undated=kind == "undated_copy")

    # -- main loop -------------------------------------------------------------------------------
    def run(self, out, labels):
        self.produced = 0
        t = self.t0
        heap = self.heap
        dumps = json.dumps
        while self.produced < self.n:
            if heap and heap[0][0] <= self.next_orig:
                t, _, kind, payload = heapq.heappop(heap)
                self.year = local_dt(t, 0).year
                if kind == "copy":
                    self.copy(t, payload)
                elif kind == "nq":
                    self.next_quarter(t, payload)
                else:
                    self.other_writer(t, payload)
            else:
                t = self.next_orig
                self.year = local_dt(t, 0).year
                self.new_original(t)
                self.next_orig = self.arrival(t)
            while self.out and (self.out[0][0] <= t or self.produced >= self.n):
                _, _, rec, lab = heapq.heappop(self.out)
                out.write(dumps(rec, ensure_ascii=False) + "\n")
                if labels is not None:
                    labels.write(dumps(lab, ensure_ascii=False) + "\n")
        self.end = t


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("n", type=int, help="number of articles")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("-o", "--output", default="-", help="archive (JSON Lines); default stdout")
    p.add_argument("--labels", help="ground-truth labels (JSON Lines), same order as the archive")
    p.add_argument("--start", default="2025-01-06", help="first day (UTC), YYYY-MM-DD")
    p.add_argument("--days", type=float, default=240, help="span over which stories start (default 240)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    args = p.parse_args()
    start = datetime.strptime(args.start, "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp()
    g = Gen(args.n, args.seed, start, args.days)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="\n")
    labels = open(args.labels, "w", encoding="utf-8", newline="\n") if args.labels else None
    try:
        g.run(out, labels)
    except BrokenPipeError:  # e.g. piped into head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    if out is not sys.stdout:
        out.close()
    if labels:
        labels.close()
    if not args.quiet:
        n = max(g.produced, 1)
        copies = sum(v for k, v in g.counts.items() if k not in FIRST_KINDS)
        span = (g.end - start) / 86400
        print(f"{g.produced} articles, {g.nsid} stories, {copies} copies ({100 * copies / n:.1f}%), "
              f"{span:.0f} days from {args.start}", file=sys.stderr)
        print("  " + ", ".join(f"{k} {v}" for k, v in sorted(g.counts.items(), key=lambda kv: -kv[1])), file=sys.stderr)


if __name__ == "__main__":
    main()
