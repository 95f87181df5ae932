//! Article analysis: what an article's text yields before scoring (its sentences, company
//! mentions, and the units to score toward each company of a multi-company unit), the model
//! inputs that follow from it, and the probabilities taken back by name.

use std::collections::{BTreeMap, BTreeSet};

use crate::article::{Article, Probs, Unit};
use crate::figures;
use crate::limits::Limits;
use crate::model::{ModelInput, Target};
use crate::per_ticker::{TargetPass, UnitMention, plan_roles, plan_targets};
use crate::split::{Span, sentence_at, split_sentences};
use crate::tickers::{Mention, Tickers};

/// One article's plan: its scored units (the title, then each sentence), its target passes
/// (a unit toward one company) and the mentions they come from.
#[derive(Debug, Default)]
pub struct ArticlePlan {
    /// The units the model scores, in input order.
    pub units: Vec<Unit>,
    pub passes: Vec<TargetPass>,
    /// The (unit, symbol) pairs where the company only plays a role (an analyst, a broker,
    /// an adviser, a source).
    pub roles: BTreeSet<(Unit, String)>,
    pub spans: Vec<Span>,
    pub title_mentions: Vec<Mention>,
    pub body_mentions: Vec<Mention>,
    /// A cut to `--max-sentences`.
    pub warning: Option<String>,
}

/// The probabilities of an article's inputs, by name.
#[derive(Debug, Default)]
pub struct UnitScores {
    units: BTreeMap<Unit, Probs>,
    /// Each unit's passes toward a company (its symbol), in symbol order.
    passes: BTreeMap<Unit, Vec<(String, Probs)>>,
}

impl UnitScores {
    pub fn unit(&self, unit: Unit) -> Option<Probs> {
        self.units.get(&unit).copied()
    }

    /// The pass of `unit` toward `symbol`, when the unit had one.
    pub fn toward(&self, unit: Unit, symbol: &str) -> Option<Probs> {
        self.passes_of(unit)
            .find(|(s, _)| *s == symbol)
            .map(|(_, p)| p)
    }

    /// The passes of `unit`, in symbol order.
    pub fn passes_of(&self, unit: Unit) -> impl Iterator<Item = (&str, Probs)> {
        self.passes
            .get(&unit)
            .into_iter()
            .flatten()
            .map(|(symbol, p)| (symbol.as_str(), *p))
    }
}

impl ArticlePlan {
    /// Splits `article` and finds its companies; `with_targets`: plan target passes (the
    /// model takes targets).
    pub fn new(
        article: &Article,
        tickers: Option<&Tickers>,
        limits: &Limits,
        with_targets: bool,
    ) -> Self {
        let mut spans = split_sentences(&article.body);
        let warning = (spans.len() > limits.max_sentences).then(|| {
            let was = spans.len();
            spans.truncate(limits.max_sentences);
            format!(
                "truncated: {was} sentences, the first {} scored (the limit per article)",
                limits.max_sentences
            )
        });
        let units = article
            .title
            .as_ref()
            .map(|_| Unit::Title)
            .into_iter()
            .chain((0..spans.len()).map(Unit::Sentence))
            .collect();
        let mut plan = Self {
            units,
            spans,
            warning,
            ..Self::default()
        };
        if let Some(tickers) = tickers {
            plan.find_companies(article, tickers, with_targets);
        }
        plan
    }

