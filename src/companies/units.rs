//! Which units of an article name which company: the article's mentions placed in its
//! units, and the decisions that follow from them (target passes, roles).

use std::collections::{BTreeMap, BTreeSet};

use crate::article::{Article, Unit};
use crate::figures;
use crate::split::{Span, sentence_at};
use crate::tickers::{Mention, Tickers};

use super::{TargetPass, UnitMention, plan_roles, plan_targets, scored_sentence};

/// The companies an article names and what is asked about them: its mentions, its target
/// passes (a unit toward one company) and the units where a company only plays a role.
#[derive(Debug, Default)]
pub struct ArticleCompanies {
    pub title_mentions: Vec<Mention>,
    pub body_mentions: Vec<Mention>,
    pub passes: Vec<TargetPass>,
    /// The (unit, symbol) pairs where the company only plays a role (an analyst, a broker,
    /// an adviser, a source).
    pub roles: BTreeSet<(Unit, String)>,
}

impl ArticleCompanies {
    /// The companies of `article`, whose scored sentences are `spans` (`cut`: the body was
    /// cut to them); `text` gives a unit's text; `with_targets`: plan target passes (the
    /// model takes targets).
    pub fn find<'a>(
        article: &Article,
        spans: &[Span],
        cut: bool,
        tickers: &Tickers,
        with_targets: bool,
        text: impl Fn(Unit) -> &'a str + Copy,
    ) -> Self {
        let date = article.published_at.as_deref();
        let title_mentions = article.title.as_deref().map_or_else(Vec::new, |t| {
            tickers.find_at(
                t,
                &[Span {
                    start: 0,
                    end: t.len(),
                }],
                date,
            )
        });
        // Companies are looked for in the scored sentences only: one named only in a cut
        // sentence would have no score of its own.
        let scored = if cut {
            &article.body[..spans.last().map_or(0, |s| s.end)]
        } else {
            &article.body
        };
        let body_mentions = tickers.find_at(scored, spans, date);
        let mut found = Self {
            title_mentions,
            body_mentions,
            ..Self::default()
        };
        let mentions = found.unit_mentions(spans, tickers);
        found.roles = plan_roles(&mentions, text);
        if with_targets {
            found.passes = plan_targets(&mentions, text);
            found.skip_passes_that_cannot_count(text);
        }
        found
    }

    /// Drops the passes whose probabilities no company takes: toward a company that only
    /// plays a role in the unit (it is neutral there, [`super::ROLE`]), and in a unit whose
    /// figures [`figures::read`] reads (the reading replaces every input of that text). What
    /// the companies get is the same with or without them.
    fn skip_passes_that_cannot_count<'a>(&mut self, text: impl Fn(Unit) -> &'a str) {
        let roles = &self.roles;
        let mut figure_lines: BTreeMap<Unit, bool> = BTreeMap::new();
        self.passes.retain(|pass| {
            !roles.contains(&(pass.unit, pass.symbol.clone()))
                && !*figure_lines
                    .entry(pass.unit)
                    .or_insert_with(|| figures::read(text(pass.unit)).is_some())
        });
    }

    /// Each mention with its unit and its offsets in the unit's text; mentions outside the
    /// scored sentences are left out.
    fn unit_mentions(&self, spans: &[Span], tickers: &Tickers) -> Vec<UnitMention> {
        let symbol = |m: &Mention| tickers.symbol(&m.key).to_string();
        let title = self.title_mentions.iter().map(|m| UnitMention {
            unit: Unit::Title,
            symbol: symbol(m),
            start: m.start,
            end: m.end,
        });
        let body = self.body_mentions.iter().filter_map(|m| {
            let i = sentence_at(spans, m.start, m.end)?;
            Some(UnitMention {
                unit: Unit::Sentence(i),
                symbol: symbol(m),
                start: m.start - spans[i].start,
                end: m.end - spans[i].start,
            })
        });
        title.chain(body).collect()
    }

    /// The companies each unit names, in order of first mention: the title's mentions, and
    /// each body mention in the sentence it starts in, as [`super::summarize`] counts them
    /// (a mention outside the scored sentences `spans` is left out).
    pub fn unit_symbols(&self, spans: &[Span], tickers: &Tickers) -> BTreeMap<Unit, Vec<String>> {
        let title = self.title_mentions.iter().map(|m| (Unit::Title, m));
        let body = self
            .body_mentions
            .iter()
            .filter_map(|m| Some((Unit::Sentence(scored_sentence(spans, m)?), m)));
        let mut out: BTreeMap<Unit, Vec<String>> = BTreeMap::new();
        for (unit, m) in title.chain(body) {
            let symbol = tickers.symbol(&m.key);
            let symbols = out.entry(unit).or_default();
            if !symbols.iter().any(|s| s == symbol) {
                symbols.push(symbol.to_string());
            }
        }
        out
    }
}
