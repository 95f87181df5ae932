//! Page furniture: the parts of a page around an article that are not the article
//! (share bars, captions and photo credits, bylines, related links, comments, cookie
//! banners, market widgets, ...). Elements are recognised by tag, role and class or id
//! words; paragraphs that survive by what they say.

use std::sync::LazyLock;

use dom_query::NodeRef;
use regex::Regex;

/// Elements whose text is never article text.
const TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "button",
    "select",
    "svg",
    "iframe",
    "object",
    "head",
    "menu",
    "dialog",
    "figure",
    "figcaption",
    "address",
    "input",
    "textarea",
    "label",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
];

/// ARIA roles of page parts around an article.
const ROLES: &[&str] = &[
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
    "search",
    "alert",
    "tooltip",
];

/// Words in a class or id that mark furniture. A class or id is cut into words at every
/// character that is not a letter or digit, so `share-bar` and `article__byline` match
/// but `shareholder` and `candidate` are not read as `share` or `date`.
const WORDS: &[&str] = &[
    // sharing and following
    "share",
    "shares",
    "sharing",
    "sharebar",
    "sharetools",
    "social",
    "socials",
    "follow",
    "print",
    "email",
    // captions, credits, galleries
    "caption",
    "captions",
    "credit",
    "credits",
    "gallery",
    "slideshow",
    "carousel",
    "lightbox",
    // bylines and dates
    "byline",
    "bylines",
    "author",
    "authors",
    "dateline",
    "timestamp",
    "date",
    "published",
    "updated",
    "bio",
    "meta",
    "kicker",
    // related, recommended, promoted
    "related",
    "recommended",
    "recommendations",
    "recirc",
    "promo",
    "promos",
    "teaser",
    "teasers",
    "trending",
    "popular",
    "mostread",
    "readmore",
    "outbrain",
    "taboola",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "sponsor",
    "sponsored",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "dfp",
    // comments
    "comment",
    "comments",
    "commentlist",
    "disqus",
    "replies",
    "discussion",
    // cookie and consent banners, pop-ups
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "banner",
    "popup",
    "modal",
    "overlay",
    "toast",
    // navigation and page chrome
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "header",
    "footer",
    "sidebar",
    "masthead",
    "toolbar",
    "pagination",
    "pager",
    "tags",
    "topics",
    "keywords",
    "disclaimer",
    "copyright",
    "legal",
    // market data and other widgets
    "widget",
    "widgets",
    "ticker",
    "tickers",
    "quotes",
    "marketdata",
    "markets-data",
    "stockquote",
    // hidden text
    "hidden",
    "hide",
    "invisible",
    "sronly",
    "offscreen",
    "visuallyhidden",
    "sr",
];

/// Class and id words that mark reader comments and consent banners: such an element is
/// furniture whatever its size.
const ALWAYS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "disqus",
    "replies",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
];

/// How an element is furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// Not furniture.
    No,
    /// Furniture by tag, role, hidden state or a comment or consent word.
    Always,
    /// Furniture by a class or id word; a wrapper that holds most of the article text is
    /// not furniture though (`field-label-hidden`, `elementor-widget`, `pagination-first`
    /// name a page builder's wrappers).
    ByName,
}

