//! Progress on standard error while `finsent score` runs: a bar (indicatif) when standard
//! error is a terminal, a plain line every few seconds otherwise (logs, batch jobs), nothing
//! with `--quiet`. Position and ETA come from the input bytes read, when the input size is
//! known (files and directories, not standard input).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
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
    /// Input bytes read so far (the loaders count them).
    read: Arc<AtomicU64>,
    start: Instant,
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
            read,
            start: Instant::now(),
        }
    }

    /// Reports the run so far (called after every chunk).
    pub fn update(&mut self, stats: &RunStats) {
        let (start, total) = (self.start, self.total);
        let read = self.read.load(Ordering::Relaxed);
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
