//! Scoring rules: each distinct input of a chunk scored once, newswire figure lines read
//! by [`figures`] rather than the model, and a failed chunk scored again group by group so
//! that a text the model cannot take fails only its own record.

use std::collections::HashMap;

use crate::article::Probs;
use crate::error::Result;
use crate::figures;
use crate::model::{ModelInput, Scorer};

/// The probabilities of each group of model inputs (an article's, a line's), all groups
/// scored together in the caller's pool; a newswire figure line ("Net 3,244,000 vs
/// 2,584,000") takes its probabilities from [`figures::read`], not from the model. If that
/// fails, each group is scored alone, so a text the model cannot take fails only its own
/// record; scores do not depend on batch-mates, so the others come out as they would have.
pub fn score_groups(
    scorer: &Scorer,
    groups: &[Vec<ModelInput<'_>>],
    dedupe: bool,
) -> Vec<Result<Vec<Probs>>> {
    let score = |inputs: &[ModelInput<'_>]| {
        if dedupe {
            score_unique(scorer, inputs)
        } else {
            scorer.score(inputs)
        }
    };
    let all: Vec<ModelInput> = groups.iter().flatten().copied().collect();
    let scored: Vec<Result<Vec<Probs>>> = match score(&all) {
        Ok(probs) => {
            let mut rest = probs.as_slice();
            groups
                .iter()
                .map(|group| {
                    let (mine, tail) = rest.split_at(group.len());
                    rest = tail;
                    Ok(mine.to_vec())
                })
                .collect()
        }
        Err(_) => groups.iter().map(|group| score(group)).collect(),
    };
    scored
        .into_iter()
        .zip(groups)
        .map(|(probs, group)| {
            let mut probs = probs?;
            for (p, input) in probs.iter_mut().zip(group) {
                if let Some(m) = figures::read(input.text) {
                    *p = figures::probs(m);
                }
            }
            Ok(probs)
        })
        .collect()
}

/// Scores each distinct input of `inputs` once (bylines, disclaimers and other boilerplate
/// repeat within a chunk); an input is its text and its target. Scores do not depend on the
/// batch, so the result is the same as scoring every input.
fn score_unique(scorer: &Scorer, inputs: &[ModelInput<'_>]) -> Result<Vec<Probs>> {
    let mut first: HashMap<ModelInput, usize> = HashMap::with_capacity(inputs.len());
    let mut unique = Vec::new();
    let slots: Vec<usize> = inputs
        .iter()
        .map(|&t| {
            *first.entry(t).or_insert_with(|| {
                unique.push(t);
                unique.len() - 1
            })
        })
        .collect();
    let probs = scorer.score(&unique)?;
    Ok(slots.into_iter().map(|i| probs[i]).collect())
}
