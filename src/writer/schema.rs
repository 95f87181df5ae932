//! The output schema as Arrow types: one definition that the Parquet writer stores and the
//! CSV writer flattens, so the three formats carry the same fields with the same names.
//! JSON Lines writes the records themselves; a test checks they match this schema.

use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, Schema, TimeUnit};

use crate::loader::Kept;

fn text(name: &str) -> Field {
    Field::new(name, DataType::Utf8, true)
}

fn int(name: &str) -> Field {
    Field::new(name, DataType::Int64, true)
}

fn float(name: &str) -> Field {
    Field::new(name, DataType::Float64, true)
}

fn strct(name: &str, fields: Vec<Field>) -> Field {
    Field::new(name, DataType::Struct(Fields::from(fields)), true)
}

fn list(name: &str, item: DataType) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new("item", item, true))),
        true,
    )
}

fn text_list(name: &str) -> Field {
    list(name, DataType::Utf8)
}

fn struct_list(name: &str, fields: Vec<Field>) -> Field {
    list(name, DataType::Struct(Fields::from(fields)))
}

fn probs() -> Field {
    strct(
        "probs",
        vec![float("negative"), float("neutral"), float("positive")],
    )
}

/// The fields that say which unit a sentence is, where it is and its score: the first
/// fields of `sentence_scores` and of the evidence sentences.
fn unit_fields() -> Vec<Field> {
    vec![
        int("index"),
        text("part"),
        text("text"),
        int("start"),
        int("end"),
        float("score"),
    ]
}

fn evidence_sentence(name: &str) -> Field {
    let mut fields = unit_fields();
    fields.push(text_list("symbols"));
    strct(name, fields)
}

fn published_at() -> Field {
    Field::new(
        "published_at",
        DataType::Timestamp(TimeUnit::Microsecond, Some("+00:00".into())),
        true,
    )
}

/// The fields of a scored unit (`sentence_scores`, a row of the sentences table).
fn sentence_fields() -> Vec<Field> {
    let mut fields = unit_fields();
    fields.extend([
        text("label"),
        probs(),
        text_list("symbols"),
        struct_list(
            "targets",
            vec![text("symbol"), float("score"), text("label"), probs()],
        ),
    ]);
    fields
}

/// The fields of every output record, in order. Error records fill `id`, `source` and
/// `error` and leave the rest null; scored articles leave `error` null.
/// `sentence_scores` is present only with `--sentences`; the `kept` input fields
/// (`--keep`, text) come last.
pub fn record_schema(with_sentences: bool, kept: &[String]) -> Schema {
    let mut fields = vec![
        Field::new("id", DataType::Utf8, false),
        text("title"),
        text("label"),
        float("score"),
        float("confidence"),
        strct(
            "sentences",
            vec![
                int("total"),
                int("positive"),
                int("neutral"),
                int("negative"),
            ],
        ),
        strct(
            "evidence",
            vec![
                evidence_sentence("most_positive"),
                evidence_sentence("most_negative"),
            ],
        ),
        struct_list(
            "tickers",
            vec![
                text("symbol"),
                text("exchange"),
                text("name"),
                int("mentions"),
                float("relevance"),
                float("score"),
                text("label"),
                text_list("other_listings"),
                text("delisted"),
            ],
        ),
        strct("model", vec![text("name"), text("version")]),
        published_at(),
        text("outlet"),
        text("url"),
        text("story"),
        text("novelty"),
        text("story_first"),
        strct("source", vec![text("path"), int("line")]),
        text_list("warnings"),
    ];
    if with_sentences {
        fields.push(struct_list("sentence_scores", sentence_fields()));
    }
    fields.push(strct("error", vec![text("kind"), text("message")]));
    fields.extend(kept.iter().map(|name| text(name)));
    Schema::new(fields)
}

/// The fields of a sentences table's rows (`--sentences-table`): the article's id, the
/// unit as `sentence_scores` has it, the article's publication time.
pub fn sentence_table_schema() -> Schema {
    let mut fields = vec![Field::new("id", DataType::Utf8, false)];
    fields.extend(sentence_fields());
    fields.push(published_at());
    Schema::new(fields)
}

/// What a kept input field is called when the output has a field of its own name.
pub const KEPT_PREFIX: &str = "input_";

/// The output columns of the input fields to keep, each named once: a field's own name, or
/// [`KEPT_PREFIX`] and its name when the output has a field of that name (`id` is kept as
/// `input_id`). Refused, with the reason, when that name is taken too.
pub fn kept_columns(fields: &[String], with_sentences: bool) -> Result<Vec<Kept>, String> {
    let schema = record_schema(with_sentences, &[]);
    let own: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
    let mut taken = own.clone();
    let mut out: Vec<Kept> = Vec::new();
    for field in fields {
        if field.is_empty() {
            return Err("an empty field name".into());
        }
        if out.iter().any(|k| &k.field == field) {
            continue;
        }
        let column = if own.contains(field) {
            format!("{KEPT_PREFIX}{field}")
        } else {
            field.clone()
        };
        if taken.contains(&column) {
            return Err(format!(
                "{field:?} would be {column:?}, which the output has already"
            ));
        }
        taken.push(column.clone());
        out.push(Kept {
            field: field.clone(),
            column,
        });
    }
    Ok(out)
}

/// The fields of `classify`'s rows: the text, its target, its scores, or why it has none.
/// `source` (the file and line a text was read from) is there for the command's CSV and
/// Parquet output, which leave out the input objects' other fields.
pub fn classify_schema(with_source: bool) -> Schema {
    let mut fields = vec![
        text("text"),
        text("target"),
        text("label"),
        float("score"),
        probs(),
    ];
    if with_source {
        fields.push(strct("source", vec![text("path"), int("line")]));
    }
    fields.push(strct("error", vec![text("kind"), text("message")]));
    Schema::new(fields)
}

/// The fields of a company mention ([`super::MentionRecord`]), for a table with one row
/// per mention (Python's `tickers`).
pub fn mention_fields() -> Vec<Field> {
    vec![
        text("symbol"),
        text("exchange"),
        text("name"),
        text("delisted"),
        text("part"),
        text("text"),
        int("start"),
        int("end"),
        text("form"),
    ]
}
