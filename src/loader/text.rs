//! Plain-text articles: the first line of the story is the title, the rest is the body.
//!
//! Text saved from a news page (a browser's "save as text", or copy-all) carries the page
//! around the story: a section label above the headline, the byline and read time, "Listen
//! to this article", figure captions, "More in Business", feedback prompts, share and
//! sign-up links, cookie and footer lines. Such lines are left out ([`chrome`]), so the
//! title is the headline and none of them is scored; a line the site repeats in many
//! articles of a directory (an AI-use footer) is left out too ([`super::boilerplate`]).
//! A line that carries a figure or a company name is left out only when a furniture
//! pattern matches it outright.

mod chrome;

pub use chrome::carries_figure_or_company;

/// A plain-text article as read.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TextArticle {
    pub title: Option<String>,
    pub body: String,
    /// Lines left out as page furniture.
    pub left_out: usize,
}

/// Reads a text article; `repeated` says whether a line is one the site repeats across the
/// articles of its directory.
pub fn extract(text: &str, repeated: &dyn Fn(&str) -> bool) -> TextArticle {
    let mut left_out = 0;
    let mut kept: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            kept.push("");
        } else if chrome::is_chrome(line) || (repeated(line) && !carries_figure_or_company(line)) {
            left_out += 1;
            // A dropped line parted what was above it from what is below.
            kept.push("");
        } else {
            kept.push(line);
        }
    }
    // Text with nothing left out is read exactly as before the filter existed.
    let (title, body) = if left_out == 0 {
        first_line_title(text)
    } else {
        let (title, body) = first_line_title(&kept.join("\n"));
        (title, tidy(&body))
    };
    TextArticle {
        title,
        body,
        left_out,
    }
}

/// The first non-blank line as the title and the rest as the body; a single line is body.
pub fn first_line_title(text: &str) -> (Option<String>, String) {
    let text = text.trim();
    match text.split_once('\n') {
        Some((first, rest)) => (Some(first.trim().to_string()), rest.trim().to_string()),
        None => (None, text.trim().to_string()),
    }
}

/// `text` trimmed, with runs of blank lines made one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.trim().lines() {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> TextArticle {
        extract(text, &|_| false)
    }

    #[test]
    fn first_line_is_title() {
        let article = read("\n\nToyota lifts outlook\n\nThe carmaker said profit rose.\n");
        assert_eq!(article.title.as_deref(), Some("Toyota lifts outlook"));
        assert_eq!(article.body, "The carmaker said profit rose.");
        assert_eq!(article.left_out, 0);
    }

    #[test]
    fn single_line_is_body() {
        let article = read("Shares rose 3%.\n");
        assert_eq!(article.title, None);
        assert_eq!(article.body, "Shares rose 3%.");
    }

    #[test]
    fn a_saved_page_gives_the_headline_and_the_story_only() {
        let page = "Business\n\nNorthwind Traders lifts annual forecast as orders surge\n\
                    Sarah Chen··2 min read\nListen to this article0:00 min\n\
                    AI-generated illustration\n\
                    Northwind Traders Inc. raised its full-year revenue forecast by 8% on Tuesday.\n\
                    Data visualization chart\n\
                    Orders from European retailers doubled, the company said.\n\
                    More in Business\nDid this article answer your question?\nDiscussion\n";
        let article = read(page);
        assert_eq!(
            article.title.as_deref(),
            Some("Northwind Traders lifts annual forecast as orders surge")
        );
        assert_eq!(
            article.body,
            "Northwind Traders Inc. raised its full-year revenue forecast by 8% on Tuesday.\n\n\
             Orders from European retailers doubled, the company said."
        );
        assert_eq!(article.left_out, 8);
    }

    #[test]
    fn repeated_lines_go_unless_they_carry_a_figure_or_a_company() {
        let footer = "Our newsroom reviews every story before it runs.";
        let figure = "Shares closed 2% higher.";
        let text = format!("Headline here\n{footer}\nThe story.\n{figure}\n");
        let article = extract(&text, &|line| line == footer || line == figure);
        assert_eq!(article.body, "The story.\nShares closed 2% higher.");
        assert_eq!(article.left_out, 1);
    }

    #[test]
    fn tidy_collapses_blank_runs() {
        assert_eq!(tidy("\n a\n\n\n\nb\nc\n"), "a\n\nb\nc");
    }
}
