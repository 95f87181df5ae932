//! What the model is asked: a text, or a text toward one target entity.

use super::config::TargetFormat;

/// One text for the model, optionally asked about one target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ModelInput<'a> {
    pub text: &'a str,
    pub target: Option<Target<'a>>,
}

/// The entity a text is scored toward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Target<'a> {
    /// The name the model is told (the mention as written, as in training).
    pub name: &'a str,
    /// Byte ranges `(start, end)` of the mentions in the text, in order and apart. When
    /// empty, every case-insensitive occurrence of `name` is marked.
    pub mentions: &'a [(usize, usize)],
}

impl<'a> From<&'a str> for ModelInput<'a> {
    fn from(text: &'a str) -> Self {
        Self { text, target: None }
    }
}

impl<'a> ModelInput<'a> {
    pub fn toward(text: &'a str, target: Target<'a>) -> Self {
        Self {
            text,
            target: Some(target),
        }
    }
}

impl Target<'_> {
    /// `text` with each mention between the format's markers.
    pub fn marked(&self, text: &str, format: &TargetFormat) -> String {
        let found;
        let mentions = if self.mentions.is_empty() {
            found = occurrences(text, self.name);
            found.as_slice()
        } else {
            self.mentions
        };
        let mut out = String::with_capacity(text.len() + mentions.len() * 6);
        let mut at = 0;
        for &(start, end) in mentions {
            let valid = start >= at
                && start < end
                && end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end);
            if !valid {
                continue;
            }
            out.push_str(&text[at..start]);
            out.push_str(&format.open);
            out.push_str(&text[start..end]);
            out.push_str(&format.close);
            at = end;
        }
        out.push_str(&text[at..]);
        out
    }
}

/// Byte ranges of the case-insensitive (Unicode simple case folding) occurrences of `name`.
fn occurrences(text: &str, name: &str) -> Vec<(usize, usize)> {
    if name.trim().is_empty() {
        return Vec::new();
    }
    regex::RegexBuilder::new(&regex::escape(name))
        .case_insensitive(true)
        .build()
        .map(|re| re.find_iter(text).map(|m| (m.start(), m.end())).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format() -> TargetFormat {
        TargetFormat {
            prefix: "{target} | ".into(),
            open: "<< ".into(),
            close: " >>".into(),
        }
    }

    #[test]
    fn given_mentions_are_marked_where_they_are() {
        let text = "Toyota rose while Nissan slumped; Nissan cut jobs";
        let target = Target {
            name: "Nissan",
            mentions: &[(18, 24)],
        };
        assert_eq!(
            target.marked(text, &format()),
            "Toyota rose while << Nissan >> slumped; Nissan cut jobs"
        );
    }

    #[test]
    fn without_mentions_every_occurrence_of_the_name_is_marked() {
        let target = Target {
            name: "nissan",
            mentions: &[],
        };
        assert_eq!(
            target.marked("Nissan fell; NISSAN later rose", &format()),
            "<< Nissan >> fell; << NISSAN >> later rose"
        );
    }

    #[test]
    fn ranges_out_of_order_or_inside_a_character_are_skipped() {
        let target = Target {
            name: "é",
            mentions: &[(1, 2), (0, 2), (0, 1)],
        };
        assert_eq!(target.marked("éa", &format()), "<< é >>a");
    }
}
