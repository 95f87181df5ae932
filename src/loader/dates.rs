//! Publication dates as archives spell them, normalised to one form: RFC 3339 in UTC
//! (`2026-02-12T07:10:00Z`), which every output format stores as a timestamp.

use chrono::format::{Item, StrftimeItems};
use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};

/// Layouts without an offset, read as UTC. Month names are English, in any case
/// (`26-FEB-1987`, `Feb 26, 1987`, `26 February 1987`).
const NAIVE_LAYOUTS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%d-%B-%Y %H:%M:%S%.f",
    "%d-%B-%Y %H:%M",
    "%B %d, %Y %H:%M:%S%.f",
    "%B %d, %Y %H:%M",
    "%B %d, %Y %I:%M %p",
    "%d %B %Y %H:%M:%S%.f",
    "%d %B %Y %H:%M",
    "%Y%m%dT%H%M%S",
];

/// Dates alone (midnight UTC).
const DATE_LAYOUTS: &[&str] = &[
    "%Y-%m-%d",
    "%d-%B-%Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %B %Y",
    "%Y%m%d",
];

/// Layouts with a numeric offset that RFC 3339 does not accept (`+0900`, no colon).
const OFFSET_LAYOUTS: &[&str] = &["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z"];

/// Day-first numeric layouts (`26/02/1987`, `26.02.1987 15:01`), read only with `--day-first`.
const DAY_FIRST_LAYOUTS: &[&str] = &[
    "%d/%m/%Y %H:%M:%S%.f",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d.%m.%Y %H:%M:%S%.f",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%d-%m-%Y %H:%M:%S%.f",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
];

/// How dates are read beyond the built-in layouts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateLayouts {
    /// strftime layouts tried first, in order; the first that parses wins.
    pub formats: Vec<String>,
    /// Read `26/02/1987`, `26.02.1987` and `26-02-1987` day first.
    pub day_first: bool,
}

/// Why a date was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// In no layout finsent reads.
    Unrecognised,
    /// `12/02/2026`: day or month first; `--day-first` or `--date-format` says which.
    Ambiguous,
}

impl DateLayouts {
    /// Checks a strftime layout given on the command line.
    pub fn check_format(format: &str) -> Result<(), String> {
        if format.trim().is_empty() {
            return Err("the date layout is empty".into());
        }
        if StrftimeItems::new(format).any(|item| matches!(item, Item::Error)) {
            return Err(format!("{format:?} is not a valid strftime layout"));
        }
        Ok(())
    }

