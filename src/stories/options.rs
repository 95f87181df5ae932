//! How stories are found: the window two articles of one story may lie apart in, and how
//! many fingerprints are held.

use std::time::Duration;

use crate::validate::{Field, Invalid};

/// How stories are found.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryOptions {
    /// How far apart in time two articles of one story may be.
    pub window: Duration,
    /// Fingerprints held at most: what bounds memory for an archive without dates, or one
    /// whose window holds more articles than this (about 1.3 KB each).
    pub capacity: usize,
}

impl Default for StoryOptions {
    fn default() -> Self {
        Self {
            window: Duration::from_secs(72 * 3600),
            capacity: 200_000,
        }
    }
}

impl StoryOptions {
    /// Checks the window: at least a second, at most a year (a longer one keeps every
    /// article of a dense archive until the capacity stops it).
    pub fn validate(&self) -> Result<(), Invalid> {
        let secs = self.window.as_secs();
        if !(1..=MAX_WINDOW_DAYS * 86_400).contains(&secs) {
            let allowed = format!("from 1 second to {MAX_WINDOW_DAYS} days");
            return Err(Invalid::new(
                Field::NoveltyWindow,
                allowed,
                format!("{secs} s"),
            ));
        }
        if self.capacity == 0 {
            return Err(Invalid::new(Field::StoryCapacity, "at least 1 article", 0));
        }
        Ok(())
    }
}

/// The longest novelty window, in days.
pub const MAX_WINDOW_DAYS: u64 = 366;

/// A window written as a number and a unit: `90s`, `30m`, `72h`, `3d`.
pub fn parse_window(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration such as 72h, 3d, 30m or 90s"))?;
    let seconds = match unit.trim() {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => {
            return Err(format!(
                "{text:?} is not a duration such as 72h, 3d, 30m or 90s"
            ));
        }
    };
    Ok(Duration::from_secs(number.saturating_mul(seconds)))
}
