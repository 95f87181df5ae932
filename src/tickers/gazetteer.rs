//! The company gazetteer (`models/gazetteer/gazetteer.jsonl`, built by
//! `models/gazetteer/build_gazetteer.py`): listings with their names and codes, and one
//! Aho-Corasick automaton over every name, built once at start-up.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

use super::patterns::is_us;

/// What a listing is. Only companies are reported: funds and indices are known so that
/// `$SPY` or `Nasdaq Composite` are not taken for a company, and are then left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    #[default]
    Company,
    /// An exchange-traded fund or note, or another listed fund.
    Etf,
    /// A market index, or a market named as one (`the Nasdaq`).
    Index,
}

/// One listing as finsent reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// Canonical symbol: plain for US listings (`NVDA`), Yahoo-style elsewhere (`7203.T`).
    pub symbol: String,
    /// finsent's exchange name (`NASDAQ`, `TSE`, `LSE`, ...).
    pub exchange: String,
    pub name: String,
    /// The company's other listings, such as US ADRs, as `EXCHANGE:CODE`.
    pub other_listings: Vec<String>,
    pub kind: Kind,
}

#[derive(Deserialize)]
struct Row {
    symbol: String,
    exchange: String,
    name: String,
    aliases: Vec<String>,
    ambiguous: Vec<String>,
    codes: Vec<String>,
    #[serde(default)]
    kind: Kind,
    /// Codes the listing traded under before (`NASDAQ:FB`), for old text.
    #[serde(default)]
    former_codes: Vec<String>,
}

/// A name of a listing, as the automaton knows it: one pattern per name ignoring ASCII
/// case, with every spelling the gazetteer gives (`NIKE`, `Nike`).
#[derive(Debug, Clone)]
pub struct NamePattern {
    pub listing: usize,
    pub spellings: Vec<Spelling>,
}

#[derive(Debug, Clone)]
pub struct Spelling {
    /// The name as the gazetteer writes it (case matters for short and ambiguous names).
    pub text: String,
    /// An ordinary word too: needs business context to count.
    pub ambiguous: bool,
}

pub struct Gazetteer {
    pub listings: Vec<Listing>,
    pub names: AhoCorasick,
    pub patterns: Vec<NamePattern>,
    /// `EXCHANGE:CODE` -> listing.
    codes: HashMap<String, usize>,
    /// Canonical symbol -> listing.
    symbols: HashMap<String, usize>,
    /// Code on any US exchange, or of an index (`INDEX:SPX`) -> listing (for cashtags).
    us_codes: HashMap<String, usize>,
}

impl Gazetteer {
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let mut listings = Vec::new();
        let mut patterns: Vec<NamePattern> = Vec::new();
        let mut by_lower: HashMap<String, usize> = HashMap::new();
        let mut codes = HashMap::new();
        let mut symbols = HashMap::new();
        let mut us_codes = HashMap::new();
        let mut former = Vec::new();
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let row: Row =
                serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
            let id = listings.len();
            for (names, ambiguous) in [(&row.aliases, false), (&row.ambiguous, true)] {
                for name in names {
                    let spelling = Spelling {
                        text: name.clone(),
                        ambiguous,
                    };
                    let slot = *by_lower
                        .entry(name.to_ascii_lowercase())
                        .or_insert_with(|| {
                            patterns.push(NamePattern {
                                listing: id,
                                spellings: Vec::new(),
                            });
                            patterns.len() - 1
                        });
                    // A name two listings share (the builder avoids it) stays with the first.
                    if patterns[slot].listing == id {
                        patterns[slot].spellings.push(spelling);
                    }
                }
            }
            for code in &row.codes {
                codes.entry(code.clone()).or_insert(id);
                if let Some((exchange, local)) = code.split_once(':')
                    && (is_us(exchange) || exchange == "INDEX")
                {
                    us_codes.entry(local.to_string()).or_insert(id);
                }
            }
            former.extend(row.former_codes.into_iter().map(|c| (c, id)));
            symbols.insert(row.symbol.clone(), id);
            let own = format!("{}:", row.exchange);
            listings.push(Listing {
                other_listings: row
                    .codes
                    .into_iter()
                    .filter(|c| !c.starts_with(&own))
                    .collect(),
                symbol: row.symbol,
                exchange: row.exchange,
                name: row.name,
                kind: row.kind,
            });
        }
        // After every listing: a code some listing holds today is that listing's.
        for (code, id) in former {
            if let Some((exchange, local)) = code.split_once(':')
                && is_us(exchange)
            {
                us_codes.entry(local.to_string()).or_insert(id);
            }
            codes.entry(code).or_insert(id);
        }
        let names = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(patterns.iter().map(|p| p.spellings[0].text.as_str()))
            .map_err(|e| e.to_string())?;
        Ok(Self {
            listings,
            names,
            patterns,
            codes,
            symbols,
            us_codes,
        })
    }

    /// The listing of `code` on `exchange` (a cashtag when `exchange` is `None`).
    pub fn by_code(&self, exchange: Option<&str>, code: &str) -> Option<usize> {
        match exchange {
            None => self.us_codes.get(code).copied(),
            Some(e) if is_us(e) => self
                .codes
                .get(&format!("{e}:{code}"))
                .or_else(|| self.us_codes.get(code))
                .copied(),
            Some(e) => self.codes.get(&format!("{e}:{code}")).copied(),
        }
    }

    pub fn by_symbol(&self, symbol: &str) -> Option<usize> {
        self.symbols.get(symbol).copied()
    }
}
