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

/// How a former listing ended: what its names name after its last day
/// ([`Gazetteer::holder`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    /// Taken over, merged or delisted.
    #[default]
    Other,
    /// Taken private, with no listed successor: the name goes on as a private company's.
    Private,
    /// Renamed under its successor's code: the same company, listed today.
    Renamed,
    /// Still listed on a market the gazetteer does not hold (Moscow, for the London GDRs
    /// suspended in 2022).
    ListedElsewhere,
    /// Bankrupt, failed, seized or nationalised, with no successor: it stays in the news
    /// as itself (`Lehman` in 2010).
    Failed,
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
    /// The last day (`YYYY-MM-DD`) of a listing that ended: delisted, merged, or renamed
    /// under a new code. `None` for a listing of today.
    pub listed_until: Option<String>,
    /// The listing that took a former one over (`JPM` for Bear Stearns), if any.
    pub successor: Option<String>,
    /// How a former listing ended.
    pub ended: Ending,
    /// Its own brands, units and products, as news writes them after its name (`Prius`
    /// after `Toyota`).
    pub brands: Vec<String>,
    /// Its brands that are ordinary words (`One`, `Fire`): no business context.
    pub word_brands: Vec<String>,
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
    /// The last day of a listing that ended (`former_listings.tsv`).
    #[serde(default)]
    listed_until: Option<String>,
    #[serde(default)]
    successor: Option<String>,
    #[serde(default)]
    ended: Ending,
    #[serde(default)]
    brands: Vec<String>,
    #[serde(default)]
    word_brands: Vec<String>,
    /// Its own code as news writes it for its name (`UTX Q1 profit falls`).
    #[serde(default)]
    code_names: Vec<String>,
}

/// Names longer than this are refused: no company is called so, and the matcher's build
/// cost grows with the length of its names.
pub const MAX_NAME_BYTES: usize = 200;

/// A name of a listing, as the automaton knows it: one pattern per name ignoring ASCII
/// case, with every spelling the gazetteer gives (`NIKE`, `Nike`).
#[derive(Debug, Clone)]
pub struct NamePattern {
    /// The listing the name is today's (or, when no listing of today has it, the listing
    /// that had it last).
    pub listing: usize,
    /// Former listings that had the name, by the day their listing ended.
    pub former: Vec<usize>,
    pub spellings: Vec<Spelling>,
}

#[derive(Debug, Clone)]
pub struct Spelling {
    /// The name as the gazetteer writes it (case matters for short and ambiguous names).
    pub text: String,
    /// An ordinary word too: needs business context to count.
    pub ambiguous: bool,
    /// The listing's code written as its name (`UTX`): ambiguous, and a company only in
    /// capitals, as the subject that opens a headline.
    pub code: bool,
}

impl Spelling {
    fn new(text: &str, ambiguous: bool, code: bool) -> Self {
        Spelling {
            text: text.to_string(),
            ambiguous,
            code,
        }
    }
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
    /// `EXCHANGE:CODE`, and a US code alone -> the former listings that had it, by the day
    /// their listing ended.
    former_holders: HashMap<String, Vec<usize>>,
    /// The last day a listing of the gazetteer ended: undated text is read as of it.
    last_day: Option<String>,
}

