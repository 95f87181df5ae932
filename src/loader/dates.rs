//! Publication dates as archives spell them, normalised to one form: RFC 3339 in UTC
//! (`2026-02-12T07:10:00Z`), which every output format stores as a timestamp.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};

/// Layouts without an offset, read as UTC.
const NAIVE_LAYOUTS: [&str; 4] = [
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
];

/// Layouts with a numeric offset that RFC 3339 does not accept (`+0900`, no colon).
const OFFSET_LAYOUTS: [&str; 2] = ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z"];

/// The date in RFC 3339 UTC, or `None` when it is in no layout finsent reads:
/// RFC 3339 / ISO 8601 with or without an offset (without one it is UTC), a plain date
/// (midnight UTC), RFC 2822 (`Thu, 12 Feb 2026 07:10:00 +0000`, as in RSS), or Unix time
/// in seconds (10 digits) or milliseconds (13 digits).
pub fn normalize(raw: &str) -> Option<String> {
    parse(raw.trim()).map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

fn parse(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.to_utc());
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(text) {
        return Some(t.to_utc());
    }
    if let Some(t) = OFFSET_LAYOUTS
        .iter()
        .find_map(|layout| DateTime::parse_from_str(text, layout).ok())
    {
        return Some(t.to_utc());
    }
    if let Some(t) = NAIVE_LAYOUTS
        .iter()
        .find_map(|layout| NaiveDateTime::parse_from_str(text, layout).ok())
    {
        return Some(t.and_utc());
    }
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = text.parse().ok()?;
        return match text.len() {
            10 => DateTime::from_timestamp(n, 0),
            13 => DateTime::from_timestamp_millis(n),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn reads_the_common_layouts() {
        let cases = [
            ("2026-02-12T07:10:00Z", "2026-02-12T07:10:00Z"),
            ("2026-02-12T16:10:00+09:00", "2026-02-12T07:10:00Z"),
            ("2026-02-12T16:10:00+0900", "2026-02-12T07:10:00Z"),
            ("2026-02-12T07:10:00.250Z", "2026-02-12T07:10:00.250Z"),
            ("2026-02-12 07:10:00", "2026-02-12T07:10:00Z"),
            ("2026-02-12T07:10", "2026-02-12T07:10:00Z"),
            ("2026-02-12", "2026-02-12T00:00:00Z"),
            ("Thu, 12 Feb 2026 07:10:00 +0000", "2026-02-12T07:10:00Z"),
            ("1770880200", "2026-02-12T07:10:00Z"),
            ("1770880200000", "2026-02-12T07:10:00Z"),
            (" 2026-02-12 ", "2026-02-12T00:00:00Z"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize(raw).as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        for raw in [
            "yesterday",
            "12/02/2026",
            "2026-13-01",
            "2026-02-30",
            "12345",
            "",
        ] {
            assert_eq!(normalize(raw), None, "{raw}");
        }
    }
}