    /// The date in RFC 3339 UTC. Read, in this order: the `formats` (with an offset, a
    /// time, or a date alone); RFC 3339 / ISO 8601 with or without an offset (without one it
    /// is UTC); RFC 2822 (`Thu, 12 Feb 2026 07:10:00 +0000`, as in RSS); English month names
    /// (`26-FEB-1987 15:01:01.79`, `Feb 26, 1987`, `26 February 1987`); a date alone
    /// (midnight UTC), also compact (`20260212`); Unix time in seconds (10 digits) or
    /// milliseconds (13 digits); with `day_first`, `26/02/1987`.
    pub fn normalize(&self, raw: &str) -> Result<String, DateError> {
        let text = raw.trim();
        let parsed = self
            .formats
            .iter()
            .find_map(|layout| parse_layout(text, layout))
            .or_else(|| parse_builtin(text))
            .or_else(|| {
                self.day_first
                    .then(|| DAY_FIRST_LAYOUTS.iter().find_map(|l| parse_layout(text, l)))
                    .flatten()
            });
        match parsed {
            Some(t) => Ok(t.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
            None if is_day_month(text) => Err(DateError::Ambiguous),
            None => Err(DateError::Unrecognised),
        }
    }
}

/// `text` in `layout`: with an offset, else as UTC, else a date alone at midnight UTC.
fn parse_layout(text: &str, layout: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_str(text, layout) {
        return Some(t.to_utc());
    }
    if let Ok(t) = NaiveDateTime::parse_from_str(text, layout) {
        return Some(t.and_utc());
    }
    let date = NaiveDate::parse_from_str(text, layout).ok()?;
    date.and_hms_opt(0, 0, 0).map(|t| t.and_utc())
}

fn parse_builtin(text: &str) -> Option<DateTime<Utc>> {
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
    if let Some(d) = DATE_LAYOUTS
        .iter()
        .filter(|layout| **layout != "%Y%m%d" || text.len() == 8)
        .find_map(|layout| NaiveDate::parse_from_str(text, layout).ok())
    {
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

/// `12/02/2026`, `12.02.2026`, `12-02-2026`, with or without a time: two numbers that may
/// each be the day or the month.
fn is_day_month(text: &str) -> bool {
    let date = text.split([' ', 'T']).next().unwrap_or("");
    let parts: Vec<&str> = date.split(['/', '.', '-']).collect();
    matches!(parts.as_slice(), [d, m, y]
        if (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) && matches!(y.len(), 2 | 4)
            && [d, m, y].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalize(raw: &str) -> Option<String> {
        DateLayouts::default().normalize(raw).ok()
    }

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
    fn reads_english_month_names_and_compact_dates() {
        let cases = [
            ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01.790Z"),
            ("26-FEB-1987 15:01", "1987-02-26T15:01:00Z"),
            ("26-Feb-1987", "1987-02-26T00:00:00Z"),
            ("Feb 26, 1987", "1987-02-26T00:00:00Z"),
            ("February 26, 1987", "1987-02-26T00:00:00Z"),
            ("Feb 26, 1987 15:01", "1987-02-26T15:01:00Z"),
            ("Feb 26, 1987 3:01 PM", "1987-02-26T15:01:00Z"),
            ("26 February 1987", "1987-02-26T00:00:00Z"),
            ("26 Feb 1987 15:01:01", "1987-02-26T15:01:01Z"),
            ("19870226", "1987-02-26T00:00:00Z"),
            ("20260212T071000", "2026-02-12T07:10:00Z"),
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
            "19871326",
            "12345",
            "",
        ] {
            assert_eq!(normalize(raw), None, "{raw}");
        }
    }

    #[test]
    fn day_first_dates_are_ambiguous_until_told() {
        let builtin = DateLayouts::default();
        for raw in ["26/02/1987", "12/02/2026", "26.02.1987 15:01", "26-02-1987"] {
            assert_eq!(builtin.normalize(raw), Err(DateError::Ambiguous), "{raw}");
        }
        assert_eq!(builtin.normalize("soon"), Err(DateError::Unrecognised));
        let day_first = DateLayouts {
            day_first: true,
            ..DateLayouts::default()
        };
        let cases = [
            ("26/02/1987", "1987-02-26T00:00:00Z"),
            ("12/02/2026", "2026-02-12T00:00:00Z"),
            ("26.02.1987 15:01", "1987-02-26T15:01:00Z"),
            ("26-02-1987 15:01:01", "1987-02-26T15:01:01Z"),
        ];
        for (raw, want) in cases {
            assert_eq!(day_first.normalize(raw).as_deref(), Ok(want), "{raw}");
        }
        assert_eq!(day_first.normalize("02/26/1987"), Err(DateError::Ambiguous));
    }

    #[test]
    fn given_layouts_come_first_in_order() {
        let layouts = DateLayouts {
            formats: vec!["%m/%d/%Y".into(), "%d/%m/%Y %Hh%M".into(), "%Y.%j".into()],
            day_first: true,
        };
        let cases = [
            ("02/12/2026", "2026-02-12T00:00:00Z"),
            ("12/02/2026 07h10", "2026-02-12T07:10:00Z"),
            ("2026.043", "2026-02-12T00:00:00Z"),
            ("2026-02-12T07:10:00Z", "2026-02-12T07:10:00Z"),
            ("26/02/1987", "1987-02-26T00:00:00Z"),
        ];
        for (raw, want) in cases {
            assert_eq!(layouts.normalize(raw).as_deref(), Ok(want), "{raw}");
        }
    }

    #[test]
    fn checks_layouts() {
        assert!(DateLayouts::check_format("%d/%m/%Y").is_ok());
        assert!(DateLayouts::check_format("%Q").is_err());
        assert!(DateLayouts::check_format(" ").is_err());
    }
}