/// Whether `node` (an element) is page furniture by its tag, role or attributes.
pub fn furniture_element(node: &NodeRef, name: &str) -> Furniture {
    let always = TAGS.contains(&name)
        || node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || node
            .attr("role")
            .is_some_and(|r| ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
        || node.attr("style").is_some_and(|s| hidden_style(&s));
    if always {
        return Furniture::Always;
    }
    if matches!(name, "article" | "li" | "section") && is_teaser(node) {
        return Furniture::Always;
    }
    // Forms hold search boxes and sign-up fields, but some sites wrap the whole page in one.
    if name == "form" {
        return Furniture::ByName;
    }
    let names = [node.attr("class"), node.attr("id"), node.attr("itemprop")];
    let mut furniture = Furniture::No;
    for value in names.iter().flatten() {
        match furniture_word(value) {
            Some(word) if ALWAYS.contains(&word.as_str()) => return Furniture::Always,
            Some(_) => furniture = Furniture::ByName,
            None => {}
        }
    }
    furniture
}

/// Words up to which a block with a linked heading is a teaser card.
const TEASER_WORDS: usize = 60;

/// A teaser card: a short block whose heading is a link to another page (a story's own
/// headline never links away).
fn is_teaser(node: &NodeRef) -> bool {
    let Some(heading) = node.descendants_it().find(|n| {
        n.node_name()
            .is_some_and(|t| matches!(t.as_ref(), "h1" | "h2" | "h3" | "h4"))
    }) else {
        return false;
    };
    is_link_only(&heading) && node.text().split_whitespace().count() <= TEASER_WORDS
}

/// Whether all the text of `node` is inside links.
pub fn is_link_only(node: &NodeRef) -> bool {
    let all = node.text();
    let linked: usize = node
        .descendants_it()
        .filter(|n| n.node_name().is_some_and(|t| t.as_ref() == "a"))
        .map(|a| a.text().trim().len())
        .sum();
    !all.trim().is_empty() && linked >= all.trim().len()
}

/// Text outside links from which an element named like furniture may be the story.
const PROSE_CHARS: usize = 500;

/// Whether an element named like furniture holds enough text outside links to be the
/// story, as a page builder's wrapper around it does (`elementor-widget`,
/// `field-label-hidden`, `nav--plain-header`).
pub fn holds_prose(node: &NodeRef) -> bool {
    let linked: usize = node
        .descendants_it()
        .filter(|n| n.node_name().is_some_and(|t| t.as_ref() == "a"))
        .map(|a| a.text().len())
        .sum();
    node.text().len().saturating_sub(linked) >= PROSE_CHARS
}

fn hidden_style(style: &str) -> bool {
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// The first furniture word of a class or id value.
fn furniture_word(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|word| WORDS.contains(word))
        .map(str::to_string)
}

/// Short paragraphs that are furniture by what they say: share prompts, photo credits,
/// bylines, datelines, "related" and "read more" links, cookie notices.
static FURNITURE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            share\s*(?:this|on|via|to|the\ (?:story|article)|article|story|:|$) | tweet\s*(?:this|$)
          | e-?mail\ this | print\ this | follow\ (?:us|@) | copy\ link
          | (?:facebook|twitter|linkedin|google\+|whatsapp|pinterest|reddit|e-?mail|print|x|share|messenger|flipboard|telegram)
            (?:[\s,|/·•]+(?:facebook|twitter|linkedin|google\+|whatsapp|pinterest|reddit|e-?mail|print|x|share|messenger|flipboard|telegram))*\s*$
          | photo(?:graph|grapher)?s?\s*(?::|by\b|credit) | images?\s*(?::|credit|by\b|\d+\s+of\b) | pictures?\s*:
          | credits?\s*: | \(\s*(?:photo|image|picture|credit)s?\b | source\s*:\s*getty
          | caption\s*$ | close\s*$ | enlarge\b | expand\s*$ | view\ (?:gallery|comments|image)
          | (?-i:[Bb]y\ \p{Lu}[\p{L}.'-]*(?:\s+(?:and\s+|&\s+|de\s+|van\s+|von\s+|der\s+|la\s+)?\p{Lu}[\p{L}.'-]*)+)\s*(?:[,|/-].{0,60})?$
          | (?:published|updated|posted|last\ updated|first\ published)\b.*\d
          | related\s*(?::|articles?|stories|coverage|content|news|links|reading|topics|videos?|$)
          | see\ (?:also|more)\b | read\ (?:more|next|also)\b | more\ (?:from|on|stories|news)\b
          | you\ (?:may|might)\ (?:also\ )?like | don'?t\ miss | most\ (?:popular|read|viewed)\b
          | (?:recommended|trending)(?:\s+(?:for\ you|stories|articles|videos|now))?\s*:?\s*$
          | continue\ reading | click\ here | advertisement\s*$
          | sign\ up\b | subscribe\b | join\ (?:the\ )?(?:conversation|discussion)
          | (?:show|view|hide|read)\ (?:all\ )?comments | (?:\d+\s+)?comments?\s*(?:\(\d+\)|:)?\s*$ | leave\ a\ (?:comment|reply)
          | we\ use\ cookies | this\ (?:site|website)\ uses\ cookies | (?:accept|manage|reject)\ (?:all\ )?cookies
          | (?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))
        )",
    )
    .expect("valid pattern")
});

/// Credits and notices anywhere in a short paragraph: `(AP Photo/...)`, `.../Getty
/// Images`, `(Image: GETTY)`, `All rights reserved`, investment disclaimers, quote-data
/// notices, newsletter and follow prompts.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?:
            /\s*getty\s*images | getty\s*images\s*\)?\s*$ | \(photo\s+by\b | \bap\s+photo\b | \(image:
          | \bphotographer: | \bcredit:\s | /\s*(?:reuters|afp|ap|bloomberg|epa|shutterstock)\s*\)?\s*$
          | all\ rights\ reserved | for\ informational\ purposes\ only
          | (?:not|never)\ (?:constitute|be\ construed\ as)\ (?:investment|financial)\ advice
          | quotes?\ (?:are\ )?delayed | (?:market\ )?data\ (?:provided|powered)\ by
          | delivered\ (?:straight\ )?to\ your\ inbox | follow\ (?:us|him|her|them|me)\ on\b
        )",
    )
    .expect("valid pattern")
});

