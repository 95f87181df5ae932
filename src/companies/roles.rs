//! Roles: a company named in a unit only as a quoted analyst or broker, a rating agency
//! rating someone, an adviser, or the source of a figure is neutral toward itself in that
//! unit, whatever the unit's tone: "Citi analyst Jane Doe said Ford's sales will slump" is
//! bad news for Ford, not for Citi.

use std::sync::LazyLock;

use regex::Regex;

/// Text just before a mention that makes it a role (lower case, matched at the end).
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: \b(?:analysts?|economists?|strategists?|researchers?)\s+(?:at|with|from|of)
          | \baccording\s+to(?:\s+(?:data|figures|estimates)\s+(?:from|by))?
          | \b(?:data|figures|estimates|research|a\s+survey|a\s+poll)\s+(?:from|by|compiled\s+by)
          | \b(?:advised|underwritten|arranged|led|managed|brokered|rated)\s+by
          | \b(?:advisers?|advisors?|bookrunners?|underwriters?)\s+(?:to\s+[^,;:]{1,40}\s+)?(?:were|was|are|is|include|including)
          | \bsaid\s+[A-Z]?[^,;:]{0,40},\s+(?:an?\s+)?(?:analyst|economist|strategist)\s+(?:at|with)
        )\s*(?:the\s+)?$",
    )
    .expect("valid regex")
});

/// Text just after a mention that makes it a role (lower case, matched at the start).
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        ^(?:'s|’s)?\s*
        (?: (?:senior\s+|chief\s+|equity\s+|credit\s+)?(?:analysts?|economists?|strategists?)\b
          | research\b
          | (?:said|says|wrote|noted)\s+in\s+a\s+(?:research\s+|client\s+)?(?:note|report)
          | (?:data|figures|estimates)\s+(?:show|showed|shows|indicate|indicated)
          | (?:raises?|raised|cuts?|lifts?|lifted|lowers?|lowered|trims?|trimmed)\s+(?:its\s+|the\s+)?(?:price\s+)?target
          | (?:retains?|maintains?|keeps?)\s+(?:an?\s+|its\s+)?(?:'?(?:buy|sell|hold|neutral|overweight|underweight|outperform)'?)
          | (?:,\s*which|,\s*who)\s+(?:advised|advises|is\s+advising|was\s+advising)
          | (?:is|was|are|were)\s+(?:advising|acting\s+as\s+(?:an?\s+|the\s+)?(?:financial\s+|legal\s+)?advis)
        )",
    )
    .expect("valid regex")
});

/// A broker's act on another company's rating after a mention: "Credit Suisse downgrades
/// Infosys", not "Goldman Sachs upgrades its outlook" (the word after the verb is kept).
static RATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:'s|’s)?\s*(?:upgrades?|upgraded|downgrades?|downgraded|initiates?|initiated|reiterates?|reiterated)\s+(\w+)",
    )
    .expect("valid regex")
});

/// A headline's source after a colon at its end: "Financials look exciting: Goldman Sachs",
/// "Do not buy Havells: Mehraboon Irani, Nirmal Bang Securities".
static SOURCE_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[:|]|\bsays)\s*(?:[A-Z][\w.'-]*\s+){0,3}(?:[A-Z][\w.'-]*\s*,\s*)?$")
        .expect("valid regex")
});

/// Bytes of context read either side of a mention: more than any role pattern spans, so a
/// sentence with thousands of mentions costs time linear in its length.
const CONTEXT: usize = 200;

/// Whether the company whose mentions in `text` are `spans` (byte offsets, in order) plays
/// only a role there: each of its mentions sits in a role's context.
pub fn only_a_role(text: &str, spans: &[(usize, usize)]) -> bool {
    !spans.is_empty()
        && spans.iter().all(|&(start, end)| {
            let before = &text[text.ceil_char_boundary(start.saturating_sub(CONTEXT))..start];
            let after = &text[end..text.floor_char_boundary(end + CONTEXT)];
            let at_end = text[end..]
                .chars()
                .all(|c| c.is_ascii_punctuation() || c.is_whitespace());
            let after = after.to_lowercase();
            let rates = RATES
                .captures(&after)
                .is_some_and(|c| !matches!(&c[1], "its" | "their" | "own"));
            BEFORE.is_match(&before.to_lowercase())
                || AFTER.is_match(&after)
                || rates
                || (at_end && start > 0 && SOURCE_AT_END.is_match(before))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(text: &str, company: &str) -> bool {
        only_a_role(text, &crate::companies::tests::spans_of(text, company))
    }

    #[test]
    fn analysts_brokers_sources_and_advisers_play_roles() {
        let cases = [
            ("Citi analyst Jane Doe said Ford's sales will slump", "Citi"),
            (
                "Ford's sales will slump, said analysts at Citigroup",
                "Citigroup",
            ),
            (
                "Sales fell 4%, according to Thomson Reuters data",
                "Thomson Reuters",
            ),
            (
                "Credit Suisse downgrades Infosys to neutral",
                "Credit Suisse",
            ),
            ("CLSA cuts target price for RIL to Rs 1,150", "CLSA"),
            (
                "Financials, infra look exciting: Goldman Sachs",
                "Goldman Sachs",
            ),
            (
                "Do not buy Havells here: Mehraboon Irani, Nirmal Bang",
                "Nirmal Bang",
            ),
            ("The deal was advised by Lazard and Evercore", "Lazard"),
            (
                "Morgan Stanley said in a note that Tesla looks expensive",
                "Morgan Stanley",
            ),
            ("UBS economists expect rates to rise", "UBS"),
        ];
        for (text, company) in cases {
            assert!(role(text, company), "{company} in {text}");
        }
    }

    #[test]
    fn a_company_that_is_the_news_plays_no_role() {
        let cases = [
            (
                "Ford's sales will slump, said analysts at Citigroup",
                "Ford",
            ),
            ("Credit Suisse downgrades Infosys to neutral", "Infosys"),
            ("Credit Suisse reports a record loss", "Credit Suisse"),
            (
                "Goldman Sachs upgrades its outlook for the year",
                "Goldman Sachs",
            ),
            ("Goldman Sachs profit falls 20%", "Goldman Sachs"),
            ("Infosys shares fall: report", "Infosys"),
        ];
        for (text, company) in cases {
            assert!(!role(text, company), "{company} in {text}");
        }
    }

    #[test]
    fn context_is_cut_on_character_boundaries() {
        // The 200-byte windows fall inside 2-, 3- and 4-byte characters around the mention.
        for filler in ["é", "日", "𝄞"] {
            for pad in 0..4 {
                let side = format!("{}{}", "x".repeat(pad), filler.repeat(120));
                let text = format!("{side} analysts at Citigroup {side}");
                assert!(role(&text, "Citigroup"), "{filler} {pad}");
                let text = format!("{side} Citigroup {side}");
                assert!(!role(&text, "Citigroup"), "{filler} {pad}");
            }
        }
    }

    #[test]
    fn every_mention_must_be_a_role() {
        let text = "Citigroup lost $2 billion, said analysts at Citigroup";
        let spans = [(0, 9), (44, 53)];
        assert!(!only_a_role(text, &spans));
        assert!(only_a_role(text, &spans[1..]));
    }
}