    fn find_companies(&mut self, article: &Article, tickers: &Tickers, with_targets: bool) {
        let date = article.published_at.as_deref();
        self.title_mentions = article.title.as_deref().map_or_else(Vec::new, |t| {
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
        let scored = if self.warning.is_some() {
            &article.body[..self.spans.last().map_or(0, |s| s.end)]
        } else {
            &article.body
        };
        self.body_mentions = tickers.find_at(scored, &self.spans, date);
        let mentions = self.unit_mentions(tickers);
        self.roles = plan_roles(&mentions, |unit| self.text(article, unit));
        if with_targets {
            self.passes = plan_targets(&mentions, |unit| self.text(article, unit));
            self.skip_passes_that_cannot_count(article);
        }
    }

    /// Drops the passes whose probabilities no company takes: toward a company that only
    /// plays a role in the unit (it is neutral there, [`ROLE`](crate::per_ticker::ROLE)), and in a unit whose figures
    /// [`figures::read`] reads (the reading replaces every input of that text). What the
    /// companies get is the same with or without them.
    fn skip_passes_that_cannot_count(&mut self, article: &Article) {
        let roles = &self.roles;
        let mut figure_lines: BTreeMap<Unit, bool> = BTreeMap::new();
        let passes = std::mem::take(&mut self.passes);
        self.passes = passes
            .into_iter()
            .filter(|pass| {
                !roles.contains(&(pass.unit, pass.symbol.clone()))
                    && !*figure_lines
                        .entry(pass.unit)
                        .or_insert_with(|| figures::read(self.text(article, pass.unit)).is_some())
            })
            .collect();
    }

    /// Each mention with its unit and its offsets in the unit's text; mentions outside the
    /// scored sentences are left out.
    fn unit_mentions(&self, tickers: &Tickers) -> Vec<UnitMention> {
        let symbol = |m: &Mention| tickers.symbol(&m.key).to_string();
        let title = self.title_mentions.iter().map(|m| UnitMention {
            unit: Unit::Title,
            symbol: symbol(m),
            start: m.start,
            end: m.end,
        });
        let spans = &self.spans;
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
    /// each body mention in the sentence it starts in, as [`Tickers::summarize`] counts
    /// them (a mention outside the scored sentences is left out).
    pub fn unit_symbols(&self, tickers: &Tickers) -> BTreeMap<Unit, Vec<String>> {
        let spans = &self.spans;
        let title = self.title_mentions.iter().map(|m| (Unit::Title, m));
        let body = self.body_mentions.iter().filter_map(|m| {
            let i = sentence_at(spans, m.start, m.end)
                .unwrap_or_else(|| spans.partition_point(|s| s.end <= m.start));
            (i < spans.len()).then_some((Unit::Sentence(i), m))
        });
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

    /// The text of `unit` in `article`.
    pub fn text<'a>(&self, article: &'a Article, unit: Unit) -> &'a str {
        match unit {
            Unit::Title => article.title.as_deref().unwrap_or(""),
            Unit::Sentence(i) => self.spans[i].text(&article.body),
        }
    }

    /// The model inputs: each unit, then each target pass.
    pub fn inputs<'a>(&'a self, article: &'a Article) -> Vec<ModelInput<'a>> {
        let units = self
            .units
            .iter()
            .map(|&unit| ModelInput::from(self.text(article, unit)));
        let passes = self.passes.iter().map(|pass| {
            let text = self.text(article, pass.unit);
            let (start, end) = pass.mentions[0];
            ModelInput::toward(
                text,
                Target {
                    name: &text[start..end],
                    mentions: &pass.mentions,
                },
            )
        });
        units.chain(passes).collect()
    }

    /// Names the probabilities of [`ArticlePlan::inputs`], given in the same order.
    pub fn assign(&self, probs: &[Probs]) -> UnitScores {
        debug_assert_eq!(probs.len(), self.units.len() + self.passes.len());
        let (unit_probs, pass_probs) = probs.split_at(self.units.len().min(probs.len()));
        // plan_targets lays out each unit's passes in symbol order.
        let mut passes: BTreeMap<Unit, Vec<(String, Probs)>> = BTreeMap::new();
        for (pass, &p) in self.passes.iter().zip(pass_probs) {
            passes
                .entry(pass.unit)
                .or_default()
                .push((pass.symbol.clone(), p));
        }
        UnitScores {
            units: self
                .units
                .iter()
                .copied()
                .zip(unit_probs.iter().copied())
                .collect(),
            passes,
        }
    }
}
