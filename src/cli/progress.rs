//! Progress on standard error while `finsent score` runs: a bar (indicatif) when standard
//! error is a terminal, a plain line every few seconds otherwise (logs, batch jobs), nothing
//! with `--quiet`. Position and ETA come from where the input stood when the last record
//! done was read, when the input size is known (files and directories, not standard input).

use std::collections::VecDeque;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use finsent::loader::{InputFormat, walk};
use finsent::stream::RunStats;

enum Mode {
    Off,
    Bar(ProgressBar),
    Plain { every: Duration, last: Instant },
}

pub struct Progress {
    mode: Mode,
    /// Input bytes in all, when known.
    total: Option<u64>,
    /// Where the input stood after each record read, for the position of the records done.
    positions: Positions,
    /// Records whose position was taken from `positions`, and the last such position.
    done: (u64, u64),
    start: Instant,
}

/// The input bytes read when each record was read, in order. The loaders read ahead of
/// the records being scored (a channel and a chunk or two of them), so the bytes read say
/// "100%" while most records are still to score; the position of the last record done
/// does not.
#[derive(Debug, Clone, Default)]
pub struct Positions {
    queue: Arc<Mutex<VecDeque<u64>>>,
    /// Input bytes read so far (the loaders count them).
    read: Arc<AtomicU64>,
}

impl Positions {
    /// `records`, noting the input position after each one.
    pub fn track<T>(self, records: impl Iterator<Item = T>) -> impl Iterator<Item = T> {
        records.inspect(move |_| {
            let at = self.read.load(Ordering::Relaxed);
            self.queue
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push_back(at);
        })
    }

    /// The position after `n` more records, the last one taken, if any were noted.
    fn advance(&self, n: u64) -> Option<u64> {
        let mut queue = self
            .queue
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let n = usize::try_from(n).unwrap_or(usize::MAX).min(queue.len());
        queue.drain(..n).next_back()
    }
}

/// The size of what `inputs` name, as the loaders will read it; `None` with standard input.
pub fn input_size(inputs: &[PathBuf]) -> Option<u64> {
    let file_size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    inputs.iter().try_fold(0u64, |sum, input| {
        if input.as_os_str() == "-" {
            return None;
        }
        let size = if input.is_dir() {
            walk(input)
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && InputFormat::from_path(e.path()).is_some())
                .map(|e| file_size(e.path()))
                .sum()
        } else {
            file_size(input)
        };
        Some(sum + size)
    })
}

impl Progress {
    /// A bar on a terminal, else a line every `every`; off when `quiet`.
    pub fn new(quiet: bool, every: Duration, total: Option<u64>, read: Arc<AtomicU64>) -> Self {
        let mode = if quiet {
            Mode::Off
        } else if std::io::stderr().is_terminal() {
            let bar = match total {
                Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr())
                    .with_style(
                        ProgressStyle::with_template(
                            "{elapsed_precise} [{bar:30}] {percent:>3}% {msg}, ETA {eta}",
                        )
                        .expect("a valid template")
                        .progress_chars("=> "),
                    ),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
                    .with_style(
                        ProgressStyle::with_template("{elapsed_precise} {spinner} {msg}")
                            .expect("a valid template"),
                    ),
            };
            Mode::Bar(bar)
        } else {
            Mode::Plain {
                every,
                last: Instant::now(),
            }
        };
        Self {
            mode,
            total,
            positions: Positions {
                queue: Arc::default(),
                read,
            },
            done: (0, 0),
            start: Instant::now(),
        }
    }

    /// The tracker to wrap the records in ([`Positions::track`]), so that the position shown
    /// is that of the records done, not of the bytes read ahead.
    pub fn positions(&self) -> Positions {
        self.positions.clone()
    }

    /// The input position of the records done: `stats.read` and `stats.skipped` records.
    fn position(&mut self, stats: &RunStats) -> u64 {
        let records = stats.read + stats.skipped;
        if let Some(at) = self.positions.advance(records.saturating_sub(self.done.0)) {
            self.done = (records, at);
        }
        self.done.1
    }

    /// Reports the run so far (called after every chunk).
    pub fn update(&mut self, stats: &RunStats) {
        let (start, total) = (self.start, self.total);
        let read = self.position(stats);
        match &mut self.mode {
            Mode::Off => {}
            Mode::Bar(bar) => {
                bar.set_position(read);
                bar.set_message(message(start, stats));
            }
            Mode::Plain { every, last } => {
                if last.elapsed() < *every {
                    return;
                }
                *last = Instant::now();
                let done = total.filter(|&t| t > 0).map(|total| {
                    let fraction = (read as f64 / total as f64).min(1.0);
                    let elapsed = start.elapsed().as_secs_f64();
                    let eta = elapsed * (1.0 - fraction) / fraction.max(1e-9);
                    format!(", {:.0}% of input, ETA {}", fraction * 100.0, clock(eta))
                });
                let _ = writeln!(
                    std::io::stderr(),
                    "finsent: {}{}",
                    message(start, stats),
                    done.unwrap_or_default()
                );
            }
        }
    }

    /// Removes the bar, so the run summary stands alone.
    pub fn finish(&self) {
        if let Mode::Bar(bar) = &self.mode {
            bar.finish_and_clear();
        }
    }
}

/// Records, sentences and the rate since `start`.
fn message(start: Instant, stats: &RunStats) -> String {
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    format!(
        "{} records ({} scored, {} failed), {} sentences, {:.0} sentences/s",
        stats.scored + stats.failed,
        stats.scored,
        stats.failed,
        stats.sentences,
        stats.sentences as f64 / secs,
    )
}

/// Seconds as `H:MM:SS`.
fn clock(seconds: f64) -> String {
    let s = seconds.round() as u64;
    format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_reads_hours_minutes_seconds() {
        assert_eq!(clock(0.0), "0:00:00");
        assert_eq!(clock(3723.4), "1:02:03");
    }

    /// Regression: the progress line said "100% of input, ETA 0:00:00" while most records
    /// were still being scored, because it showed the bytes the loader had read ahead.
    #[test]
    fn progress_follows_the_records_done_not_the_bytes_read_ahead() {
        let read = Arc::new(AtomicU64::new(0));
        let mut progress = Progress::new(true, Duration::ZERO, Some(300), read.clone());
        let records = progress
            .positions()
            .track((1..=3).inspect(|i| read.store(i * 100, Ordering::Relaxed)));
        assert_eq!(records.count(), 3, "all read ahead");
        assert_eq!(read.load(Ordering::Relaxed), 300);
        let stats = |read, skipped| RunStats {
            read,
            skipped,
            ..RunStats::default()
        };
        assert_eq!(progress.position(&stats(1, 0)), 100);
        assert_eq!(
            progress.position(&stats(1, 1)),
            200,
            "skipped records count"
        );
        assert_eq!(progress.position(&stats(3, 1)), 300);
    }

    #[test]
    fn input_size_counts_readable_files_and_not_stdin() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "12345").unwrap();
        std::fs::write(dir.path().join("skip.bin"), "123").unwrap();
        let file = dir.path().join("b.jsonl");
        std::fs::write(&file, "1234567").unwrap();
        assert_eq!(input_size(&[dir.path().to_path_buf()]), Some(12));
        assert_eq!(input_size(std::slice::from_ref(&file)), Some(7));
        assert_eq!(input_size(&[file, PathBuf::from("-")]), None);
    }
}
