//! The output row of one company mention: `finsent tickers` writes an article's mentions
//! in its object, Python's `tickers` one row per mention. One type for both, so the
//! command and the package carry the same fields.

use serde::Serialize;

use super::Part;
use crate::split::{Span, char_offsets};
use crate::tickers::{MentionForm, Tickers};

/// One company mention: the listing it names (as of the text's date), where it is, and how
/// it was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionRecord<'a> {
    pub symbol: String,
    pub exchange: Option<String>,
    pub name: Option<String>,
    /// The last day of a listing that has ended; absent (null in a table) for a listing of
    /// today.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delisted: Option<String>,
    /// The title or the body.
    pub part: Part,
    /// The mention as written.
    pub text: &'a str,
    /// Character (Unicode scalar) offsets into the title or the body.
    pub start: usize,
    pub end: usize,
    pub form: MentionForm,
}

/// The company mentions in `text`, the `part` of an article split into `sentences`, in
/// text order; `published_at` picks the listings of that day.
pub fn mention_records<'a>(
    tickers: &Tickers,
    part: Part,
    text: &'a str,
    sentences: &[Span],
    published_at: Option<&str>,
) -> Vec<MentionRecord<'a>> {
    let mentions = tickers.find_at(text, sentences, published_at);
    let spans: Vec<Span> = mentions
        .iter()
        .map(|m| Span {
            start: m.start,
            end: m.end,
        })
        .collect();
    mentions
        .iter()
        .zip(char_offsets(text, &spans))
        .map(|(m, (start, end))| {
            let listing = tickers.listing(&m.key);
            MentionRecord {
                symbol: listing.symbol,
                exchange: listing.exchange,
                name: listing.name,
                delisted: listing.delisted,
                part,
                text: &text[m.start..m.end],
                start,
                end,
                form: m.form,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split::split_sentences;
    use crate::writer::mention_fields;

    #[test]
    fn a_mention_record_has_the_fields_of_the_mention_table_in_order() {
        let record = MentionRecord {
            symbol: "LEH".into(),
            exchange: Some("NYSE".into()),
            name: Some("Lehman Brothers".into()),
            delisted: Some("2008-09-17".into()),
            part: Part::Body,
            text: "Lehman",
            start: 0,
            end: 6,
            form: MentionForm::Name,
        };
        let value = serde_json::to_value(&record).expect("serializes");
        let keys: Vec<&str> = value
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let fields = mention_fields();
        let names: Vec<&str> = fields.iter().map(|f| f.name().as_str()).collect();
        assert_eq!(keys, names);
    }

    #[test]
    fn mention_records_give_character_offsets_and_the_part() {
        let gazetteer = r#"{"symbol":"7203.T","exchange":"TSE","name":"Toyota Motor","aliases":["Toyota","Toyota Motor"],"ambiguous":[],"codes":["TSE:7203"]}"#;
        let tickers = Tickers::parse(gazetteer, "test").expect("valid gazetteer");
        let text = "Ünïcode first. Toyota (TSE: 7203) rose.";
        let found = mention_records(&tickers, Part::Title, text, &split_sentences(text), None);
        assert!(!found.is_empty(), "Toyota is found");
        for m in &found {
            assert_eq!(m.symbol, "7203.T");
            assert_eq!(m.part, Part::Title);
            let by_chars: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(by_chars, m.text, "offsets count characters, not bytes");
        }
        assert_eq!(found[0].text, "Toyota");
        assert_eq!(found[0].start, 15);
    }
}