/// Paragraphs of up to this many words are checked against the furniture patterns;
/// longer ones are prose.
const SHORT: usize = 25;

/// Whether a paragraph of the main content is furniture by its text. `link_share` is the
/// part of its characters inside links.
pub fn is_furniture_text(text: &str, link_share: f64, in_table: bool) -> bool {
    let words = text.split_whitespace().count();
    if words == 0 {
        return true;
    }
    // Lists of links (related stories, tags, menus) that slipped past the element rules.
    if link_share > 0.6 {
        return true;
    }
    if words > SHORT {
        return false;
    }
    FURNITURE_TEXT.is_match(text.trim()) || CREDIT.is_match(text) || is_data_line(text, in_table)
}

/// Names of market indices, as quote widgets print them.
static INDEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:nasdaq|dow\s+jones|dow|s&p\s*500|ftse\s*100|nikkei|topix|dax|stoxx|cac\s*40|hang\s+seng|kospi|russell\s*2000|sensex|nifty)\b",
    )
    .expect("valid pattern")
});

/// A line of a quote widget: mostly figures (`18,342.15 +0.84% -12.30`), or a market
/// index with its level (`NASDAQ Composite 18,342.15 +0.84%`), and no sentence.
/// Figures in tables are data of the article, unless they quote an index.
fn is_data_line(text: &str, in_table: bool) -> bool {
    let text = text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 12 || text.ends_with(['.', '!', '?', '"', '\u{201d}']) {
        return false;
    }
    let figures = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()) && !w.chars().any(char::is_alphabetic))
        .count();
    let mostly_figures = figures >= 2 && figures * 3 >= words.len();
    (mostly_figures && !in_table) || (figures >= 1 && INDEX.is_match(text) && words.len() <= 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_are_recognised() {
        for line in [
            "Share on Facebook",
            "Facebook Twitter Google+ Email",
            "Google+",
            "Share this article",
            "Boeing 737 jets at the factory. Photographer: David Ryder/Getty Images",
            "(Photo by Jason Redmond/AFP via Getty Images)",
            "The protests began in June (Image: GETTY )",
            "A trader works on the floor. (AP Photo/Richard Drew)",
            "Credit: Reuters",
            "By Paul Takahashi",
            "By Jill Disis, CNN Business",
            "Updated 5:27 am CST, Wednesday, November 20, 2019",
            "Related: Costco beats estimates",
            "Read more: Costco beats quarterly estimates",
            "You may also like...",
            "24 Comments",
            "We use cookies to measure how you use this site.",
            "© 2026 Example Media. All rights reserved.",
            "NASDAQ Composite 18,342.15 +0.84%",
            "Dow Jones Industrial Average 39,112.16 -0.12%",
            "18,342.15 +0.84% +152.30",
            "Advertisement",
            "Quotes delayed at least 15 minutes. Market data provided by a vendor.",
            "This article is for informational purposes only.",
            "Email Tariq at the desk or follow him on Twitter.",
        ] {
            assert!(is_furniture_text(line, 0.0, false), "{line}");
        }
    }

    #[test]
    fn prose_is_kept() {
        for line in [
            "Share prices fell 3% on Monday.",
            "Shares of Getty Images rose 5% after the deal was announced.",
            "By March, sales had doubled.",
            "By contrast, Ford kept its forecast.",
            "Related party transactions rose in the year.",
            "Comments from the chief executive lifted the shares.",
            "Sales rose 5% to $3.2 billion.",
            "The Nasdaq Composite rose 0.8% to a record on Tuesday.",
            "Copyright lawsuits weigh on the publisher.",
            "Updated guidance calls for growth.",
        ] {
            assert!(!is_furniture_text(line, 0.0, false), "{line}");
        }
    }

    #[test]
    fn links_and_tables() {
        assert!(is_furniture_text(
            "Amazon cuts grocery delivery fees",
            1.0,
            false
        ));
        assert!(!is_furniture_text(
            "Amazon cuts grocery delivery fees",
            0.2,
            false
        ));
        // A row of a data table in the story is kept; a quoted index is not.
        assert!(!is_furniture_text("1 Kyle Busch 5040 5 1 17 27", 0.0, true));
        assert!(is_furniture_text(
            "NASDAQ Composite 18,342.15 +0.84%",
            0.0,
            true
        ));
    }

    #[test]
    fn class_words_are_whole_words() {
        for (class, expected) in [
            ("share-bar", true),
            ("article__byline", true),
            ("shareholder-letter", false),
            ("candidate-list", false),
            ("comments", true),
            ("commentary", false),
        ] {
            assert_eq!(furniture_word(class).is_some(), expected, "{class}");
        }
    }
}
