//! Article analysis: what an article's text yields before scoring (its sentences, and its
//! companies as [`crate::companies`] finds them), the model inputs that follow from it, and
//! the probabilities taken back by name.

use std::collections::BTreeMap;

use crate::article::{Article, Probs, Unit, UnitScores};
use crate::companies::ArticleCompanies;
use crate::limits::Limits;
use crate::model::{ModelInput, Target};
use crate::split::{Span, split_sentences};
use crate::tickers::Tickers;

/// One article's plan: its scored units (the title, then each sentence) and its companies
/// (their mentions, target passes and roles).
#[derive(Debug, Default)]
pub struct ArticlePlan {
    /// The units the model scores, in input order.
    pub units: Vec<Unit>,
    pub spans: Vec<Span>,
    pub companies: ArticleCompanies,
    /// A cut to `--max-sentences`.
    pub warning: Option<String>,
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
            let cut = plan.warning.is_some();
            let text = |unit| plan.text(article, unit);
            let companies =
                ArticleCompanies::find(article, &plan.spans, cut, tickers, with_targets, text);
            plan.companies = companies;
        }
        plan
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
        let passes = self.companies.passes.iter().map(|pass| {
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
        debug_assert_eq!(probs.len(), self.units.len() + self.companies.passes.len());
        let (unit_probs, pass_probs) = probs.split_at(self.units.len().min(probs.len()));
        // plan_targets lays out each unit's passes in symbol order.
        let mut passes: BTreeMap<Unit, Vec<(String, Probs)>> = BTreeMap::new();
        for (pass, &p) in self.companies.passes.iter().zip(pass_probs) {
            passes
                .entry(pass.unit)
                .or_default()
                .push((pass.symbol.clone(), p));
        }
        let units = self
            .units
            .iter()
            .copied()
            .zip(unit_probs.iter().copied())
            .collect();
        UnitScores::new(units, passes)
    }
}