impl Gazetteer {
    /// The gazetteer of a JSON Lines text, one listing per line (blank lines skipped); the
    /// error names the line.
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let mut builder = Builder::default();
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let row: Row =
                serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
            builder
                .add(row)
                .map_err(|e| format!("line {}: {e}", i + 1))?;
        }
        builder.finish()
    }

    /// The listing `pattern` names on `day` (`YYYY-MM-DD`): a former listing whose listing
    /// had not ended by then, else today's. After its end, a name that only a former
    /// listing had names it up to a year after its end (the last results, the closing), and
    /// none later: news goes on using the name for what took the company over (Albertsons'
    /// `Safeway`, `BofA Merrill Lynch`) or for the private company (`Nuveen` funds); except
    /// that a failed company stays in the news as itself (`Lehman` in 2010), and a renamed
    /// one is its successor (`Total SA` in 2023 is TotalEnergies). Without a day the name
    /// is read as of the gazetteer's last recorded day, and names none taken private or
    /// listed elsewhere. A name today's listing shares is today's.
    pub fn holder(&self, pattern: &NamePattern, day: Option<&str>) -> Option<usize> {
        let id = pattern.listing;
        let listing = &self.listings[id];
        let today = match listing.listed_until.as_deref() {
            None => Some(id),
            Some(until) => {
                let recent = day
                    .or(self.last_day.as_deref())
                    .is_some_and(|d| within_a_year_after(d, until));
                match listing.ended {
                    Ending::Renamed => listing.successor.as_deref().and_then(|s| self.by_symbol(s)),
                    Ending::Failed if day.is_some() => Some(id),
                    Ending::Private | Ending::ListedElsewhere if day.is_none() => None,
                    _ => recent.then_some(id),
                }
            }
        };
        day.and_then(|d| self.first_not_ended(&pattern.former, d))
            .or(today)
    }

    /// [`Self::by_code`] on `day`: a code that a former listing had then is that listing's
    /// (`$AMTD` in 2015 is TD Ameritrade, not the company that took the code later).
    pub fn by_code_on(
        &self,
        exchange: Option<&str>,
        code: &str,
        day: Option<&str>,
    ) -> Option<usize> {
        self.former_holder_on(exchange, code, day)
            .or_else(|| self.by_code(exchange, code))
    }

    /// The former listing that held `code` on `exchange` on `day`, if one did then (a
    /// listing that has ended, or that traded under another code before).
    pub fn former_holder_on(
        &self,
        exchange: Option<&str>,
        code: &str,
        day: Option<&str>,
    ) -> Option<usize> {
        let key = exchange.map_or_else(|| code.to_string(), |e| format!("{e}:{code}"));
        let holders = self.former_holders.get(&key).or_else(|| {
            exchange
                .is_some_and(is_us)
                .then(|| self.former_holders.get(code))
                .flatten()
        })?;
        self.first_not_ended(holders, day?)
    }

    fn first_not_ended(&self, former: &[usize], day: &str) -> Option<usize> {
        former.iter().copied().find(|&id| {
            self.listings[id]
                .listed_until
                .as_deref()
                .is_some_and(|until| until >= day)
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

    /// The listing `name` (a whole gazetteer name, any case) names on `day`.
    pub fn named(&self, name: &str, day: Option<&str>) -> Option<usize> {
        let m = self
            .names
            .find(name)
            .filter(|m| m.range() == (0..name.len()))?;
        self.holder(&self.patterns[m.pattern().as_usize()], day)
    }

    pub fn by_symbol(&self, symbol: &str) -> Option<usize> {
        self.symbols.get(symbol).copied()
    }
}

/// The keys a former listing's code is found under: `EXCHANGE:CODE`, and the code alone
/// for a US exchange (a cashtag).
fn code_keys(code: &str) -> Vec<String> {
    let mut keys = vec![code.to_string()];
    if let Some((exchange, local)) = code.split_once(':')
        && is_us(exchange)
    {
        keys.push(local.to_string());
    }
    keys
}

/// A gazetteer as its rows are read; what depends on every row (which listing holds a
/// shared name or code, the order of former holders) is settled in [`Builder::finish`].
#[derive(Default)]
struct Builder {
    listings: Vec<Listing>,
    patterns: Vec<NamePattern>,
    /// A name lowercased, hyphens read as spaces -> its pattern.
    by_lower: HashMap<String, usize>,
    codes: HashMap<String, usize>,
    symbols: HashMap<String, usize>,
    us_codes: HashMap<String, usize>,
    /// Codes listings traded under before (`former_codes`).
    former: Vec<(String, usize)>,
    /// Codes of listings that ended: theirs only when no listing of today has them.
    ended_codes: Vec<(String, usize)>,
    former_holders: HashMap<String, Vec<usize>>,
}

impl Builder {
    /// Adds one row's listing, its names and its codes.
    fn add(&mut self, mut row: Row) -> std::result::Result<(), String> {
        let id = self.listings.len();
        let ended = row.listed_until.is_some();
        for (names, ambiguous, code) in [
            (&row.aliases, false, false),
            (&row.ambiguous, true, false),
            (&row.code_names, true, true),
        ] {
            for name in names {
                self.add_name(Spelling::new(name, ambiguous, code), id, ended)?;
            }
        }
        self.add_codes(&row.codes, id, ended);
        let former_codes = std::mem::take(&mut row.former_codes);
        self.former
            .extend(former_codes.into_iter().map(|c| (c, id)));
        if !ended {
            self.symbols.insert(row.symbol.clone(), id);
        }
        let own = format!("{}:", row.exchange);
        self.listings.push(Listing {
            other_listings: row
                .codes
                .into_iter()
                .filter(|c| !c.starts_with(&own))
                .collect(),
            symbol: row.symbol,
            exchange: row.exchange,
            name: row.name,
            kind: row.kind,
            listed_until: row.listed_until,
            successor: row.successor,
            ended: row.ended,
            brands: row.brands,
            word_brands: row.word_brands,
        });
        Ok(())
    }

    /// Adds the `spelling` of a name of listing `id` (which `ended`, or is of today) to its
    /// pattern.
    fn add_name(
        &mut self,
        spelling: Spelling,
        id: usize,
        ended: bool,
    ) -> std::result::Result<(), String> {
        let name = spelling.text.as_str();
        if name.trim().is_empty() {
            return Err("an empty name".into());
        }
        if name.len() > MAX_NAME_BYTES {
            return Err(format!(
                "a name of {} bytes (at most {MAX_NAME_BYTES})",
                name.len()
            ));
        }
        let patterns = &mut self.patterns;
        let slot = *self
            .by_lower
            .entry(name.to_ascii_lowercase().replace('-', " "))
            .or_insert_with(|| {
                patterns.push(NamePattern {
                    listing: id,
                    former: if ended { vec![id] } else { Vec::new() },
                    spellings: Vec::new(),
                });
                patterns.len() - 1
            });
        let pattern = &mut patterns[slot];
        let holder_ended = self
            .listings
            .get(pattern.listing)
            .is_some_and(|l: &Listing| l.listed_until.is_some());
        if pattern.listing == id {
            pattern.spellings.push(spelling);
        } else if ended || holder_ended {
            // A former listing shares its name with another listing: the article's date
            // tells them apart.
            if ended {
                pattern.former.push(id);
            } else {
                pattern.listing = id;
            }
            pattern.spellings.push(spelling);
        }
        // A name two listings of today share (the builder avoids it) stays with the first.
        Ok(())
    }

    /// Adds the `EXCHANGE:CODE`s of listing `id`: a listing of today's at once, an ended
    /// one's once every row is in.
    fn add_codes(&mut self, codes: &[String], id: usize, ended: bool) {
        for code in codes {
            if ended {
                self.ended_codes.push((code.clone(), id));
                for key in code_keys(code) {
                    self.former_holders.entry(key).or_default().push(id);
                }
                continue;
            }
            self.codes.entry(code.clone()).or_insert(id);
            if let Some((exchange, local)) = code.split_once(':')
                && (is_us(exchange) || exchange == "INDEX")
            {
                self.us_codes.entry(local.to_string()).or_insert(id);
            }
        }
    }

    /// Settles what depends on every row, and builds the name matcher.
    fn finish(mut self) -> std::result::Result<Gazetteer, String> {
        self.settle_former_listings();
        let last_day = self
            .listings
            .iter()
            .filter_map(|l| l.listed_until.clone())
            .max();
        let Self {
            listings,
            patterns,
            codes,
            symbols,
            us_codes,
            former_holders,
            ..
        } = self;
        if let Some(p) = patterns.iter().find(|p| p.spellings.is_empty()) {
            return Err(format!(
                "no spelling for a name of {}",
                listings[p.listing].symbol
            ));
        }
        let names = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            // Text is matched with hyphens read as spaces (`Kimberly-Clark`), names too.
            .build(
                patterns
                    .iter()
                    .map(|p| p.spellings[0].text.replace('-', " ")),
            )
            .map_err(|e| e.to_string())?;
        Ok(Gazetteer {
            listings,
            names,
            patterns,
            codes,
            symbols,
            us_codes,
            former_holders,
            last_day,
        })
    }

    /// Former listings, once every listing is known: a symbol, name or code some listing
    /// of today has is that listing's; a former listing's is its own only when nobody has
    /// it today, or by date (holders ordered by the day their listing ended).
    fn settle_former_listings(&mut self) {
        let listings = &self.listings;
        for (symbol, id) in listings
            .iter()
            .enumerate()
            .filter(|(_, l)| l.listed_until.is_some())
            .map(|(id, l)| (l.symbol.clone(), id))
        {
            self.symbols.entry(symbol).or_insert(id);
        }
        let ended_on = |id: &usize| listings[*id].listed_until.clone();
        for holders in self.former_holders.values_mut() {
            holders.sort_by_key(ended_on);
        }
        for pattern in &mut self.patterns {
            pattern.former.sort_by_key(ended_on);
            if listings[pattern.listing].listed_until.is_some()
                && let Some(&last) = pattern.former.last()
            {
                pattern.listing = last;
            }
        }
        let former = std::mem::take(&mut self.former);
        let ended_codes = std::mem::take(&mut self.ended_codes);
        for (code, id) in former.into_iter().chain(ended_codes) {
            if let Some((exchange, local)) = code.split_once(':')
                && is_us(exchange)
            {
                self.us_codes.entry(local.to_string()).or_insert(id);
            }
            self.codes.entry(code).or_insert(id);
        }
    }
}

/// Whether `day` is at most a year after `until` (both `YYYY-MM-DD`), compared without
/// building a date; days whose year is not a number compare as text.
fn within_a_year_after(day: &str, until: &str) -> bool {
    fn split(d: &str) -> Option<(u32, &str)> {
        let (year, rest) = d.split_once('-')?;
        Some((year.parse().ok()?, rest))
    }
    match (split(day), split(until)) {
        (Some((y, rest)), Some((u, until_rest))) => (y, rest) <= (u + 1, until_rest),
        _ => day <= until,
    }
}
