//! Plain-text articles: the first non-blank line is the title, the rest is the body.

/// Returns (title, body).
pub fn extract(text: &str) -> (Option<String>, String) {
    let text = text.trim();
    match text.split_once('\n') {
        Some((first, rest)) => (Some(first.trim().to_string()), rest.trim().to_string()),
        None => (None, text.trim().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_title() {
        let (title, body) = extract("\n\nToyota lifts outlook\n\nThe carmaker said profit rose.\n");
        assert_eq!(title.as_deref(), Some("Toyota lifts outlook"));
        assert_eq!(body, "The carmaker said profit rose.");
    }

    #[test]
    fn single_line_is_body() {
        let (title, body) = extract("Shares rose 3%.\n");
        assert_eq!(title, None);
        assert_eq!(body, "Shares rose 3%.");
    }
}
